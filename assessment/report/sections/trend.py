"""The trend page: each area's score over every round so far, on the stage bands."""

from __future__ import annotations

import itertools

from assessment.charts.palette import BAND_FILLS, GRID, MUTED, SERIES_COLOURS, hex_to_rgb
from assessment.charts.trend import MIN_ROUNDS  # the app's rule: lines from three rounds on
from assessment.formatting import fmt_date, fmt_whole
from assessment.i18n import t
from assessment.report.content import ReportContent
from assessment.report.document import H1, ReportPDF, Style
from assessment.report.layout import fit_line, text_width
from assessment.round_series import RoundSeries

CHART_HEIGHT = 42.0
AXIS = Style(size=6.5, colour=MUTED, leading=1.0)
BAND_LABEL = Style(size=6, colour=MUTED, leading=1.0)
TITLE = Style(size=9.5, bold=True, leading=1.3)
#: Room right of each chart for the stage names, so that they never sit under the line.
BAND_LABEL_WIDTH = 18.0
VALUE = Style(size=6.5, bold=True, leading=1.0)
#: Values are printed above the points up to this many rounds (more would overlap).
LABELLED_ROUNDS = 8


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """A page of small line charts, one per area, when the round has at least two before it."""
    trend = content.trend
    if len(trend) < MIN_ROUNDS:
        return
    lang = content.lang
    # Flows on below the results table when the heading and a first row of charts still fit.
    pdf.heading(t("pdf.trend_title", lang), H1, before=8, keep=CHART_HEIGHT + 24)
    first, last = trend[0], trend[-1]
    pdf.paragraph(
        t(
            "pdf.trend_intro",
            lang,
            n=len(trend),
            first=f"{first.label} ({fmt_date(first.date, lang)})",
            last=f"{last.label} ({fmt_date(last.date, lang)})",
        )
    )
    gap = 8.0
    width = (pdf.content_width - gap) / 2
    for n, area in enumerate(content.areas):
        column = n % 2
        if column == 0:
            pdf.ensure(CHART_HEIGHT + 14)
            top = pdf.y + 2
        x = pdf.l_margin + column * (width + gap)
        _chart(pdf, content, area.id, area.title, trend, x, top, width)
        if column == 1 or n == len(content.areas) - 1:
            pdf.y = top + CHART_HEIGHT + 14


def _chart(
    pdf: ReportPDF,
    content: ReportContent,
    area: str,
    title: str,
    trend: tuple[RoundSeries, ...],
    left: float,
    top: float,
    width: float,
) -> None:
    lang = content.lang
    pdf.place(fit_line(title, width, TITLE.size, True), left, top, TITLE)
    axis_width = 6.0
    x0, x1 = left + axis_width, left + width - BAND_LABEL_WIDTH
    y0 = top + TITLE.line_height + 1.5
    y1 = y0 + CHART_HEIGHT

    def y_of(score: float) -> float:
        return y1 - score / 100 * CHART_HEIGHT

    for n, stage in enumerate(content.q.stages):
        pdf.set_fill_color(*hex_to_rgb(BAND_FILLS[n % len(BAND_FILLS)]))
        pdf.rect(x0, y_of(stage.max), x1 - x0, y_of(stage.min) - y_of(stage.max), style="F")
        name = fit_line(stage.name(lang), BAND_LABEL_WIDTH - 1.5, BAND_LABEL.size)
        middle = (y_of(stage.max) + y_of(stage.min)) / 2
        pdf.place(name, x1 + 1.5, middle - BAND_LABEL.line_height / 2, BAND_LABEL)
        pdf.place(f"{stage.min:.0f}", x0 - 1, y_of(stage.min) - AXIS.line_height / 2, AXIS, "R")
    pdf.place("100", x0 - 1, y_of(100) - AXIS.line_height / 2, AXIS, "R")
    pdf.set_draw_color(*hex_to_rgb(GRID))
    pdf.set_line_width(0.2)
    pdf.rect(x0, y0, x1 - x0, CHART_HEIGHT, style="D")

    days = [r.date.toordinal() for r in trend]
    span = max(days[-1] - days[0], 1)
    pad = 4.0

    def x_of(n: int) -> float:
        if days[-1] == days[0]:
            return x0 + pad + (x1 - x0 - 2 * pad) * n / max(len(trend) - 1, 1)
        return x0 + pad + (x1 - x0 - 2 * pad) * (days[n] - days[0]) / span

    points = [
        (x_of(n), y_of(score), score)
        for n, r in enumerate(trend)
        if (score := r.areas.get(area)) is not None
    ]
    colour = hex_to_rgb(SERIES_COLOURS["actual"])
    pdf.set_draw_color(*colour)
    pdf.set_fill_color(*colour)
    pdf.set_line_width(0.6)
    for (xa, ya, _), (xb, yb, _) in itertools.pairwise(points):
        pdf.line(xa, ya, xb, yb)
    for px, py, score in points:
        pdf.circle(px, py, 0.9, style="F")
        if len(trend) <= LABELLED_ROUNDS:
            pdf.place(fmt_whole(score, lang), px, py - VALUE.line_height - 1.2, VALUE, "C")
    _dates(pdf, trend, x_of, y1 + 1, lang)


def _dates(pdf: ReportPDF, trend: tuple[RoundSeries, ...], x_of, top: float, lang: str) -> None:
    """The rounds' years under the axis, leaving out one that would overlap its neighbour."""
    last_right = float("-inf")
    for n, r in enumerate(trend):
        label = str(r.date.year)
        if len({x.date.year for x in trend}) < len(trend):
            label = fmt_date(r.date, lang)
        half = text_width(label, AXIS.size) / 2
        if x_of(n) - half < last_right + 1.5:
            continue
        pdf.place(label, x_of(n), top, AXIS, "C")
        last_right = x_of(n) + half
