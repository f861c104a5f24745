"""Export files from tables: CSV that German Excel opens as it is, and Excel workbooks.

CSV is UTF-8 with a byte order mark (so Excel reads „Lücke“ correctly); in German the
columns are separated by semicolons and decimals written with a comma, as German Excel
expects; in English by commas with a decimal point. A workbook has one sheet per table.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

#: Excel allows at most 31 characters in a sheet name.
SHEET_NAME_MAX = 31


def csv_bytes(frame: pd.DataFrame, lang: str) -> bytes:
    """One table as CSV for the UI language (UTF-8 with BOM)."""
    german = lang == "de"
    text = frame.to_csv(index=False, sep=";" if german else ",", decimal="," if german else ".")
    return text.encode("utf-8-sig")


def xlsx_bytes(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """An Excel workbook with one sheet per table (header bold and frozen, columns sized)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, frame in tables.items():
        sheet = book.create_sheet(name[:SHEET_NAME_MAX])
        sheet.append([str(column) for column in frame.columns])
        for values in frame.itertuples(index=False):
            sheet.append([_cell(value) for value in values])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for n, column in enumerate(frame.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in frame[column].head(200))])
            sheet.column_dimensions[sheet.cell(1, n).column_letter].width = min(longest + 2, 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: object) -> object:
    """A value as openpyxl writes it: missing numbers as empty cells."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value
