"""Comparing rounds: per-area deltas, item changes, the trend, and what was done in between.

Rounds on different questionnaire versions are compared at area level (the five areas are
the same in every version); items only where the item id exists in both snapshots. Item means
are compared on 0–100 (mean / scale maximum × 100), so that a changed scale still compares.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

import pandas as pd
from sqlalchemy import Engine

from assessment.roadmap import entry_title
from assessment.round_series import RoundSeries
from assessment.scoring import Scores
from assessment.services.access import Visitor, require
from assessment.services.errors import Invalid, NotFound
from assessment.services.history import History, RoundRow, history
from assessment.services.keyed_cache import KeyedCache

Direction = Literal["up", "down", "same"]
#: How many items each of "improved most" and "fell back most" lists.
TOP_ITEMS = 5
_comparisons: KeyedCache[Comparison] = KeyedCache(32)


@dataclass(frozen=True)
class AreaChange:
    """One area in both rounds: scores, the delta in points, and the measures done between."""

    area: str
    now: float | None
    before: float | None
    target: float | None
    completed: tuple[str, ...]

    @property
    def delta(self) -> float | None:
        """The change in points (0–100), None where either round has no score."""
        if self.now is None or self.before is None:
            return None
        return self.now - self.before

    @property
    def direction(self) -> Direction | None:
        """Up, down or the same (a change under half a point counts as the same)."""
        delta = self.delta
        if delta is None:
            return None
        return "same" if abs(delta) < 0.5 else "up" if delta > 0 else "down"


@dataclass(frozen=True)
class ItemChange:
    """One statement in both rounds, its mean on 0–100 then and now."""

    item: str
    area: str
    now: float
    before: float

    @property
    def delta(self) -> float:
        """The change in points on 0–100."""
        return self.now - self.before


@dataclass(frozen=True)
class Comparison:
    """The later round against the earlier one, and the trend over every scored round."""

    later: RoundRow
    earlier: RoundRow
    areas: tuple[AreaChange, ...]
    improved: tuple[ItemChange, ...]
    declined: tuple[ItemChange, ...]
    #: Both rounds were answered with the same questionnaire id and version.
    same_version: bool
    #: Statements compared (in both snapshots and answered in both rounds).
    items_compared: int
    #: round (id as text), label, date, area, score: every scored round, oldest first.
    trend: pd.DataFrame

    @property
    def overall_delta(self) -> float | None:
        """The change of the overall score in points."""
        if self.later.score is None or self.earlier.score is None:
            return None
        return self.later.score - self.earlier.score

    @property
    def rounds_in_trend(self) -> int:
        """How many rounds the trend covers."""
        return int(self.trend["round"].nunique())


def compare(
    engine: Engine,
    visitor: Visitor | None,
    lang: str,
    later_id: int | None = None,
    earlier_id: int | None = None,
) -> Comparison | None:
    """The visitor's round (or `later_id`) against the scored round before it in the same
    unit (or `earlier_id`); None when there is no earlier scored round to compare with."""
    visitor = require(visitor, "compare")
    found = history(engine, visitor)
    scored = found.scored()
    if not scored:
        return None
    known = {row.round_id for row in scored}
    if later_id is not None and later_id not in known:
        raise NotFound(f"round {later_id} has no score to compare")
    if later_id is None:
        later_id = visitor.round_id if visitor.round_id in known else scored[-1].round_id
    if earlier_id is None:
        earlier_rows = _before(found, later_id)
        if not earlier_rows:
            return None
        earlier_id = earlier_rows[-1].round_id
    elif earlier_id not in known:
        raise NotFound(f"round {earlier_id} has no score to compare with")
    if earlier_id == later_id:
        raise Invalid("a round is compared with another round, not with itself")
    return compare_rounds(found, later_id, earlier_id, lang)


def scored_in_unit(found: History, unit_id: int | None) -> list[RoundRow]:
    """The scored rounds of one unit (None: of the organisation itself), oldest first."""
    return [row for row in found.unit_rows(unit_id) if row.score is not None]


def comparison_scopes(found: History) -> list[int | None]:
    """The scopes with at least two scored rounds to compare: None (the organisation's own
    rounds) first, then the units by id."""
    counts = Counter(row.round.unit_id for row in found.scored())
    scopes = [scope for scope, n in counts.items() if n >= 2]
    return sorted(scopes, key=lambda scope: -1 if scope is None else scope)


def comparable_rounds(found: History, opened: int | None) -> list[RoundRow]:
    """The scored rounds a comparison chooses from: those of the opened round's unit (of the
    newest scored round's when the opened one has no score), oldest first."""
    scored = found.scored()
    if not scored:
        return []
    rows = {row.round_id: row for row in scored}
    anchor = rows.get(opened) if opened is not None else None
    return scored_in_unit(found, (anchor or scored[-1]).round.unit_id)


def _before(found: History, round_id: int) -> list[RoundRow]:
    """The scored rounds of the same unit before `round_id`, oldest first."""
    rows = scored_in_unit(found, found.row(round_id).round.unit_id)
    position = [row.round_id for row in rows].index(round_id)
    return rows[:position]


def round_scores(found: History, round_id: int) -> Scores:
    """One round's part of the history's score tables (for its radar)."""
    key = found.row(round_id).round.key
    s = found.scores
    return Scores(
        items=s.items[s.items["round"] == key],
        areas=s.areas[s.areas["round"] == key],
        overall=s.overall[s.overall["round"] == key],
    )


def earlier_round(engine: Engine, visitor: Visitor) -> tuple[RoundRow, Scores] | None:
    """The scored round before the visitor's round in its unit, with its scores; None when
    there is none or the link may not compare rounds."""
    if not visitor.may("compare") or visitor.round_id is None:
        return None
    found = history(engine, visitor)
    if visitor.round_id not in {row.round_id for row in found.scored()}:
        return None
    before = _before(found, visitor.round_id)
    if not before:
        return None
    return before[-1], round_scores(found, before[-1].round_id)


def report_series(
    engine: Engine, visitor: Visitor
) -> tuple[RoundSeries | None, tuple[RoundSeries, ...]]:
    """For the PDF of the visitor's round: the scored round before it (same unit) and every
    scored round up to it, oldest first; nothing when the link may not compare rounds."""
    if not visitor.may("compare") or visitor.round_id is None:
        return None, ()
    found = history(engine, visitor)
    known = {row.round_id for row in found.scored()}
    if visitor.round_id not in known:
        return None, ()
    rows = [*_before(found, visitor.round_id), found.row(visitor.round_id)]
    series = tuple(_series(found, row) for row in rows)
    return (series[-2] if len(series) > 1 else None), series


def _series(found: History, row: RoundRow) -> RoundSeries:
    areas = round_scores(found, row.round_id).areas
    return RoundSeries(
        label=row.round.label,
        date=row.round.date,
        overall=row.score,
        areas={
            area: None if pd.isna(score) else float(score)
            for area, score in zip(areas["area"], areas["score"], strict=True)
        },
    )


def compare_rounds(found: History, later_id: int, earlier_id: int, lang: str) -> Comparison:
    """Compare two scored rounds of a history (cached by the history's revision key)."""
    if not found.key:  # a history not read from storage has no revision to key on
        return _compare_rounds(found, later_id, earlier_id, lang)
    return _comparisons.get_or_build(
        (found.key, later_id, earlier_id, lang),
        lambda: _compare_rounds(found, later_id, earlier_id, lang),
    )


def _compare_rounds(found: History, later_id: int, earlier_id: int, lang: str) -> Comparison:
    later, earlier = found.row(later_id), found.row(earlier_id)
    q_later, q_earlier = found.questionnaire(later_id), found.questionnaire(earlier_id)
    areas = found.scores.areas
    now = areas[areas["round"] == later.round.key].set_index("area")
    before = areas[areas["round"] == earlier.round.key].set_index("area")
    completed = completed_between(found, earlier, later, lang)
    changes = tuple(
        AreaChange(
            area=d.id,
            now=_value(now, d.id, "score"),
            before=_value(before, d.id, "score"),
            target=_value(now, d.id, "target"),
            completed=tuple(completed.get(d.id, ())),
        )
        for d in q_later.dimensions
    )
    items = _item_changes(found, later, earlier)
    # Largest change first; among equal changes the questionnaire's order (sorted is stable).
    improved = sorted((c for c in items if c.delta > 0), key=lambda c: -c.delta)
    declined = sorted((c for c in items if c.delta < 0), key=lambda c: c.delta)
    return Comparison(
        later=later,
        earlier=earlier,
        areas=changes,
        improved=tuple(improved[:TOP_ITEMS]),
        declined=tuple(declined[:TOP_ITEMS]),
        same_version=(q_later.id, q_later.version) == (q_earlier.id, q_earlier.version),
        items_compared=len(items),
        trend=trend_table(found, later.round.unit_id),
    )


def _value(frame: pd.DataFrame, area: str, column: str) -> float | None:
    if area not in frame.index:
        return None
    value = frame.at[area, column]
    return None if pd.isna(value) else float(value)


def _item_changes(found: History, later: RoundRow, earlier: RoundRow) -> list[ItemChange]:
    q_later, q_earlier = found.questionnaire(later.round_id), found.questionnaire(earlier.round_id)
    shared = set(q_later.items_by_id) & set(q_earlier.items_by_id)
    items = found.scores.items
    answered = items[items["n"] > 0]

    def means(row: RoundRow, scale_max: int) -> dict[str, float]:
        mine = answered[answered["round"] == row.round.key]
        return {i: m / scale_max * 100 for i, m in zip(mine["item"], mine["mean"], strict=True)}

    now, before = means(later, q_later.scale_max), means(earlier, q_earlier.scale_max)
    return [
        ItemChange(item, q_later.item_dimension[item], now[item], before[item])
        for item in q_later.items_by_id
        if item in shared and item in now and item in before
    ]


def completed_between(
    found: History, earlier: RoundRow, later: RoundRow, lang: str
) -> dict[str, list[str]]:
    """Titles of measures done by the later round that were not yet done before the earlier
    one, by area ("what we did"): done in the earlier or the later round's plan, not done in
    the plan of the round before the earlier one."""
    scope = found.unit_rows(later.round.unit_id)
    ordered = [row.round_id for row in scope]
    start = ordered.index(earlier.round_id) if earlier.round_id in ordered else 0
    already = _done(found, ordered[start - 1]) if start > 0 else {}
    done = {**_done(found, earlier.round_id), **_done(found, later.round_id)}
    q = found.questionnaire(later.round_id)
    by_area: dict[str, list[str]] = {}
    for key, entry in done.items():
        if key in already:
            continue
        source = q if entry.measure in q.measures_by_id else found.questionnaire(earlier.round_id)
        by_area.setdefault(entry.area, []).append(entry_title(entry, source, lang))
    return by_area


def _done(found: History, round_id: int):
    return {
        entry.measure or entry.title: entry
        for entry in found.plans.get(round_id, ())
        if entry.status == "done"
    }


def trend_table(found: History, unit_id: int | None = None) -> pd.DataFrame:
    """Every scored round's area scores of one unit (None: the organisation's own rounds) in
    date order: round, label, date, area, score, stage."""
    scored = scored_in_unit(found, unit_id)
    info = pd.DataFrame(
        [(row.round.key, row.round.label, row.round.date) for row in scored],
        columns=["round", "label", "date"],
    )
    areas = found.scores.areas[["round", "area", "score", "stage"]]
    table = info.merge(areas, on="round", how="left")
    return table.dropna(subset=["score"]).reset_index(drop=True)
