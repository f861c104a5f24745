"""Ordered, named schema migrations and the `schema_migrations` table that records them.

Each migration runs in its own transaction together with the row that records it, so a
failing migration leaves nothing behind. Rules for adding one: append `("000N_what", fn)` to
MIGRATIONS, change `tables.py` to match, and never edit a migration that has shipped. The
baseline `0001_initial` creates the tables from `tables.metadata`; the first migration that
alters an existing table must first freeze 0001 (write its tables out in full), otherwise a
fresh database would get the change twice — the schema test catches that.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    inspect,
    select,
    text,
)

from assessment.storage import tables
from assessment.storage.transactions import write_transaction

Migration = tuple[str, Callable[[Connection], None]]

#: Kept apart from `tables.metadata`: it belongs to the migration machinery, not the app.
migration_metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    migration_metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

#: Arbitrary constant for PostgreSQL's advisory lock, so that two processes never migrate at once.
_PG_LOCK_KEY = 0x5649454C  # "VIEL"


def _initial(conn: Connection) -> None:
    tables.metadata.create_all(conn)


MIGRATIONS: list[Migration] = [
    ("0001_initial", _initial),
]


def _lock(conn: Connection) -> None:
    # SQLite is already serialised by BEGIN IMMEDIATE (see transactions.write_transaction).
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


def migrate(engine: Engine) -> list[str]:
    """Apply the missing migrations in order, one transaction each; return the names applied."""
    with write_transaction(engine) as conn:
        _lock(conn)
        schema_migrations.create(conn, checkfirst=True)
    applied: list[str] = []
    for name, step in MIGRATIONS:
        with write_transaction(engine) as conn:
            _lock(conn)
            done = select(schema_migrations.c.name).where(schema_migrations.c.name == name)
            if conn.scalar(done) is not None:
                continue
            step(conn)
            conn.execute(schema_migrations.insert().values(name=name, applied_at=tables.utcnow()))
        applied.append(name)
    return applied


def applied_migrations(engine: Engine) -> list[str]:
    """Names of the migrations recorded in the database, in order."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(schema_migrations.name):
            return []
        names = conn.scalars(select(schema_migrations.c.name).order_by(schema_migrations.c.name))
        return list(names)
