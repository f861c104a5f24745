"""Editing the roadmap's data editor in a real Chromium: every change lands in the database.

The editor is a glide-data-grid drawn on a canvas. Besides the picture, glide keeps an
accessible table inside the canvas (`table[role=grid]`, cells `td#glide-cell-<column>-<row>`
for the rows and columns in view). The test moves the grid's selection by focusing those cells
and edits with the keyboard, as a keyboard user would: Enter opens a cell's editor and commits
a text or the option typed into a select box; Shift+Space selects the row and Delete removes
it. Column 0 is the row-marker column; the others follow `column_order` in
`assessment/ui/pages/roadmap.py`.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from assessment.demo import DEMO_QUESTIONNAIRE
from assessment.questionnaire import load_catalogue
from assessment.roadmap import entry_title
from assessment.storage import repository
from assessment.storage.engine import make_engine
from tests.browser.conftest import click, open_url, scroll_to, state_changes, wait_idle, wait_rerun

pytestmark = pytest.mark.browser

# Grid columns (0 is the row marker, then `column_order` of the roadmap page).
TITLE, AREA, PHASE, OWNER, STATUS = 1, 2, 3, 5, 7

OWNER_ROW = 3  # the 4th row: its measure has no owner in the demo
DELETED_ROW = 1  # the 2nd row
OWNER_NAME = "Frau Demir (Ausbildung)"
OWN_TITLE = "Sprachcafé mit der VHS"
OWN_AREA = ("networking", "Kooperation und Vernetzung")
OWN_PHASE = ("0-3", "0–3 Monate")  # the default of a new row
OWN_STATUS = ("open", "offen")
#: How long a focused cell may take to become the selected one before focusing it again.
SELECT_TIMEOUT_MS = 1_000


# -- the data editor ---------------------------------------------------------------------------


def cell(grid, column: int, row: int):
    """A cell of the grid's accessible table (present while it is in view)."""
    return grid.locator(f"#glide-cell-{column}-{row}")


IS_SELECTED = """
(target) => target === document.activeElement
  && target.getAttribute("aria-selected") === "true"
  && target.closest("table").querySelectorAll('td[aria-selected="true"]').length === 1
"""


SELECTION = """
(grid) => ({
  focused: document.activeElement && (document.activeElement.id || document.activeElement.tagName),
  selected: [...grid.querySelectorAll('td[aria-selected="true"]')].map((td) => td.id),
})
"""


def select_cell(page, grid, column: int, row: int, attempts: int = 5):
    """Make a cell the grid's only selected, focused cell; returns its locator.

    Focusing a cell of the accessible table selects it. Glide ignores a second focus of the
    cell it last saw focused, and it may still move the selection on its own (when the grid
    had no selection it selects the first cell on focus; after an edit it selects the edited
    cell). So the test waits for the cell to become the selected one (glide updates its table
    within 200 ms) and, if it does not, focuses another cell and the target again.
    """
    wait_idle(page)
    target = cell(grid, column, row)
    other = cell(grid, TITLE if column != TITLE else AREA, row)
    for _ in range(attempts):
        target.focus()
        if _selected_soon(page, target):
            return target
        other.focus()
        _selected_soon(page, other)
    state = grid.evaluate(SELECTION)
    raise AssertionError(f"could not select the grid cell {column}/{row}: {state}")


def _selected_soon(page, target) -> bool:
    """Whether `target` becomes the grid's only selected, focused cell within a second."""
    try:
        page.wait_for_function(IS_SELECTED, arg=target.element_handle(), timeout=SELECT_TIMEOUT_MS)
    except PlaywrightTimeoutError:
        return False
    return True


def finish_edit(page, grid, column: int, row: int, before: int, text: str, rerun: bool) -> None:
    """Wait until the editor closed and the cell shows `text` (and for the rerun, if any)."""
    expect(page.locator("#portal .gdg-style")).to_have_count(0)
    if rerun:
        wait_rerun(page, before)
    expect(cell(grid, column, row)).to_have_text(text)


def edit_text(page, grid, column: int, row: int, text: str, rerun: bool = True) -> None:
    """Type `text` into a text cell and commit it with Enter."""
    select_cell(page, grid, column, row)
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.fill(text)
    before = state_changes(page)
    editor.press("Enter")
    finish_edit(page, grid, column, row, before, text, rerun)


def choose_option(page, grid, column: int, row: int, label: str, rerun: bool = True) -> None:
    """Open a select-box cell with Enter, type the option's label and take it with Enter."""
    select_cell(page, grid, column, row)
    page.keyboard.press("Enter")
    search = page.locator("#portal").get_by_role("combobox")
    search.fill(label)
    expect(page.locator("#portal").get_by_role("option", name=label, exact=True)).to_be_visible()
    before = state_changes(page)
    search.press("Enter")
    finish_edit(page, grid, column, row, before, label, rerun)


# -- the test ----------------------------------------------------------------------------------


def test_roadmap_edits_are_saved_at_once(page, new_context, server):
    open_url(page, server.url)
    click(page, page.get_by_role("button", name="Demo öffnen"))
    expect(page).to_have_url(re.compile(r"/results\?.*t="))
    token = re.search(r"[?&]t=([^&]+)", page.url).group(1)
    click(page, page.get_by_role("link", name="Roadmap", exact=True))
    expect(page).to_have_url(re.compile(r"/roadmap\?.*t="))
    grid = page.get_by_test_id("stDataFrame")
    expect(grid.locator("table[role=grid]")).to_be_attached()
    scroll_to(page, grid)  # the whole grid in view: its accessible table lists the rows in view

    engine = make_engine(f"sqlite:///{server.database}", migrate=False)
    try:
        round_id = repository.resolve_token(engine, token).round_id
        start = repository.load_plan(engine, round_id)
        assert start is not None and len(start) > OWNER_ROW  # the demo comes with a stored plan
        owned, deleted = start[OWNER_ROW], start[DELETED_ROW]
        assert owned.owner == ""
        q = load_catalogue()[DEMO_QUESTIONNAIRE]
        deleted_title = entry_title(deleted, q, "de")
        expect(cell(grid, TITLE, DELETED_ROW)).to_have_text(deleted_title)
        expect(cell(grid, TITLE, OWNER_ROW)).to_have_text(entry_title(owned, q, "de"))

        # 1. An owner for the 4th measure.
        edit_text(page, grid, OWNER, OWNER_ROW, OWNER_NAME)
        saved = repository.load_plan(engine, round_id)
        assert [e.owner for e in saved if e.measure == owned.measure] == [OWNER_NAME]

        # 2. The 2nd row deleted: select the row (Shift+Space), then Delete.
        select_cell(page, grid, TITLE, DELETED_ROW)
        page.keyboard.press("Shift+Space")
        expect(page.get_by_role("button", name="Delete row(s)")).to_be_attached()
        before = state_changes(page)
        page.keyboard.press("Delete")
        wait_rerun(page, before)
        expect(cell(grid, TITLE, DELETED_ROW)).not_to_have_text(deleted_title)
        assert len(repository.load_plan(engine, round_id)) == len(start) - 1

        # 3. An own measure in a new row: stored as soon as it has a title (first area, first
        # phase, open), then moved to another area.
        new_row = len(start) - 1
        grid.hover()  # the toolbar shows while the pointer is over the table
        click(page, page.get_by_role("button", name="Add row"), rerun=False)
        expect(cell(grid, TITLE, new_row)).to_be_attached()
        edit_text(page, grid, TITLE, new_row, OWN_TITLE)
        own = [e for e in repository.load_plan(engine, round_id) if e.measure is None]
        first_area = q.dimensions[0].id
        assert [(e.title, e.area, e.phase, e.status) for e in own] == [
            (OWN_TITLE, first_area, OWN_PHASE[0], OWN_STATUS[0])
        ]
        choose_option(page, grid, AREA, new_row, OWN_AREA[1])
        wait_idle(page)

        plan = repository.load_plan(engine, round_id)
    finally:
        engine.dispose()

    assert plan is not None
    assert len(plan) == len(start)
    by_measure = {entry.measure: entry for entry in plan if entry.measure}
    assert by_measure[owned.measure].owner == OWNER_NAME
    assert deleted.measure not in by_measure
    own = [entry for entry in plan if entry.measure is None]
    assert [(e.title, e.area, e.phase, e.status) for e in own] == [
        (OWN_TITLE, OWN_AREA[0], OWN_PHASE[0], OWN_STATUS[0])
    ]
    untouched = [e for e in start if e.measure not in {owned.measure, deleted.measure}]
    assert [e for e in plan if e.measure in {u.measure for u in untouched}] == untouched

    # A new browser on the same link shows the stored plan.
    url = page.url
    fresh = new_context().new_page()
    open_url(fresh, url)
    fresh_grid = fresh.get_by_test_id("stDataFrame")
    expect(fresh_grid.locator("table[role=grid]")).to_be_attached()
    scroll_to(fresh, fresh_grid)
    expect(fresh_grid.locator("td", has_text=OWNER_NAME)).to_have_count(1)
    expect(fresh_grid.locator("td", has_text=OWN_TITLE)).to_have_count(1)
    expect(fresh_grid.locator("td", has_text=deleted_title)).to_have_count(0)
