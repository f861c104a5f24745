"""The self-check journey through the app, checked against the stored rows."""

from __future__ import annotations

import datetime as dt

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.storage import repository as repo
from assessment.ui.answer_widgets import answer_key, comment_key
from tests.app.conftest import open_app

NA = -1


def _start_new_check(name: str):
    at = open_app()
    next(b for b in at.button if b.label == "Neuen Check starten").click().run()
    at.text_input[0].input(name)
    at.text_input[1].input("Handwerksbetrieb")
    at.text_input[4].input("Selbstcheck Frühjahr")
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def test_profile_creates_round_and_answers_are_stored(engine):
    at = _start_new_check("Bäckerei Özdemir & Töchter")
    token = at.query_params["t"]
    access = repo.resolve_token(engine, token)
    assert access is not None and access.respondent_id is not None
    details = repo.round_details(engine, access.round_id)
    assert details.organisation.name == "Bäckerei Özdemir & Töchter"
    assert details.organisation.kind == "Handwerksbetrieb"
    assert details.label == "Selbstcheck Frühjahr"

    q = load_catalogue()[(details.questionnaire_id, details.questionnaire_version)]
    rid = access.respondent_id
    given: dict[str, int | None] = {}
    for step, area in enumerate(q.dimensions):
        assert at.caption[0].value.startswith(f"Bereich {step + 1} von 5") or any(
            c.value == f"Bereich {step + 1} von 5" for c in at.caption
        )
        for n, item in enumerate(area.items):
            value = NA if n == 0 else (n + step) % 5
            at.radio(key=answer_key(rid, item.id)).set_value(value).run()
            given[item.id] = None if value == NA else value
            assert not at.exception, at.exception
        at.text_input(key=comment_key(rid, area.items[1].id)).input(
            "Gute Idee – <b>später</b>"
        ).run()
        if step + 1 < len(q.dimensions):
            next(b for b in at.button if b.label.startswith("Nächster Bereich")).click().run()

    stored = repo.respondent_answers(engine, access.respondent_id)
    assert stored == given
    comments = repo.respondent_comments(engine, access.respondent_id)
    assert len(comments) == 5 and set(comments.values()) == {"Gute Idee – <b>später</b>"}

    # A new session with the link (a reload) shows every answer again.
    again = open_app(token, "questionnaire.py")
    first_area = q.dimensions[0]
    assert again.radio(key=answer_key(rid, first_area.items[0].id)).value == NA
    assert (
        again.radio(key=answer_key(rid, first_area.items[2].id)).value
        == given[first_area.items[2].id]
    )
    assert (
        again.text_input(key=comment_key(rid, first_area.items[1].id)).value
        == "Gute Idee – <b>später</b>"
    )

    # Results: scores shown; changing a target is stored.
    results = open_app(token, "results.py")
    assert not results.exception, results.exception
    assert results.metric[0].label == "Gesamtwert"
    key = f"target_{access.round_id}_hr"
    results.number_input(key=key).set_value(80.0).run()
    assert repo.get_targets(engine, access.round_id) == {"hr": 80.0}  # others keep defaults

    # Roadmap: the suggestion is shown but not stored until edited; reset keeps it unsaved.
    roadmap = open_app(token, "roadmap.py")
    assert not roadmap.exception, roadmap.exception
    assert repo.load_plan(engine, access.round_id) is None
    assert any(b.label == "Vorschlag neu berechnen" for b in roadmap.button)


def test_resume_with_pasted_link_keeps_the_language(engine):
    q = load_catalogue()[("kmu", "1.0")]
    token = repo.create_round(
        engine, q, Organisation(name="X"), "R", dt.date.today()
    ).respondent_token
    at = open_app(lang="en")
    link = f"http://example.org/questionnaire?t={token}&lang=en"
    at.text_input(key="resume_input").input(link)
    next(b for b in at.button if b.label == "Resume").click().run()
    assert not at.exception
    assert at.query_params["t"] == token and at.query_params["lang"] == "en"
    assert at.radio, "the questionnaire opens"
    assert any("Every answer is saved" in c.value for c in at.caption), "still in English"


def test_resume_with_wrong_link_says_so(db_url):
    at = open_app()
    at.text_input(key="resume_input").input("abc")
    next(b for b in at.button if b.label == "Fortsetzen").click().run()
    assert any("keinen Check" in e.value for e in at.error)


def test_demo_button_opens_results(db_url):
    at = open_app()
    next(b for b in at.button if b.label == "Demo öffnen").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Ergebnisse"
    assert at.metric[2].value == "3"


def test_user_text_is_never_rendered_as_markup(engine):
    at = _start_new_check("<img src=x onerror=alert(1)>")
    texts = [t.value for t in at.text]
    assert any("<img src=x onerror=alert(1)>" in t for t in texts)
    assert not any("<img" in m.value for m in at.markdown)


def test_only_the_organisation_link_deletes_the_organisation(engine, demo_token):
    from assessment.demo import DEMO_QUESTIONNAIRE, demo_response

    refused = open_app(demo_token, "profile.py")  # the facilitator's link: no deletion
    assert refused.checkbox(key="delete_confirm").disabled
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    new = repo.import_round(engine, demo_response(q), q)
    at = open_app(new.owner_token, "profile.py")
    at.checkbox(key="delete_confirm").check().run()
    next(b for b in at.button if b.label == "Endgültig löschen").click().run()
    assert not at.exception, at.exception
    assert repo.resolve_token(engine, new.admin_token) is None
    assert repo.resolve_token(engine, demo_token) is not None, "other organisations stay"
    assert "t" not in at.query_params


def test_switching_link_on_the_open_questionnaire_shows_the_other_answers(engine):
    q = load_catalogue()[("kmu", "1.0")]
    first_item = q.dimensions[0].items[0].id
    tokens, respondents = [], []
    for name, value in (("Erste GmbH", 4), ("Zweite GmbH", 1)):
        new = repo.create_round(engine, q, Organisation(name=name), "R1", dt.date(2026, 1, 5))
        repo.save_answer(engine, new.respondent_id, first_item, value)
        repo.save_comment(engine, new.respondent_id, first_item, f"Kommentar {name}")
        tokens.append(new.respondent_token)
        respondents.append(new.respondent_id)
    at = open_app(tokens[0], "questionnaire.py")
    assert at.radio(key=answer_key(respondents[0], first_item)).value == 4
    at.query_params["t"] = tokens[1]
    at.run()
    assert at.radio(key=answer_key(respondents[1], first_item)).value == 1
    second_comment = at.text_input(key=comment_key(respondents[1], first_item))
    assert second_comment.value == "Kommentar Zweite GmbH"


def test_roadmap_follows_a_plan_changed_elsewhere(engine, demo_token):
    at = open_app(demo_token, "roadmap.py")
    round_id = repo.resolve_token(engine, demo_token).round_id
    plan = repo.load_plan(engine, round_id)
    changed = [plan[0].model_copy(update={"owner": "Frau Kaya (anderer Tab)"}), *plan[1:]]
    repo.save_plan(engine, round_id, changed)  # e.g. saved from another browser tab
    at.run()
    assert not at.exception, at.exception
    assert any("an anderer Stelle geändert" in toast.value for toast in at.toast)
    assert at.data_editor[0].value["owner"].iloc[0] == "Frau Kaya (anderer Tab)"
    assert repo.load_plan(engine, round_id) == changed  # nothing overwritten


def test_the_organisation_link_shows_only_with_its_own_organisation(engine):
    at = _start_new_check("Friseursalon Petrović")
    assert any("/organisation?t=" in code.value for code in at.code), "the new organisation's link"
    q = load_catalogue()[("kmu", "1.0")]
    other = repo.create_round(engine, q, Organisation(name="Andere GmbH"), "R1", dt.date.today())
    at.query_params["t"] = other.respondent_token
    at.run()
    assert not at.exception, at.exception
    assert not any("/organisation?t=" in code.value for code in at.code), "not on another's pages"
