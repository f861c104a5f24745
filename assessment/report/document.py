"""The A4 document: page frame (header, footer), text styles and text placement with page breaks.

All text goes through `normalize_text`, which makes it printable with the bundled fonts; the
first time a text needs the Arabic or the Hebrew font, that font is added as fallback and
HarfBuzz shaping (with right-to-left runs) is switched on. Lines the main font can draw alone
are placed with `FPDF.text` (fast); others go
through `FPDF.cell`, which handles fallback fonts, shaping and right-to-left runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF

from assessment.charts.palette import ACCENT, INK, MUTED, hex_to_rgb
from assessment.report import fonts
from assessment.report.layout import fit_line, text_width, wrap
from assessment.report.text import needs_shaping, printable

MARGIN_X = 20.0
MARGIN_TOP = 24.0
MARGIN_BOTTOM = 20.0
BASE_SIZE = 9.5
LINE_FACTOR = 1.45  # line height relative to the font size


@dataclass(frozen=True)
class Style:
    """A text style: size in pt, weight, colour and line height factor."""

    size: float = BASE_SIZE
    bold: bool = False
    colour: str = INK
    leading: float = LINE_FACTOR

    @property
    def line_height(self) -> float:
        """Height of one line in mm."""
        return self.size * self.leading / 72 * 25.4


BODY = Style()
SMALL = Style(size=8.5, colour=MUTED)
BOLD = Style(bold=True)
H1 = Style(size=17, bold=True, colour=ACCENT, leading=1.25)
H2 = Style(size=12.5, bold=True, colour=ACCENT, leading=1.3)
H3 = Style(size=10.5, bold=True, colour=INK, leading=1.35)


class ReportPDF(FPDF):
    """FPDF with the report's page frame and text helpers (units: mm)."""

    def __init__(self, header_left: str = "", header_right: str = "", footer_left: str = ""):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.header_left = header_left
        self.header_right = header_right
        self.footer_left = footer_left
        self.page_label = "{page} / {pages}"
        self.show_frame = False
        self._fallbacks: list[str] = []  # fallback families added so far
        self._style: Style | None = None  # the style `use` set last
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.c_margin = 0.0  # cells start exactly where `place` puts them
        # Page breaks are placed by this class (widows, kept headings, repeated table heads);
        # fpdf2 must not add pages on its own, e.g. inside a cell.
        self.set_auto_page_break(False, MARGIN_BOTTOM)
        fonts.add_family(self, fonts.SANS)
        self.set_font(fonts.SANS, "", BASE_SIZE)

    # --- fpdf2 hooks ----------------------------------------------------------------------------

    def normalize_text(self, text: str) -> str:
        """Printable text; a fallback font and shaping are switched on when first needed."""
        text = printable(text)
        if needs_shaping(text):
            self._add_fallbacks(text)
        return super().normalize_text(text)

    def header(self) -> None:
        """Organisation on the left, round on the right, a thin accent rule below."""
        try:
            self._draw_header()
        finally:
            self._style = None  # fpdf2 restores its own font and colours after the header

    def footer(self) -> None:
        """Product line on the left, "page n of N" on the right."""
        try:
            self._draw_footer()
        finally:
            self._style = None  # fpdf2 restores its own font and colours after the footer

    def _draw_header(self) -> None:
        if not self.show_frame:
            return
        y = 11.0
        half = (self.w - 2 * MARGIN_X) / 2 - 4
        left = fit_line(self.header_left, half, 8, bold=True)
        right = fit_line(self.header_right, half, 8)
        self.place(left, MARGIN_X, y, Style(size=8, bold=True, colour=ACCENT))
        self.place(right, self.w - MARGIN_X, y, Style(size=8, colour=MUTED), align="R")
        self.set_draw_color(*hex_to_rgb(ACCENT))
        self.set_line_width(0.4)
        self.line(MARGIN_X, y + 5.5, self.w - MARGIN_X, y + 5.5)

    def _draw_footer(self) -> None:
        if not self.show_frame:
            return
        y = self.h - 12.0
        self.set_draw_color(*hex_to_rgb("#D5DCE2"))
        self.set_line_width(0.2)
        self.line(MARGIN_X, y - 1.5, self.w - MARGIN_X, y - 1.5)
        style = Style(size=7.5, colour=MUTED)
        self.place(self.footer_left, MARGIN_X, y, style)
        self.use(style)
        label = self.page_label.format(page=self.page_no(), pages="{nb}")
        self.set_xy(self.w - MARGIN_X - 40, y)
        self.cell(40, style.line_height, label, align="R")

    # --- text -----------------------------------------------------------------------------------

    def _add_fallbacks(self, text: str) -> None:
        codes = {ord(ch) for ch in text}
        needed = [
            family
            for family in fonts.FALLBACKS
            if family not in self._fallbacks and not codes.isdisjoint(fonts.fallback_only(family))
        ]
        if not needed:
            return
        for family in needed:
            fonts.add_family(self, family)
        self._fallbacks = [f for f in fonts.FALLBACKS if f in self._fallbacks or f in needed]
        self.set_fallback_fonts(self._fallbacks, exact_match=False)
        # The document reads left to right; Arabic and Hebrew runs are still laid out RTL.
        self.set_text_shaping(True, direction="ltr")

    def use(self, style: Style) -> None:
        """Switch font and colour to `style` (nothing to do if it is already in use)."""
        if style == self._style:
            return
        self.set_font(fonts.SANS, "B" if style.bold else "", style.size)
        self.set_text_color(*hex_to_rgb(style.colour))
        self._style = style

    def place(self, line: str, x: float, top: float, style: Style, align: str = "L") -> float:
        """Draw one line with its box's top at `top`; `x` is its left/centre/right edge."""
        self.use(style)
        height = style.line_height
        line = printable(line)
        if not line:
            return height
        width = text_width(line, style.size, style.bold)
        left = x - width if align == "R" else x - width / 2 if align == "C" else x
        if needs_shaping(line):
            x_before, y_before = self.x, self.y
            self.set_xy(left, top)
            self.cell(width, height, line, align=align)
            self.set_xy(x_before, y_before)
        else:
            # the baseline where FPDF.cell would put it, so both paths line up
            self.text(left, top + 0.5 * height + 0.3 * style.size / 72 * 25.4, line)
        return height

    @property
    def content_width(self) -> float:
        """Width between the side margins."""
        return self.w - self.l_margin - self.r_margin

    @property
    def bottom(self) -> float:
        """The lowest y that content may reach on this page."""
        return self.page_break_trigger

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if self.y + height > self.bottom:
            self.add_page()

    def lines(
        self,
        lines: Sequence[str],
        style: Style = BODY,
        x: float | None = None,
        width: float | None = None,
        align: str = "L",
        keep: int = 2,
    ) -> None:
        """Draw lines from the current y down; page breaks leave no single line behind."""
        x = self.l_margin if x is None else x
        width = self.content_width if width is None else width
        anchor = x + width if align == "R" else x + width / 2 if align == "C" else x
        height = style.line_height
        done, count = 0, len(lines)
        while done < count:
            take = min(int((self.bottom - self.y) / height + 1e-6), count - done)
            rest = count - done - take
            if 0 < rest < keep and take > keep:
                take -= keep - rest  # no widow: carry a line over
            if take < min(keep, count - done) and self.y > self.t_margin + 1:
                take = 0  # no orphan: start on the next page
            for line in lines[done : done + take]:
                self.place(line, anchor, self.y, style, align)
                self.y += height
            done += take
            if done < count:
                self.add_page()

    def paragraph(
        self,
        text: str,
        style: Style = BODY,
        indent: float = 0.0,
        after: float = 1.5,
        width: float | None = None,
    ) -> None:
        """Wrap `text` to the column and draw it, flowing over pages."""
        width = (self.content_width - indent) if width is None else width
        self.lines(wrap(text, width, style.size, style.bold), style, self.l_margin + indent, width)
        self.y += after

    def heading(
        self, text: str, style: Style = H2, before: float = 3.0, keep: float = 18.0
    ) -> None:
        """A heading kept together with at least `keep` mm of what follows."""
        lines = wrap(text, self.content_width, style.size, style.bold)
        self.ensure(before + len(lines) * style.line_height + keep)
        if self.y > self.t_margin + 1:
            self.y += before
        self.lines(lines, style)
        self.y += 1.0

    def bullet(self, text: str, style: Style = BODY, indent: float = 0.0, mark: str = "•") -> None:
        """A bulleted paragraph; wrapped lines hang under the text, not the bullet."""
        hang = 4.5
        lines = wrap(text, self.content_width - indent - hang, style.size, style.bold)
        self.ensure(min(len(lines), 2) * style.line_height)
        self.place(mark, self.l_margin + indent, self.y, Style(style.size, True, ACCENT))
        self.lines(lines, style, self.l_margin + indent + hang, self.content_width - indent - hang)
        self.y += 0.8
