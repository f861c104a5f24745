"""History, next round and comparison as use cases (no Streamlit), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment.questionnaire import load_questionnaire
from assessment.responses import Organisation, PlanEntry
from assessment.services import (
    access,
    answering,
    comparison,
    history,
    history_tables,
    next_round,
    planning,
    rounds,
    units,
)
from assessment.services.errors import Forbidden
from tests.conftest import MINI

DAY = dt.date(2025, 3, 1)
A_YEAR_LATER = dt.date(2026, 3, 2)
ORG = Organisation(name="Jobcenter Musterstadt", kind="Behörde", sector="Verwaltung")


@pytest.fixture
def mini_v2(tmp_path):
    """The mini questionnaire as version 2.0: statement s1 is replaced by s9."""
    text = MINI.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2.0"')
    text = text.replace("{id: s1,", "{id: s9,").replace("items: [s1, s2]", "items: [s9, s2]")
    path = tmp_path / "mini2.yaml"
    path.write_text(text, encoding="utf-8")
    return load_questionnaire(path)


def answer_all(engine, token, q, value):
    """Answer every statement of `q` with `value` through the respondent's link."""
    me = access.resolve(engine, token)
    for item in q.items_by_id:
        answering.save_answer(engine, me, item, value)


def first_round(engine, q, value=1):
    started = rounds.start_self_check(engine, q, ORG, "Runde 2025", DAY)
    answer_all(engine, started.respondent_token, q, value)
    return started, access.resolve(engine, started.owner_token)


def test_the_history_lists_every_round_with_its_score_from_one_read(engine, mini):
    started, owner = first_round(engine, mini, value=2)
    second = next_round.start_next_round(engine, owner, mini, "Runde 2026", A_YEAR_LATER)
    answer_all(engine, second.respondent_token, mini, 3)
    found = history.history(engine, access.resolve(engine, started.owner_token))
    assert [r.round.label for r in found.rows] == ["Runde 2025", "Runde 2026"]
    assert [r.score for r in found.rows] == [50.0, 75.0]
    assert [r.stage for r in found.rows] == ["develop", "embedded"]
    assert [r.respondents for r in found.rows] == [1, 1]
    assert found.organisation == ORG
    # Unchanged: the same object from the cache; a write makes a new one.
    assert history.history(engine, owner) is found
    answering.save_answer(engine, access.resolve(engine, second.respondent_token), "s1", 4)
    assert history.history(engine, owner) is not found


def test_next_round_carries_targets_and_plan_with_status_owner_and_due(engine, mini):
    started, owner = first_round(engine, mini)
    facilitator = access.resolve(engine, started.admin_token)
    planning.set_target(engine, facilitator, "strategy", 80)
    plan = [
        PlanEntry(measure="m_strategy", area="strategy", phase="0-3", status="done",
                  owner="Frau Yılmaz", due=dt.date(2025, 6, 30)),
        PlanEntry(title="Mehrsprachige Aushänge", area="services", phase="3-6",
                  status="in_progress", owner="Herr Öztürk"),
    ]  # fmt: skip
    planning.save_plan(engine, facilitator, plan, None)
    second = next_round.start_next_round(engine, owner, mini, "Runde 2026", A_YEAR_LATER)
    assert second.owner_token is None and second.respondent_token
    me = access.resolve(engine, second.respondent_token)
    assert me.organisation_id == owner.organisation_id and me.round.date == A_YEAR_LATER
    assert me.round.organisation == ORG
    assert planning.targets(engine, me) == {"strategy": 80.0}
    assert planning.stored_plan(engine, me) == plan  # done stays done, owners and dues kept


def test_next_round_as_a_session_and_a_measure_the_new_version_lacks(engine, mini, mini_v2):
    started, owner = first_round(engine, mini)
    facilitator = access.resolve(engine, started.admin_token)
    planning.save_plan(
        engine, facilitator, [PlanEntry(measure="m_strategy", area="strategy", phase="0-3")], None
    )
    v2 = mini_v2.model_copy(
        update={"measures": [m for m in mini_v2.measures if m.id != "m_strategy"]}
    )
    session = next_round.start_next_round(
        engine, owner, v2, "Workshop 2026", A_YEAR_LATER, mode="session", min_group_size=3
    )
    assert session.join_token and session.join_code and session.respondent_token is None
    host = access.resolve(engine, session.admin_token)
    assert host.round.mode == "session" and host.round.anonymous
    carried = planning.stored_plan(engine, host)
    assert carried == [PlanEntry(title="Maßnahme Strategie", area="strategy", phase="0-3")]


def test_a_session_below_its_minimum_group_size_has_no_score_in_the_history(engine, mini):
    _, owner = first_round(engine, mini)
    session = next_round.start_next_round(
        engine, owner, mini, "Workshop", A_YEAR_LATER, mode="session", min_group_size=3
    )
    code = access.resolve(engine, session.join_token)
    people = [rounds.join(engine, code) for _ in range(3)]
    for n, person in enumerate(people[:2]):
        answer_all(engine, person.token, mini, n)
        rounds.submit(engine, access.resolve(engine, person.token))
    row = history.history(engine, owner).rows[-1]
    assert row.withheld and row.score is None and row.respondents == 2
    answer_all(engine, people[2].token, mini, 4)
    rounds.submit(engine, access.resolve(engine, people[2].token))
    row = history.history(engine, owner).rows[-1]
    assert not row.withheld and row.score == pytest.approx((0 + 1 + 4) / 3 / 4 * 100)


def test_comparison_across_versions_compares_areas_and_only_shared_items(engine, mini, mini_v2):
    started, owner = first_round(engine, mini, value=1)
    planning.save_plan(
        engine,
        access.resolve(engine, started.admin_token),
        [PlanEntry(measure="m_strategy", area="strategy", phase="0-3", status="done")],
        None,
    )
    second = next_round.start_next_round(engine, owner, mini_v2, "Runde 2026", A_YEAR_LATER)
    answer_all(engine, second.respondent_token, mini_v2, 3)
    answering.save_answer(engine, access.resolve(engine, second.respondent_token), "h1", 0)
    me = access.resolve(engine, second.respondent_token)
    found = comparison.compare(engine, me, "de")
    assert found is not None and not found.same_version
    assert found.items_compared == len(mini.items_by_id) - 1  # s1 / s9 are not compared
    assert {c.item for c in found.improved} <= set(mini.items_by_id) - {"s1"}
    assert [c.item for c in found.declined] == ["h1"]
    strategy = next(a for a in found.areas if a.area == "strategy")
    assert strategy.delta == pytest.approx(50.0) and strategy.direction == "up"
    assert strategy.completed == ("Maßnahme Strategie",)
    hr = next(a for a in found.areas if a.area == "hr")
    assert hr.now == pytest.approx(37.5) and hr.direction == "up"
    assert found.overall_delta == pytest.approx(found.later.score - 25.0)
    assert found.rounds_in_trend == 2


def test_only_the_organisation_and_a_self_check_read_the_history(engine, mini):
    started, _ = first_round(engine, mini)
    session = rounds.start_session(engine, mini, ORG, "Team", DAY)
    for token in (session.admin_token, session.join_token):
        with pytest.raises(Forbidden):
            history.history(engine, access.resolve(engine, token))
    assert (
        comparison.compare(engine, access.resolve(engine, started.respondent_token), "de") is None
    )
    with pytest.raises(Forbidden):
        history.update_organisation(engine, access.resolve(engine, started.admin_token), ORG)
    with pytest.raises(Forbidden):
        next_round.start_next_round(
            engine, access.resolve(engine, started.respondent_token), mini, "x", DAY
        )


def test_the_organisation_link_changes_the_profile_of_every_round(engine, mini):
    started, owner = first_round(engine, mini)
    changed = ORG.model_copy(update={"region": "Leipzig", "size": "250+"})
    history.update_organisation(engine, owner, changed)
    assert access.resolve(engine, started.respondent_token).round.organisation == changed
    assert history.history(engine, owner).organisation == changed


def test_the_history_tables_are_built_once_per_revision_and_language(engine, mini):
    started, owner = first_round(engine, mini, value=2)
    found = history.history(engine, owner)
    tables = history_tables.history_tables(found, "de")
    assert tables.rounds["Runde"].tolist() == ["Runde 2025"]
    assert list(tables.choices.values()) == ["Runde 2025 · 01.03.2025"]
    assert list(tables.export) == ["Runden", "Handlungsfelder"]
    assert len(tables.export["Handlungsfelder"]) == len(mini.dimensions)
    # A plain rerun: the same tables; another language or a write: new ones.
    assert history_tables.history_tables(history.history(engine, owner), "de") is tables
    english = history_tables.history_tables(found, "en")
    assert english is not tables and english.rounds.columns[0] == "Round"
    answering.save_answer(engine, access.resolve(engine, started.respondent_token), "s1", 4)
    fresh = history_tables.history_tables(history.history(engine, owner), "de")
    assert fresh is not tables
    assert fresh.rounds["Gesamtwert"].tolist() != tables.rounds["Gesamtwert"].tolist()


def test_the_deletion_count_follows_every_write_and_every_new_unit(engine, mini):
    started, owner = first_round(engine, mini, value=2)
    before = rounds.deletion_preview(engine, owner)
    assert (before.units, before.rounds, before.answers) == (0, 1, len(mini.items_by_id))
    assert rounds.deletion_preview(engine, owner) == before
    units.add_unit(engine, owner, "Standort Nord")  # bumps no round's revision
    assert rounds.deletion_preview(engine, owner).units == 1
    me = access.resolve(engine, started.respondent_token)
    answering.clear_answer(engine, me, "s1")  # an answer taken back: one fewer
    assert rounds.deletion_preview(engine, owner).answers == len(mini.items_by_id) - 1
    next_round.start_next_round(engine, owner, mini, "Runde 2026", A_YEAR_LATER)
    after = rounds.deletion_preview(engine, owner)
    assert (after.units, after.rounds, after.respondents) == (1, 2, 2)
