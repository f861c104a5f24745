"""The single-round path gives the long-table path's tables (demo and random rounds).

Counts, flags, stages and the item statistics are identical; a sum over an area's or the
round's items may differ in its last bit (pandas' grouped sum does not add in one fixed way),
so floats are compared to 1e-12 relative, and the rounded figures the app shows are equal.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from assessment import scoring
from assessment.demo import demo_response
from assessment.group_rules import consensus_frame
from assessment.questionnaire import Questionnaire, load_catalogue, load_questionnaire
from assessment.scoring import Scores, answers_frame, score_rounds, scores_to_dict, targets_frame
from tests.conftest import MINI


def long_path(answers, q, targets=None, consensus=None, key="current") -> Scores:
    return scoring._score_long(answers, q, targets, [key], consensus)


def assert_identical(fast: Scores, slow: Scores, q: Questionnaire) -> None:
    pd.testing.assert_frame_equal(fast.items, slow.items, check_exact=True)
    for name in ("areas", "overall"):
        pd.testing.assert_frame_equal(
            getattr(fast, name), getattr(slow, name), check_exact=False, rtol=1e-12, atol=1e-12
        )
    assert scores_to_dict(fast, q) == scores_to_dict(slow, q)


def answer_table(rows: list[tuple]) -> pd.DataFrame:
    """A long answer table from (round, respondent, item, value, na) rows."""
    table = pd.DataFrame(rows, columns=scoring.ANSWER_COLUMNS)
    return table.astype({"value": "float64", "na": bool})


def random_round(q: Questionnaire, seed: int, key: str = "current"):
    """Respondents with some "don't know" and "not applicable", some items left out, an area
    everyone called "not applicable" in every other round, and a few user targets."""
    rng = np.random.default_rng(seed)
    areas = [d.id for d in q.dimensions]
    out_area = areas[seed % len(areas)] if seed % 2 else None
    rows = []
    for person in range(int(rng.integers(1, 31))):
        for area in q.dimensions:
            for item in area.items:
                draw = rng.random()
                if area.id == out_area or 0.15 <= draw < 0.23:
                    rows.append((key, f"p{person}", item.id, np.nan, True))
                elif draw < 0.15:
                    continue  # not answered
                elif draw < 0.33:
                    rows.append((key, f"p{person}", item.id, np.nan, False))  # don't know
                else:
                    value = float(rng.integers(0, q.scale_max + 1))
                    rows.append((key, f"p{person}", item.id, value, False))
    chosen = rng.choice(areas, size=int(rng.integers(0, len(areas) + 1)), replace=False)
    targets = targets_frame({a: float(rng.integers(0, 101)) for a in chosen}, key)
    return answer_table(rows), targets


@pytest.fixture(scope="module", params=["kmu", "verwaltung"])
def shipped(request) -> Questionnaire:
    return load_catalogue()[(request.param, "1.0")]


def test_the_demo_round_scores_identically(shipped):
    data = demo_response(shipped)
    answers, targets = answers_frame(data), targets_frame(data.targets)
    fast = score_rounds(answers, shipped, targets, rounds=["current"])
    assert_identical(fast, long_path(answers, shipped, targets), shipped)
    assert fast.overall["respondents"].item() == len(data.respondents)


@pytest.mark.parametrize("seed", range(15))
def test_random_rounds_score_identically(shipped, seed):
    answers, targets = random_round(shipped, seed)
    assert_identical(
        score_rounds(answers, shipped, targets, rounds=["current"]),
        long_path(answers, shipped, targets),
        shipped,
    )


@pytest.mark.parametrize("seed", range(5))
def test_agreed_scores_replace_the_means_identically(shipped, seed):
    answers, targets = random_round(shipped, seed)
    rng = np.random.default_rng(seed)
    agreed = {d.id: float(rng.integers(0, 101)) for d in shipped.dimensions if rng.random() < 0.5}
    consensus = consensus_frame(agreed)
    assert_identical(
        score_rounds(answers, shipped, targets, ["current"], consensus),
        long_path(answers, shipped, targets, consensus),
        shipped,
    )


def test_nothing_answered_only_dont_know_and_only_not_applicable_score_identically(shipped):
    empty = answer_table([])
    fast = score_rounds(empty, shipped, rounds=["current"])
    assert_identical(fast, long_path(empty, shipped), shipped)
    for na in (False, True):
        only = answer_table([("current", "p1", item, np.nan, na) for item in shipped.items_by_id])
        fast = score_rounds(only, shipped, rounds=["current"])
        assert_identical(fast, long_path(only, shipped), shipped)
        assert fast.overall["respondents"].item() == 1
        assert fast.items["applicable"].tolist() == [not na] * len(shipped.items_by_id)


def test_a_table_without_na_column_scores_identically(shipped):
    answers, targets = random_round(shipped, 3)
    plain = answers[~answers["na"]].drop(columns="na")
    fast = score_rounds(plain, shipped, targets, rounds=["current"])
    assert_identical(fast, long_path(plain, shipped, targets), shipped)
    assert fast.overall["not_applicable"].item() == 0


def test_one_round_of_a_longer_table_and_unknown_items_score_identically():
    q = load_questionnaire(MINI)
    first, _ = random_round(q, 1, "r1")
    second, targets = random_round(q, 2, "r2")
    stray = answer_table(
        [("r2", "p0", "no_such_item", 3.0, False), ("r2", "p99", "gone", np.nan, True)]
    )
    both = pd.concat([first, second, stray], ignore_index=True)
    assert_identical(
        score_rounds(both, q, targets, rounds=["r2"]), long_path(both, q, targets, key="r2"), q
    )
