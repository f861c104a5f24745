"""Findings per area: the three weakest statements with a hint, the rest in a compact table."""

from __future__ import annotations

from assessment.charts.palette import ACCENT, MUTED, WARNING, hex_to_rgb
from assessment.formatting import fmt_number, fmt_table
from assessment.i18n import t
from assessment.report.content import AreaResult, Comment, ItemResult, ReportContent
from assessment.report.document import H1, H2, H3, SMALL, ReportPDF, Style
from assessment.report.layout import first_sentence, fit_words, wrap
from assessment.report.table import Cell, Column, draw_table

#: How many of an area's weakest statements are shown with a hint.
WEAKEST = 3
STATEMENT = Style(size=9)
HINT = Style(size=8.3, colour="#3E4C59")
QUOTE = Style(size=9, colour="#26323D")
META = Style(size=8, colour=ACCENT)
FLAG = Style(size=8.5, colour=WARNING)
COMPACT = Style(size=7.5, leading=1.25)
COMPACT_MUTED = Style(size=7.5, colour=MUTED, leading=1.25)
COMPACT_FLAG = Style(size=7.5, colour=WARNING, leading=1.25)
INDENT = 4.5


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The findings, one block per area, flowing over as many pages as needed."""
    lang = content.lang
    pdf.heading(t("pdf.findings_title", lang), H1, before=8, keep=40)
    weak = _scale_text(content.q.scale_max / 2, lang)
    pdf.paragraph(t("pdf.findings_intro", lang, weak=weak, count=WEAKEST))
    for area in content.areas:
        _area(pdf, area, content)


def _scale_text(value: float, lang: str) -> str:
    return fmt_number(value, lang, 0 if float(value).is_integer() else 1)


def weakest(items: list[ItemResult], scale_max: int) -> list[ItemResult]:
    """Up to WEAKEST rated statements at or below half the scale, lowest mean first."""
    weak = [i for i in items if i.mean is not None and i.mean <= scale_max / 2]
    return sorted(weak, key=lambda i: i.mean)[:WEAKEST]  # type: ignore[arg-type, return-value]


def _area(pdf: ReportPDF, area: AreaResult, content: ReportContent) -> None:
    lang = content.lang
    pdf.heading(area.title, H2, before=5, keep=24)
    if area.score is None:
        pdf.paragraph(t("pdf.area_no_score", lang), SMALL)
    else:
        summary = t(
            "pdf.area_summary",
            lang,
            score=fmt_table(area.score, lang),
            stage=area.stage.name(lang) if area.stage else "–",
            target=fmt_table(area.target, lang),
        )
        pdf.paragraph(summary, Style(size=9, bold=True, colour=ACCENT), after=0.5)
        if area.incomplete:
            pdf.paragraph(t("pdf.incomplete_note", lang), FLAG)
    items = content.items.get(area.id, [])
    scale_max = content.q.scale_max
    low = weakest(items, scale_max)
    if low:
        title = t("pdf.weakest_one", lang) if len(low) == 1 else t("pdf.weakest", lang, n=len(low))
        pdf.heading(title, H3, before=2, keep=14)
        for item in low:
            _weak(pdf, item, scale_max, lang)
    rest = [i for i in items if i not in low]
    if rest and any(i.mean is not None for i in items):
        pdf.heading(t("pdf.other_statements", lang), H3, before=1.5, keep=12)
        _compact_table(pdf, rest, scale_max, lang)
    comments = content.comments.get(area.id, [])
    if comments:
        first = min(_comment_height(pdf, comments[0], lang), 12 * QUOTE.line_height) + 1.0
        pdf.heading(t("pdf.comments", lang), H3, before=1.5, keep=first)  # not left alone
        for comment in comments:
            _comment(pdf, comment, lang)


def _mean(item: ItemResult, scale_max: int, lang: str) -> str:
    return t("pdf.mean", lang, mean=fmt_table(item.mean, lang), max=scale_max)


def _range(item: ItemResult, lang: str) -> str:
    low, high = fmt_number(item.min, lang), fmt_number(item.max, lang)
    return t("pdf.disputed_line", lang, min=low, max=high, n=item.n)


def _weak(pdf: ReportPDF, item: ItemResult, scale_max: int, lang: str) -> None:
    """A statement with its mean and a one-line hint, kept on one page."""
    width = pdf.content_width - INDENT
    facts = _mean(item, scale_max, lang)
    if item.disputed:
        facts += " · " + _range(item, lang)
    lines = wrap(f"{item.statement} ({facts})", width, STATEMENT.size)
    hint = fit_words(t("pdf.good_practice", lang, hint=first_sentence(item.hint)), width, HINT.size)
    pdf.ensure(len(lines) * STATEMENT.line_height + HINT.line_height + 1)
    pdf.place("•", pdf.l_margin, pdf.y, Style(STATEMENT.size, True, ACCENT))
    pdf.lines(lines, STATEMENT, pdf.l_margin + INDENT, width)
    pdf.place(hint, pdf.l_margin + INDENT, pdf.y, HINT)
    pdf.y += HINT.line_height + 1.2


def _judgement(item: ItemResult, scale_max: int, lang: str) -> Cell:
    if item.mean is None:
        return Cell(t("pdf.judge_unrated", lang), COMPACT_MUTED)
    if item.mean >= scale_max * 0.75:
        text = t("pdf.judge_strong", lang)
    elif item.mean <= scale_max / 2:
        text = t("pdf.judge_weak", lang)
    else:
        text = t("pdf.judge_partly", lang)
    if item.disputed:
        return Cell(f"{text} · {t('pdf.judge_disputed', lang)}", COMPACT_FLAG)
    return Cell(text, COMPACT)


def _compact_table(pdf: ReportPDF, items: list[ItemResult], scale_max: int, lang: str) -> None:
    columns = [
        Column(t("pdf.col_statement", lang), 70),
        Column(t("pdf.col_mean", lang, max=scale_max), 9, "R"),
        Column(t("pdf.col_judgement", lang), 19),
    ]
    rows = [
        [
            Cell(item.statement, COMPACT),
            Cell(fmt_table(item.mean, lang), COMPACT),
            _judgement(item, scale_max, lang),
        ]
        for item in items
    ]
    draw_table(pdf, columns, rows, style=COMPACT)


def _comment(pdf: ReportPDF, comment: Comment, lang: str) -> None:
    """A quoted comment with its author; kept on one page unless it is longer than a page."""
    meta, text, width = _comment_lines(pdf, comment, lang)
    height = len(meta) * META.line_height + len(text) * QUOTE.line_height
    if height <= pdf.bottom - pdf.t_margin:
        pdf.ensure(height)
    else:
        pdf.ensure(len(meta) * META.line_height + 2 * QUOTE.line_height)
    top = pdf.y
    pdf.lines(meta, META, pdf.l_margin + INDENT, width)
    for line in text:
        if pdf.y + QUOTE.line_height > pdf.bottom:
            _bar(pdf, top, pdf.y)
            pdf.add_page()
            top = pdf.y
        pdf.place(line, pdf.l_margin + INDENT, pdf.y, QUOTE)
        pdf.y += QUOTE.line_height
    _bar(pdf, top, pdf.y)
    pdf.y += 1.8


def _comment_lines(
    pdf: ReportPDF, comment: Comment, lang: str
) -> tuple[list[str], list[str], float]:
    """The author line(s), the quoted text and the column width of a comment."""
    width = pdf.content_width - INDENT
    by = t("pdf.comment_by", lang, author=comment.author, statement=comment.statement)
    quote = t("pdf.quote", lang, text=comment.text)
    return wrap(by, width, META.size), wrap(quote, width, QUOTE.size), width


def _comment_height(pdf: ReportPDF, comment: Comment, lang: str) -> float:
    """The height of a comment drawn whole."""
    meta, text, _ = _comment_lines(pdf, comment, lang)
    return len(meta) * META.line_height + len(text) * QUOTE.line_height


def _bar(pdf: ReportPDF, top: float, bottom: float) -> None:
    """The accent bar left of a quoted comment (one per page the comment covers)."""
    pdf.set_draw_color(*hex_to_rgb(ACCENT))
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin + 1, top + 0.5, pdf.l_margin + 1, bottom - 0.5)
