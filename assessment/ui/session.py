"""The database engine, the questionnaire catalogue and the round the current token opens."""

from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st
from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire, load_catalogue
from assessment.services import access
from assessment.services.access import Visitor
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


def current() -> Current | None:
    """The round the current token opens, or None."""
    value = token()
    if not value:
        return None
    db = engine()
    visitor = access.resolve(db, value)
    if visitor is None or visitor.round is None or visitor.role == "join":
        return None  # a session's join code only adds a respondent; it opens no pages
    return Current(
        token=value,
        round_id=visitor.round.round_id,
        respondent_id=visitor.respondent_id,
        details=visitor.round,
        questionnaire=access.questionnaire(db, visitor),
        visitor=visitor,
    )
