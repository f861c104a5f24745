"""What the results pages read about a round: its revision, answers and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine

from assessment.organisation_file import OrganisationFile
from assessment.responses import ResponseFile
from assessment.services.access import Visitor, require, require_round
from assessment.services.errors import Forbidden, NotFound, storage_boundary
from assessment.storage import repository as repo

if TYPE_CHECKING:
    import pandas as pd


def revision(engine: Engine, visitor: Visitor | None) -> int:
    """The round's revision counter (grows with every write; results cache on it)."""
    found = require_round(visitor, "results")
    with storage_boundary("read revision", round=found.round_id):
        return repo.round_revision(engine, found.round_id)


def round_answers(engine: Engine, visitor: Visitor | None) -> pd.DataFrame:
    """Every given answer of a self-check as a long table for scoring (respondents by label).

    A session's answers are read as a group result only (`group.result`): Forbidden here.
    """
    found = require_round(visitor, "results")
    if found.mode == "session":
        raise Forbidden("a session's answers are shown as the group result only")
    with storage_boundary("read answers", round=found.round_id):
        return repo.round_answers(engine, found.round_id)


def export_round(engine: Engine, visitor: Visitor | None) -> ResponseFile:
    """The visitor's round as a response file (labels, no tokens); Forbidden when anonymous.

    A session's file holds those who submitted, as its group result does, and only from the
    minimum group size on.
    """
    found = require_round(visitor, "export")
    with storage_boundary("export round", round=found.round_id):
        data = repo.export_round(engine, found.round_id)
        if found.mode != "session":
            return data
        submitted = {p.label for p in repo.round_respondents(engine, found.round_id) if p.submitted}
    if len(submitted) < found.min_group_size:
        raise Forbidden(f"fewer than {found.min_group_size} people have submitted")
    kept = [person for person in data.respondents if person.id in submitted]
    return data.model_copy(update={"respondents": kept})


def export_organisation(engine: Engine, visitor: Visitor | None) -> OrganisationFile:
    """Every round of the organisation but the anonymous ones, oldest first, in one file."""
    owner = require(visitor, "rounds")
    with storage_boundary("export organisation", organisation=owner.organisation_id):
        rounds = repo.organisation_rounds(engine, owner.organisation_id)
        kept = [r for r in rounds if not repo.round_details(engine, r.round_id).anonymous]
        files = [repo.export_round(engine, r.round_id) for r in kept]  # never anonymous ones
    if not files:
        raise NotFound(f"organisation {owner.organisation_id} has no rounds")
    return OrganisationFile(organisation=files[-1].organisation, rounds=files)
