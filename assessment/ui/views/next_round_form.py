"""The next round, started from the organisation page: same profile, targets and plan."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assessment.questionnaire import offered
from assessment.services import next_round
from assessment.services.access import Visitor
from assessment.services.errors import ServiceError
from assessment.services.history import History
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import link, page
from assessment.ui.session import catalogue, engine
from assessment.ui.state import NEW_OWNER_TOKEN, lang, set_token, tr
from assessment.ui.widgets import institution_type_select

#: Session key of the round just started here: (mode, token to continue with, join code).
STARTED = "o_started"
MIN_GROUP = 3


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _mode_name(mode: str) -> str:
    return tr("history.mode_session") if mode == "session" else tr("history.mode_self")


def next_round_form(found: History, visitor: Visitor) -> None:
    """The form that starts the next round, and the links of the round just started."""
    if _show_started(visitor):
        return
    rows = found.unit_rows(visitor.unit_scope)
    newest = rows[-1] if rows else None
    choices = sorted(catalogue().values(), key=lambda q: (q.id, q.version))
    if newest is not None:  # the same questionnaire, in its newest shipped version, first
        same = [q for q in choices if q.id == newest.round.questionnaire_id]
        choices = same[-1:] + [q for q in choices if q not in same[-1:]]
    default_day = _a_year_after(newest.round.date) if newest else dt.date.today()
    with st.expander(tr("history.n_title"), icon=":material/event_repeat:", expanded=not rows):
        st.caption(tr("history.n_intro"))
        with st.form("next_round"):
            left, right = st.columns(2)
            day = right.date_input(tr("history.n_date"), value=default_day, key="n_date")
            label = left.text_input(
                tr("history.n_label"),
                value=tr("history.n_label_default", year=default_day.year),
                max_chars=200,
                key="n_label",
            )
            q_index = st.selectbox(
                tr("common.questionnaire"),
                options=range(len(choices)),
                format_func=lambda n: f"{choices[n].title(lang())} ({choices[n].version})",
                key="n_questionnaire",
            )
            # The kinds of the newest questionnaires (an older version that has them shares them).
            typed = [q for q in offered(catalogue()) if q.institution_types]
            kinds = {t.id: t.label(lang()) for t in typed[0].institution_types} if typed else {}
            kind = institution_type_select(kinds, "n_kind", "history.n_kind_placeholder")
            mode = st.radio(
                tr("history.col_mode"),
                options=["self", "session"],
                format_func=_mode_name,
                horizontal=True,
                key="n_mode",
            )
            anonymous = st.toggle(tr("ui.s_anonymous"), value=True, help=tr("history.n_anon_help"))
            min_group = st.number_input(
                tr("ui.s_min_group"), min_value=MIN_GROUP, max_value=100, value=MIN_GROUP, step=1
            )
            start = st.form_submit_button(
                tr("history.n_start"), type="primary", icon=":material/play_arrow:"
            )
    if not start:
        return
    try:
        started = next_round.start_next_round(
            engine(),
            visitor,
            choices[q_index],
            label.strip() or tr("history.n_label_default", year=day.year),
            day,
            mode=mode,
            anonymous=anonymous,
            min_group_size=int(min_group),
            unit_id=visitor.unit_scope,
            institution_type=kind if choices[q_index].institution_types else None,
        )
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        return
    remember_started(mode, started)
    st.rerun()


def remember_started(mode: str, started) -> None:
    """Keep the new round's link for the box that shows it after the rerun."""
    if mode == "self":
        st.session_state[STARTED] = ("self", started.respondent_token, None)
    else:
        st.session_state[STARTED] = ("session", started.admin_token, started.join_code)


def _show_started(visitor: Visitor) -> bool:
    started = st.session_state.get(STARTED)
    if not started:
        return False
    mode, new_token, join_code = started
    with st.container(border=True):
        st.success(tr("history.n_started"), icon=":material/check_circle:")
        target = "questionnaire" if mode == "self" else "facilitator"
        session = mode == "session"
        st.markdown(tr("history.n_link_session") if session else tr("history.n_link_self"))
        st.code(link(new_token, target), language=None, wrap_lines=True)
        if join_code:
            st.text(tr("history.n_join_code", code=join_code))
        st.caption(tr("history.n_keep_owner_link"))
        go = tr("history.n_continue_session") if session else tr("history.n_continue_self")
        if st.button(go, type="primary", icon=":material/login:"):
            del st.session_state[STARTED]
            # The organisation link stays visible on the new round's pages in this browser.
            st.session_state[NEW_OWNER_TOKEN] = (visitor.organisation_id, visitor.token)
            set_token(new_token)
            st.switch_page(page(target))
        if st.button(tr("history.n_another"), key="n_another"):
            del st.session_state[STARTED]
            st.rerun()
    return True
