"""Transparent scoring: answers -> item statistics, area scores, stages, targets and gaps.

One function, `score_rounds`, scores a long table of any number of rounds at once; a single
round takes a path without pandas' per-call overhead (`scoring_one`) with the same figures.
See the README section "Scoring method".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from assessment.questionnaire import Questionnaire
from assessment.responses import NOT_APPLICABLE, ResponseFile

#: A long answer table: `value` NaN is no rating; `na` tells "not applicable" from "don't know".
#: A table without `na` (built by hand) holds no "not applicable" answer.
ANSWER_COLUMNS = ["round", "respondent", "item", "value", "na"]
#: An area whose answered item weight is below this share is flagged incomplete; the overall
#: score is provisional unless every area has a score and this share of the whole
#: questionnaire's item weight is answered.
MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class Scores:
    """Scores of one or more rounds as tables, all keyed by `round`."""

    #: round, area, item, mean, n, min, max, sd, disagreement, dont_know, not_applicable,
    #: applicable (False where every response was "not applicable")
    items: pd.DataFrame
    #: round, area, score, stage, coverage, incomplete, target, gap, rated, dont_know,
    #: not_applicable
    areas: pd.DataFrame
    #: round, score, stage, respondents, coverage, rated, dont_know, not_applicable, provisional
    overall: pd.DataFrame

    def round(self, key: str) -> Scores:
        """The tables restricted to one round."""
        return Scores(
            items=self.items[self.items["round"] == key].reset_index(drop=True),
            areas=self.areas[self.areas["round"] == key].reset_index(drop=True),
            overall=self.overall[self.overall["round"] == key].reset_index(drop=True),
        )


def answers_frame(data: ResponseFile, round_key: str = "current") -> pd.DataFrame:
    """The answers of a response file as a long table (no rating as NaN)."""
    rows = [
        (
            round_key,
            resp.id,
            item,
            np.nan if value is None or value == NOT_APPLICABLE else float(value),
            value == NOT_APPLICABLE,
        )
        for resp in data.respondents
        for item, value in resp.answers.items()
    ]
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS).astype({"value": "float64", "na": bool})


def not_applicable(answers: pd.DataFrame) -> pd.Series:
    """Which rows of an answer table say "not applicable" (none in a table without `na`)."""
    if "na" not in answers.columns:
        return pd.Series(False, index=answers.index)
    return answers["na"].fillna(False).astype(bool)


def dont_know(answers: pd.DataFrame) -> pd.Series:
    """Which rows of an answer table say "don't know": no value, and not "not applicable"."""
    return answers["value"].isna() & ~not_applicable(answers)


def targets_frame(targets: Mapping[str, float], round_key: str = "current") -> pd.DataFrame:
    """User targets of one round as a table (round, area, target)."""
    rows = [(round_key, area, float(value)) for area, value in targets.items()]
    return pd.DataFrame(rows, columns=["round", "area", "target"])


def score_rounds(
    answers: pd.DataFrame,
    q: Questionnaire,
    targets: pd.DataFrame | None = None,
    rounds: list[str] | None = None,
    consensus: pd.DataFrame | None = None,
) -> Scores:
    """Score every round in a long answer table (round, respondent, item, value) at once.

    `consensus` (round, area, value): scores a group agreed on; they replace the area's mean
    score (and so its stage, default target, gap and the overall score) where given.
    """
    if rounds is None:
        rounds = list(dict.fromkeys(answers["round"].tolist()))
    if len(rounds) == 1:
        from assessment.scoring_one import score_one_round  # it builds on this module

        return Scores(*score_one_round(answers, q, rounds[0], targets, consensus))
    return _score_long(answers, q, targets, rounds, consensus)


def _score_long(
    answers: pd.DataFrame,
    q: Questionnaire,
    targets: pd.DataFrame | None,
    rounds: list[str],
    consensus: pd.DataFrame | None,
) -> Scores:
    """The long-table path: every round at once in grouped pandas operations."""
    item_meta = pd.DataFrame(
        [(d.id, i.id, i.weight) for d in q.dimensions for i in d.items],
        columns=["area", "item", "item_weight"],
    )
    items = _item_stats(answers, item_meta, rounds, q.scale_max)
    areas = _area_scores(items, q)
    if consensus is not None and len(consensus):
        agreed = areas.merge(consensus, on=["round", "area"], how="left")["value"]
        areas["score"] = agreed.fillna(areas["score"]).to_numpy()
        areas["stage"] = stage_ids(areas["score"], q)
    areas = _with_targets(areas, q, targets)
    respondents = answers.groupby("round", sort=False)["respondent"].nunique()
    overall = _overall(areas, q, rounds, respondents)
    overall = _with_coverage(overall, items, areas)
    return Scores(items=items.drop(columns="item_weight"), areas=areas, overall=overall)


def score_response(data: ResponseFile, q: Questionnaire, round_key: str = "current") -> Scores:
    """Score one response file (the same code path as many rounds)."""
    return score_rounds(
        answers_frame(data, round_key),
        q,
        targets_frame(data.targets, round_key),
        rounds=[round_key],
    )


def _item_stats(
    answers: pd.DataFrame, item_meta: pd.DataFrame, rounds: list[str], scale_max: int
) -> pd.DataFrame:
    answered = answers.dropna(subset=["value"])
    grouped = answered.groupby(["round", "item"], sort=False)["value"]
    stats = grouped.agg(["mean", "count", "min", "max"]).rename(columns={"count": "n"})
    stats["sd"] = grouped.std(ddof=0)
    grid = pd.MultiIndex.from_product([rounds, item_meta["item"]], names=["round", "item"])
    stats = stats.reindex(grid)
    stats[["dont_know", "not_applicable", "responses"]] = _no_rating_counts(answers, grid)
    stats = stats.reset_index()
    stats["n"] = stats["n"].fillna(0).astype(int)
    stats["disagreement"] = (stats["n"] >= 2) & (stats["max"] - stats["min"] >= scale_max / 2)
    # An item leaves the area only if everyone who responded said "not applicable".
    stats["applicable"] = ~(
        (stats["responses"] > 0) & (stats["not_applicable"] == stats["responses"])
    )
    stats = stats.merge(item_meta, on="item", how="left")
    return stats[["round", "area", "item", "mean", "n", "min", "max", "sd", "disagreement",
                  "dont_know", "not_applicable", "applicable", "item_weight"]]  # fmt: skip


def _no_rating_counts(answers: pd.DataFrame, grid: pd.MultiIndex) -> pd.DataFrame:
    """Per round and item: the "don't know" and "not applicable" answers and all responses."""
    flags = pd.DataFrame(
        {
            "round": answers["round"],
            "item": answers["item"],
            "dont_know": dont_know(answers),
            "not_applicable": not_applicable(answers),
            "responses": True,
        }
    )
    counts = flags.groupby(["round", "item"], sort=False)[
        ["dont_know", "not_applicable", "responses"]
    ].sum()
    return counts.reindex(grid).fillna(0).astype(int)


def _weights(items: pd.DataFrame) -> pd.DataFrame:
    """The items with their answered and applicable weight (coverage's numerator and base)."""
    answered = items["n"] > 0
    return items.assign(
        wv=np.where(answered, items["item_weight"] * items["mean"], 0.0),
        w_answered=np.where(answered, items["item_weight"], 0.0),
        w_applicable=np.where(items["applicable"], items["item_weight"], 0.0),
    )


def _coverage(answered: pd.Series, applicable: pd.Series) -> pd.Series:
    """Answered share of the applicable weight; 0 where nothing applies."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return (answered / applicable).where(applicable > 0, 0.0)


def _area_scores(items: pd.DataFrame, q: Questionnaire) -> pd.DataFrame:
    sums = (
        _weights(items)
        .groupby(["round", "area"], sort=False)[
            ["wv", "w_answered", "w_applicable", "dont_know", "not_applicable"]
        ]
        .sum()
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        score = sums["wv"] / sums["w_answered"] / q.scale_max * 100
    areas = pd.DataFrame(
        {
            "score": score.where(sums["w_answered"] > 0),
            "coverage": _coverage(sums["w_answered"], sums["w_applicable"]),
            "dont_know": sums["dont_know"].astype(int),
            "not_applicable": sums["not_applicable"].astype(int),
        }
    ).reset_index()
    areas["incomplete"] = areas["coverage"] < MIN_COVERAGE
    areas["stage"] = stage_ids(areas["score"], q)
    return areas


def stage_ids(scores: pd.Series, q: Questionnaire) -> pd.Series:
    """The stage id for each score (None where there is no score)."""
    index = _stage_index(scores.to_numpy(dtype=float), q)
    ids = np.array([s.id for s in q.stages] + [None], dtype=object)
    return pd.Series(ids[index], index=scores.index, dtype=object)


def _stage_index(scores: np.ndarray, q: Questionnaire) -> np.ndarray:
    """Index of each score's band; len(stages) marks a missing score."""
    inner_bounds = np.array([s.min for s in q.stages[1:]])
    index = np.searchsorted(inner_bounds, scores, side="right")
    return np.where(np.isnan(scores), len(q.stages), index)


def _with_targets(areas: pd.DataFrame, q: Questionnaire, targets: pd.DataFrame | None):
    index = _stage_index(areas["score"].to_numpy(dtype=float), q)
    next_min = np.array([s.min for s in q.stages[1:]] + [np.nan, q.stages[1].min])
    default = next_min[index]
    default = np.where(np.isnan(default), areas["score"], default)
    if targets is not None and len(targets):
        areas = areas.merge(targets[["round", "area", "target"]], on=["round", "area"], how="left")
        areas["target"] = areas["target"].fillna(pd.Series(default, index=areas.index))
    else:
        areas["target"] = default
    areas["gap"] = (areas["target"] - areas["score"]).clip(lower=0)
    areas["rated"] = areas["score"].notna()
    return areas[
        ["round", "area", "score", "stage", "coverage", "incomplete", "target", "gap", "rated",
         "dont_know", "not_applicable"]
    ]  # fmt: skip


def _overall(
    areas: pd.DataFrame, q: Questionnaire, rounds: list[str], respondents: pd.Series
) -> pd.DataFrame:
    weights = areas["area"].map({d.id: d.weight for d in q.dimensions})
    scored = areas["score"].notna()
    frame = pd.DataFrame(
        {
            "round": areas["round"],
            "wv": np.where(scored, weights * areas["score"], 0.0),
            "w": np.where(scored, weights, 0.0),
        }
    )
    sums = frame.groupby("round", sort=False)[["wv", "w"]].sum().reindex(rounds)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = (sums["wv"] / sums["w"]).where(sums["w"] > 0)
    overall = pd.DataFrame({"round": rounds, "score": score.to_numpy()})
    overall["stage"] = stage_ids(overall["score"], q)
    overall["respondents"] = respondents.reindex(rounds).fillna(0).astype(int).to_numpy()
    return overall


def _with_coverage(overall: pd.DataFrame, items: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """Add the answered share of all item weight, the rated items and the provisional flag.

    The overall score is provisional unless every area has a score and at least MIN_COVERAGE of
    the whole questionnaire's applicable item weight is answered ("don't know" counts as not
    answered; an item that everyone who responded called "not applicable" is left out).
    """
    per_round = (
        _weights(items)
        .assign(rated=items["n"] > 0)
        .groupby("round", sort=False)[
            ["w_answered", "w_applicable", "rated", "dont_know", "not_applicable"]
        ]
        .sum()
    )
    per_round = per_round.reindex(overall["round"])
    every_area = areas.groupby("round", sort=False)["rated"].all().reindex(overall["round"])
    coverage = _coverage(per_round["w_answered"], per_round["w_applicable"]).to_numpy()
    overall = overall.assign(
        coverage=coverage,
        rated=per_round["rated"].astype(int).to_numpy(),
        dont_know=per_round["dont_know"].astype(int).to_numpy(),
        not_applicable=per_round["not_applicable"].astype(int).to_numpy(),
    )
    overall["provisional"] = ~(every_area.to_numpy(dtype=bool) & (coverage >= MIN_COVERAGE))
    return overall


def _num(value: float) -> float | None:
    return None if pd.isna(value) else round(float(value), 1)


def scores_to_dict(scores: Scores, q: Questionnaire, round_key: str | None = None) -> dict:
    """One round's scores in the CLI's JSON shape (numbers rounded to 0.1)."""
    if round_key is not None:
        scores = scores.round(round_key)
    if len(scores.overall) != 1:
        raise ValueError("scores_to_dict needs one round: pass round_key to choose it")
    overall = scores.overall.iloc[0]
    areas = []
    for area in scores.areas.itertuples(index=False):
        area_items = scores.items[scores.items["area"] == area.area]
        areas.append(
            {
                "id": area.area,
                "score": _num(area.score),
                "rated": bool(area.rated),
                "stage": area.stage,
                "coverage": round(float(area.coverage), 3),
                "incomplete": bool(area.incomplete),
                "target": _num(area.target),
                "gap": _num(area.gap),
                "dont_know": int(area.dont_know),
                "not_applicable": int(area.not_applicable),
                "items": [
                    {
                        "id": item.item,
                        "mean": None if pd.isna(item.mean) else round(float(item.mean), 2),
                        "n": int(item.n),
                        "min": _num(item.min),
                        "max": _num(item.max),
                        "sd": None if pd.isna(item.sd) else round(float(item.sd), 2),
                        "disagreement": bool(item.disagreement),
                        "dont_know": int(item.dont_know),
                        "not_applicable": int(item.not_applicable),
                        "applicable": bool(item.applicable),
                    }
                    for item in area_items.itertuples(index=False)
                ],
            }
        )
    return {
        "questionnaire": {"id": q.id, "version": q.version}
        | ({"institution_type": q.institution_type} if q.institution_type else {}),
        "overall": {
            "score": _num(overall.score),
            "stage": overall.stage,
            "coverage": round(float(overall.coverage), 3),
            "provisional": bool(overall.provisional),
            "rated_items": int(overall.rated),
            "items": len(q.items_by_id),
            "dont_know": int(overall.dont_know),
            "not_applicable": int(overall.not_applicable),
        },
        "respondents": int(overall.respondents),
        "areas": areas,
    }
