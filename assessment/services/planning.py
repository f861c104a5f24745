"""Targets and the roadmap plan of a round; a plan changed elsewhere is never overwritten."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine

from assessment.responses import PlanEntry
from assessment.roadmap import PlanChanges, reset_losses, take_over
from assessment.services.access import Visitor, questionnaire, require_round
from assessment.services.errors import Conflict, Invalid, storage_boundary
from assessment.storage import plans
from assessment.storage import repository as repo
from assessment.storage.revisions import require_open
from assessment.storage.transactions import retrying, write_transaction


class PlanChanged(Conflict):
    """The stored plan is not the one the editor started from: it was changed elsewhere."""


class ResetNeedsConfirmation(Conflict):
    """Recomputing would discard edits (`losses`: owners, statuses, own steps, notes by count)."""

    def __init__(self, losses: dict[str, int]):
        super().__init__(f"recomputing the plan would discard {losses}")
        self.losses = losses


def set_target(engine: Engine, visitor: Visitor | None, area: str, value: float) -> None:
    """Set one area's target (0..100), leaving the others as they are."""
    found = require_round(visitor, "targets")
    if area not in questionnaire(engine, visitor).dimensions_by_id:
        raise Invalid(f"unknown area {area!r}")
    if not 0 <= value <= 100:
        raise Invalid(f"a target lies between 0 and 100, got {value}")
    with storage_boundary("set target", round=found.round_id, area=area):
        retrying(repo.set_target, engine, found.round_id, area, float(value))


def targets(engine: Engine, visitor: Visitor | None) -> dict[str, float]:
    """The round's targets by area (only those set)."""
    found = require_round(visitor, "results")
    with storage_boundary("read targets", round=found.round_id):
        return repo.get_targets(engine, found.round_id)


def stored_plan(engine: Engine, visitor: Visitor | None) -> list[PlanEntry] | None:
    """The round's saved plan, or None if none was saved (the suggestion applies)."""
    found = require_round(visitor, "roadmap")
    with storage_boundary("read plan", round=found.round_id):
        return repo.load_plan(engine, found.round_id)


def save_plan(
    engine: Engine,
    visitor: Visitor | None,
    plan: Sequence[PlanEntry],
    expected: Sequence[PlanEntry] | None,
) -> None:
    """Replace the plan, if the stored one is still `expected` (None: none saved); else PlanChanged.

    The comparison and the write are one transaction, so a plan saved in another tab meanwhile
    is never overwritten.
    """
    found = require_round(visitor, "plan")
    _check_plan(engine, visitor, plan)
    expected_list = None if expected is None else list(expected)
    with storage_boundary("save plan", round=found.round_id):
        retrying(_replace_plan, engine, found.round_id, list(plan), expected_list)


def reset_plan(engine: Engine, visitor: Visitor | None, confirmed: bool = False) -> None:
    """Forget the saved plan, so that the suggestion computed from the scores applies again.

    A plan with owners, statuses, own steps or notes is only discarded when `confirmed`;
    otherwise ResetNeedsConfirmation says what would be lost.
    """
    found = require_round(visitor, "plan")
    if not confirmed:
        losses = reset_losses(stored_plan(engine, visitor) or [])
        if any(losses.values()):
            raise ResetNeedsConfirmation(losses)
    with storage_boundary("reset plan", round=found.round_id):
        retrying(repo.clear_plan, engine, found.round_id)


def take_over_changes(
    engine: Engine,
    visitor: Visitor | None,
    plan: Sequence[PlanEntry],
    changes: PlanChanges,
    add: set[str],
    drop: set[str],
) -> list[PlanEntry]:
    """Add the suggested measures `add` to the saved `plan` and remove `drop`; the new plan.

    `plan` is the saved plan the page showed: if it was changed elsewhere, PlanChanged.
    """
    new_plan = take_over(list(plan), changes, add, drop)
    save_plan(engine, visitor, new_plan, expected=plan)
    return new_plan


def _check_plan(engine: Engine, visitor: Visitor | None, plan: Sequence[PlanEntry]) -> None:
    q = questionnaire(engine, visitor)  # type: ignore[arg-type]
    for entry in plan:
        if entry.area not in q.dimensions_by_id:
            raise Invalid(f"unknown area {entry.area!r}")
        if entry.measure is not None and entry.measure not in q.measures_by_id:
            raise Invalid(f"unknown measure {entry.measure!r}")
        if entry.measure is None and not entry.title:
            raise Invalid("a plan step needs a catalogue measure or an own title")


def _replace_plan(
    engine: Engine, round_id: int, plan: list[PlanEntry], expected: list[PlanEntry] | None
) -> None:
    with write_transaction(engine) as conn:
        _require_plan(conn, round_id, expected)
        plans.replace_plan(conn, round_id, plan)


def _require_plan(conn: Connection, round_id: int, expected: list[PlanEntry] | None) -> None:
    require_open(conn, round_id)
    if plans.read_plan(conn, round_id) != expected:
        raise PlanChanged(f"the plan of round {round_id} was changed elsewhere")
