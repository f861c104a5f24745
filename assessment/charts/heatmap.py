"""Units × areas as a heatmap: one cell per unit and area, coloured and labelled by its score."""

from __future__ import annotations

import json

from assessment.charts.palette import INK
from assessment.charts.radar import wrap_label
from assessment.charts.vega import chart_text

#: Characters per line of an area's title above its column.
LABEL_CHARS = 14


def heatmap_spec(
    units: tuple[str, ...],
    areas: tuple[str, ...],
    cells: tuple[tuple[str, str, float], ...],
    lang: str = "de",
    cell_width: int = 140,
) -> dict:
    """Vega-Lite spec: rows `units`, columns `areas` (short titles), `cells` (unit, area,
    score 0–100); an empty cell where a unit has no score in an area."""
    rows = [{"unit": u, "area": a, "score": round(s, 1)} for u, a, s in cells]
    unit_title = chart_text("history.u_col_unit", lang)
    area_title = chart_text("common.area", lang)
    score_title = chart_text("common.score", lang)
    # Area titles are long ("Personalentwicklung und Personalgewinnung"): wrapped, not angled.
    lines = {area: list(wrap_label(area, LABEL_CHARS)) for area in areas}
    x = {
        "field": "area",
        "type": "nominal",
        "sort": list(areas),
        "title": None,
        "axis": {
            "orient": "bottom",
            "labelAngle": 0,
            "labelLimit": 0,
            "labelOverlap": False,
            "labelExpr": f"{json.dumps(lines, ensure_ascii=False)}[datum.label]",
        },
    }
    y = {
        "field": "unit",
        "type": "nominal",
        "sort": list(units),
        "title": None,
        "axis": {"labelLimit": 160},
    }
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": rows},
        "width": cell_width * len(areas),
        "height": 30 * len(units),
        # The size is the cells' only; the axis labels come on top (otherwise they squeeze them).
        "autosize": {"type": "pad"},
        "encoding": {"x": x, "y": y},
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
                "encoding": {
                    "color": {
                        "field": "score",
                        "type": "quantitative",
                        "scale": {"domain": [0, 100], "scheme": "blues"},
                        "legend": {"title": score_title, "orient": "right"},
                    },
                    "tooltip": [
                        {"field": "unit", "title": unit_title},
                        {"field": "area", "title": area_title},
                        {"field": "score", "title": score_title, "format": ".0f"},
                    ],
                },
            },
            {
                "mark": {"type": "text", "fontSize": 12},
                "encoding": {
                    "text": {"field": "score", "format": ".0f"},
                    "color": {
                        "condition": {"test": "datum.score >= 60", "value": "white"},
                        "value": INK,
                    },
                },
            },
        ],
        "config": {"view": {"stroke": None}},
    }
