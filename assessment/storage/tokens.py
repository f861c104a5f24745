"""Capability tokens: random, URL-safe, and stored only as SHA-256 digests."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets


def new_token() -> str:
    """A fresh capability token (192 random bits, URL-safe)."""
    return secrets.token_urlsafe(24)


#: The join code's letters: no 0/O, 1/I/L, so that it reads aloud and types without doubt.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def _derive(admin_token: str, purpose: str) -> bytes:
    return hmac.new(admin_token.encode("utf-8"), purpose.encode("utf-8"), hashlib.sha256).digest()


def join_token_for(admin_token: str) -> str:
    """A session's join token, derived from its facilitator token (192 bits, URL-safe).

    Only digests are stored; whoever holds the facilitator link can show the join link again.
    """
    return base64.urlsafe_b64encode(_derive(admin_token, "join-link")[:24]).decode("ascii")


def join_code_for(admin_token: str, attempt: int = 0) -> str:
    """A session's short join code in two groups of four (e.g. "K7QM-3XTA", about 40 bits),
    derived from its facilitator token; `attempt` gives another one should it be taken."""
    digest = _derive(admin_token, f"join-code:{attempt}")
    code = "".join(CODE_ALPHABET[byte % len(CODE_ALPHABET)] for byte in digest[:CODE_LENGTH])
    return f"{code[:4]}-{code[4:]}"


def normalise_join_code(text: str) -> str | None:
    """The join code as stored (upper case, no separators), or None if `text` is none."""
    code = "".join(ch for ch in text.upper() if ch not in " -_.")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def hash_join_code(text: str) -> str | None:
    """The digest under which a join code is stored; None if `text` is no join code."""
    code = normalise_join_code(text)
    return hash_token(f"join-code:{code}") if code else None


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
