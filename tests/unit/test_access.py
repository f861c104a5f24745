"""The access model: every kind of link resolves to its role and scope, and allows only that."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation
from assessment.services import access
from assessment.services.errors import Forbidden, NotFound
from assessment.storage import repository as repo
from assessment.storage import tables as t
from assessment.storage.tokens import hash_token

ROUND_ACTIONS = {"results", "roadmap", "targets", "plan", "pdf", "export", "profile"}


@pytest.fixture
def q():
    return load_catalogue()[("kmu", "1.0")]


def _self_check(engine, q, name="Bäckerei Öztürk"):
    return repo.create_round(engine, q, Organisation(name=name), "R1", dt.date(2026, 3, 1))


def _session(engine, q, anonymous=False):
    return repo.create_round(
        engine, q, Organisation(name="Amt"), "S1", dt.date(2026, 3, 2), "session", anonymous
    )


def test_unknown_and_empty_tokens_open_nothing(engine):
    assert access.resolve(engine, "") is None
    assert access.resolve(engine, None) is None
    assert access.resolve(engine, "no-such-token") is None


def test_a_self_check_hands_out_a_respondent_and_an_organisation_link(engine, q):
    new = _self_check(engine, q)
    me = access.resolve(engine, new.respondent_token)
    assert me.role == "respondent" and me.respondent_id == new.respondent_id
    assert me.round_id == new.round_id and me.is_self_check
    assert me.allowed == {"answer", "submit", "compare"} | ROUND_ACTIONS
    owner = access.resolve(engine, new.owner_token)
    assert owner.role == "owner" and owner.round_id == new.round_id and owner.respondent_id is None
    assert {"rounds", "next_round", "delete", "close", "progress"} <= owner.allowed
    assert not owner.may("answer") and not owner.may("join")


def test_only_digests_of_tokens_are_stored_and_tokens_carry_128_bits_or_more(engine, q):
    new = _self_check(engine, q)
    with engine.connect() as conn:
        stored = conn.scalar(select(t.organisation.c.owner_token_hash))
    assert stored == hash_token(new.owner_token) and new.owner_token not in stored
    for token in (new.owner_token, new.admin_token, new.respondent_token):
        assert len(token) * 6 >= 128  # URL-safe base64: six bits a character


def test_a_session_respondent_answers_but_sees_no_results(engine, q):
    new = _session(engine, q)
    joined = repo.add_respondent(engine, new.round_id)
    them = access.resolve(engine, joined.token)
    assert them.role == "respondent" and not them.is_self_check
    assert them.allowed == {"answer", "submit"}
    for action in ROUND_ACTIONS:
        assert not them.may(action)
    with pytest.raises(Forbidden):
        access.require(them, "results")


def test_a_join_code_allows_nothing_but_joining(engine, q):
    new = _session(engine, q)
    code = access.resolve(engine, new.join_token)
    assert code.role == "join" and code.allowed == {"join"} and code.respondent_id is None
    assert access.require(code, "join") is code
    for action in ("answer", "results", "roadmap", "export", "close", "delete"):
        assert not code.may(action)


def test_the_facilitator_runs_the_round_but_neither_answers_nor_deletes(engine, q):
    new = _session(engine, q)
    admin = access.resolve(engine, new.admin_token)
    assert admin.role == "facilitator"
    assert admin.allowed == ROUND_ACTIONS | {"progress", "close"}
    assert not admin.may("answer") and not admin.may("delete") and not admin.may("rounds")


def test_the_owner_link_opens_the_newest_round_and_every_other_of_its_organisation(engine, q):
    first = _self_check(engine, q)
    later = repo.create_round(
        engine, q, Organisation(name="Bäckerei Öztürk"), "R2", dt.date(2027, 3, 1),
        organisation_id=first.organisation_id,
    )  # fmt: skip
    assert later.owner_token is None, "a further round keeps the organisation's link"
    owner = access.resolve(engine, first.owner_token)
    assert owner.round_id == later.round_id
    assert access.within(engine, owner, first.round_id).round_id == first.round_id
    stranger = _self_check(engine, q, name="Andere GmbH")
    with pytest.raises(NotFound):
        access.within(engine, owner, stranger.round_id)
    with pytest.raises(Forbidden):
        access.within(engine, access.resolve(engine, first.admin_token), later.round_id)


def test_an_imported_round_gets_an_organisation_link(engine, q):
    from assessment.demo import demo_response

    new = repo.import_round(engine, demo_response(q), q)
    assert access.resolve(engine, new.owner_token).role == "owner"
