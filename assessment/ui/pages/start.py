"""Start: what the check is, choose a questionnaire, start, resume or open the demo."""

import streamlit as st

from assessment.ui.pages_registry import link, page
from assessment.ui.state import extract_token, forget_token, lang, set_token, tr

st.title(tr("common.product"))
st.write(tr("ui.start_intro"))

# The database and questionnaire modules load after the first paint: a cold start shows the
# page's title while they import.
from assessment.ui import actions  # noqa: E402
from assessment.ui.session import catalogue, current  # noqa: E402
from assessment.ui.views.session_start import create_session_form, join_code_box  # noqa: E402

cur = current()
if cur is not None:
    with st.container(border=True):
        st.text(tr("ui.start_current", org=cur.details.organisation.name, round=cur.details.label))
        st.code(link(cur.token), language=None, wrap_lines=True)
        moderating = cur.visitor.role == "facilitator" and cur.details.mode == "session"
        if moderating and st.button(tr("ui.f_to_facilitator"), type="primary"):
            st.switch_page(page("facilitator"))
        if not moderating and st.button(tr("ui.start_continue"), type="primary"):
            st.switch_page(page("questionnaire"))

language = lang()
questionnaires = sorted(catalogue().values(), key=lambda q: q.id)
titles = {(q.id, q.version): q.title(language) for q in questionnaires}
new_col, side_col = st.columns([3, 2], gap="large")
with new_col:
    st.subheader(tr("ui.start_choose"))
    chosen = st.radio(
        tr("ui.start_choose"),
        options=[(q.id, q.version) for q in questionnaires],
        format_func=titles.get,
        captions=[q.description(language) for q in questionnaires],
        label_visibility="collapsed",
        key="start_questionnaire",
    )
    if st.button(tr("ui.start_new"), type="primary", icon=":material/play_arrow:"):
        st.session_state["new_questionnaire"] = chosen
        forget_token()
        st.switch_page(page("profile"))
    create_session_form(chosen)

with side_col:
    join_code_box()
    with st.container(border=True):
        st.subheader(tr("ui.start_resume_title"))
        pasted = st.text_input(tr("ui.start_resume_help"), key="resume_input")
        if st.button(tr("ui.start_resume_button"), icon=":material/login:"):
            value = extract_token(pasted)
            if value and actions.token_is_valid(value):
                set_token(value)
                st.switch_page(page("questionnaire"))
            st.error(tr("ui.start_resume_invalid"))
    with st.container(border=True):
        st.subheader(tr("ui.start_demo_title"))
        st.caption(tr("ui.start_demo_text"))
        if st.button(tr("ui.start_demo_button"), icon=":material/visibility:"):
            set_token(actions.open_demo())
            st.switch_page(page("results"))

with st.container(horizontal=True, key="legal_links"):
    st.page_link(page("privacy"), label=tr("ui.nav_privacy"), icon=":material/shield_person:")
    st.page_link(page("imprint"), label=tr("ui.nav_imprint"), icon=":material/gavel:")
