"""A session's discussion points (where the group disagrees) per area, with the group's note."""

from __future__ import annotations

from assessment.formatting import fmt_number
from assessment.i18n import t
from assessment.report.content import ReportContent
from assessment.report.document import BODY, H1, H3, SMALL, ReportPDF, Style
from assessment.report.group_content import DiscussionPoint

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
        pdf.heading(area.title(lang), H3, before=3, keep=14)
        for point in points:
            _point(pdf, point, levels, lang)
        if note:
            pdf.paragraph(t("pdf.group.note", lang, text=note), NOTE, indent=4.5)


def _point(pdf: ReportPDF, point: DiscussionPoint, levels: dict[int, str], lang: str) -> None:
    pdf.bullet(point.statement)
    pdf.y -= 0.6
    line = t(
        "pdf.group.range",
        lang,
        low=f"{point.low} {levels.get(point.low, '')}",
        high=f"{point.high} {levels.get(point.high, '')}",
        mean=fmt_number(point.mean, lang, 1),
        n=point.n,
    )
    pdf.paragraph(line, SMALL, indent=4.5, after=0.4)
    pdf.paragraph(t("pdf.good_practice", lang, hint=point.hint), HINT, indent=4.5)
