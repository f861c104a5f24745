"""Make any text printable with the bundled fonts: no missing glyphs, no empty boxes.

- Letters the fonts cover (German, Turkish, Polish, French, … , Greek, Cyrillic, Arabic,
  Hebrew) stay.
- A few common symbols the fonts lack get an ASCII spelling ("→" becomes "->", "≥" ">=").
- Characters with a plain compatibility form are replaced by it ("𝔘" becomes "U", "ﬁ" "fi").
- Emoji (a whole sequence with skin tones, joiners and variation selectors) and any other
  character no bundled font covers (e.g. Chinese script) become "[?]", once per run: the
  reader sees that something was there, and nothing is dropped silently.
- Control characters are removed, tabs become spaces; text is NFC-normalised first.
"""

from __future__ import annotations

import functools
import unicodedata

from assessment.report.fonts import covered, shaped

#: What a character without a glyph in the bundled fonts becomes (once per run).
REPLACEMENT = "[?]"

#: Symbols the fonts lack, spelled with characters they have.
SPELLED: dict[int, str] = {
    0x2192: "->",
    0x2190: "<-",
    0x2194: "<->",
    0x21D2: "=>",
    0x2265: ">=",
    0x2264: "<=",
    0x2260: "!=",
    0x2248: "~",
    0x2212: "-",
}

#: Ranges of emoji and pictographic symbols (and the parts that build emoji sequences).
_EMOJI_RANGES: tuple[tuple[int, int], ...] = (
    (0x1F000, 0x1FAFF),  # pictographs, emoticons, transport, flags, skin tones, …
    (0x2300, 0x23FF),  # watch, hourglass, …
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x25A0, 0x27BF),  # geometric shapes, misc symbols, dingbats
    (0x2900, 0x297F),  # supplemental arrows-B
    (0x2B00, 0x2BFF),  # stars, squares, arrows
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0xFE00, 0xFE0F),  # variation selectors
    (0x20E3, 0x20E3),  # combining keycap
    (0xE0000, 0xE007F),  # tags (subdivision flags)
)
_ZWJ = 0x200D


def is_emoji(cp: int) -> bool:
    """True for code points that only make sense as (part of) an emoji."""
    return any(lo <= cp <= hi for lo, hi in _EMOJI_RANGES)


@functools.lru_cache(maxsize=8192)
def printable(text: str) -> str:
    """`text` with only characters the bundled fonts can draw (see the module docstring)."""
    if text.isascii() and text.isprintable():
        return text
    text = unicodedata.normalize("NFC", text)
    fonts = covered()
    out: list[str] = []
    replaced = False  # the previous character was replaced: a run gets one REPLACEMENT
    for ch in text:
        cp = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif cp < 0x20 or 0x7F <= cp < 0xA0:
            continue  # control characters
        elif 0xFE00 <= cp <= 0xFE0F:
            continue  # variation selectors are invisible
        elif replaced and (cp == _ZWJ or (is_emoji(cp) and cp not in fonts)):
            continue  # joiners, skin tones and tags belong to the emoji just replaced
        elif cp in fonts:
            out.append(ch)
        elif cp in SPELLED:
            out.append(SPELLED[cp])
        elif _compatible(ch, fonts):
            out.append(unicodedata.normalize("NFKC", ch))
        else:
            if not replaced:
                out.append(REPLACEMENT)
            replaced = True
            continue
        replaced = False
    return "".join(out)


def _compatible(ch: str, fonts: frozenset[int]) -> bool:
    """True if the compatibility form of `ch` (e.g. 𝔘 -> U, ﬁ -> fi) can be drawn."""
    alt = unicodedata.normalize("NFKC", ch)
    return alt != ch and all(ord(c) in fonts for c in alt)


@functools.lru_cache(maxsize=8192)
def needs_shaping(text: str) -> bool:
    """True if `text` holds characters of a fallback font (Arabic, Hebrew: shaped, bidi)."""
    return not text.isascii() and not _shaped_chars().isdisjoint(text)


@functools.cache
def _shaped_chars() -> frozenset[str]:
    return frozenset(chr(cp) for cp in shaped())
