"""Migrations: fresh databases, the frozen baseline, upgrading a database of 8a11cf8, locking.

Tests on `blank` run on SQLite and PostgreSQL (tests/databases.py).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from assessment.storage import migrations, tables
from assessment.storage.engine import make_engine
from assessment.storage.migrations import BASELINE, HEAD, SchemaError, current_revision, migrate

#: Every revision after the baseline, oldest first.
AFTER_BASELINE = [
    "0002_round_uid_revision",
    "0003_organisation_owner_token",
    "0004_round_group_size_join_code",
    "0005_consensus",
    "0006_later_phase",
    HEAD,
]

ROOT = Path(__file__).resolve().parents[2]
#: Made at commit 8a11cf8 (schema_migrations = ["0001_initial"]) in a worktree of that commit:
#: `repository.import_round` of `demo.demo_response` (3 respondents, targets, a 20-step plan);
#: a closed session round of the same organisation with 3 joined respondents (answers, n/a,
#: comments, comment-only rows, submitted), two targets, two notes and a two-step plan; and a
#: self-check of a second organisation with an empty saved plan.
OLD_DB = ROOT / "tests" / "fixtures" / "db" / "schema_8a11cf8.db"
APP_TABLES = set(tables.metadata.tables)


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def blank(db_url: str) -> Iterator[Engine]:
    """An empty database that nothing has migrated yet (SQLite, then PostgreSQL)."""
    engine = make_engine(db_url, migrate=False)
    yield engine
    engine.dispose()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A copy of the database that the code of 8a11cf8 wrote."""
    copy = tmp_path / "old.db"
    shutil.copy(OLD_DB, copy)
    return copy


def _upgrade_to(engine: Engine, target: str) -> list[str]:
    with migrations.migration_transaction(engine) as conn:
        return migrations.upgrade_connection(conn, target)


def _sqlite_schema(path: Path) -> dict[str, list[str]]:
    """Each table's and index's CREATE statement as sorted lines (SQLite keeps no fixed order)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    ignored = {"alembic_version", migrations.LEGACY_TABLE}
    return {
        name: sorted(
            line.strip().rstrip(",")
            for line in sql.replace(f'CREATE TABLE "{name}"', f"CREATE TABLE {name}").splitlines()
        )
        for name, sql in rows
        if name not in ignored
    }


def _figures(path: Path) -> dict[str, int]:
    queries = {
        "organisations": "SELECT COUNT(*) FROM organisation",
        "rounds": "SELECT COUNT(*) FROM round",
        "respondents": "SELECT COUNT(*) FROM respondent",
        "answers": "SELECT COUNT(*) FROM answer WHERE answered",
        "comments": "SELECT COUNT(*) FROM answer WHERE comment != ''",
        "answer rows": "SELECT COUNT(*) FROM answer",
        "targets": "SELECT COUNT(*) FROM target",
        "plan rows": "SELECT COUNT(*) FROM action",
        "notes": "SELECT COUNT(*) FROM note",
        "snapshots": "SELECT COUNT(*) FROM questionnaire_snapshot",
    }
    with sqlite3.connect(path) as conn:
        return {name: conn.execute(sql).fetchone()[0] for name, sql in queries.items()}


def test_head_names_the_newest_script() -> None:
    assert migrations.script_head() == HEAD
    assert migrations.known_revisions() == {BASELINE, *AFTER_BASELINE}


def test_a_fresh_database_is_made_by_the_migrations(blank: Engine) -> None:
    assert migrations.schema_state(blank) == migrations.SchemaState(None, None, False)
    assert migrate(blank) == [BASELINE, *AFTER_BASELINE]
    assert current_revision(blank) == HEAD
    names = set(inspect(blank).get_table_names())
    assert names == APP_TABLES | {"alembic_version"}
    assert migrate(blank) == []


def test_the_migrated_schema_equals_the_tables_module(blank: Engine, tmp_path: Path) -> None:
    migrate(blank)
    with blank.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), tables.metadata) == []
    if blank.dialect.name == "sqlite":
        made = tmp_path / "made.db"
        direct = create_engine(_sqlite_url(made))
        tables.metadata.create_all(direct)
        direct.dispose()
        assert _sqlite_schema(Path(blank.url.database)) == _sqlite_schema(made)


def test_the_baseline_is_frozen_as_8a11cf8_made_it(tmp_path: Path) -> None:
    engine = make_engine(_sqlite_url(tmp_path / "base.db"), migrate=False)
    assert _upgrade_to(engine, BASELINE) == [BASELINE]
    engine.dispose()
    assert _sqlite_schema(tmp_path / "base.db") == _sqlite_schema(OLD_DB)


def test_a_database_of_8a11cf8_is_stamped_and_upgraded_losing_nothing(old_db: Path) -> None:
    before = _figures(old_db)
    with sqlite3.connect(old_db) as conn:
        assert conn.execute("SELECT name FROM schema_migrations").fetchall() == [("0001_initial",)]
        rows_before = conn.execute("SELECT * FROM answer ORDER BY 1, 2").fetchall()
    engine = make_engine(_sqlite_url(old_db))  # migrates on start
    assert current_revision(engine) == HEAD
    assert migrations.schema_state(engine).legacy is None
    engine.dispose()
    after = _figures(old_db)
    print(f"\nbefore: {before}\nafter:  {after}")
    assert after == before
    assert before["rounds"] == 3 and before["answers"] > 0 and before["plan rows"] > 0
    with sqlite3.connect(old_db) as conn:
        assert conn.execute("SELECT * FROM answer ORDER BY 1, 2").fetchall() == rows_before
        rounds = conn.execute("SELECT uid, revision FROM round").fetchall()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert [revision for _, revision in rounds] == [0, 0, 0]
    assert len({uid for uid, _ in rounds}) == 3
    assert all(uuid.UUID(uid).version == 4 for uid, _ in rounds)
    assert _sqlite_schema(old_db) == _sqlite_schema_of_fresh(old_db.parent / "fresh.db")


def _sqlite_schema_of_fresh(path: Path) -> dict[str, list[str]]:
    engine = make_engine(_sqlite_url(path))
    engine.dispose()
    return _sqlite_schema(path)


def test_a_failing_upgrade_leaves_the_database_as_it_was(old_db: Path, monkeypatch) -> None:
    schema, figures = _sqlite_schema(old_db), _figures(old_db)

    def broken() -> uuid.UUID:
        raise RuntimeError("no more uuids")

    monkeypatch.setattr(uuid, "uuid4", broken)  # fails inside revision 0002, after its ALTERs
    with pytest.raises(RuntimeError, match="no more uuids"):
        make_engine(_sqlite_url(old_db))
    assert _sqlite_schema(old_db) == schema and _figures(old_db) == figures
    with sqlite3.connect(old_db) as conn:
        assert conn.execute("SELECT name FROM schema_migrations").fetchall() == [("0001_initial",)]
    monkeypatch.undo()
    engine = make_engine(_sqlite_url(old_db))
    with engine.connect() as conn:
        # the pooled connection that migrated has its foreign keys back on
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert current_revision(engine) == HEAD
    engine.dispose()


def test_existing_rounds_get_a_uid_and_revision_zero(blank: Engine) -> None:
    _upgrade_to(blank, BASELINE)
    with blank.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (name, kind, sector, size, region, created_at) "
                "VALUES ('A', '', '', '', '', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO questionnaire_snapshot "
                "(questionnaire_id, version, fingerprint, content, created_at) "
                "VALUES ('q', '1', 'f', '{}', CURRENT_TIMESTAMP)"
            )
        )
        for n in range(3):
            conn.execute(
                text(
                    "INSERT INTO round (organisation_id, snapshot_id, questionnaire_id, "
                    "questionnaire_version, label, date, mode, status, admin_token_hash, "
                    "created_at) SELECT o.id, s.id, 'q', '1', :label, CURRENT_DATE, 'self', "
                    "'open', :token, CURRENT_TIMESTAMP "
                    "FROM organisation o, questionnaire_snapshot s"
                ),
                {"label": f"R{n}", "token": f"t{n}"},
            )
    assert migrate(blank) == AFTER_BASELINE
    with blank.connect() as conn:
        rows = conn.execute(text("SELECT uid, revision FROM round")).all()
    assert len({uid for uid, _ in rows}) == 3 and {revision for _, revision in rows} == {0}


def test_downgrade_to_the_baseline_and_up_again_keeps_the_data(old_db: Path) -> None:
    figures = _figures(old_db)
    engine = make_engine(_sqlite_url(old_db))
    with migrations.migration_transaction(engine) as conn:
        command.downgrade(migrations.alembic_config(conn), BASELINE)
    assert current_revision(engine) == BASELINE
    assert "uid" not in {c["name"] for c in inspect(engine).get_columns("round")}
    assert _sqlite_schema(old_db) == _sqlite_schema(OLD_DB)
    assert migrate(engine) == AFTER_BASELINE
    engine.dispose()
    assert _figures(old_db) == figures


def test_databases_this_code_cannot_place_are_refused(blank: Engine) -> None:
    with blank.begin() as conn:
        conn.execute(text("CREATE TABLE organisation (id INTEGER PRIMARY KEY)"))
    with pytest.raises(SchemaError, match="unknown origin"):
        migrate(blank)
    with blank.begin() as conn:
        conn.execute(text("DROP TABLE organisation"))
    migrate(blank)
    with blank.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    with pytest.raises(SchemaError, match="0099_future"):
        migrate(blank)


def test_a_legacy_record_of_unknown_migrations_is_refused(old_db: Path) -> None:
    with sqlite3.connect(old_db) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('0002_other', '2026-01-01')")
    with pytest.raises(SchemaError, match="0002_other"):
        make_engine(_sqlite_url(old_db))


def test_engines_starting_at_once_migrate_once(blank: Engine) -> None:
    engines = [make_engine(str(blank.url.render_as_string(False)), migrate=False) for _ in range(4)]
    applied: list[list[str]] = []
    errors: list[BaseException] = []

    def start(engine: Engine) -> None:
        try:
            applied.append(migrate(engine))
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    workers = [threading.Thread(target=start, args=(engine,)) for engine in engines]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    for engine in engines:
        engine.dispose()
    assert errors == []
    assert sorted(applied) == [[], [], [], [BASELINE, *AFTER_BASELINE]]


def test_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    url = _sqlite_url(tmp_path / "app.db")
    make_engine(url).dispose()
    probe = (
        "import sys; from assessment.storage.engine import make_engine; "
        f"make_engine({url!r}).dispose(); print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_the_later_phase_is_stored_after_the_upgrade_and_folded_into_12_24_on_downgrade(
    old_db: Path,
) -> None:
    engine = make_engine(_sqlite_url(old_db))
    with engine.begin() as conn:
        action = conn.execute(text("SELECT id FROM action ORDER BY id LIMIT 1")).scalar_one()
        conn.execute(text("UPDATE action SET phase = 'later' WHERE id = :id"), {"id": action})
    with migrations.migration_transaction(engine) as conn:
        command.downgrade(migrations.alembic_config(conn), "0005_consensus")
    with engine.connect() as conn:
        phase = conn.execute(text("SELECT phase FROM action WHERE id = :id"), {"id": action})
        assert phase.scalar_one() == "12-24"
    with pytest.raises(Exception, match="CHECK constraint failed"), engine.begin() as conn:
        conn.execute(text("UPDATE action SET phase = 'later' WHERE id = :id"), {"id": action})
    engine.dispose()
