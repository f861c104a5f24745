"""Capability tokens: random, URL-safe, and stored only as SHA-256 digests."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    """A fresh capability token (192 random bits, URL-safe)."""
    return secrets.token_urlsafe(24)


#: The join code's letters: no 0/O, 1/I/L, so that it reads aloud and types without doubt.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_join_code() -> str:
    """A fresh short join code in two groups of four, e.g. "K7QM-3XTA" (about 40 bits)."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
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
