"""A realistic demo round: a mid-sized trade business that has completed the SME check."""

from __future__ import annotations

from datetime import date

from assessment.questionnaire import Questionnaire
from assessment.responses import (
    FORMAT,
    Organisation,
    QuestionnaireRef,
    Respondent,
    ResponseFile,
    RoundInfo,
)
from assessment.roadmap import suggested_plan

DEMO_QUESTIONNAIRE = ("kmu", "1.0")
DEMO_DATE = date(2026, 10, 12)

ORGANISATION = Organisation(
    name="Elektro Brandt & Yıldız GmbH",
    kind="Handwerksbetrieb (Familienunternehmen)",
    sector="Elektrotechnik und Gebäudetechnik",
    size="50–249 Beschäftigte",
    region="Leipzig, Sachsen",
)

#: Typical level (0–4) per area for each respondent: leadership sees more in place than staff.
PROFILES: dict[str, tuple[str, dict[str, float]]] = {
    "geschaeftsfuehrung": (
        "Geschäftsführung",
        {"strategy": 2.6, "hr": 1.8, "training": 1.2, "services": 2.4, "networking": 1.6},
    ),
    "personal": (
        "Personalverantwortliche",
        {"strategy": 2.0, "hr": 1.6, "training": 1.0, "services": 2.2, "networking": 1.2},
    ),
    "meister": (
        "Meister und Ausbilder",
        {"strategy": 1.2, "hr": 1.4, "training": 0.8, "services": 2.6, "networking": 0.8},
    ),
}

#: A small, fixed pattern of deviations so items within an area differ realistically.
WOBBLE = (0.4, -0.6, 0.9, -0.2, 0.1, -0.9, 0.6, -0.3, 0.2, -0.5)

COMMENTS: dict[str, dict[int, str]] = {
    "geschaeftsfuehrung": {
        0: "Im Leitbild steht Vielfalt, aber mit konkreten Zielen haben wir noch nicht gearbeitet.",
        9: "Zwei unserer Gesellen kamen über das Anerkennungsverfahren – das war mühsam, "
        "hat sich aber gelohnt.",
    },
    "personal": {
        8: "Stellenanzeigen schreiben wir meist aus alten Vorlagen ab.",
        17: "Schulungen gab es bisher nur zur Arbeitssicherheit.",
    },
    "meister": {
        18: "Auf der Baustelle wird viel über Sprache gestritten – wir bräuchten Unterstützung.",
        30: "Wir kennen die Jobcenter-Leute, aber mit Migrantenvereinen haben wir keinen Kontakt.",
    },
}

TARGETS = {"strategy": 60.0, "hr": 50.0, "training": 50.0, "services": 75.0, "networking": 50.0}

#: Owner and status of some suggested measures, as the business has begun to plan them.
PLAN_DETAILS: dict[str, tuple[str, str]] = {
    "strategy_mission_and_goals": ("Frau Brandt (Geschäftsführung)", "in_progress"),
    "services_customer_journey_check": ("Herr Yıldız (Personal)", "open"),
    "networking_contact_list": ("Ausbildungsleitung", "open"),
}


def _answer(level: float, position: int, respondent_index: int) -> int | None:
    if (position + respondent_index) % 13 == 7:
        return None  # an honest "don't know" now and then
    value = round(level + WOBBLE[(position + 3 * respondent_index) % len(WOBBLE)])
    return max(0, min(4, value))


def demo_response(q: Questionnaire) -> ResponseFile:
    """The demo round for questionnaire `q`: three respondents, targets and a plan."""
    item_ids = [(d.id, i.id) for d in q.dimensions for i in d.items]
    respondents = []
    for index, (key, (role, levels)) in enumerate(PROFILES.items()):
        answers = {
            item: _answer(levels[area], position, index)
            for position, (area, item) in enumerate(item_ids)
        }
        comments = {
            item_ids[position][1]: text
            for position, text in COMMENTS[key].items()
            if position < len(item_ids)
        }
        respondents.append(Respondent(id=key, role=role, answers=answers, comments=comments))
    data = ResponseFile(
        format=FORMAT,
        questionnaire=QuestionnaireRef(id=q.id, version=q.version),
        organisation=ORGANISATION,
        round=RoundInfo(label="Selbstcheck Herbst 2026", date=DEMO_DATE),
        respondents=respondents,
        targets=TARGETS,
    )
    # Stored as the app would suggest it (a round of several is a session: statements fewer
    # than its minimum group size rated are left out), so the roadmap shows no differences.
    plan = suggested_plan(data, q)
    for entry in plan:
        if entry.measure in PLAN_DETAILS:
            entry.owner, entry.status = PLAN_DETAILS[entry.measure]
    return data.model_copy(update={"plan": plan})
