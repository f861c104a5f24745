"""Transactions: plain reads, and short write transactions that lock early on SQLite.

SQLite allows one writer at a time. Within one app process the writers queue on a lock of
their own (first come, first served) instead of on SQLite's busy handler, which sleeps in
growing steps and lets a waiting writer starve while the others get through; `busy_timeout`
is then only ever spent on writers in other processes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

#: Execution option that makes a SQLite transaction start with BEGIN IMMEDIATE.
WRITE_OPTION = "vielfaltskompass_write"

#: Attempts of a write that failed for a passing reason, and the pause before each retry.
RETRY_PAUSES_S = (0.05, 0.2)

#: PostgreSQL's serialization failure and deadlock: the transaction may simply be run again.
_PG_RETRYABLE = {"40001", "40P01"}

_sqlite_writers = threading.RLock()

T = TypeVar("T")


def on_sqlite_begin(conn: Connection) -> None:
    """Emit BEGIN ourselves (the sqlite3 driver's own transaction control is switched off)."""
    # A write transaction takes the write lock up front: a deferred one that read first could
    # fail at its first write with "database is locked" without waiting for busy_timeout.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A short write transaction: commits on success, rolls back on any error."""
    queue = _sqlite_writers if engine.dialect.name == "sqlite" else nullcontext()
    with queue, engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn


def is_transient(error: BaseException) -> bool:
    """Whether a database error may pass if the transaction is simply tried again."""
    if not isinstance(error, DBAPIError):
        return False
    if isinstance(error, OperationalError) and error.orig is not None:
        message = str(error.orig).lower()
        if "database is locked" in message or "database is busy" in message:
            return True
    code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return code in _PG_RETRYABLE


def retrying(write: Callable[..., T], *args: object, **kwargs: object) -> T:
    """Run a write (one transaction) again after a passing failure, a bounded number of times."""
    for pause in RETRY_PAUSES_S:
        try:
            return write(*args, **kwargs)
        except DBAPIError as error:
            if not is_transient(error):
                raise
        time.sleep(pause)
    return write(*args, **kwargs)


def erase_traces(engine: Engine) -> None:
    """After a deletion: copy the WAL into the SQLite file and truncate it (no-op elsewhere).

    With `secure_delete` the file then holds zeros where the deleted rows were, and the WAL,
    which still had the pages as they were before, is emptied.
    """
    if engine.dialect.name != "sqlite":
        return
    with _sqlite_writers, engine.connect() as conn:
        # On the driver's connection: SQLAlchemy would first BEGIN, and a checkpoint inside a
        # transaction cannot empty the WAL.
        driver = conn.connection.driver_connection
        busy, _frames, _done = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        logging.getLogger(__name__).warning("WAL checkpoint after a deletion was blocked")
