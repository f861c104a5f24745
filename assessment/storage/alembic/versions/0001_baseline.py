"""Baseline: the schema as `0001_initial` of the former migration list created it.

Written out in full (not taken from `tables.metadata`), so it never changes. A database made
by that list is stamped at this revision instead of running it (see `migrations.py`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assessment.storage.alembic import frozen

revision = "0001_baseline"
down_revision = None

#: SQLite would otherwise reuse the ids of deleted rows; other dialects ignore this.
NO_ID_REUSE = {"sqlite_autoincrement": True}


_created = frozen.created_column


def _per_area_table(name: str, value: sa.Column) -> None:
    """A table of one value per round and area (targets, notes)."""
    op.create_table(
        name,
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(60), nullable=False),
        value,
        sa.PrimaryKeyConstraint("round_id", "area", name=op.f(f"pk_{name}")),
        sa.ForeignKeyConstraint(
            ["round_id"], ["round.id"], name=op.f(f"fk_{name}_round_id_round"), ondelete="CASCADE"
        ),
    )


def upgrade() -> None:
    op.create_table(
        "organisation",
        *frozen.organisation_columns(),
        *frozen.organisation_constraints(),
        **NO_ID_REUSE,
    )
    op.create_table(
        "questionnaire_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("questionnaire_id", sa.String(60), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        _created(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire_snapshot")),
        sa.UniqueConstraint(
            "questionnaire_id",
            "version",
            "fingerprint",
            name=op.f("uq_questionnaire_snapshot_questionnaire_id_version_fingerprint"),
        ),
    )
    op.create_table("round", *frozen.round_columns(), *frozen.round_constraints(), **NO_ID_REUSE)
    op.create_index(op.f("ix_round_organisation_id"), "round", ["organisation_id"])
    op.create_table(
        "respondent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("submitted", sa.Boolean(), server_default=sa.false(), nullable=False),
        _created(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_respondent")),
        sa.UniqueConstraint("round_id", "label", name=op.f("uq_respondent_round_id_label")),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["round.id"],
            name=op.f("fk_respondent_round_id_round"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("token_hash", name=op.f("uq_respondent_token_hash")),
        **NO_ID_REUSE,
    )
    _per_area_table("target", sa.Column("value", sa.Float(), nullable=False))
    op.create_table(
        "action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(60), nullable=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("area", sa.String(60), nullable=False),
        sa.Column("phase", sa.String(10), nullable=False),
        sa.Column("priority", sa.Float(), nullable=True),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
        sa.UniqueConstraint("round_id", "position", name=op.f("uq_action_round_id_position")),
        sa.CheckConstraint(
            "phase IN ('0-3', '3-6', '6-12', '12-24')", name=op.f("ck_action_phase")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'dropped')", name=op.f("ck_action_status")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"], ["round.id"], name=op.f("fk_action_round_id_round"), ondelete="CASCADE"
        ),
    )
    _per_area_table("note", sa.Column("text", sa.Text(), nullable=False))
    op.create_table(
        "answer",
        sa.Column("respondent_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(60), nullable=False),
        sa.Column("answered", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("respondent_id", "item_id", name=op.f("pk_answer")),
        sa.CheckConstraint(
            "answered OR value IS NULL", name=op.f("ck_answer_value_needs_answered")
        ),
        sa.CheckConstraint(
            "value IS NULL OR value >= 0", name=op.f("ck_answer_value_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["respondent.id"],
            name=op.f("fk_answer_respondent_id_respondent"),
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    for name in ("answer", "note", "action", "target", "respondent"):
        op.drop_table(name)
    op.drop_index(op.f("ix_round_organisation_id"), table_name="round")
    for name in ("round", "questionnaire_snapshot", "organisation"):
        op.drop_table(name)
