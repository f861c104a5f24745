"""Tables with a coloured header row that is repeated after every page break."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assessment.charts.palette import ACCENT, ACCENT_LIGHT, hex_to_rgb
from assessment.report.document import ReportPDF, Style
from assessment.report.layout import text_width, wrap
from assessment.report.text import printable

PAD_X = 1.8
PAD_Y = 1.3
TABLE_SIZE = 8.5
MAX_WORD = 40.0  # mm: longer words may be split rather than widen their column
ROW_STYLE = Style(size=TABLE_SIZE, leading=1.35)
HEAD_STYLE = Style(size=TABLE_SIZE, bold=True, colour="#FFFFFF", leading=1.35)


@dataclass(frozen=True)
class Column:
    """A column: title, share of the table width (any unit, normalised) and alignment."""

    title: str
    share: float
    align: str = "L"


@dataclass(frozen=True)
class Cell:
    """A cell's text with an optional style (bold, colour)."""

    text: str
    style: Style = ROW_STYLE


def _cell(value: str | Cell, style: Style) -> Cell:
    return value if isinstance(value, Cell) else Cell(value, style)


def draw_table(
    pdf: ReportPDF,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str | Cell]],
    style: Style = ROW_STYLE,
) -> None:
    """Draw a table across the column width; rows never split unless taller than a page.

    `style` gives the rows' line height (and the font of plain string cells); the header row
    uses the same size in bold.
    """
    cells = [[_cell(value, style) for value in row] for row in rows]
    head_style = Style(size=style.size, bold=True, colour="#FFFFFF", leading=style.leading)
    widths = column_widths(pdf.content_width, columns, cells, head_style)
    head = [
        wrap(c.title, w - 2 * PAD_X, head_style.size, True)
        for c, w in zip(columns, widths, strict=True)
    ]
    head_height = max(len(lines) for lines in head) * head_style.line_height + 2 * PAD_Y
    line_height = style.line_height
    prepared = []
    for row_cells in cells:
        wrapped = [
            wrap(c.text, w - 2 * PAD_X, c.style.size, c.style.bold)
            for c, w in zip(row_cells, widths, strict=True)
        ]
        prepared.append((row_cells, wrapped))
    first_row = prepared[0][1] if prepared else [[""]]
    pdf.ensure(head_height + min(max(len(x) for x in first_row), 3) * line_height + 2 * PAD_Y)
    frame = _Frame(columns, widths, head, head_height, head_style, style)
    _draw_head(pdf, frame)
    for index, (row_cells, wrapped) in enumerate(prepared):
        _draw_row(pdf, frame, row_cells, wrapped, index)
    pdf.y += 2.0


def column_widths(
    total: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]] = (),
    head_style: Style = HEAD_STYLE,
) -> list[float]:
    """Widths from the shares, widened so that no header or cell word has to be split.

    The first column (usually the longest text) gives up the room; a word longer than
    MAX_WORD mm may still be split.
    """
    shares = sum(c.share for c in columns)
    widths = [total * c.share / shares for c in columns]
    for n, column in enumerate(columns):
        if n == 0:
            continue
        need = max((text_width(w, head_style.size, True) for w in column.title.split()), default=0)
        for row in rows:
            cell = row[n]
            words = printable(cell.text).split()
            need = max(need, *(text_width(w, cell.style.size, cell.style.bold) for w in words), 0)
        need = min(need, MAX_WORD) + 2 * PAD_X + 0.5
        if widths[n] < need:
            widths[0] -= need - widths[n]
            widths[n] = need
    return widths


@dataclass(frozen=True)
class _Frame:
    """What every row of one table shares: columns, widths, the header and the row style."""

    columns: Sequence[Column]
    widths: list[float]
    head: list[list[str]]
    head_height: float
    head_style: Style
    style: Style


def _draw_head(pdf: ReportPDF, frame: _Frame) -> None:
    pdf.set_fill_color(*hex_to_rgb(ACCENT))
    pdf.rect(pdf.l_margin, pdf.y, sum(frame.widths), frame.head_height, style="F")
    x = pdf.l_margin
    for column, width, lines in zip(frame.columns, frame.widths, frame.head, strict=True):
        _cell_lines(pdf, lines, x, width, pdf.y + PAD_Y, frame.head_style, column.align, frame)
        x += width
    pdf.y += frame.head_height


def _draw_row(pdf: ReportPDF, frame: _Frame, cells, wrapped, index: int) -> None:
    line_height = frame.style.line_height
    widths = frame.widths
    start = 0
    count = max(len(lines) for lines in wrapped)
    page_room = int((pdf.bottom - pdf.t_margin - frame.head_height - 2 * PAD_Y) // line_height)
    while start < count:
        room = int((pdf.bottom - pdf.y - 2 * PAD_Y) // line_height)
        rest = count - start
        if rest > room and (rest <= page_room or room < 2):
            pdf.add_page()
            _draw_head(pdf, frame)
            continue
        stop = min(count, start + room)
        height = (stop - start) * line_height + 2 * PAD_Y
        if index % 2:
            pdf.set_fill_color(*hex_to_rgb(ACCENT_LIGHT))
            pdf.rect(pdf.l_margin, pdf.y, sum(widths), height, style="F")
        x = pdf.l_margin
        for column, width, cell, lines in zip(frame.columns, widths, cells, wrapped, strict=True):
            top = pdf.y + PAD_Y
            _cell_lines(pdf, lines[start:stop], x, width, top, cell.style, column.align, frame)
            x += width
        pdf.y += height
        pdf.set_draw_color(*hex_to_rgb("#D5DCE2"))
        pdf.set_line_width(0.15)
        pdf.line(pdf.l_margin, pdf.y, pdf.l_margin + sum(widths), pdf.y)
        start = stop


def _cell_lines(pdf, lines, x, width, top, style: Style, align: str, frame: _Frame) -> None:
    """A cell's lines; the table's line height applies, the cell style gives font and colour."""
    anchor = x + width - PAD_X if align == "R" else x + width / 2 if align == "C" else x + PAD_X
    step = frame.style.line_height
    style = Style(style.size, style.bold, style.colour, frame.style.leading)
    for n, line in enumerate(lines):
        pdf.place(line, anchor, top + n * step, style, align)
