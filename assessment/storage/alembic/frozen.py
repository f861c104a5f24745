"""Tables as revision 0001 created them, for that revision and for later SQLite rebuilds.

Frozen: never edit these. A later revision that rebuilds a table on SQLite (batch mode with
`copy_from`, because reflection would lose AUTOINCREMENT) starts from the copy here.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.sql.elements import conv


def created_column() -> sa.Column:
    """The `created_at` column every table of 0001 with a creation time has."""
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False)


def organisation_columns() -> list[sa.Column]:
    """The columns of `organisation` in 0001."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(200), nullable=False),
        sa.Column("sector", sa.String(200), nullable=False),
        sa.Column("size", sa.String(200), nullable=False),
        sa.Column("region", sa.String(200), nullable=False),
        created_column(),
    ]


def organisation_constraints() -> list[sa.Constraint]:
    """The constraints of `organisation` in 0001."""
    return [sa.PrimaryKeyConstraint("id", name=conv("pk_organisation"))]


def round_columns() -> list[sa.Column]:
    """The columns of `round` in 0001."""
    return [
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
        created_column(),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    ]


def round_constraints() -> list[sa.Constraint]:
    """The constraints of `round` in 0001."""
    return [
        sa.PrimaryKeyConstraint("id", name=conv("pk_round")),
        sa.CheckConstraint("mode IN ('self', 'session')", name=conv("ck_round_mode")),
        sa.CheckConstraint("status IN ('open', 'closed')", name=conv("ck_round_status")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=conv("fk_round_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["questionnaire_snapshot.id"],
            name=conv("fk_round_snapshot_id_questionnaire_snapshot"),
        ),
        sa.UniqueConstraint("admin_token_hash", name=conv("uq_round_admin_token_hash")),
        sa.UniqueConstraint("join_token_hash", name=conv("uq_round_join_token_hash")),
    ]
