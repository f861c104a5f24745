"""Answer writes of many participants, on SQLite and PostgreSQL: service layer and app server.

    .venv/bin/python tests/bench/bench_load.py [--participants 10 30 100] [--answers 16]
                                               [--through service server] [--server-answers 8]
                                               [--server-pause 0.8]
    scripts/with-postgres .venv/bin/python tests/bench/bench_load.py   # PostgreSQL as well

A workshop is one session round; each participant has their own respondent link.

service  The participants store answers with `services.answering.save_answer`, as the
         questionnaire page does, spread over worker processes (up to --processes), as over
         several app servers, threads within each. Two paces: a workshop's (one answer per
         0.8 s per person) and flat out (no pause, for answers per second).
server   One `streamlit run app.py` on localhost (a free port, the same database, ended
         afterwards); each participant is a light client of its own that speaks Streamlit's
         websocket protocol (tests/bench/streamlit_client.py): it opens its private link,
         picks an option of one statement after the other as a click does, waits until the
         page's run has finished and pauses 0.8 s (a workshop's pace). The server logs each
         answer's write (`save answer took … ms`); the client times the round trip of the
         click; the table adds the server's and the clients' CPU time per answer. Afterwards
         every answer is looked up in the database: one that is missing or differs, a run that
         failed, a traceback or a "not saved" marker counts as an error. A workshop is cut off
         after 20 s + its pauses + 0.8 s per participant (one not done by then is an error),
         and the next starts once the server has finished what the last one left, so that the
         mode takes a few minutes at most.

PostgreSQL runs when $VIELFALTSKOMPASS_TEST_PG_URL is set, in a fresh schema that is dropped
afterwards. Prints answers per second, p50/p95 of one write and the errors. Goal: 30
participants at a workshop's pace (on one server), p95 of one write ≤ 100 ms, 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import multiprocessing as mp
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assessment.i18n import t
from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import access, answering
from assessment.storage import engine as storage_engine
from assessment.storage import repository as repo
from tests.bench.cpu import cpu_seconds
from tests.bench.streamlit_client import RunFailed, Session
from tests.browser.conftest import StreamlitServer, _free_port
from tests.browser.no_loss import stored_answers
from tests.databases import pg_schema, pg_url

GOAL_P95_S = 0.100
WORKSHOP_PAUSE_S = 0.8
#: A worker that has not finished by then is ended and counted as failed.
WORKER_TIMEOUT_S = 600
#: Participants of the app-server mode open their links this far apart (s), as people do.
ARRIVAL_GAP_S = 0.1
#: A workshop through the app server that has not finished after this much time, plus its
#: pauses, plus this much per participant, is cut off; each participant not done by then
#: counts as an error.
SERVER_WORKSHOP_BASE_S = 20.0
SERVER_WORKSHOP_PER_PARTICIPANT_S = 0.8
#: Between workshops the server finishes what the last one left (at most this long): its CPU
#: time must stand still for a while (QUIET_S) before the next workshop starts.
SERVER_SETTLE_TIMEOUT_S = 30.0
QUIET_S = 1.0


def new_workshop(url: str, participants: int) -> list[str]:
    """A new session round with `participants` respondents; returns their tokens."""
    engine = storage_engine.make_engine(url)
    q = load_catalogue()[("kmu", "1.0")]
    workshop = repo.create_round(
        engine, q, Organisation(name="Lastprobe"), "Workshop", dt.date.today(), "session"
    )
    tokens = [repo.add_respondent(engine, workshop.round_id).token for _ in range(participants)]
    engine.dispose()
    return tokens


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
    tokens = new_workshop(url, participants)
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


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank below); 0 for none."""
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))] if ordered else 0.0


def summary(database: str, participants: int, pace: str, outcome: dict) -> str:
    """One line of figures."""
    values = sorted(outcome["durations"])
    p95 = percentile(values, 0.95)
    verdict = "ok" if p95 <= GOAL_P95_S and not outcome["errors"] else "over goal"
    return (
        f"{database:<10} {participants:>3} participants  {pace:<13} "
        f"{len(values) / outcome['wall']:7.1f} answers/s  "
        f"p50 {statistics.median(values) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
        f"max {values[-1] * 1000:7.1f} ms  errors {len(outcome['errors'])}  "
        f"(p95 / goal {p95 / GOAL_P95_S:.2f}: {verdict})"
    )


# -- through one app server ---------------------------------------------------------------------

#: The questionnaire's way to the next area, as a participant sees it (German UI).
NEXT_AREA = t("ui.q_next", "de")
ANSWER_KEY = re.compile(r"^answer_(?P<item>.+)__r\d+$")
WRITE_LOGGED = re.compile(rb"save answer took ([0-9.]+) ms")


class ServerOutcome:
    """What the participants of one workshop through the app server did and met."""

    def __init__(self, tokens: list[str]):
        #: Per token: {item id: the option index it picked last}.
        self.given: dict[str, dict[str, int]] = {token: {} for token in tokens}
        self.round_trips: list[float] = []
        self.errors: list[str] = []
        self.first_click = self.last_done = 0.0


async def server_participant(
    base_url: str, token: str, number: int, answers: int, pause: float, outcome: ServerOutcome
) -> None:
    """Open the private link, answer `answers` statements one by one at a workshop's pace."""
    rng = random.Random(number)
    given = outcome.given[token]
    await asyncio.sleep(number * ARRIVAL_GAP_S)
    session = await Session.open(base_url, f"t={token}", "questionnaire")
    try:
        while len(given) < answers:
            radios = [
                (match["item"], radio)
                for radio in session.find("radio", "answer_")
                if (match := ANSWER_KEY.match(radio.key))
                and match["item"] not in given
                and not radio.disabled
            ]
            if not radios:
                following = session.find("button", label=NEXT_AREA)
                if not following:
                    raise RunFailed("no statement left to answer and no next area")
                await session.click(following[0])
                continue
            item, radio = radios[0]
            choice = rng.randrange(len(radio.options))
            outcome.first_click = outcome.first_click or time.perf_counter()
            outcome.round_trips.append(await session.choose(radio, radio.options[choice]))
            outcome.last_done = time.perf_counter()
            given[item] = choice
            await asyncio.sleep(pause * rng.uniform(0.8, 1.2))
        outcome.errors += ["traceback shown"] * session.exceptions
        outcome.errors += ["marked not saved"] * len(session.find("button", "retry_"))
    finally:
        await session.close()


async def server_workshop(base_url: str, tokens: list[str], answers: int, pause: float):
    """All participants at once through the server; cut off after the workshop's timeout."""
    outcome = ServerOutcome(tokens)
    tasks = [
        asyncio.create_task(server_participant(base_url, token, n, answers, pause, outcome))
        for n, token in enumerate(tokens)
    ]
    pauses = answers * pause * 1.2  # the longest a participant pauses in all
    timeout = SERVER_WORKSHOP_BASE_S + pauses + SERVER_WORKSHOP_PER_PARTICIPANT_S * len(tokens)
    done, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
        outcome.errors.append("timed out")
    for task in done:
        if task.exception() is not None:
            outcome.errors.append(f"{type(task.exception()).__name__}: {task.exception()}")
    await asyncio.gather(*pending, return_exceptions=True)
    return outcome


def run_server(server: StreamlitServer, participants: int, answers: int, pause: float) -> dict:
    """One workshop through the app server; its figures, checked against the database."""
    tokens = new_workshop(server.db_url, participants)
    settle(server.process.pid)
    log_start = server.log.stat().st_size
    cpu_start, own_start = cpu_seconds(server.process.pid), time.process_time()
    outcome = asyncio.run(server_workshop(server.url, tokens, answers, pause))
    cpu, own = cpu_seconds(server.process.pid) - cpu_start, time.process_time() - own_start
    with server.log.open("rb") as log:
        log.seek(log_start)
        writes = [float(ms) / 1000 for ms in WRITE_LOGGED.findall(log.read())]
    given = stored = 0
    for token, expected in outcome.given.items():
        found = stored_answers(server.db_url, token)
        given += len(expected)
        stored += sum(1 for item, choice in expected.items() if found.get(item) == choice)
    errors = outcome.errors + ["missing or different in the database"] * (given - stored)
    wall = max(outcome.last_done - outcome.first_click, 1e-9)
    return {
        "given": given,
        "stored": stored,
        "rate": given / wall,
        "writes": writes,
        "round_trips": outcome.round_trips,
        "errors": errors,
        "server_cpu": cpu / max(given, 1),
        "client_cpu": own / max(given, 1),
    }


def settle(pid: int) -> None:
    """Wait until the server's CPU time stands still (it has done all it was sent), or time's up."""
    deadline = time.monotonic() + SERVER_SETTLE_TIMEOUT_S
    before = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(QUIET_S)  # the window in which the CPU time must not move
        now = cpu_seconds(pid)
        if now - before < 0.02 * QUIET_S:  # a few ticks of housekeeping
            return
        before = now


def server_table(database: str, rows: dict[int, dict], answers: int, pause: float) -> str:
    """The figures through the app server on one database, a row per participant count."""
    lines = [
        f"\nthrough one app server, {database}: {answers} answers per participant, "
        f"{pause} s pause after each page run; write = the server's log, click = the client's "
        "round trip until the run finished; CPU = the server's and the clients' CPU time per "
        "answer (page loads included)",
        f"{'participants':>12} {'given':>6} {'stored':>6} {'answers/s':>9} "
        f"{'write p50':>9} {'write p95':>9} {'click p50':>9} {'click p95':>9} "
        f"{'server CPU':>10} {'client CPU':>10} {'errors':>6}  "
        "goal (30: write p95 <= 100 ms, 0 errors)",
    ]
    for participants, row in rows.items():
        p95 = percentile(row["writes"], 0.95)
        verdict = "ok" if p95 <= GOAL_P95_S and not row["errors"] else "over goal"
        lines.append(
            f"{participants:>12} {row['given']:>6} {row['stored']:>6} {row['rate']:>9.1f} "
            f"{percentile(row['writes'], 0.5) * 1000:>6.1f} ms {p95 * 1000:>6.1f} ms "
            f"{percentile(row['round_trips'], 0.5) * 1000:>6.0f} ms "
            f"{percentile(row['round_trips'], 0.95) * 1000:>6.0f} ms "
            f"{row['server_cpu'] * 1000:>7.0f} ms {row['client_cpu'] * 1000:>7.0f} ms "
            f"{len(row['errors']):>6}  {verdict}"
        )
        lines += [f"{'':>12} error: {error}" for error in sorted(set(row["errors"]))]
    return "\n".join(lines)


def through_server(
    database: str, url: str, folder: Path, counts: list[int], answers: int, pause: float
) -> None:
    """Start one app server on `url`, run a workshop per participant count, print the table."""
    server = StreamlitServer(_free_port(), url, folder / f"server-{database}.log")
    server.start()
    try:
        rows = {n: run_server(server, n, answers, pause) for n in counts}
    finally:
        server.stop()
    print(server_table(database, rows, answers, pause), flush=True)


def main() -> None:
    """Run every database × participant count × pace (× way in) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[10, 30, 100])
    parser.add_argument("--answers", type=int, default=16)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument(
        "--through", nargs="+", choices=["service", "server"], default=["service", "server"]
    )
    parser.add_argument("--server-answers", type=int, default=8, help="per participant")
    parser.add_argument(
        "--server-pause", type=float, default=WORKSHOP_PAUSE_S, help="s after each page run"
    )
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        databases = {"sqlite": f"sqlite:///{folder / 'bench.db'}"}
        if pg_url():
            databases["postgresql"] = stack.enter_context(pg_schema(pg_url()))
        else:
            print("PostgreSQL skipped: $VIELFALTSKOMPASS_TEST_PG_URL is not set")
        for database, url in databases.items():
            if "service" in args.through:
                for participants in args.participants:
                    for pace, pause in (("workshop pace", WORKSHOP_PAUSE_S), ("flat out", 0.0)):
                        outcome = run(url, participants, args.processes, args.answers, pause)
                        print(summary(database, participants, pace, outcome), flush=True)
            if "server" in args.through:
                through_server(
                    database, url, folder, args.participants, args.server_answers, args.server_pause
                )


if __name__ == "__main__":
    main()
