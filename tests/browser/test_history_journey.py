"""A year later: the organisation link starts the next round (its date edited), the comparison
page shows the overlay and the deltas, and the history's Excel file reads back."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.conftest import click, newest, open_url, wait_idle
from tests.browser.test_journeys import give_answer, next_area, start_new_check

pytestmark = pytest.mark.browser

NAME = "Stadtbibliothek Görlitz"
#: Statements answered per area in each round (the first ones of the area).
PER_AREA = 2


def _answer_rounds_statements(page, q, option: int) -> None:
    """Answer the first statements of every area with `option`, area by area."""
    for area_index, area in enumerate(q.dimensions):
        for item in area.items[:PER_AREA]:
            give_answer(page, q, item.id, option)
        if area_index < len(q.dimensions) - 1:
            next_area(page, area_index)


def _organisation_link(page) -> str:
    wait_idle(page)
    box = page.get_by_test_id("stVerticalBlock").filter(has_text="Ihr Organisationslink").last
    link = box.get_by_test_id("stCode").inner_text().strip()
    assert re.fullmatch(r"https?://\S+/organisation\?t=[\w-]+&lang=de", link), link
    return link


def _set_date(page, label: str, day: dt.date) -> None:
    """Type a date into a date field segment by segment (day, month, year)."""
    for segment, value in (("day", f"{day.day:02d}"), ("month", f"{day.month:02d}"),
                           ("year", str(day.year))):  # fmt: skip
        field = page.get_by_role("spinbutton", name=f"{segment}, {label}")
        field.click()
        field.press_sequentially(value)
    expect(page.get_by_role("spinbutton", name=f"year, {label}")).to_have_text(str(day.year))


def test_a_year_later_the_next_round_shows_what_changed_and_exports_excel(page, server):
    q = newest("kmu")
    start_new_check(page, server, NAME)
    owner_link = _organisation_link(page)
    _answer_rounds_statements(page, q, option=1)

    open_url(page, owner_link)
    expect(page.get_by_role("heading", name="Organisation und Verlauf")).to_be_visible()
    click(page, page.get_by_text("Nächste Runde starten"), rerun=False)
    today = dt.date.today()
    next_day = dt.date(today.year + 1, today.month, 28 if today.day != 28 else 27)
    _set_date(page, "Datum der Runde", next_day)
    page.get_by_label("Bezeichnung der Runde").fill("Check ein Jahr später")
    click(page, page.get_by_role("button", name="Runde starten"))
    expect(page.get_by_text("Die neue Runde ist angelegt.")).to_be_visible(timeout=20_000)
    click(page, page.get_by_role("button", name="Zum Fragebogen"))
    expect(page.get_by_text("Bereich 1 von 5")).to_be_visible()
    _answer_rounds_statements(page, q, option=3)

    open_url(page, owner_link)
    rows = page.get_by_test_id("stDataFrame").first
    expect(rows).to_contain_text(next_day.strftime("%d.%m.%Y"))
    click(page, page.get_by_role("link", name="Runden im Detail vergleichen"))
    expect(page.get_by_role("heading", name="Runden vergleichen")).to_be_visible()
    later = page.get_by_role("combobox", name="Jetzt")
    expect(later).to_have_value(f"Check ein Jahr später · {next_day:%d.%m.%Y}")
    earlier = page.get_by_role("combobox", name="Vorher")
    expect(earlier).to_have_value(re.compile(rf" · {today:%d.%m.%Y}$"))
    radar = page.get_by_test_id("stVegaLiteChart").first
    expect(radar.locator("canvas, svg").first).to_be_visible()
    legend = radar.get_by_text("Vorrunde")
    expect(legend.first).to_be_attached()
    deltas = page.get_by_test_id("stDataFrame").first
    expect(deltas).to_contain_text("+50,0")
    expect(deltas).to_contain_text("↑ verbessert")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("50,0 Punkte")

    click(page, page.get_by_role("link", name="Zur Organisationsseite"))
    excel = page.get_by_test_id("stDownloadButton").filter(has_text="Excel-Datei herunterladen")
    wait_idle(page)
    with page.expect_download(timeout=60_000) as download_info:
        excel.locator("button").click()
    data = download_info.value.path().read_bytes()
    book = load_workbook(io.BytesIO(data), read_only=True)
    assert book.sheetnames[:2] == ["Runden", "Handlungsfelder"]
    rounds = list(book["Runden"].iter_rows(values_only=True))
    assert rounds[0][0] == "Runde" and [r[0] for r in rounds[1:]] == [
        "Check ein Jahr später",
        rounds[2][0],
    ]
    assert rounds[1][1] == next_day.strftime("%d.%m.%Y")
    areas = list(book["Handlungsfelder"].iter_rows(values_only=True))
    assert len(areas) == 1 + 2 * len(q.dimensions)
    by_round = {}
    for label, _date, area, score, _target in areas[1:]:
        by_round.setdefault(label, {})[area] = score
    first = next(label for label in by_round if label != "Check ein Jahr später")
    for title in (d.title("de") for d in q.dimensions):
        assert by_round["Check ein Jahr später"][title] - by_round[first][title] == 50.0
