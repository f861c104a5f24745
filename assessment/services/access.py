"""The access model (DESIGN §10): a capability link resolves to a role and a scope.

There are no accounts: whoever holds a link may do what its role allows, and nothing else.
Every page and every use case asks the visitor (`may`, `require`) before it shows or writes.

| role        | link                 | may                                                       |
|-------------|----------------------|-----------------------------------------------------------|
| respondent  | private link         | answer, submit; in a self-check also results, roadmap,    |
|             |                      | targets, plan, PDF, export and profile of that round      |
| join        | join code (session)  | join, nothing else                                        |
| facilitator | round's admin link   | progress, results, roadmap, targets, plan, PDF, export,   |
|             |                      | profile, close and reopen the round                       |
| owner       | organisation link    | all of the facilitator's on every round of the            |
|             |                      | organisation and its units, the list of rounds, next      |
|             |                      | round, comparison, export, units, delete                  |
| unit_owner  | a unit's link        | the owner's on that unit's rounds only; no delete, no     |
|             |                      | organisation profile, no other unit                       |

A self-check's respondent also sees the comparison with the earlier rounds of its organisation
(or of its unit): scores only, as on the organisation page.

A session's export and PDF (`reading.export_round`) follow its group result: nothing below
the minimum group size; an anonymous one holds answer sets under opaque ids, no name or role,
and comments tied to no answer set.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire
from assessment.services.errors import Forbidden, NotFound, storage_boundary
from assessment.storage import repository as repo
from assessment.storage.results import Kind, RoundDetails

Role = Kind
Action = Literal[
    "answer",
    "submit",
    "join",
    "results",
    "roadmap",
    "targets",
    "plan",
    "pdf",
    "export",
    "profile",
    "progress",
    "close",
    "rounds",
    "next_round",
    "delete",
    "compare",
    "units",
]

_RESPONDENT: frozenset[str] = frozenset({"answer", "submit"})
_ROUND_RESULTS: frozenset[str] = frozenset(
    {"results", "roadmap", "targets", "plan", "pdf", "export", "profile"}
)
_FACILITATOR: frozenset[str] = _ROUND_RESULTS | {"progress", "close"}
ALLOWED: dict[str, frozenset[str]] = {
    "respondent": _RESPONDENT,
    "self_respondent": _RESPONDENT | _ROUND_RESULTS | {"compare"},
    "join": frozenset({"join"}),
    "facilitator": _FACILITATOR,
    "owner": _FACILITATOR | {"rounds", "next_round", "delete", "compare", "units"},
    "unit_owner": _FACILITATOR | {"rounds", "next_round", "compare"},
}
#: Actions on the organisation as a whole, which need no round.
_WITHOUT_ROUND: frozenset[str] = frozenset({"join", "rounds", "delete", "units", "next_round"})


@dataclass(frozen=True)
class Visitor:
    """Who holds a link: role and scope (organisation, round, own respondent) and the round."""

    token: str
    role: Role
    organisation_id: int
    round: RoundDetails | None
    respondent_id: int | None = None
    #: A unit link's unit (its rounds only); None for every other link.
    unit_id: int | None = None

    @property
    def sees_whole_organisation(self) -> bool:
        """Whether the link opens every round of the organisation (the organisation link)."""
        return self.role == "owner"

    @property
    def unit_scope(self) -> int | None:
        """The unit whose rounds the link opens (None: the organisation's own rounds)."""
        if self.role in ("owner", "unit_owner"):
            return self.unit_id
        return self.round.unit_id if self.round else None

    @property
    def round_id(self) -> int | None:
        """The round the link opens (an owner's: the newest of the organisation)."""
        return self.round.round_id if self.round else None

    @property
    def is_self_check(self) -> bool:
        """Whether the round is a self-check (one respondent, who also sees the results)."""
        return self.round is not None and self.round.mode == "self"

    @property
    def is_closed(self) -> bool:
        """Whether the round is closed (read-only)."""
        return self.round is not None and self.round.status == "closed"

    @property
    def is_anonymous(self) -> bool:
        """Whether the round is anonymous: nothing of an individual ever leaves the service."""
        return self.round is not None and self.round.anonymous

    @property
    def allowed(self) -> frozenset[str]:
        """Every action this link allows (a self-check's respondent: also its results)."""
        if self.role == "respondent" and self.is_self_check:
            return ALLOWED["self_respondent"]
        return ALLOWED[self.role]

    def may(self, action: Action) -> bool:
        """Whether the link allows `action` (on its round, or its organisation)."""
        if action not in _WITHOUT_ROUND and self.round is None:
            return False
        return action in self.allowed


def resolve(engine: Engine, token: str | None) -> Visitor | None:
    """What a token opens: its role and scope; None for an unknown or empty token."""
    if not token:
        return None
    with storage_boundary("resolve link"):
        found = repo.open_capability(engine, token)
    if found is None:
        return None
    capability, details = found
    return Visitor(
        token=token,
        role=capability.kind,
        organisation_id=capability.organisation_id,
        round=details,
        respondent_id=capability.respondent_id,
        unit_id=capability.unit_id,
    )


def require(visitor: Visitor | None, action: Action) -> Visitor:
    """The visitor if the link allows `action`; Forbidden otherwise."""
    if visitor is None or not visitor.may(action):
        role = visitor.role if visitor else "no link"
        raise Forbidden(f"a {role} link does not allow {action}")
    return visitor


def require_round(visitor: Visitor | None, action: Action) -> RoundDetails:
    """The visitor's round if the link allows `action` on it; Forbidden otherwise."""
    found = require(visitor, action).round
    assert found is not None  # `may` refuses round actions without a round
    return found


def within(engine: Engine, visitor: Visitor, round_id: int) -> Visitor:
    """An owner's visitor on another round of the organisation (a unit link's: of its unit);
    NotFound for any other round."""
    require(visitor, "rounds")
    with storage_boundary("open round", round=round_id):
        details = repo.round_details(engine, round_id)
    outside_unit = not visitor.sees_whole_organisation and details.unit_id != visitor.unit_id
    if details.organisation_id != visitor.organisation_id or outside_unit:
        raise NotFound(f"round {round_id}")
    return Visitor(visitor.token, visitor.role, visitor.organisation_id, details,
                   unit_id=visitor.unit_id)  # fmt: skip


def questionnaire(engine: Engine, visitor: Visitor) -> Questionnaire:
    """The questionnaire of the visitor's round exactly as it was when the round began."""
    found = visitor.round
    if found is None:
        raise Forbidden("this link opens no round")
    with storage_boundary("read questionnaire", round=found.round_id):
        return repo.snapshot_questionnaire(engine, found.snapshot_id)
