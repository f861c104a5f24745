"""Scoring of a single round in plain Python floats: the same figures as the long-table path.

Scoring one round (a results view after an answer, a group's result) is dominated by pandas'
per-call overhead: grouping, merging and reindexing a few dozen rows costs far more than the
arithmetic. This path walks the rows once (counting "don't know" and "not applicable" as the
long-table path does: an item everyone who responded called "not applicable" leaves the coverage
base) and builds the three tables at the end, in the same columns and dtypes. The item
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
from assessment.scoring import MIN_COVERAGE, _stage_index, not_applicable

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
    """One item's values (count, compensated sum, extremes, Welford's variance) and no ratings."""

    __slots__ = ("dont_know", "high", "low", "mean", "n", "not_applicable", "responses",
                 "squares", "sum")  # fmt: skip

    def __init__(self) -> None:
        self.responses = 0
        self.dont_know = 0
        self.not_applicable = 0
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

    @property
    def applicable(self) -> bool:
        """False only where everyone who responded said "not applicable"."""
        return not (self.responses > 0 and self.not_applicable == self.responses)


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
    for person, item, value, na in zip(
        answers["respondent"].to_numpy()[mine].tolist(),
        answers["item"].to_numpy()[mine].tolist(),
        answers["value"].to_numpy(dtype=float)[mine].tolist(),
        _na_flags(answers)[mine].tolist(),
        strict=True,
    ):
        people.add(person)
        s = stats.get(item)
        if s is None:
            continue  # not an item of this questionnaire
        s.responses += 1
        s.not_applicable += na
        if value == value:
            s.add(value)
        elif not na:  # NaN without "not applicable" is "don't know"
            s.dont_know += 1
    areas, per_area, whole = _area_rows(q, stats, _by_area(consensus, round_key, "value"))
    _add_targets(areas, q, _by_area(targets, round_key, "target"))
    return (
        _items_table(q, round_key, stats),
        pd.DataFrame({"round": [round_key] * len(per_area), **areas, **_counts(per_area)}),
        _overall_table(q, round_key, areas, whole, len(people)),
    )


def _na_flags(answers: pd.DataFrame) -> np.ndarray:
    """The `na` column as booleans, as `scoring.not_applicable` reads it."""
    if "na" in answers.columns and answers["na"].dtype == bool:
        return answers["na"].to_numpy()
    return not_applicable(answers).to_numpy(dtype=bool)


#: The item table's columns after `round`, with the dtype of each (None: text).
_ITEM_COLUMNS = {"area": None, "item": None, "mean": float, "n": "int64", "min": float,
                 "max": float, "sd": float, "disagreement": bool, "dont_know": "int64",
                 "not_applicable": "int64", "applicable": bool}  # fmt: skip


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
            rows.append((area.id, item.id, mean, s.n, low, high, sd, disagree, s.dont_know,
                         s.not_applicable, s.applicable))  # fmt: skip
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


class _Coverage:
    """Running answered and applicable item weight with the rated items and no ratings."""

    __slots__ = ("answered", "applicable", "dont_know", "not_applicable", "rated")

    def __init__(self) -> None:
        self.answered, self.applicable = _Sum(), _Sum()
        self.rated = self.dont_know = self.not_applicable = 0

    def add(self, weight: float, s: _ItemStats) -> None:
        self.answered.add(weight if s.n else 0.0)
        self.applicable.add(weight if s.applicable else 0.0)
        self.rated += s.n > 0
        self.dont_know += s.dont_know
        self.not_applicable += s.not_applicable

    def share(self) -> float:
        """Answered share of the applicable weight; 0 where nothing applies."""
        applicable = self.applicable.total
        return self.answered.total / applicable if applicable > 0 else 0.0


def _area_rows(
    q: Questionnaire, stats: dict[str, _ItemStats], agreed: dict[str, float]
) -> tuple[dict[str, np.ndarray | list], list[_Coverage], _Coverage]:
    """The areas' scores and coverage; with each area's and the round's weight and counts."""
    ids, scores, per_area, whole = [], [], [], _Coverage()
    for area in q.dimensions:
        value, covered = _Sum(), _Coverage()
        for item in area.items:
            s = stats[item.id]
            value.add(item.weight * (s.sum.total / s.n) if s.n else 0.0)
            covered.add(item.weight, s)
            whole.add(item.weight, s)
        answered = covered.answered.total
        score = value.total / answered / q.scale_max * 100 if answered > 0 else NAN
        ids.append(area.id)
        scores.append(agreed.get(area.id, score))
        per_area.append(covered)
    score_array = np.array(scores, dtype=float)
    coverage = np.array([c.share() for c in per_area], dtype=float)
    areas = {"area": ids, "score": score_array, "stage": _stages(score_array, q),
             "coverage": coverage, "incomplete": coverage < MIN_COVERAGE}  # fmt: skip
    return areas, per_area, whole


def _counts(covered: list[_Coverage]) -> dict[str, np.ndarray]:
    """The "don't know" and "not applicable" columns of areas or of the round."""
    return {
        "dont_know": np.array([c.dont_know for c in covered], dtype="int64"),
        "not_applicable": np.array([c.not_applicable for c in covered], dtype="int64"),
    }


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
    q: Questionnaire, round_key: str, areas: dict, whole: _Coverage, respondents: int
) -> pd.DataFrame:
    area_weight = {d.id: d.weight for d in q.dimensions}
    value, weight = _Sum(), _Sum()
    for area, score in zip(areas["area"], areas["score"].tolist(), strict=True):
        scored = score == score
        value.add(area_weight[area] * score if scored else 0.0)
        weight.add(area_weight[area] if scored else 0.0)
    score = np.array([value.total / weight.total if weight.total > 0 else NAN])
    coverage = whole.share()
    return pd.DataFrame(
        {
            "round": [round_key],
            "score": score,
            "stage": _stages(score, q),
            "respondents": np.array([respondents], dtype="int64"),
            "coverage": np.array([coverage]),
            "rated": np.array([whole.rated], dtype="int64"),
            **_counts([whole]),
            "provisional": np.array(
                [not (bool(areas["rated"].all()) and coverage >= MIN_COVERAGE)]
            ),
        }
    )
