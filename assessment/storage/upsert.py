"""INSERT … ON CONFLICT for the two supported databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Table

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

_SUPPORTED = ("sqlite", "postgresql")


def insert_for(conn: Connection, table: Table) -> sqlite.Insert | postgresql.Insert:
    """An INSERT for `table` that offers `on_conflict_do_update` / `on_conflict_do_nothing`."""
    name = conn.dialect.name
    if name not in _SUPPORTED:
        raise NotImplementedError(f"database {name!r} is not supported (use SQLite or PostgreSQL)")
    # Only the dialect in use is imported (keeps PostgreSQL's off a SQLite app's start-up).
    return importlib.import_module(f"sqlalchemy.dialects.{name}").insert(table)
