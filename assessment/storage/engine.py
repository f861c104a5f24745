"""Database URL and engine setup: SQLite pragmas on every connection, one engine per URL."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.pool import StaticPool

from assessment.storage import migrations
from assessment.storage.transactions import on_sqlite_begin

ENV_VAR = "VIELFALTSKOMPASS_DB_URL"
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEFAULT_FILE = "vielfaltskompass.db"

SQLITE_PRAGMAS = (
    "PRAGMA busy_timeout=2000",  # first, so that switching to WAL waits for a lock
    "PRAGMA journal_mode=WAL",
    # In WAL mode NORMAL keeps every committed answer through a crash or restart of the app;
    # only a power failure may lose the last moments, and each save skips an fsync.
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    # Deleted rows are overwritten with zeros, so an erased organisation leaves no readable
    # trace in the file (see `transactions.erase_traces` for the WAL).
    "PRAGMA secure_delete=ON",
)


def database_url(explicit: str | None = None) -> str:
    """The database URL: `explicit`, else $VIELFALTSKOMPASS_DB_URL, else a file under data/."""
    if explicit:
        return explicit
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return from_env
    return f"sqlite:///{DATA_DIR / DEFAULT_FILE}"


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _is_sqlite_memory(url: str) -> bool:
    parsed = make_url(url)
    database = parsed.database or ""
    return database in ("", ":memory:") or parsed.query.get("mode") == "memory"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 driver (BEGIN comes from
    # `transactions.on_sqlite_begin`), so that migrations' DDL and reads are transactional too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def make_engine(url: str | None = None, migrate: bool = True) -> Engine:
    """A new engine for `url` (see `database_url`), migrated to the current schema."""
    url = database_url(url)
    if make_url(url).get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    else:
        engine = _make_sqlite_engine(url)
    if migrate:
        migrations.migrate(engine)
    return engine


def _make_sqlite_engine(url: str) -> Engine:
    if _is_sqlite_memory(url):
        engine = create_engine(
            url,
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
            hide_parameters=True,
        )
    else:
        path = _sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, hide_parameters=True)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", on_sqlite_begin)
    return engine


@functools.cache
def _cached_engine(url: str) -> Engine:
    return make_engine(url)


def get_engine(url: str | None = None) -> Engine:
    """The shared engine for `url` (one per URL per process), migrated on first use."""
    return _cached_engine(database_url(url))


def clear_engine_cache() -> None:
    """Forget the shared engines (for tests; callers dispose engines they hold)."""
    _cached_engine.cache_clear()
