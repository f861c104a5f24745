"""Start page parts for a workshop: create a group session, or join one with its code."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.responses import Organisation
from assessment.services.errors import ServiceError
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import page
from assessment.ui.state import lang, set_token, tr
from assessment.ui.widgets import institution_type_select

#: The smallest group a session may require before it shows a result.
MIN_GROUP = 3


def create_session_form(chosen: tuple[str, str]) -> None:
    """The form that starts a group session with the chosen questionnaire."""
    from assessment.ui import actions
    from assessment.ui.session import catalogue

    q = catalogue()[chosen]
    kinds = {t.id: t.label(lang()) for t in q.institution_types}
    with st.expander(tr("ui.s_create_title"), icon=":material/groups:"):
        st.caption(tr("ui.s_create_intro"))
        with st.form("create_session"):
            name = st.text_input(tr("ui.profile_name"), max_chars=200, key="s_org_name")
            kind = institution_type_select(kinds, f"s_kind_{q.id}")
            left, right = st.columns(2)
            sector = left.text_input(tr("common.org_sector"), max_chars=200, key="s_org_sector")
            region = right.text_input(tr("common.org_region"), max_chars=200, key="s_org_region")
            label = left.text_input(
                tr("ui.s_label"), value=tr("ui.s_label_default"), max_chars=200, key="s_label"
            )
            day = right.date_input(tr("ui.s_date"), value=date.today(), key="s_date")
            anonymous = st.toggle(
                tr("ui.s_anonymous"), value=True, help=tr("ui.s_anonymous_help"), key="s_anon"
            )
            min_group = st.number_input(
                tr("ui.s_min_group"),
                min_value=MIN_GROUP,
                max_value=100,
                value=MIN_GROUP,
                step=1,
                help=tr("ui.s_min_group_help"),
                key="s_min_group",
            )
            create = st.form_submit_button(
                tr("ui.s_create_button"), type="primary", icon=":material/groups:"
            )
    if not create:
        return
    if not name.strip():
        st.error(tr("ui.profile_name_missing"))
        return
    if kinds and kind is None:
        st.error(tr("ui.profile_kind_missing"))
        return
    organisation = Organisation(name=name, sector=sector, region=region)
    try:
        admin_token = actions.create_session(
            q,
            organisation,
            label.strip() or tr("ui.s_label_default"),
            day,
            anonymous=anonymous,
            min_group_size=int(min_group),
            institution_type=kind,
        )
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        return
    set_token(admin_token)
    st.switch_page(page("facilitator"))


def join_code_box() -> None:
    """A field for a session's join code (or join link) that leads to the join page."""
    from assessment.services import access
    from assessment.ui.session import engine
    from assessment.ui.state import extract_token

    with st.container(border=True):
        st.subheader(tr("ui.s_join_title"))
        typed = st.text_input(
            tr("ui.s_join_help"), placeholder="ABCD-EFGH", max_chars=300, key="join_input"
        )
        if st.button(tr("ui.s_join_button"), icon=":material/group_add:", key="join_button"):
            value = extract_token(typed)
            visitor = access.resolve(engine(), value) if value else None
            if visitor is not None and visitor.role == "join":
                set_token(value)
                st.switch_page(page("join"))
            st.error(tr("ui.s_join_invalid"))
