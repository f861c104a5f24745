"""Per-area findings from the scores: what is in place, weak items, disagreement, and what is
not known in the organisation (at least a third of those who took part answered "don't know")."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from assessment.questionnaire import Questionnaire
from assessment.scoring import Scores

#: A statement is "not known in the organisation" from this share of "don't know" answers on.
UNKNOWN_SHARE = 1 / 3


@dataclass(frozen=True)
class Finding:
    """One item's result with the texts needed to show it."""

    item: str
    statement: str
    hint: str
    mean: float
    n: int
    min: float
    max: float
    disagreement: bool
    dont_know: int = 0


@dataclass(frozen=True)
class AreaFindings:
    """An area's strong items (mean ≥ 3/4 of the scale), weak ones (≤ half), disputed ones,
    the ones not known in the organisation, and its count of "don't know" answers."""

    area: str
    strong: list[Finding]
    weak: list[Finding]
    disputed: list[Finding]
    unknown: list[Finding] = field(default_factory=list)
    dont_know: int = 0


def area_findings(q: Questionnaire, scores: Scores, lang: str) -> list[AreaFindings]:
    """Findings for every area of one round, items in questionnaire order, weakest first within
    `weak`, most "don't know" first within `unknown`."""
    respondents = int(scores.overall["respondents"].iloc[0]) if len(scores.overall) else 0
    dont_know = scores.areas.set_index("area")["dont_know"]
    result = []
    for dimension in q.dimensions:
        rows = scores.items[scores.items["area"] == dimension.id]
        findings = [_finding(q, row, lang) for row in rows.itertuples(index=False)]
        rated = [f for f in findings if f.n > 0]
        strong = [f for f in rated if f.mean >= q.scale_max * 0.75]
        weak = sorted((f for f in rated if f.mean <= q.scale_max / 2), key=lambda f: f.mean)
        disputed = [f for f in rated if f.disagreement]
        unknown = sorted(
            (f for f in findings if is_unknown(f.dont_know, respondents)),
            key=lambda f: -f.dont_know,
        )
        count = int(dont_know.get(dimension.id, 0))
        result.append(AreaFindings(dimension.id, strong, weak, disputed, unknown, count))
    return result


def is_unknown(dont_know: int, respondents: int) -> bool:
    """Whether this many "don't know" answers of this many respondents make a statement
    "not known in the organisation"."""
    return dont_know > 0 and dont_know >= respondents * UNKNOWN_SHARE


def _finding(q: Questionnaire, row, lang: str) -> Finding:
    item = q.items_by_id[row.item]
    return Finding(
        item=row.item,
        statement=item.statement(lang),
        hint=item.hint(lang),
        mean=float(row.mean),  # NaN where no one rated it
        n=int(row.n),
        min=float(row.min) if not pd.isna(row.min) else float("nan"),
        max=float(row.max) if not pd.isna(row.max) else float("nan"),
        disagreement=bool(row.disagreement),
        dont_know=int(row.dont_know),
    )
