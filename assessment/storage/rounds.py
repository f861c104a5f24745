"""Rounds and organisations: creating, reading, profile, status, GDPR deletion.

Each round has a stable `uid` (a uuid4) besides its local id; writes bump its revision.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, update

from assessment.questionnaire import Questionnaire
from assessment.responses import NAME_MAX_LENGTH, Organisation
from assessment.storage import tables as t
from assessment.storage.invitations import set_join_code
from assessment.storage.respondents import insert_respondent, label_for, read_access
from assessment.storage.results import (
    Access,
    Mode,
    NewRound,
    NotFound,
    RoundDetails,
    RoundStatus,
    RoundSummary,
    TooLong,
)
from assessment.storage.revisions import bump_organisation_rounds, bump_round, require_open
from assessment.storage.tokens import hash_token, join_token_for, new_token
from assessment.storage.transactions import erase_traces, write_transaction
from assessment.storage.upsert import insert_for

#: No session shows a group result of fewer respondents than this (DESIGN §10).
MIN_GROUP_SIZE = 3


def create_round(
    engine: Engine,
    q: Questionnaire,
    organisation: Organisation,
    label: str,
    date: dt.date,
    mode: Mode = "self",
    anonymous: bool = False,
    organisation_id: int | None = None,
    min_group_size: int = 3,
) -> NewRound:
    """Store a new round (and its organisation, unless `organisation_id` names an existing one).

    A self-check gets its one respondent; a session gets a join token instead.
    With `organisation_id` the existing organisation's profile is updated to `organisation`
    (which bumps the revision of its other rounds).
    """
    check_mode(mode)
    check_length("round label", label, NAME_MAX_LENGTH)
    if min_group_size < MIN_GROUP_SIZE:
        raise ValueError(f"the minimum group size is at least {MIN_GROUP_SIZE}")
    owner_token = None
    with write_transaction(engine) as conn:
        if organisation_id is None:
            org_id, owner_token = insert_organisation(conn, organisation)
        else:
            org_id = save_organisation(conn, organisation, organisation_id)
        round_id, admin_token, join_token = insert_round(
            conn, q, org_id, label, date, mode, anonymous, min_group_size=min_group_size
        )
        respondents = (insert_respondent(conn, round_id, label_for(1)),) if mode == "self" else ()
        join_code = set_join_code(conn, round_id, admin_token) if mode == "session" else None
    return NewRound(round_id, org_id, admin_token, join_token, respondents, owner_token, join_code)


def round_details(engine: Engine, round_id: int) -> RoundDetails:
    """The round's profile and settings; raise NotFound for an unknown id."""
    with engine.connect() as conn:
        return read_round_details(conn, round_id)


def open_round(engine: Engine, token: str) -> tuple[Access, RoundDetails] | None:
    """What a token opens and the round's details, on one connection; None if unknown."""
    if not token:
        return None
    with engine.connect() as conn:
        access = read_access(conn, token)
        if access is None:
            return None
        return access, read_round_details(conn, access.round_id)


@lru_cache(maxsize=64)
def snapshot_questionnaire(engine: Engine, snapshot_id: int) -> Questionnaire:
    """A stored questionnaire snapshot by id (snapshots never change, so it is cached)."""
    stmt = select(t.questionnaire_snapshot.c.content).where(
        t.questionnaire_snapshot.c.id == snapshot_id
    )
    with engine.connect() as conn:
        content = conn.scalar(stmt)
    if content is None:
        raise NotFound(f"questionnaire snapshot {snapshot_id}")
    return _parse_snapshot(content)


def round_questionnaire(engine: Engine, round_id: int) -> Questionnaire:
    """The questionnaire exactly as it was when the round was created."""
    stmt = (
        select(t.questionnaire_snapshot.c.content)
        .join(t.round, t.round.c.snapshot_id == t.questionnaire_snapshot.c.id)
        .where(t.round.c.id == round_id)
    )
    with engine.connect() as conn:
        content = conn.scalar(stmt)
    if content is None:
        raise NotFound(f"round {round_id}")
    return _parse_snapshot(content)


def update_profile(
    engine: Engine,
    round_id: int,
    organisation: Organisation,
    label: str,
    date: dt.date | None = None,
) -> None:
    """Change the organisation's profile and the round's label (and date, if given).

    RoundClosed if the round is closed (its siblings share the profile and follow it).
    """
    check_length("round label", label, NAME_MAX_LENGTH)
    values: dict[str, Any] = {"label": label}
    if date is not None:
        values["date"] = date
    with write_transaction(engine) as conn:
        require_open(conn, round_id)  # before anything is written
        org_id = conn.scalar(select(t.round.c.organisation_id).where(t.round.c.id == round_id))
        if org_id is None:
            raise NotFound(f"round {round_id}")
        save_organisation(conn, organisation, org_id)  # bumps this round with its siblings
        conn.execute(update(t.round).where(t.round.c.id == round_id).values(**values))


def set_round_status(engine: Engine, round_id: int, status: RoundStatus) -> None:
    """Close or reopen a round (closing stamps `closed_at`)."""
    if status not in ("open", "closed"):
        raise ValueError(f"unknown round status {status!r}")
    closed_at = t.utcnow() if status == "closed" else None
    with write_transaction(engine) as conn:
        bump_round(conn, round_id, closed_too=True)
        conn.execute(
            update(t.round)
            .where(t.round.c.id == round_id)
            .values(status=status, closed_at=closed_at)
        )


def organisation_rounds(engine: Engine, organisation_id: int) -> list[RoundSummary]:
    """The organisation's rounds, oldest first."""
    r = t.round.c
    stmt = (
        select(r.id, r.label, r.date, r.status, r.questionnaire_id, r.questionnaire_version)
        .where(r.organisation_id == organisation_id)
        .order_by(r.date, r.id)
    )
    with engine.connect() as conn:
        return [RoundSummary(*row) for row in conn.execute(stmt)]


def delete_organisation(engine: Engine, organisation_id: int) -> bool:
    """Delete an organisation with all its rounds, respondents, answers and plans (GDPR)."""
    with write_transaction(engine) as conn:
        result = conn.execute(delete(t.organisation).where(t.organisation.c.id == organisation_id))
    erase_traces(engine)
    return result.rowcount > 0


def check_length(what: str, text: str, limit: int) -> None:
    """Raise TooLong for a text longer than the response file takes (so it stays exportable)."""
    if len(text) > limit:
        raise TooLong(f"{what} has {len(text)} characters; at most {limit} are stored")


def check_mode(mode: str) -> None:
    """Raise ValueError for a mode other than "self" or "session"."""
    if mode not in ("self", "session"):
        raise ValueError(f"unknown round mode {mode!r}")


def insert_organisation(conn: Connection, organisation: Organisation) -> tuple[int, str]:
    """Insert an organisation with a fresh owner token; return its id and the token."""
    token = new_token()
    values = {**organisation.model_dump(), "owner_token_hash": hash_token(token)}
    return conn.execute(t.organisation.insert().values(**values)).inserted_primary_key[0], token


def organisation_of(engine: Engine, round_id: int) -> int:
    """The id of the round's organisation; NotFound for an unknown round."""
    with engine.connect() as conn:
        org_id = conn.scalar(select(t.round.c.organisation_id).where(t.round.c.id == round_id))
    if org_id is None:
        raise NotFound(f"round {round_id}")
    return int(org_id)


def save_organisation(
    conn: Connection, organisation: Organisation, organisation_id: int | None
) -> int:
    """Insert the organisation (id None) or update the existing one; return its id.

    An update bumps the revision of each of its rounds: the profile is part of every one.
    """
    values = organisation.model_dump()
    if organisation_id is None:
        return conn.execute(t.organisation.insert().values(**values)).inserted_primary_key[0]
    bump_organisation_rounds(conn, organisation_id)
    result = conn.execute(
        update(t.organisation).where(t.organisation.c.id == organisation_id).values(**values)
    )
    if result.rowcount == 0:
        raise NotFound(f"organisation {organisation_id}")
    return organisation_id


def insert_round(
    conn: Connection,
    q: Questionnaire,
    organisation_id: int,
    label: str,
    date: dt.date,
    mode: str,
    anonymous: bool,
    uid: str | None = None,
    min_group_size: int = 3,
) -> tuple[int, str, str | None]:
    """Insert a round with fresh tokens (and a fresh uid unless given); return (id, tokens)."""
    admin_token = new_token()
    join_token = join_token_for(admin_token) if mode == "session" else None
    result = conn.execute(
        t.round.insert().values(
            organisation_id=organisation_id,
            snapshot_id=_snapshot_id(conn, q),
            questionnaire_id=q.id,
            questionnaire_version=q.version,
            label=label,
            date=date,
            mode=mode,
            anonymous=anonymous,
            status="open",
            admin_token_hash=hash_token(admin_token),
            join_token_hash=hash_token(join_token) if join_token else None,
            uid=uid or str(uuid.uuid4()),
            min_group_size=min_group_size,
        )
    )
    return result.inserted_primary_key[0], admin_token, join_token


def read_round_details(conn: Connection, round_id: int) -> RoundDetails:
    """The round's profile and settings; raise NotFound for an unknown id."""
    r, o = t.round.c, t.organisation.c
    stmt = (
        select(t.round, o.name, o.kind, o.sector, o.size, o.region)
        .join(t.organisation, o.id == r.organisation_id)
        .where(r.id == round_id)
    )
    row = conn.execute(stmt).first()
    if row is None:
        raise NotFound(f"round {round_id}")
    organisation = Organisation(
        name=row.name, kind=row.kind, sector=row.sector, size=row.size, region=row.region
    )
    return RoundDetails(
        round_id=row.id,
        uid=row.uid,
        organisation_id=row.organisation_id,
        organisation=organisation,
        label=row.label,
        date=row.date,
        mode=row.mode,
        anonymous=bool(row.anonymous),
        status=row.status,
        questionnaire_id=row.questionnaire_id,
        questionnaire_version=row.questionnaire_version,
        snapshot_id=row.snapshot_id,
        plan_saved=bool(row.plan_saved),
        min_group_size=int(row.min_group_size),
        unit_id=row.unit_id,
    )


@lru_cache(maxsize=16)
def _parse_snapshot(content: str) -> Questionnaire:
    return Questionnaire.model_validate_json(content)


def _snapshot_id(conn: Connection, q: Questionnaire) -> int:
    """The id of the stored copy of `q`, stored now unless an identical copy exists."""
    s = t.questionnaire_snapshot.c
    content = q.model_dump_json()
    # Hash what is stored (same recipe as Questionnaire.fingerprint, but never a stale cache).
    fingerprint = hashlib.sha256(content.encode()).hexdigest()[:16]
    key = (s.questionnaire_id == q.id, s.version == q.version, s.fingerprint == fingerprint)
    stmt = insert_for(conn, t.questionnaire_snapshot).values(
        questionnaire_id=q.id,
        version=q.version,
        fingerprint=fingerprint,
        content=content,
        created_at=t.utcnow(),
    )
    conn.execute(
        stmt.on_conflict_do_nothing(index_elements=[s.questionnaire_id, s.version, s.fingerprint])
    )
    return conn.scalar(select(s.id).where(*key))  # type: ignore[return-value]
