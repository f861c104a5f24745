"""The trend of one area over rounds: a line over the round dates on the stage bands.

Built as a plain Vega-Lite dict from hashable tuples (no Altair), so it is cheap to build and
to cache; one small chart per area lays out side by side on a screen and stacks on a phone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessment.charts.palette import ACCENT, BAND_FILLS, GRID, INK, MUTED, SERIES_COLOURS
from assessment.charts.vega import chart_text

if TYPE_CHECKING:
    import pandas as pd

    from assessment.questionnaire import Questionnaire

#: Lines need this many rounds; with two, the radar overlay and the deltas say it better.
MIN_ROUNDS = 3


def trend_args(q: Questionnaire, trend: pd.DataFrame, lang: str) -> list[dict]:
    """`trend_spec` arguments per area of `q` from a trend table (round, label, date, area,
    score), as hashable tuples."""
    bands = tuple((s.name(lang), float(s.min), float(s.max)) for s in q.stages)
    found = []
    for d in q.dimensions:
        mine = trend[trend["area"] == d.id]
        points = tuple(
            (day.isoformat(), label, float(score))
            for day, label, score in zip(mine["date"], mine["label"], mine["score"], strict=True)
        )
        found.append({"title": d.title(lang), "points": points, "bands": bands, "lang": lang})
    return found


def _date_time(day: str) -> dict:
    """An ISO date as a Vega-Lite DateTime (axis values of a temporal field)."""
    year, month, date = (int(part) for part in day.split("-"))
    return {"year": year, "month": month, "date": date}


def trend_spec(
    title: str,
    points: tuple[tuple[str, str, float], ...],
    bands: tuple[tuple[str, float, float], ...],
    lang: str = "de",
    width: int = 260,
    height: int = 170,
) -> dict:
    """One area's scores over rounds: `points` are (ISO date, round label, score 0–100) in date
    order, `bands` the stages (name, min, max) drawn behind the line."""
    area = chart_text("common.area", lang)
    score = chart_text("common.score", lang)
    round_title = chart_text("chart.round", lang)
    ticks = [_date_time(day) for day, _, _ in points]
    x = {
        "field": "date",
        "type": "temporal",
        "title": None,
        "scale": {"padding": 14},
        # One tick per round (its year), not per calendar year: the first round is labelled too.
        "axis": {"values": ticks, "format": "%Y", "grid": False, "labelOverlap": True},
    }
    y = {
        "field": "score",
        "type": "quantitative",
        "title": score,
        "scale": {"domain": [0, 100], "nice": False},
        "axis": {"values": sorted({b[1] for b in bands} | {100.0}), "grid": False},
    }
    band_rows = [
        {"stage": name, "low": low, "high": high, "fill": BAND_FILLS[n % len(BAND_FILLS)]}
        for n, (name, low, high) in enumerate(bands)
    ]
    line_rows = [
        {"date": day, "label": label, "score": round(value, 1), "area": title}
        for day, label, value in points
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": title, "anchor": "start", "fontSize": 13, "color": INK},
        "width": width,
        "height": height,
        "layer": [
            {
                "data": {"values": band_rows},
                "mark": {"type": "rect", "tooltip": False},
                "encoding": {
                    "y": {"field": "low", "type": "quantitative", "scale": {"domain": [0, 100]}},
                    "y2": {"field": "high"},
                    "color": {"field": "fill", "type": "nominal", "scale": None, "legend": None},
                },
            },
            {
                "data": {"values": band_rows},
                "mark": {
                    "type": "text",
                    "align": "left",
                    "baseline": "top",
                    "dx": 3,
                    "dy": 2,
                    "fontSize": 9,
                    "color": MUTED,
                },
                "encoding": {
                    "x": {"value": 0},
                    "y": {"field": "high", "type": "quantitative"},
                    "text": {"field": "stage"},
                },
            },
            {
                "data": {"values": line_rows},
                "mark": {
                    "type": "line",
                    "color": SERIES_COLOURS["actual"],
                    "strokeWidth": 2,
                    "point": {"filled": True, "size": 50, "color": ACCENT},
                },
                "encoding": {
                    "x": x,
                    "y": y,
                    "tooltip": [
                        {"field": "area", "title": area},
                        {"field": "label", "title": round_title},
                        {"field": "date", "type": "temporal", "title": None, "format": "%d.%m.%Y"},
                        {"field": "score", "title": score, "format": ".0f"},
                    ],
                },
            },
        ],
        "config": {"view": {"stroke": GRID}, "axis": {"labelColor": INK, "titleColor": MUTED}},
    }
