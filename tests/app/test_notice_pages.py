"""The privacy and legal notice pages: the defaults, the operator's texts, a missing file."""

from __future__ import annotations

import pytest

from assessment.notices import IMPRINT_FILE_ENV, PRIVACY_FILE_ENV
from tests.app.conftest import open_app


@pytest.fixture(autouse=True)
def no_operator_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PRIVACY_FILE_ENV, raising=False)
    monkeypatch.delenv(IMPRINT_FILE_ENV, raising=False)


def markdown_text(at) -> str:
    return "\n".join(block.value for block in at.markdown)


@pytest.mark.parametrize(
    ("lang", "title", "fact"),
    [("de", "Datenschutz", "Wie lange"), ("en", "Privacy", "For how long")],
)
def test_the_default_privacy_notice_is_shown(db_url, lang, title, fact):
    at = open_app(page="privacy.py", lang=lang)
    assert not at.exception, at.exception
    assert at.title[0].value == title
    assert fact in markdown_text(at) and "SHA-256" in markdown_text(at)


def test_the_default_imprint_asks_the_operator_for_the_text(db_url):
    at = open_app(page="imprint.py")
    assert at.title[0].value == "Impressum"
    assert IMPRINT_FILE_ENV in markdown_text(at)


def test_the_operator_texts_replace_the_defaults(db_url, tmp_path, monkeypatch):
    (tmp_path / "impressum.de.md").write_text("Landkreis Beispiel, Amtsweg 2", encoding="utf-8")
    (tmp_path / "impressum.en.md").write_text("Beispiel District, Amtsweg 2", encoding="utf-8")
    (tmp_path / "dsgvo.md").write_text(
        "Verantwortlich: Landkreis Beispiel <script>alert(1)</script>", encoding="utf-8"
    )
    monkeypatch.setenv(IMPRINT_FILE_ENV, str(tmp_path / "impressum.{lang}.md"))
    monkeypatch.setenv(PRIVACY_FILE_ENV, str(tmp_path / "dsgvo.md"))
    german = open_app(page="imprint.py")
    assert markdown_text(german) == "Landkreis Beispiel, Amtsweg 2"
    english = open_app(page="imprint.py", lang="en")
    assert english.title[0].value == "Legal notice"
    assert markdown_text(english) == "Beispiel District, Amtsweg 2"
    privacy = open_app(page="privacy.py")
    assert "Landkreis Beispiel" in markdown_text(privacy)
    assert not any(block.allow_html for block in privacy.markdown)  # the file's HTML stays text
    assert "Wie lange" not in markdown_text(privacy)


def test_a_missing_operator_file_says_so_instead_of_the_default(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv(PRIVACY_FILE_ENV, str(tmp_path / "fehlt.md"))
    at = open_app(page="privacy.py")
    assert not at.exception, at.exception
    assert "hinterlegte Datei fehlt" in at.error[0].value
    assert "Wie lange" not in markdown_text(at)


def test_the_start_page_links_both_notices(db_url):
    at = open_app()
    links = {link.label for link in at.get("page_link")}
    assert {"Datenschutz", "Impressum"} <= links
