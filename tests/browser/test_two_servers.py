"""Two app servers on one PostgreSQL database: what one stores, the other shows on its next rerun.

Each `streamlit run` process keeps only sessions and caches keyed by the round's revision, so a
change written through one server must appear on the other without a reload and without a stale
cached score. Needs $VIELFALTSKOMPASS_TEST_PG_URL (fails without it in CI).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from assessment.questionnaire import Questionnaire, load_catalogue
from assessment.responses import Organisation
from assessment.storage import repository as repo
from assessment.storage.engine import make_engine
from tests.browser.conftest import StreamlitServer, _free_port, click, open_url, wait_idle
from tests.databases import pg_schema, require_pg_url

pytestmark = pytest.mark.browser

NA = "Weiß nicht"


@pytest.fixture(scope="module")
def sme() -> Questionnaire:
    return load_catalogue()[("kmu", "1.0")]


@pytest.fixture(scope="module")
def shared_db() -> Iterator[str]:
    """A fresh PostgreSQL schema, migrated, that both servers use."""
    with pg_schema(require_pg_url()) as url:
        make_engine(url).dispose()
        yield url


@pytest.fixture(scope="module")
def servers(shared_db: str, tmp_path_factory) -> Iterator[tuple[StreamlitServer, ...]]:
    """Two app servers on different ports and the same database."""
    folder = tmp_path_factory.mktemp("two-servers")
    started = []
    try:
        for name in ("a", "b"):
            server = StreamlitServer(_free_port(), shared_db, folder / f"{name}.log")
            server.start()
            started.append(server)
        yield tuple(started)
    finally:
        for server in started:
            server.stop()


def metric(page, label: str) -> str:
    """The value of the metric with this label."""
    wait_idle(page)
    box = page.get_by_test_id("stMetric").filter(has_text=label)
    return box.get_by_test_id("stMetricValue").inner_text().strip()


def test_an_answer_given_through_one_server_shows_on_the_other(
    new_context, servers, shared_db: str, sme: Questionnaire
) -> None:
    first, second = servers
    engine = make_engine(shared_db)
    new = repo.create_round(
        engine, sme, Organisation(name="Pflegedienst Demir"), "R", dt.date.today()
    )
    strategy, hr = sme.dimensions[0].items[0], sme.dimensions[1].items[0]
    repo.save_answer(engine, new.respondent_id, strategy.id, 4)

    results = new_context().new_page()
    open_url(results, f"{second.url}/results?t={new.admin_token}")
    total = sum(len(area.items) for area in sme.dimensions)
    assert metric(results, "Bewertete Aussagen") == f"1 / {total}"
    overall_before = metric(results, "Gesamtwert")
    assert overall_before.startswith("100")

    respondent = new_context().new_page()
    open_url(respondent, f"{first.url}/questionnaire?t={new.respondent_token}&area=2")
    option = (
        respondent.locator(f'[class*="st-key-answer_{hr.id}__r"]')
        .get_by_test_id("stRadioOption")
        .filter(has_text=sme.scale[0].label("de"))
    )
    click(respondent, option)
    assert repo.respondent_answers(engine, new.respondent_id) == {strategy.id: 4, hr.id: 0}

    # The next rerun of the other server's session (a page switch, no reload) shows it.
    click(results, results.get_by_role("link", name="Roadmap", exact=True))
    click(results, results.get_by_role("link", name="Ergebnisse", exact=True))
    expect(
        results.get_by_test_id("stMetric").filter(has_text="Bewertete Aussagen")
    ).to_contain_text(f"2 / {total}")
    overall_after = metric(results, "Gesamtwert")
    print(f"\noverall on the second server: {overall_before} -> {overall_after}")
    assert overall_after != overall_before
    engine.dispose()
