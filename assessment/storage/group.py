"""What a session's group result is made of: the answers and comments of those who submitted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, delete, select

from assessment.storage import tables as t
from assessment.storage.answers import round_answers
from assessment.storage.revisions import bump_round
from assessment.storage.transactions import write_transaction
from assessment.storage.upsert import insert_for

if TYPE_CHECKING:
    import pandas as pd


def submitted_answers(engine: Engine, round_id: int) -> pd.DataFrame:
    """The given answers of the round's submitted respondents as a long table (N/A = NaN)."""
    return round_answers(engine, round_id, submitted_only=True)


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


def set_consensus(engine: Engine, round_id: int, area: str, value: float | None) -> None:
    """Store the score the group agreed on for an area (None removes it)."""
    c = t.consensus.c
    with write_transaction(engine) as conn:
        bump_round(conn, round_id)
        if value is None:
            conn.execute(delete(t.consensus).where(c.round_id == round_id, c.area == area))
            return
        stmt = insert_for(conn, t.consensus).values(round_id=round_id, area=area, value=value)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["round_id", "area"], set_={"value": stmt.excluded.value}
            )
        )


def get_consensus(engine: Engine, round_id: int) -> dict[str, float]:
    """The round's agreed scores by area (only those set)."""
    c = t.consensus.c
    with engine.connect() as conn:
        rows = conn.execute(select(c.area, c.value).where(c.round_id == round_id)).all()
    return {area: float(value) for area, value in rows}
