"""Units of an organisation: only the organisation link adds them and compares them; a unit's
link sees its own unit only (see `history`).

The units overview puts every unit's newest scored round side by side: its area scores, the
mean of all units per area and each unit's delta from that mean. It is built from the
organisation's history (all rounds scored from one read, cached by revision) and cached as
long as that history and the list of units stay the same.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire
from assessment.responses import NAME_MAX_LENGTH
from assessment.services.access import Visitor, require
from assessment.services.errors import Conflict, Invalid, storage_boundary
from assessment.services.history import History, RoundRow, history
from assessment.storage import units as stored
from assessment.storage.transactions import retrying
from assessment.storage.units import StoredUnit

#: How many organisations' overviews stay cached (each is replaced when its history changes).
CACHED_OVERVIEWS = 32


def add_unit(engine: Engine, visitor: Visitor | None, name: str) -> stored.NewUnit:
    """Add a unit to the organisation; returns it with the only copy of its link's token."""
    owner = require(visitor, "units")
    name = name.strip()
    if not name or len(name) > NAME_MAX_LENGTH:
        raise Invalid(f"a unit's name has 1 to {NAME_MAX_LENGTH} characters")
    with storage_boundary("add unit", organisation=owner.organisation_id):
        try:
            return retrying(stored.create_unit, engine, owner.organisation_id, name)
        except stored.UnitExists as error:
            raise Conflict(str(error)) from None


def list_units(engine: Engine, visitor: Visitor | None) -> tuple[StoredUnit, ...]:
    """The organisation's units (the organisation link only)."""
    owner = require(visitor, "units")
    with storage_boundary("list units", organisation=owner.organisation_id):
        return stored.list_units(engine, owner.organisation_id)


def renew_link(engine: Engine, visitor: Visitor | None, unit_id: int) -> stored.NewUnit:
    """A fresh link for one of the organisation's units; the unit's old link stops working."""
    owner = require(visitor, "units")
    with storage_boundary("renew unit link", organisation=owner.organisation_id, unit=unit_id):
        return retrying(stored.renew_unit_link, engine, owner.organisation_id, unit_id)


@dataclass(frozen=True)
class UnitLatest:
    """One unit with its newest round and its newest scored round (None if it has none)."""

    unit: StoredUnit
    rounds: int
    newest: RoundRow | None
    latest: RoundRow | None


@dataclass(frozen=True)
class UnitsOverview:
    """Every unit's newest scored round side by side, and the mean of all units per area."""

    units: tuple[UnitLatest, ...]
    areas: tuple[str, ...]
    #: (unit id, area) -> the area score of the unit's newest scored round.
    scores: dict[tuple[int, str], float]
    mean: dict[str, float]
    history: History
    #: The questionnaires of the units' newest scored rounds, newest first (area titles).
    questionnaires: tuple[Questionnaire, ...]

    def scored(self) -> tuple[UnitLatest, ...]:
        """The units that have a scored round, in the order they were added."""
        return tuple(u for u in self.units if u.latest is not None)

    def score(self, unit_id: int, area: str) -> float | None:
        """A unit's score in an area (its newest scored round); None where it has none."""
        return self.scores.get((unit_id, area))

    def delta(self, unit_id: int, area: str) -> float | None:
        """How far a unit's area score lies above (+) or below (−) the mean of all units."""
        score, mean = self.score(unit_id, area), self.mean.get(area)
        return None if score is None or mean is None else score - mean

    def area_title(self, area: str, lang: str) -> str:
        """An area's title from the questionnaire of the newest scored round that has it."""
        for q in self.questionnaires:
            if area in q.dimensions_by_id:
                return q.dimensions_by_id[area].title(lang)
        return area


_overviews_lock = threading.Lock()
_overviews: OrderedDict[int, tuple[History, tuple[StoredUnit, ...], UnitsOverview]] = OrderedDict()


def overview(engine: Engine, visitor: Visitor | None) -> UnitsOverview:
    """Every unit of the visitor's organisation compared (the organisation link only)."""
    owner = require(visitor, "units")
    found = history(engine, owner)  # the same object until any round of the organisation changes
    listed = list_units(engine, owner)
    with _overviews_lock:  # several sessions' threads share the cache
        cached = _overviews.get(owner.organisation_id)
    if cached is not None and cached[0] is found and cached[1] == listed:
        return cached[2]
    built = overview_of(found, listed)
    with _overviews_lock:
        _overviews[owner.organisation_id] = (found, listed, built)
        _overviews.move_to_end(owner.organisation_id)
        while len(_overviews) > CACHED_OVERVIEWS:
            _overviews.popitem(last=False)
    return built


def overview_of(found: History, listed: tuple[StoredUnit, ...]) -> UnitsOverview:
    """The units overview from an organisation's (whole) history and its units."""
    by_unit: dict[int, list[RoundRow]] = {u.unit_id: [] for u in listed}
    for row in found.rows:  # oldest first
        if row.round.unit_id in by_unit:
            by_unit[row.round.unit_id].append(row)
    units = []
    for unit in listed:
        rows = by_unit[unit.unit_id]
        scored = [row for row in rows if row.score is not None]
        units.append(
            UnitLatest(unit, len(rows), rows[-1] if rows else None, scored[-1] if scored else None)
        )
    latest = {u.latest.round.key: u.unit.unit_id for u in units if u.latest is not None}
    table = found.scores.areas
    mine = table[table["round"].isin(latest) & table["score"].notna()]
    scores = {
        (latest[key], area): float(score)
        for key, area, score in zip(mine["round"], mine["area"], mine["score"], strict=True)
    }
    newest_first = sorted(
        (u.latest for u in units if u.latest is not None),
        key=lambda row: (row.round.date, row.round_id),
        reverse=True,
    )
    snapshots = dict.fromkeys(r.round.snapshot_id for r in newest_first)
    questionnaires = tuple(found.questionnaires[sid] for sid in snapshots)
    order = [d.id for q in questionnaires for d in q.dimensions]
    areas = tuple(dict.fromkeys([*order, *(area for _, area in scores)]))
    mean = {}
    for area in areas:
        values = [v for (_, a), v in scores.items() if a == area]
        if values:
            mean[area] = sum(values) / len(values)
    return UnitsOverview(tuple(units), areas, scores, mean, found, questionnaires)
