"""The repository: every read and write the pages need (no SQL anywhere else in the app).

Pages import this one module; the functions live in small topic modules beside it. Writes are
short transactions; tokens are capability links stored only as SHA-256 digests.
"""

from __future__ import annotations

from assessment.storage.answers import (
    ANSWER_COLUMNS,
    clear_answer,
    respondent_answers,
    respondent_comments,
    respondent_entries,
    round_answers,
    round_revision,
    save_answer,
    save_comment,
)
from assessment.storage.capabilities import open_capability
from assessment.storage.group import (
    area_progress,
    get_consensus,
    respondent_counts,
    set_consensus,
    submitted_answer_counts,
    submitted_comments,
)
from assessment.storage.invitations import join_digests
from assessment.storage.plans import (
    clear_plan,
    get_notes,
    get_targets,
    load_plan,
    save_note,
    save_plan,
    set_target,
    set_targets,
)
from assessment.storage.respondents import (
    add_respondent,
    resolve_token,
    round_respondents,
    set_submitted,
)
from assessment.storage.results import (
    Access,
    AlreadyImported,
    Capability,
    ImportConflict,
    ImportRefused,
    Mode,
    NewRespondent,
    NewRound,
    NotFound,
    RespondentInfo,
    RoundClosed,
    RoundDetails,
    RoundStatus,
    RoundSummary,
)
from assessment.storage.rounds import (
    create_round,
    delete_organisation,
    open_round,
    organisation_of,
    organisation_rounds,
    round_details,
    round_questionnaire,
    set_round_status,
    snapshot_questionnaire,
    update_profile,
)
from assessment.storage.tokens import hash_token, new_token
from assessment.storage.transfer import export_round, import_round

__all__ = [
    "ANSWER_COLUMNS",
    "Access",
    "AlreadyImported",
    "Capability",
    "ImportConflict",
    "ImportRefused",
    "Mode",
    "NewRespondent",
    "NewRound",
    "NotFound",
    "RespondentInfo",
    "RoundClosed",
    "RoundDetails",
    "RoundStatus",
    "RoundSummary",
    "add_respondent",
    "area_progress",
    "clear_answer",
    "clear_plan",
    "create_round",
    "delete_organisation",
    "export_round",
    "get_consensus",
    "get_notes",
    "get_targets",
    "hash_token",
    "import_round",
    "join_digests",
    "load_plan",
    "new_token",
    "open_capability",
    "open_round",
    "organisation_of",
    "organisation_rounds",
    "resolve_token",
    "respondent_answers",
    "respondent_comments",
    "respondent_counts",
    "respondent_entries",
    "round_answers",
    "round_details",
    "round_questionnaire",
    "round_respondents",
    "round_revision",
    "save_answer",
    "save_comment",
    "save_note",
    "save_plan",
    "set_consensus",
    "set_round_status",
    "set_submitted",
    "set_target",
    "set_targets",
    "snapshot_questionnaire",
    "submitted_answer_counts",
    "submitted_comments",
    "update_profile",
]
