"""Privacy and legal notice texts: the operator's file per language, else the shipped default."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.notices import (
    IMPRINT_FILE_ENV,
    MAX_BYTES,
    PRIVACY_FILE_ENV,
    NoticeUnreadable,
    default_path,
    load_notice,
    without_remote_images,
)


@pytest.fixture(autouse=True)
def no_operator_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PRIVACY_FILE_ENV, raising=False)
    monkeypatch.delenv(IMPRINT_FILE_ENV, raising=False)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_default_privacy_notice_says_what_how_long_and_how_to_delete(lang: str) -> None:
    notice = load_notice("privacy", lang)
    assert not notice.from_operator
    assert notice.path == default_path("privacy", lang)
    text = notice.markdown
    for fact in ("SHA-256", "_streamlit_xsrf", "Art. 6", "Art. 17", "Art. 77"):
        assert fact in text
    headings = {
        "de": ["## Was gespeichert wird", "## Wie lange", "## Wie Sie Daten löschen lassen"],
        "en": ["## What is stored", "## For how long", "## How to have data deleted"],
    }[lang]
    assert all(heading in text for heading in headings)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_default_imprint_names_the_variable_to_set(lang: str) -> None:
    assert IMPRINT_FILE_ENV in load_notice("imprint", lang).markdown


def test_an_unknown_language_gets_the_german_default() -> None:
    assert load_notice("privacy", "fr").path == default_path("privacy", "de")


def test_the_operator_file_replaces_the_default_per_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "impressum.de.md").write_text("Stadt Musterstadt, Rathausplatz 1", "utf-8")
    (tmp_path / "impressum.en.md").write_text("City of Musterstadt, Rathausplatz 1", "utf-8")
    monkeypatch.setenv(IMPRINT_FILE_ENV, str(tmp_path / "impressum.{lang}.md"))
    german, english = load_notice("imprint", "de"), load_notice("imprint", "en")
    assert german.from_operator and german.markdown == "Stadt Musterstadt, Rathausplatz 1"
    assert english.markdown == "City of Musterstadt, Rathausplatz 1"
    assert not load_notice("privacy", "de").from_operator  # each notice has its own variable


def test_one_operator_file_serves_every_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "privacy.md").write_text("# Datenschutz\n\nVerantwortlich: Jobcenter X", "utf-8")
    monkeypatch.setenv(PRIVACY_FILE_ENV, str(tmp_path / "privacy.md"))
    assert load_notice("privacy", "en").markdown.endswith("Verantwortlich: Jobcenter X")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "cannot be read"),
        (b"  \n", "empty"),
        (b"\xff\xfe caf\xe9", "not UTF-8"),
        (b"x" * (MAX_BYTES + 1), "a notice has at most"),
    ],
)
def test_an_unusable_operator_file_is_named_and_no_default_stands_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | None, problem: str
) -> None:
    path = tmp_path / "privacy.md"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setenv(PRIVACY_FILE_ENV, str(path))
    with pytest.raises(NoticeUnreadable, match=problem) as raised:
        load_notice("privacy", "de")
    assert str(path) in str(raised.value)


def test_images_from_other_hosts_become_their_alt_text() -> None:
    markdown = (
        "Logo: ![Stadtwappen](https://example.org/wappen.png) und ![Siegel](//cdn.example/s.png)"
        " und ![lokal](app/static/icon.png)"
    )
    assert without_remote_images(markdown) == (
        "Logo: Stadtwappen und Siegel und ![lokal](app/static/icon.png)"
    )
