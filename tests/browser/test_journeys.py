"""Journeys through the running app in a real Chromium: answer, resume, restart, download."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessment.questionnaire import Questionnaire
from tests.browser.conftest import (
    DOCS,
    click,
    docs_screenshots_wanted,
    newest,
    open_url,
    save_screenshot,
    scroll_to,
    state_changes,
    wait_idle,
    wait_rerun,
)
from tests.conftest import pdf_text

pytestmark = pytest.mark.browser

SME_TITLE = "Vielfaltskompass für kleine und mittlere Unternehmen"
DEMO_COMPANY = "Elektro Brandt & Yıldız GmbH"
#: The organisation of the full journey; its pages are saved as screenshots.
SCREENSHOT_NAME = "Tischlerei Nowak & Kaya"
NA = "Weiß nicht"
NOT_APPLICABLE = "Trifft nicht zu"
#: The radio's options in display order: the scale values 0..4, then N/A.
NA_INDEX = 5


@pytest.fixture(scope="module")
def sme() -> Questionnaire:
    return newest("kmu")  # what the start page offers


def answer_pattern(area_index: int, item_index: int) -> int:
    """A deterministic answer (option index 0..5, 5 = "don't know") for every statement."""
    if (item_index + area_index) % 6 == 4:
        return NA_INDEX
    return (item_index * 3 + area_index) % 5


def option_labels(q: Questionnaire) -> list[str]:
    return [level.label("de") for level in q.scale] + [NA, NOT_APPLICABLE]


# -- page steps --------------------------------------------------------------------------------


def start_new_check(page, server, name: str, region: str = "Leipzig, Sachsen") -> str:
    """From the start page through the profile to the questionnaire; returns the token."""
    open_url(page, server.url)
    sme_option = page.get_by_test_id("stRadioOption").filter(has_text=SME_TITLE)
    wait_idle(page)
    if not sme_option.locator("input").is_checked():  # choosing the selected one: no rerun
        click(page, sme_option)
    expect(sme_option.locator("input")).to_be_checked()
    click(page, page.get_by_role("button", name="Neuen Check starten"))
    expect(page.get_by_role("heading", name="Profil Ihrer Organisation")).to_be_visible()
    wait_idle(page)
    if name == SCREENSHOT_NAME:
        save_screenshot(page, "profile")
    page.get_by_label("Name der Organisation").fill(name)
    page.get_by_label("Region").fill(region)
    click(page, page.get_by_role("button", name="Check anlegen und starten"))
    expect(page).to_have_url(re.compile(r"/questionnaire\?.*t="))
    expect(page.get_by_text("Bereich 1 von 5")).to_be_visible()
    return re.search(r"[?&]t=([^&]+)", page.url).group(1)


def radio(page, item_id: str):
    """A statement's answer radio (its key ends with the respondent)."""
    return page.locator(f'[class*="st-key-answer_{item_id}__r"]')


def comment_field(page, item_id: str):
    """A statement's comment field (its key ends with the respondent)."""
    return page.locator(f'[class*="st-key-comment_{item_id}__r"] input')


def give_answer(page, q: Questionnaire, item_id: str, option: int) -> None:
    label = option_labels(q)[option]
    click(page, radio(page, item_id).get_by_test_id("stRadioOption").filter(has_text=label))


def give_comment(page, item_id: str, text: str) -> None:
    wait_idle(page)
    field = comment_field(page, item_id)
    field.fill(text)
    before = state_changes(page)
    field.press("Enter")  # Streamlit commits a text input on Enter or blur
    wait_rerun(page, before)


def checked_option(page, item_id: str) -> int | None:
    """The index of the selected option of a statement's radio, or None."""
    wait_idle(page)
    value = (
        radio(page, item_id)
        .locator("input[type=radio]")
        .evaluate_all(
            "inputs => { const c = inputs.find(i => i.checked); return c ? c.value : null; }"
        )
    )
    return None if value is None else int(value)


def next_area(page, step: int) -> None:
    click(page, page.get_by_role("button", name="Nächster Bereich →"))
    expect(page.get_by_text(f"Bereich {step + 2} von 5", exact=True)).to_be_visible()


def answer_area(page, q: Questionnaire, area_index: int, count: int | None = None) -> dict:
    """Answer the first `count` statements of an area; returns {item id: option index}."""
    given = {}
    for item_index, item in enumerate(q.dimensions[area_index].items[:count]):
        option = answer_pattern(area_index, item_index)
        give_answer(page, q, item.id, option)
        given[item.id] = option
    return given


def private_link(page) -> str:
    """The resume link from the code block under "Ihr privater Link"."""
    wait_idle(page)
    # The innermost block holding the title is the bordered box; it comes last in DOM order.
    box = page.get_by_test_id("stVerticalBlock").filter(has_text="Ihr privater Link").last
    link = box.get_by_test_id("stCode").inner_text().strip()
    assert re.fullmatch(r"https?://\S+/questionnaire\?t=[\w-]+&lang=de", link), link
    return link


def assert_answers_shown(page, q: Questionnaire, given: dict, comments: dict) -> None:
    """Step through the areas from the first and check every answer and comment is selected."""
    for area_index, area in enumerate(q.dimensions):
        expect(page.get_by_text(f"Bereich {area_index + 1} von 5", exact=True)).to_be_visible()
        for item in area.items:
            assert checked_option(page, item.id) == given.get(item.id), item.id
            expect(comment_field(page, item.id)).to_have_value(comments.get(item.id, ""))
        later = q.dimensions[area_index + 1 :]
        if not any(i.id in given for d in later for i in d.items):
            break
        next_area(page, area_index)
    answered = len(given)
    total = len(q.items_by_id)
    expect(page.get_by_text(f"{answered} von {total} Aussagen beantwortet")).to_be_visible()


def expected_overall(q: Questionnaire, given: dict) -> float:
    """The overall score the core computes for one respondent's answers (option indexes)."""
    import pandas as pd

    from assessment.scoring import score_rounds

    rows = [
        ("current", "p1", item, None if option == NA_INDEX else float(option))
        for item, option in given.items()
    ]
    answers = pd.DataFrame(rows, columns=["round", "respondent", "item", "value"])
    return float(score_rounds(answers, q).overall.iloc[0].score)


# -- journeys ----------------------------------------------------------------------------------


def test_new_user_answers_everything_and_downloads_the_roadmap(page, server, sme):
    name = SCREENSHOT_NAME
    open_url(page, server.url)
    expect(page.get_by_role("heading", name="Vielfaltskompass", exact=True)).to_be_visible()
    save_screenshot(page, "start")

    start_new_check(page, server, name)
    expect(page.get_by_text(f"{name} · Selbstcheck")).to_be_visible()
    given = {}
    for area_index in range(len(sme.dimensions)):
        given |= answer_area(page, sme, area_index)
        if area_index == 0:
            save_screenshot(page, "questionnaire")
            if docs_screenshots_wanted():  # the statements, without the private link above
                scroll_to(page, page.get_by_test_id("stProgress"), margin=32)
                save_screenshot(page, "questionnaire", full_page=False, folder=DOCS)
        if area_index + 1 < len(sme.dimensions):
            next_area(page, area_index)
    total = len(sme.items_by_id)
    expect(page.get_by_text(f"{total} von {total} Aussagen beantwortet")).to_be_visible()

    click(page, page.get_by_role("button", name="Zu den Ergebnissen →"))
    expect(page).to_have_url(re.compile(r"/results\?"))
    expect(page.get_by_role("heading", name="Ergebnisse", exact=True)).to_be_visible()
    overall = f"{expected_overall(sme, given):.0f} / 100"
    expect(page.get_by_test_id("stMetric").filter(has_text="Gesamtwert")).to_contain_text(overall)
    scored = sum(1 for option in given.values() if option != NA_INDEX)
    expect(page.get_by_test_id("stMetric").filter(has_text="Bewertete Aussagen")).to_contain_text(
        f"{scored} / {total}"
    )
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts.first).to_be_visible()
    expect(charts.first.locator("canvas, svg").first).to_be_visible()
    save_screenshot(page, "results")

    click(page, page.get_by_role("link", name=re.compile("Zur Roadmap")))
    expect(page).to_have_url(re.compile(r"/roadmap\?"))
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    save_screenshot(page, "roadmap")
    pdf_button = page.get_by_test_id("stDownloadButton").filter(has_text="Roadmap als PDF")
    wait_idle(page)
    with page.expect_download(timeout=60_000) as download_info:
        pdf_button.locator("button").click()
    download = download_info.value
    assert download.suggested_filename == "roadmap-tischlerei-nowak-kaya.pdf"
    data = download.path().read_bytes()
    assert data.startswith(b"%PDF")
    assert name in pdf_text(data)


def test_half_answered_check_resumes_in_a_new_browser(page, new_context, server, sme):
    start_new_check(page, server, "Pflegedienst Sonnenschein")
    given = answer_area(page, sme, 0)
    first = sme.dimensions[0].items[1].id
    comments = {first: "Leitbild ist in Arbeit – „Vielfalt“ & Co."}
    give_comment(page, first, comments[first])
    next_area(page, 0)
    given |= answer_area(page, sme, 1)
    next_area(page, 1)
    given |= answer_area(page, sme, 2, count=len(sme.dimensions[2].items) // 2)
    third = sme.dimensions[2].items[0].id
    comments[third] = "Schulung geplant"
    give_comment(page, third, comments[third])
    link = private_link(page)

    fresh = new_context().new_page()
    open_url(fresh, link)
    assert_answers_shown(fresh, sme, given, comments)


def test_answers_survive_a_server_restart(page, new_context, server, sme):
    start_new_check(page, server, "Bäckerei Özdemir")
    given = answer_area(page, sme, 0, count=5)
    item = sme.dimensions[0].items[2].id
    comments = {item: "Nach dem Neustart noch da?"}
    give_comment(page, item, comments[item])
    link = private_link(page)

    server.restart()

    fresh = new_context().new_page()
    open_url(fresh, link)
    assert_answers_shown(fresh, sme, given, comments)


def test_markup_in_the_organisation_name_is_shown_as_text(page, server):
    dialogs = []

    def record(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    name = "<img src=x onerror=alert(1)>"
    start_new_check(page, server, name)
    expect(page.get_by_text(name).first).to_be_visible()
    assert page.locator('img[src="x"]').count() == 0

    click(page, page.get_by_role("link", name="Start", exact=True))
    expect(page.get_by_text(name).first).to_be_visible()
    assert page.locator('img[src="x"]').count() == 0
    # Every image has loaded or failed: an `onerror` handler would have run by now.
    page.wait_for_function("() => [...document.images].every((image) => image.complete)")
    wait_idle(page)
    assert dialogs == []


def test_demo_shows_results_and_roadmap(page, server):
    open_url(page, server.url)
    click(page, page.get_by_role("button", name="Demo öffnen"))
    expect(page).to_have_url(re.compile(r"/results\?.*t="))
    expect(page.get_by_role("heading", name="Ergebnisse", exact=True)).to_be_visible()
    expect(page.get_by_text(DEMO_COMPANY).first).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Gesamtwert")).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Antwortende")).to_contain_text("3")
    expect(
        page.get_by_test_id("stVegaLiteChart").first.locator("canvas, svg").first
    ).to_be_visible()
    save_screenshot(page, "demo-results")
    if docs_screenshots_wanted():
        save_screenshot(page, "results", full_page=False, folder=DOCS)

    click(page, page.get_by_role("link", name=re.compile("Zur Roadmap")))
    expect(page.get_by_text(DEMO_COMPANY).first).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(3)
    save_screenshot(page, "demo-roadmap")

    # The demo opens with the facilitator's link of a group round: it answers nothing itself.
    click(page, page.get_by_role("link", name="Fragebogen", exact=True))
    expect(page.get_by_text("nicht einen eigenen Fragebogen")).to_be_visible()
    expect(page.get_by_test_id("stRadio")).to_have_count(0)
