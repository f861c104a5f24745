"""One rounding rule for charts and the PDF: half up; one decimal in tables, whole in charts.

Python's `round` and Babel round half to even, which shows 62.5 as "62" in one place and
"62,5" in another; these helpers round half up first (62.5 -> 63, 62.45 -> 62.5).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from assessment.formatting import MISSING, fmt_number

#: Decimals of a score in a table or a sentence, and in a chart or a headline figure.
TABLE_DIGITS = 1
CHART_DIGITS = 0


def half_up(value: float, digits: int = 0) -> float:
    """`value` rounded half up to `digits` decimals (as written, so 62.45 becomes 62.5)."""
    step = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def _missing(value: float | None) -> bool:
    return value is None or math.isnan(value)


def score_text(value: float | None, lang: str, digits: int = TABLE_DIGITS) -> str:
    """A score for a table or a sentence: half up, `digits` decimals, "–" if missing."""
    if _missing(value):
        return MISSING
    return fmt_number(half_up(value, digits), lang, digits)  # type: ignore[arg-type]


def chart_number(value: float | None) -> str:
    """A score as a chart shows it: a whole number, half up, "–" if missing."""
    return MISSING if _missing(value) else f"{half_up(value, CHART_DIGITS):.0f}"  # type: ignore[arg-type]
