"""A workshop's load: 30 browsers answering at once on one server lose no answer."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.async_api import async_playwright

from assessment.questionnaire import load_catalogue
from tests.browser.conftest import (
    IS_IDLE,
    QUIET_MS,
    TRACK_SCRIPT_STATE,
    StreamlitServer,
    _free_port,
    require_chromium,
)
from tests.browser.no_loss import (
    SCREEN_STATE,
    SETTLE_POLL_S,
    Comparison,
    compare,
    new_round,
    stored_answers,
    stored_rows,
)
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.databases import pg_schema, require_pg_url

pytestmark = [pytest.mark.browser, pytest.mark.load]

PARTICIPANTS = 30
STATEMENTS = 16
#: A participant's pace: one click every 0.8 s, without waiting for the page.
CLICK_PAUSE_S = 0.8
#: People open the link within a few seconds of each other, not all in the same millisecond.
ARRIVAL_GAP_S = 0.2
#: Thirty pages loading at once on a small machine take longer than one.
LOAD_TIMEOUT_MS = 120_000
#: With thirty browsers on the same two cores as the server, a rerun can wait long for its
#: turn: a statement counts as lost only if it is still not stored after this.
SETTLE_TIMEOUT_S = 120.0
#: Participants answer on their phones.
PHONE = {"width": 390, "height": 844}


async def wait_idle(page) -> None:
    await page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]',
        state="attached",
        timeout=LOAD_TIMEOUT_MS,
    )
    await page.wait_for_function(IS_IDLE, arg=QUIET_MS, timeout=LOAD_TIMEOUT_MS, polling=100)


async def settled(page, server, token: str) -> Comparison:
    """The page against the database once both agree, or once time is up (then: lost)."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while True:
        await wait_idle(page)
        result = compare(await page.evaluate(SCREEN_STATE), stored_answers(server.db_url, token))
        if not result.lost or time.monotonic() > deadline:
            return result
        await asyncio.sleep(SETTLE_POLL_S)  # poll: on a busy server a rerun can start late


def stored_at(db_url: str, token: str) -> dict[str, float]:
    """When each of the respondent's answers was written (server clock, seconds since epoch)."""
    return {item: _epoch(at) for item, _, at, _ in stored_rows(db_url, token)}


def _epoch(stamp: str | dt.datetime) -> float:
    moment = dt.datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).timestamp()


def write_times(log: str) -> list[float]:
    """The durations (s) of the answer writes the server logged (`save answer took … ms`)."""
    return [float(ms) / 1000 for ms in re.findall(r"save answer took ([0-9.]+) ms", log)]


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def participant(
    browser, server, token: str, number: int, q, clicked: dict[str, float]
) -> Comparison:
    """Answer the first 16 statements at the workshop's pace; compare each area when leaving."""
    context = await browser.new_context(viewport=PHONE, locale="de-DE")
    await context.add_init_script(TRACK_SCRIPT_STATE)
    context.set_default_timeout(LOAD_TIMEOUT_MS)
    page = await context.new_page()
    result = Comparison()
    await asyncio.sleep(number * ARRIVAL_GAP_S)
    try:
        await page.goto(f"{server.url}/questionnaire?t={token}")
        await wait_idle(page)
        left = STATEMENTS
        for area_index, area in enumerate(q.dimensions):
            for index, item in enumerate(area.items[:left]):
                radio = page.locator(f'[class*="st-key-answer_{item.id}__r"]')
                option = radio.get_by_test_id("stRadioOption").nth((index + number) % 6)
                clicked[item.id] = time.time()
                await option.click()
                await asyncio.sleep(CLICK_PAUSE_S)
            left -= len(area.items[:left])
            result.add(await settled(page, server, token))
            if left == 0:
                break
            await page.get_by_role("button", name="Nächster Bereich →").click()
            await page.get_by_text(f"Bereich {area_index + 2} von 5", exact=True).wait_for()
            await wait_idle(page)
    finally:
        await context.close()
    return result


async def workshop(server, tokens: list[str], q, clicked: list[dict]) -> list[Comparison]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            return await asyncio.gather(
                *(participant(browser, server, t, n, q, clicked[n]) for n, t in enumerate(tokens))
            )
        finally:
            await browser.close()


@pytest.fixture(scope="module")
def postgres_server(tmp_path_factory) -> Iterator[StreamlitServer]:
    """The app on a fresh PostgreSQL schema (fails without $VIELFALTSKOMPASS_TEST_PG_URL in CI)."""
    with pg_schema(require_pg_url()) as url:
        folder = tmp_path_factory.mktemp("postgres-server")
        app = StreamlitServer(_free_port(), url, folder / "server.log")
        app.start()
        try:
            yield app
        finally:
            app.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def workshop_server(request) -> StreamlitServer:
    """One app server on each database."""
    return request.getfixturevalue("server" if request.param == "sqlite" else "postgres_server")


def test_thirty_participants_at_once_lose_no_answer(workshop_server):
    require_chromium()
    server = workshop_server
    q = load_catalogue()[("kmu", "1.0")]
    tokens = [new_round(server.db_url, q, f"Workshop Teilnahme {n}") for n in range(PARTICIPANTS)]
    started = time.monotonic()
    log_start = server.log.stat().st_size
    # In a thread of its own: the session's synchronous Playwright owns this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        clicked: list[dict[str, float]] = [{} for _ in tokens]
        results = pool.submit(asyncio.run, workshop(server, tokens, q, clicked)).result()
    total = Comparison()
    for result in results:
        total.add(result)
    stored = sum(len(stored_answers(server.db_url, token)) for token in tokens)
    # From the click to the moment the server wrote the answer (both on this machine's clock).
    latencies = [
        at - clicked[n][item]
        for n, token in enumerate(tokens)
        for item, at in stored_at(server.db_url, token).items()
        if item in clicked[n]
    ]
    with server.log.open("rb") as log:
        log.seek(log_start)
        writes = write_times(log.read().decode(errors="replace"))
    print(
        f"\n{server.db_url.split(':', 1)[0]}: {PARTICIPANTS} participants, "
        f"{PARTICIPANTS * STATEMENTS} answers clicked, "
        f"{stored} stored, {len(total.lost)} lost, {len(total.unsaved)} marked unsaved, "
        f"{total.tracebacks} tracebacks, {time.monotonic() - started:.1f} s; click to stored: "
        f"p50 {percentile(latencies, 0.5):.2f} s, p95 {percentile(latencies, 0.95):.2f} s; "
        f"one write ({len(writes)}): p50 {percentile(writes, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(writes, 0.95) * 1000:.1f} ms"
    )
    assert total.tracebacks == 0, total.summary()
    assert total.lost == [], total.summary()
    assert total.unsaved == [], total.summary()
    assert stored == PARTICIPANTS * STATEMENTS
