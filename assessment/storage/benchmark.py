"""The instance's rounds for the anonymous benchmark: a few queries over all organisations.

`read_benchmark` picks, per organisation, unit (or the organisation as a whole) and
questionnaire, the newest round that can have a score (a self-check with an answer, a session
with at least its minimum group size submitted) and reads the scoring answers and consensus
of just those rounds; never one query per round. Names of organisations are not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, func, or_, select

from assessment.storage import tables as t
from assessment.storage.history import (
    ANSWER_COLUMNS,
    StoredRound,
    respondent_counts,
    round_columns,
    stored_round,
)

if TYPE_CHECKING:
    import pandas as pd

#: Round ids per IN (...) list: below SQLite's limit of bound parameters.
CHUNK = 900


@dataclass(frozen=True)
class BenchmarkRound:
    """A round that stands for its organisation's unit (or whole) on one questionnaire."""

    round: StoredRound
    organisation_id: int
    sector: str
    size: str


@dataclass(frozen=True)
class StoredBenchmark:
    """The newest countable round of each organisation scope and questionnaire, with inputs."""

    rounds: tuple[BenchmarkRound, ...]
    answers: pd.DataFrame  # round (id as text), respondent, item, value, na
    consensus: pd.DataFrame  # round, area, value


def benchmark_key(engine: Engine) -> tuple[int, int, int]:
    """(rounds, sum of revisions, newest id) over the instance: changes with any write."""
    r = t.round.c
    stmt = select(
        func.count(r.id), func.coalesce(func.sum(r.revision), 0), func.coalesce(func.max(r.id), 0)
    )
    with engine.connect() as conn:
        count, revisions, newest = conn.execute(stmt).one()
    return int(count), int(revisions), int(newest)


def read_benchmark(engine: Engine) -> StoredBenchmark:
    """The rounds that stand for each organisation scope, and their scoring answers."""
    import pandas as pd

    with engine.connect() as conn:
        chosen = _newest_countable(conn)
        ids = [b.round.round_id for b in chosen]
        answers, consensus = [], []
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            answers += _answers(conn, part)
            consensus += _consensus(conn, part)
    return StoredBenchmark(
        rounds=tuple(chosen),
        answers=pd.DataFrame(answers, columns=ANSWER_COLUMNS).astype(
            {"value": "float64", "na": bool}
        ),
        consensus=pd.DataFrame(consensus, columns=["round", "area", "value"]),
    )


def _newest_countable(conn: Connection) -> list[BenchmarkRound]:
    r, p, o, a = t.round.c, t.respondent.c, t.organisation.c, t.answer.c
    counts = respondent_counts()
    answered = (
        select(p.round_id, func.count().label("answered"))
        .join(t.answer, a.respondent_id == p.id)
        .where(a.answered.is_(True), a.value.is_not(None))
        .group_by(p.round_id)
        .subquery()
    )
    stmt = (
        select(*round_columns(counts), r.organisation_id, o.sector, o.size)
        .join(t.organisation, o.id == r.organisation_id)
        .join(answered, answered.c.round_id == r.id)
        .outerjoin(counts, counts.c.round_id == r.id)
        .where(or_(r.mode == "self", func.coalesce(counts.c.submitted, 0) >= r.min_group_size))
        .order_by(r.date.desc(), r.id.desc())
    )
    newest: dict[tuple[int, int | None, str], BenchmarkRound] = {}
    for row in conn.execute(stmt):
        scope = (row[14], row[10], row[6])
        if scope in newest:
            continue
        newest[scope] = BenchmarkRound(stored_round(row), row[14], row[15] or "", row[16] or "")
    return list(newest.values())


def _answers(conn: Connection, round_ids: list[int]) -> list[tuple[str, str, str, float, bool]]:
    r, p, a = t.round.c, t.respondent.c, t.answer.c
    stmt = (
        select(r.id, p.label, a.item_id, a.value, a.not_applicable)
        .join(t.respondent, p.round_id == r.id)
        .join(t.answer, a.respondent_id == p.id)
        .where(
            r.id.in_(round_ids),
            a.answered.is_(True),
            or_(r.mode == "self", p.submitted.is_(True)),
        )
    )
    nan = float("nan")
    return [
        (str(rid), label, item, nan if value is None else float(value), bool(na))
        for rid, label, item, value, na in conn.execute(stmt)
    ]


def _consensus(conn: Connection, round_ids: list[int]) -> list[tuple[str, str, float]]:
    c = t.consensus.c
    stmt = select(c.round_id, c.area, c.value).where(c.round_id.in_(round_ids))
    return [(str(rid), area, float(v)) for rid, area, v in conn.execute(stmt)]
