"""A rerun request for a fragment the session does not know becomes a run of the whole page."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSession

from assessment.ui import fragment_fallback


@pytest.fixture
def received(monkeypatch) -> list[ClientState | None]:
    """What Streamlit's own `request_rerun` is called with once the fallback is installed."""
    calls: list[ClientState | None] = []
    monkeypatch.setattr(AppSession, "request_rerun", lambda self, state=None: calls.append(state))
    fragment_fallback.install()
    return calls


def _session(known: set[str]):
    return SimpleNamespace(has_fragment=lambda fragment_id: fragment_id in known)


def _click(fragment_id: str, auto: bool = False) -> ClientState:
    state = ClientState(fragment_id=fragment_id, is_auto_rerun=auto, query_string="t=abc")
    state.widget_states.widgets.add(id="answer_x__r1", int_value=3)
    return state


def test_an_unknown_fragment_runs_the_whole_page_with_the_same_widget_values(received):
    AppSession.request_rerun(_session(set()), _click("f1"))
    (sent,) = received
    assert sent.fragment_id == ""
    assert sent.query_string == "t=abc"
    assert [(w.id, w.int_value) for w in sent.widget_states.widgets] == [("answer_x__r1", 3)]


def test_a_known_fragment_and_a_full_run_pass_unchanged(received):
    known, full = _click("f1"), _click("")
    AppSession.request_rerun(_session({"f1"}), known)
    AppSession.request_rerun(_session(set()), full)
    AppSession.request_rerun(_session(set()), None)
    assert received == [known, full, None]
    assert received[0].fragment_id == "f1"


def test_an_automatic_rerun_of_an_unknown_fragment_keeps_streamlits_behaviour(received):
    auto = _click("f1", auto=True)
    AppSession.request_rerun(_session(set()), auto)
    assert received == [auto] and received[0].fragment_id == "f1"


def test_installing_twice_wraps_once(received):
    fragment_fallback.install()
    AppSession.request_rerun(_session(set()), _click("f1"))
    assert len(received) == 1
