"""Importing a response file in the app: valid files become a round, bad ones change nothing."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
from assessment.questionnaire import load_catalogue
from assessment.responses import dump_responses
from assessment.services import transfer
from assessment.storage import repository as repo
from assessment.ui import actions


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table: conn.scalar(sa.text(f"SELECT COUNT(*) FROM {table}"))
            for table in ("organisation", "round", "respondent", "answer", "action")
        }


@pytest.fixture
def demo_json() -> dict:
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    return json.loads(dump_responses(demo_response(q)))


def test_valid_file_becomes_a_new_round(engine, demo_json):
    data, q = actions.parse_upload(json.dumps(demo_json).encode(), "demo.json")
    token = actions.import_round(data, q)
    access = repo.resolve_token(engine, token)
    exported = repo.export_round(engine, access.round_id)
    assert exported.organisation == data.organisation
    assert exported.plan == data.plan
    assert [r.answers for r in exported.respondents] == [r.answers for r in data.respondents]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["respondents"][1]["answers"].update({"no_such_item": 2}), "no_such_item"),
        (lambda d: d["respondents"][0]["answers"].update({"hr_job_ads": 7}), "off the scale"),
        (lambda d: d["questionnaire"].update({"version": "9.9"}), "not available"),
        (lambda d: d["organisation"].pop("name"), "$.organisation.name"),
        (lambda d: d["plan"][3].update({"status": "vielleicht"}), "$.plan[3].status"),
    ],
)
def test_bad_file_is_rejected_whole_and_changes_nothing(engine, demo_json, mutate, expected):
    before = _counts(engine)
    mutate(demo_json)
    with pytest.raises(transfer.InvalidFile) as rejected:
        actions.parse_upload(json.dumps(demo_json).encode(), "runde.json")
    assert any(
        expected in line and line.startswith("runde.json: ") for line in rejected.value.lines
    )
    assert _counts(engine) == before


def test_not_json_at_all_is_rejected(engine):
    with pytest.raises(transfer.InvalidFile) as rejected:
        actions.parse_upload(b"\x89PNG\r\n", "bild.json")
    assert rejected.value.lines and rejected.value.lines[0].startswith("bild.json: ")


def _upload(at, name: str, content: bytes):
    at.file_uploader[0].upload(name, content, "application/json").run()
    next(b for b in at.button if b.label == "Importieren").click().run()
    assert not at.exception, at.exception
    return at


def test_upload_on_the_roadmap_page(engine, demo_token, demo_json):
    from tests.app.conftest import open_app

    at = open_app(demo_token, "roadmap.py")
    before = _counts(engine)
    demo_json["organisation"]["name"] = "Imported <b>GmbH</b>"
    demo_json["respondents"][0]["answers"]["no_such_item"] = 1
    _upload(at, "kaputt.json", json.dumps(demo_json).encode())
    assert at.error[0].value == "Die Datei wurde nicht importiert:"
    assert "kaputt.json: $.respondents[0].answers.no_such_item: unknown item id" in at.code[0].value
    assert _counts(engine) == before and at.query_params["t"] == demo_token

    del demo_json["respondents"][0]["answers"]["no_such_item"]
    _upload(at, "gut.json", json.dumps(demo_json).encode())
    new_token = at.query_params["t"]
    assert new_token != demo_token
    details = repo.round_details(engine, repo.resolve_token(engine, new_token).round_id)
    assert details.organisation.name == "Imported <b>GmbH</b>"
    assert any(t.value == "Imported <b>GmbH</b> · Selbstcheck Herbst 2026" for t in at.text)
    assert any(f"t={demo_token}" in c.value for c in at.code), "the previous link stays visible"
    assert at.file_uploader[0].value is None, "the uploader is empty: no accidental second import"


def test_the_same_file_twice_is_stored_once_and_a_changed_one_only_on_request(engine, demo_token):
    from tests.app.conftest import open_app

    round_id = repo.resolve_token(engine, demo_token).round_id
    exported = json.loads(dump_responses(repo.export_round(engine, round_id)))
    assert exported["round"]["id"]
    at = open_app(demo_token, "roadmap.py")
    before = _counts(engine)

    _upload(at, "export.json", json.dumps(exported).encode())
    assert any("bereits importiert" in info.value for info in at.info)
    assert _counts(engine) == before and at.query_params["t"] == demo_token

    exported["round"]["label"] = "Nach dem Export umbenannt"
    _upload(at, "geaendert.json", json.dumps(exported).encode())
    assert any("anderem Inhalt" in warning.value for warning in at.warning)
    assert _counts(engine) == before and at.query_params["t"] == demo_token

    next(b for b in at.button if b.label == "Als neue Runde importieren").click().run()
    assert not at.exception, at.exception
    new_token = at.query_params["t"]
    assert new_token != demo_token
    details = repo.round_details(engine, repo.resolve_token(engine, new_token).round_id)
    assert details.label == "Nach dem Export umbenannt"
    assert details.uid != exported["round"]["id"]
    assert _counts(engine)["round"] == before["round"] + 1
