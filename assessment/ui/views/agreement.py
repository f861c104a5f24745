"""What the group agrees per area: a consensus score beside the mean, a target and a note."""

from __future__ import annotations

import streamlit as st

from assessment.formatting import fmt_number
from assessment.responses import COMMENT_MAX_LENGTH
from assessment.services import group, planning
from assessment.services.errors import ServiceError
from assessment.ui.answer_widgets import error_message
from assessment.ui.group_view import GroupView
from assessment.ui.session import Current, engine
from assessment.ui.state import tr


def agreement_form(cur: Current, view: GroupView, language: str) -> None:
    """One form for every area: consensus (empty = the mean counts), target and note."""
    result, q = view.result, cur.questionnaire
    notes = group.notes(engine(), cur.visitor)
    targets = result.scores.areas.set_index("area")["target"]
    closed = cur.visitor.is_closed
    st.subheader(tr("ui.f_agree_title"))
    st.caption(tr("ui.f_agree_help"))
    given = {}
    with st.form("agreement", border=True):
        for area in q.dimensions:
            mean = result.mean_scores.get(area.id)
            st.markdown(f"**{area.title(language)}**")
            # The form stays out of the live refresh: it names the submissions its mean is of.
            shown = fmt_number(mean, language, 0)
            st.caption(tr("ui.f_agree_mean", submitted=result.submitted, mean=shown))
            left, right = st.columns(2)
            consensus = _score_input(
                left,
                tr("ui.f_agree_consensus"),
                result.consensus.get(area.id),
                f"consensus_{cur.round_id}_{area.id}",
                closed,
            )
            target = _score_input(
                right,
                tr("common.target"),
                float(round(targets.get(area.id, 0.0), 1)),
                f"group_target_{cur.round_id}_{area.id}",
                closed,
            )
            note = st.text_area(
                tr("ui.f_agree_note"),
                value=notes.get(area.id, ""),
                max_chars=COMMENT_MAX_LENGTH,
                height=68,
                key=f"note_{cur.round_id}_{area.id}",
                disabled=closed,
            )
            given[area.id] = (consensus, target, note)
        saved = st.form_submit_button(tr("ui.f_agree_save"), type="primary", disabled=closed)
    if not saved:
        return
    try:
        for area_id, (consensus, target, note) in given.items():
            if consensus != result.consensus.get(area_id):
                group.set_consensus(engine(), cur.visitor, area_id, consensus)
            if round(target, 1) != round(float(targets.get(area_id, 0.0)), 1):
                planning.set_target(engine(), cur.visitor, area_id, float(target))
            if note != notes.get(area_id, ""):
                group.save_note(engine(), cur.visitor, area_id, note)
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
        return
    st.rerun()


def _score_input(column, label: str, value: float | None, key: str, disabled: bool):
    """A score field 0–100 in steps of 5 (empty where `value` is None)."""
    return column.number_input(
        label,
        min_value=0.0,
        max_value=100.0,
        value=value,
        step=5.0,
        format="%.0f",
        key=key,
        disabled=disabled,
    )
