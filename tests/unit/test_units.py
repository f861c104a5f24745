"""Units: the organisation link adds, lists and compares them; a unit's link sees only its own."""

from __future__ import annotations

import pytest

from assessment.services import access, history, next_round, units
from assessment.services.errors import Forbidden, NotFound
from tests.unit.test_history import A_YEAR_LATER, answer_all, first_round


def two_units(engine, q):
    """An organisation with units Nord (all answered 3) and Süd (all answered 1)."""
    _, owner = first_round(engine, q, value=2)
    north = units.add_unit(engine, owner, "Standort Nord")
    south = units.add_unit(engine, owner, "Standort Süd")
    for unit, value in ((north, 3), (south, 1)):
        started = next_round.start_next_round(
            engine, owner, q, f"{unit.name} 2026", A_YEAR_LATER, unit_id=unit.unit_id
        )
        answer_all(engine, started.respondent_token, q, value)
    return owner, north, south


def test_the_overview_puts_every_units_newest_round_beside_the_mean(engine, mini):
    owner, north, south = two_units(engine, mini)
    seen = units.overview(engine, owner)
    assert [u.unit.name for u in seen.units] == ["Standort Nord", "Standort Süd"]
    assert [u.latest.round.label for u in seen.units] == ["Standort Nord 2026", "Standort Süd 2026"]
    assert seen.areas == tuple(d.id for d in mini.dimensions)
    area = mini.dimensions[0].id
    assert seen.score(north.unit_id, area) == 75.0
    assert seen.score(south.unit_id, area) == 25.0
    assert seen.mean[area] == 50.0
    assert seen.delta(north.unit_id, area) == 25.0
    assert seen.delta(south.unit_id, area) == -25.0
    # The organisation's own round (not a unit's) is not among the units.
    assert all(u.latest.round.unit_id is not None for u in seen.scored())
    assert units.overview(engine, owner) is seen  # nothing changed: from the cache


def test_a_unit_without_a_scored_round_is_listed_without_scores(engine, mini):
    owner, _north, _ = two_units(engine, mini)
    west = units.add_unit(engine, owner, "Standort West")
    next_round.start_next_round(
        engine, owner, mini, "West 2026", A_YEAR_LATER, unit_id=west.unit_id
    )
    seen = units.overview(engine, owner)
    listed = {u.unit.name: u for u in seen.units}
    assert listed["Standort West"].rounds == 1
    assert listed["Standort West"].latest is None
    assert seen.score(west.unit_id, mini.dimensions[0].id) is None
    assert seen.mean[mini.dimensions[0].id] == 50.0  # only scored units make the mean
    assert [u.unit.name for u in seen.scored()] == ["Standort Nord", "Standort Süd"]


def test_the_newest_scored_round_of_a_unit_counts(engine, mini):
    owner, north, _ = two_units(engine, mini)
    link = access.resolve(engine, north.token)
    later = next_round.start_next_round(engine, link, mini, "Nord 2027", A_YEAR_LATER.replace(2027))
    seen = units.overview(engine, owner)
    nord = seen.units[0]
    assert nord.newest.round.label == "Nord 2027"  # started, not answered yet
    assert nord.latest.round.label == "Standort Nord 2026"
    answer_all(engine, later.respondent_token, mini, 4)
    assert units.overview(engine, owner).units[0].latest.round.label == "Nord 2027"


def test_a_unit_link_sees_its_own_rounds_and_starts_rounds_only_for_its_unit(engine, mini):
    _owner, north, south = two_units(engine, mini)
    link = access.resolve(engine, north.token)
    assert link.role == "unit_owner"
    seen = history.history(engine, link)
    assert [r.round.label for r in seen.rows] == ["Standort Nord 2026"]
    # Asking for another unit still starts the round in its own unit.
    started = next_round.start_next_round(
        engine, link, mini, "Nord 2027", A_YEAR_LATER, unit_id=south.unit_id
    )
    assert access.resolve(engine, started.admin_token).round.unit_id == north.unit_id
    assert [r.round.label for r in history.history(engine, link).rows] == [
        "Standort Nord 2026",
        "Nord 2027",
    ]


def test_a_unit_link_opens_no_round_of_another_unit_or_of_the_organisation(engine, mini):
    owner, north, _south = two_units(engine, mini)
    link = access.resolve(engine, north.token)
    everything = history.history(engine, owner)
    for row in everything.rows:
        if row.round.unit_id == north.unit_id:
            assert access.within(engine, link, row.round_id).round_id == row.round_id
        else:
            with pytest.raises(NotFound):
                access.within(engine, link, row.round_id)
    # The organisation link opens every round, of every unit.
    for row in everything.rows:
        assert access.within(engine, owner, row.round_id).round_id == row.round_id


@pytest.mark.parametrize(
    "use_case",
    [
        lambda e, v: units.add_unit(e, v, "Standort Ost"),
        lambda e, v: units.list_units(e, v),
        lambda e, v: units.overview(e, v),
        lambda e, v: units.renew_link(e, v, 1),
    ],
    ids=["add", "list", "overview", "renew"],
)
def test_a_unit_link_neither_adds_nor_lists_nor_compares_units(engine, mini, use_case):
    _, north, _ = two_units(engine, mini)
    with pytest.raises(Forbidden):
        use_case(engine, access.resolve(engine, north.token))


def test_a_unit_link_does_not_change_the_organisations_profile(engine, mini):
    owner, north, _ = two_units(engine, mini)
    with pytest.raises(Forbidden):
        history.update_organisation(
            engine, access.resolve(engine, north.token), history.history(engine, owner).organisation
        )


def test_the_organisation_link_lists_units_and_renews_a_units_link(engine, mini):
    owner, north, south = two_units(engine, mini)
    assert [u.name for u in units.list_units(engine, owner)] == ["Standort Nord", "Standort Süd"]
    renewed = units.renew_link(engine, owner, north.unit_id)
    assert renewed.name == "Standort Nord"
    assert access.resolve(engine, north.token) is None  # the old link stops working
    assert access.resolve(engine, renewed.token).unit_id == north.unit_id
    assert access.resolve(engine, south.token).unit_id == south.unit_id


def test_a_unit_of_another_organisation_is_not_found(engine, mini):
    _owner, north, _ = two_units(engine, mini)
    _, other = first_round(engine, mini)
    with pytest.raises(NotFound):
        units.renew_link(engine, other, north.unit_id)
    with pytest.raises(NotFound):
        next_round.start_next_round(engine, other, mini, "X", A_YEAR_LATER, unit_id=north.unit_id)
    assert units.overview(engine, other).units == ()
