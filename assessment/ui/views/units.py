"""The units view: every unit's newest round side by side (table and small radars), each unit
against the mean of all units, a units × areas heatmap, and the export of every unit."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.charts.heatmap import heatmap_spec
from assessment.charts.radar_chart import radar_spec
from assessment.export_files import csv_bytes, xlsx_bytes
from assessment.formatting import fmt_date, fmt_number
from assessment.services import access, unit_export, units
from assessment.services.units import UnitsOverview
from assessment.ui.pages_registry import page
from assessment.ui.session import engine
from assessment.ui.state import lang, token, tr

#: Small radars per row on a wide screen (Streamlit stacks the columns on a phone).
RADARS_PER_ROW = 2
#: The small radars' radius in pixels: two fit side by side at 1,400 px with their labels.


def render() -> None:
    """Draw the units view for an organisation link."""
    st.title(tr("history.u_view_title"))
    value = token()
    visitor = access.resolve(engine(), value) if value else None
    if visitor is None or not visitor.may("units"):
        st.info(tr("history.u_need_link"), icon=":material/key:")
        st.page_link(page("organisation"), label=tr("history.u_back"), icon=":material/domain:")
        st.stop()
    seen = units.overview(engine(), visitor)
    st.page_link(page("organisation"), label=tr("history.u_back"), icon=":material/domain:")
    if not seen.scored():
        st.info(tr("history.u_none_scored"), icon=":material/info:")
        st.stop()
    st.caption(tr("history.u_view_intro"))
    st.subheader(tr("history.u_side_by_side"))
    st.dataframe(side_by_side(seen), hide_index=True)
    _radars(seen)
    st.subheader(tr("history.u_versus_mean"))
    st.caption(tr("history.u_versus_mean_intro"))
    st.dataframe(versus_mean(seen), hide_index=True)
    st.subheader(tr("history.u_heatmap"))
    st.vega_lite_chart(_heatmap(seen), width="stretch")
    _export(seen)


def side_by_side(seen: UnitsOverview) -> pd.DataFrame:
    """One row per unit with a score: its newest scored round, overall and area scores."""
    language = lang()
    table: dict[str, list] = {
        tr("history.u_col_unit"): [u.unit.name for u in seen.scored()],
        tr("history.col_round"): [
            f"{u.latest.round.label} · {fmt_date(u.latest.round.date, language)}"
            for u in seen.scored()
        ],
        tr("common.overall_score"): [fmt_number(u.latest.score, language) for u in seen.scored()],
    }
    for area in seen.areas:
        table[seen.area_title(area, language)] = [
            fmt_number(seen.score(u.unit.unit_id, area), language) for u in seen.scored()
        ]
    return pd.DataFrame(table)


def _signed(delta: float | None) -> str:
    if delta is None:
        return fmt_number(None, lang())
    text = fmt_number(abs(delta), lang(), 1)
    return f"+{text}" if delta >= 0.05 else f"−{text}" if delta <= -0.05 else f"±{text}"


def versus_mean(seen: UnitsOverview) -> pd.DataFrame:
    """One row per unit, one column per area: the delta from the mean of all units."""
    language = lang()
    table: dict[str, list] = {
        tr("history.u_col_unit"): [u.unit.name for u in seen.scored()] + [tr("history.u_mean")],
    }
    for area in seen.areas:
        table[seen.area_title(area, language)] = [
            _signed(seen.delta(u.unit.unit_id, area)) for u in seen.scored()
        ] + [fmt_number(seen.mean.get(area), language, 1)]
    return pd.DataFrame(table)


def _radars(seen: UnitsOverview) -> None:
    language = lang()
    labels = tuple(seen.area_title(a, language) for a in seen.areas)
    newest = max(seen.scored(), key=lambda u: u.latest.round.date).latest
    rings = tuple(float(s.max) for s in seen.history.questionnaire(newest.round_id).stages)
    mean = tuple(_rounded(seen.mean.get(a)) for a in seen.areas)
    scored = seen.scored()
    for start in range(0, len(scored), RADARS_PER_ROW):
        columns = st.columns(RADARS_PER_ROW)
        for column, unit in zip(columns, scored[start : start + RADARS_PER_ROW], strict=False):
            values = tuple(_rounded(seen.score(unit.unit.unit_id, a)) for a in seen.areas)
            spec = radar_spec(
                labels,
                (("actual", values), ("benchmark", mean)),
                rings,
                series_titles=(("actual", unit.unit.name), ("benchmark", tr("history.u_mean"))),
                lang=language,
            )
            with column:
                st.text(unit.unit.name)
                st.vega_lite_chart(spec, width="stretch")


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _heatmap(seen: UnitsOverview) -> dict:
    language = lang()
    titles = {a: seen.area_title(a, language) for a in seen.areas}
    cells = tuple(
        (u.unit.name, titles[a], score)
        for u in seen.scored()
        for a in seen.areas
        if (score := seen.score(u.unit.unit_id, a)) is not None
    )
    names = tuple(u.unit.name for u in seen.scored())
    return heatmap_spec(names, tuple(titles.values()), cells, language)


def _export(seen: UnitsOverview) -> None:
    st.subheader(tr("history.u_export"))
    language = lang()

    def tables():
        return unit_export.units_tables(seen, language)

    left, right = st.columns(2)
    # The files are built only on a click, not on every rerun (1,000 rounds make a large one).
    left.download_button(
        tr("history.x_xlsx"),
        data=lambda: xlsx_bytes(tables()),
        file_name="vielfaltskompass-einheiten.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
        on_click="ignore",
    )
    right.download_button(
        tr("history.x_csv"),
        data=lambda: csv_bytes(next(iter(tables().values())), language),
        file_name="vielfaltskompass-einheiten.csv",
        mime="text/csv",
        icon=":material/csv:",
        on_click="ignore",
    )
