"""The phased plan: a timeline with owner, due date and status per measure, then the first steps.

The timeline lists every measure by phase (area, owner, due date and status under its title),
so the plan needs no second table with the same rows.
"""

from __future__ import annotations

from datetime import date

from assessment.charts.palette import ACCENT, MUTED, WARNING, hex_to_rgb
from assessment.formatting import fmt_date, fmt_table
from assessment.i18n import t
from assessment.report.content import PlanRow, ReportContent
from assessment.report.document import H1, H2, SMALL, ReportPDF, Style
from assessment.report.layout import first_sentence, wrap
from assessment.report.text import printable
from assessment.report.timeline import draw_timeline, due_outside_phase
from assessment.responses import PHASES

TITLE = Style(size=9.2, bold=True)
DETAIL = Style(size=8.6, colour="#26323D", leading=1.38)
FACTS = Style(size=8, colour=MUTED)
ROW = Style(size=8, leading=1.3)
MUTED_ROW = Style(size=ROW.size, colour=MUTED, leading=ROW.leading)
FLAG_ROW = Style(size=ROW.size, colour=WARNING, leading=ROW.leading)


#: A first step's description longer than this many lines is shortened to its first sentence.
DETAIL_LINES = 3
#: Room under the timeline heading: the axis, four rows and the month ticks (see timeline.py).
TIMELINE_START = 60.0


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The roadmap pages."""
    lang = content.lang
    # Flows on below the findings when the heading and the introduction still fit; the
    # timeline heading then moves on with the timeline if need be.
    pdf.heading(t("pdf.plan_title", lang), H1, before=8, keep=50)
    if not content.plan:
        pdf.paragraph(t("pdf.no_plan", lang))
        return
    pdf.paragraph(t("pdf.plan_intro", lang))
    pdf.paragraph(
        t("pdf.plan_edited" if content.plan_edited else "pdf.plan_suggested", lang), SMALL
    )
    pdf.heading(t("pdf.timeline_title", lang), H2, keep=TIMELINE_START)
    axis = list(dict.fromkeys([*PHASES, *content.phases]))  # every phase, used or not
    start = content.data.round.date
    draw_timeline(pdf, content.plan, start, axis, lang, lambda row: _meta(row, start, lang))
    dropped = [r.title for r in content.plan if r.entry.status == "dropped"]
    if dropped:
        pdf.paragraph(t("pdf.plan_dropped", lang, titles="; ".join(dropped)), SMALL)
    if content.first_steps:
        pdf.heading(t("pdf.details_title", lang, n=len(content.first_steps)), H2, before=4, keep=24)
        for row in content.first_steps:
            _detail(pdf, row, lang)


def _meta(row: PlanRow, start: date, lang: str) -> str:
    """Area, owner ("offen" if none), due date (flagged outside its phase) and status."""
    owner = row.entry.owner or t("pdf.owner_open", lang)
    parts = [row.area_title, f"{t('common.owner', lang)}: {owner}"]
    if row.entry.due is not None:
        due = f"{t('common.due', lang)} {fmt_date(row.entry.due, lang)}"
        if due_outside_phase(row, start):
            due += f" ({t('pdf.due_outside', lang)})"
        parts.append(due)
    parts.append(t(f"common.status_{row.entry.status}", lang))
    return " · ".join(parts)


def _detail(pdf: ReportPDF, row: PlanRow, lang: str) -> None:
    """Title, description, effort/impact/priority, training topics and the note, on one page."""
    indent = 4.5
    x, width = pdf.l_margin + indent, pdf.content_width - indent
    blocks: list[tuple[list[str], Style]] = [(wrap(row.title, width, TITLE.size, True), TITLE)]
    measure = row.measure
    if measure is None:
        blocks.append((wrap(t("pdf.own_measure", lang), width, SMALL.size), SMALL))
    else:
        description = wrap(measure.description(lang), width, DETAIL.size)
        if len(description) > DETAIL_LINES:  # the full text is in the app's roadmap
            description = wrap(first_sentence(measure.description(lang)), width, DETAIL.size)
        blocks.append((description, DETAIL))
        facts = [
            f"{t('common.effort', lang)}: {t(f'common.level_{measure.effort}', lang)}",
            f"{t('common.impact', lang)}: {t(f'common.level_{measure.impact}', lang)}",
        ]
        if row.entry.priority is not None:
            facts.append(t("pdf.priority", lang, value=fmt_table(row.entry.priority, lang)))
        if measure.topics:
            topics = ", ".join(t(f"topic.{topic}", lang) for topic in measure.topics)
            facts.append(f"{t('common.topics', lang)}: {topics}")
        blocks.append((wrap(" · ".join(facts), width, FACTS.size), FACTS))
    if row.entry.note:
        note = f"{t('common.note', lang)}: {printable(row.entry.note)}"
        blocks.append((wrap(note, width, DETAIL.size), DETAIL))
    height = sum(len(lines) * style.line_height for lines, style in blocks)
    if height <= pdf.bottom - pdf.t_margin:
        pdf.ensure(height)
    pdf.set_fill_color(*hex_to_rgb(ACCENT))
    pdf.rect(pdf.l_margin, pdf.y + 1.2, 1.6, 1.6, style="F")
    for lines, style in blocks:
        pdf.lines(lines, style, x, width)
    pdf.y += 2.2
