"""An organisation's rounds over time: everything about all its rounds, read in a few queries.

`read_history` reads the rounds, the scoring answers, targets, consensus and plans of every
round of an organisation on one connection, one query per table (never one per round), so
that a page over 1,000 rounds costs about what a page over 10 does. `history_key` is the cheap
cache key: it changes with every write to any of the rounds and with every round added or
deleted (revisions only grow and ids are never reused).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, Subquery, case, func, or_, select, update

from assessment.responses import NAME_MAX_LENGTH, Organisation, PlanEntry
from assessment.storage import tables as t
from assessment.storage.invitations import set_join_code
from assessment.storage.plans import entry_of, insert_plan, insert_targets
from assessment.storage.respondents import insert_respondent, label_for
from assessment.storage.results import Mode, NewRound, NotFound, RoundDetails, RoundStatus
from assessment.storage.rounds import check_length, check_mode, insert_round, read_round_details
from assessment.storage.transactions import write_transaction

if TYPE_CHECKING:
    import pandas as pd

    from assessment.questionnaire import Questionnaire

#: Same columns as `assessment.scoring.ANSWER_COLUMNS` (storage does not import scoring).
ANSWER_COLUMNS = ["round", "respondent", "item", "value", "na"]


@dataclass(frozen=True)
class StoredRound:
    """One round of an organisation as the history lists it (counts, never a person)."""

    round_id: int
    label: str
    date: dt.date
    mode: Mode
    anonymous: bool
    status: RoundStatus
    questionnaire_id: str
    questionnaire_version: str
    snapshot_id: int
    min_group_size: int
    unit_id: int | None
    joined: int
    submitted: int
    revision: int

    @property
    def key(self) -> str:
        """The round's key in the score tables (its id as text)."""
        return str(self.round_id)


@dataclass(frozen=True)
class StoredHistory:
    """All rounds of an organisation (oldest first) with their scoring inputs and plans."""

    organisation: Organisation
    rounds: tuple[StoredRound, ...]
    #: round (id as text), respondent, item, value: a self-check's answers, a session's submitted.
    answers: pd.DataFrame
    targets: pd.DataFrame  # round, area, target
    consensus: pd.DataFrame  # round, area, value
    plans: Mapping[int, tuple[PlanEntry, ...]]  # round id -> its saved plan (absent: none saved)


def history_key(engine: Engine, organisation_id: int) -> tuple[int, int, int]:
    """(rounds, sum of revisions, newest id) of the organisation: a cache key for its history."""
    r = t.round.c
    stmt = select(
        func.count(r.id), func.coalesce(func.sum(r.revision), 0), func.coalesce(func.max(r.id), 0)
    ).where(r.organisation_id == organisation_id)
    with engine.connect() as conn:
        count, revisions, newest = conn.execute(stmt).one()
        if count == 0 and not _organisation_exists(conn, organisation_id):
            raise NotFound(f"organisation {organisation_id}")
    return int(count), int(revisions), int(newest)


def read_history(engine: Engine, organisation_id: int) -> StoredHistory:
    """Every round of the organisation with what its scores, targets and plan are made of."""
    import pandas as pd  # only the history pages need it

    with engine.connect() as conn:
        organisation = read_organisation(conn, organisation_id)
        rounds = tuple(_read_rounds(conn, organisation_id))
        answers = pd.DataFrame(_read_answers(conn, organisation_id), columns=ANSWER_COLUMNS)
        targets = pd.DataFrame(
            _per_area(conn, t.target, organisation_id), columns=["round", "area", "target"]
        )
        consensus = pd.DataFrame(
            _per_area(conn, t.consensus, organisation_id), columns=["round", "area", "value"]
        )
        plans = _read_plans(conn, organisation_id, rounds)
    return StoredHistory(
        organisation=organisation,
        rounds=rounds,
        answers=answers.astype({"value": "float64", "na": bool}),
        targets=targets,
        consensus=consensus,
        plans=plans,
    )


def read_organisation(conn: Connection, organisation_id: int) -> Organisation:
    """The organisation's profile; NotFound for an unknown id."""
    o = t.organisation.c
    row = conn.execute(
        select(o.name, o.kind, o.sector, o.size, o.region).where(o.id == organisation_id)
    ).first()
    if row is None:
        raise NotFound(f"organisation {organisation_id}")
    return Organisation(
        name=row.name, kind=row.kind, sector=row.sector, size=row.size, region=row.region
    )


def update_organisation(engine: Engine, organisation_id: int, organisation: Organisation) -> None:
    """Change the organisation's profile (bumps the revision of each of its rounds)."""
    from assessment.storage.rounds import save_organisation

    with write_transaction(engine) as conn:
        save_organisation(conn, organisation, organisation_id)


def create_next_round(
    engine: Engine,
    q: Questionnaire,
    organisation_id: int,
    label: str,
    date: dt.date,
    mode: Mode,
    anonymous: bool,
    min_group_size: int,
    targets: Mapping[str, float],
    plan: list[PlanEntry] | None,
    unit_id: int | None = None,
) -> NewRound:
    """A new round of an existing organisation (or unit) with targets and plan, in one
    transaction."""
    check_mode(mode)
    check_length("round label", label, NAME_MAX_LENGTH)
    with write_transaction(engine) as conn:
        if not _organisation_exists(conn, organisation_id):
            raise NotFound(f"organisation {organisation_id}")
        round_id, admin_token, join_token = insert_round(
            conn, q, organisation_id, label, date, mode, anonymous, min_group_size=min_group_size
        )
        if unit_id is not None:
            _attach_to_unit(conn, round_id, organisation_id, unit_id)
        respondents = (insert_respondent(conn, round_id, label_for(1)),) if mode == "self" else ()
        join_code = set_join_code(conn, round_id, admin_token) if mode == "session" else None
        insert_targets(conn, round_id, targets)
        if plan is not None:
            insert_plan(conn, round_id, plan)
    return NewRound(
        round_id, organisation_id, admin_token, join_token, respondents, None, join_code
    )


def newest_round(engine: Engine, organisation_id: int, unit_id: int | None) -> RoundDetails | None:
    """The newest of the organisation's own rounds (unit None) or of one unit's; None if none."""
    r = t.round.c
    in_scope = r.unit_id.is_(None) if unit_id is None else r.unit_id == unit_id
    stmt = (
        select(r.id)
        .where(r.organisation_id == organisation_id, in_scope)
        .order_by(r.date.desc(), r.id.desc())
    )
    with engine.connect() as conn:
        newest = conn.scalar(stmt)
        return None if newest is None else read_round_details(conn, newest)


def _attach_to_unit(conn: Connection, round_id: int, organisation_id: int, unit_id: int) -> None:
    u = t.unit.c
    found = conn.scalar(select(u.id).where(u.id == unit_id, u.organisation_id == organisation_id))
    if found is None:
        raise NotFound(f"unit {unit_id}")
    conn.execute(update(t.round).where(t.round.c.id == round_id).values(unit_id=unit_id))


def _organisation_exists(conn: Connection, organisation_id: int) -> bool:
    o = t.organisation.c
    return conn.scalar(select(o.id).where(o.id == organisation_id)) is not None


def respondent_counts() -> Subquery:
    """Per round: how many joined and how many submitted (a subquery to outer-join)."""
    p = t.respondent.c
    return (
        select(
            p.round_id,
            func.count(p.id).label("joined"),
            func.count(case((p.submitted.is_(True), 1))).label("submitted"),
        )
        .group_by(p.round_id)
        .subquery()
    )


def round_columns(counts: Subquery) -> list:
    """The columns of a `StoredRound`, in the order `stored_round` reads them."""
    r = t.round.c
    return [
        r.id,
        r.label,
        r.date,
        r.mode,
        r.anonymous,
        r.status,
        r.questionnaire_id,
        r.questionnaire_version,
        r.snapshot_id,
        r.min_group_size,
        r.unit_id,
        func.coalesce(counts.c.joined, 0),
        func.coalesce(counts.c.submitted, 0),
        r.revision,
    ]


def stored_round(row) -> StoredRound:
    """The `StoredRound` of a row that starts with `round_columns`."""
    return StoredRound(
        round_id=row[0],
        label=row[1],
        date=row[2],
        mode=row[3],
        anonymous=bool(row[4]),
        status=row[5],
        questionnaire_id=row[6],
        questionnaire_version=row[7],
        snapshot_id=row[8],
        min_group_size=int(row[9]),
        unit_id=row[10],
        joined=int(row[11]),
        submitted=int(row[12]),
        revision=int(row[13]),
    )


def _read_rounds(conn: Connection, organisation_id: int) -> list[StoredRound]:
    r = t.round.c
    counts = respondent_counts()
    stmt = (
        select(*round_columns(counts))
        .outerjoin(counts, counts.c.round_id == r.id)
        .where(r.organisation_id == organisation_id)
        .order_by(r.date, r.id)
    )
    return [stored_round(row) for row in conn.execute(stmt)]


def _read_answers(
    conn: Connection, organisation_id: int
) -> list[tuple[str, str, str, float, bool]]:
    """A self-check's answers and a session's submitted ones (a session's result counts those)."""
    r, p, a = t.round.c, t.respondent.c, t.answer.c
    stmt = (
        select(r.id, p.label, a.item_id, a.value, a.not_applicable)
        .join(t.respondent, p.round_id == r.id)
        .join(t.answer, a.respondent_id == p.id)
        .where(
            r.organisation_id == organisation_id,
            a.answered.is_(True),
            or_(r.mode == "self", p.submitted.is_(True)),
        )
    )
    nan = float("nan")
    return [
        (str(rid), label, item, nan if value is None else float(value), bool(na))
        for rid, label, item, value, na in conn.execute(stmt)
    ]


def _per_area(conn: Connection, table, organisation_id: int) -> list[tuple[str, str, float]]:
    r = t.round.c
    value = table.c.value
    stmt = (
        select(table.c.round_id, table.c.area, value)
        .join(t.round, r.id == table.c.round_id)
        .where(r.organisation_id == organisation_id)
    )
    return [(str(rid), area, float(v)) for rid, area, v in conn.execute(stmt)]


def _read_plans(
    conn: Connection, organisation_id: int, rounds: tuple[StoredRound, ...]
) -> dict[int, tuple[PlanEntry, ...]]:
    r, c = t.round.c, t.action.c
    saved = set(
        conn.scalars(
            select(r.id).where(r.organisation_id == organisation_id, r.plan_saved.is_(True))
        )
    )
    stmt = (
        select(t.action)
        .join(t.round, r.id == c.round_id)
        .where(r.organisation_id == organisation_id)
        .order_by(c.round_id, c.position)
    )
    plans: dict[int, list[PlanEntry]] = defaultdict(list)
    for row in conn.execute(stmt):
        plans[row.round_id].append(entry_of(row))
    known = {x.round_id for x in rounds}
    return {rid: tuple(plans.get(rid, ())) for rid in saved if rid in known}
