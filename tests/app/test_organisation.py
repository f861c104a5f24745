"""The organisation page: rounds list, starting the next round, the comparison of two rounds."""

from __future__ import annotations

import datetime as dt

from assessment.demo import DEMO_QUESTIONNAIRE
from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import access, answering, history, next_round, planning, rounds
from tests.app.conftest import open_app

ORG = Organisation(name="Jobcenter Görlitz", kind="Behörde", sector="Arbeitsmarkt")


def _answer_all(engine, token, q, value):
    me = access.resolve(engine, token)
    for item in q.items_by_id:
        answering.save_answer(engine, me, item, value)


def _first_round(engine):
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    started = rounds.start_self_check(engine, q, ORG, "Check 2025", dt.date(2025, 3, 1))
    _answer_all(engine, started.respondent_token, q, 1)
    planning.set_target(engine, access.resolve(engine, started.admin_token), q.dimensions[0].id, 80)
    return q, started


def _cell(at, column: str) -> list:
    return at.dataframe[0].value[column].tolist()


def test_the_organisation_page_lists_the_rounds(engine):
    _, started = _first_round(engine)
    at = open_app(started.owner_token, "organisation.py")
    assert not at.exception, at.exception
    assert at.title[0].value == "Organisation und Verlauf"
    assert _cell(at, "Runde") == ["Check 2025"]
    assert _cell(at, "Datum") == ["01.03.2025"]
    assert _cell(at, "Form") == ["Selbstcheck"]
    assert _cell(at, "Antwortende") == [1]
    assert _cell(at, "Status") == ["offen"]
    assert _cell(at, "Gesamtwert")[0] not in ("–", "zu wenige Antworten")
    # One round: nothing to compare yet.
    assert [s.value for s in at.subheader] == ["Ihre Runden", "Verlauf exportieren"]


def test_starting_the_next_round_carries_the_targets(engine):
    q, started = _first_round(engine)
    at = open_app(started.owner_token, "organisation.py")
    at.date_input(key="n_date").set_value(dt.date(2026, 3, 2))
    at.text_input(key="n_label").input("Check 2026")
    next(b for b in at.button if b.label == "Runde starten").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Die neue Runde ist angelegt."
    found = history.history(engine, access.resolve(engine, started.owner_token))
    assert [r.round.label for r in found.rows] == ["Check 2025", "Check 2026"]
    assert found.rows[1].round.date == dt.date(2026, 3, 2)
    new = access.resolve(engine, at.code[-1].value.split("t=")[1].split("&")[0])
    assert planning.targets(engine, new) == {q.dimensions[0].id: 80.0}


def _two_rounds(engine):
    """A first round and its answered next round a year later, opened by the organisation link."""
    q, started = _first_round(engine)
    owner = access.resolve(engine, started.owner_token)
    second = next_round.start_next_round(engine, owner, q, "Check 2026", dt.date(2026, 3, 2))
    _answer_all(engine, second.respondent_token, q, 3)
    return q, owner, open_app(started.owner_token, "organisation.py")


def test_the_comparison_shows_each_areas_delta(engine):
    q, _owner, at = _two_rounds(engine)
    assert not at.exception, at.exception
    assert _cell(at, "Runde") == ["Check 2026", "Check 2025"]
    assert "Was sich verändert hat" in [s.value for s in at.subheader]
    deltas = at.dataframe[1].value
    assert deltas["Handlungsfeld"].tolist() == [d.title("de") for d in q.dimensions]
    assert deltas["Veränderung (Punkte)"].tolist() == ["+50,0"] * len(q.dimensions)
    assert set(deltas["Richtung"]) == {"↑ verbessert"}
    assert len(at.get("vega_lite_chart")) == 1, "the radar overlay of both rounds"


def test_opening_an_earlier_round_shows_its_results(engine):
    _q, owner, at = _two_rounds(engine)
    earlier = history.history(engine, owner).rows[0].round_id
    at.selectbox(key="o_open_round").select(earlier).run()
    next(b for b in at.button if b.label == "Ergebnisse öffnen").click().run()
    assert not at.exception, at.exception
    assert at.query_params["r"] == str(earlier), "the chosen round stays in the address"
    assert "Jobcenter Görlitz · Check 2025" in [t.value for t in at.text]
