"""Anonymity and the minimum group size: both sides of every threshold, named and anonymous."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation, dump_responses
from assessment.scoring import stage_ids
from assessment.services import access, answering, group, reading, rounds, transfer
from assessment.services.errors import Forbidden, Invalid, NotFound
from assessment.storage.tokens import normalise_join_code
from tests.conftest import pdf_text

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
    assert progress.not_submitted == 2
    # an anonymous round names no one who still answers: the next submission would be theirs
    assert [label for label, _ in progress.unfinished] == ([] if anonymous else ["P3", "P4"])


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


def test_an_anonymous_round_exports_answer_sets_under_opaque_ids_only(engine, q):
    started, admin, item = _session(engine, q, anonymous=True, submitted=3)
    assert all((p.name, p.role) == ("", "") for p in rounds.progress(engine, admin))
    with pytest.raises(Forbidden):  # a session's answers are read as the group result only
        reading.round_answers(engine, admin)
    data = reading.export_round(engine, admin)
    assert (data.round.mode, data.round.anonymous, data.round.min_group) == ("session", True, 3)
    assert [p.id for p in data.respondents] == ["A1", "A2", "A3"]
    # ordered by content, not by who joined first (they answered 0, 4, 2)
    assert [p.answers[item] for p in data.respondents] == [0, 2, 4]
    assert all(p.role == "" and p.comments == {} for p in data.respondents)
    assert [(c.item, c.text) for c in data.comments] == [(item, f"Anmerkung {n}") for n in range(3)]
    text = dump_responses(data)
    assert not any(word in text for word in ("Person", "Lager", "P1", "Anmerkung 3"))
    owner = access.resolve(engine, started.owner_token)
    assert reading.export_organisation(engine, owner).rounds == [data]
    pdf = pdf_text(reading.report_pdf(engine, admin, "de"))
    assert "4 Personen sind der Sitzung beigetreten, 3 haben ihre Antworten abgegeben" in pdf
    assert "Nicht abgeschlossen und nicht mitgezählt: 1 von 4" in pdf
    assert "Anmerkung 0" in pdf and "Anonym zu" in pdf
    assert not any(word in pdf for word in ("Person 0", "Lager", "P1", "Anmerkung 3"))


@pytest.mark.parametrize("anonymous", [True, False])
def test_below_the_minimum_no_file_pdf_or_organisation_export(engine, q, anonymous):
    started, admin, _ = _session(engine, q, anonymous=anonymous, submitted=2)
    for read in (reading.export_round, lambda e, v: reading.report_pdf(e, v, "de")):
        with pytest.raises(Forbidden, match="fewer than 3"):
            read(engine, admin)
    with pytest.raises(NotFound, match="no rounds to export"):
        reading.export_organisation(engine, access.resolve(engine, started.owner_token))


def test_an_anonymous_file_keeps_its_settings_notes_and_consensus_through_import(engine, q):
    _, admin, _ = _session(engine, q, anonymous=True, submitted=3)
    area = q.dimensions[0].id
    group.set_consensus(engine, admin, area, 65)
    group.save_note(engine, admin, area, "Leitbild gemeinsam schreiben")
    data = reading.export_round(engine, admin)
    assert (data.consensus, data.notes) == ({area: 65.0}, {area: "Leitbild gemeinsam schreiben"})
    copy = transfer.import_file(engine, data, q, as_new=True)
    assert copy.token == copy.new.admin_token  # a session opens as its facilitator
    again = access.resolve(engine, copy.token)
    assert (again.round.mode, again.round.anonymous, again.round.min_group_size) == (
        "session",
        True,
        3,
    )
    found = group.result(engine, again)
    assert found.consensus == {area: 65.0} and {c.by for c in found.comments} == {""}
    assert group.notes(engine, again) == data.notes
    exported = reading.export_round(engine, again)
    assert exported.model_copy(update={"round": data.round}) == data
    with pytest.raises(transfer.AlreadyImported):
        transfer.import_file(engine, exported, q)


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
