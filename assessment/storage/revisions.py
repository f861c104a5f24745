"""The round's revision counter: each write that changes a round bumps it in its transaction.

Caches key on it (DESIGN §10). A closed round is read-only: the bump of a write refuses it
(RoundClosed) in the write's own transaction, so no write slips in after a close. Writers bump
first, so that on PostgreSQL every write to a round takes the round's row lock before anything
else (one lock order, no deadlocks) and a write that fails rolls the bump back with everything
else.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from assessment.storage import tables as t
from assessment.storage.results import NotFound, RoundClosed


def bump_round(conn: Connection, round_id: int, closed_too: bool = False) -> None:
    """Count one more change of the open round; RoundClosed if it is closed, else NotFound.

    Only a change of the status itself passes `closed_too` (reopening a closed round).
    """
    stmt = update(t.round).where(t.round.c.id == round_id)
    if not closed_too:
        stmt = stmt.where(t.round.c.status == "open")
    if conn.execute(stmt.values(revision=t.round.c.revision + 1)).rowcount == 0:
        _refuse(conn, round_id, f"round {round_id}")


def bump_respondent_round(conn: Connection, respondent_id: int) -> None:
    """Count one more change of the respondent's open round; RoundClosed or NotFound if none."""
    owner = select(t.respondent.c.round_id).where(t.respondent.c.id == respondent_id)
    result = conn.execute(
        update(t.round)
        .where(t.round.c.id == owner.scalar_subquery(), t.round.c.status == "open")
        .values(revision=t.round.c.revision + 1)
    )
    if result.rowcount == 0:
        round_id = conn.scalar(owner)
        _refuse(conn, round_id, f"respondent {respondent_id}")


def require_open(conn: Connection, round_id: int) -> None:
    """Lock the round's row and refuse a closed round (RoundClosed) or an unknown one."""
    status = conn.scalar(select(t.round.c.status).where(t.round.c.id == round_id).with_for_update())
    if status != "open":
        _refuse(conn, round_id, f"round {round_id}")


def _refuse(conn: Connection, round_id: int | None, what: str) -> None:
    status = None
    if round_id is not None:
        status = conn.scalar(select(t.round.c.status).where(t.round.c.id == round_id))
    if status is None:
        raise NotFound(what)
    raise RoundClosed(f"round {round_id} is closed")


def bump_organisation_rounds(conn: Connection, organisation_id: int) -> None:
    """Count one more change of every round of the organisation (its profile is in each)."""
    conn.execute(
        update(t.round)
        .where(t.round.c.organisation_id == organisation_id)
        .values(revision=t.round.c.revision + 1)
    )


def read_revision(conn: Connection, round_id: int) -> int:
    """The round's revision; raise NotFound for an unknown id."""
    revision = conn.scalar(select(t.round.c.revision).where(t.round.c.id == round_id))
    if revision is None:
        raise NotFound(f"round {round_id}")
    return int(revision)
