"""The bundled Noto fonts: files, glyph coverage, advance widths and fast registration.

Fonts are parsed once per process. fpdf2 parses a TTF on every `add_font`; here a parsed font
is kept as a prototype and each document gets a light copy with its own subset state and a
fresh fontTools object (fpdf2 subsets that object in place when it writes the file).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
#: Family names used with FPDF.set_font.
SANS = "notosans"
ARABIC = "notosansarabic"
HEBREW = "notosanshebrew"
#: Fallback families for scripts the main font lacks, added to a document only when needed.
FALLBACKS: tuple[str, ...] = (ARABIC, HEBREW)
#: (family, style) -> file in FONT_DIR.
FONT_FILES: dict[tuple[str, str], str] = {
    (SANS, ""): "NotoSans-Regular.ttf",
    (SANS, "B"): "NotoSans-Bold.ttf",
    (ARABIC, ""): "NotoSansArabic-Regular.ttf",
    (ARABIC, "B"): "NotoSansArabic-Bold.ttf",
    (HEBREW, ""): "NotoSansHebrew-Regular.ttf",
    (HEBREW, "B"): "NotoSansHebrew-Bold.ttf",
}


#: Tables fpdf2 drops from the embedded subset anyway. Removing them before subsetting spares
#: fontTools decoding the large layout tables for every document; shaping (HarfBuzz) reads the
#: font file itself and is not affected.
UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "MATH", "FFTM", "hdmx", "meta", "sbix", "SVG ")


@functools.cache
def _file_bytes(name: str) -> bytes:
    return (FONT_DIR / name).read_bytes()


@functools.cache
def _cmap_and_widths(name: str) -> tuple[frozenset[int], dict[int, int]]:
    """Code points of a bundled font and their advance widths in 1/1000 em (as fpdf2 rounds)."""
    font = TTFont(io.BytesIO(_file_bytes(name)), lazy=True)
    scale = 1000 / font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    cmap = font.getBestCmap()
    widths = {cp: round(scale * metrics[glyph][0] + 0.001) for cp, glyph in cmap.items()}
    return frozenset(cmap), widths


@functools.cache
def sans_coverage() -> frozenset[int]:
    """Code points the main font (Noto Sans) has glyphs for."""
    return _cmap_and_widths(FONT_FILES[(SANS, "")])[0]


@functools.cache
def fallback_only(family: str) -> frozenset[int]:
    """Code points a fallback family covers and the main font does not."""
    return _cmap_and_widths(FONT_FILES[(family, "")])[0] - sans_coverage()


@functools.cache
def shaped() -> frozenset[int]:
    """Code points only a fallback font covers (their presence switches shaping on)."""
    return frozenset().union(*(fallback_only(family) for family in FALLBACKS))


@functools.cache
def covered() -> frozenset[int]:
    """Code points some bundled font covers."""
    return sans_coverage() | shaped()


@functools.cache
def advance_widths(bold: bool) -> dict[int, int]:
    """Advance widths (1/1000 em) of every covered code point, main font first."""
    style = "B" if bold else ""
    widths: dict[int, int] = {}
    for family in reversed(FALLBACKS):
        widths.update(_cmap_and_widths(FONT_FILES[(family, style)])[1])
    widths.update(_cmap_and_widths(FONT_FILES[(SANS, style)])[1])
    return widths


@functools.cache
def _prototype(family: str, style: str) -> TTFFont | None:
    """A parsed font to copy from, or None if this fpdf2 version cannot be copied from."""
    scratch = FPDF()
    scratch.add_font(family, style, FONT_DIR / FONT_FILES[(family, style)])
    font = scratch.fonts[f"{family}{style}"]
    needed = ("ttfont", "subset", "missing_glyphs", "biggest_size_pt", "i", "color_font")
    if not isinstance(font, TTFFont) or not all(hasattr(font, a) for a in needed):
        return None
    font.ttfont.close()  # copies get their own fontTools object; the file is not needed
    return font


def _copy_font(pdf: FPDF, family: str, style: str) -> bool:
    """Register a copy of the cached prototype; False if that is not possible."""
    proto = _prototype(family, style)
    if proto is None or proto.color_font is not None:
        return False
    font = TTFFont.__new__(TTFFont)
    for slot in TTFFont.__slots__:
        if hasattr(proto, slot):
            setattr(font, slot, getattr(proto, slot))
    font.i = len(pdf.fonts) + 1
    font.ttfont = TTFont(
        io.BytesIO(_file_bytes(FONT_FILES[(family, style)])), recalcTimestamp=False, lazy=True
    )
    for tag in UNUSED_TABLES:
        if tag in font.ttfont:
            del font.ttfont[tag]
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    pdf.fonts[f"{family}{style}"] = font
    return True


def add_family(pdf: FPDF, family: str) -> None:
    """Make a bundled family (regular and bold) available in `pdf`."""
    for style in ("", "B"):
        if f"{family}{style}" in pdf.fonts:
            continue
        if not _copy_font(pdf, family, style):
            pdf.add_font(family, style, FONT_DIR / FONT_FILES[(family, style)])
