"""The facilitator page: the invitation, progress, and the group only from the minimum size."""

from __future__ import annotations

import datetime as dt

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import access, answering, group, rounds
from tests.app.conftest import open_app

ORG = Organisation(name="Hotel Kowalski")


def _texts(at) -> str:
    parts = [*at.markdown, *at.text, *at.caption, *at.info, *at.warning, *at.subheader]
    return "\n".join(str(p.value) for p in parts)


def _session(engine, submitted: int, anonymous: bool = True):
    q = load_catalogue()[("kmu", "1.0")]
    started = rounds.start_session(engine, q, ORG, "Workshop", dt.date(2026, 5, 4), anonymous)
    code = access.resolve(engine, started.join_code)
    first = q.dimensions[0].items[0].id
    for n in range(3):
        joined = rounds.join(engine, code, name=f"Name{n}", role=f"Rolle{n}")
        me = access.resolve(engine, joined.token)
        answering.save_answer(engine, me, first, (0, 4, 2)[n])
        answering.save_comment(engine, me, first, f"Kommentar {n}")
        if n < submitted:
            rounds.submit(engine, me)
    return started


def test_two_submitted_show_progress_but_no_group_result(engine):
    started = _session(engine, submitted=2)
    at = open_app(started.admin_token, "facilitator.py")
    assert not at.exception, at.exception
    shown = _texts(at)
    assert started.join_code in shown
    assert "2 von 3 Teilnehmenden haben abgegeben" in shown
    assert "Gruppenergebnis (Mittelwerte)" not in shown and "Kommentar 0" not in shown
    assert "Noch nicht abgegeben" not in shown and "P3" not in shown  # anonymous: counts only


def test_a_named_session_says_who_has_not_submitted(engine):
    started = _session(engine, submitted=2, anonymous=False)
    at = open_app(started.admin_token, "facilitator.py")
    assert not at.exception, at.exception
    assert "Noch nicht abgegeben: P3 (1 von 40)" in _texts(at)


def test_three_submitted_show_the_group_without_anyone_named(engine):
    started = _session(engine, submitted=3)
    at = open_app(started.admin_token, "facilitator.py")
    assert not at.exception, at.exception
    shown = _texts(at)
    assert "Gruppenergebnis (Mittelwerte)" in shown and "Diskussionspunkt" in shown
    assert {"Kommentar 0", "Kommentar 1", "Kommentar 2"} <= set(shown.splitlines())
    assert not any(word in shown for word in ("Name0", "Rolle0", "P1:", "P2:"))


def test_a_participant_link_does_not_open_the_facilitator_page(engine):
    started = _session(engine, submitted=0)
    code = access.resolve(engine, started.join_token)
    token = rounds.join(engine, code).token
    at = open_app(token, "facilitator.py")
    assert not at.exception, at.exception
    assert "öffnet sich mit deren Moderationslink" in _texts(at)
    assert started.join_code not in _texts(at)


def test_the_group_agrees_a_consensus_target_and_note(engine):
    started = _session(engine, submitted=3)
    at = open_app(started.admin_token, "facilitator.py")
    area = load_catalogue()[("kmu", "1.0")].dimensions[0].id
    at.number_input(key=f"consensus_{started.round_id}_{area}").set_value(60.0)
    at.text_area(key=f"note_{started.round_id}_{area}").input("Leitbild gemeinsam schreiben")
    next(b for b in at.button if b.label == "Vereinbarung speichern").click().run()
    assert not at.exception, at.exception
    admin = access.resolve(engine, started.admin_token)
    found = group.result(engine, admin)
    assert found.consensus == {area: 60.0}
    assert group.notes(engine, admin) == {area: "Leitbild gemeinsam schreiben"}
