"""Units compared: each unit's newest scored round side by side, against the mean of all.

Only the organisation link adds units and sees them all; a unit's link sees its own unit
(see `history`). A unit whose newest round has no score (a session below its minimum group
size, or nothing answered yet) shows no figure; the mean counts only units with a score.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from assessment.responses import NAME_MAX_LENGTH
from assessment.services.access import Visitor, require
from assessment.services.errors import Conflict, Invalid, storage_boundary
from assessment.services.history import History, RoundRow
from assessment.storage import units as stored
from assessment.storage.transactions import retrying


@dataclass(frozen=True)
class UnitsOverview:
    """Every unit with its newest scored round, and the area scores as units × areas."""

    units: tuple[tuple[int, str, RoundRow | None], ...]
    #: unit name × area id -> score of the unit's newest scored round (NaN where none).
    scores: pd.DataFrame
    #: area id -> mean over the units that have a score there.
    mean: dict[str, float]


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


def overview(found: History) -> UnitsOverview:
    """The units of a history side by side (their newest scored round each)."""
    units = []
    for unit_id, name in found.units.items():
        scored = [row for row in found.unit_rows(unit_id) if row.score is not None]
        units.append((unit_id, name, scored[-1] if scored else None))
    areas = found.scores.areas
    table = {}
    for _unit_id, name, row in units:
        if row is None:
            continue
        mine = areas[areas["round"] == row.round.key]
        table[name] = dict(zip(mine["area"], mine["score"], strict=True))
    scores = pd.DataFrame.from_dict(table, orient="index", dtype="float64")
    mean = {area: float(v) for area, v in scores.mean(skipna=True).items() if pd.notna(v)}
    return UnitsOverview(tuple(units), scores, mean)
