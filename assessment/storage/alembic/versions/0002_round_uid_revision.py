"""Round: a stable `uid` (for idempotent imports) and a `revision` counter (for caches).

Existing rounds get a fresh uuid4 each and revision 0.

Revision ID: 0002_round_uid_revision
Revises: 0001_baseline
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002_round_uid_revision"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def _round(*extra: sa.Column | sa.Constraint) -> sa.Table:
    """The round table of revision 0001 plus `extra`, for SQLite's table rebuild (no reflection).

    Reflection would lose the AUTOINCREMENT flag; a frozen copy here keeps the rebuild exact.
    """
    return sa.Table(
        "round",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("questionnaire_id", sa.String(60), nullable=False),
        sa.Column("questionnaire_version", sa.String(40), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("anonymous", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("admin_token_hash", sa.String(64), nullable=False),
        sa.Column("join_token_hash", sa.String(64), nullable=True),
        sa.Column("plan_saved", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        *extra,
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round")),
        sa.CheckConstraint("mode IN ('self', 'session')", name=op.f("ck_round_mode")),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_round_status")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_round_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["questionnaire_snapshot.id"],
            name=op.f("fk_round_snapshot_id_questionnaire_snapshot"),
        ),
        sa.UniqueConstraint("admin_token_hash", name=op.f("uq_round_admin_token_hash")),
        sa.UniqueConstraint("join_token_hash", name=op.f("uq_round_join_token_hash")),
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
