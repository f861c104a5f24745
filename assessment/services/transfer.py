"""Import and export of response files: validated whole, stored once, never half."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire
from assessment.responses import ResponseFile, ResponseFileError, parse_responses
from assessment.services.errors import Conflict, Invalid, storage_boundary
from assessment.storage import repository as repo
from assessment.storage.results import NewRound


class InvalidFile(Invalid):
    """A response file rejected as a whole; `lines` names the file, the JSON path and why."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


class AlreadyImported(Conflict):
    """The file was imported before, unchanged since: nothing new was stored."""

    def __init__(self, round_id: int):
        super().__init__(f"this file's round is stored already (round {round_id})")
        self.round_id = round_id


class ImportConflict(Conflict):
    """A round with the file's id is stored with other content; import it `as_new` if wanted."""

    def __init__(self, round_id: int):
        super().__init__(f"a round with this file's id is stored with other content ({round_id})")
        self.round_id = round_id


@dataclass(frozen=True)
class Imported:
    """A round stored from a file, with the only copies of its new links' tokens."""

    file: ResponseFile
    questionnaire: Questionnaire
    new: NewRound

    @property
    def token(self) -> str:
        """The token that opens the round: a self-check's one respondent's, else the facilitator's.

        A session's respondent sees no results, so a session opens as its facilitator.
        """
        if self.file.mode == "self" and len(self.new.respondents) == 1:
            return self.new.respondents[0].token
        return self.new.admin_token


def read_file(
    content: bytes | str, name: str, catalogue: dict[tuple[str, str], Questionnaire]
) -> tuple[ResponseFile, Questionnaire]:
    """Validate a response file against the questionnaires; InvalidFile names every problem."""
    try:
        return parse_responses(content, catalogue, name)
    except ResponseFileError as error:
        raise InvalidFile(error.lines()) from None


def import_file(
    engine: Engine, data: ResponseFile, q: Questionnaire, as_new: bool = False
) -> Imported:
    """Store a validated file as a new round; the same file twice is refused, storing nothing."""
    try:
        with storage_boundary("import round", uid=data.round.id):
            new = repo.import_round(engine, data, q, as_new=as_new)
    except repo.AlreadyImported as error:
        raise AlreadyImported(error.round_id) from None
    except repo.ImportConflict as error:
        raise ImportConflict(error.round_id) from None
    return Imported(data, q, new)
