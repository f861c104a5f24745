"""Benchmark P5: a fresh server's cold paths, in headless Chromium.

    .venv/bin/python tests/bench/bench_cold.py [--runs 5]

start    From `streamlit run app.py` until the start page is idle: the app's script state is
         `notRunning` and the page's last element (the links to the privacy notice and the
         imprint) is visible, not only its title. Versus tests/bench/bare_hello.py until its
         heading is visible and the app idle. Each start on a new SQLite file. Goal ≤ 1.3×, in
         wall time and in the server's CPU time until then.
results  In a fresh server: a visitor's first page (the start page), then the results of a
         completed self-check (every statement answered) until both charts are drawn and the
         app is idle; then the same results in a new tab (the second view). The app warms the
         results' heavy paths in the background after its first page; the benchmark waits for
         the server's log line `warm-up took … ms` before opening the results (a visitor takes
         longer than that to get there) and prints how long it took. Goals: first ≤ 1.5× second
         and at most 0.5 s more, in wall time and, less disturbed by a busy machine, in the
         server's CPU time per view.
         For reference, without a goal: the results link as the very first page of a fresh
         server (nothing warmed).

Ours and the floor are measured interleaved, run by run; medians. Exits 0: the figures are
for reading, not for CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402 - needs ROOT on sys.path

from assessment.questionnaire import load_catalogue  # noqa: E402
from assessment.responses import Organisation  # noqa: E402
from assessment.services import access, answering  # noqa: E402
from assessment.storage import engine as storage_engine  # noqa: E402
from assessment.storage import repository as repo  # noqa: E402
from tests.bench.cpu import cpu_seconds  # noqa: E402
from tests.browser.conftest import _free_port  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

GOAL_START = 1.3
GOAL_RESULTS = 1.5
#: The first results view of a fresh server at most this much slower than the second (ms).
GOAL_EXTRA_MS = 500
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
START_TIMEOUT_S = 90.0
PAGE_TIMEOUT_MS = 90_000
WARMED = re.compile(rb"warm-up took ([0-9.]+) ms")


@contextmanager
def server(script: str, db_url: str, log: Path) -> Iterator[tuple[str, float, int]]:
    """`streamlit run script` on a free port; yields its URL, its start (s) and its pid."""
    port = _free_port()
    env = {**os.environ, "VIELFALTSKOMPASS_DB_URL": db_url, "VIELFALTSKOMPASS_LOG_LEVEL": "DEBUG"}
    command = [
        *(sys.executable, "-m", "streamlit", "run", script),
        *("--server.port", str(port), "--server.address", "127.0.0.1"),
        *("--server.headless", "true", "--browser.gatherUsageStats", "false"),
    ]
    started = time.perf_counter()
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        while not healthy(url):
            if process.poll() is not None:
                raise RuntimeError(f"{script} exited with {process.returncode}, see {log}")
            if time.perf_counter() - started > START_TIMEOUT_S:
                raise RuntimeError(f"{script} did not start within {START_TIMEOUT_S:.0f} s")
            time.sleep(0.02)  # poll interval while the server starts
        yield url, started, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def healthy(url: str) -> bool:
    """Whether the server's health endpoint answers "ok"."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
            return answer.read() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def shown_idle(browser, url: str, last_element: str) -> float:
    """Open `url` in a new tab; seconds until `last_element` is visible and the app is idle."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url)
        page.locator(last_element).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
        page.wait_for_selector(IDLE, state="attached", timeout=PAGE_TIMEOUT_MS)
        return time.perf_counter() - started
    finally:
        context.close()


HELLO = "tests/bench/bare_hello.py"
#: What each start page shows last once drawn completely.
LAST_ON_START = {"app.py": ".st-key-legal_links", HELLO: 'h1:has-text("Hallo")'}
#: The second of the results page's two charts (radar, bars), drawn by Vega (its SVG).
CHARTS_DRAWN = '[data-testid="stVegaLiteChart"] >> nth=1 >> svg.marks'


def cold_start(browser, script: str, folder: Path) -> tuple[float, float]:
    """From `streamlit run` until the start page is drawn completely and idle: (s, server CPU s)."""
    db_url = f"sqlite:///{folder / f'cold-{time.monotonic_ns()}.db'}"
    with server(script, db_url, folder / "cold.log") as (url, started, pid):
        shown_idle(browser, url, LAST_ON_START[script])
        # The CPU time may hold the first moments of the warm-up, which starts as the run ends.
        return time.perf_counter() - started, cpu_seconds(pid)


def wait_for_warm_up(log: Path, offset: int) -> float:
    """The warm-up's duration (s) from the server log, once it is written there."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        with log.open("rb") as text:
            text.seek(offset)
            found = WARMED.search(text.read())
        if found:
            return float(found[1]) / 1000
        time.sleep(0.05)  # poll interval while the warm-up runs
    raise RuntimeError(f"no warm-up line in {log} within {START_TIMEOUT_S:.0f} s")


def results_views(browser, db_url: str, token: str, folder: Path) -> dict[str, float]:
    """In a fresh server: start page, warm-up, first and second results view (s, server CPU s)."""
    log = folder / "results.log"
    offset = log.stat().st_size if log.exists() else 0
    with server("app.py", db_url, log) as (url, _, pid):
        shown_idle(browser, url, LAST_ON_START["app.py"])
        figures = {"warm-up": wait_for_warm_up(log, offset)}
        for view in ("first", "second"):
            cpu = cpu_seconds(pid)
            figures[view] = shown_idle(browser, f"{url}/results?t={token}", CHARTS_DRAWN)
            figures[f"{view} CPU"] = cpu_seconds(pid) - cpu
    return figures


def results_first_page(browser, db_url: str, token: str, folder: Path) -> float:
    """Seconds for the results link as the very first page of a fresh server."""
    with server("app.py", db_url, folder / "results.log") as (url, _, _):
        return shown_idle(browser, f"{url}/results?t={token}", CHARTS_DRAWN)


def completed_self_check(db_url: str) -> str:
    """A self-check with every statement answered (seeded); returns its link's token."""
    engine = storage_engine.make_engine(db_url)
    q = load_catalogue()[("kmu", "1.0")]
    new = repo.create_round(engine, q, Organisation(name="Kaltstart"), "Runde 1", dt.date.today())
    rng = random.Random(5)
    visitor = access.resolve(engine, new.respondent_token)
    for item in q.items_by_id:
        answering.save_answer(engine, visitor, item, rng.randint(0, q.scale_max))
    engine.dispose()
    return new.respondent_token


def figure_pair(figure: dict[str, list[float]], suffix: str) -> tuple:
    """The first and the second results views' figures, for `line`."""
    return figure[f"first{suffix}"], figure[f"second{suffix}"], "second"


def line(what: str, ours: list[float], floor: list[float], floor_name: str, goal: float) -> str:
    """One figure: both medians, the ratio and whether it meets the goal."""
    ours_ms, floor_ms = statistics.median(ours) * 1000, statistics.median(floor) * 1000
    ratio = ours_ms / floor_ms
    verdict = "PASS" if ratio <= goal else "FAIL"
    return (
        f"P5 {what}: ours {ours_ms:7.0f} ms, {floor_name} {floor_ms:7.0f} ms, "
        f"ratio {ratio:.2f} (goal <= {goal}) {verdict}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh servers per figure")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"P5 skipped: {CHROMIUM} is missing")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp, sync_playwright() as pw:
        folder = Path(tmp)
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        db_url = f"sqlite:///{folder / 'results.db'}"
        token = completed_self_check(db_url)
        cold_start(browser, HELLO, folder)  # the disk's caches, once
        starts: dict[str, list[tuple[float, float]]] = {"app.py": [], HELLO: []}
        unwarmed, views = [], []
        for run in range(args.runs):
            for script, times in starts.items():
                times.append(cold_start(browser, script, folder))
            views.append(results_views(browser, db_url, token, folder))
            unwarmed.append(results_first_page(browser, db_url, token, folder))
            ms = {name: f"{value * 1000:.0f} ms" for name, value in views[-1].items()}
            (ours, ours_cpu), (hello, hello_cpu) = starts["app.py"][-1], starts[HELLO][-1]
            print(
                f"  run {run + 1}: start {ours * 1000:.0f} ms (server CPU {ours_cpu * 1000:.0f} "
                f"ms), hello {hello * 1000:.0f} ms ({hello_cpu * 1000:.0f} ms); results first "
                f"{ms['first']} (server CPU {ms['first CPU']}), second {ms['second']} (server "
                f"CPU {ms['second CPU']}), warm-up {ms['warm-up']}; "
                f"results as the first page {unwarmed[-1] * 1000:.0f} ms",
                flush=True,
            )
        browser.close()
    figure = {name: [view[name] for view in views] for name in views[0]}
    for index, what in ((0, "cold start until the start page is idle"), (1, "  in server CPU")):
        ours, hello = ([times[index] for times in starts[name]] for name in ("app.py", HELLO))
        print(line(what, ours, hello, "hello", GOAL_START))
    print(line("first results view in a fresh server", *figure_pair(figure, ""), GOAL_RESULTS))
    print(line("  in server CPU", *figure_pair(figure, " CPU"), GOAL_RESULTS))
    for suffix, what in (("", "wall"), (" CPU", "server CPU")):
        first, second, _ = figure_pair(figure, suffix)
        extra = (statistics.median(first) - statistics.median(second)) * 1000
        verdict = "PASS" if extra <= GOAL_EXTRA_MS else "FAIL"
        print(f"   first minus second view ({what}): {extra:.0f} ms (goal <= 500 ms) {verdict}")
    print(
        f"   warm-up in the background: median {statistics.median(figure['warm-up']) * 1000:.0f}"
        f" ms; results link as the fresh server's first page (no goal): median "
        f"{statistics.median(unwarmed) * 1000:.0f} ms, "
        f"{statistics.median(unwarmed) / statistics.median(figure['second']):.2f}× the second"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
