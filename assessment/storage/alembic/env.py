"""Alembic environment: runs on the connection that `assessment.storage.migrations` hands over.

There is no alembic.ini: `migrations.upgrade_connection` builds the configuration, opens the
transaction and takes the lock, so that the app, the command line (`python -m assessment db
upgrade`) and the tests all migrate the same way.
"""

from __future__ import annotations

from alembic import context

from assessment.storage import tables

config = context.config
connection = config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("migrate with `python -m assessment db upgrade`, not with the alembic tool")

context.configure(
    connection=connection,
    target_metadata=tables.metadata,
    # SQLite cannot ALTER most things: batch operations rebuild the table there instead.
    render_as_batch=True,
    on_version_apply=config.attributes.get("on_version_apply", ()),
)
with context.begin_transaction():  # a no-op: the caller's transaction holds every step
    context.run_migrations()
