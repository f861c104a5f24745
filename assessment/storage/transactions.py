"""Transactions: plain reads, and short write transactions that lock early on SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

#: Execution option that makes a SQLite transaction start with BEGIN IMMEDIATE.
WRITE_OPTION = "vielfaltskompass_write"


def on_sqlite_begin(conn: Connection) -> None:
    """Emit BEGIN ourselves (the sqlite3 driver's own transaction control is switched off)."""
    # A write transaction takes the write lock up front: a deferred one that read first could
    # fail at its first write with "database is locked" without waiting for busy_timeout.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A short write transaction: commits on success, rolls back on any error."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn
