"""Units of an organisation (one level: e.g. Standort Nord, Süd), each with its own link."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

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
