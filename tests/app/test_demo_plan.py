"""A freshly opened demo's roadmap: its stored plan is the suggestion, so no changes are offered."""

from __future__ import annotations

from assessment.demo import DEMO_QUESTIONNAIRE
from assessment.questionnaire import load_catalogue
from assessment.storage import repository as repo
from tests.app.conftest import open_app

CHANGES_TITLE = "Der aktuelle Vorschlag weicht von Ihrem Plan ab"
TAKE_ALL = "Alle Änderungen übernehmen"


def _changes_offered(at) -> bool:
    shown = any(CHANGES_TITLE in m.value for m in at.markdown)
    return shown or any(b.label == TAKE_ALL for b in at.button)


def test_the_opened_demo_shows_no_changes_on_its_roadmap(engine):
    at = open_app()
    next(b for b in at.button if b.label == "Demo öffnen").click().run()
    at.switch_page("assessment/ui/pages/roadmap.py").run()
    assert not at.exception, at.exception
    stored = repo.load_plan(engine, repo.resolve_token(engine, at.session_state["token"]).round_id)
    assert stored, "the demo comes with a stored plan"
    assert not _changes_offered(at)
    shown = at.data_editor[0].value
    assert shown["owner"].fillna("").tolist() == [e.owner for e in stored]
    assert "Frau Brandt (Geschäftsführung)" in shown["owner"].tolist()


def test_a_demo_plan_short_of_a_suggested_measure_is_offered_it(engine, demo_token):
    round_id = repo.resolve_token(engine, demo_token).round_id
    assert not _changes_offered(open_app(demo_token, "roadmap.py"))
    stored = repo.load_plan(engine, round_id)
    repo.save_plan(engine, round_id, stored[:-1])
    at = open_app(demo_token, "roadmap.py")
    assert not at.exception, at.exception
    assert _changes_offered(at)
    title = load_catalogue()[DEMO_QUESTIONNAIRE].measures_by_id[stored[-1].measure].title("de")
    assert any(t.value.startswith(f"{title} · ") for t in at.text), "offered to add it again"
