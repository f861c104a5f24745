"""The export of every unit (organisation link only): the tables the units view shows.

Four tables, one sheet each in Excel: every unit's newest scored round with its area scores,
each unit against the mean of all units per area, every round of every unit, and the area
scores of each of those rounds. Only scores leave (never a person's answers), and nothing of a
session below its minimum group size (the history has no score of such a round).
Headers are in the UI language; scores stay numbers, rounded to one decimal.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from assessment.formatting import round_half_up
from assessment.i18n import t
from assessment.services.access import Visitor
from assessment.services.history import RoundRow
from assessment.services.units import UnitsOverview, overview

#: The tables in export order with the keys of their sheet names.
SHEETS = {
    "latest": "history.u_sheet_latest",
    "versus_mean": "history.u_sheet_versus_mean",
    "rounds": "history.u_sheet_rounds",
    "areas": "history.u_sheet_areas",
}


def units_export(engine: Engine, visitor: Visitor | None, lang: str) -> dict[str, pd.DataFrame]:
    """Every unit's tables by translated sheet name (the organisation link only)."""
    return units_tables(overview(engine, visitor), lang)


def units_tables(seen: UnitsOverview, lang: str) -> dict[str, pd.DataFrame]:
    """The export tables of a units overview, by translated sheet name."""
    tables = {
        "latest": _latest(seen, lang),
        "versus_mean": _versus_mean(seen, lang),
        "rounds": _rounds(seen, lang),
        "areas": _areas(seen, lang),
    }
    return {t(key, lang): tables[name] for name, key in SHEETS.items()}


def _score(value: float | None) -> float | None:
    return None if value is None or pd.isna(value) else round_half_up(float(value), 1)


def _stage(seen: UnitsOverview, row: RoundRow, lang: str) -> str:
    if row.stage is None:
        return ""
    stages = {s.id: s.name(lang) for s in seen.history.questionnaire(row.round_id).stages}
    return stages.get(row.stage, row.stage)


def _round_columns(seen: UnitsOverview, name: str, row: RoundRow, lang: str) -> dict:
    return {
        t("history.u_col_unit", lang): name,
        t("history.col_round", lang): row.round.label,
        t("history.col_date", lang): row.round.date,
        t("common.questionnaire", lang): (
            f"{row.round.questionnaire_id} {row.round.questionnaire_version}"
        ),
    }


def _latest(seen: UnitsOverview, lang: str) -> pd.DataFrame:
    records = []
    for unit in seen.scored():
        row = unit.latest
        record = _round_columns(seen, unit.unit.name, row, lang)
        record[t("common.respondents", lang)] = row.respondents
        record[t("common.overall_score", lang)] = _score(row.score)
        record[t("common.stage", lang)] = _stage(seen, row, lang)
        for area in seen.areas:
            record[seen.area_title(area, lang)] = _score(seen.score(unit.unit.unit_id, area))
        records.append(record)
    return pd.DataFrame(records, columns=_columns(seen, lang))


def _columns(seen: UnitsOverview, lang: str) -> list[str]:
    keys = ("history.u_col_unit", "history.col_round", "history.col_date", "common.questionnaire",
            "common.respondents", "common.overall_score", "common.stage")  # fmt: skip
    return [t(key, lang) for key in keys] + [seen.area_title(a, lang) for a in seen.areas]


def _versus_mean(seen: UnitsOverview, lang: str) -> pd.DataFrame:
    records = [
        {
            t("history.u_col_unit", lang): unit.unit.name,
            t("common.area", lang): seen.area_title(area, lang),
            t("common.score", lang): _score(seen.score(unit.unit.unit_id, area)),
            t("history.u_col_mean", lang): _score(seen.mean.get(area)),
            t("history.u_col_delta", lang): _score(seen.delta(unit.unit.unit_id, area)),
        }
        for unit in seen.scored()
        for area in seen.areas
    ]
    keys = (
        "history.u_col_unit",
        "common.area",
        "common.score",
        "history.u_col_mean",
        "history.u_col_delta",
    )
    return pd.DataFrame(records, columns=[t(key, lang) for key in keys])


def _unit_rounds(seen: UnitsOverview) -> list[tuple[str, RoundRow]]:
    names = {u.unit.unit_id: u.unit.name for u in seen.units}
    return [(names[r.round.unit_id], r) for r in seen.history.rows if r.round.unit_id in names]


def _rounds(seen: UnitsOverview, lang: str) -> pd.DataFrame:
    records = []
    for name, row in _unit_rounds(seen):
        record = _round_columns(seen, name, row, lang)
        mode = "history.mode_self" if row.round.mode == "self" else "history.mode_session"
        record[t("history.col_mode", lang)] = t(mode, lang)
        record[t("common.respondents", lang)] = row.respondents
        record[t("common.overall_score", lang)] = _score(row.score)
        record[t("common.stage", lang)] = _stage(seen, row, lang)
        closed = row.round.status == "closed"
        record[t("common.status", lang)] = t(
            "history.round_closed" if closed else "history.round_open", lang
        )
        records.append(record)
    keys = ("history.u_col_unit", "history.col_round", "history.col_date", "common.questionnaire",
            "history.col_mode", "common.respondents", "common.overall_score", "common.stage",
            "common.status")  # fmt: skip
    return pd.DataFrame(records, columns=[t(key, lang) for key in keys])


def _areas(seen: UnitsOverview, lang: str) -> pd.DataFrame:
    rows = dict(_unit_rounds_by_key(seen))
    areas = seen.history.scores.areas
    mine = areas[areas["round"].isin(rows)]
    records = [
        {
            t("history.u_col_unit", lang): rows[key][0],
            t("history.col_round", lang): rows[key][1].round.label,
            t("history.col_date", lang): rows[key][1].round.date,
            t("common.area", lang): seen.area_title(area, lang),
            t("common.score", lang): _score(score),
            t("history.x_target", lang): _score(target),
        }
        for key, area, score, target in zip(
            mine["round"], mine["area"], mine["score"], mine["target"], strict=True
        )
    ]
    keys = ("history.u_col_unit", "history.col_round", "history.col_date", "common.area",
            "common.score", "history.x_target")  # fmt: skip
    return pd.DataFrame(records, columns=[t(key, lang) for key in keys])


def _unit_rounds_by_key(seen: UnitsOverview):
    return ((row.round.key, (name, row)) for name, row in _unit_rounds(seen))
