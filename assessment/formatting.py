"""Numbers, percentages and dates as a German or English reader expects them (via Babel).

One rounding rule everywhere: half up (62.5 -> 63, 62.45 -> 62.5), never half to even.
Scores in tables (app, CSV, PDF) have one decimal: `fmt_table` ("62,5"); scores in charts and
headlines are whole numbers: `fmt_whole` ("63"). Use these two rather than own format strings.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

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


def _half_up(value: float, digits: int) -> Decimal:
    # str() gives the shortest decimal that reads back as this float: 62.45, not 62.4499…
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def round_half_up(value: float, digits: int = 0) -> float:
    """`value` rounded half up to `digits` decimals, as written (62.45 -> 62.5, not 62.4)."""
    return float(_half_up(value, digits))


def fmt_number(value: float | None, lang: str, digits: int = 0) -> str:
    """A number rounded half up to `digits` decimals: 62,5 (de), 62.5 (en); "–" if missing."""
    if _missing(value):
        return MISSING
    pattern = "#,##0." + "0" * digits if digits > 0 else "#,##0"
    return format_decimal(_half_up(value, digits), format=pattern, locale=locale_of(lang))


def fmt_table(value: float | None, lang: str) -> str:
    """A score as tables show it (app, CSV, PDF): one decimal, half up; 62.5 -> "62,5"."""
    return fmt_number(value, lang, 1)


def fmt_whole(value: float | None, lang: str) -> str:
    """A score as charts and headlines show it: a whole number, half up; 62.5 -> "63"."""
    return fmt_number(value, lang, 0)


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


#: Letters that Unicode decomposition would lose or mangle, written as German readers do.
_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
     "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
     "đ": "d", "Đ": "D", "ı": "i"}
)  # fmt: skip


def file_slug(name: str, fallback: str = "vielfaltskompass", length: int = 40) -> str:
    """A safe, short file-name part: "Bäckerei Müller & Söhne" -> "baeckerei-mueller-soehne"."""
    ascii_name = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATION))
    ascii_name = ascii_name.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:length].rstrip("-") or fallback
