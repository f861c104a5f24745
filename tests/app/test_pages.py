"""Every page renders, with and without a round, in both languages."""

from __future__ import annotations

import pytest

from tests.app.conftest import open_app

PAGES = ["start.py", "profile.py", "questionnaire.py", "results.py", "roadmap.py", "catalogue.py"]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_demo_round(page, lang, demo_token):
    at = open_app(demo_token, page, lang)
    assert not at.exception, at.exception
    assert at.title or at.header, "every page shows a heading"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_round(page, db_url):
    at = open_app(page=page)
    assert not at.exception, at.exception


@pytest.mark.parametrize("page", ["questionnaire.py", "results.py", "roadmap.py"])
def test_round_pages_need_a_valid_link(page, db_url):
    at = open_app("not-a-real-token", page)
    assert not at.exception
    assert any("ungültig" in info.value for info in at.info)
    assert not at.radio and not at.metric


def test_language_switch_changes_texts(demo_token):
    at = open_app(demo_token, "results.py")
    assert at.title[0].value == "Ergebnisse"
    at.button_group(key="lang_choice").set_value("en").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Results"
    assert at.metric[0].label == "Overall score"
    assert at.query_params["lang"] == "en"
