"""Roadmap: phases, due dates, which measures apply, priority and order, stored plans."""

from __future__ import annotations

import copy
from datetime import date

import pytest
import yaml

from assessment.questionnaire import Questionnaire
from assessment.responses import PlanEntry, ResponseFile, parse_responses
from assessment.roadmap import (
    add_months,
    compute_plan,
    entry_title,
    first_steps,
    measure_priority,
    phase_for,
    plan_for,
    weak_items,
)
from assessment.scoring import Scores, score_response
from tests.conftest import FIXTURES, MINI

START = date(2025, 1, 15)


def variant(change) -> Questionnaire:
    data = copy.deepcopy(yaml.safe_load(MINI.read_text(encoding="utf-8")))
    change(data)
    return Questionnaire.model_validate(data)


def response(
    answers: dict[str, dict[str, int | None]],
    targets: dict[str, float] | None = None,
    plan: list[dict] | None = None,
) -> ResponseFile:
    raw = {
        "questionnaire": {"id": "mini", "version": "1.0"},
        "organisation": {"name": "Testbetrieb"},
        "round": {"label": "Test", "date": START.isoformat()},
        "respondents": [{"id": rid, "answers": a} for rid, a in answers.items()],
        "targets": targets or {},
    }
    if plan is not None:
        raw["plan"] = plan
    return ResponseFile.model_validate(raw)


def scores_of(q: Questionnaire, answers: dict, targets: dict | None = None) -> Scores:
    return score_response(response(answers, targets), q)


def plan_of(q: Questionnaire, answers: dict, targets: dict | None = None) -> list[tuple]:
    """The computed plan as (measure, phase, priority) for compact comparison."""
    plan = compute_plan(scores_of(q, answers, targets), q, START)
    return [(e.measure, e.phase, e.priority) for e in plan]


# --- phases and dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("horizon", "phase"),
    [(1, "0-3"), (3, "0-3"), (4, "3-6"), (6, "3-6"), (7, "6-12"), (12, "6-12"), (13, "12-24"),
     (24, "12-24")],
)  # fmt: skip
def test_phase_for(horizon: int, phase: str) -> None:
    assert phase_for(horizon) == phase


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2025, 3, 31), 3, date(2025, 6, 30)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 11, 15), 2, date(2026, 1, 15)),
        (date(2025, 12, 31), 12, date(2026, 12, 31)),
        (date(2025, 1, 15), 24, date(2027, 1, 15)),
        (date(2025, 5, 20), 0, date(2025, 5, 20)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


# --- which measures apply ------------------------------------------------------------------------


def test_area_below_applies_below(mini: Questionnaire) -> None:
    # hr 25 < 50 (m_hr applies_below); default target 50, gap 25; 25 · 1 · 2 / 2
    assert plan_of(mini, {"a": {"h1": 1, "h2": 1}}) == [("m_hr", "3-6", 25.0)]


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        # h1 mean 2 (weak: at most half the scale), hr = (2 + 4) / 2 / 4 = 75 >= 50;
        # target 90, gap 15; 15 · 1 · 2 / 2
        ([2, 2], [("m_hr", "3-6", 15.0)]),
        # h1 mean (1 + 3) / 2 = 2 is still weak; hr = 75 as above
        ([1, 3], [("m_hr", "3-6", 15.0)]),
        # h1 mean 2.5 is not weak; hr = 81.25 >= 50: nothing applies
        ([2, 3], []),
    ],
)
def test_linked_weak_item_selects_measure_above_applies_below(
    mini: Questionnaire, h1: list[int], expected: list
) -> None:
    answers = {"a": {"h1": h1[0], "h2": 4}, "b": {"h1": h1[1], "h2": 4}}
    assert plan_of(mini, answers, {"hr": 90}) == expected


def test_weak_item_that_is_not_linked_does_not_count(mini: Questionnaire) -> None:
    # hr = (4 + 1) / 2 / 4 = 62.5 >= 50, h2 is weak but m_hr links only h1
    assert plan_of(mini, {"a": {"h1": 4, "h2": 1}}) == []


def test_weak_items(mini: Questionnaire) -> None:
    s = scores_of(mini, {"a": {"s1": 2, "s2": 3, "h1": 0, "t1": 4, "c1": None}, "b": {"s2": 2}})
    assert weak_items(s, mini) == {"s1", "h1"}  # s2 mean 2.5, t1 4, c1 unanswered


@pytest.mark.parametrize(
    ("answers", "targets"),
    [
        pytest.param({"s1": 4, "s2": 4}, None, id="top-stage-100"),
        pytest.param({"s1": 4, "s2": 3}, None, id="top-stage-81.25"),
        pytest.param({"s1": 3, "s2": 4}, None, id="top-stage-93.75"),
        # 50 < applies_below 75 and s1, s2 weak, but the user's target 40 is reached
        pytest.param({"s1": 2, "s2": 2}, {"strategy": 40}, id="above-user-target"),
        pytest.param({"s1": 2, "s2": 2}, {"strategy": 50}, id="at-user-target"),
    ],
)
def test_area_at_target_gets_only_the_keep_up_measure(
    mini: Questionnaire, answers: dict, targets: dict | None
) -> None:
    assert plan_of(mini, {"a": answers}, targets) == [("m_strategy_keep", "6-12", 0.0)]


def test_only_one_keep_up_measure_per_area() -> None:
    def second_keep_up(data: dict) -> None:
        extra = copy.deepcopy(data["measures"][1])
        extra["id"] = "m_strategy_keep_two"
        extra["horizon"] = 2
        data["measures"].append(extra)

    q = variant(second_keep_up)
    assert plan_of(q, {"a": {"s1": 4, "s2": 4}}) == [("m_strategy_keep", "6-12", 0.0)]


def _more_hr_measures(data: dict) -> None:
    template = data["measures"][2]  # m_hr: horizon 6, effort 2, impact 2
    for suffix, impact, effort in [("a", 1, 3), ("b", 3, 1), ("c", 2, 2), ("d", 3, 3), ("e", 2, 1)]:
        extra = copy.deepcopy(template)
        extra.update(id=f"m_hr_{suffix}", impact=impact, effort=effort, applies_below=100)
        data["measures"].append(extra)


def test_at_most_four_measures_per_area_by_priority() -> None:
    q = variant(_more_hr_measures)
    # hr 0, target 25, gap 25: priority = 25 · impact / effort
    # m_hr 25, a 8.33, b 75, c 25, d 25, e 50 -> b, e, then the first two of the 25s
    assert plan_of(q, {"a": {"h1": 0, "h2": 0}}) == [
        ("m_hr_b", "3-6", 75.0),
        ("m_hr_e", "3-6", 50.0),
        ("m_hr", "3-6", 25.0),
        ("m_hr_c", "3-6", 25.0),
    ]


def test_area_without_answers_gets_nothing(mini: Questionnaire) -> None:
    answers = {"a": {"n1": None, "n2": None, "h1": 4, "h2": 4}}
    # networking has no score (m_network would apply at any score < 50), hr is at target
    assert plan_of(mini, answers, {"networking": 50}) == []


# --- priority and order --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "gap", "weight", "priority"),
    [
        ("m_strategy", 3.125, 2, 18.75),  # 3.125 · 2 · 3 / 1
        ("m_hr", 25.0, 1, 25.0),  # 25 · 1 · 2 / 2
        ("m_training", 25.0, 1, 37.5),  # 25 · 1 · 3 / 2
        ("m_services", 12.0, 1, 12.0),  # 12 · 1 · 3 / 3
        ("m_network", 10.0, 1, 20.0),  # 10 · 1 · 2 / 1
        ("m_hr", 0.0, 1, 0.0),
    ],
)
def test_measure_priority(
    mini: Questionnaire, measure: str, gap: float, weight: float, priority: float
) -> None:
    assert measure_priority(mini.measures_by_id[measure], gap, weight) == priority


def test_everything_low_is_ordered_by_phase_then_priority(mini: Questionnaire) -> None:
    answers = {"a": {"s1": 1, "s2": 1, "h1": 0, "h2": 0, "t1": 0, "t2": 0, "c1": 0, "c2": 0,
                     "n1": 0, "n2": 0}}  # fmt: skip
    # strategy 25 -> target 50, gap 25; every other area 0 -> target 25, gap 25
    assert plan_of(mini, answers) == [
        ("m_strategy", "0-3", 150.0),  # 25 · 2 · 3 / 1
        ("m_network", "0-3", 50.0),  # 25 · 1 · 2 / 1
        ("m_hr", "3-6", 25.0),  # 25 · 1 · 2 / 2
        ("m_training", "6-12", 37.5),  # 25 · 1 · 3 / 2, horizon 9
        ("m_services", "12-24", 25.0),  # 25 · 1 · 3 / 3, horizon 18
    ]


def test_higher_priority_first_within_a_phase(mini: Questionnaire) -> None:
    answers = {"a": {"s1": 2, "s2": 2, "n1": 0, "n2": 0}}
    # strategy 50, user target 55: 5 · 2 · 3 = 30; networking 0, target 25: 25 · 1 · 2 = 50
    assert plan_of(mini, answers, {"strategy": 55}) == [
        ("m_network", "0-3", 50.0),
        ("m_strategy", "0-3", 30.0),
    ]


def _reverse_measures(data: dict) -> None:
    data["measures"].reverse()


@pytest.mark.parametrize(
    ("change", "order"),
    [
        pytest.param(lambda data: None, ["m_strategy", "m_network"], id="catalogue-order"),
        pytest.param(_reverse_measures, ["m_network", "m_strategy"], id="reversed-catalogue"),
    ],
)
def test_equal_priority_keeps_catalogue_order(change, order: list[str]) -> None:
    q = variant(change)
    answers = {"a": {"s1": 2, "s2": 2, "n1": 0, "n2": 0}}
    # strategy gap 5: 5 · 2 · 3 = 30; networking gap 15: 15 · 1 · 2 = 30
    plan = plan_of(q, answers, {"strategy": 55, "networking": 15})
    assert plan == [(m, "0-3", 30.0) for m in order]


def test_hand_example_plan_with_due_dates(mini: Questionnaire) -> None:
    text = (FIXTURES / "hand_example.json").read_bytes()
    data, q = parse_responses(text, {("mini", "1.0"): mini})
    plan = compute_plan(score_response(data, q), q, data.round.date)
    # strategy 46.875, target 50: 3.125 · 2 · 3 / 1 = 18.75, due 31 Mar + 3 months = 30 Jun
    # hr 16.67, user target 40: 23.33 · 1 · 2 / 2 = 23.33, due 31 Mar + 6 months = 30 Sep
    # training is at the top stage, services 50 is not below 50, networking has no answers
    assert plan == [
        PlanEntry(measure="m_strategy", area="strategy", phase="0-3", priority=18.75,
                  due=date(2025, 6, 30)),
        PlanEntry(measure="m_hr", area="hr", phase="3-6", priority=23.33,
                  due=date(2025, 9, 30)),
    ]  # fmt: skip
    assert all(e.status == "open" and e.title == "" and e.owner == "" for e in plan)


def test_due_is_start_plus_horizon(mini: Questionnaire) -> None:
    answers = {"a": {"s1": 0, "s2": 0, "h1": 0, "t1": 0, "c1": 0, "n1": 0}}
    plan = compute_plan(scores_of(mini, answers), mini, date(2024, 8, 31))
    due = {e.measure: e.due for e in plan}
    assert due == {
        "m_network": date(2024, 10, 31),  # 2 months
        "m_strategy": date(2024, 11, 30),  # 3 months, clamped
        "m_hr": date(2025, 2, 28),  # 6 months, clamped
        "m_training": date(2025, 5, 31),  # 9 months
        "m_services": date(2026, 2, 28),  # 18 months, clamped
    }


# --- stored plans, first steps, titles -----------------------------------------------------------


OWN_STEP = {"title": "Sprachcafé starten", "area": "networking", "phase": "0-3"}


@pytest.mark.parametrize(
    "plan",
    [pytest.param([OWN_STEP], id="edited"), pytest.param([], id="all-removed")],
)
def test_plan_for_uses_the_stored_plan(mini: Questionnaire, plan: list[dict]) -> None:
    data = response({"a": {"h1": 0, "h2": 0}}, plan=plan)
    stored = plan_for(data, score_response(data, mini), mini)
    assert stored == data.plan
    assert len(stored) == len(plan)


def test_plan_for_computes_without_a_stored_plan(mini: Questionnaire) -> None:
    data = response({"a": {"h1": 0, "h2": 0}})
    scores = score_response(data, mini)
    assert plan_for(data, scores, mini) == compute_plan(scores, mini, START)
    assert [e.measure for e in plan_for(data, scores, mini)] == ["m_hr"]


def entry(name: str, phase: str, priority: float | None, status: str = "open") -> PlanEntry:
    return PlanEntry(title=name, area="hr", phase=phase, priority=priority, status=status)


def test_first_steps_skip_done_and_dropped() -> None:
    plan = [
        entry("late", "12-24", 90.0),
        entry("done", "0-3", 99.0, "done"),
        entry("b", "0-3", 10.0, "in_progress"),
        entry("dropped", "0-3", 80.0, "dropped"),
        entry("a", "0-3", 20.0),
        entry("own", "0-3", None),
        entry("mid", "3-6", 5.0),
    ]
    assert [e.title for e in first_steps(plan)] == ["a", "b", "own"]
    assert [e.title for e in first_steps(plan, count=5)] == ["a", "b", "own", "mid", "late"]
    assert first_steps([entry("x", "0-3", 1.0, "done")]) == []


def test_first_steps_ties_keep_plan_order() -> None:
    plan = [entry("one", "3-6", 5.0), entry("two", "3-6", 5.0), entry("three", "3-6", 5.0)]
    assert [e.title for e in first_steps(plan, count=2)] == ["one", "two"]


@pytest.mark.parametrize(
    ("fields", "lang", "title"),
    [
        ({"measure": "m_hr"}, "de", "Maßnahme Personal"),
        ({"measure": "m_hr"}, "en", "HR measure"),
        ({"measure": "m_hr", "title": "Eigene Überschrift"}, "en", "Eigene Überschrift"),
        ({"title": "Sprachcafé starten"}, "de", "Sprachcafé starten"),
        ({"measure": "m_gone"}, "de", "m_gone"),
    ],
)
def test_entry_title(mini: Questionnaire, fields: dict, lang: str, title: str) -> None:
    step = PlanEntry(area="hr", phase="0-3", **fields)
    assert entry_title(step, mini, lang) == title
