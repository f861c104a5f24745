"""Test databases: a SQLite file, or a fresh schema on the PostgreSQL server of the test URL.

`VIELFALTSKOMPASS_TEST_PG_URL` (e.g. `postgresql+psycopg://user@/postgres?host=/tmp/pg`) names
a server the tests may create schemas on; `scripts/test` starts a throwaway one and sets it.
Each test gets a schema of its own (`search_path` set through the URL), dropped afterwards, so
a developer's own database is never emptied.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

PG_URL_ENV = "VIELFALTSKOMPASS_TEST_PG_URL"


def pg_url() -> str:
    """The PostgreSQL server for tests, or "" when none is configured."""
    return os.environ.get(PG_URL_ENV, "").strip()


def backends() -> tuple[str, ...]:
    """The engines the storage, service and migration tests run on.

    PostgreSQL when a test URL is set, and always in CI (CI=true), where its absence fails.
    """
    if pg_url() or os.environ.get("CI") == "true":
        return ("sqlite", "postgresql")
    return ("sqlite",)


def require_pg_url() -> str:
    """The PostgreSQL test URL; without one skip the test, or fail it in CI (CI=true)."""
    url = pg_url()
    if url:
        return url
    message = f"${PG_URL_ENV} is not set (scripts/test starts a throwaway PostgreSQL server)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def sqlite_file_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


def with_search_path(url: str, schema: str) -> str:
    """`url` with every connection's `search_path` set to `schema` (PostgreSQL)."""
    parsed = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return parsed.render_as_string(hide_password=False)


@contextmanager
def pg_schema(base_url: str) -> Iterator[str]:
    """A new, empty schema on the server of `base_url`: yields a URL that uses it, then drops it."""
    name = f"vk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, poolclass=NullPool)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        yield with_search_path(base_url, name)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


@contextmanager
def database_url(backend: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database on `backend`: a SQLite file in `folder` or a fresh schema."""
    if backend == "sqlite":
        yield sqlite_file_url(folder / "db" / "test.db")
        return
    with pg_schema(require_pg_url()) as url:
        yield url
