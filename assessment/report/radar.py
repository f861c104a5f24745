"""The radar as vector graphics, from the same geometry as the app's chart."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from assessment.charts.palette import (
    GRID,
    INK,
    MUTED,
    SERIES_COLOURS,
    SERIES_DASH,
    SERIES_ORDER,
    WARNING,
    hex_to_rgb,
)
from assessment.charts.radar import RadarGeometry, SeriesGeometry, radar_geometry
from assessment.report.document import ReportPDF, Style
from assessment.report.layout import text_width

LABEL = Style(size=8.5, bold=True, colour=INK, leading=1.25)
RING_LABEL = Style(size=6.5, colour=MUTED, leading=1.0)
LEGEND = Style(size=8.5, colour=INK)
NOTE = Style(size=8, colour=WARNING)
PX_TO_MM = 0.35  # dash patterns are given in px for the app; 1 px is about 0.35 mm on paper
ALIGN = {"left": "L", "center": "C", "right": "R"}

Point = tuple[float, float]


def _rank(key: str) -> int:
    """Legend position of a series (actual first); drawing goes the other way round."""
    return SERIES_ORDER.index(key) if key in SERIES_ORDER else len(SERIES_ORDER)


def draw_radar(
    pdf: ReportPDF,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    rings: Sequence[float],
    titles: Mapping[str, str],
    radius: float = 42.0,
    missing_note: str = "",
) -> None:
    """Draw the radar centred in the column at the current y, then its legend below it."""
    geometry = radar_geometry(labels, series, rings)

    def label_width(line: str) -> float:
        return text_width(line, LABEL.size, True) / radius

    xmin, xmax, ymin, ymax = geometry.bounds(label_width, LABEL.line_height / radius, 0.02)
    pdf.ensure((ymax - ymin) * radius + 14)
    cx = pdf.l_margin + pdf.content_width / 2 - (xmin + xmax) / 2 * radius
    cy = pdf.y + ymax * radius

    def at(x: float, y: float) -> Point:
        return cx + x * radius, cy - y * radius

    drawn = [s for s in geometry.series if any(v.value is not None for v in s.vertices)]
    _grid(pdf, geometry, at)
    for s in sorted(drawn, key=lambda s: -_rank(s.key)):
        _series(pdf, s, at)
    _labels(pdf, geometry, at)
    pdf.y = cy - ymin * radius + 3
    _legend(pdf, [s.key for s in sorted(drawn, key=lambda s: _rank(s.key))], titles)
    if missing_note:
        pdf.paragraph(missing_note, NOTE)


def _grid(pdf: ReportPDF, geometry: RadarGeometry, at: Callable[[float, float], Point]) -> None:
    """Rings at the stage bounds, spokes, and the ring values in the gap at the bottom."""
    pdf.set_draw_color(*hex_to_rgb(GRID))
    pdf.set_line_width(0.25)
    for ring in geometry.rings:
        pdf.polygon([at(x, y) for x, y in ring.points], style="D")
    for x, y in geometry.spokes:
        pdf.line(*at(0, 0), *at(x, y))
    for ring in geometry.rings:
        x, y = at(*ring.label_at)
        pdf.place(f"{ring.value:.0f}", x, y - RING_LABEL.line_height - 0.3, RING_LABEL, "C")


def _series(pdf: ReportPDF, series: SeriesGeometry, at: Callable[[float, float], Point]) -> None:
    """One series' line (closed and, for the actual values, lightly filled when complete; with
    gaps at areas without a value) and dots at the given values."""
    colour = hex_to_rgb(SERIES_COLOURS.get(series.key, INK))
    actual = series.key == "actual"
    if actual and series.complete:
        pdf.set_fill_color(*colour)
        with pdf.local_context(fill_opacity=0.14):
            pdf.polygon([at(x, y) for x, y in series.points], style="F")
    pdf.set_draw_color(*colour)
    pdf.set_line_width(0.7 if actual else 0.5)
    _dash(pdf, series.key)
    for segment in series.segments:
        if len(segment) > 1:
            pdf.polyline([at(v.x, v.y) for v in segment])
    pdf.set_dash_pattern()
    pdf.set_fill_color(*colour)
    for vertex in series.vertices:
        if not vertex.missing:
            pdf.circle(*at(vertex.x, vertex.y), 0.9 if actual else 0.7, style="F")


def _labels(pdf: ReportPDF, geometry: RadarGeometry, at: Callable[[float, float], Point]) -> None:
    """Area labels outside the outer ring, hanging away from it."""
    for label in geometry.label_positions:
        x, y = at(label.x, label.y)
        block = LABEL.line_height * len(label.lines)
        top = {"bottom": y - block, "middle": y - block / 2, "top": y}[label.baseline]
        for n, line in enumerate(label.lines):
            pdf.place(line, x, top + n * LABEL.line_height, LABEL, ALIGN[label.align])


def _dash(pdf: ReportPDF, key: str) -> None:
    pattern = SERIES_DASH.get(key, ())
    if pattern:
        pdf.set_dash_pattern(dash=pattern[0] * PX_TO_MM, gap=pattern[1] * PX_TO_MM)
    else:
        pdf.set_dash_pattern()


def _legend(pdf: ReportPDF, keys: Sequence[str], titles: Mapping[str, str]) -> None:
    """A centred row of line samples with the series titles."""
    sample, gap = 9.0, 6.0
    items = [(key, titles.get(key, key)) for key in keys]
    total = sum(sample + 2 + text_width(t, LEGEND.size) for _, t in items) + gap * (len(items) - 1)
    x = pdf.l_margin + (pdf.content_width - total) / 2
    middle = pdf.y + LEGEND.line_height / 2
    for key, title in items:
        pdf.set_draw_color(*hex_to_rgb(SERIES_COLOURS.get(key, INK)))
        pdf.set_line_width(0.7 if key == "actual" else 0.5)
        _dash(pdf, key)
        pdf.line(x, middle, x + sample, middle)
        pdf.set_dash_pattern()
        x += sample + 2
        pdf.place(title, x, pdf.y, LEGEND)
        x += text_width(title, LEGEND.size) + gap
    pdf.y += LEGEND.line_height + 2
