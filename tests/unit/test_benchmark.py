"""The anonymous benchmark: values only where at least five organisations contribute."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment.responses import Organisation
from assessment.services import access, benchmark, next_round, rounds, units
from assessment.services.errors import Forbidden
from tests.unit.test_history import answer_all

PASSWORD = "kompass-betrieb-2026"
SIZE = "50–249 Beschäftigte"


def _organisation(engine, q, value, sector="Öffentliche Verwaltung", size=SIZE, name="Amt"):
    """An organisation with one answered self-check; returns its organisation link's visitor."""
    profile = Organisation(name=name, sector=sector, size=size)
    started = rounds.start_self_check(engine, q, profile, "Check 2025", dt.date(2025, 3, 1))
    answer_all(engine, started.respondent_token, q, value)
    return access.resolve(engine, started.owner_token)


def _group(found, sector=None, size=None):
    return next(
        g
        for g in found.groups
        if g.questionnaire_id == "mini" and (g.sector, g.size) == (sector, size)
    )


def test_four_organisations_show_no_values_and_say_how_many_are_missing(engine, mini):
    for value in (0, 1, 2, 3):
        _organisation(engine, mini, value)
    found = benchmark.operator_benchmark(engine, PASSWORD, PASSWORD)
    for group in (
        _group(found),
        _group(found, sector="Öffentliche Verwaltung"),
        _group(found, size=SIZE),
    ):
        assert group.organisations == 4
        assert not group.shown
        assert group.means == {}
        assert group.missing == 1


def test_five_organisations_show_the_mean_per_area(engine, mini):
    for value in (0, 1, 2, 3, 4):
        _organisation(engine, mini, value)
    found = benchmark.operator_benchmark(engine, PASSWORD, PASSWORD)
    group = _group(found, sector="Öffentliche Verwaltung")
    assert group.organisations == 5 and group.shown and group.missing == 0
    assert group.means == {d.id: 50.0 for d in mini.dimensions}
    assert found.questionnaires["mini"].id == "mini"


def test_sector_and_size_are_matched_ignoring_case_and_spacing(engine, mini):
    for n in range(5):
        _organisation(
            engine, mini, 2, sector=" öffentliche  verwaltung" if n else "Öffentliche Verwaltung"
        )
    _organisation(engine, mini, 2, sector="Handwerk")
    found = benchmark.operator_benchmark(engine, PASSWORD, PASSWORD)
    assert _group(found).organisations == 6
    assert _group(found, sector="öffentliche verwaltung").organisations == 5
    assert _group(found, sector="Handwerk").organisations == 1


def test_an_organisation_counts_once_however_many_units_and_rounds_it_has(engine, mini):
    owner = _organisation(engine, mini, 0)
    for name, value in (("Nord", 4), ("Süd", 4)):
        unit = units.add_unit(engine, owner, name)
        started = next_round.start_next_round(
            engine, owner, mini, name, dt.date(2026, 3, 1), unit_id=unit.unit_id
        )
        answer_all(engine, started.respondent_token, mini, value)
    for value in (2, 2, 2, 2):
        _organisation(engine, mini, value)
    group = _group(benchmark.operator_benchmark(engine, PASSWORD, PASSWORD))
    assert group.organisations == 5
    # The first organisation: (0 + 100 + 100) / 3 per area; the four others 50.
    expected = (200 / 3 + 4 * 50) / 5
    assert all(mean == pytest.approx(expected) for mean in group.means.values())


def test_an_unanswered_round_and_a_session_below_its_minimum_contribute_nothing(engine, mini):
    for value in (1, 2, 3, 4):
        _organisation(engine, mini, value)
    profile = Organisation(name="Leer", sector="Öffentliche Verwaltung", size=SIZE)
    rounds.start_self_check(engine, mini, profile, "Check 2025", dt.date(2025, 3, 1))
    rounds.start_session(engine, mini, profile, "Workshop", dt.date(2025, 3, 1))
    assert _group(benchmark.operator_benchmark(engine, PASSWORD, PASSWORD)).organisations == 4


@pytest.mark.parametrize("given", ["", "kompass-betrieb-2025", PASSWORD + " "])
def test_a_wrong_password_opens_nothing(engine, mini, given):
    _organisation(engine, mini, 2)
    with pytest.raises(Forbidden):
        benchmark.operator_benchmark(engine, PASSWORD, given)


@pytest.mark.parametrize("configured", [None, ""])
def test_without_a_configured_password_nothing_opens(engine, configured):
    assert not benchmark.password_matches(configured, "")
    with pytest.raises(Forbidden):
        benchmark.operator_benchmark(engine, configured, "")


def test_the_password_is_compared_in_constant_time(monkeypatch):
    calls = []
    real = benchmark.hmac.compare_digest
    monkeypatch.setattr(
        benchmark.hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b)
    )
    assert benchmark.password_matches("Straße", "Straße")
    assert not benchmark.password_matches("Straße", "Strasse")
    assert len(calls) == 2


def test_an_organisation_sees_its_peers_only_from_five_others_on(engine, mini):
    me = _organisation(engine, mini, 4, name="Jobcenter")
    for value in (0, 1, 2, 3):
        _organisation(engine, mini, value)
    _organisation(engine, mini, 0, size="1–9 Beschäftigte")  # another size class: not a peer
    four = benchmark.peer_comparison(engine, me)
    assert four.peers.organisations == 4 and not four.peers.shown and four.peers.means == {}
    assert four.own == {d.id: 100.0 for d in mini.dimensions}
    _organisation(engine, mini, 4)
    five = benchmark.peer_comparison(engine, me)
    assert five.peers.organisations == 5 and five.peers.shown
    assert five.peers.means == {d.id: 50.0 for d in mini.dimensions}  # itself not counted


def test_peers_need_a_profile_with_sector_and_size_and_an_organisation_link(engine, mini):
    me = _organisation(engine, mini, 2, size="")
    assert benchmark.peer_comparison(engine, me) is None
    unit = units.add_unit(engine, me, "Nord")
    with pytest.raises(Forbidden):
        benchmark.peer_comparison(engine, access.resolve(engine, unit.token))


def test_a_group_is_hidden_where_the_total_would_give_away_a_smaller_one(engine, mini):
    for _ in range(5):
        _organisation(engine, mini, 2, sector="Handwerk")
    for value in (0, 4, 4, 4):
        _organisation(engine, mini, value, sector="Pflege")
    found = benchmark.operator_benchmark(engine, PASSWORD, PASSWORD)
    assert _group(found).shown  # all nine
    pflege, handwerk = _group(found, sector="Pflege"), _group(found, sector="Handwerk")
    assert not pflege.shown and not pflege.covering and pflege.missing == 1
    # Shown, Handwerk would give Pflege's mean as 9 × total − 5 × Handwerk.
    assert handwerk.organisations == 5 and handwerk.covering and not handwerk.shown
    assert handwerk.means == {}
    assert _group(found, size=SIZE).shown  # the size classes split nothing off


def test_both_groups_show_when_each_has_five(engine, mini):
    for sector in ("Handwerk", "Pflege"):
        for _ in range(5):
            _organisation(engine, mini, 2, sector=sector)
    found = benchmark.operator_benchmark(engine, PASSWORD, PASSWORD)
    assert _group(found, sector="Handwerk").shown and _group(found, sector="Pflege").shown


def test_one_organisation_without_a_sector_hides_the_only_sector_group(engine, mini):
    for _ in range(5):
        _organisation(engine, mini, 2, sector="Handwerk")
    _organisation(engine, mini, 4, sector="")
    found = benchmark.operator_benchmark(engine, PASSWORD, PASSWORD)
    assert _group(found).organisations == 6 and _group(found).shown
    assert _group(found, sector="Handwerk").covering
