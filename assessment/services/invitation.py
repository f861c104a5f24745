"""A session's invitation (join link and code) for its facilitator, and a respondent's status."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from assessment.services.access import Visitor, require, require_round
from assessment.services.errors import Forbidden, storage_boundary
from assessment.storage import repository as repo
from assessment.storage.invitations import JOIN_CODE_ATTEMPTS
from assessment.storage.tokens import hash_join_code, join_code_for, join_token_for


@dataclass(frozen=True)
class Invitation:
    """What participants need to join: the join link's token and the short code (if any)."""

    join_token: str | None
    join_code: str | None


def invitation(engine: Engine, visitor: Visitor | None) -> Invitation:
    """The session's join token and code, rebuilt from the facilitator link (digests only)."""
    found = require_round(visitor, "progress")
    if found.mode != "session" or visitor is None or visitor.role != "facilitator":
        raise Forbidden("only a session's facilitator link shows its invitation")
    with storage_boundary("read invitation", round=found.round_id):
        token_digest, code_digest = repo.join_digests(engine, found.round_id)
    token = join_token_for(visitor.token)
    code = next(
        (
            join_code_for(visitor.token, n)
            for n in range(JOIN_CODE_ATTEMPTS)
            if hash_join_code(join_code_for(visitor.token, n)) == code_digest
        ),
        None,
    )
    return Invitation(token if repo.hash_token(token) == token_digest else None, code)


def is_submitted(engine: Engine, visitor: Visitor | None) -> bool:
    """Whether the respondent has submitted their answers."""
    me = require(visitor, "submit")
    with storage_boundary("read submitted", respondent=me.respondent_id):
        people = repo.round_respondents(engine, me.round_id)  # type: ignore[arg-type]
    return any(p.submitted for p in people if p.respondent_id == me.respondent_id)
