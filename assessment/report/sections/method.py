"""Method page: how scores, stages, targets, priorities and phases are computed."""

from __future__ import annotations

from assessment.report.content import ReportContent
from assessment.report.document import H1, H3, ReportPDF, Style
from assessment.report.strings import counted, fmt_number, tr
from assessment.roadmap import MAX_PER_AREA
from assessment.scoring import MIN_COVERAGE

TEXT = Style(size=9, leading=1.42)


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The method page."""
    lang, q = content.lang, content.q
    scale_max = q.scale_max
    half = fmt_number(scale_max / 2, lang, 0 if scale_max % 2 == 0 else 1)
    strong = fmt_number(scale_max * 0.75, lang, 0 if (scale_max * 3) % 4 == 0 else 2)
    bands = "; ".join(
        tr("m_band", lang, name=s.name(lang), min=f"{s.min:g}", max=f"{s.max:g}") for s in q.stages
    )
    pdf.add_page()
    pdf.heading(tr("method_title", lang), H1, before=0)
    pdf.paragraph(tr("method_intro", lang))
    blocks = [
        (
            "m_basis",
            {
                "title": q.title(lang),
                "id": q.id,
                "version": q.version,
                "items": len(q.items_by_id),
                "people": counted("people", content.respondents, lang),
                "answers": counted("answers", content.answers, lang),
            },
        ),
        (
            "m_scale",
            {"low": q.scale[0].label(lang), "high": q.scale[-1].label(lang), "max": scale_max},
        ),
        ("m_item", {"half": half, "strong": strong}),
        ("m_area", {"max": scale_max}),
        ("m_coverage", {"pct": f"{MIN_COVERAGE * 100:.0f}"}),
        ("m_overall", {}),
        ("m_stages", {"bands": bands}),
        ("m_targets", {}),
        ("m_priority", {"per_area": MAX_PER_AREA}),
        ("m_phases", {}),
    ]
    for key, values in blocks:
        pdf.heading(tr(f"{key}_title", lang), H3, before=2.0, keep=10)
        pdf.paragraph(tr(key, lang, **values), TEXT)
