"""Answering through the service layer: stored, or a typed failure; retries; one writer queue."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from assessment.questionnaire import load_catalogue
from assessment.responses import COMMENT_MAX_LENGTH, Organisation
from assessment.services import access, answering
from assessment.services.errors import Forbidden, Invalid, RoundClosed, StorageFailed
from assessment.storage import repository as repo
from assessment.storage import transactions
from assessment.storage.engine import make_engine
from tests.conftest import sqlite_url


def _self_check(engine) -> access.Visitor:
    q = load_catalogue()[("kmu", "1.0")]
    new = repo.create_round(engine, q, Organisation(name="Gärtnerei Şahin"), "R1", dt.date.today())
    return access.resolve(engine, new.respondent_token)


@pytest.fixture
def respondent(engine) -> access.Visitor:
    return _self_check(engine)


@pytest.fixture
def sqlite_engine(tmp_path):
    """A SQLite file only: its write lock can be held from a second connection."""
    engine = make_engine(sqlite_url(tmp_path / "locked.db"))
    yield engine
    engine.dispose()


def locked() -> OperationalError:
    return OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))


def test_an_answer_and_a_comment_are_stored(engine, respondent):
    answering.save_answer(engine, respondent, "strategy_mission_statement", 3)
    answering.save_comment(engine, respondent, "strategy_mission_statement", "Leitbild von 2024")
    answering.save_answer(engine, respondent, "hr_job_ads", None)
    answers, comments = answering.respondent_entries(engine, respondent)
    assert answers == {"strategy_mission_statement": 3, "hr_job_ads": None}
    assert comments == {"strategy_mission_statement": "Leitbild von 2024"}


def test_dont_know_and_not_applicable_are_stored_apart_and_survive_export_and_import(
    engine, respondent
):
    """Every answer kept as given: a value, "don't know" (None), "not applicable" ("na"), and
    each changed into the others; the exported file (format 2) and its import keep them."""
    from assessment.responses import FORMAT, dump_responses
    from assessment.services import reading, transfer

    q = load_catalogue()[("kmu", "1.0")]
    item, other, third = (d.items[0].id for d in q.dimensions[:3])
    answering.save_answer(engine, respondent, item, "na")
    answering.save_answer(engine, respondent, other, None)
    answering.save_answer(engine, respondent, third, 2)
    answering.save_comment(engine, respondent, item, "Gibt es bei uns nicht")
    assert answering.respondent_entries(engine, respondent) == (
        {item: "na", other: None, third: 2}, {item: "Gibt es bei uns nicht"}
    )  # fmt: skip
    for first, then in (("na", None), (None, "na"), ("na", 4), (4, "na")):
        answering.save_answer(engine, respondent, other, first)
        answering.save_answer(engine, respondent, other, then)
        assert answering.respondent_entries(engine, respondent)[0][other] == then
    answering.clear_answer(engine, respondent, item)  # back to unanswered, the comment stays
    assert answering.respondent_entries(engine, respondent) == (
        {other: "na", third: 2}, {item: "Gibt es bei uns nicht"}
    )  # fmt: skip
    answering.save_answer(engine, respondent, item, "na")
    answering.save_answer(engine, respondent, third, None)
    exported = reading.export_round(engine, respondent)
    assert exported.format == FORMAT
    assert exported.respondents[0].answers == {item: "na", other: "na", third: None}
    again, q_again = transfer.read_file(dump_responses(exported), "r.json", load_catalogue())
    imported = transfer.import_file(engine, again, q_again, as_new=True)
    visitor = access.resolve(engine, imported.new.respondents[0].token)
    assert answering.respondent_entries(engine, visitor)[0] == {
        item: "na",
        other: "na",
        third: None,
    }
    frame = repo.round_answers(engine, visitor.round_id).set_index("item")
    assert frame.loc[[item, other], "na"].all() and not frame.loc[third, "na"]
    assert frame["value"].isna().all()


def test_a_not_applicable_answer_is_refused_with_another_text(engine, respondent):
    for value in ("NA", "n/a", True, 2.5):
        with pytest.raises(Invalid):
            answering.save_answer(engine, respondent, "strategy_mission_statement", value)
    assert answering.respondent_entries(engine, respondent) == ({}, {})


def test_a_too_long_comment_is_refused_before_it_is_stored(engine, respondent):
    with pytest.raises(Invalid, match=str(COMMENT_MAX_LENGTH)):
        answering.save_comment(engine, respondent, "strategy_mission_statement", "x" * 20_000)
    assert answering.respondent_entries(engine, respondent) == ({}, {})


def test_a_value_off_the_scale_or_an_unknown_item_is_refused(engine, respondent):
    for value in (-1, 5):
        with pytest.raises(Invalid):
            answering.save_answer(engine, respondent, "strategy_mission_statement", value)
    with pytest.raises(Invalid, match="unknown item"):
        answering.save_answer(engine, respondent, "no_such_item", 2)
    with pytest.raises(Invalid, match="unknown item"):
        answering.save_comment(engine, respondent, "no_such_item", "x")
    assert answering.respondent_entries(engine, respondent) == ({}, {})


def test_only_a_respondent_link_answers_and_only_its_own_questionnaire(engine, respondent):
    q = load_catalogue()[("kmu", "1.0")]
    session = repo.create_round(
        engine, q, Organisation(name="Amt"), "S", dt.date.today(), "session"
    )
    other = access.resolve(engine, repo.add_respondent(engine, session.round_id).token)
    answering.save_answer(engine, other, "strategy_mission_statement", 4)
    assert answering.respondent_entries(engine, respondent) == ({}, {}), "the other one's only"
    for token in (session.admin_token, session.join_token):
        with pytest.raises(Forbidden):
            answering.save_answer(engine, access.resolve(engine, token), "hr_job_ads", 1)
    with pytest.raises(Forbidden):
        answering.save_answer(engine, None, "hr_job_ads", 1)


def test_a_closed_round_takes_no_answer_even_from_a_link_opened_before(engine, respondent):
    answering.save_answer(engine, respondent, "strategy_mission_statement", 1)
    repo.set_round_status(engine, respondent.round_id, "closed")
    # `respondent` was resolved while the round was open: storage refuses the write itself.
    for write in (
        lambda: answering.save_answer(engine, respondent, "strategy_mission_statement", 3),
        lambda: answering.clear_answer(engine, respondent, "strategy_mission_statement"),
        lambda: answering.save_comment(engine, respondent, "strategy_mission_statement", "spät"),
    ):
        with pytest.raises(RoundClosed):
            write()
    fresh = access.resolve(engine, respondent.token)
    assert fresh.is_closed
    with pytest.raises(RoundClosed):
        answering.save_answer(engine, fresh, "hr_job_ads", 2)
    assert answering.respondent_entries(engine, fresh) == ({"strategy_mission_statement": 1}, {})


def test_a_locked_database_is_a_storage_failure_logged_with_its_context(
    sqlite_engine, caplog, monkeypatch
):
    engine, respondent = sqlite_engine, _self_check(sqlite_engine)
    monkeypatch.setattr(transactions, "RETRY_PAUSES_S", (0.01,))
    with sqlite3.connect(engine.url.database, isolation_level=None) as lock:
        lock.execute("PRAGMA busy_timeout=0")
        lock.execute("BEGIN IMMEDIATE")
        with caplog.at_level(logging.ERROR), pytest.raises(StorageFailed):
            answering.save_answer(engine, respondent, "strategy_mission_statement", 2)
        lock.execute("ROLLBACK")
    assert (
        f"save answer failed (respondent={respondent.respondent_id} "
        "item=strategy_mission_statement)" in caplog.text
    )
    assert answering.respondent_entries(engine, respondent) == ({}, {})
    answering.save_answer(
        engine, respondent, "strategy_mission_statement", 2
    )  # the retry goes through
    assert answering.respondent_entries(engine, respondent)[0] == {"strategy_mission_statement": 2}


def test_a_passing_failure_is_retried_a_bounded_number_of_times(monkeypatch):
    monkeypatch.setattr(transactions, "RETRY_PAUSES_S", (0.0, 0.0))
    calls = []

    def flaky(fail_times: int) -> str:
        calls.append(1)
        if len(calls) <= fail_times:
            raise locked()
        return "stored"

    assert transactions.retrying(flaky, 2) == "stored"
    assert len(calls) == 3
    calls.clear()
    with pytest.raises(OperationalError):
        transactions.retrying(flaky, 5)
    assert len(calls) == 3


def test_a_lasting_failure_is_not_retried():
    calls = []

    def broken() -> None:
        calls.append(1)
        raise IntegrityError("INSERT", {}, sqlite3.IntegrityError("CHECK constraint failed"))

    with pytest.raises(IntegrityError):
        transactions.retrying(broken)
    assert calls == [1]


def test_writers_of_one_process_queue_instead_of_failing(engine, respondent):
    """Eight threads writing at once, each its own items: every answer arrives, none fails."""
    items = list(load_catalogue()[("kmu", "1.0")].items_by_id)
    errors: list[BaseException] = []

    def writer(offset: int) -> None:
        try:
            for n in range(25):
                answering.save_answer(engine, respondent, items[(offset * 5 + n) % 40], n % 5)
        except BaseException as error:  # collected, so the test can report it
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(answering.respondent_entries(engine, respondent)[0]) == 40
