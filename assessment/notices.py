"""The privacy notice and the legal notice (Impressum): the operator's file or the shipped text.

The operator names a Markdown file per notice in `VIELFALTSKOMPASS_PRIVACY_FILE` and
`VIELFALTSKOMPASS_IMPRINT_FILE`; a `{lang}` in the path is replaced by the UI language
(`/etc/vielfaltskompass/privacy.{lang}.md`), a path without it serves every language. Without
a file the defaults in `assessment/locales/<kind>.<lang>.md` are shown. The text is read on
every view (an edit shows at once, nothing is held in memory) and is trusted Markdown: the
page renders it without HTML, and images from other hosts are shown as their alt text, so that
the page still loads nothing from anywhere but the server.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assessment.i18n import DEFAULT_LANG, LANGS, LOCALE_DIR

Kind = Literal["privacy", "imprint"]
PRIVACY_FILE_ENV = "VIELFALTSKOMPASS_PRIVACY_FILE"
IMPRINT_FILE_ENV = "VIELFALTSKOMPASS_IMPRINT_FILE"
FILE_ENV: dict[Kind, str] = {"privacy": PRIVACY_FILE_ENV, "imprint": IMPRINT_FILE_ENV}
#: A notice is a page of text; a larger file is a mistake (a wrong path), not a notice.
MAX_BYTES = 200_000
#: `![alt](url)` whose url names another host (`https://…`, `//…`).
REMOTE_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?(?:[a-z][a-z0-9+.-]*:)?//[^)]*\)", re.IGNORECASE)


class NoticeUnreadable(Exception):
    """The operator's file is named but cannot be used; the message names the file."""


@dataclass(frozen=True)
class Notice:
    """A notice's Markdown and where it came from."""

    markdown: str
    path: Path
    from_operator: bool


def default_path(kind: Kind, lang: str) -> Path:
    """The shipped text of `kind` in `lang` (German for an unknown language)."""
    return LOCALE_DIR / f"{kind}.{lang if lang in LANGS else DEFAULT_LANG}.md"


def operator_path(kind: Kind, lang: str) -> Path | None:
    """The operator's file of `kind` for `lang`, or None when the variable is not set."""
    configured = os.environ.get(FILE_ENV[kind], "").strip()
    if not configured:
        return None
    return Path(configured.replace("{lang}", lang if lang in LANGS else DEFAULT_LANG))


def without_remote_images(markdown: str) -> str:
    """`markdown` with every image from another host replaced by its alt text."""
    return REMOTE_IMAGE.sub(lambda match: match.group(1), markdown)


def _read(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise NoticeUnreadable(f"{path}: {size:,} bytes; a notice has at most {MAX_BYTES:,}")
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise NoticeUnreadable(f"{path}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise NoticeUnreadable(f"{path}: not UTF-8 text") from None
    if not text.strip():
        raise NoticeUnreadable(f"{path}: empty")
    return text


def load_notice(kind: Kind, lang: str) -> Notice:
    """The notice to show: the operator's file if one is set, else the default; safe Markdown.

    NoticeUnreadable when the operator's file is set but missing, empty, too large or not
    UTF-8 (the default is not shown instead: it would not name the operator).
    """
    path = operator_path(kind, lang)
    chosen = path or default_path(kind, lang)
    return Notice(without_remote_images(_read(chosen)), chosen, from_operator=path is not None)
