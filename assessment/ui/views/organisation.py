"""The organisation page: profile, every round, the next round, comparison and export."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.export_files import csv_bytes, xlsx_bytes
from assessment.formatting import fmt_change, fmt_number
from assessment.responses import Organisation
from assessment.scoring import Scores
from assessment.services import access, units
from assessment.services import history as history_service
from assessment.services.access import Visitor
from assessment.services.comparison import Comparison, compare_rounds, scored_in_unit
from assessment.services.errors import ServiceError
from assessment.services.history import History, RoundRow
from assessment.services.history_tables import HistoryTables, history_tables
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import page
from assessment.ui.session import engine, open_round
from assessment.ui.state import lang, token, tr
from assessment.ui.views.next_round_form import next_round_form
from assessment.ui.views.organisation_actions import comparison_link, history_actions
from assessment.ui.views.unit_admin import units_and_peers


def owner_visitor() -> Visitor | None:
    """The visitor of the current link if it is an organisation's or a unit's link."""
    value = token()
    visitor = access.resolve(engine(), value) if value else None
    return visitor if visitor is not None and visitor.may("rounds") else None


def render() -> None:
    """Draw the organisation page for an organisation (or unit) link."""
    visitor = owner_visitor()
    st.title(tr("history.o_title"))
    if visitor is None:
        st.info(tr("history.o_need_link"), icon=":material/key:")
        st.page_link(page("start"), label=tr("ui.go_start"), icon=":material/home:")
        st.stop()
    found = history_service.history(engine(), visitor)
    st.text(found.organisation.name)
    tables = history_tables(found, lang(), _unit_names(visitor))
    _rounds(found, tables)
    next_round_form(found, visitor)
    units_and_peers(found, visitor)
    # Only rounds of one scope compare: the link's own (the organisation's, or the unit's).
    own = scored_in_unit(found, visitor.unit_scope)
    if len(own) >= 2:
        _comparison(found, compare_rounds(found, own[-1].round_id, own[-2].round_id, lang()))
    elif visitor.may("units") and len(found.scored()) > len(own):
        _only_unit_rounds()
    if found.rows:
        _export(tables)
    if visitor.sees_whole_organisation:
        _profile(found.organisation, visitor)
    history_actions(visitor)


def _unit_names(visitor: Visitor) -> dict[int, str]:
    """The organisation's units by id (for the organisation link; a unit link sees one unit)."""
    if not visitor.may("units"):
        return {}
    try:
        return {u.unit_id: u.name for u in units.list_units(engine(), visitor)}
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        return {}


def _rounds(found: History, tables: HistoryTables) -> None:
    st.subheader(tr("history.o_rounds"))
    if not found.rows:
        st.info(tr("history.o_no_rounds"))
        return
    st.dataframe(tables.rounds, hide_index=True)
    chosen = st.selectbox(
        tr("history.o_open_label"),
        options=list(tables.choices),
        format_func=tables.choices.__getitem__,
        key="o_open_round",
    )
    session = found.row(chosen).round.mode == "session"
    left, right = st.columns(2)
    if left.button(tr("history.o_open_results"), icon=":material/radar:", type="primary"):
        open_round(chosen)
        st.switch_page(page("facilitator" if session else "results"))
    if right.button(tr("history.o_open_roadmap"), icon=":material/flag:"):
        open_round(chosen)
        st.switch_page(page("roadmap"))


def _direction(change) -> str:
    if change.direction == "up":
        return tr("history.c_up")
    if change.direction == "down":
        return tr("history.c_down")
    if change.direction == "same":
        return tr("history.c_same")
    return "–"


def _points(value: float | None) -> str:
    return fmt_number(value, lang(), 1)


def _signed(delta: float | None) -> str:
    """A change in points with its sign: +12,5 / −3,0 / ±0,0."""
    return fmt_change(delta, lang())


def deltas_table(found: History, comparison: Comparison) -> pd.DataFrame:
    """Per area: earlier and later score, the delta in points, its direction, measures done."""
    q = found.questionnaire(comparison.later.round_id)
    language = lang()
    titles = {d.id: d.title(language) for d in q.dimensions}
    areas = comparison.areas
    return pd.DataFrame(
        {
            tr("history.c_area"): [titles.get(a.area, a.area) for a in areas],
            tr("history.c_earlier", label=comparison.earlier.round.label): [
                _points(a.before) for a in areas
            ],
            tr("history.c_later", label=comparison.later.round.label): [
                _points(a.now) for a in areas
            ],
            tr("history.c_delta"): [_signed(a.delta) for a in areas],
            tr("history.c_direction"): [_direction(a) for a in areas],
            tr("history.c_done"): [", ".join(a.completed) for a in areas],
        }
    )


def _round_scores(found: History, row: RoundRow) -> Scores:
    s = found.scores
    return Scores(
        items=s.items[s.items["round"] == row.round.key],
        areas=s.areas[s.areas["round"] == row.round.key],
        overall=s.overall[s.overall["round"] == row.round.key],
    )


def _comparison(found: History, comparison: Comparison) -> None:
    st.subheader(tr("history.c_title"))
    st.caption(
        tr(
            "history.c_intro",
            later=comparison.later.round.label,
            earlier=comparison.earlier.round.label,
        )
    )
    if not comparison.same_version:
        st.info(tr("history.c_other_version"), icon=":material/info:")
    st.dataframe(deltas_table(found, comparison), hide_index=True)
    q = found.questionnaire(comparison.later.round_id)
    args = radar_args(
        q,
        _round_scores(found, comparison.later),
        lang(),
        previous=_round_scores(found, comparison.earlier),
    )
    st.vega_lite_chart(radar_spec(**args), width="stretch")
    comparison_link()


def _only_unit_rounds() -> None:
    """The organisation has too few scored rounds of its own; its units' rounds compare apart."""
    st.subheader(tr("history.c_title"))
    st.info(tr("history.c_only_units"), icon=":material/info:")
    st.page_link(page("units"), label=tr("history.u_open_view"), icon=":material/compare:")
    comparison_link()


def _export(history: HistoryTables) -> None:
    st.subheader(tr("history.x_title"))
    tables = history.export
    language = lang()
    left, right = st.columns(2)
    # The files are written only on a click (a workbook of 1,000 rounds takes seconds).
    left.download_button(
        tr("history.x_xlsx"),
        data=lambda: xlsx_bytes(tables),
        file_name="vielfaltskompass-verlauf.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
    )
    right.download_button(
        tr("history.x_csv"),
        data=lambda: csv_bytes(next(iter(tables.values())), language),
        file_name="vielfaltskompass-runden.csv",
        mime="text/csv",
        icon=":material/csv:",
    )


def _profile(organisation: Organisation, visitor: Visitor) -> None:
    with st.expander(tr("history.o_profile"), icon=":material/badge:"), st.form("o_profile"):
        name = st.text_input(
            tr("ui.profile_name"), value=organisation.name, max_chars=200, key="o_name"
        )
        left, right = st.columns(2)
        kind = left.text_input(tr("common.org_kind"), organisation.kind, max_chars=200)
        sector = right.text_input(tr("common.org_sector"), organisation.sector, max_chars=200)
        size = left.text_input(tr("common.org_size"), organisation.size, max_chars=200)
        region = right.text_input(tr("common.org_region"), organisation.region, max_chars=200)
        saved = st.form_submit_button(tr("ui.profile_save"), type="primary")
    if not saved:
        return
    if not name.strip():
        st.error(tr("ui.profile_name_missing"))
        return
    changed = Organisation(name=name, kind=kind, sector=sector, size=size, region=region)
    try:
        history_service.update_organisation(engine(), visitor, changed)
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
    else:
        st.success(tr("ui.profile_saved"))
