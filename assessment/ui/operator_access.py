"""The instance's admin password: from the environment or st.secrets; None if not set."""

from __future__ import annotations

import os

import streamlit as st

ADMIN_PASSWORD_ENV = "VIELFALTSKOMPASS_ADMIN_PASSWORD"
ADMIN_PASSWORD_SECRET = "admin_password"


def admin_password() -> str | None:
    """The configured admin password (environment first); the operator page exists only then."""
    explicit = os.environ.get(ADMIN_PASSWORD_ENV)
    if explicit:
        return explicit
    try:
        return st.secrets.get(ADMIN_PASSWORD_SECRET) or None
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None
