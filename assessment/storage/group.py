"""What a session's group result is made of: the answers and comments of those who submitted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from sqlalchemy import Engine, case, delete, func, select

from assessment.storage import tables as t
from assessment.storage.revisions import bump_round
from assessment.storage.transactions import write_transaction
from assessment.storage.upsert import insert_for


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


def submitted_answer_counts(
    engine: Engine, round_id: int
) -> list[tuple[str, int | None, bool, int]]:
    """How many of the submitted respondents gave each answer: (item, value or None, not
    applicable, count), from one aggregate query (no row per person leaves the database)."""
    p, a = t.respondent.c, t.answer.c
    stmt = (
        select(a.item_id, a.value, a.not_applicable, func.count())
        .join(t.respondent, a.respondent_id == p.id)
        .where(p.round_id == round_id, p.submitted.is_(True), a.answered.is_(True))
        .group_by(a.item_id, a.value, a.not_applicable)
        .order_by(a.item_id, a.value, a.not_applicable)
    )
    with engine.connect() as conn:
        return [(item, value, bool(na), int(n)) for item, value, na, n in conn.execute(stmt)]


def respondent_counts(engine: Engine, round_id: int) -> tuple[int, int]:
    """How many joined the round and how many of them submitted."""
    p = t.respondent.c
    stmt = select(func.count(), func.count(case((p.submitted.is_(True), 1)))).where(
        p.round_id == round_id
    )
    with engine.connect() as conn:
        joined, submitted = conn.execute(stmt).one()
    return int(joined), int(submitted)


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
