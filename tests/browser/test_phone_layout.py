"""Results, questionnaire and roadmap at a phone's width (390 px) and at 1400 px in Chromium.

Each page is saved as a screenshot under /tmp/vielfaltskompass-screens (look at them after a
change to the layout). At every width nothing may stick out sideways: the document is no wider
than the window, every chart's drawing fits inside its own element and the main column, and
nothing is drawn on a chart's outermost pixel columns (where a label would be cut off).
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from playwright.sync_api import expect

from assessment.storage import repository
from assessment.storage.engine import make_engine
from tests.browser.conftest import (
    click,
    newest,
    open_url,
    save_screenshot,
    scroll_to,
    state_changes,
    wait_idle,
)
from tests.browser.test_journeys import option_labels, radio, start_new_check
from tests.browser.test_roadmap_editing import (
    AREA,
    IS_SELECTED,
    OWNER,
    OWNER_ROW,
    cell,
    finish_edit,
    select_cell,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}
SCREENS = Path("/tmp/vielfaltskompass-screens")

# The document's width, the window's, and for every chart: its drawing's box against the
# chart element's and the main column's right edge (all in CSS pixels).
OVERFLOW = """
() => {
  // Drawn (not blank) pixels on the canvas's outermost columns: a label cut off at an edge.
  const edgeInk = (canvas) => {
    const context = canvas.getContext("2d");
    let ink = 0;
    for (const x of [0, canvas.width - 1]) {
      const pixels = context.getImageData(x, 0, 1, canvas.height).data;
      for (let i = 0; i < pixels.length; i += 4) {
        const light = Math.min(pixels[i], pixels[i + 1], pixels[i + 2]);
        if (pixels[i + 3] > 0 && light < 200) ink += 1;
      }
    }
    return ink;
  };
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const edge = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
  const scroller = document.querySelector('[data-testid="stMain"]');
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map((el) => {
    const drawing = el.querySelector("canvas, svg");
    const box = drawing.getBoundingClientRect();
    return {
      left: box.left, right: box.right, width: box.width,
      holder: el.getBoundingClientRect().right, column: edge,
      edgeInk: drawing.tagName === "CANVAS" ? edgeInk(drawing) : null,
    };
  });
  return {
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    window: window.innerWidth,
    main: [scroller.scrollWidth, scroller.clientWidth],
    charts,
  };
}
"""


def assert_fits(page) -> dict:
    """Nothing wider than the window; every chart inside its element and the main column."""
    wait_idle(page)
    sizes = page.evaluate(OVERFLOW)
    assert sizes["document"] <= sizes["window"], sizes
    assert sizes["body"] <= sizes["window"], sizes
    assert sizes["main"][0] <= sizes["main"][1], sizes  # Streamlit's own scroll container
    for chart in sizes["charts"]:
        assert chart["left"] >= 0, sizes
        assert chart["right"] <= chart["holder"] + 1, sizes
        assert chart["right"] <= chart["column"] + 1, sizes
        assert chart["edgeInk"] in (0, None), sizes  # nothing cut off at the sides
    return sizes


def open_demo(page, server) -> None:
    open_url(page, server.url)
    click(page, page.get_by_role("button", name="Demo öffnen"))
    expect(page).to_have_url(re.compile(r"/results\?.*t="))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1400"])
def test_results_and_roadmap_fit_the_window(page, server, viewport):
    page.set_viewport_size(viewport)
    open_demo(page, server)
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(2)
    expect(charts.first.locator("canvas, svg").first).to_be_visible()
    save_screenshot(page, f"results-{viewport['width']}", folder=SCREENS)
    sizes = assert_fits(page)
    assert len(sizes["charts"]) == 2

    token = re.search(r"[?&]t=([^&]+)", page.url).group(1)
    # The facilitator's page of the same group round: its charts fit as well.
    open_url(page, f"{server.url}/facilitator?t={token}&lang=de")
    expect(page.get_by_test_id("stVegaLiteChart").first.locator("canvas, svg")).to_be_visible()
    save_screenshot(page, f"facilitator-{viewport['width']}", folder=SCREENS)
    assert_fits(page)
    open_url(page, f"{server.url}/results?t={token}&lang=de")

    # The link under the results: on a phone the sidebar with the navigation is closed.
    click(page, page.get_by_role("link", name=re.compile("Zur Roadmap")))
    grid = page.get_by_test_id("stDataFrame")
    expect(grid.locator("table[role=grid]")).to_be_attached()
    owner = f"Herr Kaya ({viewport['width']} px)"
    set_owner_by_keyboard(page, grid, OWNER_ROW, owner)
    engine = make_engine(f"sqlite:///{server.database}", migrate=False)
    try:
        round_id = repository.resolve_token(engine, token).round_id
        assert repository.load_plan(engine, round_id)[OWNER_ROW].owner == owner
    finally:
        engine.dispose()
    save_screenshot(page, f"roadmap-{viewport['width']}", folder=SCREENS)
    assert_fits(page)


def set_owner_by_keyboard(page, grid, row: int, owner: str) -> None:
    """From a row's area cell to its owner with the arrow keys (the grid scrolls along on a
    phone, where the owner column starts outside the view), then type the owner."""
    scroll_to(page, grid)
    select_cell(page, grid, AREA, row)
    for _ in range(OWNER - AREA):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(IS_SELECTED, arg=cell(grid, OWNER, row).element_handle())
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.fill(owner)
    before = state_changes(page)
    editor.press("Enter")
    finish_edit(page, grid, OWNER, row, before, owner, rerun=True)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1400"])
def test_questionnaire_fits_the_window(page, server, viewport):
    page.set_viewport_size(viewport)
    start_new_check(page, server, f"Bäckerei Lindner {viewport['width']}")
    save_screenshot(page, f"questionnaire-{viewport['width']}", folder=SCREENS)
    assert_fits(page)
    q = newest("kmu")
    options = radio(page, q.dimensions[0].items[0].id).get_by_test_id("stRadioOption")
    expect(options).to_have_count(len(option_labels(q)))
    boxes = options.evaluate_all(
        "els => els.map(el => { const b = el.getBoundingClientRect();"
        " return {x: b.left, y: b.top, text: el.innerText.trim()}; })"
    )
    # Read as a page is read (rows from the top, each from the left): the scale's order.
    reading = sorted(boxes, key=lambda b: (round(b["y"]), b["x"]))
    assert [b["text"] for b in reading] == option_labels(q)
    if viewport == PHONE:  # one option per line, no zig-zag
        tops = [b["y"] for b in boxes]
        assert all(later > earlier for earlier, later in pairwise(tops))
        assert len({round(b["x"]) for b in boxes}) == 1
