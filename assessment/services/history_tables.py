"""The organisation page's tables of a history: built once per history revision and language.

A plain rerun of the page must not re-format 1,000 rounds: the rounds table it shows and the
export tables (rounds, areas per round) are kept under the history's `key` (organisation,
`history_key`, scope), the language and the unit names, so a write to any round builds them anew.
The tables are shared between callers: read them, never change them in place.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.formatting import fmt_date, fmt_number
from assessment.i18n import t
from assessment.services.history import History, RoundRow
from assessment.services.keyed_cache import KeyedCache

_STATUS = {True: "history.round_closed", False: "history.round_open"}
#: Tables kept at once (a few organisations × languages; each is a few hundred kB at most).
CACHE_SIZE = 16


@dataclass(frozen=True)
class HistoryTables:
    """The rounds as the page lists them and offers them to open, and the export's tables."""

    rounds: pd.DataFrame
    #: Round id -> "label · date", newest first (the choice of the round to open).
    choices: dict[int, str]
    #: Sheet name -> table.
    export: dict[str, pd.DataFrame]


_cache: KeyedCache[HistoryTables] = KeyedCache(CACHE_SIZE)


def history_tables(
    found: History, language: str, unit_names: dict[int, str] | None = None
) -> HistoryTables:
    """The history's rounds table and export tables (cached by the history's revision key)."""
    names = tuple(sorted((unit_names or {}).items()))
    if not found.key:  # a history not read from storage has no revision to key on
        return _build(found, language, dict(names))
    return _cache.get_or_build(
        (found.key, language, names), lambda: _build(found, language, dict(names))
    )


def _build(found: History, language: str, unit_names: dict[int, str]) -> HistoryTables:
    rounds = rounds_table(found, language, unit_names)
    export = {
        t("history.x_sheet_rounds", language): rounds,
        t("history.x_sheet_areas", language): _areas_table(found, language),
    }
    choices = {
        r.round_id: f"{r.round.label} · {fmt_date(r.round.date, language)}"
        for r in reversed(found.rows)
    }
    return HistoryTables(rounds=rounds, choices=choices, export=export)


def rounds_table(
    found: History, language: str, unit_names: dict[int, str] | None = None
) -> pd.DataFrame:
    """The rounds as a display table, newest first; with a unit column when there are units."""
    stages = {}
    for q in found.questionnaires.values():
        stages.update({s.id: s.name(language) for s in q.stages})
    ordered = list(reversed(found.rows))
    return pd.DataFrame(
        {
            t("history.col_round", language): [r.round.label for r in ordered],
            **_unit_column(ordered, language, unit_names),
            t("history.col_date", language): [fmt_date(r.round.date, language) for r in ordered],
            t("common.questionnaire", language): [
                f"{r.round.questionnaire_id} {r.round.questionnaire_version}" for r in ordered
            ],
            t("history.col_mode", language): [_mode(r, language) for r in ordered],
            t("common.respondents", language): [r.respondents for r in ordered],
            t("common.overall_score", language): [_score_text(r, language) for r in ordered],
            t("common.stage", language): [stages.get(r.stage, "–") for r in ordered],
            t("common.status", language): [
                t(_STATUS[r.round.status == "closed"], language) for r in ordered
            ],
        }
    )


def _areas_table(found: History, language: str) -> pd.DataFrame:
    """Areas per round: the round, its date, the area, its score and target."""
    keys = {r.round.key: r for r in found.rows}
    areas = found.scores.areas[found.scores.areas["round"].isin(keys)]
    titles = {
        sid: {d.id: d.title(language) for d in q.dimensions}
        for sid, q in found.questionnaires.items()
    }
    return pd.DataFrame(
        {
            t("history.col_round", language): [keys[k].round.label for k in areas["round"]],
            t("history.col_date", language): [
                fmt_date(keys[k].round.date, language) for k in areas["round"]
            ],
            t("history.c_area", language): [
                titles[keys[k].round.snapshot_id][a]
                for k, a in zip(areas["round"], areas["area"], strict=True)
            ],
            t("history.x_score", language): areas["score"].round(1).tolist(),
            t("history.x_target", language): areas["target"].tolist(),
        }
    )


def _mode(row: RoundRow, language: str) -> str:
    if row.round.mode == "self":
        return t("history.mode_self", language)
    if row.round.anonymous:
        return t("history.mode_session_anonymous", language)
    return t("history.mode_session", language)


def _unit_column(ordered: list[RoundRow], language: str, unit_names: dict[int, str] | None) -> dict:
    """The rounds' "Unit" column, or nothing when the organisation has no units."""
    if not unit_names:
        return {}
    return {
        t("history.u_col_unit", language): [
            t("history.col_no_unit", language)
            if r.round.unit_id is None
            else unit_names[r.round.unit_id]
            for r in ordered
        ]
    }


def _score_text(row: RoundRow, language: str) -> str:
    if row.withheld:
        return t("history.withheld_short", language)
    return "–" if row.score is None else fmt_number(row.score, language)
