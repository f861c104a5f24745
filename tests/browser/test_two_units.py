"""Two units in a real Chromium: the organisation link adds them, each answers a round through
its own link, and the organisation's units view shows both side by side and the heatmap."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import rounds
from assessment.storage import engine as storage_engine
from tests.browser.conftest import click, open_url, save_screenshot, wait_idle
from tests.browser.test_journeys import give_answer, next_area

pytestmark = pytest.mark.browser

ORG = Organisation(name="Jobcenter Musterkreis", kind="Behörde", sector="Arbeitsmarkt")
#: The option every answered statement of a unit gets: Nord far ahead of Süd.
UNITS = {"Standort Nord": 4, "Standort Süd": 1}
#: Statements answered per area (enough for a score in every area).
PER_AREA = 2
PHONE = {"width": 390, "height": 844}
#: The organisation's own round, which no unit link shows.
ORG_ROUND = "Erstcheck Kreisverwaltung"


def _organisation(server) -> str:
    """An organisation with a first self-check; returns its organisation link's token."""
    engine = storage_engine.get_engine(server.db_url)
    q = load_catalogue()[("kmu", "1.0")]
    started = rounds.start_self_check(engine, q, ORG, ORG_ROUND, dt.date(2025, 3, 1))
    return started.owner_token


def _add_unit(page, name: str) -> str:
    """Add a unit on the organisation page; returns the link shown once."""
    expander = page.get_by_text("Einheit anlegen (Standort, Fachbereich, Geschäftsstelle)")
    click(page, expander, rerun=False)
    page.get_by_label("Name der Einheit").fill(name)
    click(page, page.get_by_role("button", name="Einheit anlegen", exact=True))
    expect(page.get_by_text(f"Link für „{name}“", exact=False)).to_be_visible()
    link = page.get_by_test_id("stCode").last.inner_text().strip()
    assert re.fullmatch(r"https?://\S+/organisation\?t=[\w-]+&lang=de", link), link
    return link


def _answer_a_round(page, link: str, option: int) -> None:
    """Open a unit's link, start its first round and answer some statements of every area."""
    open_url(page, link)
    expect(page.get_by_text("Für diese Organisation gibt es noch keine Runde")).to_be_visible()
    click(page, page.get_by_role("button", name="Runde starten"))
    expect(page.get_by_text("Die neue Runde ist angelegt.")).to_be_visible()
    click(page, page.get_by_role("button", name="Zum Fragebogen"))
    expect(page.get_by_text("Bereich 1 von 5", exact=True)).to_be_visible()
    q = min(load_catalogue().values(), key=lambda q: (q.id, q.version))  # the form's first
    for area_index, area in enumerate(q.dimensions):
        for item in area.items[:PER_AREA]:
            give_answer(page, q, item.id, option)
        if area_index < len(q.dimensions) - 1:
            next_area(page, area_index)


def _fits_its_container(chart) -> None:
    """The chart's drawing is no wider than its element (nothing clipped on a phone)."""
    drawn = chart.locator("canvas, svg").first
    expect(drawn).to_be_visible()
    box, outer = drawn.bounding_box(), chart.bounding_box()
    assert box is not None and outer is not None
    assert box["width"] <= outer["width"] + 1, (box, outer)
    assert box["x"] + box["width"] <= PHONE["width"], (box, PHONE)


def test_two_units_answer_through_their_links_and_show_side_by_side(page, server):
    owner = _organisation(server)
    open_url(page, f"{server.url}/organisation?t={owner}&lang=de")
    links = {name: _add_unit(page, name) for name in UNITS}
    expect(page.get_by_role("heading", name="Einheiten", exact=True)).to_be_visible()
    for name, option in UNITS.items():
        _answer_a_round(page, links[name], option)
    # A unit's link sees its own round only.
    open_url(page, links["Standort Süd"])
    rounds_table = page.get_by_test_id("stDataFrame").first
    expect(rounds_table.locator("table[role=grid]")).to_be_attached()
    expect(rounds_table).to_contain_text("Check")
    expect(rounds_table).not_to_contain_text(ORG_ROUND)
    expect(page.get_by_role("heading", name="Einheiten", exact=True)).to_have_count(0)

    open_url(page, f"{server.url}/units?t={owner}&lang=de")
    expect(page.get_by_role("heading", name="Einheiten im Vergleich")).to_be_visible()
    side = page.get_by_test_id("stDataFrame").first
    expect(side.locator("table[role=grid]")).to_be_attached()
    expect(side).to_contain_text("Standort Nord")
    expect(side).to_contain_text("Standort Süd")
    expect(page.get_by_role("heading", name="Einheiten × Handlungsfelder")).to_be_visible()
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(3)  # a radar per unit and the heatmap
    heatmap = charts.last
    expect(heatmap.locator("canvas, svg").first).to_be_visible()
    wait_idle(page)
    save_screenshot(page, "units_view")
    page.set_viewport_size(PHONE)
    wait_idle(page)
    expect(page.get_by_role("heading", name="Einheiten × Handlungsfelder")).to_be_visible()
    _fits_its_container(heatmap)
    save_screenshot(page, "units_view_390")
    with page.expect_download() as download:
        click(page, page.get_by_role("button", name="Excel-Datei herunterladen"), rerun=False)
    assert download.value.suggested_filename == "vielfaltskompass-einheiten.xlsx"
    with open(download.value.path(), "rb") as file:  # the saved download has no extension
        book = load_workbook(file)
    latest = list(book["Einheiten"].iter_rows(values_only=True))
    assert [row[0] for row in latest[1:]] == ["Standort Nord", "Standort Süd"]
    assert [row[5] for row in latest[1:]] == [100.0, 25.0]
