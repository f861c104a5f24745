"""Answer writes of one app process: 30 sessions' threads through the service layer.

    .venv/bin/python tests/bench/bench_writes.py [--sessions 30] [--answers 16]

Each thread plays one session of a workshop and stores its answers with
`services.answering.save_answer`, as the questionnaire page does. Two paces, interleaved in one
run: a workshop's (one answer per 0.8 s per person) and flat out (no pause: the worst case).
Prints p50/p95/max of one write and the errors. Goal: p95 ≤ 100 ms at a workshop's pace, 0 errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import access, answering
from assessment.storage import engine as storage_engine
from assessment.storage import repository as repo

GOAL_P95_S = 0.100


def run(engine, respondents: list, items: list[str], answers: int, pause: float) -> dict:
    """All sessions at once; returns the write durations and the errors."""
    durations: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def session(respondent, seed: int) -> None:
        rng = random.Random(seed)
        time.sleep(rng.uniform(0, pause))  # people do not click in step
        for n in range(answers):
            started = time.perf_counter()
            try:
                answering.save_answer(engine, respondent, items[n % len(items)], rng.randint(0, 4))
            except Exception as error:  # counted, the run goes on
                with lock:
                    errors.append(type(error).__name__)
            with lock:
                durations.append(time.perf_counter() - started)
            time.sleep(pause * rng.uniform(0.8, 1.2))

    threads = [threading.Thread(target=session, args=(r, k)) for k, r in enumerate(respondents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"durations": durations, "errors": errors}


def summary(name: str, outcome: dict) -> str:
    values = sorted(outcome["durations"])
    p95 = values[int(0.95 * (len(values) - 1))]
    verdict = "ok" if p95 <= GOAL_P95_S and not outcome["errors"] else "over goal"
    return (
        f"{name:<16} writes {len(values):>4}  p50 {statistics.median(values) * 1000:6.1f} ms  "
        f"p95 {p95 * 1000:6.1f} ms  max {values[-1] * 1000:6.1f} ms  "
        f"errors {len(outcome['errors'])}  (p95 / goal {p95 / GOAL_P95_S:.2f}: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--answers", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    q = load_catalogue()[("kmu", "1.0")]
    items = list(q.items_by_id)
    with tempfile.TemporaryDirectory() as folder:
        engine = storage_engine.make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        for repeat in range(args.repeats):
            for name, pause in (("workshop pace", 0.8), ("flat out", 0.0)):
                respondents = [
                    access.resolve(
                        engine,
                        repo.create_round(
                            engine, q, Organisation(name=f"Bench {n}"), "R", dt.date.today()
                        ).respondent_token,
                    )
                    for n in range(args.sessions)
                ]
                outcome = run(engine, respondents, items, args.answers, pause)
                print(f"[{repeat + 1}] " + summary(name, outcome))
        engine.dispose()


if __name__ == "__main__":
    main()
