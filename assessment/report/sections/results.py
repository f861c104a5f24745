"""Results by area: the radar (actual, target, previous round) and the area table."""

from __future__ import annotations

from assessment.charts.palette import WARNING
from assessment.formatting import fmt_date, fmt_percent, fmt_table, round_half_up
from assessment.i18n import t
from assessment.report.content import AreaResult, ReportContent
from assessment.report.document import H1, SMALL, ReportPDF, Style
from assessment.report.radar import draw_radar
from assessment.report.table import ROW_STYLE, Cell, Column, draw_table

#: Height the radar with its labels and legend needs (mm), kept with the section heading.
RADAR_HEIGHT = 100.0
RADAR_RADIUS = 31.0
FLAG = Style(size=ROW_STYLE.size, colour=WARNING, leading=ROW_STYLE.leading)
ROW_BOLD = Style(size=ROW_STYLE.size, bold=True, leading=ROW_STYLE.leading)


def draw(pdf: ReportPDF, content: ReportContent) -> None:
    """The results page."""
    lang = content.lang
    # Flows on below the summary when the heading, intro and radar still fit.
    pdf.heading(t("pdf.profile_title", lang), H1, before=8, keep=RADAR_HEIGHT)
    pdf.paragraph(t("pdf.profile_intro", lang))
    if content.previous is not None:
        before = content.previous
        pdf.paragraph(
            t("pdf.profile_previous", lang, label=before.label, date=fmt_date(before.date, lang))
        )
    _radar(pdf, content)
    pdf.y += 2
    _table(pdf, content)
    if any(a.incomplete for a in content.areas):
        pdf.paragraph("* " + t("pdf.incomplete_note", lang), SMALL)


def _radar(pdf: ReportPDF, content: ReportContent) -> None:
    lang = content.lang
    series: dict[str, list[float | None]] = {
        "actual": [a.score for a in content.areas],
        "target": [a.target for a in content.areas],
    }
    if content.previous is not None:
        series["previous"] = [a.previous for a in content.areas]
    titles = {key: t(f"chart.series_{key}", lang) for key in series}
    missing = [a.title for a in content.areas if a.score is None]
    note = t("chart.missing", lang, areas=", ".join(missing)) if missing else ""
    draw_radar(
        pdf,
        [a.title for a in content.areas],
        series,
        [s.max for s in content.q.stages],
        titles,
        radius=RADAR_RADIUS,
        missing_note=note if any(a.score is not None for a in content.areas) else "",
    )


def _change(now: float | None, before: float | None, lang: str) -> str:
    if now is None or before is None:
        return "–"
    change = round_half_up(now, 1) - round_half_up(before, 1)
    return ("+" if change > 0 else "") + fmt_table(change, lang)


def _row(area: AreaResult, content: ReportContent) -> list[str | Cell]:
    lang = content.lang
    coverage = fmt_percent(area.coverage, lang)
    row: list[str | Cell] = [
        Cell(area.title, ROW_BOLD),
        fmt_table(area.score, lang),
        area.stage.name(lang) if area.stage else "–",
        Cell(f"{coverage} *", FLAG) if area.incomplete else coverage,
        fmt_table(area.target, lang),
        fmt_table(area.gap, lang),
    ]
    if content.previous is not None:
        row += [fmt_table(area.previous, lang), _change(area.score, area.previous, lang)]
    return row


def _table(pdf: ReportPDF, content: ReportContent) -> None:
    lang = content.lang
    columns = [
        Column(t("common.area", lang), 50),
        Column(t("common.score", lang), 10, "R"),
        Column(t("common.stage", lang), 20),
        Column(t("common.coverage", lang), 16, "R"),
        Column(t("common.target", lang), 10, "R"),
        Column(t("common.gap", lang), 11, "R"),
    ]
    if content.previous is not None:
        columns += [
            Column(t("pdf.col_previous", lang), 16, "R"),
            Column(t("pdf.col_change", lang), 18, "R"),
        ]
    rows = [_row(area, content) for area in content.areas]
    stage = content.overall_stage.name(lang) if content.overall_stage else "–"
    if content.overall_stage and content.overall_provisional:  # as the summary says it
        stage = t("common.provisional_stage", lang, stage=stage)
    total: list[str | Cell] = [
        Cell(t("common.overall", lang), ROW_BOLD),
        Cell(fmt_table(content.overall, lang), ROW_BOLD),
        Cell(stage, ROW_BOLD),
        "",
        "",
        "",
    ]
    if content.previous is not None:
        total += [
            Cell(fmt_table(content.previous_overall, lang), ROW_BOLD),
            Cell(_change(content.overall, content.previous_overall, lang), ROW_BOLD),
        ]
    draw_table(pdf, columns, [*rows, total])
