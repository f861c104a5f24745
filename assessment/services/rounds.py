"""Rounds: start a self-check or a session, join, submit, close and reopen, profile, delete."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire
from assessment.questionnaire.institutions import view_for
from assessment.responses import NAME_MAX_LENGTH, Organisation
from assessment.services.access import Visitor, require, require_round
from assessment.services.errors import (
    Forbidden,
    InstitutionTypeMissing,
    Invalid,
    storage_boundary,
)
from assessment.storage import repository as repo
from assessment.storage.contents import (
    OrganisationContents,
    RoundContents,
    organisation_contents,
    round_contents,
)
from assessment.storage.history import history_key
from assessment.storage.rounds import MIN_GROUP_SIZE
from assessment.storage.transactions import retrying


@dataclass(frozen=True)
class Started:
    """A round just begun, with the only copies of its links' tokens."""

    round_id: int
    organisation_id: int
    admin_token: str
    owner_token: str | None
    respondent_token: str | None = None
    join_token: str | None = None
    join_code: str | None = None


@dataclass(frozen=True)
class Joined:
    """A respondent just added to a session, with the only copy of its private token."""

    respondent_id: int
    label: str
    token: str


def _label(label: str) -> str:
    label = label.strip()
    if not label or len(label) > NAME_MAX_LENGTH:
        raise Invalid(f"a round label has 1 to {NAME_MAX_LENGTH} characters")
    return label


def round_questionnaire(q: Questionnaire, institution_type: str | None) -> Questionnaire:
    """What a new round on `q` asks: for a questionnaire with institution types, the statements
    for the chosen kind only (the others are not applicable to it and never shown)."""
    if q.institution_types and q.institution_type is None and institution_type is None:
        raise InstitutionTypeMissing(f"{q.id} {q.version} needs the kind of institution")
    try:
        return view_for(q, institution_type)
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def start_self_check(
    engine: Engine,
    q: Questionnaire,
    organisation: Organisation,
    label: str,
    date: dt.date,
    institution_type: str | None = None,
) -> Started:
    """A new organisation with a self-check: one respondent link and the organisation link.

    A questionnaire with institution types needs the organisation's kind (`institution_type`).
    """
    label = _label(label)
    q = round_questionnaire(q, institution_type)
    with storage_boundary("start self-check"):
        new = repo.create_round(engine, q, organisation, label, date)
    return Started(
        new.round_id, new.organisation_id, new.admin_token, new.owner_token, new.respondent_token
    )


def start_session(
    engine: Engine,
    q: Questionnaire,
    organisation: Organisation,
    label: str,
    date: dt.date,
    anonymous: bool = True,
    min_group_size: int = MIN_GROUP_SIZE,
    institution_type: str | None = None,
) -> Started:
    """A new organisation with a group session: join link and code, facilitator, organisation.

    Anonymous unless asked otherwise; no group result before `min_group_size` (≥ 3) submitted.
    A questionnaire with institution types needs the organisation's kind (`institution_type`).
    """
    label = _label(label)
    q = round_questionnaire(q, institution_type)
    if min_group_size < MIN_GROUP_SIZE:
        raise Invalid(f"the minimum group size is at least {MIN_GROUP_SIZE}")
    with storage_boundary("start session"):
        new = repo.create_round(
            engine, q, organisation, label, date, "session", anonymous,
            min_group_size=min_group_size,
        )  # fmt: skip
    return Started(
        new.round_id,
        new.organisation_id,
        new.admin_token,
        new.owner_token,
        join_token=new.join_token,
        join_code=new.join_code,
    )


def join(engine: Engine, visitor: Visitor | None, name: str = "", role: str = "") -> Joined:
    """Add a respondent to the session of a join code; returns its own private link's token.

    An anonymous session keeps neither name nor role; a self-check takes no one else.
    """
    found = require_round(visitor, "join")
    if found.mode != "session":
        raise Forbidden("a self-check has exactly one respondent")
    if len(name) > NAME_MAX_LENGTH or len(role) > NAME_MAX_LENGTH:
        raise Invalid(f"a name or role has at most {NAME_MAX_LENGTH} characters")
    if found.anonymous:
        name = role = ""
    with storage_boundary("join session", round=found.round_id):
        new = retrying(repo.add_respondent, engine, found.round_id, name.strip(), role.strip())
    return Joined(new.respondent_id, new.label, new.token)


def submit(engine: Engine, visitor: Visitor | None, submitted: bool = True) -> None:
    """Mark the respondent's own answers as submitted (or take that back)."""
    me = require(visitor, "submit")
    with storage_boundary("submit", respondent=me.respondent_id):
        retrying(repo.set_submitted, engine, me.respondent_id, submitted)


def close(engine: Engine, visitor: Visitor | None) -> None:
    """Close the round: from now on it only shows what was given (read-only)."""
    found = require_round(visitor, "close")
    with storage_boundary("close round", round=found.round_id):
        retrying(repo.set_round_status, engine, found.round_id, "closed")


def reopen(engine: Engine, visitor: Visitor | None) -> None:
    """Reopen a closed round (an explicit facilitator action): it takes answers again."""
    found = require_round(visitor, "close")
    with storage_boundary("reopen round", round=found.round_id):
        retrying(repo.set_round_status, engine, found.round_id, "open")


def update_profile(
    engine: Engine, visitor: Visitor | None, organisation: Organisation, label: str
) -> None:
    """Change the organisation's profile and the round's label (not of a closed round)."""
    found = require_round(visitor, "profile")
    label = _label(label)
    with storage_boundary("update profile", round=found.round_id):
        retrying(repo.update_profile, engine, found.round_id, organisation, label)


def deletion_preview(engine: Engine, visitor: Visitor | None) -> OrganisationContents:
    """What deleting the organisation would delete, counted (the owner link only)."""
    owner = require(visitor, "delete")
    organisation_id = owner.organisation_id
    with storage_boundary("count organisation", organisation=organisation_id):
        held = _round_contents(engine, organisation_id, history_key(engine, organisation_id))
        return organisation_contents(engine, organisation_id, held)


@lru_cache(maxsize=32)
def _round_contents(
    engine: Engine, organisation_id: int, key: tuple[int, int, int]
) -> RoundContents:
    # Counting 1,000 rounds' answers on every rerun of the organisation page costs more than all
    # else on it; `key` changes with every write to the rounds, so the count stays true.
    return round_contents(engine, organisation_id)


def delete_organisation(engine: Engine, visitor: Visitor | None) -> bool:
    """Delete the organisation with every round, answer and plan (GDPR); the owner link only."""
    owner = require(visitor, "delete")
    with storage_boundary("delete organisation", organisation=owner.organisation_id):
        return retrying(repo.delete_organisation, engine, owner.organisation_id)


def progress(engine: Engine, visitor: Visitor | None) -> list[repo.RespondentInfo]:
    """The round's respondents and how far each got (labels only when anonymous)."""
    found = require_round(visitor, "progress")
    with storage_boundary("read progress", round=found.round_id):
        people = repo.round_respondents(engine, found.round_id)
    if found.anonymous:
        people = [
            repo.RespondentInfo(p.respondent_id, p.label, "", "", p.submitted, p.answered)
            for p in people
        ]
    return people
