"""The plan as a Gantt-like timeline over 24 months: one bar per measure across its phase."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from assessment.charts.palette import ACCENT_LIGHT, INK, MUTED, PHASE_COLOURS, hex_to_rgb
from assessment.i18n import t
from assessment.report.content import PlanRow
from assessment.report.document import ReportPDF, Style
from assessment.report.layout import fit_line
from assessment.responses import PHASES

MONTHS = 24
LABEL_WIDTH = 64.0
ROW = 5.4
AXIS = 9.0
ROW_LABEL = Style(size=7.8, colour=INK)
AXIS_LABEL = Style(size=7, colour=MUTED, leading=1.2)
PHASE_LABEL = Style(size=7.5, bold=True, colour=INK, leading=1.2)


def _bounds(phase: str) -> tuple[int, int]:
    start, end = phase.split("-")
    return int(start), int(end)


def months_between(start: date, end: date) -> float:
    """Months from `start` to `end` (fractional by day)."""
    return (end.year - start.year) * 12 + end.month - start.month + (end.day - start.day) / 30


def draw_timeline(pdf: ReportPDF, rows: Sequence[PlanRow], start: date, lang: str) -> None:
    """Draw the timeline at the current y; after a page break the axis is drawn again."""
    active = [r for r in rows if r.entry.status != "dropped"]
    if not active:
        return
    x0 = pdf.l_margin + LABEL_WIDTH
    scale = (pdf.content_width - LABEL_WIDTH) / MONTHS
    pdf.ensure(AXIS + ROW * min(len(active), 4) + 8)
    done = 0
    while done < len(active):
        room = int((pdf.bottom - 8 - pdf.y - AXIS) // ROW)
        if room < min(2, len(active) - done):
            pdf.add_page()
            continue
        chunk = active[done : done + room]
        _axis(pdf, x0, scale, len(chunk) * ROW, lang)
        for row in chunk:
            _bar(pdf, row, x0, scale, start)
        done += len(chunk)
        if done < len(active):
            pdf.add_page()
    pdf.y += 2
    _diamond(pdf, pdf.l_margin + 1.5, pdf.y + 2)
    top = pdf.y + 2 - AXIS_LABEL.line_height / 2
    pdf.place(t("pdf.timeline_due", lang), pdf.l_margin + 4.5, top, AXIS_LABEL)
    pdf.y += 6


def _bar(pdf: ReportPDF, row: PlanRow, x0: float, scale: float, start: date) -> None:
    label = fit_line(row.title, LABEL_WIDTH - 3, ROW_LABEL.size)
    pdf.place(label, pdf.l_margin, pdf.y + (ROW - ROW_LABEL.line_height) / 2, ROW_LABEL)
    begin, end = _bounds(row.entry.phase)
    pdf.set_fill_color(*hex_to_rgb(PHASE_COLOURS[row.phase_index % len(PHASE_COLOURS)]))
    opacity = 0.45 if row.entry.status == "done" else 1.0
    with pdf.local_context(fill_opacity=opacity):
        pdf.rect(x0 + begin * scale, pdf.y + 1.1, (end - begin) * scale, ROW - 2.2, style="F")
    if row.entry.due is not None:
        month = months_between(start, row.entry.due)
        if 0 <= month <= MONTHS:
            _diamond(pdf, x0 + month * scale, pdf.y + ROW / 2)
    pdf.y += ROW


def _axis(pdf: ReportPDF, x0: float, scale: float, body: float, lang: str) -> None:
    """Phase bands (shaded down through the rows), their spans and the grid lines."""
    y = pdf.y
    pdf.set_draw_color(*hex_to_rgb("#C5CED6"))
    pdf.set_line_width(0.2)
    for n, phase in enumerate(PHASES):
        begin, end = _bounds(phase)
        if n % 2 == 0:
            pdf.set_fill_color(*hex_to_rgb(ACCENT_LIGHT))
            pdf.rect(x0 + begin * scale, y, (end - begin) * scale, AXIS + body, style="F")
        centre = x0 + (begin + end) / 2 * scale
        pdf.place(f"{begin}–{end}", centre, y + 1.2, PHASE_LABEL, "C")
        pdf.line(x0 + end * scale, y, x0 + end * scale, y + AXIS + body)
    pdf.line(x0, y, x0, y + AXIS + body)
    pdf.line(x0, y + AXIS + body, x0 + MONTHS * scale, y + AXIS + body)
    pdf.place(t("pdf.timeline_months", lang), x0 - 2, y + 1.2, AXIS_LABEL, "R")
    pdf.y = y + AXIS


def _diamond(pdf: ReportPDF, x: float, y: float, size: float = 1.5) -> None:
    pdf.set_fill_color(*hex_to_rgb(INK))
    pdf.polygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], style="F")
