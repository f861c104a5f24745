"""What a token is: one lookup over every kind of capability link (tokens stored as digests)."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select

from assessment.storage import tables as t
from assessment.storage.results import Capability, RoundDetails
from assessment.storage.rounds import read_round_details
from assessment.storage.tokens import hash_join_code, hash_token


def open_capability(engine: Engine, token: str) -> tuple[Capability, RoundDetails | None] | None:
    """The capability a token carries and the round it opens, on one connection; None if unknown."""
    if not token:
        return None
    with engine.connect() as conn:
        found = read_capability(conn, token)
        if found is None:
            return None
        details = read_round_details(conn, found.round_id) if found.round_id else None
        return found, details


def read_capability(conn: Connection, token: str) -> Capability | None:
    """The capability a token carries, read on an open connection; None if unknown."""
    digest = hash_token(token)
    p, r, o = t.respondent.c, t.round.c, t.organisation.c
    row = conn.execute(
        select(p.id, p.round_id, r.organisation_id)
        .join(t.round, r.id == p.round_id)
        .where(p.token_hash == digest)
    ).first()
    if row is not None:
        return Capability("respondent", row.organisation_id, row.round_id, row.id)
    row = conn.execute(
        select(r.id, r.organisation_id, r.admin_token_hash).where(
            (r.admin_token_hash == digest) | (r.join_token_hash == digest)
        )
    ).first()
    if row is not None:
        kind = "facilitator" if row.admin_token_hash == digest else "join"
        return Capability(kind, row.organisation_id, row.id)
    code_digest = hash_join_code(token)
    if code_digest is not None:
        row = conn.execute(
            select(r.id, r.organisation_id).where(r.join_code_hash == code_digest)
        ).first()
        if row is not None:
            return Capability("join", row.organisation_id, row.id)
    org_id = conn.scalar(select(o.id).where(o.owner_token_hash == digest))
    if org_id is not None:
        newest = conn.scalar(
            select(r.id).where(r.organisation_id == org_id).order_by(r.date.desc(), r.id.desc())
        )
        return Capability("owner", org_id, newest)
    u = t.unit.c
    row = conn.execute(select(u.id, u.organisation_id).where(u.owner_token_hash == digest)).first()
    if row is None:
        return None
    newest = conn.scalar(
        select(r.id).where(r.unit_id == row.id).order_by(r.date.desc(), r.id.desc())
    )
    return Capability("unit_owner", row.organisation_id, newest, unit_id=row.id)
