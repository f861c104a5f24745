"""Findings per area: what is in place, weak items with hints, disagreement, comments."""

from __future__ import annotations

from assessment.charts.palette import ACCENT, WARNING, hex_to_rgb
from assessment.findings import Finding
from assessment.formatting import fmt_number
from assessment.i18n import t
from assessment.report.content import AreaResult, Comment, ReportContent
from assessment.report.document import H1, H2, H3, SMALL, ReportPDF, Style
from assessment.report.layout import wrap

HINT = Style(size=8.5, colour="#3E4C59")
QUOTE = Style(size=9.5, colour="#26323D")
META = Style(size=8, colour=ACCENT)
FLAG = Style(size=8.5, colour=WARNING)


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The findings, one block per area, flowing over as many pages as needed."""
    pdf.add_page()
    lang, scale_max = content.lang, content.q.scale_max
    pdf.heading(t("pdf.findings_title", lang), H1, before=0)
    strong = fmt_number(scale_max * 0.75, lang, 0 if scale_max * 3 % 4 == 0 else 2)
    weak = fmt_number(scale_max / 2, lang, 0 if scale_max % 2 == 0 else 1)
    pdf.paragraph(t("pdf.findings_intro", lang, strong=strong, weak=weak))
    for area in content.areas:
        _area(pdf, area, content)


def _area(pdf: ReportPDF, area: AreaResult, content: ReportContent) -> None:
    lang = content.lang
    pdf.heading(area.title, H2, before=5, keep=24)
    if area.score is None:
        pdf.paragraph(t("pdf.area_no_score", lang), SMALL)
    else:
        stage = area.stage.name(lang) if area.stage else "–"
        summary = t(
            "pdf.area_summary",
            lang,
            score=fmt_number(area.score, lang),
            stage=stage,
            target=fmt_number(area.target, lang),
        )
        pdf.paragraph(summary, Style(size=9, bold=True, colour=ACCENT), after=0.5)
        if area.incomplete:
            pdf.paragraph(t("pdf.incomplete_note", lang), FLAG)
    found = content.findings.get(area.id)
    scale_max = content.q.scale_max
    if found is not None and found.strong:
        pdf.heading(t("pdf.in_place", lang), H3, before=2, keep=8)
        for finding in found.strong:
            pdf.bullet(f"{finding.statement} ({_mean(finding, scale_max, lang)})")
    if found is not None and found.weak:
        pdf.heading(t("pdf.weak", lang), H3, before=2, keep=14)
        for finding in found.weak:
            _weak(pdf, finding, scale_max, lang)
    if found is not None and found.disputed:
        pdf.heading(t("pdf.disputed", lang), H3, before=2, keep=14)
        for finding in found.disputed:
            line = t(
                "pdf.disputed_line",
                lang,
                min=fmt_number(finding.min, lang),
                max=fmt_number(finding.max, lang),
                n=finding.n,
            )
            pdf.bullet(f"{finding.statement} – {line}")
    comments = content.comments.get(area.id, [])
    if comments:
        pdf.heading(t("pdf.comments", lang), H3, before=2, keep=12)
        for comment in comments:
            _comment(pdf, comment, lang)


def _mean(finding: Finding, scale_max: int, lang: str) -> str:
    return t("pdf.mean", lang, mean=fmt_number(finding.mean, lang, 1), max=scale_max)


def _weak(pdf: ReportPDF, finding: Finding, scale_max: int, lang: str) -> None:
    pdf.bullet(f"{finding.statement} ({_mean(finding, scale_max, lang)})")
    hint = t("pdf.good_practice", lang, hint=finding.hint)
    pdf.y -= 0.6
    pdf.lines(
        wrap(hint, pdf.content_width - 4.5, HINT.size),
        HINT,
        pdf.l_margin + 4.5,
        pdf.content_width - 4.5,
    )
    pdf.y += 1.4


def _comment(pdf: ReportPDF, comment: Comment, lang: str) -> None:
    indent = 4.5
    width = pdf.content_width - indent
    by = t("pdf.comment_by", lang, author=comment.author, statement=comment.statement)
    meta = wrap(by, width, META.size)
    text = wrap(t("pdf.quote", lang, text=comment.text), width, QUOTE.size)
    pdf.ensure(len(meta) * META.line_height + min(len(text), 2) * QUOTE.line_height)
    top = pdf.y
    pdf.lines(meta, META, pdf.l_margin + indent, width)
    for line in text:
        if pdf.y + QUOTE.line_height > pdf.bottom:
            _bar(pdf, top, pdf.y)
            pdf.add_page()
            top = pdf.y
        pdf.place(line, pdf.l_margin + indent, pdf.y, QUOTE)
        pdf.y += QUOTE.line_height
    _bar(pdf, top, pdf.y)
    pdf.y += 2.0


def _bar(pdf: ReportPDF, top: float, bottom: float) -> None:
    """The accent bar left of a quoted comment (one per page the comment covers)."""
    pdf.set_draw_color(*hex_to_rgb(ACCENT))
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin + 1, top + 0.5, pdf.l_margin + 1, bottom - 0.5)
