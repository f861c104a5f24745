"""Questionnaire: one area per step; every answer and comment is saved when given."""

import streamlit as st

from assessment.responses import COMMENT_MAX_LENGTH, NOT_APPLICABLE
from assessment.services.errors import ServiceError
from assessment.ui import actions
from assessment.ui import answer_widgets as widgets
from assessment.ui.pages_registry import page
from assessment.ui.state import lang, tr
from assessment.ui.widgets import (
    further_dimensions_note,
    require_current,
    resume_link_box,
    round_caption,
    scroll_to_top,
)

DONT_KNOW = -1  # radio option for "don't know" (stored as NULL); "not applicable" is "na"


def render() -> None:
    """Draw the current area of the questionnaire."""
    cur = require_current()
    q, language = cur.questionnaire, lang()
    visitor = cur.visitor
    if not visitor.may("answer"):  # a facilitator's or organisation link: results, not answers
        st.title(tr("ui.nav_questionnaire"))
        st.info(tr("ui.q_admin_link"))
        st.page_link(page("results"), label=tr("ui.nav_results"))
        st.stop()
    areas = q.dimensions
    step = actions.area_step(len(areas))
    area = areas[step]
    answers, comments = actions.respondent_state(visitor)
    closed = visitor.is_closed  # read-only: shown as given, every widget disabled

    if st.session_state.pop("scroll_to_top", False):
        scroll_to_top()
    round_caption(cur)
    if closed:
        st.info(tr("ui.q_closed_note"), icon=":material/lock:")
    resume_link_box(cur)
    progress = st.empty()  # filled once every widget of this area is settled with the database
    st.caption(tr("ui.q_area_of", k=step + 1, n=len(areas)))
    st.header(area.title(language))
    st.write(area.intro(language))

    scale = {level.value: level.label(language) for level in q.scale}
    with st.expander(tr("ui.q_scale_title")):
        for level in q.scale:
            st.markdown(
                f"**{level.value} – {level.label(language)}**: {level.description(language)}"
            )

    options = [*scale, DONT_KNOW, NOT_APPLICABLE]
    labels = {
        **scale,
        DONT_KNOW: tr("common.dont_know"),
        NOT_APPLICABLE: tr("common.not_applicable"),
    }
    for number, item in enumerate(area.items, start=1):
        with st.container(border=True):
            _answer(visitor, item, number, options, labels, answers, language, closed)
            _comment(visitor, item, comments, closed)
    answered = sum(1 for item in q.items_by_id if item in answers)
    total = len(q.items_by_id)
    progress.progress(answered / total, text=tr("ui.q_progress", answered=answered, total=total))
    st.caption(tr("ui.q_saved_note"))

    nav = st.container(horizontal=True, vertical_alignment="center")
    if step > 0:
        nav.button(tr("ui.q_prev"), on_click=actions.set_area_step, args=(step - 1,))
    nav.space("stretch")  # the way forward sits on the right
    if step + 1 < len(areas):
        nav.button(
            tr("ui.q_next"), type="primary", on_click=actions.set_area_step, args=(step + 1,)
        )
    elif visitor.is_self_check and nav.button(tr("ui.q_to_results"), type="primary"):
        st.switch_page(page("results"))
    if not visitor.is_self_check:  # a session's participant hands in their answers
        _submit_box(visitor, closed)


def _submit_box(visitor, closed: bool) -> None:
    """Submit (or take back) the own answers; they stay editable until the round is closed."""
    wanted: bool | None = None
    with st.container(border=True, key="submit_box"):
        if actions.is_submitted(visitor):
            st.success(tr("ui.q_submitted"), icon=":material/task_alt:")
            if not closed and st.button(tr("ui.q_unsubmit")):
                wanted = False
        else:
            st.write(tr("ui.q_submit_text"))
            if st.button(
                tr("ui.q_submit"), type="primary", icon=":material/send:", disabled=closed
            ):
                wanted = True
        if wanted is None:
            return
        try:  # in the script, not in a callback: a refusal is shown here in one sentence
            actions.set_submitted(visitor, wanted)
        except ServiceError as error:
            st.error(widgets.error_message(error))
        else:
            st.rerun()


def _answer(visitor, item, number, options, labels, answers, language, closed) -> None:
    """One statement's radio; what it shows is stored, or marked as not saved."""
    key = widgets.answer_key(visitor.respondent_id, item.id)
    given = answers.get(item.id, None)
    stored = (DONT_KNOW if given is None else given) if item.id in answers else None
    widgets.follow_stored(key, stored)
    shown = st.radio(
        f"{number}. {item.statement(language)}",
        options=options,
        index=None if stored is None else options.index(stored),
        format_func=labels.get,
        horizontal=True,
        help=f"**{tr('ui.q_hint')}:** {item.hint(language)}",
        key=key,
        disabled=closed,
    )
    note = further_dimensions_note(item)
    if note:
        st.caption(note)

    def save(value) -> None:
        if value is None:
            actions.clear_answer(visitor, item.id)
            answers.pop(item.id, None)
            return
        given = None if value == DONT_KNOW else value
        actions.save_answer(visitor, item.id, given)
        answers[item.id] = given  # only once stored: the progress bar counts what is stored

    widgets.settle(key, shown, stored, save)
    widgets.unsaved_marker(key)


def _comment(visitor, item, comments, closed) -> None:
    """One statement's comment field; committed on Enter or when it loses focus."""
    key = widgets.comment_key(visitor.respondent_id, item.id)
    stored = comments.get(item.id, "")
    widgets.follow_stored(key, stored)
    shown = st.text_input(
        tr("ui.q_comment"),
        value=stored,
        placeholder=tr("ui.q_comment_placeholder"),
        max_chars=COMMENT_MAX_LENGTH,
        key=key,
        label_visibility="collapsed",
        disabled=closed,
    )
    text = shown if shown.strip() else ""

    def save(given: str) -> None:
        actions.save_comment(visitor, item.id, given)

    widgets.settle(key, text, stored, save)
    widgets.unsaved_marker(key)
