"""The round's revision counter: each write that changes a round bumps it in its transaction.

Caches key on it (DESIGN §10). Writers bump first, so that on PostgreSQL every write to a round
takes the round's row lock before anything else (one lock order, no deadlocks) and a write that
fails rolls the bump back with everything else.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from assessment.storage import tables as t
from assessment.storage.results import NotFound


def bump_round(conn: Connection, round_id: int) -> None:
    """Count one more change of the round."""
    conn.execute(
        update(t.round).where(t.round.c.id == round_id).values(revision=t.round.c.revision + 1)
    )


def bump_respondent_round(conn: Connection, respondent_id: int) -> None:
    """Count one more change of the round the respondent belongs to."""
    owner = select(t.respondent.c.round_id).where(t.respondent.c.id == respondent_id)
    conn.execute(
        update(t.round)
        .where(t.round.c.id == owner.scalar_subquery())
        .values(revision=t.round.c.revision + 1)
    )


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
