"""Institution types: each kind's view, scoring on it, the rules, files, rounds and next rounds."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from assessment.questionnaire import (
    Questionnaire,
    QuestionnaireError,
    load_catalogue,
    load_questionnaire,
)
from assessment.responses import FORMAT, Organisation, ResponseFileError, parse_responses
from assessment.scoring import score_response
from assessment.services import access, answering, next_round, reading, rounds, transfer
from assessment.services.errors import InstitutionTypeMissing, Invalid
from assessment.storage import repository as repo
from tests.conftest import FIXTURES, run_cli

TYPED = FIXTURES / "typed.yaml"
DAY = dt.date(2026, 3, 2)
ORG = Organisation(name="Jobcenter Nordstadt", region="Dortmund")


@pytest.fixture(scope="module")
def typed() -> Questionnaire:
    return load_questionnaire(TYPED)


@pytest.fixture(scope="module")
def typed_data() -> dict:
    return yaml.safe_load(TYPED.read_text(encoding="utf-8"))


def problems_of(tmp_path: Path, data: dict) -> list[str]:
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(path)
    return [line.removeprefix(f"{path}: ") for line in info.value.lines()]


# --- a kind's view ---------------------------------------------------------------------------


def test_a_view_holds_the_common_statements_and_only_its_own_kinds(typed: Questionnaire) -> None:
    office = typed.for_type("office")
    assert office.institution_type == "office"
    assert [len(d.items) for d in office.dimensions] == [7] * 5
    assert "s_office" in office.items_by_id and "s_chamber" not in office.items_by_id
    # A measure whose statements all belong to another kind goes; links to them are dropped.
    chamber = typed.for_type("chamber")
    assert "m_office_only" not in chamber.measures_by_id
    assert chamber.measures_by_id["m_after_office"].requires == []
    assert office.measures_by_id["m_after_office"].requires == ["m_office_only"]
    assert chamber.measures_by_id["m_hr"].items == ["h1", "h_chamber"]
    assert office.measures_by_id["m_hr"].items == ["h1"]
    with pytest.raises(ValueError, match="unknown institution type 'bank'"):
        typed.for_type("bank")


def test_other_kinds_statements_are_out_of_coverage_and_score_whatever_is_answered(
    typed: Questionnaire, mini: Questionnaire
) -> None:
    office = typed.for_type("office")
    answers = dict.fromkeys(office.items_by_id, 4)
    data = parse_responses(json.dumps(response_raw("office", answers)), {key(typed): typed})[0]
    scores = score_response(data, office)
    assert scores.areas["coverage"].tolist() == [1.0] * 5
    assert scores.areas["score"].tolist() == [100.0] * 5
    assert scores.overall["coverage"].iloc[0] == 1.0


def key(q: Questionnaire) -> tuple[str, str]:
    return (q.id, q.version)


def response_raw(kind: str | None, answers: dict) -> dict:
    ref = {"id": "typed", "version": "1.0"}
    if kind is not None:
        ref["institution_type"] = kind
    return {
        "format": FORMAT,
        "questionnaire": ref,
        "organisation": {"name": "IHK Musterstadt"},
        "round": {"label": "2026", "date": "2026-03-02"},
        "respondents": [{"id": "r1", "answers": answers}],
    }


# --- rules of the file ------------------------------------------------------------------------


def test_an_unknown_type_in_applies_to_is_named_with_its_place(
    tmp_path: Path, typed_data: dict
) -> None:
    data = copy.deepcopy(typed_data)
    data["dimensions"][2]["items"][6]["applies_to"] = ["office", "bank"]
    assert problems_of(tmp_path, data) == [
        "dimensions.2.items.6.applies_to: unknown institution type 'bank'; known: office, chamber"
    ]


def test_a_kind_with_fewer_than_six_statements_in_an_area_is_named(
    tmp_path: Path, typed_data: dict
) -> None:
    data = copy.deepcopy(typed_data)
    data["dimensions"][1]["items"][0]["applies_to"] = ["chamber"]
    data["dimensions"][1]["items"][1]["applies_to"] = ["chamber"]
    assert problems_of(tmp_path, data) == [
        "dimensions.1.items: institution type 'office' sees only 5 statements in 'hr'; "
        "each type needs at least 6 per area"
    ]


def test_applies_to_without_any_institution_types_is_refused(
    tmp_path: Path, typed_data: dict
) -> None:
    data = copy.deepcopy(typed_data)
    del data["institution_types"]
    lines = problems_of(tmp_path, data)
    assert lines == [
        "dimensions.0.items.6.applies_to: unknown institution type 'office'; known: none"
    ]


def test_a_type_id_twice_is_refused(tmp_path: Path, typed_data: dict) -> None:
    data = copy.deepcopy(typed_data)
    data["institution_types"].append(copy.deepcopy(data["institution_types"][0]))
    assert problems_of(tmp_path, data) == ["institution_types: a type id is used more than once"]


# --- response files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "answers", "expected"),
    [
        (None, {"s1": 2}, "$.questionnaire.institution_type: typed 1.0 needs an institution "
         "type: office, chamber"),
        ("bank", {"s1": 2}, "$.questionnaire.institution_type: unknown institution type "
         "'bank'; known: office, chamber"),
        ("office", {"s_chamber": 2}, "$.respondents[0].answers.s_chamber: unknown item id "
         "'s_chamber'"),
    ],
)  # fmt: skip
def test_a_response_file_names_a_known_kind_and_answers_only_its_statements(
    typed: Questionnaire, kind: str | None, answers: dict, expected: str
) -> None:
    with pytest.raises(ResponseFileError) as info:
        parse_responses(json.dumps(response_raw(kind, answers)), {key(typed): typed}, "f.json")
    assert info.value.lines() == [f"f.json: {expected}"]


def test_a_kind_for_a_questionnaire_without_kinds_is_refused(mini: Questionnaire) -> None:
    raw = response_raw("office", {"s1": 2})
    raw["questionnaire"] = {"id": "mini", "version": "1.0", "institution_type": "office"}
    with pytest.raises(ResponseFileError, match=r"mini 1\.0 has no institution types"):
        parse_responses(json.dumps(raw), {key(mini): mini})


def test_a_file_without_kind_writes_no_institution_type(mini: Questionnaire) -> None:
    raw = response_raw(None, {"s1": 2})
    raw["questionnaire"] = {"id": "mini", "version": "1.0"}
    data, _ = parse_responses(json.dumps(raw), {key(mini): mini})
    assert "institution_type" not in json.loads(data.model_dump_json())["questionnaire"]


def test_cli_score_uses_the_kind_of_the_file(tmp_path: Path, typed: Questionnaire) -> None:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    (folder / "typed.yaml").write_text(TYPED.read_text(encoding="utf-8"), "utf-8")
    office = typed.for_type("office")
    answers = dict.fromkeys(office.items_by_id, 2)
    path = tmp_path / "office.json"
    path.write_text(json.dumps(response_raw("office", answers)), "utf-8")
    done = run_cli("score", str(path), questionnaires=folder)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["questionnaire"]["institution_type"] == "office"
    assert result["overall"]["coverage"] == 1.0
    assert result["overall"]["items"] == 35
    assert {a["id"]: a["score"] for a in result["areas"]} == dict.fromkeys(
        ("strategy", "hr", "training", "services", "networking"), 50.0
    )
    # The same answers without the kind are refused with the field named.
    raw = response_raw(None, answers)
    path.write_text(json.dumps(raw), "utf-8")
    refused = run_cli("score", str(path), questionnaires=folder)
    assert refused.returncode != 0
    assert "$.questionnaire.institution_type" in refused.stderr


# --- rounds -------------------------------------------------------------------------------------


def test_a_round_keeps_its_kinds_view_and_exports_and_imports_it(engine, typed) -> None:
    with pytest.raises(InstitutionTypeMissing):
        rounds.start_self_check(engine, typed, ORG, "2026", DAY)
    with pytest.raises(Invalid, match="unknown institution type 'bank'"):
        rounds.start_self_check(engine, typed, ORG, "2026", DAY, "bank")
    started = rounds.start_self_check(engine, typed, ORG, "2026", DAY, "chamber")
    stored = repo.round_questionnaire(engine, started.round_id)
    assert stored.institution_type == "chamber" and "c_office" not in stored.items_by_id
    me = access.resolve(engine, started.respondent_token)
    answering.save_answer(engine, me, "c_chamber", 3)
    owner = access.resolve(engine, started.owner_token)
    exported = reading.export_round(engine, owner)
    assert exported.questionnaire.institution_type == "chamber"
    data, q = transfer.read_file(exported.model_dump_json(), "r.json", {key(typed): typed})
    assert q.institution_type == "chamber"
    copied = transfer.import_file(engine, data, q, as_new=True)
    assert repo.round_questionnaire(engine, copied.new.round_id).institution_type == "chamber"


def test_the_next_round_keeps_the_kind_unless_another_is_chosen(engine, typed) -> None:
    started = rounds.start_session(engine, typed, ORG, "2026", DAY, institution_type="office")
    owner = access.resolve(engine, started.owner_token)
    later = DAY.replace(year=2027)
    again = next_round.start_next_round(engine, owner, typed, "2027", later)
    assert repo.round_questionnaire(engine, again.round_id).institution_type == "office"
    other = next_round.start_next_round(
        engine, owner, typed, "2028", later, institution_type="chamber"
    )
    assert repo.round_questionnaire(engine, other.round_id).institution_type == "chamber"


def test_a_next_round_after_a_round_without_kind_must_choose_one(engine, mini, typed) -> None:
    started = rounds.start_self_check(engine, mini, ORG, "2025", DAY)
    owner = access.resolve(engine, started.owner_token)
    with pytest.raises(InstitutionTypeMissing):
        next_round.start_next_round(engine, owner, typed, "2026", DAY)


# --- the shipped administration questionnaire --------------------------------------------------


def test_verwaltung_asks_each_kind_what_fits_it() -> None:
    q = load_catalogue()[("verwaltung", "2.0")]
    assert [t.id for t in q.institution_types] == ["employment", "municipal", "chamber", "other"]
    views = {t.id: q.for_type(t.id) for t in q.institution_types}
    jobcenter_only = ["services_labour_market_instruments", "services_counselling_quality"]
    assert all(i in views["employment"].items_by_id for i in jobcenter_only)
    assert not any(
        i in views[k].items_by_id for k in ("municipal", "chamber", "other") for i in jobcenter_only
    )
    assert "services_exam_language" in views["chamber"].items_by_id
    assert "services_appointments" in views["municipal"].items_by_id
    for kind, view in views.items():
        counts = [len(d.items) for d in view.dimensions]
        assert all(6 <= n <= 10 for n in counts), (kind, counts)


def test_the_report_names_the_kind_on_the_cover_and_the_method_page() -> None:
    from assessment.report import build_report
    from tests.conftest import pdf_text

    full = load_catalogue()[("verwaltung", "2.0")]
    q = full.for_type("employment")
    answers = {item: n % 5 for n, item in enumerate(q.items_by_id)}
    raw = response_raw("employment", answers)
    raw["questionnaire"] = {"id": "verwaltung", "version": "2.0", "institution_type": "employment"}
    data, view = parse_responses(json.dumps(raw), {key(full): full})
    text = pdf_text(build_report(data, view, lang="de"))
    assert "Art der Einrichtung Jobcenter oder Agentur für Arbeit" in text
    assert "zugeschnitten" in text and f"mit {len(q.items_by_id)} Aussagen" in text
    english = pdf_text(build_report(data, view, lang="en"))
    assert "Kind of institution Jobcenter or employment agency" in english
