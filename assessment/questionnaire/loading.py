"""Read one questionnaire file (YAML) into a validated Questionnaire, with readable errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from pydantic import ValidationError

from assessment import limits
from assessment.problems import PATH_MARK, FileProblems
from assessment.questionnaire.model import Questionnaire
from assessment.questionnaire.quick_check import QuickCheckProblem, resolve_quick_check
from assessment.questionnaire.yaml_source import DuplicateKey, load_yaml


class QuestionnaireError(FileProblems):
    """A questionnaire file that cannot be read or is invalid: `file: path.in.file: message`."""


#: Finds the full check a quick check is based on: (id, version) -> questionnaire or None.
BaseLookup = Callable[[str, str], "Questionnaire | None"]


def parse_questionnaire(
    text: str, file: str = "<text>", bases: BaseLookup | None = None
) -> Questionnaire:
    """Parse YAML text into a Questionnaire or raise QuestionnaireError.

    A quick check (a file with `based_on`) is resolved against the full check `bases` finds.
    """
    too_large = limits.size_problem(text)
    if too_large:
        raise QuestionnaireError(file, [("", too_large)])
    try:
        data = _load_yaml(text, file)
    except RecursionError:
        raise QuestionnaireError(file, [("", limits.TOO_DEEP)]) from None
    if not isinstance(data, dict):
        raise QuestionnaireError(file, [("", "expected a mapping at the top of the file")])
    too_deep = limits.depth_problem(data)
    if too_deep:
        raise QuestionnaireError(file, [("", too_deep)])
    try:
        if "based_on" in data:
            try:
                data = resolve_quick_check(data, bases or (lambda _id, _version: None))
            except QuickCheckProblem as exc:
                raise QuestionnaireError(file, [(exc.path, exc.message)]) from None
        return Questionnaire.model_validate(data)
    except ValidationError as exc:
        raise QuestionnaireError(file, validation_problems(exc)) from None


def _load_yaml(text: str, file: str) -> object:
    try:
        return load_yaml(text)
    except DuplicateKey as exc:
        raise QuestionnaireError(
            file, [(f"line {exc.line}, column {exc.column}", str(exc))]
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise QuestionnaireError(file, [(where, f"invalid YAML: {problem}")]) from None


def validation_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """Turn pydantic errors into (dotted path, message) pairs."""
    problems = []
    for err in exc.errors():
        path = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if msg.startswith(PATH_MARK):
            # Cross-checks name their own path ("@measures.3.items: …"); join it to the location.
            inner, msg = msg[len(PATH_MARK) :].split(": ", 1)
            path = f"{path}.{inner}" if path else inner
        problems.append((path, msg))
    return problems


def load_questionnaire(path: str | Path, bases: BaseLookup | None = None) -> Questionnaire:
    """Read and validate one questionnaire file (a quick check's base is found beside it)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionnaireError(str(path), [("", f"cannot read file: {exc}")]) from None
    return parse_questionnaire(text, str(path), bases or _beside(path))


def _beside(path: Path) -> BaseLookup:
    """Looks a full check up among the files in the folder of `path` (quick checks skipped)."""

    def lookup(id_: str, version: str) -> Questionnaire | None:
        for other in sorted(path.parent.glob("*.yaml")):
            if other.resolve() == path.resolve() or is_quick_check(other):
                continue
            try:
                q = load_questionnaire(other)
            except QuestionnaireError:
                continue  # a broken neighbour is reported when it is checked itself
            if (q.id, q.version) == (id_, version):
                return q
        return None

    return lookup


def is_quick_check(path: Path) -> bool:
    """Whether the file is a quick check (has `based_on`); unreadable files are not."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, DuplicateKey):
        return False
    return isinstance(data, dict) and "based_on" in data
