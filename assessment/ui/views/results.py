"""Results: overall score and stage, radar and bars, area table, targets, weak items, and the
statements not known in the organisation."""

import pandas as pd
import streamlit as st

from assessment.formatting import fmt_number, fmt_whole
from assessment.ui.pages_registry import page
from assessment.ui.results_view import (
    TARGET_REFUSED,
    results_view,
    save_target_from_widget,
    target_key,
)
from assessment.ui.state import lang, tr
from assessment.ui.views.round_history import earlier_note, earlier_round, radar_with_earlier
from assessment.ui.widgets import require_current, round_caption


def render() -> None:
    """Draw the results of the current round."""
    cur = require_current()
    q, language = cur.questionnaire, lang()
    if not cur.visitor.may("results"):  # a session's respondent link: own answers only
        st.info(tr("ui.r_respondent_only"))
        st.page_link(page("questionnaire"), label=tr("ui.nav_questionnaire"))
        st.stop()
    view = results_view(cur, language)
    scores = view.scores
    overall = scores.overall.iloc[0]

    st.title(tr("ui.r_title"))
    round_caption(cur)
    if pd.isna(overall.score):
        st.info(tr("ui.r_no_rated" if view.given else "ui.r_no_answers"))
        st.page_link(page("questionnaire"), label=tr("ui.nav_questionnaire"))
        st.stop()

    stages = {s.id: s for s in q.stages}
    titles = {d.id: d.title(language) for d in q.dimensions}
    areas = scores.areas
    rated = int((scores.items["n"] > 0).sum())

    stage_name = stages[overall.stage].name(language)
    if overall.provisional:  # too little rated: a direction, not a verdict (no stage praise)
        stage_name = tr("common.provisional_stage", stage=stage_name)
    col1, col2, col3, col4 = st.columns(4)
    col1.metric(tr("common.overall_score"), f"{fmt_whole(overall.score, language)} / 100")
    col2.metric(tr("common.stage"), stage_name)
    col3.metric(tr("common.respondents"), int(overall.respondents))
    col4.metric(tr("ui.r_rated"), f"{rated} / {len(scores.items)}", help=tr("ui.r_rated_help"))
    if overall.provisional:
        st.warning(
            f"**{tr('common.provisional', rated=rated, items=len(scores.items))}**. "
            f"{tr('ui.r_provisional_help')}",
            icon=":material/hourglass_top:",
        )
    else:
        st.caption(stages[overall.stage].description(language))

    earlier = earlier_round(cur)
    earlier_note(earlier, float(overall.score))
    # Unrated areas have no value to qualify; the findings below say "not rated" for them.
    incomplete = [titles[a] for a in areas.loc[areas["incomplete"] & areas["rated"], "area"]]
    if incomplete:
        st.warning(
            tr("ui.r_incomplete_note", areas=", ".join(incomplete)), icon=":material/warning:"
        )

    radar_col, bars_col = st.columns(2, gap="large")
    with radar_col:
        st.subheader(tr("ui.r_radar"))
        st.vega_lite_chart(radar_with_earlier(cur, scores, view.radar, earlier), width="stretch")
    with bars_col:
        st.subheader(tr("ui.r_bars"))
        st.vega_lite_chart(view.bars, width="stretch")

    st.subheader(tr("ui.r_table"))
    st.dataframe(view.table, hide_index=True)

    with st.expander(tr("ui.r_targets_title"), icon=":material/target:"):
        refused = st.session_state.pop(TARGET_REFUSED, None)
        if refused:
            st.error(refused, icon=":material/block:")
        st.caption(tr("ui.r_targets_help"))
        columns = st.columns(len(q.dimensions), vertical_alignment="bottom")
        for column, area in zip(columns, areas.itertuples(index=False), strict=True):
            column.number_input(
                titles[area.area],
                min_value=0.0,
                max_value=100.0,
                value=float(round(area.target, 1)),
                step=5.0,
                format="%.0f",
                key=target_key(cur.round_id, area.area),
                on_change=save_target_from_widget,
                args=(cur.visitor, area.area),
                disabled=cur.visitor.is_closed or not cur.visitor.may("targets"),
            )

    st.subheader(tr("ui.r_weak_title"))
    rated_areas = dict(zip(areas["area"], areas["rated"], strict=True))
    for found in view.findings:
        if not rated_areas[found.area]:  # nothing rated: no counts, "0 needing action" misleads
            with st.expander(tr("ui.r_weak_unrated", area=titles[found.area])):
                st.write(tr("ui.r_unrated_note"))
            continue
        with st.expander(tr("ui.r_weak_count", area=titles[found.area], n=len(found.weak))):
            if not found.weak:
                st.write(tr("ui.r_weak_none"))
            for finding in found.weak:
                st.markdown(f"**{finding.statement}**")
                mean = fmt_number(finding.mean, language, 1)
                st.caption(f"{tr('ui.r_mean')}: {mean} / {q.scale_max} · {finding.hint}")
                if finding.disagreement:
                    st.caption(
                        tr("ui.r_disagreement", min=f"{finding.min:.0f}", max=f"{finding.max:.0f}")
                    )

    _unknown(view.findings, titles, int(overall.respondents))
    st.page_link(page("roadmap"), label=tr("ui.r_to_roadmap"), icon=":material/flag:")


def _unknown(findings, titles: dict[str, str], respondents: int) -> None:
    """The statements at least a third answered "don't know" about, with their hint."""
    st.subheader(tr("ui.r_unknown_title"))
    st.caption(tr("ui.r_unknown_help"))
    unknown = [(found.area, f) for found in findings for f in found.unknown]
    if not unknown:
        st.write(tr("ui.r_unknown_none"))
    for area, finding in unknown:
        with st.container(border=True, key=f"unknown_{finding.item}"):
            st.markdown(f"**{titles[area]}**")
            st.text(finding.statement)
            st.caption(tr("ui.r_unknown_count", n=finding.dont_know, total=respondents))
            st.caption(f"{tr('ui.q_hint')}: {finding.hint}")
