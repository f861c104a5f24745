"""Consensus: the score per area a session's group agreed on (stored beside the mean)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_consensus"
down_revision = "0004_round_group_size_join_code"


def upgrade() -> None:
    op.create_table(
        "consensus",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(60), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("round_id", "area", name=op.f("pk_consensus")),
        sa.ForeignKeyConstraint(
            ["round_id"], ["round.id"], name=op.f("fk_consensus_round_id_round"), ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("consensus")
