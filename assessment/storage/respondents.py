"""Respondents of a round: joining, tokens, progress."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, case, func, or_, select, update

from assessment.responses import NAME_MAX_LENGTH
from assessment.storage import tables as t
from assessment.storage.results import Access, NewRespondent, NotFound, RespondentInfo, TooLong
from assessment.storage.revisions import bump_respondent_round, bump_round
from assessment.storage.tokens import hash_token, new_token
from assessment.storage.transactions import write_transaction

LABEL_PREFIX = "P"


def resolve_token(engine: Engine, token: str) -> Access | None:
    """What `token` gives access to, or None for an unknown token."""
    if not token:
        return None
    with engine.connect() as conn:
        return read_access(conn, token)


def read_access(conn: Connection, token: str) -> Access | None:
    """What `token` gives access to, read on an open connection."""
    digest = hash_token(token)
    row = conn.execute(
        select(t.respondent.c.id, t.respondent.c.round_id).where(
            t.respondent.c.token_hash == digest
        )
    ).first()
    if row is not None:
        return Access(round_id=row.round_id, respondent_id=row.id, is_admin=False)
    row = conn.execute(
        select(t.round.c.id, t.round.c.admin_token_hash).where(
            or_(t.round.c.admin_token_hash == digest, t.round.c.join_token_hash == digest)
        )
    ).first()
    if row is None:
        return None
    return Access(round_id=row.id, respondent_id=None, is_admin=row.admin_token_hash == digest)


def add_respondent(engine: Engine, round_id: int, name: str = "", role: str = "") -> NewRespondent:
    """Add a respondent (label P1, P2, …) with a private token; anonymous rounds keep no name.

    RoundClosed if the round is closed; TooLong for a name or role longer than a file takes.
    """
    for what, text in (("name", name), ("role", role)):
        if len(text) > NAME_MAX_LENGTH:
            raise TooLong(f"{what} has {len(text)} characters; at most {NAME_MAX_LENGTH}")
    with write_transaction(engine) as conn:
        # Locking the round row (PostgreSQL; SQLite is locked whole) serialises concurrent joins,
        # so that two of them never pick the same label.
        anonymous = conn.scalar(
            select(t.round.c.anonymous).where(t.round.c.id == round_id).with_for_update()
        )
        if anonymous is None:
            raise NotFound(f"round {round_id}")
        bump_round(conn, round_id)
        label = _next_label(conn, round_id)
        if anonymous:
            name = role = ""  # an anonymous round never stores who someone is
        return insert_respondent(conn, round_id, label, name=name, role=role)


def set_submitted(engine: Engine, respondent_id: int, submitted: bool = True) -> None:
    """Mark a respondent's answers as submitted (or not)."""
    with write_transaction(engine) as conn:
        bump_respondent_round(conn, respondent_id)
        conn.execute(
            update(t.respondent)
            .where(t.respondent.c.id == respondent_id)
            .values(submitted=submitted)
        )


def round_respondents(engine: Engine, round_id: int) -> list[RespondentInfo]:
    """The round's respondents in the order they joined, with their number of answers."""
    p, a = t.respondent.c, t.answer.c
    answered = func.count(case((a.answered.is_(True), 1)))
    stmt = (
        select(p.id, p.label, p.name, p.role, p.submitted, answered)
        .outerjoin(t.answer, a.respondent_id == p.id)
        .where(p.round_id == round_id)
        .group_by(p.id, p.label, p.name, p.role, p.submitted)
        .order_by(p.id)
    )
    with engine.connect() as conn:
        return [
            RespondentInfo(row[0], row[1], row[2], row[3], bool(row[4]), int(row[5]))
            for row in conn.execute(stmt)
        ]


def insert_respondent(
    conn: Connection, round_id: int, label: str, name: str = "", role: str = ""
) -> NewRespondent:
    """Insert a respondent with a fresh private token."""
    token = new_token()
    result = conn.execute(
        t.respondent.insert().values(
            round_id=round_id, label=label, token_hash=hash_token(token), name=name, role=role
        )
    )
    return NewRespondent(result.inserted_primary_key[0], label, token)


def label_for(n: int) -> str:
    """The label of the n-th respondent of a round (P1, P2, …)."""
    return f"{LABEL_PREFIX}{n}"


def _next_label(conn: Connection, round_id: int) -> str:
    taken = set(
        conn.scalars(select(t.respondent.c.label).where(t.respondent.c.round_id == round_id))
    )
    n = len(taken) + 1
    while label_for(n) in taken:
        n += 1
    return label_for(n)
