"""Export files: the Excel workbook reads back with openpyxl, CSV opens in German Excel."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from assessment.export_files import csv_bytes, xlsx_bytes

ROUNDS = pd.DataFrame(
    {"Runde": ["Check 2025", "Check 2026"], "Gesamtwert": [50.0, 62.5], "Stufe": ["Lücke", None]}
)
AREAS = pd.DataFrame({"Handlungsfeld": ["Personalentwicklung"], "Wert": [float("nan")]})


def test_the_workbook_has_one_sheet_per_table_and_reads_back():
    book = load_workbook(io.BytesIO(xlsx_bytes({"Runden": ROUNDS, "Handlungsfelder": AREAS})))
    assert book.sheetnames == ["Runden", "Handlungsfelder"]
    rows = list(book["Runden"].iter_rows(values_only=True))
    assert rows == [
        ("Runde", "Gesamtwert", "Stufe"),
        ("Check 2025", 50.0, "Lücke"),
        ("Check 2026", 62.5, None),
    ]
    assert list(book["Handlungsfelder"].iter_rows(values_only=True)) == [
        ("Handlungsfeld", "Wert"),
        ("Personalentwicklung", None),
    ]
    assert book["Runden"].freeze_panes == "A2"


def test_a_long_sheet_name_is_cut_to_what_excel_allows():
    book = load_workbook(io.BytesIO(xlsx_bytes({"x" * 40: AREAS})))
    assert book.sheetnames == ["x" * 31]


def test_german_csv_has_a_bom_semicolons_and_decimal_commas():
    data = csv_bytes(ROUNDS, "de")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Runde;Gesamtwert;Stufe"
    assert lines[1] == "Check 2025;50,0;Lücke"
    assert csv_bytes(ROUNDS, "en").decode("utf-8-sig").splitlines()[2] == "Check 2026,62.5,"
