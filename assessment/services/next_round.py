"""The next round: the same organisation (or unit) again, carrying targets and plan forward.

The new round starts from the newest round before it: its targets (areas the new
questionnaire still has) and its saved plan with each measure's status, owner and due date;
done measures stay in the plan as done. A catalogue measure the new questionnaire no longer
has is kept as an own measure under its old title, so that nothing of the plan is lost.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire
from assessment.responses import PlanEntry
from assessment.roadmap import entry_title
from assessment.services.access import Visitor, require
from assessment.services.errors import Invalid, storage_boundary
from assessment.services.rounds import Started, _label
from assessment.storage import history as stored
from assessment.storage import repository as repo
from assessment.storage.rounds import MIN_GROUP_SIZE
from assessment.storage.transactions import retrying


def carried_plan(
    plan: tuple[PlanEntry, ...] | list[PlanEntry], before: Questionnaire, q: Questionnaire
) -> list[PlanEntry]:
    """The plan as the next round (on `q`) takes it over from a round on `before`."""
    carried = []
    for entry in plan:
        if entry.area not in q.dimensions_by_id:
            continue  # an area the questionnaire no longer has: nothing to attach it to
        if entry.measure is not None and entry.measure not in q.measures_by_id:
            title = entry_title(entry, before, "de")
            entry = entry.model_copy(update={"measure": None, "title": title})
        carried.append(entry)
    return carried


def start_next_round(
    engine: Engine,
    visitor: Visitor | None,
    q: Questionnaire,
    label: str,
    date: dt.date,
    mode: str = "self",
    anonymous: bool = True,
    min_group_size: int = MIN_GROUP_SIZE,
    unit_id: int | None = None,
) -> Started:
    """A new round of the visitor's organisation (or of `unit_id`, or of the unit link's unit)
    from the newest round so far of the same scope.

    As a self-check (one respondent link) or a group session (join link and code); the round
    date is the given one (e.g. a year after the last).
    """
    owner = require(visitor, "next_round")
    unit = owner.unit_id if owner.role == "unit_owner" else unit_id
    label = _label(label)
    if mode not in ("self", "session"):
        raise Invalid(f"a round is a self-check or a session, not {mode!r}")
    if mode == "session" and min_group_size < MIN_GROUP_SIZE:
        raise Invalid(f"the minimum group size is at least {MIN_GROUP_SIZE}")
    with storage_boundary("find previous round", organisation=owner.organisation_id):
        previous = stored.newest_round(engine, owner.organisation_id, unit)
    targets: dict[str, float] = {}
    plan = None
    if previous is not None:
        with storage_boundary("read previous round", round=previous.round_id):
            before = repo.snapshot_questionnaire(engine, previous.snapshot_id)
            targets = {
                area: value
                for area, value in repo.get_targets(engine, previous.round_id).items()
                if area in q.dimensions_by_id
            }
            saved = repo.load_plan(engine, previous.round_id)
        plan = None if saved is None else carried_plan(saved, before, q)
    with storage_boundary("start next round", organisation=owner.organisation_id):
        new = retrying(
            stored.create_next_round,
            engine,
            q,
            owner.organisation_id,
            label,
            date,
            mode,
            mode == "session" and anonymous,
            min_group_size,
            targets,
            plan,
            unit_id=unit,
        )
    return Started(
        new.round_id,
        new.organisation_id,
        new.admin_token,
        None,
        respondent_token=new.respondent_token,
        join_token=new.join_token,
        join_code=new.join_code,
    )
