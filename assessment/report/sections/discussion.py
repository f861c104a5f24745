"""A session's discussion points (where the group disagrees) per area, with the group's note."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.charts.palette import ACCENT
from assessment.formatting import fmt_number
from assessment.i18n import t
from assessment.report.content import ReportContent
from assessment.report.document import BODY, H1, H3, SMALL, ReportPDF, Style
from assessment.report.group_content import DiscussionPoint
from assessment.report.layout import wrap

HINT = Style(size=8.5, colour="#3E4C59")
NOTE = Style(size=BODY.size, colour="#1F2933")


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """Per area: the items the group disagreed on (widest spread first) and its note."""
    group, lang = content.group, content.lang
    if group is None:
        return
    pdf.heading(t("pdf.group.discussion_title", lang), H1, before=8, keep=30)
    pdf.paragraph(t("pdf.group.discussion_intro", lang))
    if not group.discussion and not group.notes:
        pdf.paragraph(t("pdf.group.discussion_none", lang))
        return
    levels = {level.value: level.label(lang) for level in content.q.scale}
    for area in content.q.dimensions:
        points = [p for p in group.discussion if p.area == area.id]
        note = group.notes.get(area.id)
        if not points and not note:
            continue
        blocks = [_point_block(point, levels, lang) for point in points]
        if note:
            blocks.append(Block([(t("pdf.group.note", lang, text=note), NOTE, 1.5)], bullet=False))
        # The heading stays with the first block, or with the start of one taller than a page.
        first = blocks[0].height(pdf)
        keep = first if first <= _page_height(pdf) else 4 * NOTE.line_height
        pdf.heading(area.title(lang), H3, before=3, keep=keep)
        for block in blocks:
            block.draw(pdf)


INDENT = 4.5


@dataclass(frozen=True)
class Block:
    """Paragraphs kept on one page: (text, style, space after in mm); a point is bulleted."""

    paragraphs: list[tuple[str, Style, float]]
    bullet: bool = True

    def height(self, pdf: ReportPDF) -> float:
        """The height in mm the block takes."""
        width = pdf.content_width - INDENT
        return sum(
            len(wrap(text, width, style.size, style.bold)) * style.line_height + after
            for text, style, after in self.paragraphs
        )

    def draw(self, pdf: ReportPDF) -> None:
        """Draw the block on one page, unless it is taller than a page (then it flows)."""
        if self.height(pdf) <= _page_height(pdf):
            pdf.ensure(self.height(pdf))
        for number, (text, style, after) in enumerate(self.paragraphs):
            if number == 0 and self.bullet:
                pdf.ensure(2 * style.line_height)
                pdf.place("•", pdf.l_margin, pdf.y, Style(style.size, True, ACCENT))
            pdf.paragraph(text, style, indent=INDENT, after=after)


def _page_height(pdf: ReportPDF) -> float:
    return pdf.bottom - pdf.t_margin


def _point_block(point: DiscussionPoint, levels: dict[int, str], lang: str) -> Block:
    """A discussion point: the statement, the range of answers and what good practice is."""
    line = t(
        "pdf.group.range",
        lang,
        low=f"{point.low} {levels.get(point.low, '')}",
        high=f"{point.high} {levels.get(point.high, '')}",
        mean=fmt_number(point.mean, lang, 1),
        n=point.n,
    )
    return Block(
        [
            (point.statement, BODY, 0.2),
            (line, SMALL, 0.4),
            (t("pdf.good_practice", lang, hint=point.hint), HINT, 1.5),
        ]
    )
