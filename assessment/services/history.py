"""An organisation's history: its rounds with their scores, read and scored once per revision.

The answers of all rounds come from one query (`storage.history.read_history`) and are scored
by `score_rounds` once per questionnaire snapshot, never once per round. The result is cached
under the organisation's `history_key`, which any write to any of its rounds changes.

Rules held here for every page and export built on the history:
- a session counts only those who submitted, and has no score at all below its minimum
  group size; a statement fewer than that many rated is left out (as in `group.result`);
- where a session's group agreed on an area's score, that consensus replaces the mean.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import pandas as pd
from sqlalchemy import Engine

from assessment.group_rules import shown_rows
from assessment.questionnaire import Questionnaire
from assessment.responses import Organisation, PlanEntry
from assessment.scoring import Scores, score_rounds
from assessment.services.access import Visitor
from assessment.services.errors import Forbidden, storage_boundary
from assessment.storage import history as stored
from assessment.storage import repository as repo
from assessment.storage.history import StoredHistory, StoredRound


@dataclass(frozen=True)
class RoundRow:
    """One round as the organisation page lists it; `score` is None when withheld or unanswered."""

    round: StoredRound
    score: float | None
    stage: str | None
    #: A session below its minimum group size: no score, no figure of it anywhere.
    withheld: bool

    @property
    def round_id(self) -> int:
        """The round's id."""
        return self.round.round_id

    @property
    def respondents(self) -> int:
        """Who counts: a self-check's one respondent, a session's submitted ones."""
        return self.round.joined if self.round.mode == "self" else self.round.submitted


@dataclass(frozen=True)
class History:
    """The organisation, its rounds oldest first, and the scores of those that have any.

    The tables are shared between callers (cached): read them, never change them in place.
    """

    organisation: Organisation
    rows: tuple[RoundRow, ...]
    scores: Scores  # keyed by round id as text; withheld rounds are absent
    plans: dict[int, tuple[PlanEntry, ...]]
    questionnaires: dict[int, Questionnaire]  # snapshot id -> questionnaire
    #: (organisation id, `history_key`, read number[, unit scope]): what tables built from it
    #: are cached by; empty for a history not read from storage.
    key: tuple = ()

    def row(self, round_id: int) -> RoundRow:
        """The row of one round; KeyError if it is not the organisation's."""
        return self._rows_by_id[round_id]

    @cached_property
    def _rows_by_id(self) -> dict[int, RoundRow]:
        # Pages look rows up once per table line: a dict, not a scan of 1,000 rounds each time.
        return {row.round_id: row for row in self.rows}

    def questionnaire(self, round_id: int) -> Questionnaire:
        """The questionnaire snapshot a round was answered with."""
        return self.questionnaires[self.row(round_id).round.snapshot_id]

    def scored(self) -> list[RoundRow]:
        """The rounds that have an overall score, oldest first."""
        return [row for row in self.rows if row.score is not None]

    def unit_rows(self, unit_id: int | None) -> tuple[RoundRow, ...]:
        """The rounds of one unit (None: those of the organisation as a whole)."""
        return tuple(row for row in self.rows if row.round.unit_id == unit_id)


def _may_read(visitor: Visitor | None) -> Visitor:
    if visitor is None or not (visitor.may("rounds") or visitor.may("compare")):
        raise Forbidden("this link does not open the organisation's rounds")
    return visitor


def history(engine: Engine, visitor: Visitor | None) -> History:
    """The visitor's organisation with all its rounds and their scores (cached by revision)."""
    visitor = _may_read(visitor)
    with storage_boundary("read history", organisation=visitor.organisation_id):
        key = stored.history_key(engine, visitor.organisation_id)
        found = _scored_history(engine, visitor.organisation_id, key)
    if visitor.sees_whole_organisation:
        return found
    return _only_unit(found, visitor.unit_scope)


def _only_unit(found: History, unit_id: int | None) -> History:
    rows = found.unit_rows(unit_id)
    keys = {row.round.key for row in rows}
    s = found.scores
    scores = Scores(
        items=s.items[s.items["round"].isin(keys)].reset_index(drop=True),
        areas=s.areas[s.areas["round"].isin(keys)].reset_index(drop=True),
        overall=s.overall[s.overall["round"].isin(keys)].reset_index(drop=True),
    )
    plans = {rid: plan for rid, plan in found.plans.items() if str(rid) in keys}
    key = (*found.key, "unit", unit_id) if found.key else ()
    return History(found.organisation, rows, scores, plans, found.questionnaires, key)


_reads = itertools.count()


@lru_cache(maxsize=32)
def _scored_history(engine: Engine, organisation_id: int, key: tuple[int, int, int]) -> History:
    # `key` changes with every write to the organisation's rounds: a new key, a fresh read.
    data = stored.read_history(engine, organisation_id)
    snapshots = {r.snapshot_id for r in data.rounds}
    questionnaires = {sid: repo.snapshot_questionnaire(engine, sid) for sid in snapshots}
    # The read's number keeps apart equal keys of two databases (tests, benchmarks).
    read = (organisation_id, *key, next(_reads))
    return replace(score_history(data, questionnaires), key=read)


def score_history(data: StoredHistory, questionnaires: dict[int, Questionnaire]) -> History:
    """Score every round of a stored history (one `score_rounds` call per snapshot)."""
    withheld = {
        r.key for r in data.rounds if r.mode == "session" and r.submitted < r.min_group_size
    }
    answers = _rated_by_enough(data.answers, data.rounds)
    parts: list[Scores] = []
    for snapshot_id, q in questionnaires.items():
        keys = [r.key for r in data.rounds if r.snapshot_id == snapshot_id]
        keys = [key for key in keys if key not in withheld]
        if not keys:
            continue
        parts.append(
            score_rounds(
                answers[answers["round"].isin(keys)],
                q,
                data.targets[data.targets["round"].isin(keys)],
                rounds=keys,
                consensus=data.consensus[data.consensus["round"].isin(keys)],
            )
        )
    scores = _concat(parts)
    overall = scores.overall.set_index("round")
    rows = []
    for r in data.rounds:
        score = overall["score"].get(r.key) if r.key in overall.index else None
        has_score = score is not None and not pd.isna(score)
        rows.append(
            RoundRow(
                round=r,
                score=float(score) if has_score else None,
                stage=overall["stage"].get(r.key) if has_score else None,
                withheld=r.key in withheld,
            )
        )
    return History(data.organisation, tuple(rows), scores, dict(data.plans), questionnaires)


def _rated_by_enough(answers: pd.DataFrame, rounds: tuple[StoredRound, ...]) -> pd.DataFrame:
    """Leave out a session's statements fewer than its minimum group size rated."""
    minimum = {r.key: r.min_group_size for r in rounds if r.mode == "session"}
    if not minimum or answers.empty:
        return answers
    rated = answers.dropna(subset=["value"])
    raters = rated.groupby(["round", "item"], sort=False)["respondent"].nunique().rename("raters")
    counted = answers.join(raters, on=["round", "item"])["raters"].fillna(0)
    needed = answers["round"].map(minimum).fillna(0)
    return answers[shown_rows(answers, counted, needed)]


_EMPTY = Scores(
    items=pd.DataFrame(
        columns=["round", "area", "item", "mean", "n", "min", "max", "sd", "disagreement"]
    ),
    areas=pd.DataFrame(
        columns=["round", "area", "score", "stage", "coverage", "incomplete", "target", "gap"]
    ),
    overall=pd.DataFrame(columns=["round", "score", "stage", "respondents"]),
)


def _concat(parts: list[Scores]) -> Scores:
    if not parts:
        return _EMPTY
    if len(parts) == 1:
        return parts[0]
    return Scores(
        items=pd.concat([p.items for p in parts], ignore_index=True),
        areas=pd.concat([p.areas for p in parts], ignore_index=True),
        overall=pd.concat([p.overall for p in parts], ignore_index=True),
    )


def update_organisation(
    engine: Engine, visitor: Visitor | None, organisation: Organisation
) -> None:
    """Change the organisation's profile (the organisation link only; every round shows it)."""
    if visitor is None or not visitor.may("rounds") or not visitor.sees_whole_organisation:
        raise Forbidden("only the organisation link changes the organisation's profile")
    with storage_boundary("update organisation", organisation=visitor.organisation_id):
        stored.update_organisation(engine, visitor.organisation_id, organisation)
