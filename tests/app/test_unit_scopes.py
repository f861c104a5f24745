"""Rounds compare only within one scope: the organisation's own, or one unit's."""

from __future__ import annotations

import datetime as dt

from assessment.services import access, next_round
from tests.app.conftest import open_app
from tests.app.test_organisation import _answer_all
from tests.app.test_units_view import _with_two_units


def _captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_with_one_own_round_the_organisation_page_compares_no_units(engine):
    _, owner_token, _ = _with_two_units(engine)
    at = open_app(owner_token, "organisation.py")
    assert not at.exception, at.exception
    assert not any("Standort Süd 2026“ im Vergleich" in c for c in _captions(at))
    assert any("Die Organisation selbst hat noch keine zwei" in i.value for i in at.info)
    links = [link.proto.label for link in at.get("page_link")]
    assert "Alle Einheiten vergleichen" in links and "Runden im Detail vergleichen" in links


def test_the_organisation_page_compares_its_own_rounds_beside_newer_unit_rounds(engine):
    q, owner_token, _ = _with_two_units(engine)
    owner = access.resolve(engine, owner_token)
    own = next_round.start_next_round(engine, owner, q, "Check 2026", dt.date(2026, 1, 10))
    _answer_all(engine, own.respondent_token, q, 3)
    at = open_app(owner_token, "organisation.py")
    assert not at.exception, at.exception
    assert "„Check 2026“ im Vergleich mit „Check 2025“" in " ".join(_captions(at))


def test_the_comparison_page_lets_the_organisation_link_choose_the_scope_first(engine):
    q, owner_token, made = _with_two_units(engine)
    owner = access.resolve(engine, owner_token)
    nord = next_round.start_next_round(
        engine, owner, q, "Nord 2027", dt.date(2027, 1, 10), unit_id=made[0].unit_id
    )
    _answer_all(engine, nord.respondent_token, q, 2)
    own = next_round.start_next_round(engine, owner, q, "Check 2026", dt.date(2026, 1, 10))
    _answer_all(engine, own.respondent_token, q, 3)
    at = open_app(owner_token, "comparison.py")
    assert not at.exception, at.exception
    scope = at.selectbox(key="cmp_scope")
    assert scope.options == ["der Organisation selbst (ohne Einheit)", "Standort Nord"]
    assert scope.index == 1, "by default the scope of the newest round (Nord 2027)"
    assert at.selectbox(key="cmp_later").options == [
        "Nord 2027 · 10.01.2027",
        "Standort Nord 2026 · 02.03.2026",
    ]
    scope.select_index(0).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="cmp_later").options == [
        "Check 2026 · 10.01.2026",
        "Check 2025 · 01.03.2025",
    ]
    assert at.caption[0].value.startswith("„Check 2026“ im Vergleich mit „Check 2025“")


def test_the_comparison_page_compares_the_organisations_own_rounds_when_units_have_one(engine):
    q, owner_token, _ = _with_two_units(engine)
    owner = access.resolve(engine, owner_token)
    own = next_round.start_next_round(engine, owner, q, "Check 2026", dt.date(2026, 1, 10))
    _answer_all(engine, own.respondent_token, q, 3)
    at = open_app(owner_token, "comparison.py")  # opens Standort Süd 2026, the newest
    assert not at.exception, at.exception
    assert not any(s.key == "cmp_scope" for s in at.selectbox), "one scope only: no choice"
    assert at.caption[0].value.startswith("„Check 2026“ im Vergleich mit „Check 2025“")


def test_the_rounds_list_names_each_rounds_unit_when_there_are_units(engine):
    _, owner_token, made = _with_two_units(engine)
    at = open_app(owner_token, "organisation.py")
    assert not at.exception, at.exception
    assert at.dataframe[0].value["Einheit"].tolist() == [
        "Standort Süd",
        "Standort Nord",
        "Organisation (gesamt)",
    ]
    english = open_app(owner_token, "organisation.py", lang="en")
    assert english.dataframe[0].value["Unit"].tolist()[-1] == "Organisation (as a whole)"
    unit = open_app(made[0].token, "organisation.py")
    assert not unit.exception, unit.exception
    assert "Einheit" not in unit.dataframe[0].value.columns, "a unit link sees one unit"
