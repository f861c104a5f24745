"""An answer click reruns only the area's answer list; moving to another area reruns the page.

The questionnaire page logs (at DEBUG, which the test server runs at) each run of its body and
of the answer list's fragment; the test counts those lines in the server's log around a click.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from assessment.questionnaire import load_catalogue
from tests.browser.conftest import click, open_url, save_screenshot, wait_idle
from tests.browser.no_loss import SETTLE_POLL_S, SETTLE_TIMEOUT_S, new_round, stored_answers

pytestmark = pytest.mark.browser

PAGE_RUN = re.compile(r"questionnaire page drawn: respondent (\d+), area (\S+)")
LIST_RUN = re.compile(r"answer list drawn: respondent (\d+), area (\S+)")


class LogCounter:
    """The page and answer-list runs the server logged since the last `mark()`."""

    def __init__(self, server):
        self.server = server
        self.offset = 0

    def mark(self) -> None:
        self.offset = self.server.log.stat().st_size

    def runs(self) -> tuple[list[str], list[str]]:
        """(areas of page runs, areas of answer-list runs) since the mark."""
        with self.server.log.open("rb") as log:
            log.seek(self.offset)
            text = log.read().decode(errors="replace")
        pages = [match.group(2) for match in PAGE_RUN.finditer(text)]
        lists = [match.group(2) for match in LIST_RUN.finditer(text)]
        return pages, lists


def options(page, item_id: str):
    return page.locator(f'[class*="st-key-answer_{item_id}__r"]').get_by_test_id("stRadioOption")


def test_an_answer_reruns_only_the_answer_list_and_the_next_area_reruns_the_page(page, server):
    q = load_catalogue()[("verwaltung", "1.0")]
    first, second = q.dimensions[:2]
    token = new_round(server.db_url, q, "Jobcenter Musterstadt")
    open_url(page, f"{server.url}/questionnaire?t={token}&area=1")
    counter = LogCounter(server)

    for index, item in enumerate(first.items[:4]):
        counter.mark()
        click(page, options(page, item.id).nth(index % 5))
        assert counter.runs() == ([], [first.id]), "only the answer list ran"

    progress = page.get_by_test_id("stProgress")
    expect(progress).to_contain_text(f"4 von {len(q.items_by_id)} Aussagen beantwortet")
    expect(progress).to_contain_text(f"noch {len(first.items) - 4} offen")

    counter.mark()
    click(page, page.get_by_role("button", name="Nächster Bereich"))
    wait_idle(page)
    assert counter.runs() == ([second.id], [second.id]), "moving on runs the page once"
    area_pills = page.get_by_test_id("stMainBlockContainer").get_by_test_id("stButtonGroup")
    expect(area_pills).to_contain_text(f"{first.title('de')} · {len(first.items) - 4} offen")
    assert len(stored_answers(server.db_url, token)) == 4


def test_quick_clicks_on_different_statements_are_all_stored(page, server):
    """Ten clicks on different statements without waiting: every answer reaches the database."""
    q = load_catalogue()[("verwaltung", "1.0")]
    token = new_round(server.db_url, q, "Landratsamt Beispielkreis")
    area = max(q.dimensions, key=lambda found: len(found.items))
    number = q.dimensions.index(area) + 1
    open_url(page, f"{server.url}/questionnaire?t={token}&area={number}")
    clicks = [*area.items, area.items[0]][:10]
    for index, item in enumerate(clicks):
        options(page, item.id).nth((index + 2) % 5).click()  # no wait for the app in between
    expected = {item.id: (index + 2) % 5 for index, item in enumerate(clicks)}
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while True:  # the queued statement runs may not all have started when the page is idle
        wait_idle(page)
        stored = stored_answers(server.db_url, token)
        if stored == expected or time.monotonic() > deadline:
            break
        page.wait_for_timeout(SETTLE_POLL_S * 1000)
    assert stored == expected


def test_hints_open_under_every_statement_and_options_stack_on_a_phone(new_context, server):
    q = load_catalogue()[("kmu", "1.0")]
    token = new_round(server.db_url, q, "Bäckerei Yılmaz")
    page = new_context().new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    open_url(page, f"{server.url}/questionnaire?t={token}&area=2")
    area = q.dimensions[1]
    item = area.items[0]
    expect(page.get_by_text(item.hint("de"), exact=False)).to_have_count(0)
    click(page, page.get_by_text("Unter jeder Aussage zeigen, wie gute Praxis aussieht"))
    for shown in area.items:
        expect(page.get_by_text(shown.hint("de"), exact=False).first).to_be_visible()
    boxes = [option.bounding_box() for option in options(page, item.id).all()]
    lefts = {round(box["x"]) for box in boxes}
    tops = [box["y"] for box in boxes]
    assert len(lefts) == 1 and tops == sorted(tops), "one column in scale order"
    save_screenshot(page, "questionnaire-phone-hints")
