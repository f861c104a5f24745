"""The current database schema as SQLAlchemy Core tables (portable: SQLite and PostgreSQL).

Representation notes:
- `answer.answered` says whether an answer was given; `value` is then the scale value or
  NULL for "not applicable / don't know". A row with `answered = false` only carries a comment
  and never counts as an answer (the check constraint forbids a value without `answered`).
- `round.plan_saved` tells "no plan saved yet" (None) apart from a plan that was emptied ([]).
- Tokens are never stored, only their SHA-256 hex digests (`*_token_hash`).
- A change here needs a new revision under `alembic/versions/` (see `migrations.py`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)

NAMING = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

#: SQLite would otherwise reuse the ids of deleted rows; other dialects ignore this.
NO_ID_REUSE = {"sqlite_autoincrement": True}


def utcnow() -> dt.datetime:
    """The current time in UTC (timezone-aware)."""
    return dt.datetime.now(dt.UTC)


def _created() -> Column[dt.datetime]:
    return Column("created_at", DateTime(timezone=True), nullable=False, default=utcnow)


organisation = Table(
    "organisation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(200), nullable=False, default=""),
    Column("sector", String(200), nullable=False, default=""),
    Column("size", String(200), nullable=False, default=""),
    Column("region", String(200), nullable=False, default=""),
    _created(),
    # The organisation link (owner: every round, export, delete); NULL for those made before.
    Column("owner_token_hash", String(64), nullable=True, unique=True),
    **NO_ID_REUSE,
)

#: One level below an organisation (e.g. Standort Nord); its own link opens only its rounds.
unit = Table(
    "unit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "organisation_id",
        Integer,
        ForeignKey("organisation.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("name", String(200), nullable=False),
    Column("owner_token_hash", String(64), nullable=False, unique=True),
    _created(),
    UniqueConstraint("organisation_id", "name"),
    **NO_ID_REUSE,
)

questionnaire_snapshot = Table(
    "questionnaire_snapshot",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("questionnaire_id", String(60), nullable=False),
    Column("version", String(40), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("content", Text, nullable=False),
    _created(),
    UniqueConstraint("questionnaire_id", "version", "fingerprint"),
)

#: Used as `tables.round` (shadows the builtin only inside this module).
round = Table(
    "round",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "organisation_id",
        Integer,
        ForeignKey("organisation.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("snapshot_id", Integer, ForeignKey("questionnaire_snapshot.id"), nullable=False),
    Column("questionnaire_id", String(60), nullable=False),
    Column("questionnaire_version", String(40), nullable=False),
    Column("label", String(200), nullable=False),
    Column("date", Date, nullable=False),
    Column("mode", String(10), nullable=False),
    Column("anonymous", Boolean, nullable=False, default=False, server_default=false()),
    Column("status", String(10), nullable=False, default="open"),
    Column("admin_token_hash", String(64), nullable=False, unique=True),
    Column("join_token_hash", String(64), nullable=True, unique=True),
    Column("plan_saved", Boolean, nullable=False, default=False, server_default=false()),
    _created(),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    # Stable across export and import (a uuid4), unlike `id`, which is local to one database.
    Column("uid", String(36), nullable=False, unique=True),
    # Bumped by every write that changes the round (see `revisions.py`); caches key on it.
    Column("revision", Integer, nullable=False, default=0, server_default=text("0")),
    # A session shows no aggregate, spread or comment before this many have submitted (≥ 3).
    Column("min_group_size", Integer, nullable=False, default=3, server_default=text("3")),
    # The short join code's digest (typed in, or read from the QR code's link); NULL before 0004.
    Column("join_code_hash", String(64), nullable=True, unique=True, index=True),
    # The unit the round belongs to (NULL: the organisation as a whole); added by 0006.
    Column(
        "unit_id", Integer, ForeignKey("unit.id", ondelete="CASCADE"), nullable=True, index=True
    ),
    CheckConstraint("mode IN ('self', 'session')", name="mode"),
    CheckConstraint("status IN ('open', 'closed')", name="status"),
    **NO_ID_REUSE,
)

respondent = Table(
    "respondent",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("round.id", ondelete="CASCADE"), nullable=False),
    Column("label", String(200), nullable=False),
    Column("token_hash", String(64), nullable=True, unique=True),
    Column("name", String(200), nullable=False, default=""),
    Column("role", String(200), nullable=False, default=""),
    Column("submitted", Boolean, nullable=False, default=False, server_default=false()),
    _created(),
    UniqueConstraint("round_id", "label"),
    **NO_ID_REUSE,
)

answer = Table(
    "answer",
    metadata,
    Column(
        "respondent_id",
        Integer,
        ForeignKey("respondent.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("item_id", String(60), primary_key=True),
    Column("answered", Boolean, nullable=False, default=False, server_default=false()),
    Column("value", Integer, nullable=True),
    Column("comment", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False, default=utcnow),
    CheckConstraint("answered OR value IS NULL", name="value_needs_answered"),
    CheckConstraint("value IS NULL OR value >= 0", name="value_not_negative"),
)


def _per_area(name: str, value: Column) -> Table:
    """A table of one value per round and area."""
    return Table(
        name,
        metadata,
        Column("round_id", Integer, ForeignKey("round.id", ondelete="CASCADE"), primary_key=True),
        Column("area", String(60), primary_key=True),
        value,
    )


target = _per_area("target", Column("value", Float, nullable=False))

action = Table(
    "action",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("round.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("measure_id", String(60), nullable=True),
    Column("title", String(300), nullable=False, default=""),
    Column("area", String(60), nullable=False),
    Column("phase", String(10), nullable=False),
    Column("priority", Float, nullable=True),
    Column("owner", String(200), nullable=False, default=""),
    Column("due", Date, nullable=True),
    Column("status", String(20), nullable=False, default="open"),
    Column("note", Text, nullable=False, default=""),
    UniqueConstraint("round_id", "position"),
    CheckConstraint("phase IN ('0-3', '3-6', '6-12', '12-24', 'later')", name="phase"),
    CheckConstraint("status IN ('open', 'in_progress', 'done', 'dropped')", name="status"),
)

#: The score per area (0..100) a session's group agreed on; it replaces the mean where set.
consensus = _per_area("consensus", Column("value", Float, nullable=False))

note = _per_area("note", Column("text", Text, nullable=False))
