"""A round's target profile, notes per area and action plan (roadmap); writes bump its revision."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, Engine, delete, select, update

from assessment.responses import COMMENT_MAX_LENGTH, PlanEntry
from assessment.storage import tables as t
from assessment.storage.results import TooLong
from assessment.storage.revisions import bump_round
from assessment.storage.transactions import write_transaction
from assessment.storage.upsert import insert_for


def set_targets(engine: Engine, round_id: int, targets: Mapping[str, float]) -> None:
    """Replace the round's target profile (area -> target score 0..100)."""
    with write_transaction(engine) as conn:
        bump_round(conn, round_id)
        conn.execute(delete(t.target).where(t.target.c.round_id == round_id))
        insert_targets(conn, round_id, targets)


def set_target(engine: Engine, round_id: int, area: str, value: float) -> None:
    """Set one area's target, leaving the others (and their defaults) as they are."""
    with write_transaction(engine) as conn:
        bump_round(conn, round_id)
        stmt = insert_for(conn, t.target).values(round_id=round_id, area=area, value=float(value))
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["round_id", "area"], set_={"value": stmt.excluded.value}
            )
        )


def get_targets(engine: Engine, round_id: int) -> dict[str, float]:
    """The round's targets by area (only those set)."""
    with engine.connect() as conn:
        return read_targets(conn, round_id)


def save_note(engine: Engine, round_id: int, area: str, text: str) -> None:
    """Store the note on an area (a blank text removes it); TooLong if longer than files take."""
    if len(text) > COMMENT_MAX_LENGTH:
        raise TooLong(f"a note has at most {COMMENT_MAX_LENGTH} characters")
    c = t.note.c
    with write_transaction(engine) as conn:
        bump_round(conn, round_id)
        conn.execute(delete(t.note).where(c.round_id == round_id, c.area == area))
        if text.strip():
            conn.execute(t.note.insert().values(round_id=round_id, area=area, text=text))


def get_notes(engine: Engine, round_id: int) -> dict[str, str]:
    """The round's notes by area."""
    c = t.note.c
    with engine.connect() as conn:
        return dict(conn.execute(select(c.area, c.text).where(c.round_id == round_id)).all())


def save_plan(engine: Engine, round_id: int, plan: Iterable[PlanEntry]) -> None:
    """Replace the round's plan (in the given order); an empty list is a saved, empty plan."""
    with write_transaction(engine) as conn:
        replace_plan(conn, round_id, list(plan))


def replace_plan(conn: Connection, round_id: int, plan: list[PlanEntry]) -> None:
    """Replace the round's plan inside the caller's write transaction (RoundClosed if closed)."""
    bump_round(conn, round_id)
    conn.execute(delete(t.action).where(t.action.c.round_id == round_id))
    insert_plan(conn, round_id, plan)


def clear_plan(engine: Engine, round_id: int) -> None:
    """Forget the round's plan, so that the computed suggestion applies again."""
    with write_transaction(engine) as conn:
        bump_round(conn, round_id)
        conn.execute(delete(t.action).where(t.action.c.round_id == round_id))
        conn.execute(update(t.round).where(t.round.c.id == round_id).values(plan_saved=False))


def load_plan(engine: Engine, round_id: int) -> list[PlanEntry] | None:
    """The round's plan in order, or None if no plan was ever saved."""
    with engine.connect() as conn:
        return read_plan(conn, round_id)


def insert_targets(conn: Connection, round_id: int, targets: Mapping[str, float]) -> None:
    """Insert targets for a round that has none."""
    rows = [{"round_id": round_id, "area": a, "value": float(v)} for a, v in targets.items()]
    if rows:
        conn.execute(t.target.insert(), rows)


def read_targets(conn: Connection, round_id: int) -> dict[str, float]:
    """The round's targets by area."""
    c = t.target.c
    rows = conn.execute(select(c.area, c.value).where(c.round_id == round_id))
    return {area: float(value) for area, value in rows}


def insert_plan(conn: Connection, round_id: int, plan: list[PlanEntry]) -> None:
    """Insert the plan for a round that has no actions and mark it saved."""
    rows = [
        {
            "round_id": round_id,
            "position": position,
            "measure_id": entry.measure,
            "title": entry.title,
            "area": entry.area,
            "phase": entry.phase,
            "priority": entry.priority,
            "owner": entry.owner,
            "due": entry.due,
            "status": entry.status,
            "note": entry.note,
        }
        for position, entry in enumerate(plan)
    ]
    if rows:
        conn.execute(t.action.insert(), rows)
    conn.execute(update(t.round).where(t.round.c.id == round_id).values(plan_saved=True))


def read_plan(conn: Connection, round_id: int) -> list[PlanEntry] | None:
    """The round's plan in order, or None if none was ever saved."""
    saved = conn.scalar(select(t.round.c.plan_saved).where(t.round.c.id == round_id))
    if not saved:
        return None
    c = t.action.c
    rows = conn.execute(select(t.action).where(c.round_id == round_id).order_by(c.position))
    return [entry_of(row) for row in rows]


def entry_of(row) -> PlanEntry:
    """A stored action row as a plan entry."""
    return PlanEntry(
        measure=row.measure_id,
        title=row.title,
        area=row.area,
        phase=row.phase,
        priority=row.priority,
        owner=row.owner,
        due=row.due,
        status=row.status,
        note=row.note,
    )
