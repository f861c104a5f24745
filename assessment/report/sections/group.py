"""A session's group: how many joined and submitted, its rules, and what it agreed per area."""

from __future__ import annotations

from assessment.charts.palette import WARNING
from assessment.formatting import fmt_number
from assessment.i18n import t
from assessment.report.content import ReportContent
from assessment.report.document import BODY, H1, H2, SMALL, ReportPDF, Style
from assessment.report.table import Column, draw_table

FLAG = Style(size=BODY.size, bold=True, colour=WARNING)


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The group page: size (unfinished flagged), rules, mean beside consensus and target."""
    group, lang = content.group, content.lang
    if group is None:
        return
    pdf.add_page()
    pdf.heading(t("pdf.group.title", lang), H1, before=0)
    pdf.paragraph(t("pdf.group.size", lang, joined=group.joined, submitted=group.submitted), BODY)
    if group.unfinished:
        flagged = t("pdf.group.unfinished", lang, n=group.unfinished, joined=group.joined)
        pdf.paragraph(flagged, FLAG)
    rule = "pdf.group.rule_anonymous" if group.anonymous else "pdf.group.rule_named"
    pdf.paragraph(t(rule, lang, min=group.min_group), SMALL)
    if group.withheld_items:
        pdf.paragraph(
            t("pdf.group.withheld", lang, n=len(group.withheld_items), min=group.min_group), SMALL
        )
    pdf.heading(t("pdf.group.agreed_title", lang), H2)
    pdf.paragraph(t("pdf.group.agreed_intro", lang))
    targets = {a.id: a.target for a in content.areas}
    columns = [
        Column(t("common.area", lang), 4),
        Column(t("pdf.group.mean", lang), 1.2, "R"),
        Column(t("pdf.group.consensus", lang), 1.2, "R"),
        Column(t("common.target", lang), 1.2, "R"),
    ]
    rows = [
        [
            d.title(lang),
            fmt_number(group.mean_scores.get(d.id), lang),
            fmt_number(group.consensus.get(d.id), lang) if d.id in group.consensus else "–",
            fmt_number(targets.get(d.id), lang),
        ]
        for d in content.q.dimensions
    ]
    draw_table(pdf, columns, rows)
    pdf.paragraph(t("pdf.group.consensus_note", lang), SMALL)
