"""Units: one level below an organisation (e.g. Jobcenter → Standort Nord), each with its link.

A unit has a name and the digest of its own owner token (the unit link: only that unit's
rounds). A round may belong to a unit (`round.unit_id`); existing rounds belong to none.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assessment.storage.alembic import frozen

revision = "0007_units"
down_revision = "0006_later_phase"


def _unit_column() -> sa.Column:
    return sa.Column("unit_id", sa.Integer(), nullable=True)


def _round(*extra: sa.Column | sa.Constraint) -> sa.Table:
    """The round table as 0005 left it plus `extra`, for SQLite's table rebuild (no reflection)."""
    return sa.Table(
        "round",
        sa.MetaData(),
        *frozen.round_columns(),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("min_group_size", sa.Integer(), server_default=sa.text("3"), nullable=False),
        sa.Column("join_code_hash", sa.String(64), nullable=True),
        *extra,
        *frozen.round_constraints(),
        sa.UniqueConstraint("uid", name=op.f("uq_round_uid")),
        sa.Index(op.f("ix_round_organisation_id"), "organisation_id"),
        sa.Index(op.f("ix_round_join_code_hash"), "join_code_hash", unique=True),
        sqlite_autoincrement=True,
    )


def upgrade() -> None:
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("owner_token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_unit_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("owner_token_hash", name=op.f("uq_unit_owner_token_hash")),
        sa.UniqueConstraint("organisation_id", "name", name=op.f("uq_unit_organisation_id_name")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_unit_organisation_id"), "unit", ["organisation_id"])
    with op.batch_alter_table("round", copy_from=_round()) as batch:
        batch.add_column(_unit_column())
        batch.create_foreign_key(
            op.f("fk_round_unit_id_unit"), "unit", ["unit_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index(op.f("ix_round_unit_id"), ["unit_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_round_unit_id"), table_name="round")
    current = _round(
        _unit_column(),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_round_unit_id_unit"), ondelete="CASCADE"
        ),
    )
    with op.batch_alter_table("round", copy_from=current) as batch:
        batch.drop_constraint(op.f("fk_round_unit_id_unit"), type_="foreignkey")
        batch.drop_column("unit_id")
    op.drop_index(op.f("ix_unit_organisation_id"), table_name="unit")
    op.drop_table("unit")
