"""Schema migrations: Alembic revisions under `alembic/versions/`, applied when an engine starts.

A database already at HEAD costs two small queries and never imports Alembic. Otherwise every
missing revision runs in one transaction under a lock, so that a failure leaves the database as
it was and two processes never migrate at once: on SQLite a write transaction (BEGIN IMMEDIATE)
with foreign keys switched off beforehand (a table rebuild drops the old table, which would
otherwise cascade into every row that refers to it) and checked before commit; on PostgreSQL
an advisory lock. A database made by the former hand-kept list (`schema_migrations` holding
`0001_initial`) has exactly the baseline schema: it is stamped at BASELINE, then upgraded.

Adding a revision: copy the newest file in `alembic/versions/` to `000N_what.py`, set
`revision` and `down_revision`, write `upgrade` and `downgrade` (use `op.batch_alter_table` with
a frozen `copy_from` table for what SQLite cannot ALTER), change `tables.py` to match and set
HEAD below. Never edit a revision that has shipped. The tests check that HEAD is the scripts'
head and that the migrated schema equals `tables.metadata` on every supported database.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from assessment.storage import tables
from assessment.storage.transactions import WRITE_OPTION, is_transient

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0007_units"
BASELINE = "0001_baseline"
SCRIPTS = Path(__file__).resolve().with_name("alembic")
VERSION_TABLE = "alembic_version"
LEGACY_TABLE = "schema_migrations"
LEGACY_BASELINE = "0001_initial"
#: How long a starting process waits for another one that is migrating the same database.
MIGRATION_WAIT_S = 60.0

#: Arbitrary constant for PostgreSQL's advisory lock, so that two processes never migrate at once.
_PG_LOCK_KEY = 0x5649454C  # "VIEL"


class SchemaError(RuntimeError):
    """The database holds a schema this code cannot migrate (newer, or of unknown origin)."""


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands: its Alembic revision and what else it holds."""

    revision: str | None
    legacy: tuple[str, ...] | None  # names in `schema_migrations`; None without that table
    has_tables: bool  # any of the app's tables

    @property
    def is_current(self) -> bool:
        """At HEAD: nothing to migrate."""
        return self.revision == HEAD


def read_state(conn: Connection) -> SchemaState:
    """The database's schema state, read on an open connection."""
    names = set(inspect(conn).get_table_names())
    revision = legacy = None
    if VERSION_TABLE in names:
        revision = conn.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))
    if LEGACY_TABLE in names:
        legacy = tuple(conn.scalars(text(f"SELECT name FROM {LEGACY_TABLE} ORDER BY name")))
    return SchemaState(revision, legacy, bool(names & set(tables.metadata.tables)))


def schema_state(engine: Engine) -> SchemaState:
    """The database's schema state (reads only; migrates nothing)."""
    with engine.connect() as conn:
        return read_state(conn)


def current_revision(engine: Engine) -> str | None:
    """The database's Alembic revision, or None if it has none (empty or made before Alembic)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))


def migrate(engine: Engine) -> list[str]:
    """Bring the database to HEAD; return the revisions applied (none if it was current)."""
    # Processes that start together wait for the one that migrates, longer than busy_timeout;
    # even the first read can meet its lock (connecting switches a new SQLite file to WAL).
    deadline = time.monotonic() + MIGRATION_WAIT_S
    while True:
        try:
            if current_revision(engine) == HEAD:
                return []
            with migration_transaction(engine) as conn:
                return upgrade_connection(conn)
        except DBAPIError as error:
            if not is_transient(error) or time.monotonic() > deadline:
                raise
        time.sleep(0.1)


@contextmanager
def migration_transaction(engine: Engine) -> Iterator[Connection]:
    """One locked transaction for schema changes (see the module docstring)."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Only outside a transaction does SQLite accept this pragma.
            _sqlite_pragma(conn, "PRAGMA foreign_keys=OFF")
        try:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
                yield conn
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise SchemaError(f"migration broke foreign keys: {broken[:3]}")
        finally:
            if sqlite:
                _sqlite_pragma(conn, "PRAGMA foreign_keys=ON")


def upgrade_connection(conn: Connection, target: str = "head") -> list[str]:
    """Upgrade inside the caller's locked transaction; return the revisions applied."""
    from alembic import command

    state = read_state(conn)  # again: another process may have migrated while we waited
    if state.is_current and target == "head":
        return []
    if state.revision is None:
        _adopt_unversioned(conn, state)
    elif state.revision not in known_revisions():
        raise SchemaError(
            f"the database is at revision {state.revision}, which this version does not know "
            f"(newest known: {HEAD}); update the application"
        )
    applied: list[str] = []
    command.upgrade(alembic_config(conn, applied), target)
    return applied


def alembic_config(conn: Connection, applied: list[str] | None = None) -> Config:
    """Alembic's configuration for running the scripts on `conn` (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = conn
    if applied is not None:

        def record(*, step: Any, **_: Any) -> None:
            if step.is_upgrade and not step.is_stamp:
                applied.append(step.up_revision_id)

        config.attributes["on_version_apply"] = [record]
    return config


def known_revisions() -> set[str]:
    """Every revision id among the scripts."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(SCRIPTS)).walk_revisions()}


def script_head() -> str:
    """The newest revision among the scripts (HEAD must name it)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(SCRIPTS)).get_current_head()
    assert head is not None
    return head


def _adopt_unversioned(conn: Connection, state: SchemaState) -> None:
    """A database without `alembic_version`: fresh, or made by the former migration list."""
    if state.legacy == (LEGACY_BASELINE,):
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        MigrationContext.configure(conn).stamp(ScriptDirectory(str(SCRIPTS)), BASELINE)
    elif state.legacy or state.has_tables:
        found = ", ".join(state.legacy or ()) or "no migration record"
        raise SchemaError(f"the database holds tables of unknown origin ({found}); not migrated")
    if state.legacy is not None:
        conn.execute(text(f"DROP TABLE {LEGACY_TABLE}"))  # its one fact now lives in Alembic's


def _sqlite_pragma(conn: Connection, pragma: str) -> None:
    # On the driver's connection: SQLAlchemy would first BEGIN (see `on_sqlite_begin`).
    conn.connection.driver_connection.execute(pragma)  # type: ignore[union-attr]
