"""Comparing chosen rounds, the previous round and trend for a round's PDF, and what deleting
an organisation deletes (use cases, no Streamlit; SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment.charts.trend import trend_args, trend_spec
from assessment.responses import PlanEntry
from assessment.services import (
    access,
    answering,
    comparison,
    history,
    next_round,
    planning,
    reading,
    rounds,
    units,
)
from assessment.services.errors import Forbidden, Invalid, NotFound
from tests.conftest import pdf_text
from tests.unit.test_history import ORG, answer_all, first_round


def three_rounds(engine, q):
    """Rounds 2025, 2026, 2027 answered 1, 2, 3 everywhere; the owner link's visitor."""
    started, owner = first_round(engine, q, value=1)
    tokens = [started.respondent_token]
    for year, value in ((2026, 2), (2027, 3)):
        new = next_round.start_next_round(engine, owner, q, f"Runde {year}", dt.date(year, 3, 2))
        answer_all(engine, new.respondent_token, q, value)
        tokens.append(new.respondent_token)
    return access.resolve(engine, started.owner_token), tokens  # opens the newest round


def test_any_two_rounds_compare_and_the_default_is_the_one_before(engine, mini):
    owner, tokens = three_rounds(engine, mini)
    newest = comparison.compare(engine, owner, "de")
    assert (newest.later.round.label, newest.earlier.round.label) == ("Runde 2027", "Runde 2026")
    assert all(a.delta == pytest.approx(25.0) and a.direction == "up" for a in newest.areas)
    labels = newest.trend.drop_duplicates("round")["label"].tolist()
    assert newest.rounds_in_trend == 3 and labels == ["Runde 2025", "Runde 2026", "Runde 2027"]
    first, last = newest.earlier.round_id - 1, newest.later.round_id
    chosen = comparison.compare(engine, owner, "de", later_id=last, earlier_id=first)
    assert chosen.earlier.round.label == "Runde 2025"
    assert all(a.delta == pytest.approx(50.0) for a in chosen.areas)
    middle = comparison.compare(engine, access.resolve(engine, tokens[1]), "de")
    assert (middle.later.round.label, middle.earlier.round.label) == ("Runde 2026", "Runde 2025")
    with pytest.raises(Invalid):
        comparison.compare(engine, owner, "de", later_id=last, earlier_id=last)
    with pytest.raises(NotFound):
        comparison.compare(engine, owner, "de", later_id=last, earlier_id=last + 99)


def test_item_top_lists_name_what_improved_and_fell_back(engine, mini):
    _started, owner = first_round(engine, mini, value=2)
    second = next_round.start_next_round(engine, owner, mini, "Runde 2026", dt.date(2026, 3, 2))
    answer_all(engine, second.respondent_token, mini, 2)
    me = access.resolve(engine, second.respondent_token)
    answering.save_answer(engine, me, "s1", 4)
    answering.save_answer(engine, me, "h2", 3)
    answering.save_answer(engine, me, "t1", 0)
    found = comparison.compare(engine, me, "de")
    assert [(c.item, c.delta) for c in found.improved] == [("s1", 50.0), ("h2", 25.0)]
    assert [(c.item, c.delta) for c in found.declined] == [("t1", -50.0)]
    assert found.same_version and found.items_compared == len(mini.items_by_id)


def test_a_units_rounds_compare_within_the_unit(engine, mini):
    _, owner = first_round(engine, mini, value=1)
    north = units.add_unit(engine, owner, "Standort Nord")
    unit_round = next_round.start_next_round(
        engine, owner, mini, "Nord 2026", dt.date(2026, 3, 2), unit_id=north.unit_id
    )
    answer_all(engine, unit_round.respondent_token, mini, 4)
    me = access.resolve(engine, unit_round.respondent_token)
    assert comparison.compare(engine, me, "de") is None  # the unit's first round
    assert comparison.earlier_round(engine, me) is None
    found = history.history(engine, owner)
    own, north_round = found.rows[0].round_id, found.rows[1].round_id
    assert [r.round_id for r in comparison.comparable_rounds(found, own)] == [own]
    assert [r.round_id for r in comparison.comparable_rounds(found, north_round)] == [north_round]


def test_the_pdf_of_a_stored_round_has_the_previous_round_and_from_three_a_trend_page(engine, mini):
    _owner, tokens = three_rounds(engine, mini)
    second = access.resolve(engine, tokens[1])
    previous, trend = comparison.report_series(engine, second)
    assert previous.label == "Runde 2025" and [s.label for s in trend] == [
        "Runde 2025",
        "Runde 2026",
    ]
    text = pdf_text(reading.report_pdf(engine, second, "de"))
    assert "Vorrunde „Runde 2025“" in text and "Veränderung" in text
    assert "Entwicklung über die Runden" not in text  # two rounds: no trend page yet
    third = access.resolve(engine, tokens[2])
    previous, trend = comparison.report_series(engine, third)
    assert previous.label == "Runde 2026" and len(trend) == 3
    assert trend[-1].areas == {d.id: pytest.approx(75.0) for d in mini.dimensions}
    text = pdf_text(reading.report_pdf(engine, third, "de"))
    assert "Entwicklung über die Runden" in text
    assert "in den 3 Runden von Runde 2025 (01.03.2025) bis Runde 2027 (02.03.2027)" in text
    first = access.resolve(engine, tokens[0])
    assert comparison.report_series(engine, first)[0] is None
    assert "Vorrunde" not in pdf_text(reading.report_pdf(engine, first, "de"))


def test_a_facilitator_pdf_stays_with_its_own_round(engine, mini):
    owner, _ = three_rounds(engine, mini)
    session = next_round.start_next_round(
        engine, owner, mini, "Workshop 2028", dt.date(2028, 3, 2), mode="session"
    )
    host = access.resolve(engine, session.admin_token)
    assert not host.may("compare")
    assert comparison.report_series(engine, host) == (None, ())


def test_trend_chart_has_a_line_per_area_on_the_stage_bands(engine, mini):
    owner, _ = three_rounds(engine, mini)
    found = comparison.compare(engine, owner, "de")
    args = trend_args(mini, found.trend, "de")
    assert [a["title"] for a in args] == [d.title("de") for d in mini.dimensions]
    spec = trend_spec(**args[0])
    bands, _labels, line = spec["layer"]
    assert [b["stage"] for b in bands["data"]["values"]] == [s.name("de") for s in mini.stages]
    assert [p["score"] for p in line["data"]["values"]] == [25.0, 50.0, 75.0]
    assert [p["date"] for p in line["data"]["values"]] == [
        "2025-03-01",
        "2026-03-02",
        "2027-03-02",
    ]


def test_deleting_names_what_goes_and_only_the_organisation_link_may(engine, mini):
    started, owner = first_round(engine, mini, value=1)
    planning.save_plan(
        engine,
        access.resolve(engine, started.admin_token),
        [PlanEntry(measure="m_strategy", area="strategy", phase="0-3", status="done")],
        None,
    )
    units.add_unit(engine, owner, "Standort Süd")
    next_round.start_next_round(engine, owner, mini, "Runde 2026", dt.date(2026, 3, 2))
    with pytest.raises(Forbidden):
        rounds.deletion_preview(engine, access.resolve(engine, started.respondent_token))
    found = rounds.deletion_preview(engine, owner)
    assert found.name == ORG.name
    assert (found.units, found.rounds, found.respondents) == (1, 2, 2)
    assert found.answers == len(mini.items_by_id) and found.plans == 2  # the carried plan too
    assert rounds.delete_organisation(engine, owner)
    for token in (started.owner_token, started.respondent_token, started.admin_token):
        assert access.resolve(engine, token) is None


def test_a_comparison_is_built_once_per_revision_and_anew_after_a_write(engine, mini):
    owner, tokens = three_rounds(engine, mini)
    first = comparison.compare(engine, owner, "de")
    assert comparison.compare(engine, owner, "de") is first  # a plain rerun reuses it
    assert comparison.compare(engine, owner, "en") is not first
    item = mini.dimensions[0].items[0].id
    answering.save_answer(engine, access.resolve(engine, tokens[-1]), item, 0)
    after = comparison.compare(engine, owner, "de")
    assert after is not first
    assert after.areas[0].now < first.areas[0].now  # the new answer is in the new comparison
