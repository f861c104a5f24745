"""Summary: overall score and stage, strongest and weakest areas, the first three steps."""

from __future__ import annotations

from assessment.charts.palette import ACCENT, ACCENT_LIGHT, hex_to_rgb
from assessment.formatting import fmt_date, fmt_table, fmt_whole
from assessment.i18n import t
from assessment.report.content import PlanRow, ReportContent, phase_name
from assessment.report.document import BODY, H1, H2, H3, SMALL, ReportPDF, Style
from assessment.report.layout import wrap

SCORE = Style(size=34, bold=True, colour=ACCENT, leading=1.1)
STAGE = Style(size=15, bold=True, colour=ACCENT, leading=1.3)


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The summary page."""
    lang = content.lang
    pdf.add_page()
    pdf.heading(t("pdf.summary_title", lang), H1, before=0)
    if content.overall is None or content.overall_stage is None:
        pdf.paragraph(t("pdf.no_rated" if content.given else "pdf.no_answers", lang))
    else:
        _score_box(pdf, content)
        _area_columns(pdf, content)
    pdf.heading(
        t("pdf.first_steps" if len(content.first_steps) == 3 else "pdf.next_steps", lang), H2
    )
    if not content.first_steps:
        pdf.paragraph(t("pdf.no_steps", lang))
    for number, row in enumerate(content.first_steps, start=1):
        _step(pdf, number, row, lang)


def _score_box(pdf: ReportPDF, content: ReportContent) -> None:
    lang = content.lang
    stage = content.overall_stage
    assert stage is not None
    left_width = 46.0
    text_x = pdf.l_margin + left_width + 6
    text_width = pdf.content_width - left_width - 12
    description = wrap(content.overall_note, text_width, BODY.size)
    height = max(34.0, 12 + STAGE.line_height + len(description) * BODY.line_height)
    pdf.ensure(height + 6)
    top = pdf.y + 2
    pdf.set_fill_color(*hex_to_rgb(ACCENT_LIGHT))
    pdf.rect(pdf.l_margin, top, pdf.content_width, height, style="F")
    pdf.set_fill_color(*hex_to_rgb(ACCENT))
    pdf.rect(pdf.l_margin, top, 1.6, height, style="F")
    centre = pdf.l_margin + left_width / 2 + 1
    pdf.place(t("common.overall_score", lang), centre, top + 5, SMALL, "C")
    pdf.place(fmt_whole(content.overall, lang), centre, top + 10, SCORE, "C")
    pdf.place(t("pdf.of_100", lang), centre, top + 10 + SCORE.line_height, SMALL, "C")
    pdf.y = top + 5
    pdf.lines([t("common.stage", lang)], SMALL, text_x, text_width)
    pdf.lines([stage.name(lang)], STAGE, text_x, text_width)
    pdf.lines(description, BODY, text_x, text_width)
    pdf.y = top + height + 4


def _area_columns(pdf: ReportPDF, content: ReportContent) -> None:
    """Strongest areas on the left, those needing most action on the right."""
    lang = content.lang
    strongest, weakest = content.strongest_and_weakest()
    gap = 8.0
    width = (pdf.content_width - gap) / 2
    hang = 4.5
    blocks = []
    for title, areas in ((t("pdf.strengths", lang), strongest), (t("pdf.needs", lang), weakest)):
        items = [
            wrap(
                t(
                    "pdf.area_result",
                    lang,
                    area=area.title,
                    score=fmt_table(area.score, lang),
                    stage=area.stage.name(lang) if area.stage else "–",
                ),
                width - hang,
                BODY.size,
            )
            for area in areas
        ]
        blocks.append((title, items))
    height = (
        H3.line_height
        + 1
        + max(sum(len(lines) * BODY.line_height + 0.8 for lines in items) for _, items in blocks)
    )
    pdf.ensure(height + 4)
    top = pdf.y + 3
    for n, (title, items) in enumerate(blocks):
        if not items:
            continue
        x = pdf.l_margin + n * (width + gap)
        pdf.y = top
        pdf.lines([title], H3, x, width)
        pdf.y += 1
        for lines in items:
            pdf.place("•", x, pdf.y, Style(BODY.size, True, ACCENT))
            pdf.lines(lines, BODY, x + hang, width - hang)
            pdf.y += 0.8
    pdf.y = top + height + 1


def _step(pdf: ReportPDF, number: int, row: PlanRow, lang: str) -> None:
    indent = 9.0
    width = pdf.content_width - indent
    title = wrap(row.title, width, BODY.size, bold=True)
    parts = [row.area_title, phase_name(row.entry.phase, lang)]
    parts.append(f"{t('common.owner', lang)}: {row.entry.owner or t('pdf.owner_open', lang)}")
    if row.entry.due:
        parts.append(f"{t('common.due', lang)} {fmt_date(row.entry.due, lang)}")
    meta = wrap(" · ".join(parts), width, SMALL.size)
    pdf.ensure(len(title) * BODY.line_height + SMALL.line_height + 3)
    centre = pdf.y + BODY.line_height / 2
    digit = Style(size=8, bold=True, colour="#FFFFFF", leading=1.2)
    pdf.set_fill_color(*hex_to_rgb(ACCENT))
    pdf.circle(pdf.l_margin + 3, centre, 2.9, style="F")
    pdf.place(str(number), pdf.l_margin + 3, centre - digit.line_height / 2, digit, "C")
    pdf.lines(title, Style(bold=True), pdf.l_margin + indent, width)
    pdf.lines(meta, SMALL, pdf.l_margin + indent, width)
    pdf.y += 2.5
