"""What a session's group result is made of: the answers and comments of those who submitted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, select

from assessment.storage import tables as t
from assessment.storage.answers import ANSWER_COLUMNS

if TYPE_CHECKING:
    import pandas as pd


def submitted_answers(engine: Engine, round_id: int) -> pd.DataFrame:
    """The given answers of the round's submitted respondents as a long table (N/A = NaN)."""
    import pandas as pd

    p, a = t.respondent.c, t.answer.c
    stmt = (
        select(p.label, a.item_id, a.value)
        .join(t.answer, a.respondent_id == p.id)
        .where(p.round_id == round_id, p.submitted.is_(True), a.answered.is_(True))
        .order_by(p.id, a.item_id)
    )
    key = str(round_id)
    with engine.connect() as conn:
        rows = [
            (key, label, item, float("nan") if value is None else float(value))
            for label, item, value in conn.execute(stmt)
        ]
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS).astype({"value": "float64"})


def submitted_comments(engine: Engine, round_id: int) -> list[tuple[str, str, str]]:
    """The non-empty comments of the submitted respondents as (item, text, respondent label)."""
    p, a = t.respondent.c, t.answer.c
    stmt = (
        select(a.item_id, a.comment, p.label)
        .join(t.respondent, a.respondent_id == p.id)
        .where(p.round_id == round_id, p.submitted.is_(True), a.comment != "")
        .order_by(a.item_id, p.id)
    )
    with engine.connect() as conn:
        return [(item, text, label) for item, text, label in conn.execute(stmt)]
