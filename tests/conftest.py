"""Shared test helpers: fixture paths, the mini questionnaire, the CLI as a child process, PDFs."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine

from assessment.questionnaire import QUESTIONNAIRE_DIR_ENV, Questionnaire, load_questionnaire
from assessment.responses import ResponseFile
from assessment.storage.engine import make_engine
from tests.databases import backends, database_url

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
#: A small questionnaire (scale 0..4) whose figures the tests compute by hand.
MINI = FIXTURES / "mini.yaml"


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF, whitespace collapsed (line breaks become spaces)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def run_cli(*args: str, questionnaires: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m assessment …` in a child process from the repository root."""
    env = {k: v for k, v in os.environ.items() if k != QUESTIONNAIRE_DIR_ENV}
    env["PYTHONIOENCODING"] = "utf-8"
    if questionnaires is not None:
        env[QUESTIONNAIRE_DIR_ENV] = str(questionnaires)
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def sparse_self_check(q: Questionnaire, name: str = "Bäckerei Lindner") -> ResponseFile:
    """The issue's first scenario: area 1 all "not applicable", two HR statements fully in
    place (the scale's top), everything else blank: 2 statements rated."""
    first, hr = q.dimensions[0], q.dimensions[1]
    answers: dict[str, int | None] = dict.fromkeys((i.id for i in first.items), None)
    answers.update(dict.fromkeys((i.id for i in hr.items[:2]), q.scale_max))
    return _self_check(q, name, answers)


def all_na_self_check(q: Questionnaire, name: str = "Praxis Ohne Wertung") -> ResponseFile:
    """A self-check whose every answer is "not applicable": answers given, nothing rated."""
    return _self_check(q, name, {i.id: None for d in q.dimensions for i in d.items})


def _self_check(q: Questionnaire, name: str, answers: dict[str, int | None]) -> ResponseFile:
    return ResponseFile.model_validate(
        {
            "questionnaire": {"id": q.id, "version": q.version},
            "organisation": {"name": name, "size": "10-49"},
            "round": {"label": "Selbstcheck 2026", "date": "2026-03-02", "mode": "self"},
            "respondents": [{"id": "p1", "answers": answers}],
        }
    )


@pytest.fixture(scope="module")
def mini() -> Questionnaire:
    """The mini questionnaire of tests/fixtures/mini.yaml."""
    return load_questionnaire(MINI)


@pytest.fixture
def mini_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A questionnaire folder holding only mini.yaml, used by the CLI in this process."""
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    monkeypatch.setenv(QUESTIONNAIRE_DIR_ENV, str(folder))
    return folder


@pytest.fixture(params=backends())
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty, unmigrated database: SQLite, and PostgreSQL when configured."""
    with database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated, empty database on each backend of `db_url`, disposed after the test."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()
