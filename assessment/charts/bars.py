"""Horizontal area bars as a Vega-Lite spec (built with Altair), and their inputs from scores.

`bars_spec` takes only plain, hashable tuples and returns a dict, so the app can cache it
(`st.cache_data`) cheaply; `bars_args` turns scores into those tuples.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Sequence

from assessment.charts.palette import ACCENT_LIGHT, INK, MUTED, SERIES_COLOURS
from assessment.charts.radar import as_value, stage_name_for, wrap_label
from assessment.charts.vega import area_values, chart_text, number_text, text_width_px, tooltips
from assessment.questionnaire import Questionnaire
from assessment.scoring import Scores

#: Height of one area's row (px).
_STEP_PX = 34
_LEGEND_FONT_SIZE = 11
#: Below the plot: the x axis with its labels and title, then the legend's rows (px).
_LEGEND_TOP_PX = 70
_LEGEND_ROW_PX = 18


def _wrapped_labels(labels: Sequence[str], width: int) -> str:
    """A Vega expression that shows each long axis label on several lines."""
    expression = "datum.label"
    for label in labels:
        lines = wrap_label(label, width)
        if len(lines) > 1:
            expression = (
                f"datum.label === {json.dumps(label)} ? {json.dumps(list(lines))} : {expression}"
            )
    return expression


def bars_spec(
    labels: tuple[str, ...],
    scores: tuple[float | None, ...],
    targets: tuple[float | None, ...],
    rings: tuple[float, ...],
    stage_names: tuple[str, ...] = (),
    incomplete: tuple[bool, ...] = (),
    lang: str = "de",
) -> dict:
    """Vega-Lite spec of horizontal area bars (0–100) with target ticks and stage bands.

    Tooltips show area, score, stage, target and gap; incomplete areas are drawn paler and
    say so; an area without a score has no bar and shows "–". A legend under the axis names
    bar and target tick (and the pale bar when an area is incomplete). The plot takes its
    container's width (show it with `width="stretch"`), the labels keep their size.
    """
    flags = incomplete or (False,) * len(labels)
    rows = []
    for label, score, target, flag in zip(labels, scores, targets, flags, strict=True):
        clean, aim = as_value(score), as_value(target)
        gap = None if clean is None or aim is None else max(0.0, aim - clean)
        rows.append(
            {
                "area": label,
                "score": clean,
                "score_at": clean or 0.0,
                "score_text": number_text(clean),
                "target": aim,
                "target_text": number_text(aim),
                "gap_text": number_text(gap),
                "stage": stage_name_for(clean, rings, stage_names),
                "flag": chart_text("common.incomplete", lang) if flag else "",
                "opacity": 0.45 if flag else 1.0,
            }
        )
    bands = []
    lower = 0.0
    for n, bound in enumerate(rings):
        name = stage_names[n] if n < len(stage_names) else ""
        bands.append({"from": lower, "to": float(bound), "stage": name, "shade": n % 2})
        lower = float(bound)
    narrowest = min((b["to"] - b["from"] for b in bands), default=100.0)
    spec = copy.deepcopy(_bars_template(labels, lang, narrowest / 100))
    spec["datasets"] = {
        "areas": rows,
        "bands": bands,
        **_legend(lang, len(labels) * _STEP_PX, any(flags)),
    }
    return spec


def _legend(lang: str, plot_height: int, incomplete: bool) -> dict[str, list[dict]]:
    """The legend's symbols and texts at pixel positions under the plot (left-aligned).

    Bar and tick share the first row; the pale bar of an incomplete area gets its own row.
    """
    y = plot_height + _LEGEND_TOP_PX
    actual = chart_text("chart.series_actual", lang)
    tick_at = 16 + text_width_px(actual, _LEGEND_FONT_SIZE) + 14
    squares = [{"x": 5, "y": y, "opacity": 1.0}]
    texts = [
        {"x": 14, "y": y, "text": actual},
        {"x": tick_at + 7, "y": y, "text": chart_text("chart.series_target", lang)},
    ]
    if incomplete:
        squares.append({"x": 5, "y": y + _LEGEND_ROW_PX, "opacity": 0.45})
        texts.append(
            {"x": 14, "y": y + _LEGEND_ROW_PX, "text": chart_text("chart.legend_incomplete", lang)}
        )
    ticks = [{"x": tick_at, "y": y - 7, "y2": y + 7}]
    return {"legend_squares": squares, "legend_ticks": ticks, "legend_texts": texts}


@functools.lru_cache(maxsize=64)
def _bars_template(labels: tuple[str, ...], lang: str, narrowest_band: float) -> dict:
    """The bar chart's layers without data (the data goes into named datasets)."""
    import altair as alt

    x_scale = alt.Scale(domain=[0, 100], nice=False)
    y = alt.Y(
        "area:N",
        sort=list(labels),
        title=None,
        axis=alt.Axis(labelLimit=220, labelFontSize=12, labelExpr=_wrapped_labels(labels, 24)),
    )
    tooltip = tooltips(
        lang,
        ("area:N", "common.area"),
        ("score_text:N", "common.score"),
        ("stage:N", "common.stage"),
        ("target_text:N", "common.target"),
        ("gap_text:N", "common.gap"),
        ("flag:N", "common.coverage"),
    )
    band_layer = (
        alt.Chart(alt.NamedData("bands"))
        .mark_rect()
        .encode(
            x=alt.X("from:Q", scale=x_scale, title=chart_text("common.score", lang)),
            x2="to:Q",
            color=alt.Color(
                "shade:N",
                scale=alt.Scale(domain=[0, 1], range=["#FFFFFF", ACCENT_LIGHT]),
                legend=None,
            ),
            tooltip=alt.Tooltip("stage:N", title=chart_text("common.stage", lang)),
        )
    )
    band_text = (
        alt.Chart(alt.NamedData("bands"))
        .mark_text(
            align="left",
            baseline="bottom",
            dx=3,
            dy=-3,
            fontSize=10,
            color=MUTED,
            # Stage names never run into the next band, however wide the plot is.
            limit=alt.ExprRef(f"max(width * {narrowest_band:.4f} - 6, 10)"),
        )
        .encode(x=alt.X("from:Q", scale=x_scale), y=alt.value(0), text="stage:N")
    )
    bars = (
        alt.Chart(alt.NamedData("areas"))
        .mark_bar(color=SERIES_COLOURS["actual"], height={"band": 0.6})
        .encode(
            x=alt.X("score:Q", scale=x_scale),
            y=y,
            opacity=alt.Opacity("opacity:Q", scale=None, legend=None),
            tooltip=tooltip,
        )
    )
    ticks = (
        alt.Chart(alt.NamedData("areas"))
        .mark_tick(color=SERIES_COLOURS["target"], thickness=3, size=22)
        .encode(x=alt.X("target:Q", scale=x_scale), y=y, tooltip=tooltip)
    )
    values = (
        alt.Chart(alt.NamedData("areas"))
        .mark_text(align="left", dx=4, fontSize=11, color=INK)
        .encode(x=alt.X("score_at:Q", scale=x_scale), y=y, text="score_text:N")
    )
    at_x, at_y = alt.X("x:Q", scale=None, axis=None), alt.Y("y:Q", scale=None, axis=None)
    legend_squares = (
        alt.Chart(alt.NamedData("legend_squares"))
        .mark_square(size=90, color=SERIES_COLOURS["actual"])
        .encode(x=at_x, y=at_y, opacity=alt.Opacity("opacity:Q", scale=None))
    )
    legend_ticks = (
        alt.Chart(alt.NamedData("legend_ticks"))
        .mark_rule(color=SERIES_COLOURS["target"], strokeWidth=3)
        .encode(x=at_x, y=at_y, y2=alt.Y2("y2:Q"))
    )
    legend_texts = (
        alt.Chart(alt.NamedData("legend_texts"))
        .mark_text(align="left", baseline="middle", fontSize=_LEGEND_FONT_SIZE, color=INK)
        .encode(x=at_x, y=at_y, text="text:N")
    )
    chart = alt.layer(
        band_layer, band_text, bars, ticks, values, legend_squares, legend_ticks, legend_texts
    ).properties(
        width="container",
        height=len(labels) * _STEP_PX,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    )
    return chart.configure_view(stroke=None).to_dict(validate=False)


def bars_args(q: Questionnaire, scores: Scores, lang: str) -> dict:
    """Hashable keyword arguments for `bars_spec` from one round's scores."""
    areas = [d.id for d in q.dimensions]
    flags = dict(zip(scores.areas["area"], scores.areas["incomplete"], strict=True))
    return {
        "labels": tuple(d.title(lang) for d in q.dimensions),
        "scores": area_values(scores.areas, "score", areas),
        "targets": area_values(scores.areas, "target", areas),
        "rings": tuple(float(s.max) for s in q.stages),
        "stage_names": tuple(s.name(lang) for s in q.stages),
        "incomplete": tuple(bool(flags.get(a, False)) for a in areas),
        "lang": lang,
    }
