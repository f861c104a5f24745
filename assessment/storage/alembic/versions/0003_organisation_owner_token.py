"""Organisation: the digest of its owner token (the organisation link; DESIGN §10).

Organisations stored before have no owner link (NULL); a new one gets it when it is created.

Revision ID: 0003_organisation_owner_token
Revises: 0002_round_uid_revision
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_organisation_owner_token"
down_revision = "0002_round_uid_revision"
branch_labels = None
depends_on = None


def _organisation(*extra: sa.Column | sa.Constraint) -> sa.Table:
    """The organisation table of revision 0001 plus `extra`, for SQLite's table rebuild."""
    return sa.Table(
        "organisation",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(200), nullable=False),
        sa.Column("sector", sa.String(200), nullable=False),
        sa.Column("size", sa.String(200), nullable=False),
        sa.Column("region", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *extra,
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        sqlite_autoincrement=True,
    )


def upgrade() -> None:
    with op.batch_alter_table("organisation", copy_from=_organisation()) as batch:
        batch.add_column(sa.Column("owner_token_hash", sa.String(64), nullable=True))
        batch.create_unique_constraint(
            op.f("uq_organisation_owner_token_hash"), ["owner_token_hash"]
        )


def downgrade() -> None:
    current = _organisation(
        sa.Column("owner_token_hash", sa.String(64), nullable=True),
        sa.UniqueConstraint("owner_token_hash", name=op.f("uq_organisation_owner_token_hash")),
    )
    with op.batch_alter_table("organisation", copy_from=current) as batch:
        batch.drop_constraint(op.f("uq_organisation_owner_token_hash"), type_="unique")
        batch.drop_column("owner_token_hash")
