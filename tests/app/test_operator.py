"""The operator page exists only with an admin password and shows values only from five on."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment.demo import DEMO_QUESTIONNAIRE
from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import rounds
from tests.app.conftest import open_app
from tests.app.test_organisation import _answer_all

PASSWORD = "betrieb-kompass-7"


@pytest.fixture
def with_password(db_url, monkeypatch):
    monkeypatch.setenv("VIELFALTSKOMPASS_ADMIN_PASSWORD", PASSWORD)


def _organisations(engine, count, sector="Handwerk"):
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    for n in range(count):
        profile = Organisation(name=f"Betrieb {n}", sector=sector, size="10–49 Beschäftigte")
        started = rounds.start_self_check(engine, q, profile, "Check", dt.date(2025, 3, 1))
        _answer_all(engine, started.respondent_token, q, 2)
    return q


def _unlock(password):
    at = open_app(page="operator.py")
    at.text_input(key="b_password").input(password)
    next(b for b in at.button if b.label == "Vergleichswerte anzeigen").click().run()
    return at


def test_without_an_admin_password_the_page_does_not_exist(db_url, monkeypatch):
    monkeypatch.delenv("VIELFALTSKOMPASS_ADMIN_PASSWORD", raising=False)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        open_app(page="operator.py")


def test_a_wrong_password_shows_nothing(engine, with_password):
    _organisations(engine, 5)
    at = _unlock("falsch")
    assert not at.exception, at.exception
    assert at.error[0].value.startswith("Das Passwort stimmt nicht.")
    assert not at.dataframe


def test_the_operator_sees_values_from_five_organisations_and_what_is_missing(
    engine, with_password
):
    q = _organisations(engine, 5)
    _organisations(engine, 4, sector="Pflege")
    at = _unlock(PASSWORD)
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    first = q.dimensions[0].title("de")
    rows = dict(zip(table["Gruppe"], table[first], strict=True))
    assert rows["Alle Organisationen"] == "50,0"
    assert rows["Größe: 10–49 Beschäftigte"] == "50,0"
    assert rows["Branche: Pflege"] == "noch 1 mehr nötig"
    # Handwerk has five, but the total minus Handwerk would be Pflege's four.
    assert rows["Branche: Handwerk"] == "verdeckt – sonst ließe sich eine kleinere Gruppe errechnen"
    counts = dict(zip(table["Gruppe"], table["Organisationen"], strict=True))
    assert counts == {
        "Alle Organisationen": 9,
        "Branche: Handwerk": 5,
        "Branche: Pflege": 4,
        "Größe: 10–49 Beschäftigte": 9,
    }
    assert not any("Betrieb" in str(v) for v in table.to_numpy().ravel()), "no organisation named"
    next(b for b in at.button if b.label == "Sperren").click().run()
    assert not at.dataframe and at.text_input(key="b_password")
