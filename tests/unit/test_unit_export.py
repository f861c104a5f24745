"""The export of every unit: one sheet per table, read back with openpyxl; CSV for German Excel."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from assessment.export_files import csv_bytes, xlsx_bytes
from assessment.services import access, next_round, rounds, unit_export, units
from assessment.services.errors import Forbidden
from tests.unit.test_history import answer_all
from tests.unit.test_units import two_units


def test_the_workbook_of_every_unit_reads_back_with_one_sheet_per_table(engine, mini):
    owner, _, _ = two_units(engine, mini)
    tables = unit_export.units_export(engine, owner, "de")
    book = load_workbook(io.BytesIO(xlsx_bytes(tables)))
    assert book.sheetnames == [
        "Einheiten",
        "Abweichung vom Mittel",
        "Runden der Einheiten",
        "Handlungsfelder je Runde",
    ]
    latest = list(book["Einheiten"].iter_rows(values_only=True))
    titles = tuple(d.title("de") for d in mini.dimensions)
    assert latest[0] == (
        "Einheit", "Runde", "Datum", "Fragebogen", "Antwortende", "Gesamtwert", "Stufe", *titles
    )  # fmt: skip
    assert [row[0] for row in latest[1:]] == ["Standort Nord", "Standort Süd"]
    assert latest[1][1] == "Standort Nord 2026"
    assert latest[1][2] == dt.datetime(2026, 3, 2)  # a date cell, not text
    assert latest[1][5:] == (75.0, "Verankert", *(75.0,) * len(titles))
    versus = list(book["Abweichung vom Mittel"].iter_rows(values_only=True))
    assert versus[0] == (
        "Einheit", "Bereich", "Wert", "Mittel aller Einheiten", "Abweichung vom Mittel (Punkte)"
    )  # fmt: skip
    assert versus[1] == ("Standort Nord", titles[0], 75.0, 50.0, 25.0)
    assert versus[-1] == ("Standort Süd", titles[-1], 25.0, 50.0, -25.0)
    rounds = list(book["Runden der Einheiten"].iter_rows(values_only=True))
    assert [(r[0], r[1], r[4], r[8]) for r in rounds[1:]] == [
        ("Standort Nord", "Standort Nord 2026", "Selbstcheck", "offen"),
        ("Standort Süd", "Standort Süd 2026", "Selbstcheck", "offen"),
    ]
    areas = list(book["Handlungsfelder je Runde"].iter_rows(values_only=True))
    assert len(areas) == 1 + 2 * len(titles)
    # The organisation's own round (not a unit's) is in none of the tables.
    assert all(
        "Runde 2025" not in row for sheet in book for row in sheet.iter_rows(values_only=True)
    )


def test_the_units_csv_opens_in_german_and_english_excel(engine, mini):
    owner, _, _ = two_units(engine, mini)
    german = csv_bytes(next(iter(unit_export.units_export(engine, owner, "de").values())), "de")
    assert german.startswith(b"\xef\xbb\xbf")
    lines = german.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Einheit;Runde;Datum;Fragebogen;Antwortende;Gesamtwert;Stufe;")
    assert lines[2].startswith("Standort Süd;Standort Süd 2026;2026-03-02;mini 1.0;1;25,0;Aufbau;")
    english = csv_bytes(next(iter(unit_export.units_export(engine, owner, "en").values())), "en")
    rows = english.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Unit,Round,Date,Questionnaire,Respondents,Overall score,Stage,")
    assert ",25.0,Building up," in rows[2]


def test_a_session_below_its_minimum_exports_no_score(engine, mini):
    owner, north, _ = two_units(engine, mini)
    workshop = next_round.start_next_round(
        engine, owner, mini, "Workshop Nord", dt.date(2027, 1, 1), mode="session",
        unit_id=north.unit_id,
    )  # fmt: skip
    for _ in range(2):  # two answer sets, below the minimum group size of three
        joined = rounds.join(engine, access.resolve(engine, workshop.join_token))
        answer_all(engine, joined.token, mini, 4)
        rounds.submit(engine, access.resolve(engine, joined.token))
    tables = list(unit_export.units_export(engine, owner, "de").values())
    listed = tables[2]
    workshop = listed[listed["Runde"] == "Workshop Nord"].iloc[0]
    assert pd.isna(workshop["Gesamtwert"]) and workshop["Antwortende"] == 2
    assert "Workshop Nord" not in set(tables[3]["Runde"])
    assert "Workshop Nord" not in set(tables[0]["Runde"])


def test_only_the_organisation_link_exports_every_unit(engine, mini):
    _, north, _ = two_units(engine, mini)
    with pytest.raises(Forbidden):
        unit_export.units_export(engine, access.resolve(engine, north.token), "de")
    assert units  # the units service is what refuses (see test_units)
