"""Results: overall score and stage, radar and bars, area table, targets, weak items."""

import pandas as pd
import streamlit as st

from assessment.findings import area_findings
from assessment.ui import actions
from assessment.ui.chart_cache import area_bars, area_radar
from assessment.ui.state import lang, tr
from assessment.ui.widgets import require_current, round_caption

cur = require_current()
q, language = cur.questionnaire, lang()
scores = actions.round_scores(cur.round_id, q)
overall = scores.overall.iloc[0]

st.title(tr("r_title"))
round_caption(cur)
if pd.isna(overall.score):
    st.info(tr("r_no_answers"))
    st.page_link("assessment/ui/pages/questionnaire.py", label=tr("nav_questionnaire"))
    st.stop()

stages = {s.id: s for s in q.stages}
titles = {d.id: d.title(language) for d in q.dimensions}
areas = scores.areas
answered = int((scores.items["n"] > 0).sum())

col1, col2, col3, col4 = st.columns(4)
col1.metric(tr("r_overall"), f"{overall.score:.0f} / 100")
col2.metric(tr("r_stage"), stages[overall.stage].name(language))
col3.metric(tr("r_respondents"), int(overall.respondents))
col4.metric(tr("r_answered"), f"{answered} / {len(scores.items)}")
st.caption(stages[overall.stage].description(language))

incomplete = [titles[a] for a in areas.loc[areas["incomplete"], "area"]]
if incomplete:
    st.warning(tr("r_incomplete_note", areas=", ".join(incomplete)), icon=":material/warning:")

radar_col, bars_col = st.columns(2, gap="large")
with radar_col:
    st.subheader(tr("r_radar"))
    st.vega_lite_chart(area_radar(q, scores, language), width="content")
with bars_col:
    st.subheader(tr("r_bars"))
    st.vega_lite_chart(area_bars(q, scores, language), width="content")

st.subheader(tr("r_table"))
st.dataframe(actions.area_table(q, scores, language), hide_index=True)

with st.expander(tr("r_targets_title"), icon=":material/target:"):
    st.caption(tr("r_targets_help"))
    columns = st.columns(len(q.dimensions))
    for column, area in zip(columns, areas.itertuples(index=False), strict=True):
        column.number_input(
            titles[area.area],
            min_value=0.0,
            max_value=100.0,
            value=float(round(area.target, 1)),
            step=5.0,
            format="%.0f",
            key=f"target_{cur.round_id}_{area.area}",
            on_change=actions.save_targets_from_widgets,
            args=(cur.round_id, [a.id for a in q.dimensions]),
        )

st.subheader(tr("r_weak_title"))
for found in area_findings(q, scores, language):
    with st.expander(f"{titles[found.area]} · {len(found.weak)}"):
        if not found.weak:
            st.write(tr("r_weak_none"))
        for finding in found.weak:
            st.markdown(f"**{finding.statement}**")
            st.caption(f"{tr('r_mean')}: {finding.mean:.1f} / {q.scale_max} · {finding.hint}")
            if finding.disagreement:
                st.caption(tr("r_disagreement", min=f"{finding.min:.0f}", max=f"{finding.max:.0f}"))

st.page_link("assessment/ui/pages/roadmap.py", label=tr("r_to_roadmap"), icon=":material/flag:")
