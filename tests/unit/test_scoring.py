"""Scoring on the mini questionnaire: hand-computed values, many rounds at once, JSON shape."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from assessment.questionnaire import Questionnaire
from assessment.responses import ResponseFile
from assessment.scoring import (
    ANSWER_COLUMNS,
    Scores,
    answers_frame,
    score_response,
    score_rounds,
    scores_to_dict,
    targets_frame,
)
from tests.conftest import MINI, run_cli


def response(
    answers: dict[str, dict[str, int | None]], targets: dict[str, float] | None = None
) -> ResponseFile:
    """A response file for mini with these answers per respondent."""
    return ResponseFile.model_validate(
        {
            "questionnaire": {"id": "mini", "version": "1.0"},
            "organisation": {"name": "Testbetrieb"},
            "round": {"label": "Test", "date": "2025-01-15"},
            "respondents": [{"id": rid, "answers": a} for rid, a in answers.items()],
            "targets": targets or {},
        }
    )


def score(
    mini: Questionnaire,
    answers: dict[str, dict[str, int | None]],
    targets: dict[str, float] | None = None,
) -> Scores:
    return score_response(response(answers, targets), mini)


def item_row(scores: Scores, item: str) -> dict:
    (row,) = scores.items[scores.items["item"] == item].to_dict("records")
    return row


def area_row(scores: Scores, area: str) -> dict:
    (row,) = scores.areas[scores.areas["area"] == area].to_dict("records")
    return row


# --- items ---------------------------------------------------------------------------------------


def test_not_applicable_answers_do_not_count(mini: Questionnaire) -> None:
    s = score(mini, {"a": {"s1": 4, "s2": None}, "b": {"s1": None, "s2": None}})
    s1, s2 = item_row(s, "s1"), item_row(s, "s2")
    assert (s1["mean"], s1["n"], s1["min"], s1["max"], s1["sd"]) == (4.0, 1, 4.0, 4.0, 0.0)
    assert s2["n"] == 0
    assert all(math.isnan(s2[k]) for k in ("mean", "min", "max", "sd"))
    strategy = area_row(s, "strategy")
    assert strategy["score"] == 100.0  # only s1 counts: 4 / 4
    assert strategy["coverage"] == 0.25  # weight 1 of 1 + 3
    assert bool(strategy["incomplete"]) is True


def test_statistics_over_several_respondents(mini: Questionnaire) -> None:
    s = score(
        mini,
        {
            "a": {"c1": 1, "c2": 0},
            "b": {"c1": 2, "c2": 4},
            "c": {"c1": None, "c2": 2},
            "d": {"c2": 2},
        },
    )
    c1, c2 = item_row(s, "c1"), item_row(s, "c2")
    assert (c1["mean"], c1["n"], c1["min"], c1["max"]) == (1.5, 2, 1.0, 2.0)
    assert c1["sd"] == pytest.approx(0.5, abs=1e-12)
    assert bool(c1["disagreement"]) is False
    assert (c2["mean"], c2["n"], c2["min"], c2["max"]) == (2.0, 4, 0.0, 4.0)
    assert c2["sd"] == pytest.approx(math.sqrt(2), abs=1e-12)  # population sd: sqrt(8 / 4)
    assert bool(c2["disagreement"]) is True
    assert s.overall["respondents"].tolist() == [4]


@pytest.mark.parametrize(
    ("values", "disagreement"),
    [
        ([1, 3], True),  # max - min = 2 = half the scale
        ([2, 3], False),
        ([0, 4], True),
        ([1, 2, 3], True),
        ([2, 2, 3, 3], False),
        ([4], False),  # one answer cannot disagree
        ([1, None, 3], True),
        ([1, None, None], False),
    ],
)
def test_disagreement(mini: Questionnaire, values: list, disagreement: bool) -> None:
    s = score(mini, {f"p{n}": {"t1": v} for n, v in enumerate(values)})
    assert bool(item_row(s, "t1")["disagreement"]) is disagreement


@pytest.mark.parametrize(
    ("values", "sd"),
    [
        ([1, 1, 3], math.sqrt(8 / 9)),
        ([0, 4], 2.0),
        ([2, 2], 0.0),
        ([3], 0.0),
        ([0, 1, 2, 3, 4], 2**0.5),
    ],
)
def test_population_standard_deviation(mini: Questionnaire, values: list, sd: float) -> None:
    s = score(mini, {f"p{n}": {"h2": v} for n, v in enumerate(values)})
    assert item_row(s, "h2")["sd"] == pytest.approx(sd, abs=1e-12)


# --- areas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("s1", "s2", "expected"),
    [
        (4, 0, 25.0),  # (1·4 + 3·0) / 4 / 4 · 100
        (0, 4, 75.0),  # (1·0 + 3·4) / 4 / 4 · 100
        (2, 1, 31.25),  # (1·2 + 3·1) / 4 / 4 · 100
        (3, 3, 75.0),
    ],
)
def test_item_weights(mini: Questionnaire, s1: int, s2: int, expected: float) -> None:
    strategy = area_row(score(mini, {"a": {"s1": s1, "s2": s2}}), "strategy")
    assert strategy["score"] == expected
    assert strategy["coverage"] == 1.0
    assert bool(strategy["incomplete"]) is False


@pytest.mark.parametrize(
    ("answers", "coverage", "incomplete"),
    [
        ({"s1": 2}, 0.25, True),
        ({"s2": 2}, 0.75, False),
        ({"h1": 2}, 0.5, False),  # exactly half is not incomplete
        ({"s1": 2, "s2": 2, "h1": 1, "h2": 3}, 1.0, False),
    ],
)
def test_coverage(mini: Questionnaire, answers: dict, coverage: float, incomplete: bool) -> None:
    s = score(mini, {"a": answers})
    area = area_row(s, mini.item_dimension[next(iter(answers))])
    assert area["coverage"] == coverage
    assert bool(area["incomplete"]) is incomplete


def test_area_without_answers(mini: Questionnaire) -> None:
    s = score(mini, {"a": {"s1": 2, "n1": None}, "b": {"n2": None}}, targets={"services": 60})
    for area_id, target in [("networking", 25.0), ("services", 60.0)]:
        area = area_row(s, area_id)
        assert math.isnan(area["score"])
        assert area["stage"] is None
        assert area["coverage"] == 0.0
        assert bool(area["incomplete"]) is True
        assert area["target"] == target
        assert math.isnan(area["gap"])


@pytest.mark.parametrize(
    ("h1", "h2", "score_", "stage", "target", "gap"),
    [
        (0, 0, 0.0, "start", 25.0, 25.0),
        (1, 0, 12.5, "start", 25.0, 12.5),
        (1, 1, 25.0, "build", 50.0, 25.0),
        (2, 1, 37.5, "build", 50.0, 12.5),
        (2, 2, 50.0, "develop", 75.0, 25.0),
        (2, 3, 62.5, "develop", 75.0, 12.5),
        (3, 3, 75.0, "embedded", 75.0, 0.0),  # top stage: target = score
        (4, 3, 87.5, "embedded", 87.5, 0.0),
        (4, 4, 100.0, "embedded", 100.0, 0.0),
    ],
)
def test_stage_default_target_and_gap(
    mini: Questionnaire, h1: int, h2: int, score_: float, stage: str, target: float, gap: float
) -> None:
    hr = area_row(score(mini, {"a": {"h1": h1, "h2": h2}}), "hr")
    assert (hr["score"], hr["stage"], hr["target"], hr["gap"]) == (score_, stage, target, gap)


def test_top_stage_default_target_leaves_no_gap(mini: Questionnaire) -> None:
    """At the top stage the default target is the score itself: the gap is exactly 0."""
    s = score(mini, {"a": {"t1": 4, "t2": 3}, "b": {"t1": 4, "t2": 4}, "c": {"t1": 3, "t2": 4}})
    training = area_row(s, "training")
    assert training["score"] == pytest.approx(275 / 3)
    assert training["stage"] == "embedded"
    assert training["target"] == training["score"]
    assert training["gap"] == 0.0


@pytest.mark.parametrize(
    ("target", "gap"),
    [(90.0, 27.5), (62.5, 0.0), (30.0, 0.0), (0.0, 0.0), (100.0, 37.5)],
)
def test_user_target_wins_and_gap_is_clipped(
    mini: Questionnaire, target: float, gap: float
) -> None:
    s = score(mini, {"a": {"h1": 2, "h2": 3, "c1": 1}}, targets={"hr": target})
    hr = area_row(s, "hr")
    assert (hr["score"], hr["target"], hr["gap"]) == (62.5, target, gap)
    services = area_row(s, "services")  # no user target: default applies
    assert (services["score"], services["target"], services["gap"]) == (25.0, 50.0, 25.0)


# --- overall -------------------------------------------------------------------------------------


def test_overall_is_area_weighted_over_scored_areas(mini: Questionnaire) -> None:
    # strategy 50 (weight 2), hr 100, training 0, services and networking unanswered
    s = score(mini, {"a": {"s1": 2, "s2": 2, "h1": 4, "t2": 0, "c1": None}})
    assert s.areas["score"].tolist()[:3] == [50.0, 100.0, 0.0]
    overall = s.overall.to_dict("records")[0]
    assert overall["score"] == 50.0  # (2·50 + 1·100 + 1·0) / (2 + 1 + 1)
    assert overall["stage"] == "develop"
    assert overall["respondents"] == 1
    assert overall["round"] == "current"


def test_overall_weights_strategy_twice(mini: Questionnaire) -> None:
    s = score(mini, {"a": {"s1": 4, "s2": 4, "h1": 1, "h2": 1}})
    assert s.overall["score"].tolist() == [75.0]  # (2·100 + 1·25) / 3
    assert s.overall["stage"].tolist() == ["embedded"]


def test_nothing_answered(mini: Questionnaire) -> None:
    s = score(mini, {})
    assert len(s.items) == 10
    assert s.items["n"].tolist() == [0] * 10
    assert s.areas["score"].isna().all()
    assert s.areas["stage"].tolist() == [None] * 5
    overall = s.overall.to_dict("records")[0]
    assert math.isnan(overall["score"])
    assert overall["stage"] is None
    assert overall["respondents"] == 0


def test_overall_is_provisional_until_every_area_is_scored_and_half_the_weight_answered(
    mini: Questionnaire,
) -> None:
    # mini: item weights s1 1, s2 3, the other eight 1 each: 12 in all
    every_area = {"s1": 4, "h1": 4, "t1": 4, "c1": 4, "n1": 4}  # weight 5 of 12
    s = score(mini, {"a": every_area})
    overall = s.overall.to_dict("records")[0]
    assert overall["coverage"] == pytest.approx(5 / 12)
    assert (overall["rated"], overall["provisional"]) == (5, True)
    assert s.areas["rated"].all()
    half = {**every_area, "h2": 4}  # weight 6 of 12: exactly half is enough
    assert score(mini, {"a": half}).overall["provisional"].tolist() == [False]
    no_networking = {"s1": 4, "s2": 4, "h1": 4, "h2": 4, "t1": 4, "t2": 4, "c1": 4, "c2": 4}
    s = score(mini, {"a": {**no_networking, "n1": None, "n2": None}})  # N/A is not a rating
    assert s.overall["coverage"].tolist() == [pytest.approx(10 / 12)]
    assert s.overall["provisional"].tolist() == [True]
    assert s.areas.set_index("area")["rated"].to_dict() == {
        "strategy": True, "hr": True, "training": True, "services": True, "networking": False
    }  # fmt: skip
    nothing = score(mini, {}).overall.to_dict("records")[0]
    assert (nothing["coverage"], nothing["rated"], nothing["provisional"]) == (0.0, 0, True)


def test_table_shapes_and_order(mini: Questionnaire) -> None:
    s = score(mini, {"a": {"n2": 1, "s1": 3}})
    assert list(s.items.columns) == [
        "round", "area", "item", "mean", "n", "min", "max", "sd", "disagreement"
    ]  # fmt: skip
    assert list(s.areas.columns) == [
        "round", "area", "score", "stage", "coverage", "incomplete", "target", "gap", "rated"
    ]  # fmt: skip
    assert list(s.overall.columns) == [
        "round", "score", "stage", "respondents", "coverage", "rated", "provisional"
    ]  # fmt: skip
    assert s.items["item"].tolist() == list(mini.items_by_id)
    assert s.areas["area"].tolist() == [d.id for d in mini.dimensions]


def test_frames_from_a_response_file(mini: Questionnaire) -> None:
    data = response({"a": {"s1": 2, "s2": None}, "b": {"h1": 0}}, targets={"hr": 40})
    frame = answers_frame(data, "r1")
    assert list(frame.columns) == ANSWER_COLUMNS
    assert frame["value"].dtype == np.float64
    expected = [("r1", "a", "s1", 2.0), ("r1", "a", "s2", None), ("r1", "b", "h1", 0.0)]
    rows = [(r, p, i, None if math.isnan(v) else v) for r, p, i, v in frame.itertuples(index=False)]
    assert rows == expected
    assert targets_frame(data.targets, "r1").to_dict("records") == [
        {"round": "r1", "area": "hr", "target": 40.0}
    ]


# --- many rounds at once -------------------------------------------------------------------------


ROUNDS: dict[str, dict[str, dict[str, int | None]]] = {
    "2023": {"a": {"s1": 0, "s2": 1, "h1": 0, "t1": None}, "b": {"s1": 1, "c2": 4}},
    "2024": {
        "a": {"s1": 2, "s2": 2, "h1": 1, "h2": 2, "t1": 3, "t2": 2, "c1": 1, "n1": 0},
        "b": {"s1": 3, "s2": 1, "h1": 3, "h2": None, "t1": 4, "c1": 2, "c2": 3, "n2": 1},
        "c": {"s2": 4, "t2": 1, "n1": 4},
    },
    "2025": {"x": {"s1": 4, "s2": 4, "h1": 4, "h2": 4, "t1": 4, "t2": 3, "c1": 4, "c2": 4}},
    "empty": {"y": {"s1": None}},
}
TARGETS = {"2024": {"hr": 80, "networking": 10}, "2025": {"services": 95}}


def long_table() -> tuple[pd.DataFrame, pd.DataFrame]:
    answers = pd.concat(
        [answers_frame(response(a), key) for key, a in ROUNDS.items()], ignore_index=True
    )
    targets = pd.concat([targets_frame(t, key) for key, t in TARGETS.items()], ignore_index=True)
    return answers, targets


def test_many_rounds_equal_each_round_alone(mini: Questionnaire) -> None:
    answers, targets = long_table()
    together = score_rounds(answers, mini, targets)
    assert together.overall["round"].tolist() == list(ROUNDS)
    for key in ROUNDS:
        alone = score_rounds(
            answers[answers["round"] == key].reset_index(drop=True),
            mini,
            targets[targets["round"] == key].reset_index(drop=True),
        )
        picked = together.round(key)
        pd.testing.assert_frame_equal(picked.items, alone.items)
        pd.testing.assert_frame_equal(picked.areas, alone.areas)
        pd.testing.assert_frame_equal(picked.overall, alone.overall)


def test_many_rounds_equal_score_response(mini: Questionnaire) -> None:
    answers, targets = long_table()
    together = score_rounds(answers, mini, targets)
    for key, round_answers in ROUNDS.items():
        alone = score_response(response(round_answers, TARGETS.get(key)), mini, key)
        assert scores_to_dict(together, mini, key) == scores_to_dict(alone, mini)


def test_rounds_argument_orders_and_adds_rounds(mini: Questionnaire) -> None:
    answers, _ = long_table()
    s = score_rounds(answers, mini, rounds=["2025", "none", "2023"])
    assert s.overall["round"].tolist() == ["2025", "none", "2023"]
    assert s.overall["respondents"].tolist() == [1, 0, 2]
    assert s.areas["round"].tolist() == ["2025"] * 5 + ["none"] * 5 + ["2023"] * 5
    assert s.areas[s.areas["round"] == "none"]["score"].isna().all()


def test_scoring_does_not_change_its_input(mini: Questionnaire) -> None:
    answers, targets = long_table()
    before = (answers.copy(), targets.copy())
    score_rounds(answers, mini, targets)
    pd.testing.assert_frame_equal(answers, before[0])
    pd.testing.assert_frame_equal(targets, before[1])


# --- JSON shape ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def uneven() -> Questionnaire:
    """mini with hr item weights 1 and 2, so that coverage can be 1/3."""
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["dimensions"][1]["items"][1]["weight"] = 2
    return Questionnaire.model_validate(data)


def test_scores_to_dict_shape_and_rounding(uneven: Questionnaire) -> None:
    data = response(
        {
            "a": {"s1": 1, "s2": 2, "h1": 1, "t1": 0, "t2": 1},
            "b": {"s1": 2, "s2": 2, "h1": 2, "t1": 2, "t2": 1},
            "c": {"s1": 2, "s2": 3, "h1": 2, "t1": 2},
        }
    )
    result = scores_to_dict(score_response(data, uneven), uneven)
    assert list(result) == ["questionnaire", "overall", "respondents", "areas"]
    assert result["questionnaire"] == {"id": "mini", "version": "1.0"}
    assert result["respondents"] == 3
    assert [a["id"] for a in result["areas"]] == [d.id for d in uneven.dimensions]
    strategy, hr, training = result["areas"][:3]
    # s1: 5/3 = 1.666… -> 1.67; s2: 7/3 = 2.333… -> 2.33; (5/3 + 3·7/3) / 4 / 4 · 100 = 54.1666…
    assert strategy == {
        "id": "strategy",
        "score": 54.2,
        "rated": True,
        "stage": "develop",
        "coverage": 1.0,
        "incomplete": False,
        "target": 75.0,
        "gap": 20.8,
        "items": [
            {"id": "s1", "mean": 1.67, "n": 3, "min": 1.0, "max": 2.0, "sd": 0.47,
             "disagreement": False},
            {"id": "s2", "mean": 2.33, "n": 3, "min": 2.0, "max": 3.0, "sd": 0.47,
             "disagreement": False},
        ],
    }  # fmt: skip
    # hr: only h1 (weight 1 of 1 + 2) answered: coverage 1/3 -> 0.333, incomplete
    assert hr["coverage"] == 0.333
    assert hr["incomplete"] is True
    assert hr["score"] == 41.7  # 5/3 / 4 · 100 = 41.666…
    assert hr["items"][1] == {
        "id": "h2", "mean": None, "n": 0, "min": None, "max": None, "sd": None,
        "disagreement": False,
    }  # fmt: skip
    # training: t1 = 4/3 (sd 0.943), t2 = 1; (4/3 + 1) / 2 / 4 · 100 = 29.1666…
    assert training["score"] == 29.2
    assert training["items"][0]["sd"] == 0.94
    assert training["items"][0]["disagreement"] is True
    # answered weight 1 + 3 + 1 + 1 + 1 of 13; services and networking unrated: provisional
    assert [a["rated"] for a in result["areas"]] == [True, True, True, False, False]
    assert training["gap"] == 20.8
    # overall: (2·54.1666… + 41.666… + 29.1666…) / 4 = 44.791…
    assert result["overall"] == {
        "score": 44.8, "stage": "build", "coverage": 0.538, "provisional": True,
        "rated_items": 5, "items": 10,
    }  # fmt: skip
    assert result["areas"][4]["score"] is None
    json.dumps(result)  # plain JSON types only


def test_scores_to_dict_picks_one_round(mini: Questionnaire) -> None:
    answers, targets = long_table()
    together = score_rounds(answers, mini, targets)
    result = scores_to_dict(together, mini, "2025")
    assert result["respondents"] == 1
    # (2·100 + 100 + 87.5 + 100) / 5; networking unanswered
    assert (result["overall"]["score"], result["overall"]["stage"]) == (97.5, "embedded")
    assert result["overall"]["provisional"] is True  # networking has no score
    services = result["areas"][3]
    assert (services["score"], services["target"], services["gap"]) == (100.0, 95.0, 0.0)
    assert all(len(a["items"]) == 2 for a in result["areas"])


# --- the hand-computed example through the command line ------------------------------------------

HAND_EXAMPLE_RESULT = {
    "questionnaire": {"id": "mini", "version": "1.0"},
    "overall": {"score": 50.4, "stage": "develop", "coverage": 0.75, "provisional": True,
                "rated_items": 7, "items": 10},
    "respondents": 3,
    "areas": [
        {"id": "strategy", "score": 46.9, "rated": True, "stage": "build", "coverage": 1.0,
         "incomplete": False, "target": 50.0, "gap": 3.1, "items": [
            {"id": "s1", "mean": 2.5, "n": 2, "min": 2.0, "max": 3.0, "sd": 0.5,
             "disagreement": False},
            {"id": "s2", "mean": 1.67, "n": 3, "min": 1.0, "max": 3.0, "sd": 0.94,
             "disagreement": True},
        ]},
        {"id": "hr", "score": 16.7, "rated": True, "stage": "start", "coverage": 0.5,
         "incomplete": False, "target": 40.0, "gap": 23.3, "items": [
            {"id": "h1", "mean": 0.67, "n": 3, "min": 0.0, "max": 1.0, "sd": 0.47,
             "disagreement": False},
            {"id": "h2", "mean": None, "n": 0, "min": None, "max": None, "sd": None,
             "disagreement": False},
        ]},
        {"id": "training", "score": 91.7, "rated": True, "stage": "embedded", "coverage": 1.0,
         "incomplete": False, "target": 91.7, "gap": 0.0, "items": [
            {"id": "t1", "mean": 3.67, "n": 3, "min": 3.0, "max": 4.0, "sd": 0.47,
             "disagreement": False},
            {"id": "t2", "mean": 3.67, "n": 3, "min": 3.0, "max": 4.0, "sd": 0.47,
             "disagreement": False},
        ]},
        {"id": "services", "score": 50.0, "rated": True, "stage": "develop", "coverage": 1.0,
         "incomplete": False, "target": 75.0, "gap": 25.0, "items": [
            {"id": "c1", "mean": 2.0, "n": 3, "min": 2.0, "max": 2.0, "sd": 0.0,
             "disagreement": False},
            {"id": "c2", "mean": 2.0, "n": 3, "min": 0.0, "max": 4.0, "sd": 1.63,
             "disagreement": True},
        ]},
        {"id": "networking", "score": None, "rated": False, "stage": None, "coverage": 0.0,
         "incomplete": True, "target": 25.0, "gap": None, "items": [
            {"id": "n1", "mean": None, "n": 0, "min": None, "max": None, "sd": None,
             "disagreement": False},
            {"id": "n2", "mean": None, "n": 0, "min": None, "max": None, "sd": None,
             "disagreement": False},
        ]},
    ],
}  # fmt: skip


def test_hand_example_through_the_cli(mini_dir: Path) -> None:
    """tests/fixtures/hand_example.json, scored by hand (scale 0..4, stages 0/25/50/75/100).

    Three respondents r1, r2, r3; "–" is N/A (null or missing) and does not count.

    item  weight  r1 r2 r3   n  mean          min max  population sd             spread
    s1    1       2  3  –    2  2.5           2   3    sqrt((.25+.25)/2) = 0.5   1
    s2    3       1  1  3    3  5/3 = 1.67    1   3    sqrt((4/9+4/9+16/9)/3)
                                                         = sqrt(8/9) = 0.94      2 -> disagree
    h1    1       0  1  1    3  2/3 = 0.67    0   1    sqrt(2/9) = 0.47          1
    h2    1       –  –  –    0  –
    t1    1       4  4  3    3  11/3 = 3.67   3   4    sqrt(2/9) = 0.47          1
    t2    1       3  4  4    3  11/3 = 3.67   3   4    0.47                      1
    c1    1       2  2  2    3  2             2   2    0                         0
    c2    1       4  0  2    3  2             0   4    sqrt((4+4+0)/3) = 1.63    4 -> disagree
    n1    1       –  –  –    0  –
    n2    1       –  –  (missing) 0  –

    Disagreement: n >= 2 and max - min >= 4 / 2 = 2.

    Areas (score = Σ w·mean / Σ w over answered items / 4 · 100; coverage = answered weight):
      strategy   (1·2.5 + 3·5/3) / 4 = 7.5 / 4 = 1.875 -> 46.875 -> 46.9   coverage 4/4 = 1.0
      hr         (1·2/3) / 1 = 0.667             -> 16.67  -> 16.7    coverage 1/2 = 0.5
                 (exactly 50 % is not incomplete)
      training   (11/3 + 11/3) / 2 = 3.667       -> 91.67  -> 91.7    coverage 1.0
      services   (2 + 2) / 2 = 2                 -> 50.0              coverage 1.0
      networking nothing answered                -> none              coverage 0.0, incomplete

    Stages: 46.9 build [25, 50); 16.7 start [0, 25); 91.7 embedded [75, 100];
      50.0 develop [50, 75) (the lower bound belongs to the band); networking none.

    Targets and gaps (gap = target - score, at least 0):
      strategy   default = lower bound of the next stage = 50;  gap 50 - 46.875 = 3.125 -> 3.1
      hr         user target 40 (the file's target wins);      gap 40 - 16.67 = 23.33 -> 23.3
      training   top stage: target = the score itself, 91.7;   gap 0
      services   default 75;                                   gap 75 - 50 = 25
      networking no score: default = lower bound of the 2nd stage = 25; gap none

    Overall = Σ W·S / Σ W over scored areas (strategy weight 2, others 1, networking left out):
      (2·46.875 + 16.667 + 91.667 + 50) / (2 + 1 + 1 + 1) = 252.083 / 5 = 50.42 -> 50.4, develop.
    """
    result = run_cli("score", "tests/fixtures/hand_example.json", questionnaires=mini_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout) == HAND_EXAMPLE_RESULT


def test_hand_example_as_table(mini_dir: Path) -> None:
    result = run_cli(
        "score", "tests/fixtures/hand_example.json", "--format", "table", questionnaires=mini_dir
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Bereich", "Wert", "Ziel", "Lücke", "Abdeckung", "Stufe"]
    cells = [line.split() for line in lines[1:]]
    assert cells == [
        ["Organisation", "und", "Strategie", "46,9", "50,0", "3,1", "100", "%", "Aufbau"],
        ["Personalentwicklung", "16,7", "40,0", "23,3", "50", "%", "Einstieg"],
        ["Fort-", "und", "Weiterbildung", "91,7", "91,7", "0,0", "100", "%", "Verankert"],
        ["Angebote", "und", "Kundenservice", "50,0", "75,0", "25,0", "100", "%", "Entwicklung"],
        ["Kooperation", "und", "Vernetzung", "–", "25,0", "–", "0", "%", "–", "(unvollständig)"],
        ["Gesamt", "50,4", "Entwicklung", "(vorläufig:", "7", "von", "10", "Aussagen", "bewertet)"],
    ]
    assert "100\u00a0%" in lines[1]  # German numbers and percentages (a non-breaking space)


def test_scores_to_dict_refuses_to_mix_rounds(mini: Questionnaire) -> None:
    answers = pd.DataFrame(
        [("r1", "a", "s1", 4.0), ("r2", "a", "s1", 0.0)],
        columns=["round", "respondent", "item", "value"],
    )
    scores = score_rounds(answers, mini)
    with pytest.raises(ValueError, match="one round"):
        scores_to_dict(scores, mini)
    assert scores_to_dict(scores, mini, "r2")["areas"][0]["score"] == 0.0
