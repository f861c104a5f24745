"""The organisation page's units and benchmark part: add units, hand out their links, start a
unit's round, open the units view; and the organisation's areas beside organisations like it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from assessment.formatting import fmt_date, fmt_number
from assessment.questionnaire import Questionnaire
from assessment.services import benchmark, next_round, units
from assessment.services.access import Visitor
from assessment.services.errors import ServiceError
from assessment.services.history import History
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import link, page
from assessment.ui.session import catalogue, engine
from assessment.ui.state import lang, tr
from assessment.ui.views.next_round_form import remember_started

#: Session key of the unit link shown once: (unit name, token).
NEW_LINK = "u_new_link"


def units_and_peers(found: History, visitor: Visitor) -> None:
    """The organisation link's units (list, links, a unit's round) and its peer comparison."""
    if not visitor.may("units"):
        return
    try:
        listed = units.list_units(engine(), visitor)
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        return
    if listed:
        _units(found, visitor, listed)
    _add_unit(visitor, expanded=False)
    _peers(visitor)


def _units(found: History, visitor: Visitor, listed) -> None:
    st.subheader(tr("history.u_title"))
    language = lang()
    rows = {u.unit_id: found.unit_rows(u.unit_id) for u in listed}
    table = pd.DataFrame(
        {
            tr("history.u_col_unit"): [u.name for u in listed],
            tr("history.u_col_rounds"): [len(rows[u.unit_id]) for u in listed],
            tr("history.u_col_newest"): [
                f"{r[-1].round.label} · {fmt_date(r[-1].round.date, language)}" if r else "–"
                for r in (rows[u.unit_id] for u in listed)
            ],
            tr("common.overall_score"): [
                fmt_number(r[-1].score, language) if r else "–"
                for r in (rows[u.unit_id] for u in listed)
            ],
        }
    )
    st.dataframe(table, hide_index=True)
    st.page_link(page("units"), label=tr("history.u_open_view"), icon=":material/compare:")
    by_id = {u.unit_id: u for u in listed}
    chosen = st.selectbox(
        tr("history.u_choose"),
        options=list(by_id),
        format_func=lambda uid: by_id[uid].name,
        key="u_chosen",
    )
    left, right = st.columns(2)
    with left, st.form("u_round"):
        st.text(tr("history.u_round_title", unit=by_id[chosen].name))
        day = st.date_input(
            tr("history.n_date"),
            value=dt.date.today(),
            # st.date_input knows numeric patterns only (not the tables' "D MMM YYYY").
            format="DD.MM.YYYY" if lang() == "de" else "YYYY/MM/DD",
            key="u_date",
        )
        label = st.text_input(
            tr("history.n_label"),
            value=tr("history.u_label_default", unit=by_id[chosen].name, year=day.year),
            max_chars=200,
            key=f"u_label_{chosen}",
        )
        choices = _questionnaires(found, chosen)
        q_index = st.selectbox(
            tr("common.questionnaire"),
            options=range(len(choices)),
            format_func=lambda n: f"{choices[n].title(lang())} ({choices[n].version})",
            key=f"u_questionnaire_{chosen}",
        )
        mode = st.radio(
            tr("history.col_mode"),
            options=["self", "session"],
            format_func=lambda m: tr(
                "history.mode_session" if m == "session" else "history.mode_self"
            ),
            horizontal=True,
            key="u_mode",
        )
        start = st.form_submit_button(tr("history.n_start"), icon=":material/play_arrow:")
    if start:
        _start_round(visitor, chosen, choices[q_index], label, day, mode)
    with right:
        st.markdown(f"**{tr('history.u_link_title')}**")
        st.caption(tr("history.u_link_intro"))
        if st.button(tr("history.u_renew"), icon=":material/key:", key="u_renew"):
            try:
                renewed = units.renew_link(engine(), visitor, chosen)
            except ServiceError as error:
                st.error(error_message(error), icon=":material/block:")
            else:
                st.session_state[NEW_LINK] = (renewed.name, renewed.token)
        _new_link()


def _start_round(
    visitor: Visitor, unit_id: int, q: Questionnaire, label: str, day: dt.date, mode: str
) -> None:
    try:
        started = next_round.start_next_round(
            engine(), visitor, q, label, day, mode=mode, unit_id=unit_id
        )
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        return
    # The next-round box above shows the new round's link, as for the organisation's own rounds.
    remember_started(mode, started)
    st.rerun()


def _questionnaires(found: History, unit_id: int) -> list[Questionnaire]:
    """The shipped questionnaires; first the newest version of the one the unit (or else the
    organisation) answered last."""
    choices = sorted(catalogue().values(), key=lambda q: (q.id, q.version))
    newest = (found.unit_rows(unit_id) or found.rows)[-1:]
    if not newest:
        return choices
    same = [q for q in choices if q.id == newest[0].round.questionnaire_id][-1:]
    return same + [q for q in choices if q not in same]


def _add_unit(visitor: Visitor, expanded: bool) -> None:
    with st.expander(tr("history.u_add_title"), icon=":material/add_business:", expanded=expanded):
        st.caption(tr("history.u_add_intro"))
        with st.form("u_add", clear_on_submit=True):
            name = st.text_input(tr("history.u_name"), max_chars=200, key="u_name")
            added = st.form_submit_button(tr("history.u_add"), icon=":material/add:")
        if added:
            try:
                new = units.add_unit(engine(), visitor, name)
            except ServiceError as error:
                st.error(error_message(error), icon=":material/block:")
            else:
                st.session_state[NEW_LINK] = (new.name, new.token)
                st.rerun()


def _new_link() -> None:
    shown = st.session_state.get(NEW_LINK)
    if shown:
        st.success(tr("history.u_link_shown", unit=shown[0]), icon=":material/key:")
        st.code(link(shown[1], "organisation"), language=None, wrap_lines=True)


def _peers(visitor: Visitor) -> None:
    try:
        found = benchmark.peer_comparison(engine(), visitor)
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        return
    if found is None:
        return
    st.subheader(tr("history.b_peers_title"))
    group = found.peers
    st.caption(tr("history.b_peers_group", sector=group.sector, size=group.size))
    if not group.shown:
        st.info(
            tr("history.b_too_few", count=group.organisations, missing=group.missing,
               minimum=benchmark.MIN_ORGANISATIONS),
            icon=":material/group_off:",
        )  # fmt: skip
        return
    language = lang()
    dims = found.questionnaire.dimensions
    st.dataframe(
        pd.DataFrame(
            {
                tr("common.area"): [d.title(language) for d in dims],
                tr("history.b_own"): [fmt_number(found.own.get(d.id), language, 1) for d in dims],
                tr("history.b_peers", count=group.organisations): [
                    fmt_number(group.means.get(d.id), language, 1) for d in dims
                ],
            }
        ),
        hide_index=True,
    )
