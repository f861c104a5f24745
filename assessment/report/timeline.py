"""The plan as a Gantt-like timeline on a month axis 0–24: one bar per measure across its phase.

Titles are wrapped (never cut), a due date is a diamond on its month, drawn in the warning
colour with a "!" when it lies outside the measure's phase. A phase without an end (e.g.
"later") gets a column of its own right of month 24.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from assessment.charts.palette import (
    ACCENT_LIGHT,
    GRID,
    INK,
    MUTED,
    PHASE_COLOURS,
    WARNING,
    hex_to_rgb,
)
from assessment.i18n import t
from assessment.report.content import PlanRow, phase_span
from assessment.report.document import ReportPDF, Style
from assessment.report.layout import text_width, wrap

MONTHS = 24
TICKS = tuple(range(0, MONTHS + 1, 3))
LATER_MONTHS = 4.0  # width of the column for phases without an end, in months of the axis
LABEL_WIDTH = 92.0
ROW = 4.8
HEAD = 6.0  # phase spans above the rows
FOOT = 6.5  # month ticks below the rows
ROW_TITLE = Style(size=7.8, bold=True, colour=INK, leading=1.2)
ROW_LABEL = Style(size=7.2, colour=MUTED, leading=1.2)
AXIS_LABEL = Style(size=7, colour=MUTED, leading=1.2)
PHASE_LABEL = Style(size=7.2, bold=True, colour=INK, leading=1.2)
FLAG_LABEL = Style(size=7.6, bold=True, colour=WARNING, leading=1.2)


@dataclass(frozen=True)
class _Axis:
    x0: float
    scale: float  # mm per month
    phases: tuple[str, ...]
    later: bool  # a column for phases without an end

    @property
    def end(self) -> float:
        """The last month on the axis (past 24 when there is a column for "later")."""
        return MONTHS + (LATER_MONTHS if self.later else 0)

    def x(self, month: float) -> float:
        return self.x0 + month * self.scale

    def span(self, phase: str) -> tuple[float, float]:
        """Where a phase's bar starts and ends (months on the axis)."""
        bounds = phase_span(phase)
        return bounds if bounds else (MONTHS, MONTHS + LATER_MONTHS)


def months_between(start: date, end: date) -> float:
    """Months from `start` to `end` (fractional by day)."""
    return (end.year - start.year) * 12 + end.month - start.month + (end.day - start.day) / 30


def due_outside_phase(row: PlanRow, start: date) -> bool:
    """True if the measure's due date lies before its phase begins or after it ends."""
    if row.entry.due is None:
        return False
    month = months_between(start, row.entry.due)
    if row.phase_span is None:
        return month < MONTHS
    begin, end = row.phase_span
    return not begin <= month <= end


def _label_lines(row: PlanRow, meta: str) -> list[tuple[str, Style]]:
    """The row's title (bold, wrapped) and its area, owner, due date and status below it."""
    title = [(line, ROW_TITLE) for line in wrap(row.title, LABEL_WIDTH - 3, ROW_TITLE.size, True)]
    return title + [(line, ROW_LABEL) for line in wrap(meta, LABEL_WIDTH - 3, ROW_LABEL.size)]


def _block(lines: list[tuple[str, Style]]) -> float:
    return sum(style.line_height for _, style in lines)


def draw_timeline(
    pdf: ReportPDF,
    rows: Sequence[PlanRow],
    start: date,
    phases: Sequence[str],
    lang: str,
    meta: Callable[[PlanRow], str],
) -> None:
    """Draw the timeline at the current y; after a page break the axis is drawn again.

    `meta` gives the grey line under each title (area, owner, due date, status).
    """
    active = [r for r in rows if r.entry.status != "dropped"]
    if not active:
        return
    labels = {id(r): _label_lines(r, meta(r)) for r in active}
    later = any(phase_span(p) is None for p in phases)
    width = MONTHS + (LATER_MONTHS if later else 0)
    x0 = pdf.l_margin + LABEL_WIDTH
    axis = _Axis(x0, (pdf.content_width - LABEL_WIDTH) / width, tuple(phases), later)
    heights = [max(ROW, _block(labels[id(r)]) + 1.6) for r in active]
    pdf.ensure(HEAD + sum(heights[:4]) + FOOT + 8)
    done = 0
    while done < len(active):
        room = pdf.bottom - 8 - pdf.y - HEAD - FOOT
        take = 0
        while done + take < len(active) and heights[done + take] <= room:
            room -= heights[done + take]
            take += 1
        if take < min(2, len(active) - done):
            pdf.add_page()
            continue
        body = sum(heights[done : done + take])
        top = pdf.y
        _bands(pdf, axis, top, body, lang)
        pdf.y = top + HEAD
        for row, height in zip(
            active[done : done + take], heights[done : done + take], strict=True
        ):
            _bar(pdf, row, labels[id(row)], axis, start, height)
        _ticks(pdf, axis, top + HEAD, body, lang)
        pdf.y = top + HEAD + body + FOOT
        done += take
        if done < len(active):
            pdf.add_page()
    pdf.set_draw_color(*hex_to_rgb(GRID))
    _legend(pdf, lang)


def _bar(
    pdf: ReportPDF,
    row: PlanRow,
    lines: list[tuple[str, Style]],
    axis: _Axis,
    start: date,
    height: float,
) -> None:
    row_top = pdf.y
    y = row_top + (height - _block(lines)) / 2
    for line, style in lines:
        pdf.place(line, pdf.l_margin, y, style)
        y += style.line_height
    middle = row_top + height / 2
    begin, end = axis.span(row.entry.phase)
    pdf.set_fill_color(*hex_to_rgb(PHASE_COLOURS[row.phase_index % len(PHASE_COLOURS)]))
    opacity = 0.45 if row.entry.status == "done" else 1.0
    with pdf.local_context(fill_opacity=opacity):
        pdf.rect(axis.x(begin), middle - 1.6, (end - begin) * axis.scale, 3.2, style="F")
    if row.entry.due is not None:
        month = min(max(months_between(start, row.entry.due), 0.0), axis.end)
        outside = due_outside_phase(row, start)
        x = axis.x(month)
        _diamond(pdf, x, middle, WARNING if outside else INK)
        if outside:
            pdf.place("!", x + 2.0, middle - FLAG_LABEL.line_height / 2, FLAG_LABEL)
    pdf.y = row_top + height


def _bands(pdf: ReportPDF, axis: _Axis, top: float, body: float, lang: str) -> None:
    """Phase bands shaded down through the rows, each titled with its span."""
    for n, phase in enumerate(axis.phases):
        begin, end = axis.span(phase)
        if n % 2 == 0:
            pdf.set_fill_color(*hex_to_rgb(ACCENT_LIGHT))
            pdf.rect(axis.x(begin), top, (end - begin) * axis.scale, HEAD + body, style="F")
        bounds = phase_span(phase)
        label = f"{begin:g}–{end:g}" if bounds else t("pdf.phase_later", lang)
        centre = axis.x((begin + end) / 2)
        pdf.place(label, centre, top + 1.0, PHASE_LABEL, "C")


def _ticks(pdf: ReportPDF, axis: _Axis, top: float, body: float, lang: str) -> None:
    """Grid lines at every third month and the month axis 0–24 below the rows."""
    pdf.set_draw_color(*hex_to_rgb(GRID))
    pdf.set_line_width(0.15)
    bottom = top + body
    for month in TICKS:
        x = axis.x(month)
        pdf.line(x, top, x, bottom + 1.2)
        pdf.place(str(month), x, bottom + 1.4, AXIS_LABEL, "C")
    pdf.set_line_width(0.25)
    pdf.line(axis.x(0), bottom, axis.x(MONTHS), bottom)
    label = t("pdf.timeline_months", lang)
    pdf.place(label, axis.x0 - 2.5, bottom + 1.4, AXIS_LABEL, "R")


def _legend(pdf: ReportPDF, lang: str) -> None:
    """What the diamonds mean."""
    y = pdf.y + AXIS_LABEL.line_height / 2
    x = pdf.l_margin + 1.5
    _diamond(pdf, x, y, INK)
    due = t("pdf.timeline_due", lang)
    pdf.place(due, x + 3, pdf.y, AXIS_LABEL)
    x += 3 + text_width(due, AXIS_LABEL.size) + 6
    _diamond(pdf, x, y, WARNING)
    pdf.place("!", x + 2.0, pdf.y, Style(AXIS_LABEL.size, True, WARNING, AXIS_LABEL.leading))
    pdf.place(t("pdf.timeline_outside", lang), x + 4.2, pdf.y, AXIS_LABEL)
    pdf.y += AXIS_LABEL.line_height + 3


def _diamond(pdf: ReportPDF, x: float, y: float, colour: str, size: float = 1.5) -> None:
    pdf.set_fill_color(*hex_to_rgb(colour))
    pdf.polygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], style="F")
