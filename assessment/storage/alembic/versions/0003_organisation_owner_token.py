"""Organisation: the digest of its owner token (the organisation link; DESIGN §10).

Organisations stored before have no owner link (NULL); a new one gets it when it is created.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assessment.storage.alembic import frozen

revision = "0003_organisation_owner_token"
down_revision = "0002_round_uid_revision"


def _organisation(*extra: sa.Column | sa.Constraint) -> sa.Table:
    """The organisation table of revision 0001 plus `extra`, for SQLite's table rebuild."""
    return sa.Table(
        "organisation",
        sa.MetaData(),
        *frozen.organisation_columns(),
        *extra,
        *frozen.organisation_constraints(),
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
