"""A workshop: a facilitator creates an anonymous session; five participants join by the join
link in their own browser contexts and answer differently; the facilitator view shows nothing
of the group below three submissions, then the group and its disagreement, never a name; the
group agrees, and the facilitator downloads the group's PDF."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessment.questionnaire import load_catalogue
from tests.browser.conftest import click, open_url, save_screenshot, wait_idle
from tests.conftest import pdf_text

pytestmark = pytest.mark.browser

#: The option each participant picks for the first statements: far apart on purpose.
CHOICES = (0, 4, 2, 1, 3)
COMMENTS = ("Bei uns fehlt das völlig", "Läuft gut", "Teils, teils", "Kaum bekannt", "Meist ja")
#: The live part refreshes every few seconds; a loaded machine may need a few rounds.
REFRESH_TIMEOUT_MS = 30_000
PHONE = {"width": 390, "height": 844}
NOTE = "Leitbild im Herbst gemeinsam mit dem Betriebsrat überarbeiten"


def _questionnaire():
    return min(load_catalogue().values(), key=lambda q: q.id)  # the start page's first choice


def _create_session(page, server) -> tuple[str, str]:
    """Create an anonymous session on the start page; returns (join link, join code)."""
    open_url(page, f"{server.url}/")
    click(page, page.get_by_text("Workshop / Gruppensitzung"), rerun=False)
    form = page.get_by_test_id("stForm")
    form.get_by_label("Name der Organisation").fill("Kita Sonnenschein")
    click(page, page.get_by_role("button", name="Gruppensitzung anlegen"))
    expect(page.get_by_role("heading", name="Moderation", exact=True)).to_be_visible()
    wait_idle(page)
    codes = page.get_by_test_id("stCode").all_inner_texts()
    link = next(text.strip() for text in codes if "/join?t=" in text)
    code = page.get_by_test_id("stMarkdown").filter(
        has_text=re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}$")
    )
    return link, code.first.inner_text().strip()


def _join(page, link: str) -> None:
    """Open the join link (the one behind the QR code) and join: anonymous, nothing asked."""
    open_url(page, link)
    expect(page.get_by_text("Sie nehmen anonym teil", exact=False)).to_be_visible()
    expect(page.get_by_label("Name (freiwillig)")).to_have_count(0)
    if page.viewport_size["width"] < 500:
        save_screenshot(page, "group_session_join_390")
    click(page, page.get_by_role("button", name="Jetzt teilnehmen"))
    expect(page.get_by_text("Bereich 1 von 5", exact=True)).to_be_visible()


def _answer(page, items: list[str], option: int, comment: str) -> None:
    for item in items:
        radio = page.locator(f'[class*="st-key-answer_{item}__r"]')
        click(page, radio.get_by_test_id("stRadioOption").nth(option))
    field = page.locator(f'[class*="st-key-comment_{items[0]}__r"] input')
    field.fill(comment)
    field.press("Enter")
    wait_idle(page)


def _submit(page) -> None:
    click(page, page.get_by_role("button", name="Antworten abgeben"))
    expect(page.get_by_text("Abgegeben – vielen Dank!", exact=False)).to_be_visible()


def _submitted_shown(facilitator, submitted: int, joined: int) -> None:
    """Wait until the live part (refreshed on its own) shows `submitted / joined`."""
    metric = facilitator.get_by_test_id("stMetricValue").filter(has_text=f"{submitted} / {joined}")
    expect(metric).to_be_visible(timeout=REFRESH_TIMEOUT_MS)


def test_a_workshop_shows_the_group_only_from_three_submissions(server, new_context) -> None:
    facilitator = new_context().new_page()
    link, code = _create_session(facilitator, server)
    assert "-" in code and not set(code) & set("0O1lI")
    first_area = _questionnaire().dimensions[0]
    items = [item.id for item in first_area.items[:3]]
    people = [new_context().new_page() for _ in CHOICES]
    people[1].set_viewport_size(PHONE)  # one joins on a phone
    for page, option, comment in zip(people, CHOICES, COMMENTS, strict=True):
        _join(page, link)
        _answer(page, items, option, comment)

    for page in people[:2]:
        _submit(page)
    _submitted_shown(facilitator, 2, 5)
    expect(facilitator.get_by_text("es fehlen noch 1", exact=False)).to_be_visible()
    for withheld in ("Gruppenergebnis (Mittelwerte)", "Streuung der Antworten", "Kommentare"):
        expect(facilitator.get_by_text(withheld, exact=True)).to_have_count(0)
    for comment in COMMENTS:
        expect(facilitator.get_by_text(comment)).to_have_count(0)

    _submit(people[2])
    expect(facilitator.get_by_text("Gruppenergebnis (Mittelwerte)")).to_be_visible(
        timeout=REFRESH_TIMEOUT_MS
    )
    expect(facilitator.get_by_text("Vereinbarung je Bereich")).to_be_visible()  # a full rerun
    wait_idle(facilitator)
    expect(facilitator.get_by_text("Diskussionspunkt").first).to_be_visible()
    expect(facilitator.get_by_text("Streuung der Antworten")).to_be_visible()
    for comment in COMMENTS[:3]:
        expect(facilitator.get_by_text(comment, exact=True)).to_be_visible()
    expect(facilitator.get_by_text(COMMENTS[3], exact=True)).to_have_count(0)  # not submitted

    area = first_area.title("de")
    click(facilitator, facilitator.get_by_role("tab", name=area))  # only the open tab is drawn
    panel = facilitator.get_by_role("tabpanel", name=area)
    expect(panel.get_by_test_id("stVegaLiteChart")).to_have_count(1)
    click(facilitator, facilitator.get_by_role("tab", name="Alle Bereiche"))

    # What the facilitator types survives the live part's refresh after the next submission.
    note = facilitator.get_by_label("Notiz zum Bereich").first
    note.fill(NOTE)
    _submit(people[3])
    _submitted_shown(facilitator, 4, 5)
    expect(note).to_have_value(NOTE)
    body = facilitator.get_by_test_id("stMain").inner_text()
    assert not re.search(r"\bP[1-5]\b", body)  # no participant label, name or role anywhere
    save_screenshot(facilitator, "group_session_facilitator_1400")

    facilitator.get_by_label("Konsens (leer = Mittelwert)").first.fill("55")
    click(facilitator, facilitator.get_by_role("button", name="Vereinbarung speichern"))
    expect(note).to_have_value(NOTE)
    wait_idle(facilitator)
    with facilitator.expect_download(timeout=60_000) as download_info:
        facilitator.get_by_role("button", name="Gruppen-Roadmap als PDF").click()
    download = download_info.value
    assert download.suggested_filename == "gruppen-roadmap-kita-sonnenschein.pdf"
    text = pdf_text(download.path().read_bytes())
    assert "5 Personen sind der Sitzung beigetreten, 4 haben ihre Antworten abgegeben" in text
    assert NOTE in text and "Konsens" in text
    save_screenshot(people[1], "group_session_participant_390")
