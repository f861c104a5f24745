"""Benchmark P1b: answer clicks in Chromium until the app is idle again, with their messages.

Run from the repository root:

    python tests/bench/bench_browser.py [--clicks 60] [--warmup 3]

Three servers on free ports: the app (a self-check round of the administrations'
questionnaire, opened on its largest area of nine statements), the same questions, options,
comment fields and progress bar built with the library streamlit-survey
(tests/bench/survey_questionnaire.py), and the bare page with the app's widgets
(tests/bench/bare_questionnaire.py). One headless Chromium tab per page; the clicks go
interleaved, click by click (the order rotates), each choosing another option of the next
statement. A click is timed from its pointerdown until the last message or script-state
change before the page is idle again (connected, not running, quiet for 150 ms), in the page's
own clock; the websocket frames (sent and received) between click and idle are counted.

Prints the medians, the ratios and the goals: P1b ours <= 1.0 x the peer (our click includes
the database write; the peer stores nothing), and messages per click ours <= the peer's; the
line against the bare page is for reading. Exits 0: the figures are for reading, not for CI.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from assessment.questionnaire import load_catalogue  # noqa: E402
from tests.bench.questionnaire_texts import QUESTIONNAIRE, area_texts, largest_area  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    TRACK_SCRIPT_STATE,
    StreamlitServer,
    _free_port,
    open_url,
    state_changes,
    wait_rerun,
)
from tests.browser.no_loss import new_round, stored_answers  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

GOAL_PEER = 1.0
#: When the click began, in the page's clock (the start of every timed click).
CLICK_AT = """
document.addEventListener("pointerdown", () => { window.__vkClickAt = performance.now(); }, true);
"""


class Tab:
    """One page under test: its server, its browser tab, its timings and frame counts."""

    def __init__(self, name: str, server: StreamlitServer, browser, url: str):
        self.name, self.server = name, server
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
        context.add_init_script(TRACK_SCRIPT_STATE)
        context.add_init_script(CLICK_AT)
        self.page = context.new_page()
        self.frames = 0
        self.page.on("websocket", self._watch)
        open_url(self.page, url)
        self.times: list[float] = []
        self.messages: list[int] = []

    def _watch(self, socket) -> None:
        def count(_payload) -> None:
            self.frames += 1

        socket.on("framesent", count)
        socket.on("framereceived", count)

    def click(self, item: int, option: int, keep: bool) -> None:
        """Click one option of statement `item` and wait until the page is idle again."""
        radio = self.page.get_by_test_id("stRadio").nth(item)
        target = radio.get_by_test_id("stRadioOption").nth(option)
        before, frames = state_changes(self.page), self.frames
        target.click()
        wait_rerun(self.page, before)
        if keep:
            elapsed = self.page.evaluate("window.__vkLastChange - window.__vkClickAt")
            self.times.append(elapsed)
            self.messages.append(self.frames - frames)


def start(script: str, logs: Path, name: str, database: Path) -> StreamlitServer:
    server = StreamlitServer(_free_port(), database, logs / f"{name}.log", script)
    server.start()
    return server


def line(what: str, ours: float, other: float, unit: str, goal: float | None) -> bool:
    """Print one comparison; True if it meets its goal (or has none)."""
    ratio = ours / other
    verdict = "" if goal is None else ("PASS" if ratio <= goal else "FAIL")
    goal_text = "for reading" if goal is None else f"goal <= {goal:.1f}"
    print(f"{what}: ours {ours:7.1f} {unit}, other {other:7.1f} {unit}, ratio {ratio:.2f} "
          f"({goal_text}) {verdict}", flush=True)  # fmt: skip
    return goal is None or ratio <= goal


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=60, help="timed clicks per page")
    parser.add_argument("--warmup", type=int, default=3, help="untimed clicks first")
    parser.add_argument("--logs", type=Path, help="keep the servers' logs in this folder")
    args = parser.parse_args()
    os.chdir(ROOT)
    q = load_catalogue()[QUESTIONNAIRE]
    index = largest_area(q)
    size = len(q.dimensions[index].items)
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp, sync_playwright() as pw:
        folder = Path(tmp)
        database, logs = folder / "app.db", args.logs or folder
        logs.mkdir(parents=True, exist_ok=True)
        ours_server = start("app.py", logs, "ours", database)
        token = new_round(ours_server.db_url, q, "Bürgeramt Musterstadt")
        data = folder / "texts.json"
        texts = area_texts(q, index, token, "Bürgeramt Musterstadt · Runde 1")
        data.write_text(json.dumps(texts), encoding="utf-8")
        os.environ["BENCH_BARE_DATA"] = str(data)
        servers = [ours_server]
        try:
            servers.append(start("tests/bench/survey_questionnaire.py", logs, "peer", database))
            servers.append(start("tests/bench/bare_questionnaire.py", logs, "bare", database))
            browser = pw.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            ours_url = f"{ours_server.url}/questionnaire?t={token}&area={index + 1}"
            tabs = [
                Tab("ours", ours_server, browser, ours_url),
                Tab("peer", servers[1], browser, servers[1].url),
                Tab("bare", servers[2], browser, servers[2].url),
            ]
            for tab in tabs:
                count = tab.page.get_by_test_id("stRadio").count()
                assert count == size, f"{tab.name} shows {count} statements, not {size}"
            for n in range(args.warmup + args.clicks):
                item, option = n % size, (n // size + n) % 6
                for tab in tabs[n % 3 :] + tabs[: n % 3]:  # the order rotates click by click
                    tab.click(item, option, keep=n >= args.warmup)
            stored = stored_answers(ours_server.db_url, token)
            assert len(stored) == size, f"the app stored {len(stored)} of {size} answers"
            browser.close()
        finally:
            for server in servers:
                server.stop()

    ours, peer, bare = tabs
    median = {tab.name: statistics.median(tab.times) for tab in tabs}
    messages = {tab.name: statistics.median(tab.messages) for tab in tabs}
    print(f"\nP1b: {args.clicks} clicks per page on {size} statements, medians "
          f"(min ours {min(ours.times):.1f} ms, peer {min(peer.times):.1f} ms, "
          f"bare {min(bare.times):.1f} ms)")  # fmt: skip
    results = [
        line("P1b click until idle vs. streamlit-survey", median["ours"], median["peer"], "ms",
             GOAL_PEER),
        line("P1b click until idle vs. bare page       ", median["ours"], median["bare"], "ms",
             None),
        line("messages per click vs. streamlit-survey  ", messages["ours"], messages["peer"], "",
             1.0),
        line("messages per click vs. bare page         ", messages["ours"], messages["bare"], "",
             None),
    ]  # fmt: skip
    print("summary:", "all goals met" if all(results) else "a goal is missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
