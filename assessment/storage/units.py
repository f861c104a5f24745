"""Units of an organisation (one level: e.g. Standort Nord, Süd), each with its own link."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select, update

from assessment.responses import NAME_MAX_LENGTH
from assessment.storage import tables as t
from assessment.storage.results import NotFound
from assessment.storage.rounds import check_length
from assessment.storage.tokens import hash_token, new_token
from assessment.storage.transactions import write_transaction


@dataclass(frozen=True)
class NewUnit:
    """A unit just created, with the only copy of its link's token."""

    unit_id: int
    name: str
    token: str


class UnitExists(ValueError):
    """The organisation has a unit of that name already."""


def create_unit(engine: Engine, organisation_id: int, name: str) -> NewUnit:
    """Add a unit with a fresh owner token (only its digest is stored)."""
    check_length("unit name", name, NAME_MAX_LENGTH)
    u, o = t.unit.c, t.organisation.c
    token = new_token()
    with write_transaction(engine) as conn:
        if conn.scalar(select(o.id).where(o.id == organisation_id)) is None:
            raise NotFound(f"organisation {organisation_id}")
        taken = select(u.id).where(u.organisation_id == organisation_id, u.name == name)
        if conn.scalar(taken) is not None:
            raise UnitExists(f"a unit named {name!r} exists already")
        result = conn.execute(
            t.unit.insert().values(
                organisation_id=organisation_id,
                name=name,
                owner_token_hash=hash_token(token),
                created_at=t.utcnow(),
            )
        )
    return NewUnit(result.inserted_primary_key[0], name, token)


@dataclass(frozen=True)
class StoredUnit:
    """A unit as the organisation page lists it (its link's token is never stored)."""

    unit_id: int
    name: str


def list_units(engine: Engine, organisation_id: int) -> tuple[StoredUnit, ...]:
    """The organisation's units in the order they were added."""
    u = t.unit.c
    stmt = select(u.id, u.name).where(u.organisation_id == organisation_id).order_by(u.id)
    with engine.connect() as conn:
        return tuple(StoredUnit(row.id, row.name) for row in conn.execute(stmt))


def renew_unit_link(engine: Engine, organisation_id: int, unit_id: int) -> NewUnit:
    """Give a unit a fresh link; the old one stops working (only digests are stored)."""
    u = t.unit.c
    token = new_token()
    with write_transaction(engine) as conn:
        name = conn.scalar(
            select(u.name).where(u.id == unit_id, u.organisation_id == organisation_id)
        )
        if name is None:
            raise NotFound(f"unit {unit_id}")
        conn.execute(
            update(t.unit).where(u.id == unit_id).values(owner_token_hash=hash_token(token))
        )
    return NewUnit(unit_id, name, token)
