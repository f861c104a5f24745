"""What the results pages read about a round: its revision, answers and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine

from assessment.group_rules import anonymised
from assessment.organisation_file import OrganisationFile
from assessment.responses import ResponseFile
from assessment.services.access import Visitor, questionnaire, require, require_round
from assessment.services.errors import Forbidden, NotFound, storage_boundary
from assessment.storage import repository as repo
from assessment.storage.results import RoundDetails

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
    """The visitor's round as a response file (labels, no tokens).

    A session's file holds those who submitted, as its group result does, and only from the
    minimum group size on (Forbidden below); an anonymous one only in its anonymous form:
    answer sets under opaque ids in no particular order, no name or role, comments apart,
    statements rated by fewer than the minimum left out (`group_rules.anonymised`).
    """
    found = require_round(visitor, "export")
    with storage_boundary("export round", round=found.round_id):
        data = _round_file(engine, found)
    if data is None:
        raise Forbidden(f"fewer than {found.min_group_size} people have submitted")
    return data


def _round_file(engine: Engine, found: RoundDetails) -> ResponseFile | None:
    """The round's file by the group rules; None for a session below its minimum group size."""
    session = found.mode == "session"
    data = repo.export_round(engine, found.round_id, submitted_only=session)
    if not session:
        return data
    if len(data.respondents) < found.min_group_size:
        return None
    return anonymised(data) if found.anonymous else data


def report_pdf(engine: Engine, visitor: Visitor | None, lang: str) -> bytes:
    """The round's PDF from its response file; a session's also says how many joined."""
    from assessment.report import build_report  # heavy: imported only when a report is asked for

    found = require_round(visitor, "pdf")
    data = export_round(engine, visitor)
    joined = None
    if found.mode == "session":
        with storage_boundary("read respondents", round=found.round_id):
            joined = len(repo.round_respondents(engine, found.round_id))
    return build_report(data, questionnaire(engine, visitor), lang=lang, joined=joined)  # type: ignore[arg-type]


def export_organisation(engine: Engine, visitor: Visitor | None) -> OrganisationFile:
    """Every round of the organisation, oldest first, in one file, each by the group rules.

    A session below its minimum group size is left out; an anonymous one is in anonymous form.
    """
    owner = require(visitor, "rounds")
    with storage_boundary("export organisation", organisation=owner.organisation_id):
        rounds = repo.organisation_rounds(engine, owner.organisation_id)
        found = [_round_file(engine, repo.round_details(engine, r.round_id)) for r in rounds]
    files = [data for data in found if data is not None]
    if not files:
        raise NotFound(f"organisation {owner.organisation_id} has no rounds to export")
    return OrganisationFile(organisation=files[-1].organisation, rounds=files)
