"""User-interface strings in German and English (one catalogue for every page)."""

from __future__ import annotations

LANGS: dict[str, str] = {"de": "Deutsch", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"de": "Vielfaltskompass", "en": "Diversity Compass"},
    "language": {"de": "Sprache", "en": "Language"},
    # navigation
    "nav_start": {"de": "Start", "en": "Start"},
    "nav_profile": {"de": "Profil", "en": "Profile"},
    "nav_questionnaire": {"de": "Fragebogen", "en": "Questionnaire"},
    "nav_results": {"de": "Ergebnisse", "en": "Results"},
    "nav_roadmap": {"de": "Roadmap", "en": "Roadmap"},
    "nav_catalogue": {"de": "Fragebögen", "en": "Questionnaires"},
    "nav_section_check": {"de": "Selbstcheck", "en": "Self-check"},
    "nav_section_info": {"de": "Überblick", "en": "Overview"},
    # start page
    "start_title": {"de": "Vielfaltskompass", "en": "Diversity Compass"},
    "start_intro": {
        "de": "Der Vielfaltskompass zeigt, wie weit Ihre Organisation bei Diversity Management "
        "und interkultureller Öffnung ist – in fünf Bereichen: Organisation und Strategie, "
        "Personal, Fort- und Weiterbildung, Angebote für Kundinnen und Kunden sowie "
        "Kooperation und Vernetzung. Sie bewerten rund 40 konkrete Aussagen auf einer "
        "Skala von „nicht begonnen“ bis „vollständig verankert“; das dauert etwa 20 Minuten "
        "und lässt sich jederzeit unterbrechen. Danach sehen Sie Ihre Werte "
        "und Stufen je Bereich und erhalten eine priorisierte Roadmap als PDF.",
        "en": "The Diversity Compass shows how far your organisation has come with diversity "
        "management and intercultural opening – in five areas: organisation and strategy, "
        "HR, training, services for customers, and cooperation and networking. You rate "
        "about 40 concrete statements on a scale from “not started” to “fully embedded”; "
        "this takes about 20 minutes and you can pause at any time. Afterwards you see "
        "your scores and stages per area and get a prioritised roadmap as a PDF.",
    },
    "start_choose": {"de": "Welcher Fragebogen passt zu Ihnen?", "en": "Which questionnaire fits?"},
    "start_new": {"de": "Neuen Check starten", "en": "Start a new check"},
    "start_resume_title": {"de": "Check fortsetzen", "en": "Resume a check"},
    "start_resume_help": {
        "de": "Fügen Sie Ihren privaten Link oder den Code daraus ein.",
        "en": "Paste your private link or the code from it.",
    },
    "start_resume_button": {"de": "Fortsetzen", "en": "Resume"},
    "start_resume_invalid": {
        "de": "Zu diesem Link gibt es keinen Check. Bitte prüfen Sie, ob er vollständig ist.",
        "en": "No check belongs to this link. Please check that it is complete.",
    },
    "start_demo_title": {"de": "Erst einmal ansehen?", "en": "Just have a look?"},
    "start_demo_text": {
        "de": "Das Demo-Unternehmen hat den Check bereits ausgefüllt und eine Roadmap erstellt.",
        "en": "The demo company has already completed the check and drafted a roadmap.",
    },
    "start_demo_button": {"de": "Demo öffnen", "en": "Open the demo"},
    "start_current": {
        "de": "Sie arbeiten gerade am Check für „{org}“ ({round}).",
        "en": "You are working on the check for “{org}” ({round}).",
    },
    "start_continue": {"de": "Weiter zum Fragebogen", "en": "Continue with the questionnaire"},
    # profile
    "profile_title": {"de": "Profil Ihrer Organisation", "en": "Your organisation's profile"},
    "profile_intro": {
        "de": "Diese Angaben erscheinen auf Ihrer Roadmap. Nur der Name ist Pflicht.",
        "en": "These details appear on your roadmap. Only the name is required.",
    },
    "profile_questionnaire": {"de": "Fragebogen", "en": "Questionnaire"},
    "profile_name": {"de": "Name der Organisation", "en": "Name of the organisation"},
    "profile_kind": {"de": "Art der Organisation", "en": "Kind of organisation"},
    "profile_sector": {"de": "Branche oder Aufgabenfeld", "en": "Sector or field"},
    "profile_size": {"de": "Größe", "en": "Size"},
    "profile_size_placeholder": {
        "de": "Auswählen oder eintragen",
        "en": "Choose or type your own",
    },
    "profile_region": {"de": "Region", "en": "Region"},
    "profile_round": {"de": "Bezeichnung dieser Runde", "en": "Name of this round"},
    "profile_round_default": {"de": "Selbstcheck {year}", "en": "Self-check {year}"},
    "profile_save_new": {"de": "Check anlegen und starten", "en": "Create the check and start"},
    "profile_save": {"de": "Profil speichern", "en": "Save profile"},
    "profile_saved": {"de": "Profil gespeichert.", "en": "Profile saved."},
    "profile_name_missing": {
        "de": "Bitte geben Sie den Namen der Organisation an.",
        "en": "Please enter the name of the organisation.",
    },
    "size_options": {
        "de": "1–9 Beschäftigte|10–49 Beschäftigte|50–249 Beschäftigte|250 und mehr Beschäftigte",
        "en": "1–9 employees|10–49 employees|50–249 employees|250 or more employees",
    },
    "delete_title": {"de": "Alle Daten löschen", "en": "Delete all data"},
    "delete_help": {
        "de": "Löscht die Organisation mit allen Runden, Antworten, Kommentaren und der "
        "Roadmap endgültig. Exportieren Sie vorher die Antwortdatei, wenn Sie sie behalten "
        "möchten.",
        "en": "Permanently deletes the organisation with all rounds, answers, comments and "
        "the roadmap. Export the response file first if you want to keep it.",
    },
    "delete_confirm": {
        "de": "Ja, ich möchte alle Daten dieser Organisation löschen.",
        "en": "Yes, I want to delete all data of this organisation.",
    },
    "delete_button": {"de": "Endgültig löschen", "en": "Delete permanently"},
    # resume link
    "link_title": {"de": "Ihr privater Link", "en": "Your private link"},
    "link_text": {
        "de": "Speichern Sie diesen Link. Mit ihm setzen Sie den Check fort und öffnen Ihre "
        "Ergebnisse – ohne ihn ist kein Zugriff möglich. Geben Sie ihn nur an Personen weiter, "
        "die die Ergebnisse sehen dürfen.",
        "en": "Keep this link. It lets you resume the check and open your results – without "
        "it there is no access. Share it only with people who may see the results.",
    },
    # access
    "need_round": {
        "de": "Starten Sie zuerst einen Check oder öffnen Sie Ihren privaten Link.",
        "en": "Start a check first or open your private link.",
    },
    "go_start": {"de": "Zur Startseite", "en": "Go to the start page"},
    "invalid_link": {
        "de": "Dieser Link ist ungültig oder der Check wurde gelöscht.",
        "en": "This link is invalid or the check was deleted.",
    },
    # questionnaire
    "q_area_of": {"de": "Bereich {k} von {n}", "en": "Area {k} of {n}"},
    "q_progress": {
        "de": "{answered} von {total} Aussagen beantwortet",
        "en": "{answered} of {total} statements answered",
    },
    "q_na": {"de": "Weiß nicht / trifft nicht zu", "en": "Don't know / not applicable"},
    "q_comment": {"de": "Kommentar (optional)", "en": "Comment (optional)"},
    "q_comment_placeholder": {
        "de": "Anmerkung, Beispiel oder Frage zu dieser Aussage",
        "en": "Remark, example or question about this statement",
    },
    "q_scale_title": {"de": "Die Antwortskala", "en": "The answer scale"},
    "q_prev": {"de": "← Vorheriger Bereich", "en": "← Previous area"},
    "q_next": {"de": "Nächster Bereich →", "en": "Next area →"},
    "q_to_results": {"de": "Zu den Ergebnissen →", "en": "See the results →"},
    "q_saved_note": {
        "de": "Jede Antwort wird sofort gespeichert.",
        "en": "Every answer is saved immediately.",
    },
    "q_admin_link": {
        "de": "Dieser Link öffnet die Ergebnisse der Runde, nicht einen eigenen Fragebogen.",
        "en": "This link opens the round's results, not a questionnaire of your own.",
    },
    "q_hint": {"de": "Gute Praxis", "en": "Good practice"},
    # results
    "yes": {"de": "ja", "en": "yes"},
    "r_title": {"de": "Ergebnisse", "en": "Results"},
    "r_overall": {"de": "Gesamtwert", "en": "Overall score"},
    "r_stage": {"de": "Stufe", "en": "Stage"},
    "r_respondents": {"de": "Antwortende", "en": "Respondents"},
    "r_rated": {"de": "Bewertete Aussagen", "en": "Rated statements"},
    "r_rated_help": {
        "de": "Aussagen mit mindestens einer Bewertung auf der Skala; „weiß nicht / trifft nicht "
        "zu“ zählt nicht mit.",
        "en": "Statements with at least one rating on the scale; “don't know / not applicable” "
        "does not count.",
    },
    "r_radar": {"de": "Ist und Ziel je Bereich", "en": "Actual and target per area"},
    "r_bars": {"de": "Werte je Bereich", "en": "Scores per area"},
    "r_table": {"de": "Übersicht", "en": "Overview"},
    "r_area": {"de": "Bereich", "en": "Area"},
    "r_score": {"de": "Wert", "en": "Score"},
    "r_coverage": {"de": "Abdeckung", "en": "Coverage"},
    "r_target": {"de": "Ziel", "en": "Target"},
    "r_gap": {"de": "Lücke", "en": "Gap"},
    "r_incomplete": {"de": "Unvollständig", "en": "Incomplete"},
    "r_incomplete_note": {
        "de": "Weniger als die Hälfte der Aussagen beantwortet: {areas}. Der Wert ist vorläufig.",
        "en": "Fewer than half of the statements answered: {areas}. The score is provisional.",
    },
    "r_no_answers": {
        "de": "Noch keine Antworten. Beantworten Sie zuerst einige Aussagen.",
        "en": "No answers yet. Please answer some statements first.",
    },
    "r_targets_title": {"de": "Ziele festlegen", "en": "Set targets"},
    "r_targets_help": {
        "de": "Vorgabe ist die Untergrenze der nächsten Stufe. Passen Sie die Ziele an das an, "
        "was Sie sich für die nächsten zwölf bis 24 Monate vornehmen.",
        "en": "The default is the lower bound of the next stage. Adjust the targets to what "
        "you aim for in the next twelve to 24 months.",
    },
    "r_weak_title": {"de": "Handlungsbedarf je Bereich", "en": "Where to act, per area"},
    "r_weak_count": {
        "de": "{area} · {n} mit Handlungsbedarf",
        "en": "{area} · {n} needing action",
    },
    "r_weak_none": {
        "de": "Keine schwachen Aussagen in diesem Bereich.",
        "en": "No weak statements in this area.",
    },
    "r_mean": {"de": "Mittelwert", "en": "Mean"},
    "r_disagreement": {
        "de": "Die Einschätzungen gehen weit auseinander ({min}–{max}).",
        "en": "Ratings differ widely ({min}–{max}).",
    },
    "r_to_roadmap": {"de": "Zur Roadmap →", "en": "Go to the roadmap →"},
    # roadmap
    "p_title": {
        "de": "Roadmap zur interkulturellen Öffnung",
        "en": "Intercultural opening roadmap",
    },
    "p_intro": {
        "de": "Vorgeschlagen sind Maßnahmen für die Bereiche mit der größten Lücke zum Ziel, "
        "sortiert nach Phase und Priorität. Passen Sie die Tabelle an: Zeilen löschen, eigene "
        "Maßnahmen ergänzen, Verantwortliche, Termine und Status eintragen. Änderungen werden "
        "sofort gespeichert.",
        "en": "Suggested are measures for the areas with the largest gap to the target, "
        "ordered by phase and priority. Adapt the table: delete rows, add your own measures, "
        "enter owners, due dates and status. Changes are saved immediately.",
    },
    "p_measure": {"de": "Maßnahme", "en": "Measure"},
    "p_area": {"de": "Bereich", "en": "Area"},
    "p_phase": {"de": "Phase", "en": "Phase"},
    "p_priority": {"de": "Priorität", "en": "Priority"},
    "p_owner": {"de": "Verantwortlich", "en": "Owner"},
    "p_due": {"de": "Fällig", "en": "Due"},
    "p_status": {"de": "Status", "en": "Status"},
    "p_note": {"de": "Notiz", "en": "Note"},
    "p_phase_label": {"de": "{phase} Monate", "en": "{phase} months"},
    "status_open": {"de": "offen", "en": "open"},
    "status_in_progress": {"de": "in Arbeit", "en": "in progress"},
    "status_done": {"de": "erledigt", "en": "done"},
    "status_dropped": {"de": "verworfen", "en": "dropped"},
    "p_saved": {"de": "Roadmap gespeichert.", "en": "Roadmap saved."},
    "p_changed_elsewhere": {
        "de": "Die Roadmap wurde inzwischen an anderer Stelle geändert. Sie sehen den aktuellen "
        "Stand.",
        "en": "The roadmap was changed elsewhere in the meantime. You now see the current state.",
    },
    "p_reset": {"de": "Vorschlag neu berechnen", "en": "Recompute the suggestion"},
    "p_reset_help": {
        "de": "Ersetzt die Tabelle durch den aktuellen Vorschlag aus Ihren Ergebnissen.",
        "en": "Replaces the table with the current suggestion from your results.",
    },
    "p_details": {"de": "Was die Maßnahmen beinhalten", "en": "What the measures involve"},
    "p_effort": {"de": "Aufwand", "en": "Effort"},
    "p_impact": {"de": "Wirkung", "en": "Impact"},
    "level_1": {"de": "gering", "en": "low"},
    "level_2": {"de": "mittel", "en": "medium"},
    "level_3": {"de": "hoch", "en": "high"},
    "p_topics": {"de": "Themen", "en": "Topics"},
    "p_downloads": {"de": "Herunterladen", "en": "Download"},
    "p_pdf": {"de": "Roadmap als PDF", "en": "Roadmap as PDF"},
    "p_json": {"de": "Antwortdatei (JSON)", "en": "Response file (JSON)"},
    "p_csv": {"de": "Werte als CSV", "en": "Scores as CSV"},
    "p_pdf_file": {"de": "roadmap", "en": "roadmap"},
    "p_json_file": {"de": "antworten", "en": "responses"},
    "p_csv_file": {"de": "werte", "en": "scores"},
    "p_import_title": {"de": "Antwortdatei importieren", "en": "Import a response file"},
    "p_import_help": {
        "de": "Legt aus einer zuvor exportierten Antwortdatei eine neue Runde an. Eine "
        "fehlerhafte Datei wird vollständig abgelehnt; es ändert sich nichts.",
        "en": "Creates a new round from a previously exported response file. A faulty file "
        "is rejected as a whole; nothing changes.",
    },
    "p_import_button": {"de": "Importieren", "en": "Import"},
    "p_import_rejected": {
        "de": "Die Datei wurde nicht importiert:",
        "en": "The file was not imported:",
    },
    "p_import_done": {
        "de": "Importiert. Sie arbeiten jetzt mit der importierten Runde:",
        "en": "Imported. You are now working with the imported round:",
    },
    # charts (app and PDF)
    "chart_area": {"de": "Bereich", "en": "Area"},
    "chart_score": {"de": "Wert", "en": "Score"},
    "chart_stage": {"de": "Stufe", "en": "Stage"},
    "chart_series": {"de": "Reihe", "en": "Series"},
    "chart_target": {"de": "Ziel", "en": "Target"},
    "chart_gap": {"de": "Lücke", "en": "Gap"},
    "chart_coverage": {"de": "Abdeckung", "en": "Coverage"},
    "chart_incomplete": {"de": "unvollständig", "en": "incomplete"},
    "chart_series_actual": {"de": "Ist", "en": "Actual"},
    "chart_series_target": {"de": "Ziel", "en": "Target"},
    "chart_series_previous": {"de": "Vorrunde", "en": "Previous round"},
    "chart_series_benchmark": {"de": "Vergleichswert", "en": "Benchmark"},
    "chart_missing": {
        "de": "Ohne Wert (in der Mitte gezeichnet): {areas}",
        "en": "No score (drawn at the centre): {areas}",
    },
    "chart_from": {"de": "ab {value}", "en": "from {value}"},
    "p_import_previous": {
        "de": "Ihr bisheriger Check bleibt unter seinem privaten Link erreichbar:",
        "en": "Your previous check stays available under its private link:",
    },
    # catalogue
    "c_title": {"de": "Die Fragebögen", "en": "The questionnaires"},
    "c_items": {"de": "{n} Aussagen", "en": "{n} statements"},
    "c_measures": {"de": "{n} Maßnahmen im Katalog", "en": "{n} measures in the catalogue"},
    "c_weight": {"de": "Gewicht", "en": "Weight"},
}


def number(value: float | None, lang: str, digits: int = 1) -> str:
    """A number as written in `lang` (decimal comma in German); "–" for a missing value."""
    if value is None or value != value:  # None or NaN
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang != "en" else text


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` (German fallback), with `{placeholders}` filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["de"]
    return text.format(**values) if values else text
