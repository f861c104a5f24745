"""Units × areas as a heatmap: one cell per unit and area, coloured and labelled by its score."""

from __future__ import annotations

from assessment.charts.palette import INK
from assessment.charts.vega import chart_text


def heatmap_spec(
    units: tuple[str, ...],
    areas: tuple[str, ...],
    cells: tuple[tuple[str, str, float], ...],
    lang: str = "de",
    cell_width: int = 64,
) -> dict:
    """Vega-Lite spec: rows `units`, columns `areas` (short titles), `cells` (unit, area,
    score 0–100); an empty cell where a unit has no score in an area."""
    rows = [{"unit": u, "area": a, "score": round(s, 1)} for u, a, s in cells]
    unit_title = chart_text("history.u_col_unit", lang)
    area_title = chart_text("common.area", lang)
    score_title = chart_text("common.score", lang)
    x = {
        "field": "area",
        "type": "nominal",
        "sort": list(areas),
        "title": None,
        "axis": {"labelAngle": -35, "labelLimit": 160, "orient": "top"},
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
        "encoding": {"x": x, "y": y},
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
                "encoding": {
                    "color": {
                        "field": "score",
                        "type": "quantitative",
                        "scale": {"domain": [0, 100], "scheme": "blues"},
                        "legend": {"title": score_title, "orient": "bottom"},
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
