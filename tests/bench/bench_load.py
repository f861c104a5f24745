"""Answer writes of many participants in separate processes, on SQLite and PostgreSQL.

    .venv/bin/python tests/bench/bench_load.py [--participants 10 30 100] [--answers 16]
    scripts/with-postgres .venv/bin/python tests/bench/bench_load.py   # PostgreSQL as well

A workshop is one session round; each participant has their own respondent link and stores
answers with `services.answering.save_answer`, as the questionnaire page does. The participants
are spread over worker processes (up to --processes), as over several app servers, threads
within each. Two paces: a workshop's (one answer per 0.8 s per person) and flat out (no pause,
for answers per second). PostgreSQL runs when $VIELFALTSKOMPASS_TEST_PG_URL is set, in a fresh
schema that is dropped afterwards. Prints answers per second, p50/p95/max of one write and the
errors. Goal: 30 participants at a workshop's pace, p95 ≤ 100 ms, 0 errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import access, answering
from assessment.storage import engine as storage_engine
from assessment.storage import repository as repo
from tests.databases import pg_schema, pg_url

GOAL_P95_S = 0.100
WORKSHOP_PAUSE_S = 0.8
#: A worker that has not finished by then is ended and counted as failed.
WORKER_TIMEOUT_S = 600


def worker(url: str, tokens: list[str], answers: int, pause: float, start, results) -> None:
    """One process: a thread per participant; puts (durations, errors) on `results`."""
    engine = storage_engine.make_engine(url)
    items = list(load_catalogue()[("kmu", "1.0")].items_by_id)
    visitors = [access.resolve(engine, token) for token in tokens]
    durations: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def participant(visitor: access.Visitor, seed: int) -> None:
        rng = random.Random(seed)
        time.sleep(rng.uniform(0, pause))  # people do not click in step
        for n in range(answers):
            started = time.perf_counter()
            try:
                answering.save_answer(engine, visitor, items[n % len(items)], rng.randint(0, 4))
            except Exception as error:  # counted, the run goes on
                with lock:
                    errors.append(type(error).__name__)
            with lock:
                durations.append(time.perf_counter() - started)
            time.sleep(pause * rng.uniform(0.8, 1.2))

    threads = [
        threading.Thread(target=participant, args=(visitor, hash(token) & 0xFFFF))
        for visitor, token in zip(visitors, tokens, strict=True)
    ]
    start.wait()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine.dispose()
    results.put((durations, errors))


def run(url: str, participants: int, processes: int, answers: int, pause: float) -> dict:
    """One workshop: all participants at once; returns durations, errors and the wall time."""
    engine = storage_engine.make_engine(url)
    q = load_catalogue()[("kmu", "1.0")]
    workshop = repo.create_round(
        engine, q, Organisation(name="Lastprobe"), "Workshop", dt.date.today(), "session"
    )
    tokens = [repo.add_respondent(engine, workshop.round_id).token for _ in range(participants)]
    engine.dispose()
    count = min(processes, participants)
    context = mp.get_context("spawn")
    start, results = context.Barrier(count + 1), context.Queue()
    workers = [
        context.Process(target=worker, args=(url, tokens[k::count], answers, pause, start, results))
        for k in range(count)
    ]
    for process in workers:
        process.start()
    start.wait(timeout=120)  # every worker has its engine and visitors
    began = time.perf_counter()
    durations: list[float] = []
    errors: list[str] = []
    for _ in workers:
        got_durations, got_errors = results.get(timeout=WORKER_TIMEOUT_S)
        durations += got_durations
        errors += got_errors
    wall = time.perf_counter() - began
    for process in workers:
        process.join(timeout=30)
        if process.is_alive():
            process.kill()
            errors.append("worker did not stop")
    return {"durations": durations, "errors": errors, "wall": wall}


def summary(database: str, participants: int, pace: str, outcome: dict) -> str:
    """One line of figures."""
    values = sorted(outcome["durations"])
    p95 = values[int(0.95 * (len(values) - 1))]
    verdict = "ok" if p95 <= GOAL_P95_S and not outcome["errors"] else "over goal"
    return (
        f"{database:<10} {participants:>3} participants  {pace:<13} "
        f"{len(values) / outcome['wall']:7.1f} answers/s  "
        f"p50 {statistics.median(values) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
        f"max {values[-1] * 1000:7.1f} ms  errors {len(outcome['errors'])}  "
        f"(p95 / goal {p95 / GOAL_P95_S:.2f}: {verdict})"
    )


def main() -> None:
    """Run every database × participant count × pace and print a line for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[10, 30, 100])
    parser.add_argument("--answers", type=int, default=16)
    parser.add_argument("--processes", type=int, default=4)
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        databases = {"sqlite": f"sqlite:///{folder / 'bench.db'}"}
        if pg_url():
            databases["postgresql"] = stack.enter_context(pg_schema(pg_url()))
        else:
            print("PostgreSQL skipped: $VIELFALTSKOMPASS_TEST_PG_URL is not set")
        for database, url in databases.items():
            for participants in args.participants:
                for pace, pause in (("workshop pace", WORKSHOP_PAUSE_S), ("flat out", 0.0)):
                    outcome = run(url, participants, args.processes, args.answers, pause)
                    print(summary(database, participants, pace, outcome), flush=True)


if __name__ == "__main__":
    main()
