"""Round: a stable `uid` (for idempotent imports) and a `revision` counter (for caches).

Existing rounds get a fresh uuid4 each and revision 0.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from assessment.storage.alembic import frozen

revision = "0002_round_uid_revision"
down_revision = "0001_baseline"


def _round(*extra: sa.Column | sa.Constraint) -> sa.Table:
    """The round table of revision 0001 plus `extra`, for SQLite's table rebuild (no reflection).

    Reflection would lose the AUTOINCREMENT flag; the frozen copy keeps the rebuild exact.
    """
    return sa.Table(
        "round",
        sa.MetaData(),
        *frozen.round_columns(),
        *extra,
        *frozen.round_constraints(),
        sa.Index(op.f("ix_round_organisation_id"), "organisation_id"),
        sqlite_autoincrement=True,
    )


def _revision_column() -> sa.Column:
    return sa.Column("revision", sa.Integer(), server_default=sa.text("0"), nullable=False)


def upgrade() -> None:
    # Added as plain columns first (SQLite can ADD COLUMN), filled, then tightened.
    op.add_column("round", sa.Column("uid", sa.String(36), nullable=True))
    op.add_column("round", _revision_column())
    rounds = sa.table("round", sa.column("id", sa.Integer()), sa.column("uid", sa.String(36)))
    conn = op.get_bind()
    for (round_id,) in conn.execute(sa.select(rounds.c.id)).all():
        conn.execute(rounds.update().where(rounds.c.id == round_id).values(uid=str(uuid.uuid4())))
    before = _round(sa.Column("uid", sa.String(36), nullable=True), _revision_column())
    with op.batch_alter_table("round", copy_from=before) as batch:
        batch.alter_column("uid", existing_type=sa.String(36), nullable=False)
        batch.create_unique_constraint(op.f("uq_round_uid"), ["uid"])


def downgrade() -> None:
    current = _round(
        sa.Column("uid", sa.String(36), nullable=False),
        _revision_column(),
        sa.UniqueConstraint("uid", name=op.f("uq_round_uid")),
    )
    with op.batch_alter_table("round", copy_from=current) as batch:
        batch.drop_constraint(op.f("uq_round_uid"), type_="unique")
        batch.drop_column("revision")
        batch.drop_column("uid")
