"""Answering: one answer or comment stored the moment it is given, or a visible failure."""

from __future__ import annotations

from sqlalchemy import Engine

from assessment.responses import COMMENT_MAX_LENGTH
from assessment.services.errors import Invalid, storage_boundary
from assessment.storage import repository as repo
from assessment.storage.transactions import retrying


def save_answer(engine: Engine, respondent_id: int, item_id: str, value: int | None) -> None:
    """Store an answer (None = not applicable / don't know); StorageFailed if it was not."""
    if value is not None and value < 0:
        raise Invalid(f"answer value must not be negative, got {value}")
    with storage_boundary("save answer", respondent=respondent_id, item=item_id):
        retrying(repo.save_answer, engine, respondent_id, item_id, value)


def clear_answer(engine: Engine, respondent_id: int, item_id: str) -> None:
    """Withdraw an answer (the item is unanswered again); StorageFailed if it was not."""
    with storage_boundary("clear answer", respondent=respondent_id, item=item_id):
        retrying(repo.clear_answer, engine, respondent_id, item_id)


def save_comment(engine: Engine, respondent_id: int, item_id: str, text: str) -> None:
    """Store a comment (blank removes it); Invalid if too long, StorageFailed if not stored."""
    if len(text) > COMMENT_MAX_LENGTH:
        raise Invalid(f"a comment has at most {COMMENT_MAX_LENGTH} characters")
    with storage_boundary("save comment", respondent=respondent_id, item=item_id):
        retrying(repo.save_comment, engine, respondent_id, item_id, text)


def respondent_entries(
    engine: Engine, respondent_id: int
) -> tuple[dict[str, int | None], dict[str, str]]:
    """The respondent's stored answers and comments by item id."""
    with storage_boundary("read answers", respondent=respondent_id):
        return repo.respondent_entries(engine, respondent_id)
