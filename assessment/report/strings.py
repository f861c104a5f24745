"""Every text of the PDF roadmap in German and English, and number/date formatting."""

from __future__ import annotations

from datetime import date

STRINGS: dict[str, dict[str, str]] = {
    # frame
    "product": {"de": "Vielfaltskompass", "en": "Diversity Compass"},
    "footer": {"de": "Vielfaltskompass · Roadmap", "en": "Diversity Compass · Roadmap"},
    "page": {"de": "Seite {page} von {pages}", "en": "Page {page} of {pages}"},
    "doc_title": {"de": "Roadmap – {org}", "en": "Roadmap – {org}"},
    # cover
    "kicker": {
        "de": "Roadmap für Vielfalt und interkulturelle Öffnung",
        "en": "Roadmap for diversity and intercultural opening",
    },
    "cover_kind": {"de": "Art der Organisation", "en": "Kind of organisation"},
    "cover_sector": {"de": "Branche / Aufgabenfeld", "en": "Sector / field"},
    "cover_size": {"de": "Größe", "en": "Size"},
    "cover_region": {"de": "Region", "en": "Region"},
    "cover_round": {"de": "Runde", "en": "Round"},
    "cover_round_date": {"de": "Datum der Erhebung", "en": "Date of the survey"},
    "cover_previous": {"de": "Verglichen mit", "en": "Compared with"},
    "cover_respondents": {"de": "Antwortende", "en": "Respondents"},
    "cover_questionnaire": {"de": "Fragebogen", "en": "Questionnaire"},
    "cover_version": {"de": "{id}, Version {version}", "en": "{id}, version {version}"},
    "cover_created": {"de": "Erstellt am", "en": "Created on"},
    "cover_note": {
        "de": "Diese Roadmap fasst die Selbsteinschätzung Ihrer Organisation zusammen und schlägt "
        "konkrete nächste Schritte vor. Sie ist als Grundlage für das Gespräch im Team gedacht – "
        "nicht als abschließende Bewertung.",
        "en": "This roadmap summarises your organisation's self-assessment and proposes concrete "
        "next steps. It is meant as a starting point for a conversation within the team – not "
        "as a final verdict.",
    },
    # summary
    "summary_title": {"de": "Zusammenfassung", "en": "Summary"},
    "overall": {"de": "Gesamtwert", "en": "Overall score"},
    "of_100": {"de": "von 100", "en": "out of 100"},
    "stage": {"de": "Stufe", "en": "Stage"},
    "no_answers": {
        "de": "Für diese Runde liegen noch keine Antworten vor. Sobald die Aussagen beantwortet "
        "sind, zeigt die Roadmap Werte, Stufen und passende Maßnahmen.",
        "en": "There are no answers for this round yet. Once the statements have been answered, "
        "the roadmap shows scores, stages and suitable measures.",
    },
    "strengths": {"de": "Stärken", "en": "Strengths"},
    "needs": {"de": "Größter Handlungsbedarf", "en": "Greatest need for action"},
    "area_result": {"de": "{area}: {score} ({stage})", "en": "{area}: {score} ({stage})"},
    "first_steps": {"de": "Die ersten drei Schritte", "en": "The first three steps"},
    "next_steps": {"de": "Die nächsten Schritte", "en": "The next steps"},
    "no_steps": {
        "de": "Es sind keine offenen Maßnahmen geplant.",
        "en": "No open measures are planned.",
    },
    # profile
    "profile_title": {"de": "Ergebnis nach Bereichen", "en": "Results by area"},
    "profile_intro": {
        "de": "Das Netzdiagramm zeigt je Bereich den erreichten Wert (0 bis 100) und das Ziel. "
        "Die Ringe markieren die Grenzen der Stufen.",
        "en": "The radar chart shows the score reached in each area (0 to 100) and the target. "
        "The rings mark the boundaries between the stages.",
    },
    "profile_previous": {
        "de": "Zum Vergleich ist die Vorrunde „{label}“ vom {date} eingezeichnet.",
        "en": "The previous round “{label}” of {date} is shown for comparison.",
    },
    "legend_actual": {"de": "Ist", "en": "Actual"},
    "legend_target": {"de": "Ziel", "en": "Target"},
    "legend_previous": {"de": "Vorrunde", "en": "Previous round"},
    "radar_missing": {
        "de": "Ohne Wert (in der Mitte gezeichnet): {areas}",
        "en": "No score (drawn at the centre): {areas}",
    },
    "col_area": {"de": "Bereich", "en": "Area"},
    "col_score": {"de": "Wert", "en": "Score"},
    "col_stage": {"de": "Stufe", "en": "Stage"},
    "col_coverage": {"de": "Abdeckung", "en": "Coverage"},
    "col_target": {"de": "Ziel", "en": "Target"},
    "col_gap": {"de": "Lücke", "en": "Gap"},
    "col_previous": {"de": "Vorrunde", "en": "Previous"},
    "col_change": {"de": "Veränderung", "en": "Change"},
    "overall_row": {"de": "Gesamt", "en": "Overall"},
    "incomplete": {"de": "unvollständig", "en": "incomplete"},
    "incomplete_note": {
        "de": "Unvollständig: Weniger als die Hälfte der Aussagen des Bereichs (nach Gewicht) "
        "wurde beantwortet. Der Wert ist dann nur eingeschränkt aussagekräftig.",
        "en": "Incomplete: less than half of the area's statements (by weight) were answered, "
        "so the score is of limited value.",
    },
    # findings per area
    "findings_title": {"de": "Befunde je Bereich", "en": "Findings by area"},
    "area_summary": {
        "de": "Wert {score} von 100 · Stufe {stage} · Ziel {target}",
        "en": "Score {score} out of 100 · stage {stage} · target {target}",
    },
    "area_no_score": {
        "de": "In diesem Bereich wurde noch keine Aussage beantwortet.",
        "en": "No statement in this area has been answered yet.",
    },
    "in_place": {"de": "Was bereits gut läuft", "en": "What is already in place"},
    "weak": {"de": "Wo es noch hakt", "en": "Where there is room to improve"},
    "good_practice": {"de": "Gute Praxis: {hint}", "en": "Good practice: {hint}"},
    "mean": {"de": "Mittelwert {mean} von {max}", "en": "mean {mean} of {max}"},
    "disputed": {"de": "Unterschiedliche Einschätzungen", "en": "Where respondents disagree"},
    "findings_intro": {
        "de": "Je Bereich: was bereits gut läuft (Mittelwert ab {strong}), wo es noch hakt "
        "(Mittelwert bis {weak}, mit einem Hinweis auf gute Praxis), wo die Einschätzungen "
        "mindestens eine halbe Skala auseinanderliegen – ein guter Anlass, im Team darüber zu "
        "sprechen – und was die Antwortenden angemerkt haben.",
        "en": "For each area: what is already in place (mean of {strong} or more), where there "
        "is room to improve (mean up to {weak}, with a hint at good practice), where answers "
        "lie at least half the scale apart – a good reason to talk about it as a team – and "
        "what respondents remarked.",
    },
    "disputed_line": {
        "de": "Antworten von {min} bis {max} · n = {n}",
        "en": "answers from {min} to {max} · n = {n}",
    },
    "comments": {"de": "Kommentare", "en": "Comments"},
    "comment_by": {"de": "{author} zu „{statement}“", "en": "{author} on “{statement}”"},
    "quote": {"de": "„{text}“", "en": "“{text}”"},
    # plan
    "plan_title": {"de": "Roadmap", "en": "Roadmap"},
    "plan_intro": {
        "de": "Die Maßnahmen sind nach ihrem Zeithorizont in vier Phasen gegliedert; innerhalb "
        "einer Phase stehen die wichtigsten zuerst.",
        "en": "The measures are grouped into four phases by their time horizon; within a "
        "phase, the most important come first.",
    },
    "plan_suggested": {
        "de": "Der Plan wurde aus den Ergebnissen dieser Runde vorgeschlagen.",
        "en": "The plan was suggested from the results of this round.",
    },
    "plan_edited": {
        "de": "Der Plan enthält die Festlegungen Ihrer Organisation (Auswahl, Verantwortliche, "
        "Termine).",
        "en": "The plan contains your organisation's decisions (selection, owners, dates).",
    },
    "no_plan": {
        "de": "Es sind keine Maßnahmen geplant.",
        "en": "No measures are planned.",
    },
    "timeline_title": {"de": "Zeitplan über 24 Monate", "en": "Timeline over 24 months"},
    "timeline_months": {"de": "Monate", "en": "Months"},
    "timeline_due": {"de": "Fälligkeitstermin", "en": "Due date"},
    "phase_title": {"de": "Phase {n}: {span}", "en": "Phase {n}: {span}"},
    "phase_span": {"de": "{start}–{end} Monate", "en": "{start}–{end} months"},
    "col_measure": {"de": "Maßnahme", "en": "Measure"},
    "col_owner": {"de": "Verantwortlich", "en": "Owner"},
    "col_due": {"de": "Fällig", "en": "Due"},
    "col_status": {"de": "Status", "en": "Status"},
    "status_open": {"de": "offen", "en": "open"},
    "status_in_progress": {"de": "in Arbeit", "en": "in progress"},
    "status_done": {"de": "erledigt", "en": "done"},
    "status_dropped": {"de": "verworfen", "en": "dropped"},
    "details_title": {"de": "Was die Maßnahmen beinhalten", "en": "What the measures involve"},
    "effort": {"de": "Aufwand", "en": "Effort"},
    "impact": {"de": "Wirkung", "en": "Impact"},
    "level_1": {"de": "gering", "en": "low"},
    "level_2": {"de": "mittel", "en": "medium"},
    "level_3": {"de": "hoch", "en": "high"},
    "topics": {"de": "Schulungsthemen", "en": "Training topics"},
    "note": {"de": "Notiz", "en": "Note"},
    "own_measure": {
        "de": "Eigene Maßnahme Ihrer Organisation.",
        "en": "Your organisation's own measure.",
    },
    "priority": {"de": "Priorität {value}", "en": "priority {value}"},
    # method
    "method_title": {"de": "Methode", "en": "Method"},
    "method_intro": {
        "de": "So entstehen die Werte, Stufen und Vorschläge dieser Roadmap. Alle Schritte sind "
        "einfache, nachvollziehbare Rechnungen.",
        "en": "This is how the scores, stages and suggestions in this roadmap come about. Every "
        "step is a simple calculation you can retrace.",
    },
    "m_basis_title": {"de": "Grundlage", "en": "Basis"},
    "m_basis": {
        "de": "Fragebogen „{title}“ ({id}, Version {version}) mit {items} Aussagen in fünf "
        "Bereichen. Ausgewertet wurden die Angaben von {people} mit insgesamt {answers}.",
        "en": "Questionnaire “{title}” ({id}, version {version}) with {items} statements in "
        "five areas. The analysis covers {people} with {answers} in total.",
    },
    "people_one": {"de": "einer antwortenden Person", "en": "one respondent"},
    "people_many": {"de": "{n} Antwortenden", "en": "{n} respondents"},
    "answers_one": {"de": "einer Antwort", "en": "one answer"},
    "answers_many": {"de": "{n} Antworten", "en": "{n} answers"},
    "m_scale_title": {"de": "Antworten", "en": "Answers"},
    "m_scale": {
        "de": "Jede Aussage wird auf einer Skala von 0 („{low}“) bis {max} („{high}“) "
        "beantwortet. „Weiß nicht / trifft nicht zu“ zählt nicht als 0, sondern wird bei allen "
        "Mittelwerten weggelassen.",
        "en": "Each statement is answered on a scale from 0 (“{low}”) to {max} (“{high}”). "
        "“Don't know / not applicable” does not count as 0; it is left out of every mean.",
    },
    "m_item_title": {"de": "Wert einer Aussage", "en": "Score of a statement"},
    "m_item": {
        "de": "Der Mittelwert aller Antworten auf die Aussage. Dazu werden die Zahl der Antworten "
        "(n) sowie die kleinste und die größte Antwort festgehalten. Liegen diese mindestens "
        "eine halbe Skala ({half} Punkte) auseinander, gilt die Aussage als strittig. Als stark "
        "gilt eine Aussage ab einem Mittelwert von {strong}, als schwach bis {half}.",
        "en": "The mean of all answers to the statement. The number of answers (n) and the "
        "lowest and highest answer are recorded as well. If these lie at least half the scale "
        "({half} points) apart, respondents disagree on the statement. A statement counts as "
        "strong from a mean of {strong}, and as weak up to {half}.",
    },
    "m_area_title": {"de": "Wert eines Bereichs", "en": "Score of an area"},
    "m_area": {
        "de": "Die Summe aus Gewicht mal Wert über alle beantworteten Aussagen des Bereichs, "
        "geteilt durch die Summe ihrer Gewichte, geteilt durch das Skalenmaximum {max} und mal "
        "100 – ein Wert zwischen 0 und 100.",
        "en": "The sum of weight times score over the answered statements of the area, divided "
        "by the sum of their weights, divided by the scale maximum {max} and multiplied by 100 "
        "– a score between 0 and 100.",
    },
    "m_coverage_title": {"de": "Abdeckung", "en": "Coverage"},
    "m_coverage": {
        "de": "Der Anteil des Aussagengewichts eines Bereichs, der beantwortet wurde. Unter "
        "{pct} % gilt der Bereich als unvollständig: Er wird bewertet, aber überall markiert.",
        "en": "The share of an area's statement weight that was answered. Below {pct}% the area "
        "counts as incomplete: it is scored but flagged everywhere.",
    },
    "m_overall_title": {"de": "Gesamtwert", "en": "Overall score"},
    "m_overall": {
        "de": "Der mit den Bereichsgewichten gewichtete Mittelwert der Bereichswerte; Bereiche "
        "ohne Wert zählen nicht mit.",
        "en": "The mean of the area scores weighted by the area weights; areas without a score "
        "are left out.",
    },
    "m_stages_title": {"de": "Stufen", "en": "Stages"},
    "m_stages": {
        "de": "Jeder Wert fällt in eines der Bänder des Fragebogens: {bands}. Die Untergrenze "
        "gehört zur jeweiligen Stufe, der Wert 100 zur obersten.",
        "en": "Every score falls into one of the questionnaire's bands: {bands}. The lower "
        "bound belongs to the band, and 100 belongs to the top band.",
    },
    "m_band": {"de": "{name} {min}–{max}", "en": "{name} {min}–{max}"},
    "m_targets_title": {"de": "Ziele und Lücken", "en": "Targets and gaps"},
    "m_targets": {
        "de": "Das Ziel je Bereich legt Ihre Organisation fest. Ohne Festlegung gilt die "
        "Untergrenze der nächsten Stufe, in der obersten Stufe der erreichte Wert. Lücke = Ziel "
        "minus Wert, mindestens 0.",
        "en": "Your organisation sets the target for each area. Without one, the target is the "
        "lower bound of the next stage, or the score itself in the top stage. Gap = target "
        "minus score, at least 0.",
    },
    "m_priority_title": {"de": "Auswahl und Priorität", "en": "Selection and priority"},
    "m_priority": {
        "de": "Eine Maßnahme aus dem Katalog kommt infrage, wenn der Bereichswert unter ihrer "
        "Schwelle liegt oder eine ihrer Aussagen schwach ist. Priorität = Lücke × "
        "Bereichsgewicht × Wirkung ÷ Aufwand (Wirkung und Aufwand je 1 bis 3). Je Bereich "
        "werden höchstens {per_area} Maßnahmen mit der höchsten Priorität vorgeschlagen; ein "
        "Bereich, der sein Ziel erreicht hat, erhält höchstens eine Maßnahme zum Dranbleiben.",
        "en": "A catalogue measure qualifies when the area's score is below the measure's "
        "threshold or one of its statements is weak. Priority = gap × area weight × impact ÷ "
        "effort (impact and effort from 1 to 3). Per area, at most {per_area} measures with "
        "the highest priority are suggested; an area that has reached its target gets at most "
        "one measure to keep it up.",
    },
    "m_phases_title": {"de": "Phasen", "en": "Phases"},
    "m_phases": {
        "de": "Jede Maßnahme gehört nach ihrem Zeithorizont zu einer Phase: 0–3, 3–6, 6–12 oder "
        "12–24 Monate. Innerhalb einer Phase wird nach Priorität geordnet. Hat Ihre "
        "Organisation den Plan bearbeitet, zeigt diese Roadmap den bearbeiteten Plan.",
        "en": "Each measure belongs to a phase by its time horizon: 0–3, 3–6, 6–12 or 12–24 "
        "months. Within a phase, measures are ordered by priority. If your organisation has "
        "edited the plan, this roadmap shows the edited plan.",
    },
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def tr(key: str, lang: str, **values: object) -> str:
    """The report string `key` in `lang` (German for anything but "en"), placeholders filled."""
    text = STRINGS[key]["en" if lang == "en" else "de"]
    return text.format(**values) if values else text


def counted(key: str, n: int, lang: str) -> str:
    """`n` with the singular (`key`_one) or plural (`key`_many) phrase."""
    return tr(f"{key}_one", lang) if n == 1 else tr(f"{key}_many", lang, n=n)


def fmt_date(value: date | None, lang: str) -> str:
    """A date as 12.10.2026 (German) or 12 Oct 2026 (English); "–" if missing."""
    if value is None:
        return "–"
    if lang == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def fmt_number(value: float | None, lang: str, digits: int = 0) -> str:
    """A number with `digits` decimals (decimal comma in German); "–" if missing."""
    if value is None or value != value:
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang != "en" else text


def fmt_percent(share: float, lang: str) -> str:
    """A share 0..1 as "40 %" (German) or "40%" (English)."""
    number = f"{share * 100:.0f}"
    return f"{number}\u202f%" if lang != "en" else f"{number}%"


def fmt_phase(phase: str, lang: str) -> str:
    """A phase id such as "3-6" as "3–6 Monate" / "3–6 months"."""
    start, end = phase.split("-")
    return tr("phase_span", lang, start=start, end=end)
