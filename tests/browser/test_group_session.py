"""A workshop: a facilitator creates an anonymous session; three participants join in their
own browser contexts, answer differently and submit; the facilitator view fills in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessment.questionnaire import load_catalogue
from tests.browser.conftest import click, open_url, save_screenshot, wait_idle

pytestmark = pytest.mark.browser

#: The option each participant picks for the first statements: far apart on purpose.
CHOICES = (0, 4, 2)
COMMENTS = ("Bei uns fehlt das völlig", "Läuft gut", "Teils, teils")
REFRESH_TIMEOUT_MS = 20_000
PHONE = {"width": 390, "height": 844}  # the live part refreshes every few seconds


def _items():
    q = min(load_catalogue().values(), key=lambda q: q.id)  # the start page's first choice
    return [item.id for item in q.dimensions[0].items[:3]]


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


def _join(page, server, link: str, code: str, by_code: bool) -> None:
    if by_code:  # typed on the start page, as from a projector
        open_url(page, f"{server.url}/")
        page.get_by_label("Teilnahmecode oder Einladungslink").fill(code.lower())
        click(page, page.get_by_role("button", name="Teilnehmen", exact=True))
    else:  # the link behind the QR code
        open_url(page, link)
    expect(page.get_by_text("Sie nehmen anonym teil", exact=False)).to_be_visible()
    expect(page.get_by_label("Name (freiwillig)")).to_have_count(0)
    if page.viewport_size["width"] < 500:
        save_screenshot(page, "group_session_join_390")
    click(page, page.get_by_role("button", name="Jetzt teilnehmen"))
    expect(page.get_by_text("Bereich 1 von 5", exact=True)).to_be_visible()


def _answer_and_submit(page, items: list[str], option: int, comment: str) -> None:
    for item in items:
        radio = page.locator(f'[class*="st-key-answer_{item}__r"]')
        click(page, radio.get_by_test_id("stRadioOption").nth(option))
    field = page.locator(f'[class*="st-key-comment_{items[0]}__r"] input')
    field.fill(comment)
    field.press("Enter")
    wait_idle(page)
    click(page, page.get_by_role("button", name="Antworten abgeben"))
    expect(page.get_by_text("Abgegeben – vielen Dank!", exact=False)).to_be_visible()


def test_a_workshop_shows_the_group_only_from_three_submissions(server, new_context) -> None:
    facilitator = new_context().new_page()
    link, code = _create_session(facilitator, server)
    assert "-" in code and not set(code) & set("0O1lI")
    items = _items()
    people = [new_context().new_page() for _ in CHOICES]
    people[1].set_viewport_size(PHONE)  # one joins on a phone
    for number, page in enumerate(people):
        _join(page, server, link, code, by_code=number == 0)

    for page, option, comment in list(zip(people, CHOICES, COMMENTS, strict=True))[:2]:
        _answer_and_submit(page, items, option, comment)
    expect(
        facilitator.get_by_text("2 von 3 Teilnehmenden haben abgegeben", exact=False)
    ).to_be_visible(timeout=REFRESH_TIMEOUT_MS)
    expect(facilitator.get_by_text("Gruppenergebnis (Mittelwerte)")).to_have_count(0)
    expect(facilitator.get_by_text(COMMENTS[0])).to_have_count(0)

    _answer_and_submit(people[2], items, CHOICES[2], COMMENTS[2])
    expect(facilitator.get_by_text("Gruppenergebnis (Mittelwerte)")).to_be_visible(
        timeout=REFRESH_TIMEOUT_MS
    )
    wait_idle(facilitator)
    expect(facilitator.get_by_text("Diskussionspunkt").first).to_be_visible()
    expect(facilitator.get_by_text("Streuung der Antworten")).to_be_visible()
    expect(facilitator.get_by_text("Vereinbarung je Bereich")).to_be_visible()  # a full rerun
    for comment in COMMENTS:
        expect(facilitator.get_by_text(comment, exact=True)).to_be_visible()
    body = facilitator.get_by_test_id("stMain").inner_text()
    assert not re.search(r"\bP[123]\b", body)  # no participant label, name or role anywhere
    save_screenshot(facilitator, "group_session_facilitator_1400")
    facilitator.set_viewport_size(PHONE)
    wait_idle(facilitator)
    save_screenshot(facilitator, "group_session_facilitator_390")
    save_screenshot(people[1], "group_session_participant_390")
