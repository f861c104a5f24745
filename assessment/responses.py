"""The portable response file (JSON) that the CLI reads and the app imports and exports."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationError,
)

from assessment import limits
from assessment.problems import FileProblems
from assessment.questionnaire import Questionnaire

FORMAT = "vielfaltskompass.responses/1"

#: The longest name, label, role or profile field a file (and so the database) takes.
NAME_MAX_LENGTH = 200
#: The longest title of a plan step.
TITLE_MAX_LENGTH = 300
#: The longest comment or note a file (and so the database) takes.
COMMENT_MAX_LENGTH = 10_000
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_LENGTH)
]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=NAME_MAX_LENGTH)]
LongText = Annotated[str, StringConstraints(max_length=COMMENT_MAX_LENGTH)]

#: The plan's phases in months; "later" holds what the capacity leaves for after 24 months.
PHASES: tuple[str, ...] = ("0-3", "3-6", "6-12", "12-24", "later")
LATER = "later"
STATUSES: tuple[str, ...] = ("open", "in_progress", "done", "dropped")
Phase = Literal["0-3", "3-6", "6-12", "12-24", "later"]
Status = Literal["open", "in_progress", "done", "dropped"]
Mode = Literal["self", "session"]
#: A session's group result needs at least this many answer sets, never fewer (DESIGN §4).
MIN_GROUP_SIZE = 3
Score = Annotated[float, Field(ge=0, le=100)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuestionnaireRef(_Model):
    id: Name
    version: Name


class Organisation(_Model):
    name: Name
    kind: Short = ""
    sector: Short = ""
    size: Short = ""
    region: Short = ""


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uuid_text(value: object) -> object:
    """A round id is a UUID written as 8-4-4-4-12 hex digits; stored in lower case."""
    if isinstance(value, str) and _UUID.fullmatch(value.strip().lower()):
        return value.strip().lower()
    raise ValueError("must be a UUID such as 3f2b8c1e-0d4a-4c6e-9b7a-2e5f1d9c8a40")


RoundId = Annotated[str, BeforeValidator(_uuid_text)]


class RoundInfo(_Model):
    """The round's label, date, id (kept through export and import) and how it is run.

    `mode` is "self" (a self-check) or "session" (a group); a file without it is read as a
    self-check with at most one respondent, else a session. A session shows no aggregate below
    `min_group` answer sets; an `anonymous` one names no respondent and ties no comment to one.
    """

    label: Name
    date: date
    id: RoundId | None = None
    mode: Mode | None = None
    anonymous: StrictBool = False
    min_group: Annotated[int, Field(ge=MIN_GROUP_SIZE, le=1000, strict=True)] = MIN_GROUP_SIZE

    def mode_for(self, respondents: int) -> Mode:
        """The round's mode, inferred from the number of respondents where the file gives none."""
        return self.mode or ("self" if respondents <= 1 else "session")


def _no_bool_or_text(value: object) -> object:
    """JSON true/false or "3" is not an answer; pydantic would turn it into 1/0/3."""
    if isinstance(value, bool | str):
        raise ValueError("must be a whole number on the answer scale or null")
    return value


Answer = Annotated[int | None, BeforeValidator(_no_bool_or_text)]


class Respondent(_Model):
    id: Name
    role: Short = ""
    answers: dict[str, Answer] = Field(default_factory=dict)
    comments: dict[str, LongText] = Field(default_factory=dict)


class GroupComment(_Model):
    """A comment of an anonymous round: on an item, tied to no respondent."""

    item: str
    text: Annotated[str, StringConstraints(min_length=1, max_length=COMMENT_MAX_LENGTH)]


class PlanEntry(_Model):
    """One step of the roadmap: a catalogue measure (`measure`) or the user's own (`title`)."""

    measure: str | None = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=TITLE_MAX_LENGTH)] = (
        ""
    )
    area: str
    phase: Phase
    priority: float | None = None
    owner: Short = ""
    due: date | None = None
    status: Status = "open"
    note: LongText = ""


class ResponseFile(_Model):
    """A whole round: who answered what, the targets and, optionally, the plan.

    A session adds what the group agreed per area: `notes` and `consensus` (the score that
    replaces the area's mean). An anonymous round lists its comments in `comments`, apart from
    the respondents.
    """

    format: Literal["vielfaltskompass.responses/1"] = FORMAT
    questionnaire: QuestionnaireRef
    organisation: Organisation
    round: RoundInfo
    respondents: list[Respondent] = Field(default_factory=list)
    comments: list[GroupComment] = Field(default_factory=list)
    targets: dict[str, Score] = Field(default_factory=dict)
    consensus: dict[str, Score] = Field(default_factory=dict)
    notes: dict[str, LongText] = Field(default_factory=dict)
    plan: list[PlanEntry] | None = None

    @property
    def mode(self) -> Mode:
        """The round's mode (given, or inferred from the number of respondents)."""
        return self.round.mode_for(len(self.respondents))


class ResponseFileError(FileProblems):
    """A response file that cannot be used: `source: $.json.path: message`."""


def _json_path(loc: tuple[str | int, ...]) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def check_against(data: ResponseFile, q: Questionnaire) -> list[tuple[str, str]]:
    """Problems of a structurally valid file measured against its questionnaire."""
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for n, resp in enumerate(data.respondents):
        if resp.id in seen:
            problems.append((f"$.respondents[{n}].id", f"duplicate respondent id {resp.id!r}"))
        seen.add(resp.id)
        for item_id, value in resp.answers.items():
            where = f"$.respondents[{n}].answers.{item_id}"
            if item_id not in q.items_by_id:
                problems.append((where, f"unknown item id {item_id!r}"))
            elif value is not None and not 0 <= value <= q.scale_max:
                problems.append((where, f"value {value} is off the scale 0..{q.scale_max}"))
        for item_id in resp.comments:
            if item_id not in q.items_by_id:
                where = f"$.respondents[{n}].comments.{item_id}"
                problems.append((where, f"unknown item id {item_id!r}"))
    problems += _group_problems(data, q)
    for field in ("targets", "consensus", "notes"):
        for area in getattr(data, field):
            if area not in q.dimensions_by_id:
                problems.append((f"$.{field}.{area}", f"unknown area {area!r}"))
    for n, entry in enumerate(data.plan or []):
        if entry.area not in q.dimensions_by_id:
            problems.append((f"$.plan[{n}].area", f"unknown area {entry.area!r}"))
        if entry.measure is None and not entry.title:
            problems.append((f"$.plan[{n}]", "needs a catalogue measure or an own title"))
        elif entry.measure is not None and entry.measure not in q.measures_by_id:
            problems.append((f"$.plan[{n}].measure", f"unknown measure {entry.measure!r}"))
        elif entry.measure is not None and entry.area in q.dimensions_by_id:
            home = q.measures_by_id[entry.measure].dimension
            if entry.area != home:
                problems.append(
                    (f"$.plan[{n}].area", f"measure {entry.measure!r} belongs to {home!r}")
                )
    return problems


def _group_problems(data: ResponseFile, q: Questionnaire) -> list[tuple[str, str]]:
    """An anonymous round's file names no one and ties no comment to a respondent."""
    problems: list[tuple[str, str]] = []
    if not data.round.anonymous:
        if data.comments:
            problems.append(("$.comments", "only an anonymous round lists comments apart"))
        return problems
    if data.mode != "session":
        problems.append(("$.round.anonymous", "only a session can be anonymous"))
    for n, resp in enumerate(data.respondents):
        if resp.role:
            problems.append((f"$.respondents[{n}].role", "an anonymous round names no role"))
        if resp.comments:
            problems.append(
                (f"$.respondents[{n}].comments", "an anonymous round lists comments in $.comments")
            )
    per_item: dict[str, int] = {}
    for n, comment in enumerate(data.comments):
        per_item[comment.item] = per_item.get(comment.item, 0) + 1
        if comment.item not in q.items_by_id:
            problems.append((f"$.comments[{n}].item", f"unknown item id {comment.item!r}"))
        elif per_item[comment.item] > len(data.respondents):
            problems.append((f"$.comments[{n}]", "more comments on one item than respondents"))
    return problems


def parse_responses(
    text: str | bytes,
    catalogue: dict[tuple[str, str], Questionnaire],
    source: str = "<input>",
) -> tuple[ResponseFile, Questionnaire]:
    """Parse and fully validate a response file; raise ResponseFileError naming every problem."""
    too_large = limits.size_problem(text)
    if too_large:
        raise ResponseFileError(source, [("$", too_large)])
    try:
        raw = json.loads(text)
    except UnicodeDecodeError:
        raise ResponseFileError(source, [("$", "not UTF-8 text")]) from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise ResponseFileError(source, [(where, f"invalid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise ResponseFileError(source, [("$", limits.TOO_DEEP)]) from None
    too_deep = limits.depth_problem(raw)
    if too_deep:
        raise ResponseFileError(source, [("$", too_deep)])
    if isinstance(raw, dict) and "format" in raw and raw["format"] != FORMAT:
        raise ResponseFileError(
            source, [("$.format", f"unsupported format {raw['format']!r}, expected {FORMAT!r}")]
        )
    try:
        data = ResponseFile.model_validate(raw)
    except ValidationError as exc:
        problems = [
            (_json_path(e["loc"]), e["msg"].removeprefix("Value error, ")) for e in exc.errors()
        ]
        raise ResponseFileError(source, problems) from None
    key = (data.questionnaire.id, data.questionnaire.version)
    q = catalogue.get(key)
    if q is None:
        available = ", ".join(f"{i} {v}" for i, v in sorted(catalogue)) or "none"
        raise ResponseFileError(
            source,
            [
                (
                    "$.questionnaire",
                    f"questionnaire {key[0]} {key[1]} is not available ({available})",
                )
            ],
        )
    problems = check_against(data, q)
    if problems:
        raise ResponseFileError(source, problems)
    return data, q


def read_responses(
    path: str | Path, catalogue: dict[tuple[str, str], Questionnaire]
) -> tuple[ResponseFile, Questionnaire]:
    """Read a response file from disk and validate it."""
    try:
        text = Path(path).read_bytes()
    except OSError as exc:
        raise ResponseFileError(str(path), [("$", f"cannot read file: {exc.strerror}")]) from None
    return parse_responses(text, catalogue, str(path))


def dump_responses(data: ResponseFile) -> str:
    """Serialise a response file as pretty, stable JSON."""
    return data.model_dump_json(indent=2, exclude_none=False) + "\n"
