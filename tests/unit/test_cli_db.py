"""Command line `db upgrade | current`: revisions, the configured URL, one-line errors."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.cli import main
from assessment.storage import engine as storage_engine
from assessment.storage.engine import make_engine
from assessment.storage.migrations import BASELINE, HEAD, migration_transaction, upgrade_connection
from tests.unit.test_migrations import AFTER_BASELINE

ROOT = Path(__file__).resolve().parents[2]
OLD_DB = ROOT / "tests" / "fixtures" / "db" / "schema_8a11cf8.db"
HINT = "run: python -m assessment db upgrade"


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_upgrade_creates_a_fresh_database_then_has_nothing_to_do(tmp_path: Path, capsys) -> None:
    url = _url(tmp_path / "new" / "app.db")
    assert _run(capsys, "db", "upgrade", "--db", url) == (
        0,
        f"{HEAD} (head); applied {BASELINE}, {', '.join(AFTER_BASELINE)}\n",
        "",
    )
    assert _run(capsys, "db", "upgrade", "--db", url) == (
        0,
        f"{HEAD} (head); nothing to apply\n",
        "",
    )
    assert _run(capsys, "db", "current", "--db", url) == (0, f"{HEAD} (head)\n", "")


def test_the_url_comes_from_the_environment(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv(storage_engine.ENV_VAR, _url(path))
    assert _run(capsys, "db", "upgrade")[0] == 0
    assert path.exists()
    assert _run(capsys, "db", "current") == (0, f"{HEAD} (head)\n", "")


def test_current_tells_an_old_database_apart_and_upgrade_adopts_it(tmp_path: Path, capsys) -> None:
    old = tmp_path / "old.db"
    shutil.copy(OLD_DB, old)
    assert _run(capsys, "db", "current", "--db", _url(old)) == (
        1,
        f"unversioned (made before Alembic migrations; {HINT})\n",
        "",
    )
    assert _run(capsys, "db", "upgrade", "--db", _url(old)) == (
        0,
        f"{HEAD} (head); applied {', '.join(AFTER_BASELINE)}\n",
        "",
    )
    assert _run(capsys, "db", "current", "--db", _url(old))[:2] == (0, f"{HEAD} (head)\n")


def test_current_says_how_far_behind_or_ahead(tmp_path: Path, capsys) -> None:
    path = tmp_path / "base.db"
    engine = make_engine(_url(path), migrate=False)
    engine.connect().close()  # an empty file
    assert _run(capsys, "db", "current", "--db", _url(path)) == (
        1,
        f"unversioned (empty database; {HINT})\n",
        "",
    )
    with migration_transaction(engine) as conn:
        upgrade_connection(conn, BASELINE)
    assert _run(capsys, "db", "current", "--db", _url(path)) == (
        1,
        f"{BASELINE} (behind head {HEAD}; {HINT})\n",
        "",
    )
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    assert _run(capsys, "db", "current", "--db", _url(path)) == (
        1,
        f"0099_future (unknown here; newest known: {HEAD})\n",
        "",
    )
    code, out, err = _run(capsys, "db", "upgrade", "--db", _url(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {_url(path)}: the database is at revision 0099_future")
    assert err.count("\n") == 1


def test_current_of_a_missing_file_creates_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "nowhere" / "app.db"
    assert _run(capsys, "db", "current", "--db", _url(path)) == (
        1,
        f"no database at {_url(path)}\n",
        "",
    )
    assert not path.parent.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "error: not a database URL: 'not a url'"),
        ("bogus://x/y", "error: unsupported database 'bogus' (use SQLite or PostgreSQL)"),
        ("mysql://u@h/db", "error: unsupported database 'mysql' (use SQLite or PostgreSQL)"),
        (
            "postgresql+nodriver://u:secret@127.0.0.1:1/db",
            "error: cannot use the database postgresql+nodriver://u:***@127.0.0.1:1/db: ",
        ),
        (
            "postgresql+psycopg://u:secret@127.0.0.1:1/db",
            "error: cannot use the database postgresql+psycopg://u:***@127.0.0.1:1/db: ",
        ),
    ],
)
@pytest.mark.parametrize("action", ["upgrade", "current"])
def test_a_bad_url_exits_2_with_one_line(url: str, message: str, action: str, capsys) -> None:
    if "psycopg" in url:
        pytest.importorskip("psycopg")
    code, out, err = _run(capsys, "db", action, "--db", url)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1, err
    assert "secret" not in err and "Traceback" not in err


def test_a_sqlite_file_that_cannot_be_made_exits_2(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, out, err = _run(capsys, "db", "upgrade", "--db", _url(blocker / "app.db"))
    assert (code, out) == (2, "")
    assert err.startswith("error: cannot use the database sqlite:///") and err.count("\n") == 1


def test_db_runs_as_a_module_in_a_child_process(tmp_path: Path) -> None:
    env = {**os.environ, storage_engine.ENV_VAR: _url(tmp_path / "child.db")}
    result = subprocess.run(
        [sys.executable, "-m", "assessment", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(f"{HEAD} (head); applied ")


def test_both_actions_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m assessment db upgrade" in readme
    assert "python -m assessment db current" in readme
