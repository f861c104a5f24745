"""What the pages do with a round: create, open, answer, import; plus widget callbacks."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.questionnaire import Questionnaire
from assessment.responses import Organisation, ResponseFile
from assessment.services import access, answering, invitation, rounds, transfer
from assessment.services.access import Visitor
from assessment.ui.session import catalogue, engine
from assessment.ui.state import NEW_OWNER_TOKEN, forget_token

#: Session key of the organisation link's token of a self-check just started (shown once).

AREA_PARAM = "area"


def token_is_valid(token: str) -> bool:
    """Whether a token opens a round."""
    return access.resolve(engine(), token) is not None


def create_round(q: Questionnaire, organisation: Organisation, label: str) -> str:
    """Start a self-check; returns the respondent's token (the organisation link is kept to
    be shown once)."""
    started = rounds.start_self_check(engine(), q, organisation, label, date.today())
    st.session_state[NEW_OWNER_TOKEN] = (started.organisation_id, started.owner_token)
    return started.respondent_token


def create_session(
    q: Questionnaire,
    organisation: Organisation,
    label: str,
    day: date,
    anonymous: bool = True,
    min_group_size: int = 3,
) -> str:
    """Start a group session; returns the facilitator's token (the organisation link is kept
    to be shown once)."""
    started = rounds.start_session(
        engine(), q, organisation, label, day, anonymous=anonymous, min_group_size=min_group_size
    )
    st.session_state[NEW_OWNER_TOKEN] = (started.organisation_id, started.owner_token)
    return started.admin_token


def update_profile(visitor: Visitor, organisation: Organisation, label: str) -> None:
    """Save the edited profile."""
    rounds.update_profile(engine(), visitor, organisation, label)


def delete_organisation(visitor: Visitor) -> None:
    """Delete the organisation with all its rounds and answers, and forget the link."""
    rounds.delete_organisation(engine(), visitor)
    forget_token()


def import_round(data: ResponseFile, q: Questionnaire, as_new: bool = False) -> str:
    """Store an imported (already validated) round; returns the token that opens it.

    Raises transfer.AlreadyImported or transfer.ImportConflict when its round is stored already.
    """
    return transfer.import_file(engine(), data, q, as_new=as_new).token


def open_demo() -> str:
    """Load a fresh copy of the demo round; returns the token of its first respondent."""
    from assessment.demo import DEMO_QUESTIONNAIRE, demo_response  # scoring: not at start-up

    q = catalogue()[DEMO_QUESTIONNAIRE]
    return import_round(demo_response(q), q)


def parse_upload(content: bytes, name: str) -> tuple[ResponseFile, Questionnaire]:
    """Validate an uploaded response file; transfer.InvalidFile names every problem."""
    return transfer.read_file(content, name, catalogue())


# -- questionnaire ---------------------------------------------------------------------------


def area_step(count: int) -> int:
    """The current area index (0-based), kept in the URL so a reload stays on it."""
    try:
        step = int(st.query_params.get(AREA_PARAM, "1")) - 1
    except ValueError:
        step = 0
    return min(max(step, 0), count - 1)


def set_area_step(step: int) -> None:
    """Move to another area (button callback); the next run starts at the top of the page."""
    st.query_params[AREA_PARAM] = str(step + 1)
    st.session_state["scroll_to_top"] = True


def respondent_state(visitor: Visitor) -> tuple[dict[str, int | None], dict[str, str]]:
    """A respondent's stored answers and comments."""
    return answering.respondent_entries(engine(), visitor)


def save_answer(visitor: Visitor, item_id: str, value: int | None) -> None:
    """Store an answer now (None = not applicable / don't know); raises a ServiceError."""
    answering.save_answer(engine(), visitor, item_id, value)


def clear_answer(visitor: Visitor, item_id: str) -> None:
    """Withdraw an answer; raises a ServiceError."""
    answering.clear_answer(engine(), visitor, item_id)


def save_comment(visitor: Visitor, item_id: str, text: str) -> None:
    """Store a comment now; raises a ServiceError."""
    answering.save_comment(engine(), visitor, item_id, text)


def is_submitted(visitor: Visitor) -> bool:
    """Whether the participant has submitted their answers."""
    return invitation.is_submitted(engine(), visitor)


def set_submitted(visitor: Visitor, submitted: bool) -> None:
    """Submit the own answers, or take that back."""
    rounds.submit(engine(), visitor, submitted)
