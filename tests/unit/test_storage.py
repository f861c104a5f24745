"""Storage: SQLite pragmas, tokens, answers, targets, plan, revisions, import/export, GDPR.

Migrations are tested in test_migrations.py.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from assessment.questionnaire import Questionnaire, load_questionnaire
from assessment.responses import (
    Organisation,
    PlanEntry,
    QuestionnaireRef,
    Respondent,
    ResponseFile,
    RoundInfo,
    check_against,
)
from assessment.scoring import ANSWER_COLUMNS, score_rounds
from assessment.storage import engine as engine_module
from assessment.storage import plans, tables
from assessment.storage import repository as repo
from assessment.storage.engine import database_url, get_engine, make_engine
from assessment.storage.migrations import HEAD, current_revision, migrate
from tests.conftest import MINI

ORG = Organisation(name="Bäckerei Öztürk & Söhne", kind="kmu", sector="Handwerk", size="10-49")
DAY = dt.date(2025, 3, 14)


@pytest.fixture(scope="module")
def q() -> Questionnaire:
    return load_questionnaire(MINI)


def _sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'db' / 'test.db'}"


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(_sqlite_url(tmp_path))
    yield engine
    engine.dispose()


def _count(engine: Engine, table) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


def _sample_file(q: Questionnaire) -> ResponseFile:
    return ResponseFile(
        questionnaire=QuestionnaireRef(id=q.id, version=q.version),
        organisation=ORG,
        round=RoundInfo(label="Frühjahr 2025", date=DAY),
        respondents=[
            Respondent(
                id="leitung",
                role="Geschäftsführung",
                answers={"s1": 3, "s2": 4, "h1": None, "t1": 0},
                comments={"s1": "Leitbild seit 2023", "c1": "nur Kommentar"},
            ),
            Respondent(id="hr", answers={"s1": 1, "n2": 2}),
        ],
        targets={"strategy": 75.0, "hr": 50.5},
        plan=[
            PlanEntry(measure="m_strategy", area="strategy", phase="0-3", priority=2.5),
            PlanEntry(
                title="Eigene Maßnahme „Sprachcafé“",
                area="training",
                phase="6-12",
                owner="Ayşe",
                due=dt.date(2025, 12, 1),
                status="in_progress",
                note="mit VHS",
            ),
        ],
    )


# ---- engine -------------------------------------------------------------------------------


def test_sqlite_pragmas_on_every_new_connection(sqlite_engine: Engine) -> None:
    sqlite_engine.dispose()  # the next connection is a brand-new one
    with sqlite_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        busy = next(p for p in engine_module.SQLITE_PRAGMAS if "busy_timeout" in p)
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == int(busy.split("=")[1])


def test_database_url_prefers_explicit_then_environment(monkeypatch) -> None:
    monkeypatch.delenv(engine_module.ENV_VAR, raising=False)
    assert database_url().startswith("sqlite:///")
    assert database_url().endswith("/data/vielfaltskompass.db")
    monkeypatch.setenv(engine_module.ENV_VAR, "postgresql+psycopg://u@h/db")
    assert database_url() == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_get_engine_is_cached_per_url_and_creates_the_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'folder' / 'app.db'}"
    engine = get_engine(url)
    try:
        assert get_engine(url) is engine
        assert (tmp_path / "new" / "folder" / "app.db").exists()
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()
        engine_module.clear_engine_cache()


def test_in_memory_database_is_shared_by_all_connections(q: Questionnaire) -> None:
    engine = make_engine("sqlite://")
    new = repo.create_round(engine, q, ORG, "Test", DAY)
    repo.save_answer(engine, new.respondent_id, "s1", 2)
    assert repo.respondent_answers(engine, new.respondent_id) == {"s1": 2}
    engine.dispose()


def test_schema_and_upsert_compile_for_postgresql() -> None:
    dialect = postgresql.dialect()
    for table in tables.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert "AUTOINCREMENT" not in ddl
    stmt = postgresql.insert(tables.answer).values(respondent_id=1, item_id="s1")
    stmt = stmt.on_conflict_do_update(
        index_elements=["respondent_id", "item_id"], set_={"value": stmt.excluded.value}
    )
    assert "ON CONFLICT" in str(stmt.compile(dialect=dialect))


# ---- rounds, tokens ------------------------------------------------------------------------


def test_create_self_round_stores_profile_snapshot_and_one_respondent(
    engine: Engine, q: Questionnaire
) -> None:
    new = repo.create_round(engine, q, ORG, "Selbstcheck 2025", DAY)
    details = repo.round_details(engine, new.round_id)
    assert details.organisation == ORG
    assert (details.label, details.date, details.mode, details.status) == (
        "Selbstcheck 2025",
        DAY,
        "self",
        "open",
    )
    assert (details.questionnaire_id, details.questionnaire_version) == ("mini", "1.0")
    assert details.anonymous is False and details.plan_saved is False
    assert repo.round_questionnaire(engine, new.round_id) == q
    assert new.join_token is None
    [person] = repo.round_respondents(engine, new.round_id)
    assert (person.respondent_id, person.label, person.answered) == (new.respondent_id, "P1", 0)


def test_identical_questionnaire_snapshot_is_reused(engine: Engine, q: Questionnaire) -> None:
    first = repo.create_round(engine, q, ORG, "A", DAY)
    second = repo.create_round(engine, q, ORG, "B", DAY, organisation_id=first.organisation_id)
    assert _count(engine, tables.questionnaire_snapshot) == 1
    changed = q.model_copy(update={"audience": "other"})
    third = repo.create_round(engine, changed, ORG, "C", DAY)
    assert _count(engine, tables.questionnaire_snapshot) == 2
    assert repo.round_questionnaire(engine, third.round_id).audience == "other"
    assert repo.round_questionnaire(engine, second.round_id) == q


def test_tokens_resolve_to_respondent_admin_or_join(engine: Engine, q: Questionnaire) -> None:
    own = repo.create_round(engine, q, ORG, "Self", DAY)
    session = repo.create_round(engine, q, ORG, "Team", DAY, mode="session", anonymous=True)
    joined = repo.add_respondent(engine, session.round_id)
    assert repo.resolve_token(engine, own.respondent_token) == repo.Access(
        own.round_id, own.respondent_id, False
    )
    assert repo.resolve_token(engine, own.admin_token) == repo.Access(own.round_id, None, True)
    join = repo.resolve_token(engine, session.join_token)
    assert join == repo.Access(session.round_id, None, False) and join.is_join
    assert repo.resolve_token(engine, joined.token).respondent_id == joined.respondent_id
    assert repo.resolve_token(engine, "wrong-token") is None
    assert repo.resolve_token(engine, "") is None
    assert repo.resolve_token(engine, own.admin_token + "x") is None


def test_tokens_are_long_and_only_their_hashes_are_stored(engine: Engine, q: Questionnaire) -> None:
    new = repo.create_round(engine, q, ORG, "Team", DAY, mode="session")
    person = repo.add_respondent(engine, new.round_id, name="Jan", role="HR")
    tokens = [new.admin_token, new.join_token, person.token]
    assert all(len(token) >= 32 for token in tokens)  # 24 bytes = 192 bits, base64url
    assert len(set(tokens)) == 3
    stored: list[str] = []
    with engine.connect() as conn:
        for table in tables.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                stored.extend(str(value) for value in row)
    blob = "\n".join(stored)
    for token in tokens:
        assert token not in blob
        assert repo.hash_token(token) in blob


def test_add_respondent_numbers_labels_and_keeps_no_names_when_anonymous(
    engine: Engine, q: Questionnaire
) -> None:
    open_round = repo.create_round(engine, q, ORG, "Team", DAY, mode="session")
    anon_round = repo.create_round(engine, q, ORG, "Anon", DAY, mode="session", anonymous=True)
    a = repo.add_respondent(engine, open_round.round_id, name="Jan", role="HR")
    b = repo.add_respondent(engine, open_round.round_id)
    c = repo.add_respondent(engine, anon_round.round_id, name="Eva", role="Team")
    assert (a.label, b.label, c.label) == ("P1", "P2", "P1")
    people = repo.round_respondents(engine, open_round.round_id)
    assert [(p.label, p.name, p.role) for p in people] == [("P1", "Jan", "HR"), ("P2", "", "")]
    [anon] = repo.round_respondents(engine, anon_round.round_id)
    assert (anon.name, anon.role) == ("", ""), "an anonymous round stores neither name nor role"
    with pytest.raises(repo.NotFound):
        repo.add_respondent(engine, 999_999)


def test_update_profile_status_and_submitted(engine: Engine, q: Questionnaire) -> None:
    new = repo.create_round(engine, q, ORG, "Alt", DAY)
    profile = Organisation(name="Neue GmbH", region="Köln")
    repo.update_profile(engine, new.round_id, profile, "Neu", dt.date(2025, 4, 1))
    details = repo.round_details(engine, new.round_id)
    assert (details.organisation, details.label, details.date) == (
        profile,
        "Neu",
        dt.date(2025, 4, 1),
    )
    repo.set_submitted(engine, new.respondent_id)
    assert repo.round_respondents(engine, new.round_id)[0].submitted is True
    repo.set_round_status(engine, new.round_id, "closed")
    assert repo.round_details(engine, new.round_id).status == "closed"
    with pytest.raises(repo.NotFound):
        repo.round_details(engine, 999_999)


def test_organisation_rounds_lists_rounds_oldest_first(engine: Engine, q: Questionnaire) -> None:
    later = repo.create_round(engine, q, ORG, "2025", DAY)
    org = later.organisation_id
    earlier = repo.create_round(engine, q, ORG, "2024", dt.date(2024, 3, 1), organisation_id=org)
    repo.create_round(engine, q, Organisation(name="Andere"), "x", DAY)
    rounds = repo.organisation_rounds(engine, org)
    assert [(r.round_id, r.label, r.status) for r in rounds] == [
        (earlier.round_id, "2024", "open"),
        (later.round_id, "2025", "open"),
    ]


# ---- answers and comments ------------------------------------------------------------------


def test_answers_are_saved_overwritten_marked_na_and_cleared(
    engine: Engine, q: Questionnaire
) -> None:
    new = repo.create_round(engine, q, ORG, "R", DAY)
    rid = new.respondent_id
    repo.save_answer(engine, rid, "s1", 2)
    repo.save_answer(engine, rid, "s2", 4)
    repo.save_answer(engine, rid, "s1", 3)  # overwrite
    repo.save_answer(engine, rid, "h1", None)  # not applicable / don't know
    assert repo.respondent_answers(engine, rid) == {"s1": 3, "s2": 4, "h1": None}
    repo.clear_answer(engine, rid, "s2")
    repo.clear_answer(engine, rid, "t1")  # never answered: nothing happens
    assert repo.respondent_answers(engine, rid) == {"s1": 3, "h1": None}
    assert _count(engine, tables.answer) == 2
    with pytest.raises(ValueError):
        repo.save_answer(engine, rid, "s1", -1)


def test_comments_are_kept_apart_from_answers(engine: Engine, q: Questionnaire) -> None:
    rid = repo.create_round(engine, q, ORG, "R", DAY).respondent_id
    repo.save_comment(engine, rid, "c1", "nur ein Kommentar")
    assert repo.respondent_answers(engine, rid) == {}  # a comment alone is no answer
    assert repo.respondent_comments(engine, rid) == {"c1": "nur ein Kommentar"}
    repo.save_answer(engine, rid, "c1", 1)
    repo.save_comment(engine, rid, "c1", "geändert")
    assert repo.respondent_answers(engine, rid) == {"c1": 1}  # comment keeps the value
    repo.save_answer(engine, rid, "c1", None)
    assert repo.respondent_comments(engine, rid) == {"c1": "geändert"}  # value keeps comment
    repo.clear_answer(engine, rid, "c1")
    assert repo.respondent_answers(engine, rid) == {}
    assert repo.respondent_comments(engine, rid) == {"c1": "geändert"}
    repo.save_comment(engine, rid, "c1", "   ")  # blank removes the comment, and the row
    assert repo.respondent_comments(engine, rid) == {}
    assert _count(engine, tables.answer) == 0


def test_round_answers_feed_scoring(engine: Engine, q: Questionnaire) -> None:
    new = repo.create_round(engine, q, ORG, "Team", DAY, mode="session")
    a = repo.add_respondent(engine, new.round_id)
    b = repo.add_respondent(engine, new.round_id)
    repo.save_answer(engine, a.respondent_id, "s1", 4)
    repo.save_answer(engine, a.respondent_id, "s2", None)
    repo.save_answer(engine, b.respondent_id, "s1", 2)
    repo.save_comment(engine, b.respondent_id, "s2", "nur Kommentar")
    frame = repo.round_answers(engine, new.round_id)
    assert list(frame.columns) == ANSWER_COLUMNS
    assert frame["value"].dtype == np.float64
    assert frame[["respondent", "item"]].values.tolist() == [
        ["P1", "s1"],
        ["P1", "s2"],
        ["P2", "s1"],
    ]
    assert set(frame["round"]) == {str(new.round_id)}
    assert np.isnan(frame["value"].iloc[1])
    scores = score_rounds(frame, q)
    s1 = scores.items.set_index("item").loc["s1"]
    assert (s1["mean"], s1["n"]) == (3.0, 2)
    nothing = repo.round_answers(engine, 999_999)
    assert nothing.empty and list(nothing.columns) == ANSWER_COLUMNS
    assert nothing["value"].dtype == np.float64


# ---- targets, notes, plan ------------------------------------------------------------------


def test_targets_are_replaced_as_a_whole(engine: Engine, q: Questionnaire) -> None:
    round_id = repo.create_round(engine, q, ORG, "R", DAY).round_id
    assert repo.get_targets(engine, round_id) == {}
    repo.set_targets(engine, round_id, {"strategy": 75, "hr": 50.5})
    repo.set_targets(engine, round_id, {"hr": 60.0, "training": 25.0})
    assert repo.get_targets(engine, round_id) == {"hr": 60.0, "training": 25.0}


def test_notes_per_area(engine: Engine, q: Questionnaire) -> None:
    round_id = repo.create_round(engine, q, ORG, "R", DAY).round_id
    repo.save_note(engine, round_id, "hr", "Leitung ist uneins")
    repo.save_note(engine, round_id, "strategy", "ok")
    repo.save_note(engine, round_id, "hr", "geklärt")
    repo.save_note(engine, round_id, "strategy", "")
    assert repo.get_notes(engine, round_id) == {"hr": "geklärt"}


def test_plan_keeps_order_and_tells_empty_from_never_saved(
    engine: Engine, q: Questionnaire
) -> None:
    round_id = repo.create_round(engine, q, ORG, "R", DAY).round_id
    assert repo.load_plan(engine, round_id) is None
    plan = _sample_file(q).plan
    repo.save_plan(engine, round_id, plan)
    assert repo.load_plan(engine, round_id) == plan
    repo.save_plan(engine, round_id, list(reversed(plan)))
    assert repo.load_plan(engine, round_id) == list(reversed(plan))
    repo.save_plan(engine, round_id, [])
    assert repo.load_plan(engine, round_id) == []
    assert repo.round_details(engine, round_id).plan_saved is True
    assert _count(engine, tables.action) == 0
    repo.save_plan(engine, round_id, plan)
    repo.clear_plan(engine, round_id)
    assert repo.load_plan(engine, round_id) is None
    assert _count(engine, tables.action) == 0


def test_open_round_gives_access_and_details_in_one_call(engine: Engine, q: Questionnaire) -> None:
    new = repo.create_round(engine, q, ORG, "R", DAY)
    access, details = repo.open_round(engine, new.respondent_token)
    assert (access.round_id, access.respondent_id, access.is_admin) == (
        new.round_id,
        new.respondent_id,
        False,
    )
    assert details == repo.round_details(engine, new.round_id)
    admin, _ = repo.open_round(engine, new.admin_token)
    assert admin.is_admin and admin.respondent_id is None
    assert repo.open_round(engine, "no-such-token") is None
    assert repo.open_round(engine, "") is None
    assert repo.snapshot_questionnaire(engine, details.snapshot_id) == q
    with pytest.raises(repo.NotFound):
        repo.snapshot_questionnaire(engine, details.snapshot_id + 999)


def test_respondent_entries_follow_every_save(engine: Engine, q: Questionnaire) -> None:
    new = repo.create_round(engine, q, ORG, "R", DAY)
    person = new.respondent_id
    repo.save_answer(engine, person, "s1", 3)
    repo.save_answer(engine, person, "h1", None)
    repo.save_comment(engine, person, "c1", "nur ein Kommentar")
    repo.clear_answer(engine, person, "s1")
    assert repo.respondent_entries(engine, person) == (
        {"h1": None},
        {"c1": "nur ein Kommentar"},
    )


# ---- revision counter ----------------------------------------------------------------------


def _writes(q: Questionnaire) -> list[tuple[str, object]]:
    """Every kind of write that changes a round, as (name, fn(engine, round, respondent))."""
    plan = [PlanEntry(measure="m_strategy", area="strategy", phase="0-3")]
    return [
        ("answer", lambda e, r, p: repo.save_answer(e, p, "s1", 3)),
        ("answer n/a", lambda e, r, p: repo.save_answer(e, p, "s2", None)),
        ("comment", lambda e, r, p: repo.save_comment(e, p, "s1", "warum")),
        ("clear comment", lambda e, r, p: repo.save_comment(e, p, "s1", " ")),
        ("clear answer", lambda e, r, p: repo.clear_answer(e, p, "s1")),
        ("target", lambda e, r, p: repo.set_target(e, r, "hr", 60)),
        ("targets", lambda e, r, p: repo.set_targets(e, r, {"strategy": 70.0})),
        ("plan", lambda e, r, p: repo.save_plan(e, r, plan)),
        ("clear plan", lambda e, r, p: repo.clear_plan(e, r)),
        ("note", lambda e, r, p: repo.save_note(e, r, "hr", "Notiz")),
        ("profile", lambda e, r, p: repo.update_profile(e, r, ORG, "Neu")),
        ("close", lambda e, r, p: repo.set_round_status(e, r, "closed")),
        ("reopen", lambda e, r, p: repo.set_round_status(e, r, "open")),
        ("respondent", lambda e, r, p: repo.add_respondent(e, r)),
        ("submitted", lambda e, r, p: repo.set_submitted(e, p)),
    ]


def test_every_write_bumps_the_round_revision_by_one(engine: Engine, q: Questionnaire) -> None:
    new = repo.create_round(engine, q, ORG, "R", DAY)
    other = repo.create_round(engine, q, Organisation(name="Andere"), "R", DAY)
    assert repo.round_revision(engine, new.round_id) == 0
    for name, write in _writes(q):
        before = repo.round_revision(engine, new.round_id)
        write(engine, new.round_id, new.respondent_id)
        assert repo.round_revision(engine, new.round_id) == before + 1, name
    assert repo.round_revision(engine, other.round_id) == 0, "other rounds keep theirs"
    with pytest.raises(repo.NotFound):
        repo.round_revision(engine, 999_999)


def test_an_organisation_profile_change_bumps_all_its_rounds(
    engine: Engine, q: Questionnaire
) -> None:
    first = repo.create_round(engine, q, ORG, "2025", DAY)
    second = repo.create_round(engine, q, ORG, "2026", DAY, organisation_id=first.organisation_id)
    assert repo.round_revision(engine, first.round_id) == 1  # its profile was saved again
    assert repo.round_revision(engine, second.round_id) == 0
    repo.update_profile(engine, second.round_id, Organisation(name="Neu"), "2026")
    assert repo.round_revision(engine, first.round_id) == 2
    assert repo.round_revision(engine, second.round_id) == 1


def test_a_failed_write_does_not_bump_the_revision(
    engine: Engine, q: Questionnaire, monkeypatch
) -> None:
    new = repo.create_round(engine, q, ORG, "R", DAY)
    repo.save_plan(engine, new.round_id, [])

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(plans, "insert_plan", fail)
    monkeypatch.setattr(plans, "insert_targets", fail)
    before = repo.round_revision(engine, new.round_id)
    with pytest.raises(RuntimeError):
        repo.save_plan(engine, new.round_id, [PlanEntry(title="x", area="hr", phase="0-3")])
    with pytest.raises(RuntimeError):
        repo.set_targets(engine, new.round_id, {"hr": 10.0})
    with pytest.raises(repo.NotFound):  # no such round
        repo.save_note(engine, 999_999, "hr", "keine Runde")
    assert repo.round_revision(engine, new.round_id) == before
    assert repo.load_plan(engine, new.round_id) == []


# ---- export, import, deletion, durability --------------------------------------------------


def test_export_import_round_trip(engine: Engine, q: Questionnaire) -> None:
    data = _sample_file(q)
    assert check_against(data, q) == []
    new = repo.import_round(engine, data, q)
    assert repo.round_details(engine, new.round_id).mode == "session"
    assert [p.label for p in new.respondents] == ["leitung", "hr"]
    for person in new.respondents:
        access = repo.resolve_token(engine, person.token)
        assert access.respondent_id == person.respondent_id
    exported = repo.export_round(engine, new.round_id)
    uid = repo.round_details(engine, new.round_id).uid
    assert exported.round.id == uid and uuid.UUID(uid).version == 4
    assert exported == _with_id(data, uid)
    again = repo.import_round(engine, exported, q, as_new=True)
    copy = repo.export_round(engine, again.round_id)
    assert copy.round.id not in (None, uid)
    assert copy == _with_id(data, copy.round.id)


def _with_id(data: ResponseFile, uid: str | None) -> ResponseFile:
    """The file as stored: under `uid`, with the mode the import gave it."""
    given = {"id": uid, "mode": data.mode}
    return data.model_copy(update={"round": data.round.model_copy(update=given)})


def _all_counts(engine: Engine) -> dict[str, int]:
    return {table.name: _count(engine, table) for table in tables.metadata.sorted_tables}


def test_rounds_get_a_fresh_uid_each(engine: Engine, q: Questionnaire) -> None:
    uids = {
        repo.round_details(engine, repo.create_round(engine, q, ORG, "R", DAY).round_id).uid,
        repo.round_details(engine, repo.import_round(engine, _sample_file(q), q).round_id).uid,
        repo.round_details(engine, repo.import_round(engine, _sample_file(q), q).round_id).uid,
    }
    assert len(uids) == 3 and all(uuid.UUID(uid).version == 4 for uid in uids)


def test_a_file_keeps_its_round_id_when_it_is_new_here(engine: Engine, q: Questionnaire) -> None:
    uid = str(uuid.uuid4())
    new = repo.import_round(engine, _with_id(_sample_file(q), uid), q)
    assert repo.round_details(engine, new.round_id).uid == uid
    assert repo.export_round(engine, new.round_id).round.id == uid


def test_importing_the_same_file_again_is_refused_as_already_imported(
    engine: Engine, q: Questionnaire
) -> None:
    new = repo.import_round(engine, _sample_file(q), q)
    exported = repo.export_round(engine, new.round_id)
    before = _all_counts(engine)
    with pytest.raises(repo.AlreadyImported) as refused:
        repo.import_round(engine, exported, q)
    assert (refused.value.round_id, refused.value.uid) == (new.round_id, exported.round.id)
    # a blank comment is not stored, so a file that has one still holds the same content
    blank = exported.model_copy(deep=True)
    blank.respondents[1].comments["s2"] = "  "
    with pytest.raises(repo.AlreadyImported):
        repo.import_round(engine, blank, q, mode="self", anonymous=True)
    assert _all_counts(engine) == before


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.respondents[0].answers.update({"s1": 0}),
        lambda d: d.respondents.pop(),
        lambda d: d.targets.update({"hr": 10.0}),
        lambda d: setattr(d, "plan", None),
        lambda d: setattr(d.round, "label", "Anders"),
        lambda d: setattr(d.organisation, "region", "Bremen"),
    ],
)
def test_same_round_id_with_other_content_is_a_conflict(
    engine: Engine, q: Questionnaire, change
) -> None:
    new = repo.import_round(engine, _sample_file(q), q)
    edited = repo.export_round(engine, new.round_id)
    change(edited)
    before = _all_counts(engine)
    with pytest.raises(repo.ImportConflict) as refused:
        repo.import_round(engine, edited, q)
    assert refused.value.round_id == new.round_id
    assert isinstance(refused.value, repo.ImportRefused)
    assert _all_counts(engine) == before


def test_an_export_older_than_the_stored_round_is_a_conflict(
    engine: Engine, q: Questionnaire
) -> None:
    new = repo.create_round(engine, q, ORG, "Self", DAY)
    exported = repo.export_round(engine, new.round_id)
    repo.save_answer(engine, new.respondent_id, "s1", 4)
    with pytest.raises(repo.ImportConflict):
        repo.import_round(engine, exported, q)


def test_as_new_stores_a_copy_under_a_fresh_uid(engine: Engine, q: Questionnaire) -> None:
    new = repo.import_round(engine, _sample_file(q), q)
    exported = repo.export_round(engine, new.round_id)
    edited = exported.model_copy(deep=True)
    edited.targets["hr"] = 10.0
    for data in (exported, edited):
        copy = repo.import_round(engine, data, q, as_new=True)
        again = repo.export_round(engine, copy.round_id)
        assert again.round.id != exported.round.id
        assert again == _with_id(data, again.round.id)
    assert _count(engine, tables.round) == 3


def test_export_of_a_round_made_in_the_app(engine: Engine, q: Questionnaire) -> None:
    new = repo.create_round(engine, q, ORG, "Self", DAY)
    repo.save_answer(engine, new.respondent_id, "n1", 2)
    repo.save_comment(engine, new.respondent_id, "n2", "später")
    data = repo.export_round(engine, new.round_id)
    assert data.plan is None and data.targets == {}
    assert data.respondents == [Respondent(id="P1", answers={"n1": 2}, comments={"n2": "später"})]
    assert check_against(data, q) == []


def test_import_is_all_or_nothing(engine: Engine, q: Questionnaire, monkeypatch) -> None:
    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(plans, "insert_plan", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        repo.import_round(engine, _sample_file(q), q)
    for table in tables.metadata.sorted_tables:
        assert _count(engine, table) == 0, table.name


def test_import_refuses_a_file_for_another_questionnaire(engine: Engine, q: Questionnaire) -> None:
    data = _sample_file(q).model_copy(
        update={"questionnaire": QuestionnaireRef(id="mini", version="9.9")}
    )
    with pytest.raises(ValueError, match=r"9\.9"):
        repo.import_round(engine, data, q)


def test_delete_organisation_cascades_to_everything(engine: Engine, q: Questionnaire) -> None:
    gone = repo.import_round(engine, _sample_file(q), q)
    repo.save_note(engine, gone.round_id, "hr", "Notiz")
    kept = repo.create_round(engine, q, Organisation(name="Bleibt"), "R", DAY)
    repo.save_answer(engine, kept.respondent_id, "s1", 1)
    assert repo.delete_organisation(engine, gone.organisation_id) is True
    assert repo.delete_organisation(engine, gone.organisation_id) is False
    assert _count(engine, tables.organisation) == 1
    assert _count(engine, tables.round) == 1
    assert _count(engine, tables.respondent) == 1
    assert _count(engine, tables.answer) == 1
    for table in (tables.target, tables.action, tables.note):
        assert _count(engine, table) == 0, table.name
    assert repo.resolve_token(engine, gone.admin_token) is None
    assert repo.respondent_answers(engine, kept.respondent_id) == {"s1": 1}


def _file_bytes(database: Path) -> bytes:
    """The SQLite file and its WAL and shared-memory files, as they lie on disk."""
    parts = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


def test_a_deleted_organisation_leaves_no_readable_trace_in_the_file_or_wal(
    sqlite_engine: Engine, q: Questionnaire
) -> None:
    secret = "Zahnarztpraxis Kowalczyk-Ünal"
    gone = repo.import_round(
        sqlite_engine,
        _sample_file(q).model_copy(update={"organisation": Organisation(name=secret)}),
        q,
    )
    repo.save_comment(
        sqlite_engine, gone.respondents[0].respondent_id, "s1", f"Kommentar von {secret}"
    )
    repo.save_note(sqlite_engine, gone.round_id, "hr", f"Notiz {secret}")
    kept = repo.create_round(sqlite_engine, q, Organisation(name="Bleibt GmbH"), "R", DAY)
    database = Path(sqlite_engine.url.database)
    needle = secret.encode()
    assert needle in _file_bytes(database), "the name was stored before"

    assert repo.delete_organisation(sqlite_engine, gone.organisation_id) is True
    on_disk = _file_bytes(database)
    assert needle not in on_disk and b"Kowalczyk" not in on_disk
    assert not Path(f"{database}-wal").exists() or Path(f"{database}-wal").stat().st_size == 0
    assert b"Bleibt GmbH" in on_disk
    assert repo.resolve_token(sqlite_engine, kept.admin_token) is not None


def test_concurrent_writers_do_not_lock_each_other_out(engine: Engine, q: Questionnaire) -> None:
    session = repo.create_round(engine, q, ORG, "Team", DAY, mode="session")
    errors: list[BaseException] = []

    def respondent_at_work() -> None:
        try:
            person = repo.add_respondent(engine, session.round_id)
            for n in range(10):
                repo.save_answer(engine, person.respondent_id, "s1", n % 5)
                repo.save_comment(engine, person.respondent_id, "s2", f"Kommentar {n}")
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    workers = [threading.Thread(target=respondent_at_work) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    labels = [p.label for p in repo.round_respondents(engine, session.round_id)]
    assert sorted(labels) == sorted(f"P{n}" for n in range(1, 9))
    assert len(repo.round_answers(engine, session.round_id)) == 8


def test_data_survives_a_new_engine_on_the_same_database(db_url: str, q: Questionnaire) -> None:
    url = db_url
    first = make_engine(url)
    new = repo.create_round(first, q, ORG, "R", DAY)
    repo.save_answer(first, new.respondent_id, "s1", 4)
    repo.save_plan(first, new.round_id, [])
    first.dispose()
    second = make_engine(url)
    assert migrate(second) == []
    access = repo.resolve_token(second, new.respondent_token)
    assert access is not None and access.respondent_id == new.respondent_id
    assert repo.respondent_answers(second, new.respondent_id) == {"s1": 4}
    assert repo.load_plan(second, new.round_id) == []
    second.dispose()


def test_a_closed_round_refuses_every_write_in_the_write_s_own_transaction(
    engine: Engine, q: Questionnaire
) -> None:
    new = repo.create_round(engine, q, ORG, "Zu", DAY)
    session = repo.create_round(engine, q, ORG, "S", DAY, mode="session")
    item, area = q.dimensions[0].items[0].id, q.dimensions[0].id
    repo.save_answer(engine, new.respondent_id, item, 1)
    for round_id in (new.round_id, session.round_id):
        repo.set_round_status(engine, round_id, "closed")
    revision = repo.round_revision(engine, new.round_id)
    writes = [
        lambda: repo.save_answer(engine, new.respondent_id, item, 2),
        lambda: repo.clear_answer(engine, new.respondent_id, item),
        lambda: repo.save_comment(engine, new.respondent_id, item, "spät"),
        lambda: repo.set_submitted(engine, new.respondent_id),
        lambda: repo.set_target(engine, new.round_id, area, 80),
        lambda: repo.set_targets(engine, new.round_id, {area: 80}),
        lambda: repo.save_note(engine, new.round_id, area, "Notiz"),
        lambda: repo.save_plan(engine, new.round_id, []),
        lambda: repo.clear_plan(engine, new.round_id),
        lambda: repo.update_profile(engine, new.round_id, ORG, "Neu"),
        lambda: repo.add_respondent(engine, session.round_id),
    ]
    for write in writes:
        with pytest.raises(repo.RoundClosed):
            write()
    assert repo.respondent_entries(engine, new.respondent_id) == ({item: 1}, {})
    assert repo.round_revision(engine, new.round_id) == revision
    assert repo.round_respondents(engine, session.round_id) == []
    repo.set_round_status(engine, new.round_id, "open")  # reopening is the one write it takes
    repo.save_answer(engine, new.respondent_id, item, 2)
    assert repo.respondent_entries(engine, new.respondent_id)[0] == {item: 2}


def test_texts_longer_than_a_response_file_takes_are_not_stored(
    engine: Engine, q: Questionnaire
) -> None:
    new = repo.create_round(engine, q, ORG, "R", DAY)
    item, area = q.dimensions[0].items[0].id, q.dimensions[0].id
    session = repo.create_round(engine, q, ORG, "S", DAY, mode="session")
    too_long = [
        lambda: repo.save_comment(engine, new.respondent_id, item, "x" * 20_000),
        lambda: repo.save_note(engine, new.round_id, area, "x" * 10_001),
        lambda: repo.update_profile(engine, new.round_id, ORG, "x" * 201),
        lambda: repo.create_round(engine, q, ORG, "x" * 201, DAY),
        lambda: repo.add_respondent(engine, session.round_id, name="x" * 201),
        lambda: repo.add_respondent(engine, session.round_id, role="x" * 201),
    ]
    for write in too_long:
        with pytest.raises(ValueError):
            write()
    repo.save_comment(engine, new.respondent_id, item, "x" * 10_000)
    exported = repo.export_round(engine, new.round_id)  # what is stored can be exported
    assert exported.respondents[0].comments == {item: "x" * 10_000}
    assert repo.round_respondents(engine, session.round_id) == []
