"""What the repository functions return, and the errors they raise."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from assessment.responses import Organisation

Mode = Literal["self", "session"]
RoundStatus = Literal["open", "closed"]


@dataclass(frozen=True)
class NewRespondent:
    """A respondent just created, with the only copy of its private token."""

    respondent_id: int
    label: str
    token: str


@dataclass(frozen=True)
class NewRound:
    """A round just created, with the only copies of its tokens."""

    round_id: int
    organisation_id: int
    admin_token: str
    join_token: str | None
    respondents: tuple[NewRespondent, ...]
    #: The organisation link's token; None when the round joined an existing organisation.
    owner_token: str | None = None
    #: A session's short join code (shown as "ABCD-EFGH"); None for a self-check.
    join_code: str | None = None

    @property
    def respondent_id(self) -> int | None:
        """The first respondent's id (the one respondent of a self-check)."""
        return self.respondents[0].respondent_id if self.respondents else None

    @property
    def respondent_token(self) -> str | None:
        """The first respondent's token (the one respondent of a self-check)."""
        return self.respondents[0].token if self.respondents else None


@dataclass(frozen=True)
class Access:
    """What a token opens: a respondent's answers, a round as admin, or joining a session."""

    round_id: int
    respondent_id: int | None
    is_admin: bool

    @property
    def is_join(self) -> bool:
        """A session's join token: may add a respondent, nothing else."""
        return not self.is_admin and self.respondent_id is None


Kind = Literal["respondent", "facilitator", "join", "owner", "unit_owner"]


@dataclass(frozen=True)
class Capability:
    """What a token is: a respondent's, a round's admin or join token, or an organisation's.

    An organisation (owner) token opens its newest round (`round_id`; None if it has none).
    """

    kind: Kind
    organisation_id: int
    round_id: int | None
    respondent_id: int | None = None
    #: A unit link's unit.
    unit_id: int | None = None


@dataclass(frozen=True)
class RoundDetails:
    """A round's profile and settings; `uid` identifies it across export and import."""

    round_id: int
    uid: str
    organisation_id: int
    organisation: Organisation
    label: str
    date: dt.date
    mode: Mode
    anonymous: bool
    status: RoundStatus
    questionnaire_id: str
    questionnaire_version: str
    snapshot_id: int
    plan_saved: bool
    #: A session shows no aggregate, spread or comment before this many have submitted.
    min_group_size: int = 3
    #: The unit the round belongs to (None: the organisation as a whole).
    unit_id: int | None = None


@dataclass(frozen=True)
class RoundSummary:
    """One round of an organisation, for lists and comparisons."""

    round_id: int
    label: str
    date: dt.date
    status: RoundStatus
    questionnaire_id: str
    questionnaire_version: str


@dataclass(frozen=True)
class RespondentInfo:
    """A respondent of a round and how far they got."""

    respondent_id: int
    label: str
    name: str
    role: str
    submitted: bool
    answered: int


class NotFound(LookupError):
    """The round, respondent or organisation does not exist (any more)."""


class TooLong(ValueError):
    """A text longer than a response file takes (it could not be exported); nothing stored."""


class RoundClosed(Exception):
    """The round is closed: it takes no more writes until it is reopened."""


class ImportRefused(Exception):
    """A response file whose round id is stored already; nothing was created."""

    def __init__(self, round_id: int, uid: str, message: str):
        self.round_id = round_id
        self.uid = uid
        super().__init__(message)


class AlreadyImported(ImportRefused):
    """The file holds exactly what the stored round with its id holds: it was imported before."""

    def __init__(self, round_id: int, uid: str):
        super().__init__(round_id, uid, f"round {uid} is stored already (round {round_id})")


class ImportConflict(ImportRefused):
    """A round with the file's id is stored, with other content (changed since the export)."""

    def __init__(self, round_id: int, uid: str):
        super().__init__(
            round_id, uid, f"round {uid} is stored (round {round_id}) with other content"
        )
