"""Scoring of a single round in plain Python floats: the same figures as the long-table path.

Scoring one round (a results view after an answer, a group's result) is dominated by pandas'
per-call overhead: grouping, merging and reindexing a few dozen rows costs far more than the
arithmetic. This path walks the rows once and builds the three tables at the end. The item
statistics add as pandas' grouped mean and variance do (compensated summation, Welford's update)
and are bit for bit the long-table path's; an area's or the round's weighted sum may differ in
its last bit (pandas' grouped sum follows no order this path could copy), which no shown,
rounded figure reflects. tests/unit/test_scoring_one.py compares both paths on the demo and on
random rounds.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from assessment.questionnaire import Questionnaire
from assessment.scoring import MIN_COVERAGE, _stage_index

NAN = float("nan")


class _Sum:
    """A compensated (Kahan) running sum, as pandas' grouped `mean` adds."""

    __slots__ = ("compensation", "total")

    def __init__(self) -> None:
        self.total = 0.0
        self.compensation = 0.0

    def add(self, value: float) -> None:
        y = value - self.compensation
        t = self.total + y
        self.compensation = t - self.total - y
        self.total = t


class _ItemStats:
    """Count, compensated sum, minimum, maximum and Welford's variance of one item's values."""

    __slots__ = ("high", "low", "mean", "n", "squares", "sum")

    def __init__(self) -> None:
        self.n = 0
        self.sum = _Sum()
        self.low = math.inf
        self.high = -math.inf
        self.mean = 0.0
        self.squares = 0.0

    def add(self, value: float) -> None:
        self.n += 1
        self.sum.add(value)
        self.low = min(self.low, value)
        self.high = max(self.high, value)
        old = self.mean
        self.mean += (value - old) / self.n
        self.squares += (value - self.mean) * (value - old)


def score_one_round(
    answers: pd.DataFrame,
    q: Questionnaire,
    round_key: str,
    targets: pd.DataFrame | None,
    consensus: pd.DataFrame | None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(items, areas, overall) of `round_key`, in the columns and order of `score_rounds`."""
    mine = answers["round"].to_numpy() == round_key
    stats: dict[str, _ItemStats] = {item: _ItemStats() for item in q.items_by_id}
    people = set()
    for person, item, value in zip(
        answers["respondent"].to_numpy()[mine].tolist(),
        answers["item"].to_numpy()[mine].tolist(),
        answers["value"].to_numpy(dtype=float)[mine].tolist(),
        strict=True,
    ):
        people.add(person)
        if value == value and item in stats:  # NaN (N/A) is no value
            stats[item].add(value)
    areas, weights = _area_rows(q, stats, _by_area(consensus, round_key, "value"))
    _add_targets(areas, q, _by_area(targets, round_key, "target"))
    return (
        _items_table(q, round_key, stats),
        pd.DataFrame({"round": [round_key] * len(areas["area"]), **areas}),
        _overall_table(q, round_key, areas, weights, len(people)),
    )


#: The item table's columns after `round`, with the dtype of each (None: text).
_ITEM_COLUMNS = {"area": None, "item": None, "mean": float, "n": "int64", "min": float,
                 "max": float, "sd": float, "disagreement": bool}  # fmt: skip


def _items_table(q: Questionnaire, round_key: str, stats: dict[str, _ItemStats]) -> pd.DataFrame:
    rows = []
    for area in q.dimensions:
        for item in area.items:
            s = stats[item.id]
            if s.n:
                mean, low, high, sd = s.sum.total / s.n, s.low, s.high, math.sqrt(s.squares / s.n)
            else:
                mean = low = high = sd = NAN
            disagree = s.n >= 2 and high - low >= q.scale_max / 2
            rows.append((area.id, item.id, mean, s.n, low, high, sd, disagree))
    columns = zip(*rows, strict=True) if rows else ([] for _ in _ITEM_COLUMNS)
    table = {"round": [round_key] * len(rows)}
    for (name, dtype), values in zip(_ITEM_COLUMNS.items(), columns, strict=True):
        table[name] = list(values) if dtype is None else np.array(values, dtype=dtype)
    return pd.DataFrame(table)


def _by_area(frame: pd.DataFrame | None, round_key: str, column: str) -> dict[str, float]:
    """A per-area value of the round (targets, agreed scores); NaN counts as not given."""
    if frame is None or not len(frame):
        return {}
    mine = frame[frame["round"] == round_key]
    return {
        area: float(value)
        for area, value in zip(mine["area"].tolist(), mine[column].tolist(), strict=True)
        if not pd.isna(value)
    }


def _area_rows(
    q: Questionnaire, stats: dict[str, _ItemStats], agreed: dict[str, float]
) -> tuple[dict[str, np.ndarray | list], tuple[float, float, int]]:
    """The areas' scores and coverage; with (answered weight, all weight, rated items)."""
    ids, scores, coverages = [], [], []
    answered_all, weight_all, rated = _Sum(), _Sum(), 0
    for area in q.dimensions:
        value, answered, weight = _Sum(), _Sum(), _Sum()
        for item in area.items:
            s = stats[item.id]
            value.add(item.weight * (s.sum.total / s.n) if s.n else 0.0)
            for running in (answered, answered_all):
                running.add(item.weight if s.n else 0.0)
            weight.add(item.weight)
            weight_all.add(item.weight)
            rated += s.n > 0
        score = value.total / answered.total / q.scale_max * 100 if answered.total > 0 else NAN
        ids.append(area.id)
        scores.append(agreed.get(area.id, score))
        coverages.append(answered.total / weight.total)
    score_array = np.array(scores, dtype=float)
    coverage = np.array(coverages, dtype=float)
    areas = {"area": ids, "score": score_array, "stage": _stages(score_array, q),
             "coverage": coverage, "incomplete": coverage < MIN_COVERAGE}  # fmt: skip
    return areas, (answered_all.total, weight_all.total, rated)


def _stages(scores: np.ndarray, q: Questionnaire) -> pd.Series:
    ids = np.array([s.id for s in q.stages] + [None], dtype=object)
    return pd.Series(ids[_stage_index(scores, q)], dtype=object)  # as `scoring.stage_ids`


def _add_targets(areas: dict, q: Questionnaire, given: dict[str, float]) -> None:
    """Add target (the user's, else the next stage's lower bound), gap and rated."""
    scores = areas["score"]
    next_min = np.array([s.min for s in q.stages[1:]] + [np.nan, q.stages[1].min])
    default = next_min[_stage_index(scores, q)]
    default = np.where(np.isnan(default), scores, default)
    target = np.array(
        [
            given.get(area, fallback)
            for area, fallback in zip(areas["area"], default.tolist(), strict=True)
        ],
        dtype=float,
    )
    difference = target - scores
    areas["target"] = target
    areas["gap"] = np.where(difference < 0, 0.0, difference)  # NaN stays NaN, as in pandas' clip
    areas["rated"] = ~np.isnan(scores)


def _overall_table(
    q: Questionnaire,
    round_key: str,
    areas: dict,
    weights: tuple[float, float, int],
    respondents: int,
) -> pd.DataFrame:
    area_weight = {d.id: d.weight for d in q.dimensions}
    value, weight = _Sum(), _Sum()
    for area, score in zip(areas["area"], areas["score"].tolist(), strict=True):
        scored = score == score
        value.add(area_weight[area] * score if scored else 0.0)
        weight.add(area_weight[area] if scored else 0.0)
    score = np.array([value.total / weight.total if weight.total > 0 else NAN])
    answered, total, rated = weights
    coverage = answered / total
    return pd.DataFrame(
        {
            "round": [round_key],
            "score": score,
            "stage": _stages(score, q),
            "respondents": np.array([respondents], dtype="int64"),
            "coverage": np.array([coverage]),
            "rated": np.array([rated], dtype="int64"),
            "provisional": np.array(
                [not (bool(areas["rated"].all()) and coverage >= MIN_COVERAGE)]
            ),
        }
    )
