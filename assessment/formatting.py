"""Numbers, percentages and dates as a German or English reader expects them (via Babel)."""

from __future__ import annotations

import math
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

#: The Babel locale behind each UI language; English follows British usage like the texts.
LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_GB"}
#: The same date style as `fmt_date`, as a moment.js pattern for Streamlit's date columns.
DATE_INPUT_FORMATS: dict[str, str] = {"de": "DD.MM.YYYY", "en": "D MMM YYYY"}
MISSING = "–"


def locale_of(lang: str) -> str:
    """The Babel locale for a UI language (German for anything unknown)."""
    return LOCALES.get(lang, LOCALES["de"])


def _missing(value: float | None) -> bool:
    return value is None or math.isnan(value)


def fmt_number(value: float | None, lang: str, digits: int = 0) -> str:
    """A number with `digits` decimals: 62,5 (German), 62.5 (English); "–" if missing."""
    if _missing(value):
        return MISSING
    pattern = "#,##0." + "0" * digits if digits > 0 else "#,##0"
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def fmt_percent(share: float | None, lang: str) -> str:
    """A share 0..1 as a whole percentage: 50 % (German), 50% (English); "–" if missing."""
    if _missing(share):
        return MISSING
    return format_percent(share, locale=locale_of(lang))


def fmt_date(value: date | None, lang: str) -> str:
    """A date as 12.01.2027 (German) or 12 Jan 2027 (English); "–" if missing."""
    if value is None:
        return MISSING
    return format_date(value, "medium", locale=locale_of(lang))


def date_input_format(lang: str) -> str:
    """The moment.js pattern that shows dates in editable tables like `fmt_date`."""
    return DATE_INPUT_FORMATS.get(lang, DATE_INPUT_FORMATS["de"])
