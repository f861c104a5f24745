"""Units of an organisation: only the organisation link adds them; a unit's link sees its own
unit (see `history`)."""

from __future__ import annotations

from sqlalchemy import Engine

from assessment.responses import NAME_MAX_LENGTH
from assessment.services.access import Visitor, require
from assessment.services.errors import Conflict, Invalid, storage_boundary
from assessment.storage import units as stored
from assessment.storage.transactions import retrying


def add_unit(engine: Engine, visitor: Visitor | None, name: str) -> stored.NewUnit:
    """Add a unit to the organisation; returns it with the only copy of its link's token."""
    owner = require(visitor, "units")
    name = name.strip()
    if not name or len(name) > NAME_MAX_LENGTH:
        raise Invalid(f"a unit's name has 1 to {NAME_MAX_LENGTH} characters")
    with storage_boundary("add unit", organisation=owner.organisation_id):
        try:
            return retrying(stored.create_unit, engine, owner.organisation_id, name)
        except stored.UnitExists as error:
            raise Conflict(str(error)) from None
