"""Answer and comment widgets whose stored value is the truth (see DESIGN §9).

A widget's `on_change` callback is no delivery guarantee: interrupted reruns and a tab that
reconnects to a restarted server can leave a new value in the widget without any callback.
So every render compares what each widget shows with what is stored and settles the
difference: a value the user changed is written (or marked "not saved" with a retry), a value
changed elsewhere (another tab) is shown. Keys carry the respondent, so switching links never
shows or saves another respondent's values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from assessment.services import errors
from assessment.ui.state import tr

#: Session key of {widget key: stored value this session last saw for it}.
SEEN = "stored_seen"
#: Session key of {widget key: why its value is not stored}.
FAILED = "unsaved_reasons"


def answer_key(respondent_id: int, item_id: str) -> str:
    """The widget key of a statement's answer radio."""
    return f"answer_{item_id}__r{respondent_id}"


def comment_key(respondent_id: int, item_id: str) -> str:
    """The widget key of a statement's comment field."""
    return f"comment_{item_id}__r{respondent_id}"


def error_message(error: errors.ServiceError) -> str:
    """What happened and what to do, in one sentence of the UI language."""
    if isinstance(error, errors.RoundClosed):
        return tr("ui.error_round_closed")
    if isinstance(error, errors.Forbidden):
        return tr("ui.error_forbidden")
    if isinstance(error, errors.NotFound):
        return tr("ui.error_not_found")
    if isinstance(error, errors.Conflict):
        return tr("ui.error_conflict")
    if isinstance(error, errors.TooLong):
        return tr("ui.error_too_long")
    if isinstance(error, errors.InstitutionTypeMissing):
        return tr("ui.profile_kind_missing")
    if isinstance(error, errors.Invalid):
        return tr("ui.error_invalid")
    return tr("ui.q_not_saved")


def follow_stored(key: str, stored: Any) -> None:
    """Before drawing: show a value changed elsewhere, unless the user changed it here since."""
    seen = st.session_state.setdefault(SEEN, {})
    if key not in seen or seen[key] == stored or key not in st.session_state:
        return
    if st.session_state[key] == seen[key]:
        st.session_state[key] = stored


def settle(key: str, shown: Any, stored: Any, save: Callable[[Any], None]) -> bool:
    """After drawing: write a shown value that is not stored; False if the write failed."""
    seen = st.session_state.setdefault(SEEN, {})
    failed = st.session_state.setdefault(FAILED, {})
    if shown != stored:
        try:
            save(shown)
        except errors.ServiceError as error:
            failed[key] = error_message(error)
            return False
    failed.pop(key, None)
    seen[key] = shown
    return True


def unsaved_marker(key: str) -> None:
    """Under a widget whose value is not stored: say so and offer to try again."""
    reason = st.session_state.get(FAILED, {}).get(key)
    if reason is None:
        return
    kind, item_part = key.split("_", 1)  # answer_x -> unsaved_x, comment_x -> unsavedcomment_x
    marker = f"unsaved_{item_part}" if kind == "answer" else f"unsaved{kind}_{item_part}"
    with st.container(key=marker, horizontal=True, vertical_alignment="center"):
        st.error(reason, icon=":material/sync_problem:", width="stretch")
        st.button(tr("ui.q_retry"), key=f"retry_{key}", icon=":material/refresh:")
