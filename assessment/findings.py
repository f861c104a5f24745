"""Per-area findings from the scores: what is in place, weak items, disagreement."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.questionnaire import Questionnaire
from assessment.scoring import Scores


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


@dataclass(frozen=True)
class AreaFindings:
    """An area's strong items (mean ≥ 3/4 of the scale), weak ones (≤ half) and disputed ones."""

    area: str
    strong: list[Finding]
    weak: list[Finding]
    disputed: list[Finding]


def area_findings(q: Questionnaire, scores: Scores, lang: str) -> list[AreaFindings]:
    """Findings for every area, items in questionnaire order, weakest first within `weak`."""
    by_area: dict[str, list[Finding]] = {d.id: [] for d in q.dimensions}
    for row in scores.items[scores.items["n"] > 0].itertuples(index=False):  # one pass
        by_area.setdefault(row.area, []).append(_finding(q, row, lang))
    result = []
    for dimension in q.dimensions:
        findings = by_area[dimension.id]
        strong = [f for f in findings if f.mean >= q.scale_max * 0.75]
        weak = sorted((f for f in findings if f.mean <= q.scale_max / 2), key=lambda f: f.mean)
        disputed = [f for f in findings if f.disagreement]
        result.append(AreaFindings(dimension.id, strong, weak, disputed))
    return result


def _finding(q: Questionnaire, row, lang: str) -> Finding:
    item = q.items_by_id[row.item]
    return Finding(
        item=row.item,
        statement=item.statement(lang),
        hint=item.hint(lang),
        mean=float(row.mean),
        n=int(row.n),
        min=float(row.min) if not pd.isna(row.min) else float("nan"),
        max=float(row.max) if not pd.isna(row.max) else float("nan"),
        disagreement=bool(row.disagreement),
    )
