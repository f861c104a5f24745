"""The app server's memory after 20 browser sessions have come and gone.

    .venv/bin/python tests/bench/bench_memory.py [--sessions 20] [--ttl 10]

Starts `streamlit run app.py` on a free port and a SQLite file in a temporary folder, with
`server.disconnectedSessionTTL` shortened to --ttl seconds (default 120 s: that long Streamlit
keeps a closed tab's session for it to reconnect). Streamlit 1.67 keeps a disconnected session
in a TTL cache of at most 128 entries and reaps expired ones only on the cache's next write,
i.e. when the next tab disconnects; the benchmark does what the next visitor would do (opens
and closes one page) after the sessions have expired.

The figures: the server's RSS at start (healthy, no session yet), once warm (one session has
come, answered and gone: the app's modules are imported, the background warm-up has loaded what
the results and the PDF need, and the caches are filled), the peak while the sessions are open,
and after they expired. Goal: after − warm ≤ 50 MB, what the sessions leave behind. The step
from start to warm is the same for every server that has drawn its first page and is printed
beside it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright

from assessment.questionnaire import load_catalogue
from tests.browser.conftest import (
    IS_IDLE,
    QUIET_MS,
    TRACK_SCRIPT_STATE,
    StreamlitServer,
    _free_port,
)
from tests.browser.no_loss import new_round
from tests.chromium import CHROMIUM, CHROMIUM_ARGS

GOAL_MB = 50.0
STATEMENTS = 4
TTL_ENV = "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL"
IDLE_TIMEOUT_MS = 120_000
PHONE = {"width": 390, "height": 844}


def rss_mb(pid: int) -> float:
    """The resident set size of process `pid` in MB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


class PeakSampler(threading.Thread):
    """Samples a process's RSS every 0.1 s and keeps the highest value."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, rss_mb(pid), threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            self.peak = max(self.peak, rss_mb(self.pid))

    def stop(self) -> float:
        self._done.set()
        self.join()
        return max(self.peak, rss_mb(self.pid))


def wait_idle(page) -> None:
    page.wait_for_function(IS_IDLE, arg=QUIET_MS, timeout=IDLE_TIMEOUT_MS, polling=100)


def open_and_answer(browser, server: StreamlitServer, token: str, q, offset: int):
    """A phone's tab on the respondent's questionnaire that answers the first statements."""
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    context.add_init_script(TRACK_SCRIPT_STATE)
    page = context.new_page()
    page.goto(f"{server.url}/questionnaire?t={token}")
    wait_idle(page)
    for number, item in enumerate(q.dimensions[0].items[:STATEMENTS], start=1):
        radio = page.get_by_test_id("stRadio").filter(has_text=f"{number}. {item.statement('de')}")
        radio.get_by_test_id("stRadioOption").nth((number + offset) % 5).click()
        wait_idle(page)
    return context


def let_sessions_expire(browser, server: StreamlitServer, ttl: float, probe_token: str, q) -> None:
    """Wait out the TTL, then open and close one tab: its disconnect reaps the expired sessions."""
    time.sleep(ttl + 2)  # the server's clock decides expiry; nothing to poll for
    open_and_answer(browser, server, probe_token, q, 0).close()
    time.sleep(2)  # the probe's websocket close reaches the server


def main() -> None:
    """Run the scenario once and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--ttl", type=float, default=10.0, help="disconnectedSessionTTL (s)")
    args = parser.parse_args()
    q = load_catalogue()[("kmu", "1.0")]
    os.environ[TTL_ENV] = str(int(args.ttl))
    with tempfile.TemporaryDirectory() as folder:
        server = StreamlitServer(_free_port(), Path(folder) / "app.db", Path(folder) / "log")
        server.start()
        try:
            pid = server.process.pid
            tokens = [new_round(server.db_url, q, f"Speicher {n}") for n in range(args.sessions)]
            warmup, probe = (new_round(server.db_url, q, name) for name in ("Warm", "Probe"))
            start = rss_mb(pid)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                open_and_answer(browser, server, warmup, q, 1).close()
                let_sessions_expire(browser, server, args.ttl, probe, q)
                warm = rss_mb(pid)
                sampler = PeakSampler(pid)
                sampler.start()
                contexts = [
                    open_and_answer(browser, server, token, q, n) for n, token in enumerate(tokens)
                ]
                for context in contexts:
                    context.close()
                peak = sampler.stop()
                let_sessions_expire(browser, server, args.ttl, probe, q)
                after = rss_mb(pid)
                browser.close()
        finally:
            server.stop()
    since_start, delta = after - start, after - warm
    verdict = "ok" if delta <= GOAL_MB else "over goal"
    print(f"{args.sessions} sessions, disconnectedSessionTTL {args.ttl:.0f} s (server RSS, MB)")
    print(f"{'start':>8} {'warm':>8} {'peak':>8} {'after':>8} {'after − warm':>13} {'goal':>8}")
    print(
        f"{start:8.1f} {warm:8.1f} {peak:8.1f} {after:8.1f} {delta:13.1f} {GOAL_MB:8.1f}  "
        f"({verdict}; after − start {since_start:+.1f} MB)"
    )


if __name__ == "__main__":
    main()
