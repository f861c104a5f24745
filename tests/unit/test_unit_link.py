"""A unit's own link sees only that unit's rounds; the organisation link sees all of them."""

from __future__ import annotations

from assessment.services import access, history, next_round, units
from tests.unit.test_history import A_YEAR_LATER, answer_all, first_round


def test_a_unit_link_sees_only_its_unit(engine, mini):
    _, owner = first_round(engine, mini, value=2)
    north = units.add_unit(engine, owner, "Standort Nord")
    south = units.add_unit(engine, owner, "Standort Süd")
    north_link = access.resolve(engine, north.token)
    started = next_round.start_next_round(engine, north_link, mini, "Nord 2026", A_YEAR_LATER)
    answer_all(engine, started.respondent_token, mini, 3)
    next_round.start_next_round(
        engine, owner, mini, "Süd 2026", A_YEAR_LATER, unit_id=south.unit_id
    )

    seen = history.history(engine, access.resolve(engine, north.token))
    assert [r.round.label for r in seen.rows] == ["Nord 2026"]
    assert set(seen.scores.areas["round"]) == {seen.rows[0].round.key}
    assert [r.score for r in seen.rows] == [75.0]
    everything = history.history(engine, owner)
    assert [r.round.label for r in everything.rows] == ["Runde 2025", "Nord 2026", "Süd 2026"]
