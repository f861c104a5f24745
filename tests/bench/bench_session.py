"""Benchmark: the facilitator view's refresh with 5, 30 and 100 participants against 1.

Run from the repository root:

    python tests/bench/bench_session.py [--runs 30] [--sizes 1,3,5,30,100]

Each size is an anonymous session (minimum group size 3) whose participants answered all
statements (answers spread over the scale, a comment now and then) and submitted; with 1 the
view shows progress only, from 3 on also the group's result. Three timings per size, taken
interleaved (one run of every size in turn, again and again) and reported as medians:

- refresh:       the live part as its fragment reruns it every few seconds, nothing new since
                 the last run (tests/bench/facilitator_live.py in AppTest);
- after a write: the same after one write to the round (a note), which changes its revision
                 and so makes the group result be computed anew;
- full page:     a plain rerun of the whole facilitator page (invitation, QR code, live part,
                 agreement form, download), for reference.

Goal: the refresh (both kinds) with 100 participants at most 2 times the one with 1. With 1
(or 2) the page holds no group result at all (nothing is aggregated below the minimum group
size), so that ratio also counts drawing the result; the ratio against 3, the smallest group
whose result is shown, is what the number of participants adds. Both are printed. Exits 0:
the figures are for reading, not for CI.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench.bench_app import (  # noqa: E402 - needs ROOT on sys.path
    BENCH,
    Database,
    app_test,
    median_ms,
    quiet_streamlit_logs,
    server_like_bytecode_cache,
    timed,
)

GOAL = 2.0
#: The smallest group whose result is shown (below it the view shows progress only).
MIN_GROUP = 3
SIZES = (1, 3, 5, 30, 100)
KINDS = ("refresh", "after a write", "full page")


def session_file(q, people: int):
    """An anonymous session's response file with `people` finished answer sets."""
    from assessment.responses import (
        FORMAT,
        Organisation,
        QuestionnaireRef,
        Respondent,
        ResponseFile,
        RoundInfo,
    )

    items = [item.id for d in q.dimensions for item in d.items]
    top = max(level.value for level in q.scale)
    respondents = [
        Respondent(
            id=f"p{person}",
            answers={
                item: None if (person + position) % 11 == 5 else (person * 7 + position) % (top + 1)
                for position, item in enumerate(items)
            },
            comments={items[person % len(items)]: f"Anmerkung {person}"} if person % 4 == 0 else {},
        )
        for person in range(people)
    ]
    return ResponseFile(
        format=FORMAT,
        questionnaire=QuestionnaireRef(id=q.id, version=q.version),
        organisation=Organisation(name=f"Stadtteilzentrum Nord ({people})"),
        round=RoundInfo(
            label="Workshop", date=date(2026, 11, 3), mode="session", anonymous=True, min_group=3
        ),
        respondents=respondents,
    )


class Session:
    """One stored session of `people` and its three AppTest handles."""

    def __init__(self, db: Database, q, people: int):
        from streamlit.testing.v1 import AppTest

        from assessment.services import access
        from assessment.storage import repository as repo

        self.people = people
        stored = repo.import_round(db.engine, session_file(q, people), q, as_new=True)
        self.token = stored.admin_token
        self.visitor = access.resolve(db.engine, self.token)
        self.area = q.dimensions[0].id
        self.writes = 0
        self.live = AppTest.from_file(str(BENCH / "facilitator_live.py"), default_timeout=120)
        self.live.query_params["t"] = self.token
        self.live.run()
        assert not self.live.exception, self.live.exception
        self.page = app_test(self.token, "facilitator.py")

    def write(self) -> None:
        """One write to the round (a changed note): a new revision."""
        from assessment.services import group
        from assessment.ui.session import engine

        self.writes += 1
        group.save_note(engine(), self.visitor, self.area, f"Stand {self.writes}")

    def time(self, kind: str) -> float:
        if kind == "refresh":
            return timed(self.live.run)
        if kind == "after a write":
            self.write()
            return timed(self.live.run)
        return timed(self.page.run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder))
        from assessment.questionnaire import load_catalogue

        q = load_catalogue()[("kmu", "1.0")]
        quiet_streamlit_logs()
        with server_like_bytecode_cache():
            sessions = [Session(db, q, people) for people in sizes]
            samples = {(s.people, kind): [] for s in sessions for kind in KINDS}
            for _ in range(3):  # warm-up: caches, imports, first charts
                for session in sessions:
                    for kind in KINDS:
                        session.time(kind)
            for _ in range(args.runs):
                for session in sessions:
                    for kind in KINDS:
                        samples[(session.people, kind)].append(session.time(kind))
            for session in sessions:
                for at in (session.live, session.page):
                    assert not at.exception, at.exception
    report(sizes, samples)


def report(sizes: list[int], samples: dict) -> None:
    """Medians per size and kind, with ratios against the smallest size and the smallest group."""
    floor = sizes[0]
    group = min((size for size in sizes if size >= MIN_GROUP), default=floor)
    print(f"median ms per run; ratios against {floor} and against {group} participants")
    print(f"{'participants':>12} " + " ".join(f"{kind:>30}" for kind in KINDS))
    for people in sizes:
        cells = []
        for kind in KINDS:
            ms = median_ms(samples[(people, kind)])
            low = ms / median_ms(samples[(floor, kind)])
            high = ms / median_ms(samples[(group, kind)])
            cells.append(f"{ms:8.1f} ms ({low:5.2f}x | {high:4.2f}x)")
        print(f"{people:>12} " + " ".join(f"{cell:>30}" for cell in cells))
    largest = sizes[-1]
    for kind in KINDS[:2]:
        for base in dict.fromkeys((floor, group)):
            ratio = median_ms(samples[(largest, kind)]) / median_ms(samples[(base, kind)])
            verdict = "PASS" if ratio <= GOAL else "FAIL"
            print(f"{kind} with {largest} vs {base}: {ratio:.2f}x (goal <= {GOAL}) {verdict}")


if __name__ == "__main__":
    main()
