"""A session's invitation: the digests of its join link and its short join code."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select, update

from assessment.storage import tables as t
from assessment.storage.results import NotFound
from assessment.storage.tokens import hash_join_code, join_code_for

#: How many derived join codes a session tries before it goes without one (never in practice).
JOIN_CODE_ATTEMPTS = 8


def join_digests(engine: Engine, round_id: int) -> tuple[str | None, str | None]:
    """The digests of the round's join token and join code (None where it has none)."""
    r = t.round.c
    with engine.connect() as conn:
        row = conn.execute(
            select(r.join_token_hash, r.join_code_hash).where(r.id == round_id)
        ).first()
    if row is None:
        raise NotFound(f"round {round_id}")
    return row[0], row[1]


def set_join_code(conn: Connection, round_id: int, admin_token: str) -> str | None:
    """Give a session its join code (the next derived one should one already be taken)."""
    taken = t.round.c.join_code_hash
    for attempt in range(JOIN_CODE_ATTEMPTS):
        code = join_code_for(admin_token, attempt)
        digest = hash_join_code(code)
        if conn.scalar(select(t.round.c.id).where(taken == digest)) is None:
            conn.execute(
                update(t.round).where(t.round.c.id == round_id).values(join_code_hash=digest)
            )
            return code
    return None
