"""Use cases without Streamlit: start, join, submit, close/reopen, profile, plan, export, delete."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation, PlanEntry, ResponseFile
from assessment.services import access, answering, planning, reading, rounds
from assessment.services.errors import Forbidden, Invalid, NotFound, RoundClosed

DAY = dt.date(2026, 5, 4)
ORG = Organisation(name="Tischlerei Nowak", region="Dresden")


@pytest.fixture
def q():
    return load_catalogue()[("kmu", "1.0")]


def _visit(engine, token):
    return access.resolve(engine, token)


def test_a_self_check_has_one_respondent_who_sees_its_results(engine, q):
    started = rounds.start_self_check(engine, q, ORG, " Frühjahr ", DAY)
    me = _visit(engine, started.respondent_token)
    assert me.round.label == "Frühjahr" and started.join_token is None
    answering.save_answer(engine, me, q.dimensions[0].items[0].id, 3)
    assert reading.revision(engine, me) > 0 and len(reading.round_answers(engine, me)) == 1
    as_join_code = dataclasses.replace(me, role="join")  # a self-check has no join code at all
    with pytest.raises(Forbidden, match="exactly one respondent"):
        rounds.join(engine, as_join_code)
    with pytest.raises(Invalid):
        rounds.start_self_check(engine, q, ORG, " ", DAY)


def test_joining_a_session_hands_out_an_own_link_and_anonymous_keeps_no_name(engine, q):
    started = rounds.start_session(engine, q, ORG, "Team", DAY, anonymous=True)
    code = _visit(engine, started.join_token)
    first = rounds.join(engine, code, name="Ayşe", role="Lager")
    second = rounds.join(engine, code)
    assert (first.label, second.label) == ("P1", "P2") and first.token != second.token
    them = _visit(engine, first.token)
    assert them.role == "respondent" and not them.may("results")
    admin = _visit(engine, started.admin_token)
    assert [(p.label, p.name, p.role) for p in rounds.progress(engine, admin)] == [
        ("P1", "", ""),
        ("P2", "", ""),
    ]
    with pytest.raises(Forbidden):  # an anonymous round is never exported
        reading.export_round(engine, admin)
    with pytest.raises(Forbidden):
        rounds.join(engine, them)
    with pytest.raises(Forbidden):
        reading.export_round(engine, them)


def test_submit_close_and_reopen(engine, q):
    started = rounds.start_session(engine, q, ORG, "Team", DAY)
    code, admin = _visit(engine, started.join_token), _visit(engine, started.admin_token)
    me = _visit(engine, rounds.join(engine, code).token)
    rounds.submit(engine, me)
    assert rounds.progress(engine, admin)[0].submitted
    with pytest.raises(Forbidden):
        rounds.close(engine, me)
    rounds.close(engine, admin)
    for write in (
        lambda: answering.save_answer(engine, me, q.dimensions[0].items[0].id, 1),
        lambda: rounds.submit(engine, me, False),
        lambda: rounds.join(engine, code),
        lambda: planning.set_target(engine, admin, q.dimensions[0].id, 70),
        lambda: planning.save_plan(engine, admin, [], None),
        lambda: planning.reset_plan(engine, admin),
        lambda: rounds.update_profile(engine, admin, ORG, "Neu"),
    ):
        with pytest.raises(RoundClosed):
            write()
    rounds.reopen(engine, admin)
    answering.save_answer(engine, _visit(engine, me.token), q.dimensions[0].items[0].id, 1)


def test_a_plan_changed_elsewhere_is_not_overwritten_and_a_reset_forgets_it(engine, q):
    me = _visit(engine, rounds.start_self_check(engine, q, ORG, "R", DAY).respondent_token)
    area = q.dimensions[0].id
    first = [PlanEntry(title="Leitbild schreiben", area=area, phase="0-3")]
    planning.save_plan(engine, me, first, expected=None)
    assert planning.stored_plan(engine, me) == first
    other_tab = [PlanEntry(title="Anderer Tab", area=area, phase="3-6")]
    planning.save_plan(engine, me, other_tab, expected=first)
    with pytest.raises(planning.PlanChanged):
        planning.save_plan(engine, me, [], expected=first)  # this tab still believes `first`
    assert planning.stored_plan(engine, me) == other_tab
    with pytest.raises(Invalid):
        planning.save_plan(engine, me, [PlanEntry(title="x", area="nope", phase="0-3")], other_tab)
    planning.reset_plan(engine, me, confirmed=True)
    assert planning.stored_plan(engine, me) is None


def test_targets_are_checked_and_stored(engine, q):
    me = _visit(engine, rounds.start_self_check(engine, q, ORG, "R", DAY).respondent_token)
    area = q.dimensions[1].id
    planning.set_target(engine, me, area, 65)
    assert planning.targets(engine, me) == {area: 65.0}
    for bad_area, value in ((area, 101), ("nope", 50)):
        with pytest.raises(Invalid):
            planning.set_target(engine, me, bad_area, value)


def test_profile_update_and_deletion_by_the_organisation_link_only(engine, q):
    started = rounds.start_self_check(engine, q, ORG, "R", DAY)
    me, owner = _visit(engine, started.respondent_token), _visit(engine, started.owner_token)
    rounds.update_profile(engine, me, Organisation(name="Nowak & Söhne"), "R 2026")
    assert _visit(engine, me.token).round.organisation.name == "Nowak & Söhne"
    with pytest.raises(Forbidden):
        rounds.delete_organisation(engine, me)
    assert rounds.delete_organisation(engine, owner) is True
    assert _visit(engine, me.token) is None and _visit(engine, owner.token) is None


def test_an_organisation_link_exports_every_round_in_one_file(engine, q):
    from assessment.storage import repository as repo

    started = rounds.start_self_check(engine, q, ORG, "2026", DAY)
    repo.create_round(
        engine, q, ORG, "2027", dt.date(2027, 5, 4), organisation_id=started.organisation_id
    )
    owner = _visit(engine, started.owner_token)
    bundle = reading.export_organisation(engine, owner)
    assert [r.round.label for r in bundle.rounds] == ["2026", "2027"]
    assert all(isinstance(r, ResponseFile) for r in bundle.rounds)
    with pytest.raises(Forbidden):
        reading.export_organisation(engine, _visit(engine, started.respondent_token))
    with pytest.raises(NotFound):
        access.within(engine, owner, 999_999)
