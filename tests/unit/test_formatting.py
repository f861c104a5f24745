"""Numbers, percentages and dates follow the reader's language (Babel)."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.formatting import (
    DATE_INPUT_FORMATS,
    LOCALES,
    date_input_format,
    file_slug,
    fmt_date,
    fmt_number,
    fmt_percent,
    fmt_table,
    fmt_whole,
    round_half_up,
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
    assert fmt_number(62.5, "de") == "63"  # half up, never half to even
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


@pytest.mark.parametrize(
    ("value", "table", "whole"),
    [(62.5, "62,5", "63"), (62.45, "62,5", "62"), (0.05, "0,1", "0"), (99.95, "100,0", "100"),
     (12.25, "12,3", "12"), (2.5, "2,5", "3"), (100.0, "100,0", "100")],
)  # fmt: skip
def test_one_rounding_rule_half_up_one_decimal_in_tables_whole_in_charts(
    value: float, table: str, whole: str
) -> None:
    assert fmt_table(value, "de") == table
    assert fmt_whole(value, "de") == whole
    assert round_half_up(value) == float(whole)
    assert round_half_up(value, 1) == float(table.replace(",", "."))


def test_the_same_score_reads_alike_in_table_chart_and_pdf() -> None:
    from assessment.charts.vega import number_text

    assert number_text(62.5) == fmt_whole(62.5, "en") == "63"  # radar and bar labels
    assert fmt_table(62.5, "en") == "62.5"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Müller", "mueller"),
        ("Bäckerei Müller & Söhne GmbH", "baeckerei-mueller-soehne-gmbh"),
        ("Straßenbau Groß", "strassenbau-gross"),
        ("ÄRZTEHAUS ÖSTERREICH", "aerztehaus-oesterreich"),
        ("Łódź Café Crème", "lodz-cafe-creme"),
        ("Çağlar İnşaat", "caglar-insaat"),
        ("!!!", "vielfaltskompass"),
        ("مطعم", "vielfaltskompass"),
    ],
)
def test_file_names_transliterate_umlauts_and_eszett(name: str, slug: str) -> None:
    assert file_slug(name) == slug


def test_file_slugs_are_short_and_never_end_in_a_dash() -> None:
    slug = file_slug("Gemeinnützige Beschäftigungsgesellschaft für Südwestfalen mbH")
    assert len(slug) <= 40 and not slug.endswith("-")
    assert slug.startswith("gemeinnuetzige-beschaeftigungs")
