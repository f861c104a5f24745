"""Answers and comments, written one at a time as they are given.

An answer row has `answered = true` when an answer was given: `value` is the scale value, or
NULL for "don't know" or, with `not_applicable = true`, for "not applicable". A row with
`answered = false` only carries a comment and is no answer. A row that holds neither is
deleted. Each write bumps the round's revision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, and_, delete, select, update

from assessment.responses import COMMENT_MAX_LENGTH, NOT_APPLICABLE, AnswerValue
from assessment.storage import tables as t
from assessment.storage.results import TooLong
from assessment.storage.revisions import bump_respondent_round, read_revision
from assessment.storage.transactions import write_transaction
from assessment.storage.upsert import insert_for

if TYPE_CHECKING:
    import pandas as pd

#: Same columns as `assessment.scoring.ANSWER_COLUMNS` (storage does not import scoring).
ANSWER_COLUMNS = ["round", "respondent", "item", "value", "na"]


def answer_columns(value: AnswerValue) -> dict[str, Any]:
    """The `value` and `not_applicable` columns that store an answer."""
    if value == NOT_APPLICABLE:
        return {"value": None, "not_applicable": True}
    if value is not None and (not isinstance(value, int) or value < 0):
        raise ValueError(f"answer value must be a whole number, not negative, got {value!r}")
    return {"value": value, "not_applicable": False}


def stored_answer(value: int | None, not_applicable: bool) -> AnswerValue:
    """The answer a row's `value` and `not_applicable` columns hold."""
    return NOT_APPLICABLE if not_applicable else value


def save_answer(engine: Engine, respondent_id: int, item_id: str, value: AnswerValue) -> None:
    """Store an answer (None = don't know, "na" = not applicable); keeps the item's comment."""
    columns = answer_columns(value)
    with write_transaction(engine) as conn:
        bump_respondent_round(conn, respondent_id)
        stmt = insert_for(conn, t.answer).values(
            respondent_id=respondent_id,
            item_id=item_id,
            answered=True,
            comment="",
            updated_at=t.utcnow(),
            **columns,
        )
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[t.answer.c.respondent_id, t.answer.c.item_id],
                set_={
                    "answered": True,
                    "value": stmt.excluded.value,
                    "not_applicable": stmt.excluded.not_applicable,
                    "updated_at": stmt.excluded.updated_at,
                },
            )
        )


def save_comment(engine: Engine, respondent_id: int, item_id: str, comment: str) -> None:
    """Store the comment on an item; keeps the answer. A blank comment removes it.

    TooLong for a comment longer than a response file takes (it could not be exported).
    """
    if len(comment) > COMMENT_MAX_LENGTH:
        raise TooLong(f"a comment has at most {COMMENT_MAX_LENGTH} characters")
    comment = comment if comment.strip() else ""
    with write_transaction(engine) as conn:
        bump_respondent_round(conn, respondent_id)
        stmt = insert_for(conn, t.answer).values(
            respondent_id=respondent_id,
            item_id=item_id,
            answered=False,
            value=None,
            comment=comment,
            updated_at=t.utcnow(),
        )
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[t.answer.c.respondent_id, t.answer.c.item_id],
                set_={"comment": stmt.excluded.comment, "updated_at": stmt.excluded.updated_at},
            )
        )
        _drop_if_empty(conn, respondent_id, item_id)


def clear_answer(engine: Engine, respondent_id: int, item_id: str) -> None:
    """Withdraw the answer to an item (back to unanswered); keeps the comment."""
    with write_transaction(engine) as conn:
        bump_respondent_round(conn, respondent_id)
        conn.execute(
            update(t.answer)
            .where(_answer_key(respondent_id, item_id))
            .values(answered=False, value=None, not_applicable=False, updated_at=t.utcnow())
        )
        _drop_if_empty(conn, respondent_id, item_id)


def respondent_answers(engine: Engine, respondent_id: int) -> dict[str, AnswerValue]:
    """The respondent's given answers by item id (None = don't know, "na" = not applicable)."""
    a = t.answer.c
    stmt = select(a.item_id, a.value, a.not_applicable).where(
        a.respondent_id == respondent_id, a.answered.is_(True)
    )
    with engine.connect() as conn:
        return {
            item: stored_answer(value, na)
            for item, value, na in conn.execute(stmt.order_by(a.item_id))
        }


def respondent_entries(
    engine: Engine, respondent_id: int
) -> tuple[dict[str, AnswerValue], dict[str, str]]:
    """The respondent's answers and non-empty comments by item id, in one query."""
    a = t.answer.c
    stmt = select(a.item_id, a.answered, a.value, a.not_applicable, a.comment).where(
        a.respondent_id == respondent_id
    )
    answers: dict[str, AnswerValue] = {}
    comments: dict[str, str] = {}
    with engine.connect() as conn:
        for item, answered, value, na, comment in conn.execute(stmt.order_by(a.item_id)):
            if answered:
                answers[item] = stored_answer(value, na)
            if comment:
                comments[item] = comment
    return answers, comments


def respondent_comments(engine: Engine, respondent_id: int) -> dict[str, str]:
    """The respondent's non-empty comments by item id."""
    a = t.answer.c
    stmt = select(a.item_id, a.comment).where(a.respondent_id == respondent_id, a.comment != "")
    with engine.connect() as conn:
        return {item: comment for item, comment in conn.execute(stmt.order_by(a.item_id))}


def round_answers(engine: Engine, round_id: int, submitted_only: bool = False) -> pd.DataFrame:
    """The given answers of a round (or of its submitted respondents) as a long table for
    `scoring.score_rounds` (no rating = NaN, `na` marks "not applicable")."""
    import numpy as np  # only the results pages need them: keep them off the app's start-up
    import pandas as pd

    p, a = t.respondent.c, t.answer.c
    stmt = (
        select(p.label, a.item_id, a.value, a.not_applicable)
        .join(t.answer, a.respondent_id == p.id)
        .where(p.round_id == round_id, a.answered.is_(True))
        .order_by(p.id, a.item_id)
    )
    if submitted_only:
        stmt = stmt.where(p.submitted.is_(True))
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    labels, items, values, na = zip(*rows, strict=True) if rows else ((), (), (), ())
    return pd.DataFrame(
        {
            "round": [str(round_id)] * len(rows),
            "respondent": list(labels),
            "item": list(items),
            "value": np.array(values, dtype="float64"),  # None (no rating) becomes NaN
            "na": np.array(na, dtype=bool),
        },
        columns=ANSWER_COLUMNS,
    )


def round_revision(engine: Engine, round_id: int) -> int:
    """The round's revision counter: it grows with every write to the round (a cache key)."""
    with engine.connect() as conn:
        return read_revision(conn, round_id)


def insert_answers(
    conn: Connection,
    respondent_id: int,
    answers: Mapping[str, AnswerValue],
    comments: Mapping[str, str],
) -> None:
    """Insert one respondent's answers and comments (a fresh respondent only)."""
    now = t.utcnow()
    rows = []
    for item in dict.fromkeys([*answers, *comments]):
        comment = comments.get(item, "")
        if item not in answers and not comment.strip():
            continue  # a blank comment alone is nothing to store
        rows.append(
            {
                "respondent_id": respondent_id,
                "item_id": item,
                "answered": item in answers,
                **answer_columns(answers.get(item)),
                "comment": comment if comment.strip() else "",
                "updated_at": now,
            }
        )
    if rows:
        conn.execute(t.answer.insert(), rows)


def _answer_key(respondent_id: int, item_id: str) -> Any:
    return and_(t.answer.c.respondent_id == respondent_id, t.answer.c.item_id == item_id)


def _drop_if_empty(conn: Connection, respondent_id: int, item_id: str) -> None:
    """Remove the row once it holds neither an answer nor a comment."""
    conn.execute(
        delete(t.answer).where(
            _answer_key(respondent_id, item_id),
            t.answer.c.answered.is_(False),
            t.answer.c.comment == "",
        )
    )
