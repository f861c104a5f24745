"""Importing a response file in the app: valid files become a round, bad ones change nothing."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
from assessment.questionnaire import load_catalogue
from assessment.responses import dump_responses
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
    with pytest.raises(actions.ImportRejected) as rejected:
        actions.parse_upload(json.dumps(demo_json).encode(), "runde.json")
    assert any(
        expected in line and line.startswith("runde.json: ") for line in rejected.value.lines
    )
    assert _counts(engine) == before


def test_not_json_at_all_is_rejected(engine):
    with pytest.raises(actions.ImportRejected) as rejected:
        actions.parse_upload(b"\x89PNG\r\n", "bild.json")
    assert rejected.value.lines and rejected.value.lines[0].startswith("bild.json: ")
