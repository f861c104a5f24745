"""What the pages do with a round: create, open, answer, import; plus widget callbacks."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import streamlit as st

from assessment.questionnaire import Questionnaire
from assessment.responses import Organisation, ResponseFile
from assessment.services import answering, transfer
from assessment.storage import repository as repo
from assessment.ui.session import catalogue, engine
from assessment.ui.state import forget_token

AREA_PARAM = "area"


def token_is_valid(token: str) -> bool:
    """Whether a token opens a round."""
    return repo.resolve_token(engine(), token) is not None


def create_round(q: Questionnaire, organisation: Organisation, label: str) -> str:
    """Create a self-check round; returns the respondent's private token."""
    new = repo.create_round(engine(), q, organisation, label, date.today())
    return new.respondent_token


def update_profile(round_id: int, organisation: Organisation, label: str) -> None:
    """Save the edited profile."""
    repo.update_profile(engine(), round_id, organisation, label)


def delete_organisation(organisation_id: int) -> None:
    """Delete the organisation with all its rounds and answers, and forget the link."""
    repo.delete_organisation(engine(), organisation_id)
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


def file_slug(name: str) -> str:
    """A safe, short file-name part from an organisation name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:40] or "vielfaltskompass"


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


def respondent_state(respondent_id: int) -> tuple[dict[str, int | None], dict[str, str]]:
    """A respondent's stored answers and comments."""
    return answering.respondent_entries(engine(), respondent_id)


def save_answer(respondent_id: int, item_id: str, value: int | None) -> None:
    """Store an answer now (None = not applicable / don't know); raises StorageFailed."""
    answering.save_answer(engine(), respondent_id, item_id, value)


def clear_answer(respondent_id: int, item_id: str) -> None:
    """Withdraw an answer; raises StorageFailed."""
    answering.clear_answer(engine(), respondent_id, item_id)


def save_comment(respondent_id: int, item_id: str, text: str) -> None:
    """Store a comment now; raises Invalid or StorageFailed."""
    answering.save_comment(engine(), respondent_id, item_id, text)
