"""Anonymity and the minimum group size: both sides of every threshold, named and anonymous."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.scoring import stage_ids
from assessment.services import access, answering, group, reading, rounds
from assessment.services.errors import Forbidden, Invalid
from assessment.storage.tokens import normalise_join_code

DAY = dt.date(2026, 5, 4)
ORG = Organisation(name="Pflegedienst Yılmaz")


@pytest.fixture
def q():
    return load_catalogue()[("kmu", "1.0")]


def _session(engine, q, anonymous: bool, submitted: int, joined: int = 4):
    """A session where `joined` answered the first item differently and `submitted` submitted."""
    started = rounds.start_session(engine, q, ORG, "Workshop", DAY, anonymous=anonymous)
    code = access.resolve(engine, started.join_token)
    item = q.dimensions[0].items[0].id
    for n in range(joined):
        me = access.resolve(
            engine, rounds.join(engine, code, name=f"Person {n}", role="Lager").token
        )
        answering.save_answer(engine, me, item, [0, 4, 2, None][n % 4])
        answering.save_comment(engine, me, item, f"Anmerkung {n}")
        if n < submitted:
            rounds.submit(engine, me)
    return started, access.resolve(engine, started.admin_token), item


@pytest.mark.parametrize("anonymous", [True, False])
def test_two_submitted_show_nothing_of_the_group(engine, q, anonymous):
    _, admin, _ = _session(engine, q, anonymous, submitted=2)
    found = group.result(engine, admin)
    assert found == group.Withheld(submitted=2, joined=4, min_group=3)
    assert found.needed == 1
    progress = group.progress(engine, admin)
    assert progress.result_ready is False and (progress.joined, progress.submitted) == (4, 2)
    first = q.dimensions[0].id
    assert progress.started_per_area[first] == 4 and progress.complete_per_area[first] == 0
    assert [label for label, _ in progress.unfinished] == ["P3", "P4"]


@pytest.mark.parametrize("anonymous", [True, False])
def test_three_submitted_show_the_group_of_those_who_submitted(engine, q, anonymous):
    _, admin, item = _session(engine, q, anonymous, submitted=3)
    found = group.result(engine, admin)
    assert isinstance(found, group.GroupResult) and found.submitted == 3
    row = found.scores.items.set_index("item").loc[item]
    assert (row["n"], row["min"], row["max"], bool(row["disagreement"])) == (3, 0, 4, True)
    spread = found.spread[found.spread["item"] == item].set_index("level")["count"]
    assert spread.to_dict() == {"0": 1, "1": 0, "2": 1, "3": 0, "4": 1, "na": 0}
    assert list(found.discussion_points()["item"]) == [item]
    assert sorted(c.text for c in found.comments) == ["Anmerkung 0", "Anmerkung 1", "Anmerkung 2"]
    by = {c.by for c in found.comments}
    assert by == ({""} if anonymous else {"P1", "P2", "P3"})


def test_anonymous_rounds_keep_no_name_and_export_nothing_individual(engine, q):
    started, admin, _ = _session(engine, q, anonymous=True, submitted=3)
    assert all((p.name, p.role) == ("", "") for p in rounds.progress(engine, admin))
    for read in (reading.export_round, reading.round_answers):
        with pytest.raises(Forbidden):
            read(engine, admin)
    owner = access.resolve(engine, started.owner_token)
    assert not owner.may("export") and not admin.may("pdf")
    with pytest.raises(Exception, match="no rounds"):
        reading.export_organisation(engine, owner)  # its only round is anonymous


def test_a_named_round_exports_and_keeps_names(engine, q):
    _, admin, _ = _session(engine, q, anonymous=False, submitted=3)
    assert {p.role for p in rounds.progress(engine, admin)} == {"Lager"}
    exported = reading.export_round(engine, admin).respondents
    assert [p.id for p in exported] == ["P1", "P2", "P3"]  # those who submitted, not P4's draft
    assert {p.role for p in exported} == {"Lager"}


def test_a_session_exports_nothing_below_the_minimum_group_size(engine, q):
    _, admin, _ = _session(engine, q, anonymous=False, submitted=2)
    with pytest.raises(Forbidden):
        reading.export_round(engine, admin)
    with pytest.raises(Forbidden):  # a session's answers are read as the group result only
        reading.round_answers(engine, admin)


def test_the_minimum_group_size_is_never_below_three_and_can_be_raised(engine, q):
    with pytest.raises(Invalid):
        rounds.start_session(engine, q, ORG, "Klein", DAY, min_group_size=2)
    started = rounds.start_session(engine, q, ORG, "Groß", DAY, min_group_size=5)
    admin = access.resolve(engine, started.admin_token)
    assert admin.round.min_group_size == 5 and admin.round.anonymous  # anonymous by default
    assert group.result(engine, admin) == group.Withheld(0, 0, 5)


def test_the_join_code_resolves_like_the_join_link_only(engine, q):
    started = rounds.start_session(engine, q, ORG, "Workshop", DAY)
    code = started.join_code
    assert code and len(code) == 9 and code[4] == "-"
    assert not set(code) & set("0O1lI")
    for typed in (code, code.lower(), code.replace("-", " "), f" {code.replace('-', '')} "):
        visitor = access.resolve(engine, typed)
        assert visitor.role == "join" and visitor.round_id == started.round_id
    assert access.resolve(engine, "ABCD-EFGH") is None
    assert normalise_join_code("ABCD-EFG0") is None


def test_a_self_check_has_no_group(engine, q):
    me = access.resolve(engine, rounds.start_self_check(engine, q, ORG, "R", DAY).respondent_token)
    with pytest.raises(Forbidden):
        group.result(engine, me)


def test_the_facilitator_link_shows_the_invitation_again(engine, q):
    from assessment.services import invitation

    started = rounds.start_session(engine, q, ORG, "Workshop", DAY)
    admin = access.resolve(engine, started.admin_token)
    again = invitation.invitation(engine, admin)
    assert (again.join_token, again.join_code) == (started.join_token, started.join_code)
    me = access.resolve(engine, rounds.join(engine, access.resolve(engine, again.join_code)).token)
    with pytest.raises(Forbidden):
        invitation.invitation(engine, me)
    assert invitation.is_submitted(engine, me) is False
    rounds.submit(engine, me)
    assert invitation.is_submitted(engine, me) is True


def test_a_consensus_replaces_the_mean_of_its_area_and_is_kept_beside_it(engine, q):
    _, admin, _ = _session(engine, q, anonymous=True, submitted=3)
    area = q.dimensions[0].id
    mean = group.result(engine, admin).scores.areas.set_index("area").loc[area, "score"]
    group.set_consensus(engine, admin, area, 80)
    found = group.result(engine, admin)
    row = found.scores.areas.set_index("area").loc[area]
    assert row["score"] == 80 and found.mean_scores[area] == pytest.approx(mean)
    expected_stage = stage_ids(pd.Series([80.0]), q).iloc[0]
    assert found.consensus == {area: 80.0} and row["stage"] == expected_stage
    group.set_consensus(engine, admin, area, None)
    assert group.result(engine, admin).consensus == {}
    for bad in ((area, 120), ("nope", 50)):
        with pytest.raises(Invalid):
            group.set_consensus(engine, admin, *bad)
    group.save_note(engine, admin, area, "Leitbild im Team besprechen")
    assert group.notes(engine, admin) == {area: "Leitbild im Team besprechen"}
    me = access.resolve(
        engine, rounds.join(engine, access.resolve(engine, _code(engine, admin))).token
    )
    with pytest.raises(Forbidden):
        group.set_consensus(engine, me, area, 50)


def _code(engine, admin) -> str:
    from assessment.services import invitation

    return invitation.invitation(engine, admin).join_code


def test_a_statement_rated_by_fewer_than_the_minimum_is_left_out(engine, q):
    """Three submitted; one statement rated by all three, one by only one (the others: N/A)."""
    started = rounds.start_session(engine, q, ORG, "Workshop", DAY, anonymous=True)
    code = access.resolve(engine, started.join_token)
    often, rarely = q.dimensions[0].items[0].id, q.dimensions[0].items[1].id
    for n in range(3):
        me = access.resolve(engine, rounds.join(engine, code).token)
        answering.save_answer(engine, me, often, n + 1)
        answering.save_answer(engine, me, rarely, 4 if n == 0 else None)
        rounds.submit(engine, me)
    found = group.result(engine, access.resolve(engine, started.admin_token))
    assert found.withheld_items == (rarely,)
    counted = found.spread.groupby("item")["count"].sum()
    assert counted[often] == 3 and counted[rarely] == 0
    assert set(found.scores.items.dropna(subset=["mean"])["item"]) == {often}


def test_a_group_that_rated_nothing_shows_no_figures(engine, q):
    started = rounds.start_session(engine, q, ORG, "Workshop", DAY, anonymous=True)
    code = access.resolve(engine, started.join_token)
    item = q.dimensions[0].items[0].id
    for _ in range(3):
        me = access.resolve(engine, rounds.join(engine, code).token)
        answering.save_answer(engine, me, item, None)
        rounds.submit(engine, me)
    found = group.result(engine, access.resolve(engine, started.admin_token))
    assert found.withheld_items == (item,)
    assert found.spread["count"].sum() == 0
