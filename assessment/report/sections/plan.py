"""The phased plan: timeline, one table per phase and what each measure involves."""

from __future__ import annotations

from assessment.charts.palette import ACCENT, MUTED, PHASE_COLOURS, hex_to_rgb
from assessment.formatting import fmt_date, fmt_number
from assessment.i18n import phase_label, t
from assessment.report.content import PlanRow, ReportContent
from assessment.report.document import H1, H2, H3, SMALL, ReportPDF, Style
from assessment.report.layout import wrap
from assessment.report.table import ROW_STYLE, Cell, Column, draw_table
from assessment.report.text import printable
from assessment.report.timeline import draw_timeline
from assessment.responses import PHASES

TITLE = Style(size=9.5, bold=True)
DETAIL = Style(size=9, colour="#26323D")
TOPICS = Style(size=SMALL.size, colour=ACCENT)
MUTED_ROW = Style(size=ROW_STYLE.size, colour=MUTED, leading=ROW_STYLE.leading)


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The roadmap pages."""
    lang = content.lang
    pdf.add_page()
    pdf.heading(t("pdf.plan_title", lang), H1, before=0)
    if not content.plan:
        pdf.paragraph(t("pdf.no_plan", lang))
        return
    pdf.paragraph(t("pdf.plan_intro", lang))
    pdf.paragraph(
        t("pdf.plan_edited" if content.plan_edited else "pdf.plan_suggested", lang), SMALL
    )
    pdf.heading(t("pdf.timeline_title", lang), H2, keep=30)
    draw_timeline(pdf, content.plan, content.data.round.date, lang)
    for index, phase in enumerate(PHASES):
        rows = [r for r in content.plan if r.phase_index == index]
        if rows:
            _phase(pdf, index, phase, rows, content)


def _phase(
    pdf: ReportPDF, index: int, phase: str, rows: list[PlanRow], content: ReportContent
) -> None:
    lang = content.lang
    title = t("pdf.phase_title", lang, n=index + 1, span=phase_label(phase, lang))
    pdf.heading(title, H2, before=6, keep=26)
    colour = PHASE_COLOURS[index % len(PHASE_COLOURS)]
    pdf.set_fill_color(*hex_to_rgb(colour))
    pdf.rect(pdf.l_margin, pdf.y - 1.2, 18, 0.9, style="F")
    pdf.y += 1
    columns = [
        Column(t("common.measure", lang), 38),
        Column(t("common.area", lang), 22),
        Column(t("common.owner", lang), 24),
        Column(t("common.due", lang), 16),
        Column(t("common.status", lang), 16),
    ]
    table = []
    for row in rows:
        style = MUTED_ROW if row.entry.status == "dropped" else ROW_STYLE
        table.append(
            [
                Cell(row.title, Style(size=ROW_STYLE.size, bold=True, colour=style.colour)),
                Cell(row.area_title, style),
                Cell(row.entry.owner or "–", style),
                Cell(fmt_date(row.entry.due, lang), style),
                Cell(t(f"common.status_{row.entry.status}", lang), style),
            ]
        )
    draw_table(pdf, columns, table)
    details = [r for r in rows if r.measure is not None or r.entry.note]
    if details:
        pdf.heading(t("common.measure_details", lang), H3, before=2, keep=14)
        for row in details:
            _detail(pdf, row, lang)


def _detail(pdf: ReportPDF, row: PlanRow, lang: str) -> None:
    """Title, description, effort/impact/priority, training topics and the user's note."""
    indent = 4.5
    x, width = pdf.l_margin + indent, pdf.content_width - indent

    def block(text: str, style: Style) -> None:
        pdf.lines(wrap(text, width, style.size, style.bold), style, x, width)

    title = wrap(row.title, width, TITLE.size, bold=True)
    pdf.ensure(len(title) * TITLE.line_height + 2 * DETAIL.line_height)
    pdf.set_fill_color(*hex_to_rgb(ACCENT))
    pdf.rect(pdf.l_margin, pdf.y + 1.2, 1.6, 1.6, style="F")
    pdf.lines(title, TITLE, x, width)
    measure = row.measure
    if measure is None:
        block(t("pdf.own_measure", lang), SMALL)
    else:
        block(measure.description(lang), DETAIL)
        facts = [
            f"{t('common.effort', lang)}: {t(f'common.level_{measure.effort}', lang)}",
            f"{t('common.impact', lang)}: {t(f'common.level_{measure.impact}', lang)}",
        ]
        if row.entry.priority is not None:
            facts.append(t("pdf.priority", lang, value=fmt_number(row.entry.priority, lang, 1)))
        block(" · ".join(facts), SMALL)
        if measure.topics:
            topics = ", ".join(t(f"topic.{topic}", lang) for topic in measure.topics)
            block(f"{t('common.topics', lang)}: {topics}", TOPICS)
    if row.entry.note:
        block(f"{t('common.note', lang)}: {printable(row.entry.note)}", DETAIL)
    pdf.y += 2.5
