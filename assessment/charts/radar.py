"""Radar geometry on the unit circle (pure): shared by the app's radar and the PDF radar."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd


def as_value(value: float | None) -> float | None:
    """A score as a float, or None when it is missing (None or NaN)."""
    return None if value is None or math.isnan(value) else float(value)


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
        """True when the value is missing (a gap in the polygon, never a point at the centre)."""
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

    @property
    def complete(self) -> bool:
        """True when every area has a value (the polygon is closed)."""
        return not self.missing

    @property
    def segments(self) -> tuple[tuple[Vertex, ...], ...]:
        """The lines to draw: runs of neighbouring areas that have a value.

        A complete series is one run that ends where it starts (a closed polygon). Otherwise
        each run stops before an area without a value, so that area is a gap in the line; a
        single rated area between two gaps is a run of one (a dot, no line).
        """
        vertices = self.vertices
        if not vertices or all(v.missing for v in vertices):
            return ()
        if self.complete:
            return (vertices + vertices[:1],)
        first_gap = next(i for i, v in enumerate(vertices) if v.missing)
        rotated = vertices[first_gap:] + vertices[:first_gap]  # starts with a gap
        runs: list[list[Vertex]] = []
        for vertex in rotated:
            if vertex.missing:
                runs.append([])
            else:
                runs[-1].append(vertex)
        return tuple(tuple(run) for run in runs if run)


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
    """Split an axis label into lines of about `width` characters (at spaces only).

    A label never starts with a line of one short word ("HR" / "development" …): such a word
    takes the next one along.
    """
    lines: list[str] = []
    for word in text.split():
        short_start = len(lines) == 1 and len(lines[0]) <= 3
        if lines and (len(lines[-1]) + 1 + len(word) <= width or short_start):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or ("",)


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
    at radius v / max_value (clamped to 0..1). A missing value (None or NaN) is listed in
    `SeriesGeometry.missing` and left out of `SeriesGeometry.segments` (a gap, not a point at
    the centre). Labels sit at radius 1 + label_offset.
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
            clean = as_value(value)
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
