"""The group's picture for the facilitator: charts, discussion points, spread, comments."""

from __future__ import annotations

import streamlit as st

from assessment.formatting import fmt_number
from assessment.group_rules import DONT_KNOW_LEVEL, LEVEL_SIGNS, NA_LEVEL
from assessment.ui.group_view import GroupView
from assessment.ui.session import Current
from assessment.ui.state import tr


def draw_result(cur: Current, view: GroupView, language: str) -> None:
    """Draw the group result (shown only from the minimum group size on).

    The parts without widgets are drawn by cached functions keyed by the view's revision key:
    a refresh with nothing new replays their elements instead of building them again, so it
    costs about the same with 5 participants or 100.
    """
    _summary(view.key, cur, view, language)
    q = cur.questionnaire
    titles = [tr("ui.f_spread_all"), *(d.title(language) for d in q.dimensions)]
    # Only the open tab's heatmap is drawn: each refresh of the live part sends one, not six.
    tabs = st.tabs(titles, key=f"f_spread_{cur.round_id}", on_change="rerun")
    for index, tab in enumerate(tabs):
        if tab.open:
            with tab:
                _heatmap(view.key, index, view)
    _comments(view.key, cur, view, language)


@st.cache_resource(show_spinner=False, max_entries=64)
def _summary(key: tuple, _cur: Current, _view: GroupView, language: str) -> None:
    """Charts, discussion points and the spread's legend."""
    q, result = _cur.questionnaire, _view.result
    st.subheader(tr("ui.f_result_title"))
    st.caption(tr("ui.f_result_basis", submitted=result.submitted, joined=result.joined))
    if result.withheld_items:
        st.caption(tr("ui.f_withheld_items", n=len(result.withheld_items), min=result.min_group))
    radar_col, bars_col = st.columns(2, gap="large")
    with radar_col:
        st.vega_lite_chart(_view.radar, width="stretch")
    with bars_col:
        st.vega_lite_chart(_view.bars, width="stretch")

    items = {i.id: i for d in q.dimensions for i in d.items}
    levels = {str(level.value): level.label(language) for level in q.scale}
    points = result.discussion_points()
    st.subheader(tr("ui.f_discussion_title"))
    if points.empty:
        st.write(tr("ui.f_discussion_none"))
    for row in points.itertuples(index=False):
        item = items[row.item]
        with st.container(border=True):
            st.markdown(f":material/forum: **{tr('ui.f_discussion_point')}**")
            st.text(item.statement(language))
            low, high = levels[str(int(row.min))], levels[str(int(row.max))]
            mean = fmt_number(row.mean, language, 1)
            st.caption(tr("ui.f_discussion_range", low=low, high=high, mean=mean, n=int(row.n)))
            st.caption(f"{tr('ui.q_hint')}: {item.hint(language)}")

    st.subheader(tr("ui.f_spread_title"))
    st.caption(tr("ui.f_spread_help"))
    legend = [f"{level.value} = {level.label(language)}" for level in q.scale]
    no_rating = [
        f"{LEVEL_SIGNS[DONT_KNOW_LEVEL]} = {tr('common.dont_know')}",
        f"{LEVEL_SIGNS[NA_LEVEL]} = {tr('common.not_applicable')}",
    ]
    st.caption(" · ".join([*legend, *no_rating]))


@st.cache_resource(show_spinner=False, max_entries=64)
def _heatmap(key: tuple, index: int, _view: GroupView) -> None:
    """The spread heatmap of tab `index`: the whole questionnaire (0) or one area."""
    charts = [_view.spread, *_view.spread_by_area.values()]
    st.vega_lite_chart(charts[index], width="content")


@st.cache_resource(show_spinner=False, max_entries=64)
def _comments(key: tuple, _cur: Current, _view: GroupView, language: str) -> None:
    """The comments, never attributed in an anonymous round."""
    result = _view.result
    items = _cur.questionnaire.items_by_id
    st.subheader(tr("ui.f_comments_title"))
    if not result.comments:
        st.write(tr("ui.f_comments_none"))
    if result.anonymous and result.comments:
        st.caption(tr("ui.f_comments_anonymous"))
    for comment in result.comments:
        with st.container(border=True):
            st.caption(items[comment.item].statement(language))
            st.text(f"{comment.by}: {comment.text}" if comment.by else comment.text)
