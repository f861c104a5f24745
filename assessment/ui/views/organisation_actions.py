"""The organisation page's actions beyond its rounds: open the comparison, delete it all."""

from __future__ import annotations

import streamlit as st

from assessment.services import rounds
from assessment.services.access import Visitor
from assessment.services.errors import ServiceError
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import page
from assessment.ui.session import engine
from assessment.ui.state import forget_token, tr


def comparison_link() -> None:
    """The link to the comparison page (any two rounds, items, trend)."""
    st.page_link(
        page("comparison"), label=tr("history.compare.open"), icon=":material/compare_arrows:"
    )


def history_actions(visitor: Visitor) -> None:
    """For the organisation link: deleting the organisation with everything it holds."""
    if visitor.may("delete"):
        _delete(visitor)


def _delete(visitor: Visitor) -> None:
    with st.expander(tr("history.compare.d_title"), icon=":material/delete_forever:"):
        try:
            contents = rounds.deletion_preview(engine(), visitor)
        except ServiceError as error:
            st.error(error_message(error), icon=":material/block:")
            return
        st.markdown(
            tr(
                "history.compare.d_what",
                units=contents.units,
                rounds=contents.rounds,
                respondents=contents.respondents,
                answers=contents.answers,
                plans=contents.plans,
            )
        )
        st.caption(tr("history.compare.d_final"))
        st.text(contents.name)  # the organisation's own name, shown as text
        typed = st.text_input(tr("history.compare.d_confirm"), key="d_confirm", max_chars=200)
        matches = " ".join(typed.split()) == " ".join(contents.name.split())
        clicked = st.button(
            tr("history.compare.d_button"),
            type="primary",
            icon=":material/delete_forever:",
            disabled=not matches,
            key="d_button",
        )
    if not clicked:
        return
    try:
        rounds.delete_organisation(engine(), visitor)
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        return
    forget_token()
    st.session_state.pop("d_confirm", None)
    st.success(tr("history.compare.d_done"), icon=":material/check_circle:")
    st.page_link(page("start"), label=tr("ui.go_start"), icon=":material/home:")
    st.stop()
