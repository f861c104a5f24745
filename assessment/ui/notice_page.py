"""The privacy and legal notice pages: the operator's Markdown (or the default), without HTML."""

from __future__ import annotations

import logging

import streamlit as st

from assessment.notices import Kind, NoticeUnreadable, load_notice
from assessment.ui.state import lang, tr

log = logging.getLogger("assessment.ui")


def show_notice(kind: Kind, title_key: str) -> None:
    """Draw the notice of `kind` under its title; an unreadable operator file goes to the log."""
    st.title(tr(title_key))
    try:
        notice = load_notice(kind, lang())
    except NoticeUnreadable as problem:
        log.error("the %s notice is not shown: %s", kind, problem)
        st.error(tr("ui.notice_unreadable"), icon=":material/error:")
        return
    # Operator Markdown is trusted, but raw HTML in it is never rendered as markup.
    st.markdown(notice.markdown, unsafe_allow_html=False)
