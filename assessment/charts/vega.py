"""Helpers shared by the Vega-Lite builders and their inputs: chart strings, numbers, values."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from assessment.formatting import round_half_up
from assessment.i18n import t


def chart_text(key: str, lang: str, **values: object) -> str:
    """A chart text (a catalogue key such as `common.area` or `chart.missing`) in `lang`."""
    return t(key, lang, **values)


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
