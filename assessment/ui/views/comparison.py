"""The comparison page: choose two rounds; radar overlay, deltas with what was done, items, trend.

Everything it shows comes from `services.comparison`; this module reads the two choices and
draws. Rounds on different questionnaire versions are compared by area, items only where both
versions have them, and the page says so.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.charts.trend import MIN_ROUNDS, trend_args, trend_spec
from assessment.formatting import fmt_change, fmt_date, fmt_number, fmt_whole
from assessment.services import comparison as service
from assessment.services import units
from assessment.services.access import Visitor
from assessment.services.comparison import Comparison, ItemChange
from assessment.services.errors import ServiceError
from assessment.services.history import History, RoundRow, history
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import page
from assessment.ui.session import current, engine, open_round
from assessment.ui.state import lang, tr
from assessment.ui.views.organisation import deltas_table

#: Trend charts per row on a wide screen (they stack on a phone).
TREND_COLUMNS = 3


def render() -> None:
    """Draw the comparison of two rounds the current link may compare."""
    st.title(tr("history.compare.title"))
    cur = current()
    visitor = cur.visitor if cur is not None else None
    if visitor is None or not visitor.may("compare"):
        st.info(tr("history.compare.need_link"), icon=":material/key:")
        st.page_link(page("start"), label=tr("ui.go_start"), icon=":material/home:")
        st.stop()
    found = history(engine(), visitor)
    # Newest first, as the selection lists them: the rounds of one unit (or the organisation).
    scored = list(reversed(_rounds_of_scope(found, visitor)))
    if len(scored) < 2:
        st.info(tr("history.compare.need_two"), icon=":material/info:")
        _back(visitor.may("rounds"))
        st.stop()
    later_id, earlier_id = _choose(scored, visitor.round_id, _labels(found.key, lang(), found.rows))
    if later_id == earlier_id:
        st.warning(tr("history.compare.same_round"), icon=":material/warning:")
        st.stop()
    try:
        found_comparison = service.compare(engine(), visitor, lang(), later_id, earlier_id)
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        st.stop()
    assert found_comparison is not None  # both rounds are scored
    _draw(found.key, lang(), later_id, earlier_id, found, found_comparison)
    _back(visitor.may("rounds"), found_comparison.later)


@st.cache_resource(show_spinner=False, max_entries=32)
def _draw(
    key: tuple, language: str, later_id: int, earlier_id: int, _found: History, _c: Comparison
) -> None:
    """Overview, items and trend, drawn once per history revision, language and pair of rounds.

    On a rerun with the same arguments Streamlit replays the elements drawn here instead of
    building the charts' data again, so the page costs the same with 10 rounds or 1,000.
    """
    _overview(_found, _c)
    _items(_found, _c)
    _trend(_found, _c)


def _rounds_of_scope(found: History, visitor: Visitor) -> list[RoundRow]:
    """The scored rounds to choose from, oldest first: the organisation link first chooses
    the scope (the organisation itself or a unit), any other link compares its own unit's."""
    opened = service.comparable_rounds(found, visitor.round_id)
    if not visitor.may("units"):
        return opened
    scopes = service.comparison_scopes(found)
    if len(scopes) < 2:
        return service.scored_in_unit(found, scopes[0]) if scopes else opened
    names = {u.unit_id: u.name for u in units.list_units(engine(), visitor)}
    default = opened[0].round.unit_id if opened else None
    scope = st.selectbox(
        tr("history.compare.scope"), scopes,
        index=scopes.index(default) if default in scopes else 0,
        format_func=lambda s: tr("history.compare.scope_own") if s is None else names[s],
        key="cmp_scope",
    )  # fmt: skip
    return service.scored_in_unit(found, scope)


@st.cache_resource(show_spinner=False, max_entries=32)
def _labels(key: tuple, language: str, _rows: tuple[RoundRow, ...]) -> dict[int, str]:
    """Every round's label and date, built once per history revision and language."""
    return {row.round_id: f"{row.round.label} · {fmt_date(row.round.date, language)}"
            for row in _rows}  # fmt: skip


def _choose(scored: list[RoundRow], opened: int | None, labels: dict[int, str]) -> tuple[int, int]:
    """The two rounds (newest first in `scored`): by default the opened (or newest) round and
    the one before it; the oldest round opened is compared by the one after it."""
    ids = [row.round_id for row in scored]
    later_default = min(ids.index(opened) if opened in ids else 0, len(ids) - 2)
    earlier_default = later_default + 1
    by_id = {row.round_id: row for row in scored}
    left, right = st.columns(2)
    later = left.selectbox(
        tr("history.compare.later"), ids, index=later_default,
        format_func=labels.__getitem__, key="cmp_later",
    )  # fmt: skip
    earlier = right.selectbox(
        tr("history.compare.earlier"), ids, index=earlier_default,
        format_func=labels.__getitem__, key="cmp_earlier",
    )  # fmt: skip
    if (by_id[earlier].round.date, earlier) > (by_id[later].round.date, later):
        later, earlier = earlier, later  # "now" is always the later of the two
    return later, earlier


def _overview(found: History, c: Comparison) -> None:
    language = lang()
    st.caption(tr("history.c_intro", later=c.later.round.label, earlier=c.earlier.round.label))
    if not c.same_version:
        q_later = found.questionnaire(c.later.round_id)
        q_earlier = found.questionnaire(c.earlier.round_id)
        st.info(
            tr(
                "history.compare.other_version",
                earlier=f"{q_earlier.id} {q_earlier.version}",
                later=f"{q_later.id} {q_later.version}",
                n=c.items_compared,
            ),
            icon=":material/info:",
        )
    radar_col, figures = st.columns([3, 2], gap="large")
    with radar_col:
        st.subheader(tr("history.compare.radar"))
        q = found.questionnaire(c.later.round_id)
        args = radar_args(
            q,
            service.round_scores(found, c.later.round_id),
            language,
            previous=service.round_scores(found, c.earlier.round_id),
        )
        st.vega_lite_chart(radar_spec(**args), width="stretch")
    delta = c.overall_delta
    figures.metric(
        tr("history.compare.overall_now", label=c.later.round.label),
        f"{fmt_whole(c.later.score, language)} / 100",
        delta=None if delta is None else tr(
            "history.compare.points", value=fmt_number(delta, language, 1)
        ),
    )  # fmt: skip
    figures.metric(
        tr("history.compare.overall_before", label=c.earlier.round.label),
        f"{fmt_whole(c.earlier.score, language)} / 100",
    )
    figures.metric(tr("history.compare.done_count"), sum(len(a.completed) for a in c.areas))
    st.subheader(tr("history.compare.did_changed"))
    st.caption(tr("history.compare.did_changed_help"))
    st.dataframe(deltas_table(found, c), hide_index=True)


def _item_table(found: History, c: Comparison, changes: tuple[ItemChange, ...]) -> pd.DataFrame:
    language = lang()
    q = found.questionnaire(c.later.round_id)
    return pd.DataFrame(
        {
            tr("history.compare.statement"): [
                q.items_by_id[x.item].statement(language) for x in changes
            ],
            tr("history.c_area"): [q.dimensions_by_id[x.area].title(language) for x in changes],
            tr("history.compare.before"): [fmt_number(x.before, language, 0) for x in changes],
            tr("history.compare.now"): [fmt_number(x.now, language, 0) for x in changes],
            tr("history.c_delta"): [fmt_change(x.delta, language) for x in changes],
        }
    )


def _items(found: History, c: Comparison) -> None:
    st.subheader(tr("history.compare.items"))
    st.caption(tr("history.compare.items_help", n=c.items_compared))
    for key, changes, empty in (
        ("history.compare.improved", c.improved, "history.compare.improved_none"),
        ("history.compare.declined", c.declined, "history.compare.declined_none"),
    ):
        st.markdown(f"**{tr(key)}**")
        if changes:
            st.dataframe(_item_table(found, c, changes), hide_index=True)
        else:
            st.caption(tr(empty))


def _trend(found: History, c: Comparison) -> None:
    st.subheader(tr("history.compare.trend"))
    if c.rounds_in_trend < MIN_ROUNDS:
        st.caption(tr("history.compare.trend_later", n=c.rounds_in_trend, min=MIN_ROUNDS))
        return
    st.caption(tr("history.compare.trend_help", n=c.rounds_in_trend))
    q = found.questionnaire(c.later.round_id)
    specs = [trend_spec(**args) for args in trend_args(q, c.trend, lang())]
    for start in range(0, len(specs), TREND_COLUMNS):
        columns = st.columns(TREND_COLUMNS)
        for column, spec in zip(columns, specs[start : start + TREND_COLUMNS], strict=False):
            column.vega_lite_chart(spec, width="content")


def _back(to_organisation: bool, later: RoundRow | None = None) -> None:
    """Back to the organisation page; for its link also: open the later round's results."""
    if not to_organisation:
        return
    if later is not None and st.button(
        tr("history.compare.open_results", label=later.round.label), icon=":material/radar:",
        key="cmp_open_results",
    ):  # fmt: skip
        open_round(later.round_id)
        st.switch_page(page("facilitator" if later.round.mode == "session" else "results"))
    st.page_link(page("organisation"), label=tr("history.compare.to_organisation"),
                 icon=":material/domain:")  # fmt: skip
