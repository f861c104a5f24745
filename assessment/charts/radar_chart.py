"""The radar as a Vega-Lite spec (built with Altair), and its inputs from one round's scores.

`radar_spec` takes only plain, hashable tuples and returns a dict, so the app can cache it
(`st.cache_data`) cheaply; `radar_args` turns scores into those tuples.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping

from assessment.charts.palette import (
    GRID,
    INK,
    MUTED,
    SERIES_COLOURS,
    SERIES_DASH,
    WARNING,
    series_rank,
)
from assessment.charts.radar import radar_geometry, stage_name_for, wrap_label
from assessment.charts.radar_fit import radar_fit
from assessment.charts.vega import area_values, chart_text, number_text, text_width_px, tooltips
from assessment.i18n import has_text
from assessment.questionnaire import Questionnaire
from assessment.scoring import Scores

_LABEL_FONT_SIZE = 12
_LINE_HEIGHT = 1.25
#: The radius (px) in a wide column; a narrower column (a phone's) gets a smaller one, down to
#: the minimum, so that labels keep their size and stay inside.
MAX_RADIUS_PX = 120
MIN_RADIUS_PX = 50
_MARGIN_PX = 5
#: Labels wrap at about this many characters (narrow blocks leave more room for the radius).
_LABEL_CHARS = 13


def _series_title(key: str, titles: Mapping[str, str], lang: str) -> str:
    if key in titles:
        return titles[key]
    if has_text(f"chart.series_{key}"):
        return chart_text(f"chart.series_{key}", lang)
    return key


def radar_spec(
    labels: tuple[str, ...],
    series: tuple[tuple[str, tuple[float | None, ...]], ...],
    rings: tuple[float, ...],
    stage_names: tuple[str, ...] = (),
    series_titles: tuple[tuple[str, str], ...] = (),
    lang: str = "de",
) -> dict:
    """Vega-Lite spec of a radar: grid rings at the stage bounds, one line per series.

    `series` holds (key, values) pairs; known keys ("actual", "target", "previous", "benchmark")
    get the shared colours and dash patterns. Points carry tooltips (area, series, score,
    stage). An area without a value is a gap in its series' line, with no point. The chart
    takes its container's width (show it with `width="stretch"`): the radius is the largest
    that keeps the labels inside that width, up to `MAX_RADIUS_PX`; the height is that of the
    largest radius, and both scales keep one pixel size per unit, so the radar stays round.
    """
    titles = dict(series_titles)
    geometry = radar_geometry(labels, dict(series), rings, label_width=_LABEL_CHARS)
    fit = radar_fit(
        geometry,
        lambda line: text_width_px(line, _LABEL_FONT_SIZE),
        _LABEL_FONT_SIZE * _LINE_HEIGHT,
        MAX_RADIUS_PX,
        MIN_RADIUS_PX,
        _MARGIN_PX,
    )
    ordered = sorted(
        (s for s in geometry.series if any(v.value is not None for v in s.vertices)),
        key=lambda s: -series_rank(s.key),
    )
    legend = tuple(
        (s.key, _series_title(s.key, titles, lang))
        for s in sorted(ordered, key=lambda s: series_rank(s.key))
    )
    datasets: dict[str, list[dict]] = {
        "rings": [
            {"ring": ring.value, "order": order, "x": px, "y": py}
            for ring in geometry.rings
            for order, (px, py) in enumerate(ring.points)
        ],
        "spokes": [{"x": 0.0, "y": 0.0, "x2": sx, "y2": sy} for sx, sy in geometry.spokes],
        "ring_labels": [
            {"x": ring.label_at[0], "y": ring.label_at[1], "text": f"{ring.value:.0f}"}
            for ring in geometry.rings
        ],
        "lines": [
            {"series": title, "segment": f"{s.key}-{n}", "order": order, "x": v.x, "y": v.y}
            for s in ordered
            for title in [_series_title(s.key, titles, lang)]
            for n, segment in enumerate(s.segments)
            for order, v in enumerate(segment)
        ],
        "points": [
            {
                "series": title,
                "order": v.index,
                "x": v.x,
                "y": v.y,
                "area": v.label,
                "score": number_text(v.value),
                "stage": stage_name_for(v.value, rings, stage_names),
            }
            for s in ordered
            for title in [_series_title(s.key, titles, lang)]
            for v in s.vertices
            if not v.missing
        ],
    }
    groups = []
    for p in geometry.label_positions:
        name = f"labels_{p.align}_{p.baseline}"
        if name not in datasets:
            datasets[name] = []
            groups.append((p.align, p.baseline))
        datasets[name].append({"x": p.x, "y": p.y, "text": "\n".join(p.lines)})
    missing = tuple(label for s in ordered if s.key == "actual" for label in s.missing)
    note = chart_text("chart.missing", lang, areas=", ".join(missing)) if missing else ""
    scales = (fit.radius_expr(), fit.centre_expr(), fit.top_expr(), fit.height())
    spec = copy.deepcopy(_radar_template(scales, legend, tuple(groups), note, lang))
    spec["datasets"] = datasets
    return spec


@functools.lru_cache(maxsize=64)
def _radar_template(
    scales: tuple[str, str, str, int],
    legend: tuple[tuple[str, str], ...],
    label_groups: tuple[tuple[str, str], ...],
    note: str,
    lang: str,
) -> dict:
    """The radar's layers without data (the data goes into named datasets)."""
    import altair as alt

    radius, centre_x, top, height = scales
    # One pixel size per unit on both axes (the radius): the drawing centred across the
    # width, and at the top of the height (a smaller radius leaves room below, not above).
    x_domain = f"[({centre_x} - width / 2) / radius, ({centre_x} + width / 2) / radius]"
    y_domain = f"[({top} - height) / radius, {top} / radius]"
    x = alt.X("x:Q", scale=alt.Scale(domain=alt.ExprRef(x_domain), nice=False, zero=False))
    y = alt.Y("y:Q", scale=alt.Scale(domain=alt.ExprRef(y_domain), nice=False, zero=False))
    x, y = x.axis(None), y.axis(None)
    rings_layer = (
        alt.Chart(alt.NamedData("rings"))
        .mark_line(interpolate="linear-closed", color=GRID, strokeWidth=1)
        .encode(x=x, y=y, detail="ring:N", order="order:Q")
    )
    spokes_layer = (
        alt.Chart(alt.NamedData("spokes"))
        .mark_rule(color=GRID, strokeWidth=1)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    )
    ring_labels_layer = (
        alt.Chart(alt.NamedData("ring_labels"))
        .mark_text(align="center", baseline="bottom", dy=-1, fontSize=9, color=MUTED)
        .encode(x=x, y=y, text="text:N")
    )
    keys = [key for key, _ in legend]
    titles = [title for _, title in legend]
    colour_scale = alt.Scale(domain=titles, range=[SERIES_COLOURS.get(k, INK) for k in keys])
    dash_scale = alt.Scale(domain=titles, range=[list(SERIES_DASH.get(k, ())) for k in keys])
    # Above the radar: a narrow column leaves its spare height below. Four series take two
    # columns, so that a phone's column holds them.
    legend_def = alt.Legend(
        orient="top", title=None, symbolStrokeWidth=2, columns=2 if len(legend) > 3 else 0
    )
    lines_layer = (  # each segment runs between two gaps, or all round (first point twice)
        alt.Chart(alt.NamedData("lines"))
        .mark_line(interpolate="linear", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=alt.Color("series:N", scale=colour_scale, legend=legend_def, sort=titles),
            strokeDash=alt.StrokeDash("series:N", scale=dash_scale, legend=legend_def, sort=titles),
            order="order:Q",
            detail="segment:N",
        )
    )
    points_layer = (
        alt.Chart(alt.NamedData("points"))
        .mark_point(filled=True, size=45, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color("series:N", scale=colour_scale, legend=None),
            tooltip=tooltips(
                lang,
                ("area:N", "common.area"),
                ("series:N", "chart.series"),
                ("score:N", "common.score"),
                ("stage:N", "common.stage"),
            ),
        )
    )
    label_layers = [
        alt.Chart(alt.NamedData(f"labels_{align}_{baseline}"))
        .mark_text(
            align=align,
            baseline=baseline,
            fontSize=_LABEL_FONT_SIZE,
            lineHeight=_LABEL_FONT_SIZE * _LINE_HEIGHT,
            lineBreak="\n",
            color=INK,
        )
        .encode(x=x, y=y, text="text:N")
        for align, baseline in label_groups
    ]
    chart = alt.layer(
        rings_layer, spokes_layer, ring_labels_layer, lines_layer, points_layer, *label_layers
    ).properties(
        width="container",
        height=height,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    )
    chart = chart.add_params(alt.param(name="radius", expr=radius))
    if note:
        title = alt.TitleParams(
            list(wrap_label(note, 44)),  # lines that fit a phone's column
            orient="top",  # with the legend, above any spare height a narrow column leaves
            anchor="start",
            fontSize=11,
            fontWeight="normal",
            color=WARNING,
        )
        chart = chart.properties(title=title)
    return chart.configure_view(stroke=None).to_dict(validate=False)


def radar_args(
    q: Questionnaire,
    scores: Scores,
    lang: str,
    previous: Scores | None = None,
    benchmark: Mapping[str, float] | None = None,
) -> dict:
    """Hashable keyword arguments for `radar_spec` from one round's scores."""
    areas = [d.id for d in q.dimensions]
    series = [
        ("actual", area_values(scores.areas, "score", areas)),
        ("target", area_values(scores.areas, "target", areas)),
    ]
    if previous is not None:
        series.append(("previous", area_values(previous.areas, "score", areas)))
    if benchmark:
        series.append(("benchmark", tuple(benchmark.get(a) for a in areas)))
    return {
        "labels": tuple(d.title(lang) for d in q.dimensions),
        "series": tuple(series),
        "rings": tuple(float(s.max) for s in q.stages),
        "stage_names": tuple(s.name(lang) for s in q.stages),
        "lang": lang,
    }
