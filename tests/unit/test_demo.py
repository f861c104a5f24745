"""The demo round's stored plan is the suggestion the app makes for it once imported."""

from __future__ import annotations

import json
from pathlib import Path

from assessment.demo import DEMO_QUESTIONNAIRE, PLAN_DETAILS, demo_response
from assessment.group_rules import rated_by_enough, score_as_imported, score_file
from assessment.questionnaire import load_catalogue
from assessment.responses import dump_responses, read_responses
from assessment.scoring import answers_frame
from tests.conftest import run_cli


def test_cli_plan_of_the_demo_file_is_its_stored_plan(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    assert run_cli("demo", "--output", str(out)).returncode == 0
    data, _ = read_responses(out, load_catalogue())
    result = run_cli("plan", str(out))
    assert result.returncode == 0, result.stderr
    printed = [(s["measure"], s["phase"], s["due"]) for s in json.loads(result.stdout)["plan"]]
    assert data.plan
    assert printed == [(e.measure, e.phase, e.due and e.due.isoformat()) for e in data.plan]


def test_the_demo_keeps_its_owners_and_statuses_on_measures_of_its_plan() -> None:
    plan = demo_response(load_catalogue()[DEMO_QUESTIONNAIRE]).plan or []
    details = {e.measure: (e.owner, e.status) for e in plan if e.owner}
    assert details == PLAN_DETAILS


def test_a_file_of_several_is_scored_as_the_session_it_is_stored_as() -> None:
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    data = demo_response(q)
    assert data.round.mode is None and data.mode == "session"
    _, withheld = rated_by_enough(answers_frame(data), data.round.min_group)
    assert withheld, "the demo has statements two of its three rated"
    imported = score_as_imported(data, q).items.set_index("item")
    as_written = score_file(data, q).items.set_index("item")
    assert imported.loc[list(withheld), "n"].eq(0).all()
    assert as_written.loc[list(withheld), "n"].eq(2).all()
    rated = imported.index.difference(list(withheld))
    assert imported.loc[rated, "mean"].equals(as_written.loc[rated, "mean"])


def test_cli_plan_refuses_a_file_of_fewer_than_the_minimum_group(tmp_path: Path) -> None:
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    data = demo_response(q)
    path = tmp_path / "two.json"
    two = data.model_copy(update={"respondents": data.respondents[:2], "plan": None})
    path.write_text(dump_responses(two), encoding="utf-8")
    result = run_cli("plan", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {path}: the group result needs at least 3")
