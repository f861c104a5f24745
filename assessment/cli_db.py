"""`python -m assessment db upgrade | current`: the database's schema revision, for operators."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from assessment.storage import engine as storage_engine
from assessment.storage import migrations

EXIT_NOT_CURRENT = 1
SUPPORTED = ("sqlite", "postgresql")
UPGRADE_HINT = "run: python -m assessment db upgrade"


class DatabaseProblem(Exception):
    """The database cannot be opened or migrated; the message is one line."""


def run(action: str, url: str | None) -> tuple[int, str]:
    """Carry out `action` on the database at `url`; return the exit code and the line to print."""
    url = storage_engine.database_url(url)
    shown = _shown(url)
    if action == "current" and _missing_sqlite_file(url):
        return EXIT_NOT_CURRENT, f"no database at {shown}"
    engine = _open(url, shown)
    try:
        if action == "upgrade":
            return 0, _upgrade(engine)
        return _current(engine)
    except DBAPIError as exc:
        raise DatabaseProblem(f"cannot use the database {shown}: {_first_line(exc)}") from None
    except migrations.SchemaError as exc:
        raise DatabaseProblem(f"{shown}: {exc}") from None
    finally:
        engine.dispose()


def open_migrated(url: str) -> Engine:
    """An engine on the database at `url`, upgraded to the newest schema; DatabaseProblem if not."""
    shown = _shown(url)
    engine = _open(url, shown)
    try:
        migrations.migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseProblem(f"cannot use the database {shown}: {_first_line(exc)}") from None
    except migrations.SchemaError as exc:
        engine.dispose()
        raise DatabaseProblem(f"{shown}: {exc}") from None
    return engine


def _upgrade(engine: Engine) -> str:
    applied = migrations.migrate(engine)
    done = f"applied {', '.join(applied)}" if applied else "nothing to apply"
    return f"{migrations.HEAD} (head); {done}"


def _current(engine: Engine) -> tuple[int, str]:
    state = migrations.schema_state(engine)
    if state.is_current:
        return 0, f"{state.revision} (head)"
    if state.revision is None:
        if state.legacy == (migrations.LEGACY_BASELINE,):
            why = "made before Alembic migrations"
        elif not state.has_tables and not state.legacy:
            why = "empty database"
        else:
            why = "tables of unknown origin"
        return EXIT_NOT_CURRENT, f"unversioned ({why}; {UPGRADE_HINT})"
    if state.revision in migrations.known_revisions():
        return EXIT_NOT_CURRENT, f"{state.revision} (behind head {migrations.HEAD}; {UPGRADE_HINT})"
    return EXIT_NOT_CURRENT, f"{state.revision} (unknown here; newest known: {migrations.HEAD})"


def _open(url: str, shown: str) -> Engine:
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        raise DatabaseProblem(f"not a database URL: {shown}") from None
    if backend not in SUPPORTED:
        raise DatabaseProblem(f"unsupported database {backend!r} (use SQLite or PostgreSQL)")
    try:
        return storage_engine.make_engine(url, migrate=False)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseProblem(f"cannot use the database {shown}: {_first_line(exc)}") from None
    except OSError as exc:
        raise DatabaseProblem(f"cannot use the database {shown}: {exc.strerror or exc}") from None


def _shown(url: str) -> str:
    """The URL as it may be printed (no password)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def _missing_sqlite_file(url: str) -> bool:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return False
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return False
    return not database.startswith("file:") and not Path(database).exists()


def _first_line(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc
    return (str(cause).strip().splitlines() or [type(cause).__name__])[0]
