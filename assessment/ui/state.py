"""Session state, the database engine and the current round's access token."""

from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st

from assessment.i18n import LANGS, t
from assessment.questionnaire import Questionnaire, load_catalogue
from assessment.storage import engine as storage_engine
from assessment.storage import repository as repo

TOKEN_PARAM = "t"
LANG_PARAM = "lang"


@st.cache_resource(show_spinner=False)
def _engine(url: str):
    return storage_engine.get_engine(url)


def engine():
    """The app's database engine (URL from env, st.secrets, or the default SQLite file)."""
    explicit = os.environ.get("VIELFALTSKOMPASS_DB_URL") or _secret_url()
    return _engine(storage_engine.database_url(explicit))


def _secret_url() -> str | None:
    try:
        return st.secrets.get("VIELFALTSKOMPASS_DB_URL")
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None


@st.cache_resource(show_spinner=False)
def catalogue() -> dict[tuple[str, str], Questionnaire]:
    """The shipped questionnaires by (id, version), loaded once per process."""
    return load_catalogue()


def lang() -> str:
    """The current UI language ("de" unless switched)."""
    if "lang" not in st.session_state:
        requested = st.query_params.get(LANG_PARAM, "de")
        st.session_state["lang"] = requested if requested in LANGS else "de"
    return st.session_state["lang"]


def tr(key: str, **values: object) -> str:
    """A UI string in the current language."""
    return t(key, lang(), **values)


def token() -> str | None:
    """The private token of the current round, from the URL or this session."""
    from_url = st.query_params.get(TOKEN_PARAM)
    if from_url:
        st.session_state["token"] = from_url
        return from_url
    stored = st.session_state.get("token")
    if stored:
        st.query_params[TOKEN_PARAM] = stored  # keep the link in the address bar
    return stored


def set_token(value: str) -> None:
    """Make `value` the current round's token, in the session and in the URL."""
    st.session_state["token"] = value
    st.query_params[TOKEN_PARAM] = value


def extract_token(text: str) -> str:
    """The token from a pasted private link or a bare token."""
    text = text.strip()
    if f"{TOKEN_PARAM}=" in text:
        text = text.split(f"{TOKEN_PARAM}=", 1)[1].split("&", 1)[0]
    return text.strip()


@dataclass(frozen=True)
class Current:
    """What the current token opens: the round, its questionnaire and the respondent."""

    token: str
    round_id: int
    respondent_id: int | None
    details: repo.RoundDetails
    questionnaire: Questionnaire


def current() -> Current | None:
    """The round the current token opens, or None."""
    value = token()
    if not value:
        return None
    access = repo.resolve_token(engine(), value)
    if access is None:
        return None
    details = repo.round_details(engine(), access.round_id)
    return Current(
        token=value,
        round_id=access.round_id,
        respondent_id=access.respondent_id,
        details=details,
        questionnaire=repo.round_questionnaire(engine(), access.round_id),
    )


def private_link(value: str, page: str = "questionnaire") -> str:
    """The full private link to `page` for a token, on the address the browser used."""
    url = st.context.url or "http://localhost:8501/"
    scheme, _, rest = url.partition("://")
    origin = f"{scheme}://{rest.split('/', 1)[0]}"
    return f"{origin}/{page}?{TOKEN_PARAM}={value}"
