"""Units on the organisation page, the units view, and what a unit's own link sees."""

from __future__ import annotations

import datetime as dt

from assessment.demo import DEMO_QUESTIONNAIRE
from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import access, history, next_round, rounds, units
from tests.app.conftest import open_app
from tests.app.test_organisation import _answer_all

ORG = Organisation(
    name="Stadtverwaltung Musterstadt", kind="Kommune", sector="Öffentliche Verwaltung",
    size="250 und mehr Beschäftigte",
)  # fmt: skip
LATER = dt.date(2026, 3, 2)


def _organisation(engine):
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    started = rounds.start_self_check(engine, q, ORG, "Check 2025", dt.date(2025, 3, 1))
    _answer_all(engine, started.respondent_token, q, 2)
    return q, started.owner_token, access.resolve(engine, started.owner_token)


def _with_two_units(engine):
    """Units Nord (all statements 3) and Süd (all 1), each with an answered round."""
    q, owner_token, owner = _organisation(engine)
    made = []
    for name, value in (("Standort Nord", 3), ("Standort Süd", 1)):
        unit = units.add_unit(engine, owner, name)
        started = next_round.start_next_round(
            engine, owner, q, f"{name} 2026", LATER, unit_id=unit.unit_id
        )
        _answer_all(engine, started.respondent_token, q, value)
        made.append(unit)
    return q, owner_token, made


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_the_organisation_link_adds_a_unit_and_sees_its_link_once(engine):
    _, owner_token, _ = _organisation(engine)
    at = open_app(owner_token, "organisation.py")
    assert "Einheiten" not in [s.value for s in at.subheader]
    at.text_input(key="u_name").input("Standort Nord")
    _button(at, "Einheit anlegen").click().run()
    assert not at.exception, at.exception
    assert "Einheiten" in [s.value for s in at.subheader]
    shown = at.code[-1].value
    assert "/organisation?t=" in shown
    nord = access.resolve(engine, shown.split("t=")[1].split("&")[0])
    assert nord.role == "unit_owner"
    assert at.dataframe[-1].value["Einheit"].tolist() == ["Standort Nord"]


def test_a_round_for_a_unit_starts_from_the_organisation_page(engine):
    _, owner_token, owner = _organisation(engine)
    nord = units.add_unit(engine, owner, "Standort Nord")
    at = open_app(owner_token, "organisation.py")
    at.selectbox(key="u_chosen").select(nord.unit_id).run()
    # The last "Runde starten" is the unit's; the first starts the organisation's own round.
    start = [b for b in at.button if b.label == "Runde starten"][-1]
    start.click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Die neue Runde ist angelegt."
    new = access.resolve(engine, at.code[0].value.split("t=")[1].split("&")[0])
    assert new.round.unit_id == nord.unit_id
    assert new.round.label == f"Standort Nord {dt.date.today().year}"


def test_the_units_view_shows_every_unit_side_by_side_against_the_mean(engine):
    q, owner_token, _ = _with_two_units(engine)
    at = open_app(owner_token, "units.py")
    assert not at.exception, at.exception
    assert at.title[0].value == "Einheiten im Vergleich"
    side = at.dataframe[0].value
    assert side["Einheit"].tolist() == ["Standort Nord", "Standort Süd"]
    assert side["Gesamtwert"].tolist() == ["75", "25"]
    first = q.dimensions[0].title("de")
    assert side[first].tolist() == ["75", "25"]
    versus = at.dataframe[1].value
    assert versus["Einheit"].tolist() == ["Standort Nord", "Standort Süd", "Mittel aller Einheiten"]
    assert versus[first].tolist() == ["+25,0", "−25,0", "50,0"]
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3, "a small radar per unit and the heatmap"
    assert [s.value for s in at.subheader] == [
        "Neueste Runde je Einheit",
        "Abweichung vom Mittel aller Einheiten",
        "Einheiten × Handlungsfelder",
        "Alle Einheiten exportieren",
    ]
    assert len(at.get("download_button")) == 2


def test_the_units_view_in_english(engine):
    _, owner_token, _ = _with_two_units(engine)
    at = open_app(owner_token, "units.py", lang="en")
    assert not at.exception, at.exception
    assert at.title[0].value == "Units compared"
    assert at.dataframe[1].value["Unit"].tolist()[-1] == "Mean of all units"


def test_the_units_view_before_any_unit_has_a_score(engine):
    _, owner_token, owner = _organisation(engine)
    units.add_unit(engine, owner, "Standort Nord")
    at = open_app(owner_token, "units.py")
    assert not at.exception, at.exception
    assert "Noch hat keine Einheit" in at.info[0].value
    assert not at.dataframe


def test_a_unit_link_sees_only_its_unit_and_never_the_units_view(engine):
    _, _, made = _with_two_units(engine)
    at = open_app(made[0].token, "organisation.py")
    assert not at.exception, at.exception
    assert at.dataframe[0].value["Runde"].tolist() == ["Standort Nord 2026"]
    assert "Einheiten" not in [s.value for s in at.subheader]
    assert not any(e.label.startswith("Einheit anlegen") for e in at.expander)
    assert not any(e.label == "Profil der Organisation bearbeiten" for e in at.expander)
    view = open_app(made[0].token, "units.py")
    assert not view.exception, view.exception
    assert "nur der Organisationslink" in view.info[0].value
    assert not view.dataframe and not view.get("vega_lite_chart")


def test_a_unit_link_starts_a_round_of_its_own_unit(engine):
    q, _, made = _with_two_units(engine)
    at = open_app(made[1].token, "organisation.py")
    at.date_input(key="n_date").set_value(dt.date(2027, 3, 1))
    at.text_input(key="n_label").input("Süd 2027")
    _button(at, "Runde starten").click().run()
    assert not at.exception, at.exception
    seen = history.history(engine, access.resolve(engine, made[1].token))
    assert [r.round.label for r in seen.rows] == ["Standort Süd 2026", "Süd 2027"]
    assert q.id == seen.rows[-1].round.questionnaire_id


def _peer(engine, q, value):
    started = rounds.start_self_check(
        engine, q, ORG.model_copy(update={"name": "Andere Stadt"}), "Check", dt.date(2025, 5, 1)
    )
    _answer_all(engine, started.respondent_token, q, value)


def test_the_organisation_page_compares_with_similar_organisations_from_five_on(engine):
    q, owner_token, _ = _organisation(engine)
    for _ in range(4):
        _peer(engine, q, 4)
    at = open_app(owner_token, "organisation.py")
    assert "Ihre Bereiche im Vergleich mit ähnlichen Organisationen" in [
        s.value for s in at.subheader
    ]
    assert "noch 1 mehr nötig" in at.info[-1].value
    _peer(engine, q, 4)
    at = open_app(owner_token, "organisation.py")
    assert not at.exception, at.exception
    peers = at.dataframe[-1].value
    assert peers["Bereich"].tolist() == [d.title("de") for d in q.dimensions]
    assert peers["Ihre Werte"].tolist() == ["50,0"] * len(q.dimensions)
    assert peers["Ähnliche Organisationen (5)"].tolist() == ["100,0"] * len(q.dimensions)
