"""Bounds on every JSON and YAML input: how large a document and how deeply nested it may be."""

from __future__ import annotations

from typing import Any

#: The largest response file or questionnaire accepted (as large as an upload may be).
MAX_BYTES = 5 * 1024 * 1024
#: The deepest nesting of lists and mappings; real files need five levels.
MAX_DEPTH = 20
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"


def size_problem(text: str | bytes) -> str | None:
    """Why a document is too large to read, or None."""
    size = len(text.encode() if isinstance(text, str) else text)
    if size > MAX_BYTES:
        return f"larger than {MAX_BYTES // (1024 * 1024)} MB ({size:,} bytes)"
    return None


def depth_problem(value: Any) -> str | None:
    """Why a parsed document is nested too deeply, or None (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, dict | list):
            continue
        if depth > MAX_DEPTH:
            return TOO_DEEP
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children)
    return None
