"""The database engine, the questionnaire catalogue and the round the current token opens."""

from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st
from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire, load_catalogue
from assessment.services import access
from assessment.services.access import Visitor
from assessment.services.errors import ServiceError
from assessment.storage import engine as storage_engine
from assessment.storage.results import RoundDetails
from assessment.ui.state import token

DB_URL_KEY = "VIELFALTSKOMPASS_DB_URL"


def engine() -> Engine:
    """The app's database engine (URL from env, st.secrets, or the default SQLite file)."""
    explicit = os.environ.get(DB_URL_KEY) or _secret_url()
    return storage_engine.get_engine(storage_engine.database_url(explicit))  # cached per URL


def _secret_url() -> str | None:
    try:
        return st.secrets.get(DB_URL_KEY)
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None


@st.cache_resource(show_spinner=False)
def catalogue() -> dict[tuple[str, str], Questionnaire]:
    """The shipped questionnaires by (id, version), loaded once per process."""
    return load_catalogue()


@dataclass(frozen=True)
class Current:
    """What the current token opens: who visits (role and scope), the round, its questionnaire."""

    token: str
    round_id: int
    respondent_id: int | None
    details: RoundDetails
    questionnaire: Questionnaire
    visitor: Visitor


#: URL parameter of the round an organisation (or unit) link opens, when not its newest.
ROUND_PARAM = "r"


def open_round(round_id: int | None) -> None:
    """Let the organisation link open round `round_id` (None: its newest), kept in the URL."""
    if round_id is None:
        st.session_state.pop(ROUND_PARAM, None)
        st.query_params.pop(ROUND_PARAM, None)
    else:
        st.session_state[ROUND_PARAM] = str(round_id)
        st.query_params[ROUND_PARAM] = str(round_id)


def _chosen_round(db: Engine, visitor: Visitor) -> Visitor:
    """An organisation link's visitor on the round chosen on the organisation page."""
    if not visitor.may("rounds"):
        return visitor
    chosen = st.query_params.get(ROUND_PARAM) or st.session_state.get(ROUND_PARAM)
    if not chosen or not chosen.isdigit() or int(chosen) == visitor.round_id:
        return visitor
    try:
        found = access.within(db, visitor, int(chosen))
    except ServiceError:  # another organisation's round, or deleted meanwhile: the newest
        open_round(None)
        return visitor
    st.query_params[ROUND_PARAM] = chosen  # a page switch drops it from the address
    return found


def current() -> Current | None:
    """The round the current token opens, or None."""
    value = token()
    if not value:
        return None
    db = engine()
    visitor = access.resolve(db, value)
    if visitor is None or visitor.round is None or visitor.role == "join":
        return None  # a session's join code only adds a respondent; it opens no pages
    visitor = _chosen_round(db, visitor)
    return Current(
        token=value,
        round_id=visitor.round.round_id,
        respondent_id=visitor.respondent_id,
        details=visitor.round,
        questionnaire=access.questionnaire(db, visitor),
        visitor=visitor,
    )
