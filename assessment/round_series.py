"""A round as reports and comparisons show it over time: label, date and scores, no answers."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from assessment.group_rules import score_file
from assessment.questionnaire import Questionnaire
from assessment.responses import ResponseFile


@dataclass(frozen=True)
class RoundSeries:
    """One round's overall and per-area scores (0–100; None where it has none)."""

    label: str
    date: dt.date
    overall: float | None
    areas: Mapping[str, float | None]


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def series_of(data: ResponseFile, q: Questionnaire) -> RoundSeries:
    """Score a response file with its own questionnaire (a session's by the group rules)."""
    scores = score_file(data, q, "previous")
    areas = {row.area: _number(row.score) for row in scores.areas.itertuples(index=False)}
    overall = _number(scores.overall.iloc[0].score)
    return RoundSeries(data.round.label, data.round.date, overall, areas)
