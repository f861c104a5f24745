"""No answer lost: rapid clicks, a killed server, a locked database; screen against database."""

from __future__ import annotations

import contextlib
import sqlite3
import time

import pytest
from playwright.sync_api import expect

from assessment.questionnaire import Questionnaire, load_catalogue
from tests.browser.conftest import click, open_url, wait_idle
from tests.browser.no_loss import (
    SCREEN_STATE,
    SETTLE_POLL_S,
    SETTLE_TIMEOUT_S,
    Comparison,
    compare,
    new_round,
    stored_answers,
)

pytestmark = pytest.mark.browser

#: Pause between the clicks of a sweep: the stimulus, not a wait for the app.
SWEEP_PAUSE_MS = 30
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
DISCONNECTED = '[data-testid="stApp"]:not([data-test-connection-state="CONNECTED"])'


@pytest.fixture(scope="module")
def sme() -> Questionnaire:
    return load_catalogue()[("kmu", "1.0")]


def questionnaire_url(server, token: str, area: int = 1) -> str:
    return f"{server.url}/questionnaire?t={token}&area={area}"


def options(page, item_id: str):
    return page.locator(f'[class*="st-key-answer_{item_id}__r"]').get_by_test_id("stRadioOption")


def check_screen(page, server, token: str) -> Comparison:
    """Compare every statement on the page with the database once both agree, or time is up."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while True:
        wait_idle(page)
        result = compare(page.evaluate(SCREEN_STATE), stored_answers(server.db_url, token))
        if not result.lost or time.monotonic() > deadline:
            return result
        page.wait_for_timeout(SETTLE_POLL_S * 1000)  # poll: a rerun may not have started yet


def assert_nothing_lost(result: Comparison) -> None:
    print(f"\n{result.summary()}")
    assert result.compared > 0, result.summary()
    assert result.tracebacks == 0, result.summary()
    assert result.unsaved == [], result.summary()
    assert result.lost == [], result.summary()


def test_rapid_double_clicks_store_the_second_answer(page, server, sme):
    """Two options of one statement clicked at once, on every statement, three times over."""
    token = new_round(server.db_url, sme, "Reinigungsservice Adebayo")
    total, tries = Comparison(), 0
    for rerun in range(3):
        for area_number, area in enumerate(sme.dimensions, start=1):
            open_url(page, questionnaire_url(server, token, area_number))
            for index, item in enumerate(area.items):
                first = (index + rerun) % 5
                second = (first + 1 + rerun) % 6
                wait_idle(page)
                options(page, item.id).nth(first).click()
                options(page, item.id).nth(second).click()  # no wait: the second click wins
                tries += 1
            total.add(check_screen(page, server, token))
    assert tries >= 100
    assert total.compared == tries
    assert_nothing_lost(total)
    assert len(stored_answers(server.db_url, token)) == len(sme.items_by_id)


def test_a_fast_sweep_across_an_area_stores_every_answer(page, server, sme):
    """Every statement of every area clicked 30 ms apart, twice."""
    token = new_round(server.db_url, sme, "Kita Regenbogen gGmbH")
    total = Comparison()
    for sweep in range(2):
        for area_number, area in enumerate(sme.dimensions, start=1):
            open_url(page, questionnaire_url(server, token, area_number))
            for index, item in enumerate(area.items):
                options(page, item.id).nth((index + sweep * 2) % 6).click()
                page.wait_for_timeout(SWEEP_PAUSE_MS)
            total.add(check_screen(page, server, token))
    assert total.compared == 2 * len(sme.items_by_id)
    assert_nothing_lost(total)


def test_a_click_after_a_killed_server_restarts_is_stored(page, server, sme):
    """kill -9, start again on the same port; the open tab reconnects and keeps saving."""
    token = new_round(server.db_url, sme, "Autohaus Kowalski")
    open_url(page, questionnaire_url(server, token))
    items = sme.dimensions[0].items
    for item in items[:3]:
        click(page, options(page, item.id).nth(2))
    assert_nothing_lost(check_screen(page, server, token))

    server.kill()
    page.wait_for_selector(DISCONNECTED, state="attached")
    server.start()
    page.wait_for_selector(CONNECTED, state="attached")  # the tab reconnects by itself
    options(page, items[3].id).nth(1).click()  # at once, as a user who sees the page back
    assert_nothing_lost(check_screen(page, server, token))
    for index, item in enumerate(items[4:6], start=2):
        click(page, options(page, item.id).nth(index))
        assert_nothing_lost(check_screen(page, server, token))
    assert len(stored_answers(server.db_url, token)) == 6


def test_a_write_locked_database_marks_the_answer_unsaved_until_it_is_retried(page, server, sme):
    """Another process holds SQLite's write lock: the answer stays chosen, marked not saved."""
    token = new_round(server.db_url, sme, "Stadtwerke Neustadt")
    open_url(page, questionnaire_url(server, token))
    first, second = sme.dimensions[0].items[:2]
    click(page, options(page, first.id).nth(1))

    with contextlib.closing(sqlite3.connect(server.database, isolation_level=None)) as lock:
        lock.execute("BEGIN IMMEDIATE")
        click(page, options(page, second.id).nth(3))
        marker = page.locator(f'[class*="st-key-unsaved_{second.id}__r"]')
        expect(marker).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(options(page, second.id).nth(3).locator("input")).to_be_checked()
        assert second.id not in stored_answers(server.db_url, token)
        lock.execute("ROLLBACK")

    click(page, marker.get_by_role("button"))
    expect(marker).to_have_count(0)
    result = check_screen(page, server, token)
    assert_nothing_lost(result)
    assert stored_answers(server.db_url, token) == {first.id: 1, second.id: 3}
