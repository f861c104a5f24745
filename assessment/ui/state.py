"""Light session state: the UI language and the current round's token (no heavy imports)."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import LANGS, t

TOKEN_PARAM = "t"
LANG_PARAM = "lang"
#: Session key of (organisation id, owner token) of an organisation created in this session.
NEW_OWNER_TOKEN = "new_owner_token"


def lang() -> str:
    """The current UI language ("de" unless switched)."""
    current = st.session_state.get("lang")
    if current is None:
        requested = st.query_params.get(LANG_PARAM, "de")
        current = st.session_state["lang"] = requested if requested in LANGS else "de"
    return current


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
        st.query_params[LANG_PARAM] = lang()  # with its language (a page switch drops both)
    return stored


def set_token(value: str) -> None:
    """Make `value` the current round's token, in the session and in the URL."""
    st.session_state["token"] = value
    st.query_params[TOKEN_PARAM] = value
    st.query_params[LANG_PARAM] = lang()  # a reload or a copied address keeps the language


def forget_token() -> None:
    """Leave the current round (after deleting it, or to start a new one)."""
    st.session_state.pop("token", None)
    st.query_params.clear()
    st.query_params[LANG_PARAM] = lang()


def extract_token(text: str) -> str:
    """The token from a pasted private link or a bare token."""
    text = text.strip()
    if f"{TOKEN_PARAM}=" in text:
        text = text.split(f"{TOKEN_PARAM}=", 1)[1].split("&", 1)[0]
    return text.strip()


def private_link(value: str, url_path: str) -> str:
    """The full link to the page at `url_path` for a token, in the current UI language."""
    url = st.context.url or "http://localhost:8501/"
    scheme, _, rest = url.partition("://")
    origin = f"{scheme}://{rest.split('/', 1)[0]}"
    return f"{origin}/{url_path}?{TOKEN_PARAM}={value}&{LANG_PARAM}={lang()}"
