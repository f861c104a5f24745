"""Schema of a questionnaire file and a loader that reports readable errors."""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from assessment import limits
from assessment.problems import FileProblems

QUESTIONNAIRE_DIR = Path(__file__).resolve().parent.parent / "questionnaires"
#: Environment variable naming another folder of questionnaire files (tests, own catalogues).
QUESTIONNAIRE_DIR_ENV = "VIELFALTSKOMPASS_QUESTIONNAIRES"

#: The five areas of intercultural opening, in the order every questionnaire uses.
AREA_IDS: tuple[str, ...] = ("strategy", "hr", "training", "services", "networking")

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Lang = Literal["de", "en"]

#: Training topics of a measure; their labels are the texts `topic.<id>` (assessment/locales).
TrainingTopic = Literal[
    "identity",
    "racism",
    "stereotypes",
    "language",
    "cultural_awareness",
    "conflict",
    "anti_discrimination",
    "perception",
    "intercultural_communication",
    "diversity",
]


_PATH_MARK = "@"


def _problem(path: str, message: str) -> ValueError:
    """A cross-check failure that names the path in the file where it is."""
    return ValueError(f"{_PATH_MARK}{path}: {message}")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Frozen):
    """A text in German and English."""

    de: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        """Return the text in `lang` (German for anything but "en")."""
        return self.en if lang == "en" else self.de


class ScaleLevel(_Frozen):
    value: int = Field(ge=0)
    label: Text
    description: Text


class Stage(_Frozen):
    id: Slug
    min: float = Field(ge=0, le=100)
    max: float = Field(ge=0, le=100)
    name: Text
    description: Text


class Item(_Frozen):
    id: Slug
    weight: float = Field(default=1.0, gt=0)
    statement: Text
    hint: Text


class Dimension(_Frozen):
    id: Slug
    weight: float = Field(default=1.0, gt=0)
    title: Text
    intro: Text
    items: list[Item] = Field(min_length=1)


class Measure(_Frozen):
    id: Slug
    dimension: Slug
    title: Text
    description: Text
    horizon: int = Field(ge=1, le=24, description="months until the measure shows effect")
    effort: int = Field(ge=1, le=3, description="1 low, 2 medium, 3 high")
    impact: int = Field(ge=1, le=3, description="1 low, 2 medium, 3 high")
    applies_below: float = Field(ge=0, le=100)
    items: list[Slug] = Field(default_factory=list)
    topics: list[TrainingTopic] = Field(default_factory=list)
    keep_up: bool = Field(default=False, description="suited to areas already at target")
    requires: list[Slug] = Field(
        default_factory=list, description="measures that must come first (same or earlier phase)"
    )


class Questionnaire(_Frozen):
    """A complete questionnaire: scale, stages, the five areas with items, measures."""

    id: Slug
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)*$")]
    audience: Slug
    title: Text
    description: Text
    scale: list[ScaleLevel] = Field(min_length=2)
    stages: list[Stage] = Field(min_length=2)
    dimensions: list[Dimension]
    measures: list[Measure] = Field(min_length=1)

    @model_validator(mode="after")
    def _cross_check(self) -> Questionnaire:
        values = [level.value for level in self.scale]
        if values != list(range(len(values))):
            raise _problem("scale", "values must run 0, 1, 2, … without gaps, in order")
        _check_stage_bands(self.stages)
        ids = [d.id for d in self.dimensions]
        if tuple(ids) != AREA_IDS:
            raise _problem(
                "dimensions", f"must be exactly {list(AREA_IDS)} in this order, got {ids}"
            )
        _check_unique((f"stages.{n}.id", s.id) for n, s in enumerate(self.stages))
        _check_unique(
            (f"dimensions.{d}.items.{i}.id", item.id)
            for d, dimension in enumerate(self.dimensions)
            for i, item in enumerate(dimension.items)
        )
        _check_unique((f"measures.{n}.id", m.id) for n, m in enumerate(self.measures))
        item_area = {i.id: d.id for d in self.dimensions for i in d.items}
        for n, measure in enumerate(self.measures):
            if measure.dimension not in ids:
                raise _problem(
                    f"measures.{n}.dimension", f"unknown dimension {measure.dimension!r}"
                )
            for item_id in measure.items:
                if item_id not in item_area:
                    raise _problem(f"measures.{n}.items", f"unknown item {item_id!r}")
                if item_area[item_id] != measure.dimension:
                    raise _problem(
                        f"measures.{n}.items",
                        f"item {item_id!r} belongs to "
                        f"{item_area[item_id]!r}, not {measure.dimension!r}",
                    )
        _check_requires(self.measures)
        return self

    @property
    def scale_max(self) -> int:
        """Highest answer value."""
        return self.scale[-1].value

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        """Every item by its id."""
        return {i.id: i for d in self.dimensions for i in d.items}

    @cached_property
    def item_dimension(self) -> dict[str, str]:
        """The area id of every item."""
        return {i.id: d.id for d in self.dimensions for i in d.items}

    @cached_property
    def dimensions_by_id(self) -> dict[str, Dimension]:
        """Every area by its id."""
        return {d.id: d for d in self.dimensions}

    @cached_property
    def measures_by_id(self) -> dict[str, Measure]:
        """Every measure by its id."""
        return {m.id: m for m in self.measures}

    @cached_property
    def fingerprint(self) -> str:
        """Short hash of the content, stored with a round so later edits are noticed."""
        blob = self.model_dump_json().encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def stage_for(self, score: float | None) -> Stage | None:
        """The stage whose band contains `score` (the top band includes 100)."""
        if score is None or math.isnan(score):
            return None
        for stage in self.stages:
            if stage.min <= score < stage.max:
                return stage
        return self.stages[-1]

    def default_target(self, score: float | None) -> float:
        """Lower bound of the next stage; at the top stage the score itself."""
        stage = self.stage_for(score)
        if stage is None:
            return self.stages[1].min
        index = self.stages.index(stage)
        if index + 1 < len(self.stages):
            return self.stages[index + 1].min
        return float(score)  # type: ignore[arg-type]


def _check_unique(entries: Iterable[tuple[str, str]]) -> None:
    """`entries` are (path of the id in the file, id); names the first repeated use."""
    seen: set[str] = set()
    for path, id_ in entries:
        if id_ in seen:
            raise _problem(path, f"id {id_!r} is used more than once")
        seen.add(id_)


def _check_requires(measures: list[Measure]) -> None:
    """Every `requires` names a known measure, and no measure requires itself, even indirectly."""
    index = {m.id: n for n, m in enumerate(measures)}
    for n, measure in enumerate(measures):
        for required in measure.requires:
            if required not in index:
                raise _problem(f"measures.{n}.requires", f"unknown measure {required!r}")
    finished: set[str] = set()

    def visit(measure_id: str, path: list[str]) -> None:
        if measure_id in path:  # met again on its own path: a cycle
            cycle = " → ".join([*path[path.index(measure_id) :], measure_id])
            raise _problem(f"measures.{index[measure_id]}.requires", f"circular: {cycle}")
        if measure_id not in finished:
            for required in measures[index[measure_id]].requires:
                visit(required, [*path, measure_id])
            finished.add(measure_id)

    for measure in measures:
        visit(measure.id, [])


def _check_stage_bands(stages: list[Stage]) -> None:
    if stages[0].min != 0:
        raise _problem("stages.0.min", "the first stage must start at 0")
    if stages[-1].max != 100:
        raise _problem(f"stages.{len(stages) - 1}.max", "the last stage must end at 100")
    for n, stage in enumerate(stages):
        if stage.min >= stage.max:
            raise _problem(f"stages.{n}", "min must be below max")
        if n and stage.min != stages[n - 1].max:
            raise _problem(
                f"stages.{n}.min",
                f"must equal the previous stage's max ({stages[n - 1].max}), "
                "so that the bands have no gaps or overlaps",
            )


#: libyaml's safe loader where available (about ten times faster), else the pure-Python one.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class QuestionnaireError(FileProblems):
    """A questionnaire file that cannot be read or is invalid: `file: path.in.file: message`."""


def parse_questionnaire(text: str, file: str = "<text>") -> Questionnaire:
    """Parse YAML text into a Questionnaire or raise QuestionnaireError."""
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
        return Questionnaire.model_validate(data)
    except ValidationError as exc:
        raise QuestionnaireError(file, validation_problems(exc)) from None


def _load_yaml(text: str, file: str) -> object:
    try:
        return yaml.load(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        try:  # the pure-Python loader describes syntax errors more precisely
            return yaml.safe_load(text)
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
        if msg.startswith(_PATH_MARK):
            # Cross-checks name their own path ("@measures.3.items: …"); join it to the location.
            inner, msg = msg[len(_PATH_MARK) :].split(": ", 1)
            path = f"{path}.{inner}" if path else inner
        problems.append((path, msg))
    return problems


def load_questionnaire(path: str | Path) -> Questionnaire:
    """Read and validate one questionnaire file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionnaireError(str(path), [("", f"cannot read file: {exc}")]) from None
    return parse_questionnaire(text, str(path))


def questionnaire_dir() -> Path:
    """The folder of questionnaire files: $VIELFALTSKOMPASS_QUESTIONNAIRES or the shipped one."""
    return Path(os.environ.get(QUESTIONNAIRE_DIR_ENV) or QUESTIONNAIRE_DIR)


def questionnaire_files(directory: Path | None = None) -> list[Path]:
    """All questionnaire files in `directory` (default: questionnaire_dir()), sorted by name."""
    return sorted((directory or questionnaire_dir()).glob("*.yaml"))


def load_catalogue(directory: Path | None = None) -> dict[tuple[str, str], Questionnaire]:
    """Every questionnaire by (id, version)."""
    catalogue: dict[tuple[str, str], Questionnaire] = {}
    found_in: dict[tuple[str, str], Path] = {}
    for path in questionnaire_files(directory):
        q = load_questionnaire(path)
        key = (q.id, q.version)
        if key in catalogue:
            raise QuestionnaireError(
                str(path), [("id", f"questionnaire {q.id} {q.version} is also in {found_in[key]}")]
            )
        catalogue[key], found_in[key] = q, path
    return catalogue
