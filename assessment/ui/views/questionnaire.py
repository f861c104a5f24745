"""Questionnaire: one area per step; every answer and comment is saved when given.

The area's answer list is a fragment: an answer or comment reruns that list alone (with the
progress bar at its top), moving to another area reruns the page.
"""

from __future__ import annotations

import streamlit as st

from assessment.questionnaire import Dimension, Questionnaire
from assessment.responses import NOT_APPLICABLE
from assessment.services.access import Visitor
from assessment.services.errors import ServiceError
from assessment.ui import actions
from assessment.ui import answer_widgets as widgets
from assessment.ui.pages_registry import page
from assessment.ui.state import lang, tr
from assessment.ui.widgets import (
    require_current,
    resume_link_box,
    round_caption,
    scroll_to_top,
)

DONT_KNOW = widgets.DONT_KNOW
#: Session key of the entries the page's run read, used by its statements while it runs.
PAGE_ENTRIES = "questionnaire_entries"
#: Each statement is one card without a container of its own (a container costs a message on
#: every click): its radio on top, then its "not saved" marker and hint, its comment at the
#: bottom. On a phone the options stack in scale order instead of wrapping into a zig-zag.
_PAGE_CSS = """<style>
[class*="st-key-answer_"], [class*="st-key-unsaved_"], [class*="st-key-hint_"],
[class*="st-key-comment_"], [class*="st-key-unsavedcomment_"] {
  border: 0 solid rgba(49, 51, 63, 0.2); border-width: 0 1px; padding: 0 1rem;
}
[class*="st-key-answer_"] {
  border-top-width: 1px; border-radius: 0.5rem 0.5rem 0 0; padding-top: 1rem;
}
[class*="st-key-unsaved_"], [class*="st-key-hint_"], [class*="st-key-comment_"],
[class*="st-key-unsavedcomment_"] { margin-top: -1rem; padding-top: 0.75rem; }
[class*="st-key-comment_"]:not(:has(+ [class*="st-key-unsavedcomment_"])),
[class*="st-key-unsavedcomment_"] {
  border-bottom-width: 1px; border-radius: 0 0 0.5rem 0.5rem; padding-bottom: 1rem;
}
@media (max-width: 640px) {
  [class*="st-key-answer_"] [role="radiogroup"] {
    flex-direction: column; align-items: flex-start; gap: 0.35rem;
  }
}
</style>"""


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
    entries = actions.respondent_state(visitor)
    closed = visitor.is_closed  # read-only: shown as given, every widget disabled

    if st.session_state.pop("scroll_to_top", False):
        scroll_to_top()
    st.html(_PAGE_CSS)
    round_caption(cur)
    if closed:
        st.info(tr("ui.q_closed_note"), icon=":material/lock:")
    resume_link_box(cur)
    _area_picker(q, step, entries[0], language)
    st.caption(tr("ui.q_area_of", k=step + 1, n=len(areas)))
    st.header(area.title(language))
    st.write(area.intro(language))
    with st.expander(tr("ui.q_scale_title")):
        for level in q.scale:
            st.markdown(
                f"**{level.value} – {level.label(language)}**: {level.description(language)}"
            )
    hints = st.toggle(tr("ui.q_show_hints"), key="q_show_hints")

    scale = {level.value: level.label(language) for level in q.scale}
    form = widgets.AnswerForm(
        options=[*scale, DONT_KNOW, NOT_APPLICABLE],
        labels={
            **scale,
            DONT_KNOW: tr("common.dont_know"),
            NOT_APPLICABLE: tr("common.not_applicable"),
        },
        closed=closed,
        hints=hints,
    )
    st.session_state[PAGE_ENTRIES] = entries
    try:
        _answer_list(visitor, q, area, form)
    finally:
        st.session_state.pop(PAGE_ENTRIES, None)  # the list's own rerun reads anew
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


def _area_picker(q: Questionnaire, step: int, answers: dict, language: str) -> None:
    """Every area with the count of its open statements; a click moves there."""
    labels = {}
    for index, area in enumerate(q.dimensions):
        title = f"{index + 1}. {area.title(language)}"
        left = sum(1 for item in area.items if item.id not in answers)
        if index == step:  # its count is in the progress line, kept current by each click
            labels[index] = title
        elif left:
            labels[index] = tr("ui.q_area_open", area=title, open=left)
        else:
            labels[index] = tr("ui.q_area_complete", area=title)
    key = f"area_pick_{step}"
    st.pills(
        tr("ui.q_areas"),
        options=list(labels),
        format_func=labels.get,
        default=step,
        key=key,
        on_change=_jump,
        args=(key, step),
    )


def _jump(key: str, step: int) -> None:
    chosen = st.session_state.get(key)
    if chosen is not None and chosen != step:
        actions.set_area_step(chosen)


def _progress(target, q: Questionnaire, area: Dimension, answers: dict) -> None:
    """The progress bar: all statements answered, and what is still open in this area."""
    answered = sum(1 for item in q.items_by_id if item in answers)
    total = len(q.items_by_id)
    left = sum(1 for item in area.items if item.id not in answers)
    here = tr("ui.q_open_here", open=left) if left else tr("ui.q_area_done")
    text = f"{tr('ui.q_progress', answered=answered, total=total)} · {here}"
    target.progress(answered / total, text=text)


@st.fragment
def _answer_list(
    visitor: Visitor, q: Questionnaire, area: Dimension, form: widgets.AnswerForm
) -> None:
    """The progress bar and the area's statements; a click on one reruns only this."""
    answers, comments = st.session_state.get(PAGE_ENTRIES) or actions.respondent_state(visitor)
    language = lang()
    progress = st.empty()  # filled once every widget of this area is settled with the database
    for number, item in enumerate(area.items, start=1):
        widgets.answer_radio(visitor, item, number, form, answers, language)
        if form.hints:
            st.container(key=f"hint_{item.id}").caption(
                f"**{tr('ui.q_hint')}:** {item.hint(language)}"
            )
        widgets.comment_input(visitor, item, form, comments)
    _progress(progress, q, area, answers)


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
