"""Cover page: organisation, round, dates and questionnaire on an accent band."""

from __future__ import annotations

from assessment.charts.palette import ACCENT, MUTED, hex_to_rgb
from assessment.formatting import fmt_date
from assessment.i18n import t
from assessment.report.content import ReportContent
from assessment.report.document import ReportPDF, Style
from assessment.report.layout import wrap

WHITE = "#FFFFFF"
BAND = 122.0
FIELD_LABEL = Style(size=8, colour=MUTED, leading=1.3)
FIELD_VALUE = Style(size=10.5, leading=1.35)


def _name_lines(name: str, width: float) -> tuple[list[str], Style]:
    for size in (26.0, 21.0, 17.0):
        lines = wrap(name, width, size, bold=True)
        if len(lines) <= 3:
            return lines, Style(size=size, bold=True, colour=WHITE, leading=1.2)
    style = Style(size=17.0, bold=True, colour=WHITE, leading=1.2)
    lines = wrap(name, width, style.size, bold=True)[:4]
    lines[-1] = lines[-1][: max(1, len(lines[-1]) - 1)] + "…"
    return lines, style


def _fields(content: ReportContent) -> list[tuple[str, str]]:
    lang, data, q = content.lang, content.data, content.q
    org = data.organisation
    fields = [
        (t("common.org_kind", lang), org.kind),
        (t("common.org_sector", lang), org.sector),
        (t("common.org_size", lang), org.size),
        (t("common.org_region", lang), org.region),
        (t("pdf.cover_round", lang), data.round.label),
        (t("pdf.cover_round_date", lang), fmt_date(data.round.date, lang)),
        (t("common.respondents", lang), str(content.respondents)),
        (t("pdf.cover_created", lang), fmt_date(content.created.date(), lang)),
    ]
    if content.previous is not None:
        before = content.previous
        fields.append(
            (t("pdf.cover_previous", lang), f"{before.label} ({fmt_date(before.date, lang)})")
        )
    version = t("pdf.cover_version", lang, id=q.id, version=q.version)
    fields.append((t("common.questionnaire", lang), f"{q.title(lang)} ({version})"))
    kinds = {k.id: k.label(lang) for k in q.institution_types}
    if q.institution_type in kinds:
        fields.append((t("common.institution_type", lang), kinds[q.institution_type]))
    return [(label, value) for label, value in fields if value.strip()]


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The cover page (no running header or footer)."""
    lang = content.lang
    pdf.show_frame = False
    pdf.add_page()
    pdf.set_fill_color(*hex_to_rgb(ACCENT))
    pdf.rect(0, 0, pdf.w, BAND, style="F")
    left = pdf.l_margin
    width = pdf.content_width
    pdf.place(t("common.product", lang).upper(), left, 20, Style(size=9, bold=True, colour=WHITE))
    pdf.y = 52.0
    kicker = Style(size=12.5, colour="#CFE3EC", leading=1.3)
    pdf.lines(wrap(t("pdf.kicker", lang), width, kicker.size), kicker)
    pdf.y += 4
    lines, style = _name_lines(content.data.organisation.name, width)
    pdf.lines(lines, style)
    pdf.y += 3
    label_style = Style(size=12.5, colour=WHITE, leading=1.3)
    pdf.lines(wrap(content.data.round.label, width, label_style.size)[:2], label_style)

    pdf.y = BAND + 16
    column = (width - 10) / 2
    fields = _fields(content)
    for row in range(0, len(fields), 2):
        top = pdf.y
        bottom = top
        for n, (label, value) in enumerate(fields[row : row + 2]):
            x = left + n * (column + 10)
            pdf.y = top
            pdf.lines([label], FIELD_LABEL, x, column)
            pdf.lines(wrap(value, column, FIELD_VALUE.size)[:3], FIELD_VALUE, x, column)
            bottom = max(bottom, pdf.y)
        pdf.y = bottom + 4

    note = Style(size=9, colour=MUTED, leading=1.5)
    note_lines = wrap(t("pdf.cover_note", lang), width, note.size)
    pdf.y = max(pdf.y + 6, pdf.h - 30 - len(note_lines) * note.line_height)
    pdf.set_draw_color(*hex_to_rgb(ACCENT))
    pdf.set_line_width(0.6)
    pdf.line(left, pdf.y - 4, left + 24, pdf.y - 4)
    pdf.lines(note_lines, note)
    pdf.show_frame = True
