"""What the results pages read about a round: its revision, answers and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine

from assessment.organisation_file import OrganisationFile
from assessment.responses import ResponseFile
from assessment.services.access import Visitor, require, require_round
from assessment.services.errors import NotFound, storage_boundary
from assessment.storage import repository as repo

if TYPE_CHECKING:
    import pandas as pd


def revision(engine: Engine, visitor: Visitor | None) -> int:
    """The round's revision counter (grows with every write; results cache on it)."""
    found = require_round(visitor, "results")
    with storage_boundary("read revision", round=found.round_id):
        return repo.round_revision(engine, found.round_id)


def round_answers(engine: Engine, visitor: Visitor | None) -> pd.DataFrame:
    """Every given answer of the round as a long table for scoring (respondents by label)."""
    found = require_round(visitor, "results")
    with storage_boundary("read answers", round=found.round_id):
        return repo.round_answers(engine, found.round_id)


def export_round(engine: Engine, visitor: Visitor | None) -> ResponseFile:
    """The visitor's round as a response file (labels, no tokens; no roles when anonymous)."""
    found = require_round(visitor, "export")
    with storage_boundary("export round", round=found.round_id):
        return repo.export_round(engine, found.round_id)


def export_organisation(engine: Engine, visitor: Visitor | None) -> OrganisationFile:
    """Every round of the owner's organisation, oldest first, in one organisation file."""
    owner = require(visitor, "rounds")
    with storage_boundary("export organisation", organisation=owner.organisation_id):
        rounds = repo.organisation_rounds(engine, owner.organisation_id)
        files = [repo.export_round(engine, r.round_id) for r in rounds]
    if not files:
        raise NotFound(f"organisation {owner.organisation_id} has no rounds")
    return OrganisationFile(organisation=files[-1].organisation, rounds=files)
