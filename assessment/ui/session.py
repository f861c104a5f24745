"""The database engine, the questionnaire catalogue and the round the current token opens."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import NamedTuple

import streamlit as st
from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire, load_catalogue
from assessment.services import access
from assessment.services.access import Visitor
from assessment.services.errors import ServiceError
from assessment.storage import engine as storage_engine
from assessment.storage.answers import round_revision
from assessment.storage.results import NotFound, RoundDetails
from assessment.ui.state import token

DB_URL_KEY = "VIELFALTSKOMPASS_DB_URL"
#: Session key of the round opened last (a `_Held`).
CURRENT_KEY = "current_round"


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


class _Held(NamedTuple):
    """A round held in the session with the revision it had when it was opened."""

    url: str
    token: str
    revision: int | None
    current: Current


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
    """The round the current token opens, or None; reopened only when the round has changed.

    Every write to a round bumps its revision, so a held round whose revision is unchanged
    is still exactly what the database holds: one cheap query instead of two or three.
    """
    value = token()
    if not value:
        return None
    db = engine()
    held = st.session_state.pop(CURRENT_KEY, None)
    revision = None
    if held is not None and (held.url, held.token) == (str(db.url), value):
        try:  # read before reopening: a change after this read makes a newer revision
            revision = round_revision(db, held.current.round_id)
        except NotFound:  # the round was deleted meanwhile
            revision = None
        if revision is not None and revision == held.revision:
            st.session_state[CURRENT_KEY] = held
            return held.current
    found = _open(db, value)
    # An organisation (or unit) link opens the newest or the chosen round, which a new round or
    # a choice changes without touching the held one's revision: it is reopened every time. A
    # round opened without a revision read before it is held without one and reopened once
    # more on the next run.
    if found is not None and not found.visitor.may("rounds"):
        same = held is not None and held.current.round_id == found.round_id
        st.session_state[CURRENT_KEY] = _Held(str(db.url), value, revision if same else None, found)
    return found


def _open(db: Engine, value: str) -> Current | None:
    """Resolve a token and read the round's questionnaire."""
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
