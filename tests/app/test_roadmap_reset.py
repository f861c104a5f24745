"""The roadmap page's reset: the stored plan goes, the suggestion is shown and stays unsaved."""

from __future__ import annotations

from assessment.responses import PlanEntry
from assessment.storage import repository as repo
from tests.app.conftest import open_app

RESET = "Vorschlag neu berechnen"
CHANGED_ELSEWHERE = "an anderer Stelle geändert"
OWN_STEP = PlanEntry(title="Sprachcafé mit der VHS", area="networking", phase="0-3")


def _shown_plan(at) -> list[dict]:
    """The editor's rows (title, owner, status) as shown."""
    frame = at.data_editor[0].value
    return frame[["title", "owner", "status"]].fillna("").to_dict("records")


def _no_conflict_toast(at) -> bool:
    return not any(CHANGED_ELSEWHERE in toast.value for toast in at.toast)


def test_reset_replaces_the_edited_plan_with_the_suggestion(engine, demo_token):
    round_id = repo.resolve_token(engine, demo_token).round_id
    repo.clear_plan(engine, round_id)
    suggestion = _shown_plan(open_app(demo_token, "roadmap.py"))
    assert len(suggestion) > 1
    assert repo.load_plan(engine, round_id) is None, "showing the suggestion stores nothing"

    repo.save_plan(engine, round_id, [OWN_STEP])  # an edited plan of one own step
    at = open_app(demo_token, "roadmap.py")
    assert [row["title"] for row in _shown_plan(at)] == [OWN_STEP.title]

    next(b for b in at.button if b.label == RESET).click().run()
    assert not at.exception, at.exception
    assert repo.load_plan(engine, round_id) == [OWN_STEP], "nothing is discarded unasked"
    assert any("eigene Maßnahmen: 1" in w.value for w in at.warning)
    next(b for b in at.button if b.label == "Ja, neu berechnen").click().run()
    assert repo.load_plan(engine, round_id) is None, "the reset forgets the stored plan"
    assert _shown_plan(at) == suggestion
    assert _no_conflict_toast(at), "a reset is no change made elsewhere"

    at.run()  # the next rerun keeps the suggestion and saves nothing from the old editor
    assert repo.load_plan(engine, round_id) is None
    assert _shown_plan(at) == suggestion
    assert _no_conflict_toast(at)

    again = open_app(demo_token, "roadmap.py")  # a reload
    assert _shown_plan(again) == suggestion
