"""Questionnaire: one area per step; every answer and comment is saved when given."""

import streamlit as st

from assessment.ui import actions
from assessment.ui.state import lang, tr
from assessment.ui.widgets import require_current, resume_link_box, round_caption, scroll_to_top

NA = -1  # radio option for "don't know / not applicable" (stored as NULL)


def render() -> None:
    """Draw the current area of the questionnaire."""
    cur = require_current()
    q, language = cur.questionnaire, lang()
    respondent = cur.respondent_id
    if respondent is None:  # a round's admin link: it opens results and roadmap, not answers
        st.info(tr("ui.q_admin_link"))
        st.page_link("assessment/ui/pages/results.py", label=tr("ui.nav_results"))
        st.stop()
    areas = q.dimensions
    step = actions.area_step(len(areas))
    area = areas[step]
    actions.forget_other_respondents_widgets(respondent)
    answers, comments = actions.respondent_state(respondent)

    if st.session_state.pop("scroll_to_top", False):
        scroll_to_top()
    round_caption(cur)
    resume_link_box(cur)
    answered = sum(1 for item in q.items_by_id if item in answers)
    st.progress(answered / len(q.items_by_id), text=tr("ui.q_progress", answered=answered,
                                                        total=len(q.items_by_id)))  # fmt: skip
    st.caption(tr("ui.q_area_of", k=step + 1, n=len(areas)))
    st.header(area.title(language))
    st.write(area.intro(language))

    scale = {level.value: level.label(language) for level in q.scale}
    with st.expander(tr("ui.q_scale_title")):
        for level in q.scale:
            st.markdown(
                f"**{level.value} – {level.label(language)}**: {level.description(language)}"
            )

    options = [*scale, NA]
    labels = {**scale, NA: tr("ui.q_na")}
    for number, item in enumerate(area.items, start=1):
        with st.container(border=True):
            index = None
            if item.id in answers:
                index = options.index(NA if answers[item.id] is None else answers[item.id])
            st.radio(
                f"{number}. {item.statement(language)}",
                options=options,
                index=index,
                format_func=labels.get,
                horizontal=True,
                help=f"**{tr('ui.q_hint')}:** {item.hint(language)}",
                key=f"answer_{item.id}",
                on_change=actions.save_answer_from_widget,
                args=(respondent, item.id, f"answer_{item.id}", NA),
            )
            st.text_input(
                tr("ui.q_comment"),
                value=comments.get(item.id, ""),
                placeholder=tr("ui.q_comment_placeholder"),
                max_chars=10_000,  # as long as a comment in a response file
                key=f"comment_{item.id}",
                label_visibility="collapsed",
                on_change=actions.save_comment_from_widget,
                args=(respondent, item.id, f"comment_{item.id}"),
            )
    st.caption(tr("ui.q_saved_note"))

    nav = st.container(horizontal=True, vertical_alignment="center")
    if step > 0:
        nav.button(tr("ui.q_prev"), on_click=actions.set_area_step, args=(step - 1,))
    nav.space("stretch")  # the way forward sits on the right
    if step + 1 < len(areas):
        nav.button(
            tr("ui.q_next"), type="primary", on_click=actions.set_area_step, args=(step + 1,)
        )
    elif nav.button(tr("ui.q_to_results"), type="primary"):
        st.switch_page("assessment/ui/pages/results.py")
