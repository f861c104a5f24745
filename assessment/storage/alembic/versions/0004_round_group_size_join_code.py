"""Round: the minimum group size of a session (≥ 3) and the digest of its short join code.

Existing rounds get the minimum group size 3 and no join code (their join link still works).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assessment.storage.alembic import frozen

revision = "0004_round_group_size_join_code"
down_revision = "0003_organisation_owner_token"


def _min_group_column() -> sa.Column:
    return sa.Column("min_group_size", sa.Integer(), server_default=sa.text("3"), nullable=False)


def _join_code_column() -> sa.Column:
    return sa.Column("join_code_hash", sa.String(64), nullable=True)


def _round(*extra: sa.Column) -> sa.Table:
    """The round table as 0003 left it plus `extra`, for SQLite's table rebuild (no reflection).

    A plain ADD COLUMN would leave a CREATE statement unlike the one the tables module makes.
    """
    return sa.Table(
        "round",
        sa.MetaData(),
        *frozen.round_columns(),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer(), server_default=sa.text("0"), nullable=False),
        *extra,
        *frozen.round_constraints(),
        sa.UniqueConstraint("uid", name=op.f("uq_round_uid")),
        sa.Index(op.f("ix_round_organisation_id"), "organisation_id"),
        sqlite_autoincrement=True,
    )


def upgrade() -> None:
    with op.batch_alter_table("round", copy_from=_round()) as batch:
        batch.add_column(_min_group_column())
        batch.add_column(_join_code_column())
        batch.create_index(op.f("ix_round_join_code_hash"), ["join_code_hash"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_round_join_code_hash"), table_name="round")
    current = _round(_min_group_column(), _join_code_column())
    with op.batch_alter_table("round", copy_from=current) as batch:
        batch.drop_column("join_code_hash")
        batch.drop_column("min_group_size")
