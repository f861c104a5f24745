"""Roadmap order: `requires` (validated), foundations first, capacity per size, "later"."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from assessment.questionnaire import QUESTIONNAIRE_DIR, Questionnaire, load_questionnaire
from assessment.responses import LATER, PHASES, PlanEntry, ResponseFile, dump_responses
from assessment.roadmap import capacity_for, compute_plan, phase_for
from assessment.scoring import score_response
from tests.conftest import MINI, run_cli

START = date(2026, 1, 12)


def load_variant(tmp_path: Path, change) -> list[str]:
    """The problem lines of mini changed by `change`, loaded from a file."""
    from assessment.questionnaire import QuestionnaireError

    data = copy.deepcopy(yaml.safe_load(MINI.read_text(encoding="utf-8")))
    change(data)
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(path)
    return info.value.lines()


def requiring(pairs: dict[str, list[str]]):
    def change(data: dict) -> None:
        for measure in data["measures"]:
            if measure["id"] in pairs:
                measure["requires"] = pairs[measure["id"]]

    return change


def test_requires_naming_an_unknown_measure_is_refused_with_file_and_field(tmp_path) -> None:
    lines = load_variant(tmp_path, requiring({"m_hr": ["m_strategy", "m_nowhere"]}))
    assert lines == [
        f"{tmp_path / 'variant.yaml'}: measures.2.requires: unknown measure 'm_nowhere'"
    ]


def test_circular_requires_are_refused_naming_the_cycle(tmp_path) -> None:
    cycle = {"m_strategy": ["m_training"], "m_hr": ["m_strategy"], "m_training": ["m_hr"]}
    (line,) = load_variant(tmp_path, requiring(cycle))
    assert line.startswith(f"{tmp_path / 'variant.yaml'}: measures.")
    assert ".requires: circular: " in line
    assert "m_strategy → m_training → m_hr → m_strategy" in line
    (line,) = load_variant(tmp_path, requiring({"m_hr": ["m_hr"]}))
    assert line.endswith("measures.2.requires: circular: m_hr → m_hr")


def round_file(q: Questionnaire, size: str, value: int = 1) -> ResponseFile:
    """Every statement answered `value` (a weak organisation) by one respondent."""
    return ResponseFile.model_validate(
        {
            "questionnaire": {"id": q.id, "version": q.version},
            "organisation": {"name": "Bäckerei Özdemir", "size": size},
            "round": {"label": "Selbstcheck 2026", "date": START.isoformat()},
            "respondents": [{"id": "a", "answers": dict.fromkeys(q.items_by_id, value)}],
        }
    )


def plan_for_size(name: str, size: str) -> tuple[Questionnaire, list[PlanEntry]]:
    q = load_questionnaire(QUESTIONNAIRE_DIR / name)
    data = round_file(q, size)
    return q, compute_plan(score_response(data, q), q, START, size)


def check_order(q: Questionnaire, plan: list[PlanEntry]) -> None:
    """No measure comes before (in phase or position) a planned measure it requires."""
    position = {e.measure: n for n, e in enumerate(plan)}
    for n, entry in enumerate(plan):
        measure = q.measures_by_id[entry.measure or ""]
        assert PHASES.index(entry.phase) >= PHASES.index(phase_for(measure.horizon))
        for required in measure.requires:
            if required in position:
                before = plan[position[required]]
                assert position[required] < n, (entry.measure, required)
                assert PHASES.index(before.phase) <= PHASES.index(entry.phase)


@pytest.mark.parametrize(
    ("size", "capacity"),
    [("1–9 Beschäftigte", 3), ("10–49 Beschäftigte", 3), ("49", 3), ("50–249 Beschäftigte", 5),
     ("249 Mitarbeitende", 5), ("250 und mehr Beschäftigte", 8), ("1.200 Beschäftigte", 8),
     ("", 5), ("mittelgroß", 5)],
)  # fmt: skip
def test_capacity_follows_the_organisation_size(size: str, capacity: int) -> None:
    assert capacity_for(size) == capacity


def test_the_administration_starts_with_the_decision_and_the_stocktake() -> None:
    q, plan = plan_for_size("verwaltung.yaml", "250 und mehr Beschäftigte")
    first = [e.measure for e in plan if e.phase == "0-3"]
    assert len(first) <= 8
    assert first[0] == "strategy_m_leadership_decision"
    assert "strategy_m_stocktake" in first
    steps = [e.measure for e in plan]
    assert steps.index("strategy_m_leadership_decision") < steps.index("networking_m_charter")
    check_order(q, plan)


@pytest.mark.parametrize("size", ["10–49 Beschäftigte", "1–9 Beschäftigte"])
def test_a_small_bakery_gets_at_most_three_new_measures_per_phase(size: str) -> None:
    q, plan = plan_for_size("kmu.yaml", size)
    for phase in PHASES[:-1]:
        assert len([e for e in plan if e.phase == phase]) <= 3, phase
    first = [e.measure for e in plan if e.phase == "0-3"]
    assert first[:2] == ["strategy_owner_kickoff", "strategy_team_stocktake"]
    later = [e for e in plan if e.phase == LATER]
    assert later and all(e.due is None for e in later)  # deferred, not dropped
    assert len(plan) == len(plan_for_size("kmu.yaml", "250 und mehr Beschäftigte")[1])
    check_order(q, plan)


def test_a_large_organisation_fills_up_to_eight_per_phase_and_defers_nothing() -> None:
    q, plan = plan_for_size("kmu.yaml", "250 und mehr Beschäftigte")
    counts = [len([e for e in plan if e.phase == phase]) for phase in PHASES]
    assert max(counts) <= 8 and counts[-1] == 0
    check_order(q, plan)


def test_a_measure_moved_to_a_later_phase_is_due_at_its_end() -> None:
    q, plan = plan_for_size("kmu.yaml", "10–49 Beschäftigte")
    for entry in plan:
        natural = phase_for(q.measures_by_id[entry.measure or ""].horizon)
        if entry.phase not in (natural, LATER):
            months = {"3-6": 6, "6-12": 12, "12-24": 24}[entry.phase]
            assert entry.due == date(START.year + months // 12, START.month + months % 12, 12)


def test_public_commitments_come_after_the_decision_in_both_catalogues() -> None:
    for name, charter, decision in (
        ("kmu.yaml", "networking_diversity_charter", "strategy_owner_kickoff"),
        ("verwaltung.yaml", "networking_m_charter", "strategy_m_leadership_decision"),
    ):
        q = load_questionnaire(QUESTIONNAIRE_DIR / name)
        assert decision in q.measures_by_id[charter].requires
    kmu = load_questionnaire(QUESTIONNAIRE_DIR / "kmu.yaml")
    agreements = kmu.measures_by_id["training_transfer_agreements"]
    assert agreements.requires == ["training_team_awareness"]


def test_cli_plan_prints_the_suggestion_as_json_and_as_a_table(tmp_path: Path) -> None:
    q = load_questionnaire(QUESTIONNAIRE_DIR / "kmu.yaml")
    path = tmp_path / "bakery.json"
    path.write_text(dump_responses(round_file(q, "10–49 Beschäftigte")), encoding="utf-8")
    result = run_cli("plan", str(path))
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["capacity"] == 3 and printed["size"] == "10–49 Beschäftigte"
    expected = compute_plan(
        score_response(round_file(q, "10–49 Beschäftigte"), q), q, START, "10–49 Beschäftigte"
    )
    assert [(s["order"], s["measure"], s["phase"]) for s in printed["plan"]] == [
        (n, e.measure, e.phase) for n, e in enumerate(expected, start=1)
    ]
    assert set(printed["plan"][0]) == {
        "order", "measure", "area", "phase", "priority", "due", "requires"
    }  # fmt: skip
    table = run_cli("plan", str(path), "--format", "table")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["order", "phase", "area", "priority", "measure"]
    assert lines[1].split()[:3] == ["1", "0-3", "strategy"]
    assert lines[1].split()[-1] == "strategy_owner_kickoff"
    assert len(lines) == len(expected) + 1


def test_cli_plan_rejects_a_broken_file_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    result = run_cli("plan", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {path}: line 1")
