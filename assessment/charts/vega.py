"""Helpers shared by the Vega-Lite builders and their inputs: chart strings, numbers, values."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import pandas as pd

from assessment.formatting import round_half_up
from assessment.i18n import t


def chart_text(key: str, lang: str, **values: object) -> str:
    """A chart text (a catalogue key such as `common.area` or `chart.missing`) in `lang`."""
    return t(key, lang, **values)


#: Character widths in em of a Helvetica-like sans serif (the charts' sans is a little narrower,
#: so estimates err on the wide side); other characters count 0.6 em, wide CJK ones 1 em.
_EM_WIDTHS = {
    **dict.fromkeys("ijl'|.,:;!", 0.23),
    **dict.fromkeys("ftI /", 0.28),
    **dict.fromkeys("r-()", 0.34),
    **dict.fromkeys("ckszvxyJ", 0.5),
    **dict.fromkeys("abdeghnopqu0123456789L", 0.56),
    **dict.fromkeys("FTZ", 0.62),
    **dict.fromkeys("ABEKPSVXY&", 0.67),
    **dict.fromkeys("CDHNRUw", 0.72),
    **dict.fromkeys("GOQ", 0.78),
    **dict.fromkeys("mM", 0.83),
    "W": 0.94,
}


def text_width_px(text: str, font_size: float) -> float:
    """An estimate of the width in pixels of one line of text at `font_size` px."""
    total = 0.0
    for char in text:
        base = unicodedata.normalize("NFD", char)[:1] or char  # ä counts as a
        if base in _EM_WIDTHS:
            total += _EM_WIDTHS[base]
        else:
            total += 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6
    return total * font_size


def tooltips(lang: str, *fields: tuple[str, str]) -> list:
    """Altair tooltips for (field, catalogue key) pairs, titled in `lang`."""
    import altair as alt

    return [alt.Tooltip(field, title=chart_text(key, lang)) for field, key in fields]


def number_text(value: float | None) -> str:
    """A score as shown in tooltips and labels: no decimals, "–" when missing."""
    return "–" if value is None else f"{round_half_up(value):.0f}"


def area_values(frame: pd.DataFrame, column: str, areas: Sequence[str]) -> tuple[float | None, ...]:
    """One column of a per-area table, in `areas` order, rounded to 0.1 (None when missing)."""
    by_area = dict(zip(frame["area"], frame[column], strict=True))
    out = []
    for area in areas:
        value = by_area.get(area)
        out.append(None if value is None or pd.isna(value) else round(float(value), 1))
    return tuple(out)
