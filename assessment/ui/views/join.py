"""Join: a session's join link asks for nothing (anonymous) or an optional name and role."""

from __future__ import annotations

import streamlit as st

from assessment.responses import NAME_MAX_LENGTH
from assessment.services import access, rounds
from assessment.services.errors import ServiceError
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import page
from assessment.ui.session import engine
from assessment.ui.state import set_token, token, tr


def render() -> None:
    """Draw the join page for the join token in the URL."""
    st.title(tr("ui.j_title"))
    value = token()
    visitor = access.resolve(engine(), value) if value else None
    if visitor is None or visitor.role != "join" or visitor.round is None:
        if visitor is not None and visitor.role == "respondent":
            st.switch_page(page("questionnaire"))  # already joined: this is the own link
        st.info(tr("ui.j_no_code"))
        st.page_link(page("start"), label=tr("ui.go_start"), icon=":material/home:")
        st.stop()
    details = visitor.round
    st.text(f"{details.organisation.name} · {details.label}")
    if visitor.is_closed:
        st.info(tr("ui.j_closed"), icon=":material/lock:")
        st.stop()
    name = role = ""
    with st.container(border=True):
        if details.anonymous:
            st.markdown(f":material/visibility_off: {tr('ui.j_anonymous')}")
        else:
            st.write(tr("ui.j_named"))
            left, right = st.columns(2)
            name = left.text_input(tr("ui.j_name"), max_chars=NAME_MAX_LENGTH, key="j_name")
            role = right.text_input(tr("ui.j_role"), max_chars=NAME_MAX_LENGTH, key="j_role")
        st.caption(tr("ui.j_link_note"))
        if st.button(tr("ui.j_button"), type="primary", icon=":material/login:", key="j_go"):
            try:
                joined = rounds.join(engine(), visitor, name=name, role=role)
            except ServiceError as error:
                st.error(error_message(error), icon=":material/block:")
                st.stop()
            set_token(joined.token)
            st.switch_page(page("questionnaire"))
