"""Editing a stored profile: the fields show the stored values, and saving stores the edits."""

from __future__ import annotations

from assessment.storage import repository as repo
from tests.app.conftest import open_app

FIELDS = ("name", "kind", "sector", "size", "region", "label")


def _shown(at, round_id: int) -> dict[str, object]:
    """The profile form's values, by field."""
    prefix = f"profile_{round_id}"
    values = {field: at.session_state[f"{prefix}_{field}"] for field in FIELDS}
    assert values["size"] == at.selectbox(key=f"{prefix}_size").value
    for field in ("name", "kind", "sector", "region", "label"):
        assert values[field] == at.text_input(key=f"{prefix}_{field}").value
    return values


def _stored(engine, round_id: int) -> dict[str, object]:
    details = repo.round_details(engine, round_id)
    return {**details.organisation.model_dump(), "label": details.label}


def test_editing_an_existing_profile_shows_and_stores_the_values(engine, demo_token):
    round_id = repo.resolve_token(engine, demo_token).round_id
    before = _stored(engine, round_id)
    at = open_app(demo_token, "profile.py")
    assert not at.exception, at.exception
    assert _shown(at, round_id) == before

    prefix = f"profile_{round_id}"
    at.text_input(key=f"{prefix}_name").input("Brandt & Yıldız Elektro KG")
    at.text_input(key=f"{prefix}_region").input("Görlitz, Sachsen")
    at.selectbox(key=f"{prefix}_size").select("250 und mehr Beschäftigte")
    at.text_input(key=f"{prefix}_label").input("Zweite Runde 2027")
    next(b for b in at.button if b.label == "Profil speichern").click().run()
    assert not at.exception, at.exception
    assert any(s.value == "Profil gespeichert." for s in at.success)

    edited = {
        **before,
        "name": "Brandt & Yıldız Elektro KG",
        "region": "Görlitz, Sachsen",
        "size": "250 und mehr Beschäftigte",
        "label": "Zweite Runde 2027",
    }
    assert _stored(engine, round_id) == edited
    assert _shown(at, round_id) == edited, "the form keeps what was saved"

    again = open_app(demo_token, "profile.py")  # a reload: a new session with the link
    assert _shown(again, round_id) == edited


def test_a_profile_edit_without_a_name_is_refused_and_keeps_the_input(engine, demo_token):
    round_id = repo.resolve_token(engine, demo_token).round_id
    before = _stored(engine, round_id)
    at = open_app(demo_token, "profile.py")
    prefix = f"profile_{round_id}"
    at.text_input(key=f"{prefix}_name").input("  ")
    at.text_input(key=f"{prefix}_sector").input("Solartechnik")
    next(b for b in at.button if b.label == "Profil speichern").click().run()
    assert any("Namen der Organisation" in e.value for e in at.error)
    assert _stored(engine, round_id) == before
    assert at.text_input(key=f"{prefix}_sector").value == "Solartechnik"
