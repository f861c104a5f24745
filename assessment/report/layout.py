"""Line breaking with the bundled fonts' advance widths (fast, pure, no fpdf2 involved).

fpdf2's multi_cell measures a line again for every character it adds, which made a table-heavy
report several times slower than necessary; here each word is measured once.
"""

from __future__ import annotations

import functools
import re

from assessment.report.fonts import advance_widths
from assessment.report.text import needs_shaping, printable

PT_PER_MM = 72 / 25.4
#: Text with Arabic script is shaped later; measured unshaped, it gets this much slack.
SHAPING_SLACK = 1.08


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of printable `text` in mm at `size` pt."""
    return _units(text, bold) * size / 1000 / PT_PER_MM


@functools.lru_cache(maxsize=16384)
def _units(text: str, bold: bool) -> float:
    widths = advance_widths(bold)
    units = sum(widths.get(ord(ch), 600) for ch in text)
    return units * SHAPING_SLACK if needs_shaping(text) else units


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Break `text` into lines no wider than `width` mm; words too long are split."""
    lines: list[str] = []
    for paragraph in printable(text).split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, size, bold))
    return lines


def _wrap_paragraph(paragraph: str, width: float, size: float, bold: bool) -> list[str]:
    words = paragraph.split(" ")
    space = text_width(" ", size, bold)
    lines: list[str] = []
    current = ""
    current_width = 0.0
    for word in words:
        if not word:
            continue
        word_width = text_width(word, size, bold)
        if current and current_width + space + word_width <= width:
            current += " " + word
            current_width += space + word_width
            continue
        if word_width <= width:
            if current:
                lines.append(current)
            current, current_width = word, word_width
            continue
        # A word wider than the column is split anyway: start it on the current line.
        room = width - current_width - space if current else width
        head = _fit(word, room, size, bold) if room > width / 4 else 0
        if current and head:
            lines.append(current + " " + word[:head])
            word = word[head:]
        elif current:
            lines.append(current)
        pieces = _split_word(word, width, size, bold)
        lines.extend(pieces[:-1])
        current = pieces[-1]
        current_width = text_width(current, size, bold)
    lines.append(current)
    return lines


def _split_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """Split a word wider than `width`: after a hyphen or slash if possible, else anywhere."""
    pieces: list[str] = []
    rest = word
    while text_width(rest, size, bold) > width:
        cut = _fit(rest, width, size, bold)
        soft = max(rest.rfind("-", 0, cut), rest.rfind("/", 0, cut))
        if soft > 0 and soft + 1 >= cut // 2:
            cut = soft + 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if pieces and len(rest) < 4 and len(pieces[-1]) > 8:
        rest = pieces[-1][-4:] + rest  # no line with a lonely "f"
        pieces[-1] = pieces[-1][:-4]
    pieces.append(rest)
    return pieces


def _fit(text: str, width: float, size: float, bold: bool) -> int:
    """How many leading characters of `text` fit into `width` (at least one)."""
    widths = advance_widths(bold)
    limit = width * 1000 * PT_PER_MM / size
    if needs_shaping(text):
        limit /= SHAPING_SLACK
    used = 0.0
    for n, ch in enumerate(text):
        used += widths.get(ord(ch), 600)
        if used > limit:
            return max(n, 1)
    return len(text)


def fit_line(text: str, width: float, size: float, bold: bool = False) -> str:
    """`text` on one line, shortened with "…" if it is wider than `width` mm."""
    text = printable(text).replace("\n", " ")
    if text_width(text, size, bold) <= width:
        return text
    cut = _fit(text, width - text_width("…", size, bold), size, bold)
    return text[:cut].rstrip() + "…"


def fit_words(text: str, width: float, size: float, bold: bool = False) -> str:
    """`text` on one line, shortened after a whole word with "…" if it is wider than `width`."""
    text = printable(text).replace("\n", " ")
    if text_width(text, size, bold) <= width:
        return text
    room = width - text_width(" …", size, bold)
    cut = _fit(text, room, size, bold)
    head = text[:cut]
    if cut < len(text) and text[cut] != " " and " " in head:
        head = head[: head.rindex(" ")]  # never end in the middle of a word
    return head.rstrip(" ,;:–-") + " …"


_SENTENCE_END = re.compile(r"(?<=[a-zäöüß]{3}[.!?])\s+(?=[A-ZÄÖÜ„\"])")


def first_sentence(text: str) -> str:
    """The first sentence of `text` (all of it if there is only one)."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
