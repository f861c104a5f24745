"""A session's spread, compact: per area and item how many chose each level (and "?")."""

from __future__ import annotations

from assessment.charts.palette import ACCENT, WARNING, hex_to_rgb
from assessment.group_rules import NA_LEVEL
from assessment.i18n import t
from assessment.report.content import ReportContent
from assessment.report.document import H1, H3, SMALL, ReportPDF, Style
from assessment.report.group_content import GroupContent
from assessment.report.layout import wrap

TEXT = Style(size=7.5, leading=1.3)
HEAD = Style(size=7.5, bold=True, colour=ACCENT, leading=1.3)
COUNT = Style(size=7.5, bold=True, leading=1.3)
COUNT_ON_DARK = Style(size=7.5, bold=True, colour="#FFFFFF", leading=1.3)
CELL_W = 10.0  # mm per level column
PAD = 1.0
MARK_W = 1.2  # the disagreement bar left of a row


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """One small table per area; a cell's shade grows with its count, disagreement is marked."""
    group, lang = content.group, content.lang
    if group is None:
        return
    q = content.q
    levels = [str(level.value) for level in q.scale] + [NA_LEVEL]
    pdf.add_page()
    pdf.heading(t("pdf.group.spread_title", lang), H1, before=0)
    legend = [f"{level.value} = {level.label(lang)}" for level in q.scale]
    pdf.paragraph(t("pdf.group.spread_intro", lang, n=group.submitted))
    pdf.paragraph(" · ".join([*legend, f"? = {t('pdf.group.na', lang)}"]), SMALL)
    counts = group.spread.set_index(["item", "level"])["count"].to_dict()
    for area in q.dimensions:
        pdf.heading(area.title(lang), H3, before=2.5, keep=16)
        _head(pdf, levels)
        for item in area.items:
            _row(pdf, group, item.id, item.statement(lang), levels, counts, lang)
        pdf.y += 1.5
    pdf.paragraph(t("pdf.group.spread_mark", lang), SMALL)


def _statement_width(pdf: ReportPDF, levels: list[str]) -> float:
    return pdf.content_width - CELL_W * len(levels) - MARK_W - 2 * PAD


def _head(pdf: ReportPDF, levels: list[str]) -> None:
    x = pdf.l_margin + MARK_W + _statement_width(pdf, levels) + 2 * PAD
    for level in levels:
        label = "?" if level == NA_LEVEL else level
        pdf.place(label, x + CELL_W / 2, pdf.y, HEAD, align="C")
        x += CELL_W
    pdf.y += HEAD.line_height + 0.3


def _row(pdf, group: GroupContent, item, statement, levels, counts, lang) -> None:
    width = _statement_width(pdf, levels)
    lines = wrap(statement, width, TEXT.size)
    withheld = item in group.withheld_items
    if withheld:
        lines = wrap(f"{statement} ({t('pdf.group.too_few', lang)})", width, TEXT.size)
    height = len(lines) * TEXT.line_height + 2 * PAD
    if pdf.y + height > pdf.bottom:
        pdf.add_page()
        _head(pdf, levels)
    top = pdf.y
    if item in group.disputed_items:
        pdf.set_fill_color(*hex_to_rgb(WARNING))
        pdf.rect(pdf.l_margin, top, MARK_W, height, style="F")
    style = Style(TEXT.size, False, "#8A96A3" if withheld else TEXT.colour, TEXT.leading)
    pdf.lines(lines, style, pdf.l_margin + MARK_W + PAD, width)
    x = pdf.l_margin + MARK_W + width + 2 * PAD
    for level in levels:
        count = int(counts.get((item, level), 0))
        if count and not withheld:
            share = count / max(group.submitted, 1)
            pdf.set_fill_color(*_shade(share))
            pdf.rect(x + 0.4, top + 0.4, CELL_W - 0.8, height - 0.8, style="F")
            text = COUNT_ON_DARK if share > 0.5 else COUNT
            pdf.place(str(count), x + CELL_W / 2, top + (height - TEXT.line_height) / 2, text, "C")
        x += CELL_W
    pdf.y = top + height
    pdf.set_draw_color(*hex_to_rgb("#D5DCE2"))
    pdf.set_line_width(0.15)
    pdf.line(pdf.l_margin, pdf.y, pdf.l_margin + pdf.content_width, pdf.y)


def _shade(share: float) -> tuple[int, int, int]:
    """From a pale tint (few chose it) to the accent colour (everyone chose it)."""
    light, dark = (228, 238, 243), hex_to_rgb(ACCENT)
    strength = 0.2 + 0.8 * min(max(share, 0.0), 1.0)
    return tuple(round(lo + (hi - lo) * strength) for lo, hi in zip(light, dark, strict=True))  # type: ignore[return-value]
