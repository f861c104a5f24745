"""Answering: one answer or comment stored the moment it is given, or a visible failure.

Only a respondent link answers, and only its own questionnaire; a closed round refuses the
write (RoundClosed, checked by storage in the write's own transaction).
"""

from __future__ import annotations

from sqlalchemy import Engine

from assessment.responses import COMMENT_MAX_LENGTH, NOT_APPLICABLE, AnswerValue
from assessment.services import access
from assessment.services.access import Visitor
from assessment.services.errors import Invalid, RoundClosed, storage_boundary
from assessment.storage import repository as repo
from assessment.storage.transactions import retrying


def _own(engine: Engine, visitor: Visitor | None, item_id: str) -> Visitor:
    """The respondent visitor, if the item belongs to its round's questionnaire."""
    me = access.require(visitor, "answer")
    if me.is_closed:
        raise RoundClosed(f"round {me.round_id} is closed")
    if item_id not in access.questionnaire(engine, me).items_by_id:
        raise Invalid(f"unknown item id {item_id!r}")
    return me


def save_answer(engine: Engine, visitor: Visitor | None, item_id: str, value: AnswerValue) -> None:
    """Store an answer (None = don't know, "na" = not applicable); StorageFailed if it was not."""
    me = _own(engine, visitor, item_id)
    scale_max = access.questionnaire(engine, me).scale_max
    on_scale = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= scale_max
    if value is not None and value != NOT_APPLICABLE and not on_scale:
        raise Invalid(f"answer value must be on the scale 0..{scale_max}, got {value!r}")
    with storage_boundary("save answer", respondent=me.respondent_id, item=item_id):
        retrying(repo.save_answer, engine, me.respondent_id, item_id, value)


def clear_answer(engine: Engine, visitor: Visitor | None, item_id: str) -> None:
    """Withdraw an answer (the item is unanswered again); StorageFailed if it was not."""
    me = _own(engine, visitor, item_id)
    with storage_boundary("clear answer", respondent=me.respondent_id, item=item_id):
        retrying(repo.clear_answer, engine, me.respondent_id, item_id)


def save_comment(engine: Engine, visitor: Visitor | None, item_id: str, text: str) -> None:
    """Store a comment (blank removes it); Invalid if too long, StorageFailed if not stored."""
    if len(text) > COMMENT_MAX_LENGTH:
        raise Invalid(f"a comment has at most {COMMENT_MAX_LENGTH} characters")
    me = _own(engine, visitor, item_id)
    with storage_boundary("save comment", respondent=me.respondent_id, item=item_id):
        retrying(repo.save_comment, engine, me.respondent_id, item_id, text)


def respondent_entries(
    engine: Engine, visitor: Visitor | None
) -> tuple[dict[str, AnswerValue], dict[str, str]]:
    """The respondent's own stored answers and comments by item id."""
    me = access.require(visitor, "answer")
    with storage_boundary("read answers", respondent=me.respondent_id):
        return repo.respondent_entries(engine, me.respondent_id)
