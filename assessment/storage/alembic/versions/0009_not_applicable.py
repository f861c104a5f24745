"""Answer: "not applicable" apart from "don't know" (both were a NULL value before).

`answer.not_applicable` marks an answer without a scale value that says the statement does not
apply; every existing NULL answer stays "don't know", so existing scores do not change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_not_applicable"
down_revision = "0007_units"

_CHECK = "NOT not_applicable OR (answered AND value IS NULL)"


def upgrade() -> None:
    with op.batch_alter_table("answer") as batch:
        batch.add_column(
            sa.Column("not_applicable", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.create_check_constraint(op.f("ck_answer_not_applicable_has_no_value"), _CHECK)


def downgrade() -> None:
    # Version 1 has one "no rating": a "not applicable" answer becomes "don't know".
    with op.batch_alter_table("answer") as batch:
        batch.drop_constraint(op.f("ck_answer_not_applicable_has_no_value"), type_="check")
        batch.drop_column("not_applicable")
