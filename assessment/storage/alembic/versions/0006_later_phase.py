"""Action: the plan phase "later" for measures the capacity leaves for after 24 months."""

from __future__ import annotations

from alembic import op

revision = "0006_later_phase"
down_revision = "0005_consensus"

_BEFORE = "phase IN ('0-3', '3-6', '6-12', '12-24')"
_AFTER = "phase IN ('0-3', '3-6', '6-12', '12-24', 'later')"


def _phase_check(condition: str) -> None:
    with op.batch_alter_table("action") as batch:
        batch.drop_constraint(op.f("ck_action_phase"), type_="check")
        batch.create_check_constraint(op.f("ck_action_phase"), condition)


def upgrade() -> None:
    _phase_check(_AFTER)


def downgrade() -> None:
    # Steps deferred to "later" become steps of the last timed phase, which the old check allows.
    op.execute("UPDATE action SET phase = '12-24' WHERE phase = 'later'")
    _phase_check(_BEFORE)
