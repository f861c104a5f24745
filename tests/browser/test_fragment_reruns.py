"""An answer click reruns only the area's answer list; moving to another area reruns the page.

The counting test runs `counting_app.py`: the app with counters of the page body's runs and
of the answer list's runs in session state, each shown where its run draws it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from assessment.questionnaire import load_catalogue
from tests.browser.conftest import (
    StreamlitServer,
    _free_port,
    click,
    open_url,
    save_screenshot,
    wait_idle,
)
from tests.browser.counting_app import LIST_RUNS, PAGE_RUNS
from tests.browser.no_loss import SETTLE_POLL_S, SETTLE_TIMEOUT_S, new_round, stored_answers

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def counting_server(tmp_path_factory) -> Iterator[StreamlitServer]:
    """The app with run counters, on its own port and database."""
    folder = tmp_path_factory.mktemp("counting")
    app = StreamlitServer(
        _free_port(), folder / "app.db", folder / "server.log", "tests/browser/counting_app.py"
    )
    app.start()
    yield app
    app.stop()


def options(page, item_id: str):
    return page.locator(f'[class*="st-key-answer_{item_id}__r"]').get_by_test_id("stRadioOption")


def runs(page) -> tuple[int, int]:
    """(page body runs, answer list runs) as the screen shows them."""
    return tuple(int(page.locator(f".st-key-{key}").inner_text()) for key in (PAGE_RUNS, LIST_RUNS))


def test_an_answer_reruns_only_the_answer_list_and_the_next_area_reruns_the_page(
    page, counting_server
):
    server = counting_server
    q = load_catalogue()[("verwaltung", "1.0")]
    first, second = q.dimensions[:2]
    token = new_round(server.db_url, q, "Jobcenter Musterstadt")
    open_url(page, f"{server.url}/questionnaire?t={token}&area=1")
    assert runs(page) == (1, 1)

    for index, item in enumerate(first.items[:4]):
        click(page, options(page, item.id).nth(index % 5))
        assert runs(page) == (1, 2 + index), "only the answer list ran"
    expect(options(page, first.items[3].id).nth(3).locator("input")).to_be_checked()

    progress = page.get_by_test_id("stProgress")
    expect(progress).to_contain_text(f"4 von {len(q.items_by_id)} Aussagen beantwortet")
    expect(progress).to_contain_text(f"noch {len(first.items) - 4} offen")

    click(page, page.get_by_role("button", name="Nächster Bereich"))
    assert runs(page) == (2, 6), "moving on runs the page and its answer list once"
    expect(page.get_by_role("heading", name=second.title("de"))).to_be_visible()
    area_pills = page.get_by_test_id("stMainBlockContainer").get_by_test_id("stButtonGroup")
    expect(area_pills).to_contain_text(f"{first.title('de')} · {len(first.items) - 4} offen")
    assert len(stored_answers(server.db_url, token)) == 4


def test_quick_clicks_on_different_statements_are_all_stored(page, server):
    """Ten clicks without waiting (all nine statements of an area, then the first changed).

    Every answer reaches the database, the last one of the first statement included.
    """
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
