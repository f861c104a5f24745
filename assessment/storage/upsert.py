"""INSERT … ON CONFLICT for the two supported databases (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def insert_for(conn: Connection, table: Table) -> sqlite.Insert | postgresql.Insert:
    """An INSERT for `table` that offers `on_conflict_do_update` / `on_conflict_do_nothing`."""
    try:
        make = _INSERTS[conn.dialect.name]
    except KeyError:
        raise NotImplementedError(
            f"database {conn.dialect.name!r} is not supported (use SQLite or PostgreSQL)"
        ) from None
    return make(table)
