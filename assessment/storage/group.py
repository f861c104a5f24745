"""What a session's group result is made of: the answers and comments of those who submitted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import Engine, case, delete, func, select

from assessment.storage import tables as t
from assessment.storage.answers import round_answers
from assessment.storage.revisions import bump_round
from assessment.storage.transactions import write_transaction
from assessment.storage.upsert import insert_for

if TYPE_CHECKING:
    import pandas as pd


class AreaProgress(NamedTuple):
    """How many statements of an area (None: of no known area) a respondent has answered."""

    respondent_id: int
    label: str
    submitted: bool
    area: str | None
    answered: int


def area_progress(
    engine: Engine, round_id: int, areas: Mapping[str, Sequence[str]]
) -> list[AreaProgress]:
    """Per respondent and area (`areas`: area -> its item ids) the answered statements, in one
    aggregate query; a respondent without answers comes once, with area None and 0."""
    p, a = t.respondent.c, t.answer.c
    area_of_item = case(
        *((a.item_id.in_(items), area) for area, items in areas.items() if items), else_=None
    )
    given = (
        select(p.id, p.label, p.submitted, area_of_item.label("area"), a.item_id)
        .outerjoin(t.answer, (a.respondent_id == p.id) & a.answered.is_(True))
        .where(p.round_id == round_id)
        .subquery()
    )
    g = given.c
    stmt = (
        select(g.id, g.label, g.submitted, g.area, func.count(g.item_id))
        .group_by(g.id, g.label, g.submitted, g.area)
        .order_by(g.id, g.area)
    )
    with engine.connect() as conn:
        return [
            AreaProgress(row[0], row[1], bool(row[2]), row[3], int(row[4]))
            for row in conn.execute(stmt)
        ]


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
