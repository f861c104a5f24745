"""Benchmark: the history pages with 1,000 stored rounds against the same pages with 10.

Run from the repository root:

    python tests/bench/bench_history.py [--runs 15] [--cold-runs 5] [--rounds 1000]

Two SQLite databases are filled the same way: one organisation with four units, a first
self-check and then sessions of 10 submitted respondents each (every statement answered), spread
over the units, in all 10 or `--rounds` rounds. Measured interleaved in one process:

- organisation page (AppTest rerun with the organisation link): the rounds, the comparison of
  the last two, the units and the export;
- units view (AppTest rerun): every unit's newest round, the mean, the radars, the heatmap and
  the export of every unit;
- comparison page (AppTest rerun): the newest round against the one before (overlay, deltas,
  items, measures done between them) and the trend over all rounds;
- comparison data (`services.comparison.compare`): what that page draws, without drawing it.

Each is timed as a plain rerun (the history is cached by revision; goal for the three pages: at
most 1.5 times the 10-round figure) and right after a write to one round, which changes the
revision, so that all rounds are read again (one query per table, never one per round) and
scored by one `score_rounds` call (no goal: it grows with the answers read; printed for
reading). The last column counts the SQL statements of one run of each: they must not grow with
the rounds.
Exits 0: the figures are for reading, not for CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402 - needs ROOT on sys.path

from assessment.demo import DEMO_QUESTIONNAIRE  # noqa: E402
from assessment.questionnaire import Questionnaire, load_catalogue  # noqa: E402
from assessment.responses import Organisation  # noqa: E402
from assessment.services import access, comparison, planning, rounds, units  # noqa: E402
from assessment.storage import engine as storage_engine  # noqa: E402
from assessment.storage import history as stored_history  # noqa: E402
from assessment.storage import tables as t  # noqa: E402
from assessment.storage.transactions import write_transaction  # noqa: E402

GOAL = 1.5
WARMUP = 2
#: Units of the organisation: with 10 rounds (a first self-check, then 9) each has two or three,
#: so that the comparison page (it opens on the newest round's unit) has a pair and a trend to
#: draw in both databases.
UNITS = 4
RESPONDENTS = 10
ORG = Organisation(
    name="Stadtverwaltung Musterstadt",
    kind="Kommune",
    sector="Öffentliche Verwaltung",
    size="250 und mehr Beschäftigte",
)


@dataclass
class Database:
    """One filled database: its URL, engine, the organisation link and a statement counter."""

    url: str
    owner_token: str
    rounds: int
    statements: int = 0

    @property
    def engine(self):
        return storage_engine.get_engine(self.url)

    def use(self) -> None:
        """Point the app under test at this database."""
        os.environ["VIELFALTSKOMPASS_DB_URL"] = self.url


def fill(folder: Path, count: int, q: Questionnaire) -> Database:
    """An organisation with four units and `count` rounds, 10 respondents each (the first a
    self-check of one), written in bulk."""
    url = f"sqlite:///{folder / f'history-{count}.db'}"
    engine = storage_engine.get_engine(url)
    first = rounds.start_self_check(engine, q, ORG, "Check 1", dt.date(2000, 1, 1))
    owner = access.resolve(engine, first.owner_token)
    made = [units.add_unit(engine, owner, f"Standort {n + 1:02d}") for n in range(UNITS)]
    items = list(q.items_by_id)
    organisation_id = owner.organisation_id
    new_rounds = []
    for n in range(1, count):
        new_rounds.append(
            stored_history.create_next_round(
                engine,
                q,
                organisation_id,
                f"Runde {n + 1}",
                dt.date(2000, 1, 1) + dt.timedelta(days=7 * n),
                "session",
                True,
                3,
                {},
                None,
                unit_id=made[(n - 1) % UNITS].unit_id,
            )
        )
    with write_transaction(engine) as conn:
        respondent_rows = [
            {"round_id": new.round_id, "label": f"Antwortset {k + 1}", "submitted": True,
             "created_at": t.utcnow()}
            for new in new_rounds
            for k in range(RESPONDENTS)
        ]  # fmt: skip
        if respondent_rows:
            conn.execute(t.respondent.insert(), respondent_rows)
        ids = list(conn.scalars(t.respondent.select().with_only_columns(t.respondent.c.id)))
        self_check = first.respondent_token
        now = t.utcnow()
        answers = [
            {"respondent_id": rid, "item_id": item, "answered": True,
             "value": (rid + i) % (q.scale_max + 1), "comment": "", "updated_at": now}
            for rid in ids
            for i, item in enumerate(items)
        ]  # fmt: skip
        conn.execute(t.answer.insert(), answers)
    assert self_check
    return Database(url, first.owner_token, count)


def count_statements(db: Database) -> None:
    def counted(*_args) -> None:
        db.statements += 1

    event.listen(db.engine, "before_cursor_execute", counted)


def app_test(db: Database, page: str):
    from streamlit.testing.v1 import AppTest

    db.use()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params["t"] = db.owner_token
    at.run()
    at.switch_page(f"assessment/ui/pages/{page}").run()
    assert not at.exception, at.exception
    return at


def write_one(db: Database, n: int) -> None:
    """A real write through a use case (a target of the newest round): a new revision."""
    owner = access.resolve(db.engine, db.owner_token)
    q_area = "strategy"
    planning.set_target(db.engine, owner, q_area, 60.0 + n % 2)


@dataclass
class Sample:
    warm: list[float]
    cold: list[float]
    warm_statements: int = 0
    cold_statements: int = 0


def measure(db: Database, run: Callable[[], object], sample: Sample, n: int, cold: bool) -> None:
    """One timed run of `run` on `db` (after a write if `cold`), its statements counted."""
    db.use()
    if cold:
        write_one(db, n)
    before = db.statements
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    (sample.cold if cold else sample.warm).append(elapsed)
    if cold:
        sample.cold_statements = db.statements - before
    else:
        sample.warm_statements = db.statements - before


def runner(db: Database, what: str) -> Callable[[], object]:
    if what == "comparison_data":
        owner = access.resolve(db.engine, db.owner_token)
        return lambda: comparison.compare(db.engine, owner, "de")
    at = app_test(db, f"{what}.py")

    def rerun() -> None:
        db.use()
        at.run()
        assert not at.exception, at.exception

    return rerun


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="plain reruns per page and size")
    parser.add_argument("--cold-runs", type=int, default=5, help="runs after a write")
    parser.add_argument("--rounds", type=int, default=1000, help="rounds of the large database")
    parser.add_argument(
        "--only", default=",".join(NAMES), help="comma-separated: " + ",".join(NAMES)
    )
    args = parser.parse_args()
    from streamlit.logger import set_log_level

    set_log_level("error")
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        small, large = fill(Path(folder), 10, q), fill(Path(folder), args.rounds, q)
        print(f"filled both databases in {time.perf_counter() - started:.1f} s "
              f"({args.rounds} rounds × {RESPONDENTS} respondents × {len(q.items_by_id)} "
              f"statements)", flush=True)  # fmt: skip
        for db in (small, large):
            count_statements(db)
        rows = []
        for what in args.only.split(","):
            runs = {db.rounds: runner(db, what) for db in (small, large)}
            samples = {db.rounds: Sample([], []) for db in (small, large)}
            for n in range(WARMUP + args.runs):  # interleaved: small, large, small, ...
                for db in (small, large):
                    measure(db, runs[db.rounds], samples[db.rounds], n, cold=False)
            for n in range(args.cold_runs):
                for db in (small, large):
                    measure(db, runs[db.rounds], samples[db.rounds], n, cold=True)
            for sample in samples.values():
                del sample.warm[:WARMUP]
            rows.append((what, samples[small.rounds], samples[large.rounds]))
        print_table(rows, args.rounds)
    return 0


#: What the goal judges: the pages' reruns (the comparison data is printed for reading).
PAGES = ("organisation", "units", "comparison")
NAMES = {
    "organisation": "organisation page",
    "units": "units view",
    "comparison": "comparison page",
    "comparison_data": "comparison data",
}


def print_table(rows, large_rounds: int) -> None:
    head = (f"{'what':<34} {'10 rounds':>11} {f'{large_rounds} rounds':>12} {'ratio':>6} "
            f"{'goal':>5} {'':>4}  statements 10/{large_rounds}")  # fmt: skip
    print()
    print(head)
    print("-" * len(head))
    for what, small, large in rows:
        for kind in ("warm", "cold"):
            a = statistics.median(getattr(small, kind)) * 1000
            b = statistics.median(getattr(large, kind)) * 1000
            ratio = b / a
            label = f"{NAMES[what]} ({'rerun' if kind == 'warm' else 'after a write'})"
            judged = kind == "warm" and what in PAGES  # the goal is the pages'
            goal = f"{GOAL:>5}" if judged else f"{'–':>5}"
            verdict = ("PASS" if ratio <= GOAL else "FAIL") if judged else ""
            queries = (getattr(small, f"{kind}_statements"), getattr(large, f"{kind}_statements"))
            same = "same" if queries[0] == queries[1] else "GROWS"
            print(f"{label:<34} {a:>8.1f} ms {b:>9.1f} ms {ratio:>6.2f} {goal} {verdict:>4}  "
                  f"{queries[0]}/{queries[1]} ({same})")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
