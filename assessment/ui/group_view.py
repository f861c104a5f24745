"""What the facilitator view shows of a session's progress and result, once per round revision."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from assessment.charts.bars import bars_args, bars_spec
from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.charts.spread import spread_args, spread_spec
from assessment.group_rules import DONT_KNOW_LEVEL, LEVEL_SIGNS, NA_LEVEL
from assessment.i18n import t
from assessment.questionnaire import Questionnaire
from assessment.services import group, planning, reading
from assessment.services.access import Visitor
from assessment.ui.session import Current, engine


@dataclass(frozen=True)
class GroupView:
    """The group result with its chart specs (whole questionnaire and per area)."""

    #: (database, round, revision, targets, language): what the drawn elements are cached by.
    key: tuple
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


def group_progress(cur: Current) -> group.GroupProgress:
    """The session's progress; read anew only when the round's revision has changed."""
    db = engine()
    return _progress((str(db.url), cur.round_id, reading.revision(db, cur.visitor)), cur.visitor)


@st.cache_resource(show_spinner=False, max_entries=64)
def _progress(key: tuple, _visitor: Visitor) -> group.GroupProgress:
    # Keyed like `_view`: only a facilitator's link reaches it; a join, an answer or a
    # submission makes a new key. Counts only: an anonymous round's progress names no one.
    return group.progress(engine(), _visitor)


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
    levels[DONT_KNOW_LEVEL] = t("common.dont_know", lang)
    levels[NA_LEVEL] = t("common.not_applicable", lang)
    items = found.scores.items

    def heatmap(areas: tuple[str, ...] | None) -> dict:
        args = spread_args(found.spread, items, statements, levels, areas, LEVEL_SIGNS)
        titles = (t("ui.f_item", lang), t("ui.f_level", lang), t("ui.f_count", lang))
        return spread_spec(**args, titles=titles)

    return GroupView(
        key=(*key, lang),
        result=found,
        radar=radar_spec(**radar_args(_q, found.scores, lang)),
        bars=bars_spec(**bars_args(_q, found.scores, lang)),
        spread=heatmap(None),
        spread_by_area={d.id: heatmap((d.id,)) for d in _q.dimensions},
    )
