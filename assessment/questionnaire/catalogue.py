"""The questionnaire folder: every file in it (archive included) and what new rounds offer."""

from __future__ import annotations

import os
from pathlib import Path

from assessment.questionnaire.loading import QuestionnaireError, is_quick_check, load_questionnaire
from assessment.questionnaire.model import Questionnaire

QUESTIONNAIRE_DIR = Path(__file__).resolve().parent.parent.parent / "questionnaires"
#: Environment variable naming another folder of questionnaire files (tests, own catalogues).
QUESTIONNAIRE_DIR_ENV = "VIELFALTSKOMPASS_QUESTIONNAIRES"


def questionnaire_dir() -> Path:
    """The folder of questionnaire files: $VIELFALTSKOMPASS_QUESTIONNAIRES or the shipped one."""
    return Path(os.environ.get(QUESTIONNAIRE_DIR_ENV) or QUESTIONNAIRE_DIR)


#: Earlier versions, kept so that files exported from old rounds can still be read.
ARCHIVE = "archive"


def questionnaire_files(directory: Path | None = None) -> list[Path]:
    """All questionnaire files in `directory` (default: questionnaire_dir()) and its archive."""
    folder = directory or questionnaire_dir()
    return sorted(folder.glob("*.yaml")) + sorted((folder / ARCHIVE).glob("*.yaml"))


def load_catalogue(directory: Path | None = None) -> dict[tuple[str, str], Questionnaire]:
    """Every questionnaire by (id, version), archived versions included."""
    catalogue: dict[tuple[str, str], Questionnaire] = {}
    found_in: dict[tuple[str, str], Path] = {}
    files = questionnaire_files(directory)
    # Full checks first, so that a quick check finds its base among them.
    quick = [p for p in files if is_quick_check(p)]
    for path in [p for p in files if p not in quick] + quick:
        q = load_questionnaire(path, lambda id_, version: catalogue.get((id_, version)))
        key = (q.id, q.version)
        if key in catalogue:
            raise QuestionnaireError(
                str(path), [("id", f"questionnaire {q.id} {q.version} is also in {found_in[key]}")]
            )
        catalogue[key], found_in[key] = q, path
    return catalogue


def offered(catalogue: dict[tuple[str, str], Questionnaire]) -> list[Questionnaire]:
    """The newest version of each questionnaire, by id: what a new round can be started with."""
    newest: dict[str, Questionnaire] = {}
    for q in catalogue.values():
        if q.id not in newest or _version_key(q.version) > _version_key(newest[q.id].version):
            newest[q.id] = q
    return [newest[id_] for id_ in sorted(newest)]


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
