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
from assessment.services import answering
from assessment.services.errors import Invalid, StorageFailed
from assessment.storage import engine as storage_engine
from assessment.storage import repository as repo
from assessment.storage import transactions


@pytest.fixture
def engine(tmp_path):
    engine = storage_engine.make_engine(f"sqlite:///{tmp_path / 'answers.db'}")
    yield engine
    engine.dispose()


@pytest.fixture
def respondent(engine) -> int:
    q = load_catalogue()[("kmu", "1.0")]
    new = repo.create_round(engine, q, Organisation(name="Gärtnerei Şahin"), "R1", dt.date.today())
    return new.respondent_id


def locked() -> OperationalError:
    return OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))


def test_an_answer_and_a_comment_are_stored(engine, respondent):
    answering.save_answer(engine, respondent, "strategy_mission_statement", 3)
    answering.save_comment(engine, respondent, "strategy_mission_statement", "Leitbild von 2024")
    answering.save_answer(engine, respondent, "hr_job_ads", None)
    answers, comments = answering.respondent_entries(engine, respondent)
    assert answers == {"strategy_mission_statement": 3, "hr_job_ads": None}
    assert comments == {"strategy_mission_statement": "Leitbild von 2024"}


def test_a_too_long_comment_is_refused_before_it_is_stored(engine, respondent):
    with pytest.raises(Invalid, match=str(COMMENT_MAX_LENGTH)):
        answering.save_comment(engine, respondent, "strategy_mission_statement", "x" * 20_000)
    assert answering.respondent_entries(engine, respondent) == ({}, {})


def test_a_negative_value_is_refused(engine, respondent):
    with pytest.raises(Invalid):
        answering.save_answer(engine, respondent, "strategy_mission_statement", -1)


def test_a_locked_database_is_a_storage_failure_logged_with_its_context(
    engine, respondent, tmp_path, caplog, monkeypatch
):
    monkeypatch.setattr(transactions, "RETRY_PAUSES_S", (0.01,))
    with sqlite3.connect(tmp_path / "answers.db", isolation_level=None) as lock:
        lock.execute("PRAGMA busy_timeout=0")
        lock.execute("BEGIN IMMEDIATE")
        with caplog.at_level(logging.ERROR), pytest.raises(StorageFailed):
            answering.save_answer(engine, respondent, "strategy_mission_statement", 2)
        lock.execute("ROLLBACK")
    assert (
        f"save answer failed (respondent={respondent} item=strategy_mission_statement)"
        in caplog.text
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
