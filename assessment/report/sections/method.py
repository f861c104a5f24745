"""Method page: how scores, stages, targets, priorities and phases are computed."""

from __future__ import annotations

from assessment.formatting import fmt_number, fmt_percent
from assessment.i18n import counted, t
from assessment.report.content import ReportContent
from assessment.report.document import H1, H3, ReportPDF, Style
from assessment.report.layout import wrap
from assessment.roadmap import MAX_PER_AREA
from assessment.scoring import MIN_COVERAGE

TEXT = Style(size=8.4, leading=1.32)
#: Space between the two columns of the method, in mm.
GUTTER = 6.0


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The method page."""
    lang, q = content.lang, content.q
    scale_max = q.scale_max
    half = fmt_number(scale_max / 2, lang, 0 if scale_max % 2 == 0 else 1)
    strong = fmt_number(scale_max * 0.75, lang, 0 if (scale_max * 3) % 4 == 0 else 2)
    bands = "; ".join(
        t("pdf.m_band", lang, name=s.name(lang), min=f"{s.min:g}", max=f"{s.max:g}")
        for s in q.stages
    )
    # Flows on below the plan when the heading and a good part of the page still fit.
    pdf.heading(t("pdf.method_title", lang), H1, before=8, keep=90)
    pdf.paragraph(t("pdf.method_intro", lang))
    blocks = [
        (
            "pdf.m_basis_title",
            "pdf.m_basis",
            {
                "title": q.title(lang),
                "id": q.id,
                "version": q.version,
                "items": len(q.items_by_id),
                "people": counted("pdf.people", content.respondents, lang),
                "answers": counted("pdf.answers", content.answers, lang),
            },
        ),
        (
            "pdf.m_scale_title",
            "pdf.m_scale",
            {"low": q.scale[0].label(lang), "high": q.scale[-1].label(lang), "max": scale_max},
        ),
        ("pdf.m_item_title", "pdf.m_item", {"half": half, "strong": strong}),
        ("pdf.m_area_title", "pdf.m_area", {"max": scale_max}),
        ("common.coverage", "pdf.m_coverage", {"pct": fmt_percent(MIN_COVERAGE, lang)}),
        ("common.overall_score", "pdf.m_overall", {}),
        ("pdf.m_stages_title", "pdf.m_stages", {"bands": bands}),
        ("pdf.m_targets_title", "pdf.m_targets", {}),
        ("pdf.m_priority_title", "pdf.m_priority", {"per_area": MAX_PER_AREA}),
        ("pdf.m_phases_title", "pdf.m_phases", {}),
    ]
    width = (pdf.content_width - GUTTER) / 2
    sections = [
        (wrap(t(title, lang), width, H3.size, True), wrap(t(key, lang, **values), width, TEXT.size))
        for title, key, values in blocks
    ]
    _two_columns(pdf, sections, width)


def _two_columns(pdf: ReportPDF, sections: list[tuple[list[str], list[str]]], width: float) -> None:
    """Headed paragraphs in two columns, left then right, flowing over pages."""
    column, top = 0, pdf.y
    lowest = top

    def room(height: float) -> None:
        nonlocal column, top, lowest
        if pdf.y + height <= pdf.bottom:
            return
        if column == 0:
            column, pdf.y = 1, top
        else:
            pdf.add_page()
            column, top, lowest = 0, pdf.y, pdf.y

    for title, text in sections:
        room(len(title) * H3.line_height + 2 * TEXT.line_height + 1.2)
        if pdf.y > top:
            pdf.y += 1.2
        for lines, style in ((title, H3), (text, TEXT)):
            for line in lines:
                room(style.line_height)
                pdf.place(line, pdf.l_margin + column * (width + GUTTER), pdf.y, style)
                pdf.y += style.line_height
                lowest = max(lowest, pdf.y)
        pdf.y += 1.0
    pdf.y = lowest
