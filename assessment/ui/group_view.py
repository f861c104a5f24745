"""What the facilitator view shows of a session's result, computed once per round revision."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from assessment.charts.bars import bars_args, bars_spec
from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.charts.spread import spread_args, spread_spec
from assessment.group_rules import NA_LEVEL
from assessment.i18n import t
from assessment.questionnaire import Questionnaire
from assessment.services import group, planning, reading
from assessment.services.access import Visitor
from assessment.ui.session import Current, engine

BARS_WIDTH = 270


@dataclass(frozen=True)
class GroupView:
    """The group result with its chart specs (whole questionnaire and per area)."""

    result: group.GroupResult
    radar: dict
    bars: dict
    spread: dict
    spread_by_area: dict[str, dict]


def group_view(cur: Current, lang: str) -> GroupView | group.Withheld:
    """The session's group view, or `Withheld` below the minimum group size."""
    db = engine()
    revision = reading.revision(db, cur.visitor)
    targets = tuple(sorted(planning.targets(db, cur.visitor).items()))
    key = (str(db.url), cur.round_id, revision, targets)
    q = cur.questionnaire
    return _view(q, q.fingerprint, key, lang, cur.visitor)


@st.cache_resource(show_spinner=False, max_entries=64)
def _view(
    _q: Questionnaire, fingerprint: str, key: tuple, lang: str, _visitor: Visitor
) -> GroupView | group.Withheld:
    # Keyed by database, round and revision: only a facilitator's link reaches it, and any
    # answer, submission or target makes a new key.
    found = group.result(engine(), _visitor, dict(key[3]))
    if isinstance(found, group.Withheld):
        return found
    statements = {i.id: i.statement(lang) for d in _q.dimensions for i in d.items}
    levels = {str(level.value): f"{level.value} {level.label(lang)}" for level in _q.scale}
    levels[NA_LEVEL] = t("ui.q_na", lang)
    items = found.scores.items

    def heatmap(areas: tuple[str, ...] | None) -> dict:
        args = spread_args(found.spread, items, statements, levels, areas)
        titles = (t("ui.f_item", lang), t("ui.f_level", lang), t("ui.f_count", lang))
        return spread_spec(**args, titles=titles)

    return GroupView(
        result=found,
        radar=radar_spec(**radar_args(_q, found.scores, lang)),
        bars=bars_spec(**bars_args(_q, found.scores, lang), width=BARS_WIDTH),
        spread=heatmap(None),
        spread_by_area={d.id: heatmap((d.id,)) for d in _q.dimensions},
    )
