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
from dataclasses import dataclass
from typing import Any

import streamlit as st

from assessment.questionnaire import Item
from assessment.responses import COMMENT_MAX_LENGTH, NOT_APPLICABLE
from assessment.services import errors
from assessment.services.access import Visitor
from assessment.ui import actions
from assessment.ui.state import tr
from assessment.ui.widgets import further_dimensions_note

#: Session key of {widget key: stored value this session last saw for it}.
SEEN = "stored_seen"
#: Session key of {widget key: why its value is not stored}.
FAILED = "unsaved_reasons"
#: The radio option for "don't know" (stored as NULL); "not applicable" is "na", as stored.
DONT_KNOW = -1


@dataclass(frozen=True)
class AnswerForm:
    """What every statement of an area shares: the options, their labels, read-only, hints."""

    options: list[int]
    labels: dict[int, str]
    closed: bool
    hints: bool


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


def answer_radio(
    visitor: Visitor, item: Item, number: int, form: AnswerForm, answers: dict, language: str
) -> None:
    """One statement's radio; what it shows is stored, or marked as not saved."""
    key = answer_key(visitor.respondent_id, item.id)
    stored = _stored_option(answers, item.id)
    follow_stored(key, stored)
    shown = st.radio(
        f"{number}. {item.statement(language)}",
        options=form.options,
        index=None if stored is None else form.options.index(stored),
        format_func=form.labels.get,
        horizontal=True,
        help=f"**{tr('ui.q_hint')}:** {item.hint(language)}",
        key=key,
        disabled=form.closed,
    )
    note = further_dimensions_note(item)
    if note:
        st.caption(note)
    settle(key, shown, stored, _answer_saver(visitor, item.id, answers))
    unsaved_marker(key)


def comment_input(visitor: Visitor, item: Item, form: AnswerForm, comments: dict) -> None:
    """One statement's comment field; committed on Enter or when it loses focus."""
    key = comment_key(visitor.respondent_id, item.id)
    stored = comments.get(item.id, "")
    follow_stored(key, stored)
    shown = st.text_input(
        tr("ui.q_comment"),
        value=stored,
        placeholder=tr("ui.q_comment_placeholder"),
        max_chars=COMMENT_MAX_LENGTH,
        key=key,
        label_visibility="collapsed",
        disabled=form.closed,
    )
    settle(key, _comment_text(shown), stored, _comment_saver(visitor, item.id))
    unsaved_marker(key)


def _stored_option(answers: dict, item_id: str) -> int | str | None:
    """The radio option of the stored answer: None unanswered, DONT_KNOW for "don't know"."""
    if item_id not in answers:
        return None
    return DONT_KNOW if answers[item_id] is None else answers[item_id]


def _comment_text(shown: str | None) -> str:
    return shown if shown and shown.strip() else ""


def _answer_saver(visitor: Visitor, item_id: str, answers: dict) -> Callable[[Any], None]:
    def save(value) -> None:
        if value is None:
            actions.clear_answer(visitor, item_id)
            answers.pop(item_id, None)
            return
        given = None if value == DONT_KNOW else value if value == NOT_APPLICABLE else int(value)
        actions.save_answer(visitor, item_id, given)
        answers[item_id] = given  # only once stored: the progress bar counts what is stored

    return save


def _comment_saver(visitor: Visitor, item_id: str) -> Callable[[str], None]:
    def save(given: str) -> None:
        actions.save_comment(visitor, item_id, given)

    return save
