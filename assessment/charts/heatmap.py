"""Units × areas as a heatmap: one cell per unit and area, coloured and labelled by its score."""

from __future__ import annotations

import json

from assessment.charts.palette import INK
from assessment.charts.radar import wrap_label
from assessment.charts.vega import chart_text

#: Characters per line of an area's title below its column.
LABEL_CHARS = 14
#: A column narrower than this (pixels) turns its title upright, in one line (on a phone).
NARROW_COLUMN = 90


def heatmap_spec(
    units: tuple[str, ...],
    areas: tuple[str, ...],
    cells: tuple[tuple[str, str, float], ...],
    lang: str = "de",
    row_height: int = 30,
) -> dict:
    """Vega-Lite spec: rows `units`, columns `areas` (short titles), `cells` (unit, area,
    score 0–100); an empty cell where a unit has no score in an area. The cells share the
    container's width (show it with `width="stretch"`)."""
    rows = [{"unit": u, "area": a, "score": round(s, 1)} for u, a, s in cells]
    unit_title = chart_text("history.u_col_unit", lang)
    area_title = chart_text("common.area", lang)
    score_title = chart_text("common.score", lang)
    # Area titles are long ("Personalentwicklung und Personalgewinnung"): wrapped under a wide
    # column, upright in one line under a narrow one (a phone).
    lines = {area: list(wrap_label(area, LABEL_CHARS)) for area in areas}
    narrow = f"width / {max(len(areas), 1)} < {NARROW_COLUMN}"
    x = {
        "field": "area",
        "type": "nominal",
        "sort": list(areas),
        "title": None,
        "axis": {
            "orient": "bottom",
            "labelAngle": {"expr": f"{narrow} ? -90 : 0"},
            "labelAlign": {"expr": f"{narrow} ? 'right' : 'center'"},
            "labelBaseline": {"expr": f"{narrow} ? 'middle' : 'top'"},
            "labelLimit": 150,
            "labelOverlap": False,
            "labelExpr": (
                f"{narrow} ? datum.label : {json.dumps(lines, ensure_ascii=False)}[datum.label]"
            ),
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
        "width": "container",
        "height": row_height * len(units),
        # The labels and the legend take their room out of the container's width: no clipping.
        "autosize": {"type": "fit-x", "contains": "padding"},
        "encoding": {"x": x, "y": y},
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
                "encoding": {
                    "color": {
                        "field": "score",
                        "type": "quantitative",
                        "scale": {"domain": [0, 100], "scheme": "blues"},
                        # Above the cells, so that they keep a phone's whole width.
                        "legend": {
                            "title": score_title,
                            "orient": "top",
                            "direction": "horizontal",
                            "gradientLength": 160,
                        },
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
