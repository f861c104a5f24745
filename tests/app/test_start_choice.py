"""The start page offers the newest questionnaires (the quick check too); the profile of an
administration asks the kind of institution, and the round asks that kind's statements only."""

from __future__ import annotations

from assessment.questionnaire import load_catalogue
from assessment.storage import repository as repo
from tests.app.conftest import open_app


def _profile_for(choice: tuple[str, str]):
    at = open_app()
    at.radio(key="start_questionnaire").set_value(choice).run()
    next(b for b in at.button if b.label == "Neuen Check starten").click().run()
    assert not at.exception, at.exception
    at.text_input(key="profile_new_name").input("Muster-Einrichtung")
    return at


def _save(at):
    next(b for b in at.button if b.label == "Check anlegen und starten").click().run()
    assert not at.exception, at.exception
    return at


def test_the_start_page_offers_the_newest_version_of_each_questionnaire_and_the_quick_check(
    db_url,
):
    at = open_app()
    options = at.radio(key="start_questionnaire").options
    catalogue = load_catalogue()
    assert options == [
        catalogue[key].title("de")
        for key in (("kmu", "2.0"), ("kmu-kurz", "1.0"), ("verwaltung", "2.0"))
    ]


def test_a_quick_check_round_asks_fifteen_statements(engine):
    at = _save(_profile_for(("kmu-kurz", "1.0")))
    access = repo.resolve_token(engine, at.query_params["t"])
    q = repo.round_questionnaire(engine, access.round_id)
    assert (q.id, len(q.items_by_id)) == ("kmu-kurz", 15)
    assert len(at.radio) == 3, "the first area shows its three statements"


def test_an_administration_chooses_its_kind_and_sees_only_its_statements(engine):
    at = _profile_for(("verwaltung", "2.0"))
    kinds = at.selectbox(key="profile_new_institution_type")
    assert kinds.options == [
        "Jobcenter oder Agentur für Arbeit",
        "Kommune, Bürgeramt oder Ausländerbehörde",
        "Kammer (z. B. IHK, Handwerkskammer)",
        "Andere Einrichtung",
    ]
    _save(at)
    assert any("Art Ihrer Einrichtung" in e.value for e in at.error), "no round without a kind"
    assert "t" not in at.query_params

    at.selectbox(key="profile_new_institution_type").select("chamber")
    _save(at)
    access = repo.resolve_token(engine, at.query_params["t"])
    q = repo.round_questionnaire(engine, access.round_id)
    assert q.institution_type == "chamber"
    assert "services_exam_language" in q.items_by_id
    assert "services_labour_market_instruments" not in q.items_by_id
    assert len(at.radio) == len(q.dimensions[0].items)

    profile = open_app(at.query_params["t"], "profile.py")  # the kind is shown, not editable
    assert not profile.exception, profile.exception
    assert any(
        t.value == "Art der Einrichtung: Kammer (z. B. IHK, Handwerkskammer)" for t in profile.text
    )
    assert not [s for s in profile.selectbox if s.key.endswith("_institution_type")]


def test_statements_on_further_dimensions_are_marked_where_they_are_asked(engine):
    at = _profile_for(("verwaltung", "2.0"))
    at.selectbox(key="profile_new_institution_type").select("municipal")
    _save(at)
    next(b for b in at.button if b.label == "Nächster Bereich →").click().run()
    assert not at.exception, at.exception
    notes = [c.value for c in at.caption if c.value.startswith("Auch zu weiteren")]
    assert notes == [
        "Auch zu weiteren Vielfaltsdimensionen: Geschlecht, Religion, Behinderung",
        "Auch zu weiteren Vielfaltsdimensionen: Geschlecht",
    ]


def test_the_questionnaires_page_names_the_kinds_a_statement_is_for(db_url):
    at = open_app(page="catalogue.py")
    assert not at.exception, at.exception
    captions = [c.value for c in at.caption]
    assert "*Nur für: Jobcenter oder Agentur für Arbeit*" in captions
    assert "*Nur für: Kammer (z. B. IHK, Handwerkskammer)*" in captions
    assert "*Auch zu weiteren Vielfaltsdimensionen: Alter*" in captions
