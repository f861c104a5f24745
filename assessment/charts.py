"""Charts: the radar geometry (pure, shared by app and PDF) and Vega-Lite builders (Altair).

The builders take only plain, hashable tuples and return a Vega-Lite spec as a dict, so the app
can cache them (`st.cache_data`) cheaply; `radar_args` and `bars_args` turn scores into those
tuples. The palette is defined once here and used by the PDF as well.
"""

from __future__ import annotations

import copy
import functools
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from assessment.i18n import STRINGS, t
from assessment.questionnaire import Questionnaire
from assessment.scoring import Scores

# --- palette (Okabe–Ito colours: distinguishable with the common colour-vision deficiencies) ---

#: Colours of the chart series; each series also has its own dash pattern (see SERIES_DASH).
SERIES_COLOURS: dict[str, str] = {
    "actual": "#0072B2",  # blue
    "target": "#D55E00",  # vermillion
    "previous": "#009E73",  # bluish green
    "benchmark": "#6E6E6E",  # grey
}
#: Dash pattern per series (on, off) in pixels; () is a solid line.
SERIES_DASH: dict[str, tuple[int, ...]] = {
    "actual": (),
    "target": (6, 4),
    "previous": (2, 3),
    "benchmark": (8, 3, 2, 3),
}
#: The order of series in legends; they are drawn in reverse, so the actual values are on top.
SERIES_ORDER: tuple[str, ...] = ("actual", "target", "previous", "benchmark")
#: One colour per roadmap phase (0–3, 3–6, 6–12, 12–24 months).
PHASE_COLOURS: tuple[str, ...] = ("#0072B2", "#56B4E9", "#009E73", "#E69F00")
#: Neutral colours shared by app charts and the PDF.
ACCENT = "#0B4F6C"
ACCENT_LIGHT = "#E4EEF3"
INK = "#1F2933"
MUTED = "#5F6B76"
GRID = "#C5CED6"
WARNING = "#B34700"


def chart_text(key: str, lang: str, **values: object) -> str:
    """A chart string (key `chart_<key>` in the one UI catalogue) in `lang`."""
    return t(f"chart_{key}", lang, **values)


@functools.lru_cache(maxsize=64)
def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """ "#RRGGBB" as an (r, g, b) tuple of 0–255 ints."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


# --- radar geometry (pure) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Vertex:
    """One point of a series: its area, the value drawn and where (unit circle, y up)."""

    index: int
    label: str
    value: float | None
    x: float
    y: float

    @property
    def missing(self) -> bool:
        """True when the value is missing (drawn at the centre)."""
        return self.value is None


@dataclass(frozen=True)
class SeriesGeometry:
    """A closed polygon of one series (actual, target, …)."""

    key: str
    vertices: tuple[Vertex, ...]

    @property
    def points(self) -> tuple[tuple[float, float], ...]:
        """The polygon's (x, y) points in area order."""
        return tuple((v.x, v.y) for v in self.vertices)

    @property
    def missing(self) -> tuple[str, ...]:
        """Labels of the areas without a value."""
        return tuple(v.label for v in self.vertices if v.missing)


@dataclass(frozen=True)
class Ring:
    """A grid ring at a score (e.g. a stage bound) as a closed polygon, with its label spot."""

    value: float
    points: tuple[tuple[float, float], ...]
    label_at: tuple[float, float]  # on the ring's edge in the gap between the lowest axes


@dataclass(frozen=True)
class LabelPosition:
    """Where an area label goes: anchor point and how the text box hangs from it."""

    index: int
    text: str
    lines: tuple[str, ...]
    x: float
    y: float
    align: str  # "left" | "center" | "right": which edge of the text is at x
    baseline: str  # "top" | "middle" | "bottom": which edge of the text block is at y


@dataclass(frozen=True)
class RadarGeometry:
    """Everything needed to draw a radar; coordinates on the unit circle, y pointing up."""

    labels: tuple[str, ...]
    angles: tuple[float, ...]
    spokes: tuple[tuple[float, float], ...]
    rings: tuple[Ring, ...]
    series: tuple[SeriesGeometry, ...]
    label_positions: tuple[LabelPosition, ...]
    max_value: float

    def vertices(self) -> pd.DataFrame:
        """All series vertices as a long table (series, index, label, value, x, y, missing)."""
        rows = [
            (s.key, v.index, v.label, v.value, v.x, v.y, v.missing)
            for s in self.series
            for v in s.vertices
        ]
        columns = ["series", "index", "label", "value", "x", "y", "missing"]
        return pd.DataFrame(rows, columns=columns)

    def bounds(
        self, text_width: Callable[[str], float], line_height: float, margin: float = 0.0
    ) -> tuple[float, float, float, float]:
        """(xmin, xmax, ymin, ymax) covering the outer ring and every label box."""
        xmin, xmax, ymin, ymax = -1.0, 1.0, -1.0, 1.0
        for label in self.label_positions:
            width = max((text_width(line) for line in label.lines), default=0.0)
            height = line_height * len(label.lines)
            left = {"left": label.x, "center": label.x - width / 2, "right": label.x - width}
            bottom = {"bottom": label.y, "middle": label.y - height / 2, "top": label.y - height}
            x0, y0 = left[label.align], bottom[label.baseline]
            xmin, xmax = min(xmin, x0), max(xmax, x0 + width)
            ymin, ymax = min(ymin, y0), max(ymax, y0 + height)
        return xmin - margin, xmax + margin, ymin - margin, ymax + margin


def wrap_label(text: str, width: int = 16) -> tuple[str, ...]:
    """Split an axis label into lines of about `width` characters (at spaces only)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or ("",)


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


def _angle(index: int, count: int) -> float:
    """Angle of axis `index`: the first at the top, then clockwise."""
    return math.pi / 2 - 2 * math.pi * index / count


def _point(angle: float, radius: float) -> tuple[float, float]:
    return radius * math.cos(angle), radius * math.sin(angle)


def _label_anchor(angle: float) -> tuple[str, str]:
    cos, sin = math.cos(angle), math.sin(angle)
    align = "left" if cos > 0.2 else "right" if cos < -0.2 else "center"
    baseline = "bottom" if sin > 0.5 else "top" if sin < -0.5 else "middle"
    return align, baseline


def radar_geometry(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    rings: Sequence[float],
    max_value: float = 100.0,
    label_offset: float = 0.09,
    label_width: int = 16,
) -> RadarGeometry:
    """Vertices per series, grid rings and label anchors of a radar on the unit circle.

    Axis i points at angle 90° − i·360°/n (the first axis up, then clockwise); a value v sits
    at radius v / max_value (clamped to 0..1). A missing value (None or NaN) is drawn at the
    centre and listed in `SeriesGeometry.missing`. Labels sit at radius 1 + label_offset.
    """
    count = len(labels)
    if count < 3:
        raise ValueError("a radar needs at least three axes")
    angles = tuple(_angle(i, count) for i in range(count))
    geometries = []
    for key, values in series.items():
        if len(values) != count:
            raise ValueError(f"series {key!r} has {len(values)} values for {count} axes")
        vertices = []
        for i, (label, value) in enumerate(zip(labels, values, strict=True)):
            clean = None if value is None or math.isnan(value) else float(value)
            radius = 0.0 if clean is None else min(max(clean / max_value, 0.0), 1.0)
            x, y = _point(angles[i], radius)
            vertices.append(Vertex(i, label, clean, x, y))
        geometries.append(SeriesGeometry(key, tuple(vertices)))
    # Ring values are labelled where the ring's edge crosses the bisector of the two axes
    # around the bottom, away from the area labels.
    gap = count // 2
    bisector = (
        angles[gap] + angles[(gap + 1) % count] - (2 * math.pi if gap + 1 == count else 0)
    ) / 2
    edge = math.cos(math.pi / count)
    grid = tuple(
        Ring(
            float(value),
            tuple(_point(a, value / max_value) for a in angles),
            _point(bisector, edge * value / max_value),
        )
        for value in rings
        if 0 < value <= max_value
    )
    positions = []
    for i, (label, angle) in enumerate(zip(labels, angles, strict=True)):
        x, y = _point(angle, 1 + label_offset)
        align, baseline = _label_anchor(angle)
        positions.append(
            LabelPosition(i, label, wrap_label(label, label_width), x, y, align, baseline)
        )
    return RadarGeometry(
        labels=tuple(labels),
        angles=angles,
        spokes=tuple(_point(a, 1.0) for a in angles),
        rings=grid,
        series=tuple(geometries),
        label_positions=tuple(positions),
        max_value=max_value,
    )


def stage_name_for(value: float | None, rings: Sequence[float], stage_names: Sequence[str]) -> str:
    """The name of the band [previous bound, bound) that holds `value` (top band includes it)."""
    if value is None or not stage_names:
        return "–"
    for bound, name in zip(rings, stage_names, strict=False):
        if value < bound:
            return name
    return stage_names[min(len(rings), len(stage_names)) - 1]


# --- Vega-Lite builders (Altair) -----------------------------------------------------------------

#: Approximate width of one character relative to the font size (sans-serif, conservative).
_CHAR_WIDTH = 0.6
_LABEL_FONT_SIZE = 12
_LINE_HEIGHT = 1.25


def _display_rank(key: str) -> int:
    return SERIES_ORDER.index(key) if key in SERIES_ORDER else len(SERIES_ORDER)


def _series_title(key: str, titles: Mapping[str, str], lang: str) -> str:
    if key in titles:
        return titles[key]
    if f"chart_series_{key}" in STRINGS:
        return chart_text(f"series_{key}", lang)
    return key


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def radar_spec(
    labels: tuple[str, ...],
    series: tuple[tuple[str, tuple[float | None, ...]], ...],
    rings: tuple[float, ...],
    stage_names: tuple[str, ...] = (),
    series_titles: tuple[tuple[str, str], ...] = (),
    lang: str = "de",
    radius_px: int = 120,
) -> dict:
    """Vega-Lite spec of a radar: grid rings at the stage bounds, one closed line per series.

    `series` holds (key, values) pairs; known keys ("actual", "target", "previous", "benchmark")
    get the shared colours and dash patterns. Points carry tooltips (area, series, score,
    stage). The spec has a fixed width and height matching its domain, so the radar stays round
    and labels are never clipped (show it without stretching it to the container width).
    """
    titles = dict(series_titles)
    geometry = radar_geometry(labels, dict(series), rings)

    def text_width(line: str) -> float:
        return len(line) * _LABEL_FONT_SIZE * _CHAR_WIDTH / radius_px

    line_height = _LABEL_FONT_SIZE * _LINE_HEIGHT / radius_px
    domain = geometry.bounds(text_width, line_height, margin=0.04)
    ordered = sorted(
        (s for s in geometry.series if any(v.value is not None for v in s.vertices)),
        key=lambda s: -_display_rank(s.key),
    )
    legend = tuple(
        (s.key, _series_title(s.key, titles, lang))
        for s in sorted(ordered, key=lambda s: _display_rank(s.key))
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
        "points": [
            {
                "series": title,
                "order": v.index,
                "x": v.x,
                "y": v.y,
                "area": v.label,
                "score": _number(v.value),
                "stage": stage_name_for(v.value, rings, stage_names),
            }
            for s in ordered
            for title in [_series_title(s.key, titles, lang)]
            for v in s.vertices
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
    note = chart_text("missing", lang, areas=", ".join(missing)) if missing else ""
    size = (round((domain[1] - domain[0]) * radius_px), round((domain[3] - domain[2]) * radius_px))
    spec = copy.deepcopy(_radar_template(domain, size, legend, tuple(groups), note, lang))
    spec["datasets"] = datasets
    return spec


@functools.lru_cache(maxsize=64)
def _radar_template(
    domain: tuple[float, float, float, float],
    size: tuple[int, int],
    legend: tuple[tuple[str, str], ...],
    label_groups: tuple[tuple[str, str], ...],
    note: str,
    lang: str,
) -> dict:
    """The radar's layers without data (the data goes into named datasets)."""
    import altair as alt

    xmin, xmax, ymin, ymax = domain
    x = alt.X("x:Q", scale=alt.Scale(domain=[xmin, xmax], nice=False, zero=False), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[ymin, ymax], nice=False, zero=False), axis=None)
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
    legend_def = alt.Legend(orient="bottom", title=None, symbolStrokeWidth=2)
    lines_layer = (
        alt.Chart(alt.NamedData("points"))
        .mark_line(interpolate="linear-closed", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=alt.Color("series:N", scale=colour_scale, legend=legend_def, sort=titles),
            strokeDash=alt.StrokeDash("series:N", scale=dash_scale, legend=legend_def, sort=titles),
            order="order:Q",
            detail="series:N",
        )
    )
    points_layer = (
        alt.Chart(alt.NamedData("points"))
        .mark_point(filled=True, size=45, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color("series:N", scale=colour_scale, legend=None),
            tooltip=[
                alt.Tooltip("area:N", title=chart_text("area", lang)),
                alt.Tooltip("series:N", title=chart_text("series", lang)),
                alt.Tooltip("score:N", title=chart_text("score", lang)),
                alt.Tooltip("stage:N", title=chart_text("stage", lang)),
            ],
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
    ).properties(width=size[0], height=size[1], autosize=alt.AutoSizeParams(type="pad"))
    if note:
        title = alt.TitleParams(
            note, orient="bottom", anchor="start", fontSize=11, fontWeight="normal", color=WARNING
        )
        chart = chart.properties(title=title)
    return chart.configure_view(stroke=None).to_dict(validate=False)


def bars_spec(
    labels: tuple[str, ...],
    scores: tuple[float | None, ...],
    targets: tuple[float | None, ...],
    rings: tuple[float, ...],
    stage_names: tuple[str, ...] = (),
    incomplete: tuple[bool, ...] = (),
    lang: str = "de",
    width: int = 360,
) -> dict:
    """Vega-Lite spec of horizontal area bars (0–100) with target ticks and stage bands.

    Tooltips show area, score, stage, target and gap; incomplete areas are drawn paler and
    say so; an area without a score has no bar and shows "–".
    """
    flags = incomplete or (False,) * len(labels)
    rows = []
    for label, score, target, flag in zip(labels, scores, targets, flags, strict=True):
        clean = None if score is None or math.isnan(score) else float(score)
        aim = None if target is None or math.isnan(target) else float(target)
        gap = None if clean is None or aim is None else max(0.0, aim - clean)
        rows.append(
            {
                "area": label,
                "score": clean,
                "score_at": clean or 0.0,
                "score_text": _number(clean),
                "target": aim,
                "target_text": _number(aim),
                "gap_text": _number(gap),
                "stage": stage_name_for(clean, rings, stage_names),
                "flag": chart_text("incomplete", lang) if flag else "",
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
    spec = copy.deepcopy(_bars_template(labels, width, lang, int(width * narrowest / 100)))
    spec["datasets"] = {"areas": rows, "bands": bands}
    return spec


@functools.lru_cache(maxsize=64)
def _bars_template(labels: tuple[str, ...], width: int, lang: str, band_px: int) -> dict:
    """The bar chart's layers without data (the data goes into named datasets)."""
    import altair as alt

    x_scale = alt.Scale(domain=[0, 100], nice=False)
    y = alt.Y(
        "area:N",
        sort=list(labels),
        title=None,
        axis=alt.Axis(labelLimit=220, labelFontSize=12, labelExpr=_wrapped_labels(labels, 24)),
    )
    tooltip = [
        alt.Tooltip("area:N", title=chart_text("area", lang)),
        alt.Tooltip("score_text:N", title=chart_text("score", lang)),
        alt.Tooltip("stage:N", title=chart_text("stage", lang)),
        alt.Tooltip("target_text:N", title=chart_text("target", lang)),
        alt.Tooltip("gap_text:N", title=chart_text("gap", lang)),
        alt.Tooltip("flag:N", title=chart_text("coverage", lang)),
    ]
    band_layer = (
        alt.Chart(alt.NamedData("bands"))
        .mark_rect()
        .encode(
            x=alt.X("from:Q", scale=x_scale, title=chart_text("score", lang)),
            x2="to:Q",
            color=alt.Color(
                "shade:N",
                scale=alt.Scale(domain=[0, 1], range=["#FFFFFF", ACCENT_LIGHT]),
                legend=None,
            ),
            tooltip=alt.Tooltip("stage:N", title=chart_text("stage", lang)),
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
            limit=max(band_px - 6, 10),  # stage names never run into the next band
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
    chart = alt.layer(band_layer, band_text, bars, ticks, values).properties(
        width=width, height=alt.Step(34), autosize=alt.AutoSizeParams(type="pad")
    )
    return chart.configure_view(stroke=None).to_dict(validate=False)


# --- inputs from scores ---------------------------------------------------------------------------


def _values(frame: pd.DataFrame, column: str, areas: Sequence[str]) -> tuple[float | None, ...]:
    by_area = dict(zip(frame["area"], frame[column], strict=True))
    out = []
    for area in areas:
        value = by_area.get(area)
        out.append(None if value is None or pd.isna(value) else round(float(value), 1))
    return tuple(out)


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
        ("actual", _values(scores.areas, "score", areas)),
        ("target", _values(scores.areas, "target", areas)),
    ]
    if previous is not None:
        series.append(("previous", _values(previous.areas, "score", areas)))
    if benchmark:
        series.append(("benchmark", tuple(benchmark.get(a) for a in areas)))
    return {
        "labels": tuple(d.title(lang) for d in q.dimensions),
        "series": tuple(series),
        "rings": tuple(float(s.max) for s in q.stages),
        "stage_names": tuple(s.name(lang) for s in q.stages),
        "lang": lang,
    }


def bars_args(q: Questionnaire, scores: Scores, lang: str) -> dict:
    """Hashable keyword arguments for `bars_spec` from one round's scores."""
    areas = [d.id for d in q.dimensions]
    flags = dict(zip(scores.areas["area"], scores.areas["incomplete"], strict=True))
    return {
        "labels": tuple(d.title(lang) for d in q.dimensions),
        "scores": _values(scores.areas, "score", areas),
        "targets": _values(scores.areas, "target", areas),
        "rings": tuple(float(s.max) for s in q.stages),
        "stage_names": tuple(s.name(lang) for s in q.stages),
        "incomplete": tuple(bool(flags.get(a, False)) for a in areas),
        "lang": lang,
    }
