"""Fixtures for AppTest: a fresh SQLite database per test and helpers to reach a page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
from assessment.questionnaire import load_catalogue
from assessment.storage import engine as storage_engine
from assessment.storage import repository as repo
from tests.conftest import ROOT

PAGES = "assessment/ui/pages"


@pytest.fixture
def db_url(tmp_path, monkeypatch) -> str:
    """A new SQLite database file that the app under test uses."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("VIELFALTSKOMPASS_DB_URL", url)
    monkeypatch.chdir(ROOT)
    return url


@pytest.fixture
def engine(db_url):
    """The engine of the test database (the same one the app opens)."""
    return storage_engine.get_engine(db_url)


@pytest.fixture
def demo_token(engine) -> str:
    """A stored demo round (a session of several); returns its facilitator's token."""
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    return repo.import_round(engine, demo_response(q), q).admin_token


def open_app(token: str | None = None, page: str | None = None, lang: str | None = None) -> AppTest:
    """Run the app (optionally with a token, on a given page) and return the test handle."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if token:
        at.query_params["t"] = token
    if lang:
        at.query_params["lang"] = lang
    at.run()
    if page:
        at.switch_page(f"{PAGES}/{page}").run()
    return at
