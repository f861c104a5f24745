"""The spread of a group's answers as a heatmap (items × answer levels), a Vega-Lite spec.

`spread_spec` takes plain, hashable tuples and returns a dict (no Altair: a plain spec is built
in microseconds, so it needs no cache); `spread_args` turns a group's spread table into them.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from assessment.charts.palette import ACCENT, INK, MUTED, WARNING

#: Height in pixels of one item's row, width of one level's column, and the widest item label:
#: with the scale's five levels, "don't know" and "not applicable" the chart fits a 390 px phone.
ROW_PX = 22
COLUMN_PX = 28
LABEL_PX = 130
#: Longest item label shown before it is cut with "…" (the full statement is in the tooltip).
LABEL_CHARS = 40


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """A statement cut to `limit` characters at a word boundary, with "…" if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.–- ")
    return f"{cut}…"


def spread_spec(
    items: tuple[str, ...],
    statements: tuple[str, ...],
    levels: tuple[str, ...],
    counts: tuple[tuple[int, ...], ...],
    disagreement: tuple[bool, ...],
    titles: tuple[str, str, str] = ("Aussage", "Antwort", "Anzahl"),
    column_px: int = COLUMN_PX,
    level_names: tuple[str, ...] = (),
) -> dict:
    """Heatmap: one row per item, one column per level; the cell's shade is how many chose it.

    Columns are headed by the short `levels` (e.g. "0".."4", "?"), so that the chart fits a
    phone; `level_names` (full labels) appear in the tooltip. Rows of items where the group
    disagrees are labelled in the warning colour with a "⚑".
    """
    names = level_names or levels
    item_title, level_title, count_title = titles
    labels = [
        f"⚑ {label}" if flag else label for label, flag in zip(items, disagreement, strict=True)
    ]
    values = [
        {
            "item": label,
            "statement": statement,
            "row": row,
            "level": level,
            "level_name": name,
            "column": column,
            "count": count,
            "flag": flag,
        }
        for row, (label, statement, flag, row_counts) in enumerate(
            zip(labels, statements, disagreement, counts, strict=True)
        )
        for column, (level, name, count) in enumerate(zip(levels, names, row_counts, strict=True))
    ]
    peak = max((c for row in counts for c in row), default=0) or 1
    y = {
        "field": "item",
        "type": "nominal",
        "sort": labels,
        "title": None,
        "axis": {
            "labelLimit": LABEL_PX,
            "labelOverlap": False,
            "labelColor": {
                "condition": {"test": "indexof(datum.value, '⚑') === 0", "value": WARNING},
                "value": INK,
            },
        },
    }
    x = {
        "field": "level",
        "type": "ordinal",
        "sort": list(levels),
        "title": level_title,
        "axis": {"orient": "top", "labelAngle": 0, "labelOverlap": False, "labelPadding": 4},
    }
    tooltip = [
        {"field": "statement", "title": item_title},
        {"field": "level_name", "title": level_title},
        {"field": "count", "title": count_title},
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": values},
        "width": {"step": column_px},
        "height": max(ROW_PX * len(items), ROW_PX),
        "config": {"view": {"stroke": None}, "axis": {"labelColor": INK, "titleColor": MUTED}},
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 1},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": {
                        "field": "count",
                        "type": "quantitative",
                        "title": count_title,
                        "scale": {"domain": [0, peak], "range": ["#F4F7F9", ACCENT]},
                        "legend": None,
                    },
                    "tooltip": tooltip,
                },
            },
            {
                "mark": {"type": "text", "fontSize": 11},
                "transform": [{"filter": "datum.count > 0"}],
                "encoding": {
                    "x": x,
                    "y": y,
                    "text": {"field": "count", "type": "quantitative"},
                    "color": {
                        "condition": {"test": f"datum.count > {peak / 2}", "value": "white"},
                        "value": INK,
                    },
                    "tooltip": tooltip,
                },
            },
        ],
    }


def spread_args(
    spread: pd.DataFrame,
    items: pd.DataFrame,
    statements: Mapping[str, str],
    level_labels: Mapping[str, str],
    areas: tuple[str, ...] | None = None,
    signs: Mapping[str, str] | None = None,
) -> dict:
    """`spread_spec`'s tuples from a group's spread table (area, item, level, count) and its
    item statistics (item, disagreement), restricted to `areas` if given; `signs` heads the
    levels that are no scale value ("don't know", "not applicable") with a short sign."""
    rows = spread if areas is None else spread[spread["area"].isin(areas)]
    order = list(dict.fromkeys(rows["item"]))
    levels = tuple(dict.fromkeys(rows["level"]))
    table = rows.pivot(index="item", columns="level", values="count").reindex(
        index=order, columns=list(levels)
    )
    flags = dict(zip(items["item"], items["disagreement"], strict=True))
    return {
        "items": tuple(short_label(statements[i]) for i in order),
        "statements": tuple(statements[i] for i in order),
        "levels": tuple((signs or {}).get(lv, lv) for lv in levels),
        "level_names": tuple(level_labels.get(lv, lv) for lv in levels),
        "counts": tuple(tuple(int(c) for c in table.loc[i]) for i in order),
        "disagreement": tuple(bool(flags.get(i, False)) for i in order),
    }
