"""Fixtures for the browser tests: one Streamlit server, Debian's Chromium, idle-waiting helpers.

The server runs `app.py` on a free port against a SQLite file in a temporary folder. Every test
gets a fresh browser context. Before each assertion or click the tests call `wait_idle(page)`,
which waits until the app is connected, its script is not running and nothing changed for a
short while (a click on a widget first has to start a rerun, which `click` waits for; a click
that starts none fails unless the caller says `rerun=False`). No helper sleeps for a fixed time:
each waits for a condition in the page (the app idle, a layout or scroll position settled).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from assessment.questionnaire import Questionnaire, load_catalogue, offered
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import ROOT

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
DOCS = ROOT / "docs"
VIEWPORT = {"width": 1400, "height": 1000}
#: Set to 1 to (re)write the README's screenshots under docs/.
DOCS_SCREENSHOTS_ENV = "VIELFALTSKOMPASS_DOCS_SCREENSHOTS"

HEALTH_TIMEOUT = 60.0
IDLE_TIMEOUT_MS = 30_000
#: How long the script state must stay unchanged before the app counts as idle.
QUIET_MS = 150
#: How long a click waits for the rerun it should cause to start (then the test fails).
RERUN_START_TIMEOUT_MS = 15_000

# Counts every change of the app's script state and every message the server sends (a rerun
# sends several, even one too quick for the state attribute to change on screen) and notes when
# the last came, so that a helper can tell "the rerun caused by my click has finished" from "it
# has not started yet".
TRACK_SCRIPT_STATE = """
(() => {
  window.__vkStateChanges = 0;
  window.__vkLastChange = performance.now();
  const seen = () => {
    window.__vkStateChanges += 1;
    window.__vkLastChange = performance.now();
  };
  const observer = new MutationObserver((records) => {
    if (records.some((record) => record.attributeName === "data-test-script-state")) seen();
  });
  observer.observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-test-script-state"],
  });
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", seen);
    }
  };
})();
"""

IS_IDLE = """
(quietMs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  if (app.getAttribute("data-test-connection-state") !== "CONNECTED") return false;
  if (app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  return performance.now() - window.__vkLastChange >= quietMs;
}
"""

# True once MEASURE(arg) has returned the same value (not null) for `quietMs`.
SETTLED = """
(args) => {
  const value = (MEASURE)(args.arg);
  const now = performance.now();
  if (value === null || value === undefined) {
    window.__vkSettled = undefined;
    return false;
  }
  const text = JSON.stringify(value);
  if (!window.__vkSettled || window.__vkSettled.text !== text) {
    window.__vkSettled = {text, since: now};
    return false;
  }
  return now - window.__vkSettled.since >= args.quietMs;
}
"""

# The window at the given height, and the sizes of the main area and of every chart's drawing.
LAYOUT = """
(height) => {
  if (window.innerHeight !== height) return null;
  const main = document.querySelector('[data-testid="stMain"]');
  const charts = document.querySelectorAll(
    '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
  );
  return [main ? main.scrollHeight : 0,
          ...[...charts].map((chart) => [chart.clientWidth, chart.clientHeight])];
}
"""

# The main container's scroll offset and where the element sits in the viewport.
SCROLL_POSITION = """
(element) => {
  const main = document.querySelector('[data-testid="stMain"]');
  return [main.scrollTop, element.getBoundingClientRect().top];
}
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """`streamlit run app.py` as a child process on a fixed port and database.

    `database` is a SQLite file, or the URL of any database (e.g. a PostgreSQL schema);
    `script` another entry script, relative to the project root.
    """

    def __init__(self, port: int, database: Path | str, log: Path, script: str = "app.py"):
        self.port = port
        self.script = script
        self.database = database
        self.db_url = database if isinstance(database, str) else f"sqlite:///{database}"
        self.log = log
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the server and wait until its health endpoint answers "ok"."""
        env = {
            **os.environ,
            "VIELFALTSKOMPASS_DB_URL": self.db_url,
            "PYTHONUNBUFFERED": "1",
            "VIELFALTSKOMPASS_LOG_LEVEL": "DEBUG",  # the load test reads the write times
        }
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            self.script,
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + HEALTH_TIMEOUT
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"the server exited early:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.read().decode().strip() == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)  # poll interval while the server starts
        raise RuntimeError(f"the server did not become healthy:\n{self.log_tail()}")

    def stop(self) -> None:
        """Terminate the server (kill it if it does not stop within 10 s)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def restart(self) -> None:
        """Stop the server and start it again on the same port with the same database."""
        self.stop()
        self.start()

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash or an out-of-memory kill would."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def log_tail(self, lines: int = 40) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[StreamlitServer]:
    """The app, served once for the whole session."""
    folder = tmp_path_factory.mktemp("server")
    app = StreamlitServer(_free_port(), folder / "app.db", folder / "server.log")
    app.start()
    yield app
    app.stop()


def require_chromium() -> None:
    """Skip without Debian's Chromium; in CI (CI=true) fail instead."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless (a missing browser fails the run in CI)."""
    require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser):
    """A factory for fresh browser contexts (no shared storage), closed after the test."""
    contexts = []

    def make():
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="de-DE")
        context.add_init_script(TRACK_SCRIPT_STATE)
        context.set_default_timeout(IDLE_TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a fresh browser context."""
    return new_context().new_page()


# -- helpers ----------------------------------------------------------------------------------


def wait_idle(page, quiet_ms: int = QUIET_MS) -> None:
    """Wait until the app is connected, not running a script and has been quiet for a moment."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]',
        state="attached",
        timeout=IDLE_TIMEOUT_MS,
    )
    page.wait_for_function(IS_IDLE, arg=quiet_ms, timeout=IDLE_TIMEOUT_MS, polling=50)


def state_changes(page) -> int:
    """How many script state changes and server messages the page has seen since it loaded."""
    return page.evaluate("window.__vkStateChanges")


def wait_rerun(page, before: int) -> None:
    """Wait for a rerun that starts after `before` state changes, then for the idle state.

    Fails when no rerun starts: an action that causes none must not wait for one.
    """
    try:
        page.wait_for_function(
            "(before) => window.__vkStateChanges > before",
            arg=before,
            timeout=RERUN_START_TIMEOUT_MS,
            polling=20,
        )
    except PlaywrightTimeoutError:
        pytest.fail(
            f"no rerun started within {RERUN_START_TIMEOUT_MS} ms "
            "(an action that causes none is declared with rerun=False)"
        )
    wait_idle(page)


def wait_settled(page, measure: str, arg: object = None, quiet_ms: int = QUIET_MS) -> None:
    """Wait until the JS function `measure(arg)` returns the same non-null value for `quiet_ms`."""
    page.wait_for_function(
        SETTLED.replace("MEASURE", measure),
        arg={"arg": arg, "quietMs": quiet_ms},
        timeout=IDLE_TIMEOUT_MS,
        polling=50,
    )


def click(page, locator, rerun: bool = True) -> None:
    """Click once the app is idle, then wait for the rerun the click causes to finish.

    A click that causes no rerun (an option already chosen, a grid toolbar button) must be
    declared with `rerun=False`; otherwise the missing rerun fails the test.
    """
    wait_idle(page)
    before = state_changes(page)
    locator.click()
    if rerun:
        wait_rerun(page, before)


def open_url(page, url: str) -> None:
    """Load `url` and wait until the app has rendered it."""
    page.goto(url)
    wait_idle(page)


def scroll_container_height(page) -> int:
    """The height the page needs to show all of the main area without scrolling."""
    return page.evaluate(
        """() => {
          const main = document.querySelector('[data-testid="stMain"]');
          const side = document.querySelector('[data-testid="stSidebarContent"]');
          return Math.max(main ? main.scrollHeight : 0, side ? side.scrollHeight : 0,
                          document.documentElement.scrollHeight);
        }"""
    )


def save_screenshot(page, name: str, full_page: bool = True, folder: Path = SCREENSHOTS) -> Path:
    """Save a screenshot; a full-page one grows the viewport to the app's scroll height.

    Streamlit scrolls inside its main container, so Playwright's own full-page mode would only
    capture the viewport.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    wait_idle(page)
    size = page.viewport_size or VIEWPORT
    page.mouse.move(size["width"] - 5, 5)  # no hover effects (table toolbars, sidebar button)
    if not full_page:
        page.screenshot(path=str(path))
        return path
    height = max(size["height"], scroll_container_height(page))
    page.set_viewport_size({"width": size["width"], "height": height})
    try:
        wait_settled(page, LAYOUT, height)  # the charts re-laid out to the new size
        wait_idle(page)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


def scroll_to(page, locator, margin: int = 80) -> None:
    """Scroll Streamlit's main container so that `locator` sits `margin` px below the top."""
    wait_idle(page)
    element = locator.element_handle()
    element.evaluate(
        """(element, margin) => {
          const main = document.querySelector('[data-testid="stMain"]');
          main.scrollBy(0, element.getBoundingClientRect().top - margin);
        }""",
        margin,
    )
    wait_settled(page, SCROLL_POSITION, element)


def docs_screenshots_wanted() -> bool:
    """Whether this run should rewrite the README's screenshots in docs/."""
    return os.environ.get(DOCS_SCREENSHOTS_ENV) == "1"


def newest(questionnaire_id: str) -> Questionnaire:
    """The version of a questionnaire that the start page offers for a new round."""
    return next(q for q in offered(load_catalogue()) if q.id == questionnaire_id)
