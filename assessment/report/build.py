"""build_report: a round's response file -> the PDF roadmap as bytes."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from assessment.group_rules import is_group
from assessment.i18n import t
from assessment.questionnaire import Questionnaire
from assessment.report.content import gather
from assessment.report.document import ReportPDF
from assessment.report.group_content import gather_group
from assessment.report.sections import (
    areas,
    cover,
    discussion,
    group,
    method,
    plan,
    results,
    spread,
    summary,
)
from assessment.responses import ResponseFile

SECTIONS = (cover, summary, results, areas, plan, method)
#: A session's report: the group, what it agreed and where it disagreed, before the findings.
SESSION_SECTIONS = (cover, summary, group, discussion, results, spread, areas, plan, method)


def build_report(
    data: ResponseFile,
    q: Questionnaire,
    lang: str = "de",
    previous: ResponseFile | None = None,
    creation_date: datetime | None = None,
    joined: int | None = None,
) -> bytes:
    """The PDF roadmap (A4, German or English); a fixed creation_date gives identical bytes.

    A session's file (`round.mode` "session") gets the group's pages; `joined` is how many
    joined it (default: the answer sets in the file). Below its minimum group size it raises
    `group_rules.TooFewInGroup`: no figure of such a group is printed.
    """
    lang = "en" if lang == "en" else "de"
    created = creation_date or datetime.now().astimezone()
    if created.tzinfo is None:
        created = created.astimezone()  # a naive date is local time
    content = gather(data, q, lang, previous, created)
    sections = SECTIONS
    if is_group(data):
        found = gather_group(data, q, content.scores, lang, joined)
        content = dataclasses.replace(content, group=found)
        sections = SESSION_SECTIONS
    pdf = ReportPDF(
        header_left=data.organisation.name,
        header_right=f"{data.round.label} · {q.title(lang)}",
        footer_left=t("pdf.footer", lang),
    )
    pdf.page_label = t("pdf.page", lang, page="{page}", pages="{pages}")
    pdf.set_creation_date(created)
    pdf.set_title(t("pdf.doc_title", lang, org=data.organisation.name))
    pdf.set_subject(f"{data.round.label} – {q.title(lang)}")
    pdf.set_author(data.organisation.name)
    pdf.set_creator(t("common.product", lang))
    pdf.set_lang(lang)
    for section in sections:
        section.draw(pdf, content)
    return bytes(pdf.output())
