"""Make any text printable with the bundled fonts: no missing glyphs, no empty boxes.

- Letters the fonts cover (German, Turkish, Polish, French, … , Greek, Cyrillic, Arabic) stay.
- A few common symbols the fonts lack get an ASCII spelling ("→" becomes "->", "≥" ">=").
- Emoji (with their skin-tone modifiers, joiners and variation selectors) are dropped: they
  carry tone rather than content, and a box or a long name would disturb the text. A text
  that consisted of emoji only becomes "(Emoji)", so the reader sees that something was there.
- Characters with a plain compatibility form are replaced by it ("𝔘" becomes "U", "ﬁ" "fi").
- Any other character no bundled font covers (e.g. Chinese or Hebrew script) becomes "�",
  once per run, so the gap stays visible without a glyph box.
- Control characters are removed, tabs become spaces; text is NFC-normalised first.
"""

from __future__ import annotations

import functools
import unicodedata

from assessment.report.fonts import arabic_only, covered

REPLACEMENT = "\ufffd"
EMOJI_ONLY = "(Emoji)"

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
    dropped = after_emoji = after_unknown = False
    for ch in text:
        cp = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif cp < 0x20 or 0x7F <= cp < 0xA0:
            continue  # control characters
        elif cp == _ZWJ and after_emoji:
            continue  # joins two emoji that are dropped anyway
        elif cp in fonts:
            out.append(ch)
        elif cp in SPELLED:
            out.append(SPELLED[cp])
        elif _compatible(ch, fonts):
            out.append(unicodedata.normalize("NFKC", ch))
        elif is_emoji(cp):
            if out and out[-1] == " " and not after_emoji:
                out.pop()  # "Team 🎉!" becomes "Team!", "a 🎉 b" becomes "a b"
            dropped = after_emoji = True
            continue
        elif not after_unknown:
            out.append(REPLACEMENT)
            after_unknown = True
            continue
        else:
            continue
        after_emoji = after_unknown = False
    result = "".join(out)
    if dropped:
        result = "\n".join(line.strip() for line in result.split("\n"))
        if not result.strip():
            return EMOJI_ONLY
    return result


def _compatible(ch: str, fonts: frozenset[int]) -> bool:
    """True if the compatibility form of `ch` (e.g. 𝔘 -> U, ﬁ -> fi) can be drawn."""
    alt = unicodedata.normalize("NFKC", ch)
    return alt != ch and all(ord(c) in fonts for c in alt)


@functools.lru_cache(maxsize=8192)
def needs_shaping(text: str) -> bool:
    """True if `text` holds characters of the Arabic fallback font (shaped with HarfBuzz)."""
    return not text.isascii() and not _arabic_chars().isdisjoint(text)


@functools.cache
def _arabic_chars() -> frozenset[str]:
    return frozenset(chr(cp) for cp in arabic_only())
