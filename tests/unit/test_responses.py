"""Response file: schema, checks against the questionnaire, JSON paths in errors, round trip."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from assessment.questionnaire import Questionnaire
from assessment.responses import (
    FORMAT,
    PlanEntry,
    ResponseFile,
    ResponseFileError,
    dump_responses,
    parse_responses,
    read_responses,
)
from tests.mutations import Mutation, delete_at, set_at


@pytest.fixture(scope="module")
def catalogue(mini: Questionnaire) -> dict[tuple[str, str], Questionnaire]:
    return {(mini.id, mini.version): mini}


def valid_raw() -> dict:
    return {
        "format": FORMAT,
        "questionnaire": {"id": "mini", "version": "1.0"},
        "organisation": {"name": "Pflegedienst Sonnenschein", "kind": "KMU", "size": "10-49"},
        "round": {"label": "Erster Check", "date": "2025-03-01"},
        "respondents": [
            {
                "id": "lead",
                "role": "Leitung",
                "answers": {"s1": 2, "s2": None, "h1": 4, "t1": 0},
                "comments": {"s1": "Leitbild ist in Arbeit."},
            },
            {"id": "staff", "answers": {"s1": 3, "c2": 1}},
        ],
        "targets": {"hr": 60, "strategy": 50.5},
        "plan": [
            {"measure": "m_hr", "area": "hr", "phase": "3-6", "priority": 2.5, "due": "2025-09-01"},
            {"title": "Sprachcafé starten", "area": "networking", "phase": "0-3", "owner": "Ana"},
        ],
    }


def parse(raw: dict | str | bytes, catalogue) -> tuple[ResponseFile, Questionnaire]:
    text = raw if isinstance(raw, str | bytes) else json.dumps(raw, ensure_ascii=False)
    return parse_responses(text, catalogue, "answers.json")


def problems_of(raw: dict | str | bytes, catalogue) -> list[str]:
    with pytest.raises(ResponseFileError) as info:
        parse(raw, catalogue)
    assert info.value.source == "answers.json"
    assert str(info.value) == "\n".join(info.value.lines())
    return info.value.lines()


def test_valid_file_parses(catalogue, mini: Questionnaire) -> None:
    data, q = parse(valid_raw(), catalogue)
    assert q is mini
    assert data.format == FORMAT
    assert data.organisation.name == "Pflegedienst Sonnenschein"
    assert data.round.date == date(2025, 3, 1)
    assert [r.id for r in data.respondents] == ["lead", "staff"]
    assert data.respondents[0].answers == {"s1": 2, "s2": None, "h1": 4, "t1": 0}
    assert data.respondents[0].comments == {"s1": "Leitbild ist in Arbeit."}
    assert data.respondents[1].role == ""
    assert data.targets == {"hr": 60.0, "strategy": 50.5}
    assert data.plan is not None
    assert data.plan[0].measure == "m_hr"
    assert data.plan[0].due == date(2025, 9, 1)
    assert data.plan[0].status == "open"
    assert data.plan[1].measure is None
    assert data.plan[1].title == "Sprachcafé starten"


def test_minimal_file_gets_defaults(catalogue) -> None:
    raw = valid_raw()
    for key in ("format", "respondents", "targets", "plan"):
        del raw[key]
    data, _ = parse(raw, catalogue)
    assert data.format == FORMAT
    assert data.respondents == []
    assert data.targets == {}
    assert data.plan is None


def test_utf8_bytes_parse(catalogue) -> None:
    text = json.dumps(valid_raw(), ensure_ascii=False).replace("Sonnenschein", "Größenwahn")
    data, _ = parse(text.encode("utf-8"), catalogue)
    assert data.organisation.name == "Pflegedienst Größenwahn"


def _duplicate_respondent(data: dict) -> None:
    data["respondents"].append({"id": "lead", "answers": {"s1": 1}})


REJECTED = [
    pytest.param(
        set_at(("respondents", 0, "answers", "xyz"), 1),
        ["$.respondents[0].answers.xyz: unknown item id 'xyz'"],
        id="unknown-item",
    ),
    pytest.param(
        set_at(("respondents", 1, "answers", "s1"), 5),
        ["$.respondents[1].answers.s1: value 5 is off the scale 0..4"],
        id="value-above-scale",
    ),
    pytest.param(
        set_at(("respondents", 0, "answers", "h1"), -1),
        ["$.respondents[0].answers.h1: value -1 is off the scale 0..4"],
        id="value-below-scale",
    ),
    pytest.param(
        set_at(("respondents", 0, "answers", "h1"), 2.5),
        [
            "$.respondents[0].answers.h1: Input should be a valid integer, "
            "got a number with a fractional part"
        ],
        id="fractional-value",
    ),
    pytest.param(
        set_at(("respondents", 0, "comments", "zz"), "?"),
        ["$.respondents[0].comments.zz: unknown item id 'zz'"],
        id="comment-on-unknown-item",
    ),
    pytest.param(
        _duplicate_respondent,
        ["$.respondents[2].id: duplicate respondent id 'lead'"],
        id="duplicate-respondent",
    ),
    pytest.param(
        set_at(("questionnaire", "id"), "kmu"),
        ["$.questionnaire: questionnaire kmu 1.0 is not available (mini 1.0)"],
        id="unknown-questionnaire-id",
    ),
    pytest.param(
        set_at(("questionnaire", "version"), "2.0"),
        ["$.questionnaire: questionnaire mini 2.0 is not available (mini 1.0)"],
        id="unknown-questionnaire-version",
    ),
    pytest.param(
        set_at(("format",), "vielfaltskompass.responses/2"),
        [
            "$.format: unsupported format 'vielfaltskompass.responses/2', "
            "expected 'vielfaltskompass.responses/1'"
        ],
        id="wrong-format",
    ),
    pytest.param(
        delete_at(("organisation", "name")),
        ["$.organisation.name: Field required"],
        id="missing-organisation-name",
    ),
    pytest.param(
        set_at(("organisation", "name"), "   "),
        ["$.organisation.name: String should have at least 1 character"],
        id="blank-organisation-name",
    ),
    pytest.param(
        set_at(("colour",), "blue"),
        ["$.colour: Extra inputs are not permitted"],
        id="extra-key-at-top",
    ),
    pytest.param(
        set_at(("respondents", 1, "email"), "x@example.org"),
        ["$.respondents[1].email: Extra inputs are not permitted"],
        id="extra-key-in-respondent",
    ),
    pytest.param(
        set_at(("targets", "hr"), 100.5),
        ["$.targets.hr: Input should be less than or equal to 100"],
        id="target-above-100",
    ),
    pytest.param(
        set_at(("targets", "hr"), -1),
        ["$.targets.hr: Input should be greater than or equal to 0"],
        id="target-below-0",
    ),
    pytest.param(
        set_at(("targets", "finance"), 50),
        ["$.targets.finance: unknown area 'finance'"],
        id="unknown-target-area",
    ),
    pytest.param(
        set_at(("plan", 0, "measure"), "m_nope"),
        ["$.plan[0].measure: unknown measure 'm_nope'"],
        id="plan-unknown-measure",
    ),
    pytest.param(
        delete_at(("plan", 1, "title")),
        ["$.plan[1]: needs a catalogue measure or an own title"],
        id="plan-without-measure-or-title",
    ),
    pytest.param(
        set_at(("plan", 1, "area"), "finance"),
        ["$.plan[1].area: unknown area 'finance'"],
        id="plan-unknown-area",
    ),
    pytest.param(
        set_at(("plan", 0, "phase"), "0-4"),
        ["$.plan[0].phase: Input should be '0-3', '3-6', '6-12', '12-24' or 'later'"],
        id="plan-unknown-phase",
    ),
    pytest.param(
        set_at(("plan", 0, "status"), "finished"),
        ["$.plan[0].status: Input should be 'open', 'in_progress', 'done' or 'dropped'"],
        id="plan-unknown-status",
    ),
    pytest.param(
        set_at(("round", "date"), "2025-02-30"),
        [
            "$.round.date: Input should be a valid date or datetime, "
            "day value is outside expected range"
        ],
        id="impossible-date",
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), REJECTED)
def test_rejected_with_json_path(catalogue, mutate: Mutation, expected: list[str]) -> None:
    raw = valid_raw()
    mutate(raw)
    assert problems_of(raw, catalogue) == [f"answers.json: {line}" for line in expected]


def test_every_problem_against_the_questionnaire_is_listed(catalogue) -> None:
    raw = valid_raw()
    raw["respondents"][0]["answers"]["xyz"] = 1
    raw["respondents"][1]["answers"]["s1"] = 9
    raw["targets"]["finance"] = 10
    assert problems_of(raw, catalogue) == [
        "answers.json: $.respondents[0].answers.xyz: unknown item id 'xyz'",
        "answers.json: $.respondents[1].answers.s1: value 9 is off the scale 0..4",
        "answers.json: $.targets.finance: unknown area 'finance'",
    ]


@pytest.mark.parametrize("value", [True, False, "3"], ids=["true", "false", "string"])
def test_answer_must_be_a_json_integer(catalogue, value: object) -> None:
    """`true` or `"3"` is not a scale value; it must not be silently turned into 1 or 3."""
    raw = valid_raw()
    raw["respondents"][0]["answers"]["h1"] = value
    (line,) = problems_of(raw, catalogue)
    assert line.startswith("answers.json: $.respondents[0].answers.h1: ")


def test_plan_measure_must_belong_to_the_entry_area(catalogue) -> None:
    """A catalogue measure of HR filed under strategy would be printed in the wrong area."""
    raw = valid_raw()
    raw["plan"][0]["area"] = "strategy"
    (line,) = problems_of(raw, catalogue)
    assert line.startswith("answers.json: $.plan[0].area: ")
    assert "'m_hr'" in line
    assert "'hr'" in line


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"format": "vielfaltskompass.responses/1",\n  "questionnaire": }', "line 2, column 20"),
        ("", "line 1, column 1"),
        ('{"a": 1,}', "line 1, column 9"),
    ],
)
def test_invalid_json_reports_line_and_column(catalogue, text: str, where: str) -> None:
    (line,) = problems_of(text, catalogue)
    assert line.startswith(f"answers.json: {where}: invalid JSON: ")


def test_top_level_must_be_an_object(catalogue) -> None:
    assert problems_of("[]", catalogue) == [
        "answers.json: $: Input should be a valid dictionary or instance of ResponseFile"
    ]


def test_non_utf8_bytes(catalogue) -> None:
    text = json.dumps(valid_raw(), ensure_ascii=False).replace("Sonnenschein", "Bäckerei")
    assert problems_of(text.encode("latin-1"), catalogue) == ["answers.json: $: not UTF-8 text"]


def test_read_missing_file(tmp_path: Path, catalogue) -> None:
    path = tmp_path / "missing.json"
    with pytest.raises(ResponseFileError) as info:
        read_responses(path, catalogue)
    assert info.value.lines() == [f"{path}: $: cannot read file: No such file or directory"]


def test_read_file_names_the_file(tmp_path: Path, catalogue) -> None:
    path = tmp_path / "round.json"
    raw = valid_raw()
    raw["targets"]["finance"] = 1
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ResponseFileError) as info:
        read_responses(path, catalogue)
    assert info.value.lines() == [f"{path}: $.targets.finance: unknown area 'finance'"]


def test_round_trip(catalogue) -> None:
    data, _ = parse(valid_raw(), catalogue)
    text = dump_responses(data)
    again, _ = parse(text, catalogue)
    assert again == data
    assert dump_responses(again) == text
    assert text.endswith("}\n")
    assert json.loads(text)["round"]["date"] == "2025-03-01"


def test_round_trip_without_plan_keeps_plan_absent(catalogue) -> None:
    raw = valid_raw()
    del raw["plan"]
    data, _ = parse(raw, catalogue)
    again, _ = parse(dump_responses(data), catalogue)
    assert again.plan is None
    assert again == data


def test_round_trip_of_a_built_model(catalogue) -> None:
    built = ResponseFile.model_validate(copy.deepcopy(valid_raw()))
    built.plan = [PlanEntry(measure="m_network", area="networking", phase="0-3", status="done")]
    again, _ = parse(dump_responses(built), catalogue)
    assert again == built


def test_round_id_is_optional_and_kept_in_lower_case(catalogue) -> None:
    assert parse(valid_raw(), catalogue)[0].round.id is None
    raw = valid_raw()
    raw["round"]["id"] = "3F2B8C1E-0D4A-4C6E-9B7A-2E5F1D9C8A40"
    data, _ = parse(raw, catalogue)
    assert data.round.id == "3f2b8c1e-0d4a-4c6e-9b7a-2e5f1d9c8a40"
    assert parse(dump_responses(data), catalogue)[0] == data


@pytest.mark.parametrize(
    "value",
    [
        "",
        "round-1",
        "3f2b8c1e0d4a4c6e9b7a2e5f1d9c8a40",
        "{3f2b8c1e-0d4a-4c6e-9b7a-2e5f1d9c8a40}",
        7,
    ],
)
def test_round_id_must_be_a_uuid(catalogue, value: object) -> None:
    raw = valid_raw()
    raw["round"]["id"] = value
    assert problems_of(raw, catalogue) == [
        "answers.json: $.round.id: must be a UUID such as 3f2b8c1e-0d4a-4c6e-9b7a-2e5f1d9c8a40"
    ]


def _anonymous_raw() -> dict:
    raw = valid_raw()
    raw["round"].update(mode="session", anonymous=True, min_group=3)
    for person in raw["respondents"]:
        person.pop("role", None)
        person.pop("comments", None)
    raw["comments"] = [{"item": "s1", "text": "Wer entscheidet das?"}]
    raw["notes"] = {"strategy": "Leitbild klären"}
    raw["consensus"] = {"strategy": 45}
    return raw


def test_a_session_file_keeps_mode_anonymity_minimum_notes_and_consensus(catalogue) -> None:
    data, _ = parse(_anonymous_raw(), catalogue)
    assert (data.round.mode, data.round.anonymous, data.round.min_group) == ("session", True, 3)
    assert (data.notes, data.consensus) == ({"strategy": "Leitbild klären"}, {"strategy": 45.0})
    again, _ = parse(dump_responses(data), catalogue)
    assert again == data
    assert parse(valid_raw(), catalogue)[0].mode == "session"  # two respondents, no mode given


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda raw: raw["respondents"][0].update(role="Leitung"),
            "answers.json: $.respondents[0].role: an anonymous round names no role",
        ),
        (
            lambda raw: raw["respondents"][1].update(comments={"s1": "von mir"}),
            "answers.json: $.respondents[1].comments: an anonymous round lists comments in "
            "$.comments",
        ),
        (
            lambda raw: raw["comments"].extend([{"item": "s1", "text": "x"}] * 2),
            "answers.json: $.comments[2]: more comments on one item than respondents",
        ),
        (
            lambda raw: raw["round"].update(min_group=2),
            "answers.json: $.round.min_group: Input should be greater than or equal to 3",
        ),
        (
            lambda raw: raw["round"].update(anonymous="yes"),
            "answers.json: $.round.anonymous: Input should be a valid boolean",
        ),
        (
            lambda raw: raw["round"].update(mode="self"),
            "answers.json: $.round.anonymous: only a session can be anonymous",
        ),
        (
            lambda raw: raw["notes"].update(nope="?"),
            "answers.json: $.notes.nope: unknown area 'nope'",
        ),
        (
            lambda raw: raw["consensus"].update(strategy=101),
            "answers.json: $.consensus.strategy: Input should be less than or equal to 100",
        ),
    ],
)
def test_an_anonymous_file_that_names_or_ties_anyone_is_rejected(catalogue, change, expected):
    raw = _anonymous_raw()
    change(raw)
    assert expected in problems_of(raw, catalogue)


def test_only_an_anonymous_file_lists_comments_apart(catalogue) -> None:
    raw = valid_raw()
    raw["comments"] = [{"item": "s1", "text": "Wer entscheidet das?"}]
    assert problems_of(raw, catalogue) == [
        "answers.json: $.comments: only an anonymous round lists comments apart"
    ]
