"""Capability tokens: random, URL-safe, and stored only as SHA-256 digests."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    """A fresh capability token (192 random bits, URL-safe)."""
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
