"""Numbers, percentages and dates follow the reader's language (Babel)."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.formatting import (
    DATE_INPUT_FORMATS,
    LOCALES,
    date_input_format,
    fmt_date,
    fmt_number,
    fmt_percent,
)
from assessment.i18n import LANGS


@pytest.mark.parametrize(
    ("lang", "number", "percent", "day"),
    [
        ("de", "62,5", "50\u00a0%", "12.01.2027"),
        ("en", "62.5", "50%", "12 Jan 2027"),
    ],
)
def test_each_language_writes_numbers_percentages_and_dates_its_way(
    lang: str, number: str, percent: str, day: str
) -> None:
    assert fmt_number(62.5, lang, 1) == number
    assert fmt_percent(0.5, lang) == percent
    assert fmt_date(date(2027, 1, 12), lang) == day


def test_digits_grouping_and_missing_values() -> None:
    assert fmt_number(62.5, "de") == "62"  # half to even, as before
    assert fmt_number(63.5, "en") == "64"
    assert fmt_number(1234.5, "de", 1) == "1.234,5"
    assert fmt_number(1234.5, "en", 1) == "1,234.5"
    assert fmt_number(-3.25, "de", 2) == "-3,25"
    for missing in (None, float("nan")):
        assert fmt_number(missing, "de") == "–"
        assert fmt_percent(missing, "en") == "–"
    assert fmt_date(None, "en") == "–"
    assert fmt_percent(1.0, "de") == "100\u00a0%"


def test_unknown_languages_read_as_german_and_every_language_has_a_locale() -> None:
    assert fmt_number(0.5, "fr", 1) == "0,5"
    assert LOCALES.keys() == LANGS.keys() == DATE_INPUT_FORMATS.keys()
    assert date_input_format("en") == "D MMM YYYY"
    assert date_input_format("xx") == "DD.MM.YYYY"
