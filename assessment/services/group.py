"""A session's group picture: progress, and the result once enough have submitted.

Rules (DESIGN §4, §10), held here so that no page, export or report can bypass them:
- the group result (scores, spread, min/max, comments) counts only respondents who submitted,
  and exists only once at least the round's minimum group size (never below 3) has submitted;
  before that `result` returns `Withheld`, saying how many of how many have submitted;
- in an anonymous round a comment carries no label and comments are ordered by item and text,
  so that nothing ties them to a person; names and roles are never stored there at all; its
  progress is counts only (who has not submitted yet is not named either).
The pure rules (who counts, which statements show) are `assessment.group_rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
from sqlalchemy import Engine

from assessment.group_rules import (
    consensus_frame,
    discussion_points,
    rated_by_enough,
    spread_table,
)
from assessment.scoring import Scores, score_rounds
from assessment.services.access import Action, Visitor, questionnaire, require_round
from assessment.services.errors import Forbidden, Invalid, storage_boundary
from assessment.storage import repository as repo
from assessment.storage.results import RoundDetails
from assessment.storage.transactions import retrying


@dataclass(frozen=True)
class Withheld:
    """Too few have submitted: no aggregate, spread or comment is shown yet."""

    submitted: int
    joined: int
    min_group: int

    @property
    def needed(self) -> int:
        """How many more submissions the group result needs."""
        return max(self.min_group - self.submitted, 0)


class Comment(NamedTuple):
    """A comment on an item; `by` is the respondent's label, empty in an anonymous round."""

    item: str
    text: str
    by: str = ""


@dataclass(frozen=True)
class GroupResult:
    """The group's scores, the spread of answers per item and level, and the comments."""

    #: The scores; an area's score is the group's consensus where one is set, else the mean.
    scores: Scores
    #: The mean score per area of those who submitted (beside the consensus).
    mean_scores: dict[str, float | None]
    #: The agreed scores per area (only those set).
    consensus: dict[str, float]
    spread: pd.DataFrame  # area, item, level ("0".."max" or NA_LEVEL), count
    comments: tuple[Comment, ...]
    submitted: int
    joined: int
    min_group: int
    anonymous: bool
    #: Statements fewer than `min_group` people rated: left out, so no one's answer shows alone.
    withheld_items: tuple[str, ...] = ()

    def discussion_points(self) -> pd.DataFrame:
        """The items where the group disagrees (DESIGN §4), the widest spread first."""
        return discussion_points(self.scores.items)


@dataclass(frozen=True)
class GroupProgress:
    """How far the group got: joined, answering, submitted; per area who answered it all."""

    joined: int
    answering: int
    submitted: int
    min_group: int
    complete_per_area: dict[str, int]
    started_per_area: dict[str, int]
    #: Labels (P1, P2, …) and answer counts of those who have not submitted yet; empty in an
    #: anonymous round, where a label would tie the next submission to whoever still answers.
    unfinished: tuple[tuple[str, int], ...]
    items: int
    anonymous: bool = False

    @property
    def not_submitted(self) -> int:
        """How many joined but have not submitted yet."""
        return self.joined - self.submitted

    @property
    def result_ready(self) -> bool:
        """Whether enough have submitted for the group result to be shown."""
        return self.submitted >= self.min_group


def _session(visitor: Visitor | None, action: Action) -> RoundDetails:
    found = require_round(visitor, action)
    if found.mode != "session":
        raise Forbidden("a self-check has no group")
    return found


def progress(engine: Engine, visitor: Visitor | None) -> GroupProgress:
    """The group's progress (counts and labels only, never an answer)."""
    found = _session(visitor, "progress")
    q = questionnaire(engine, visitor)  # type: ignore[arg-type]
    with storage_boundary("read progress", round=found.round_id):
        people = repo.round_respondents(engine, found.round_id)
        given = repo.round_answers(engine, found.round_id)
    area_of = {item: d.id for d in q.dimensions for item in (i.id for i in d.items)}
    sizes = {d.id: len(d.items) for d in q.dimensions}
    per_person = given.assign(area=given["item"].map(area_of)).groupby(["respondent", "area"])
    counts = per_person["item"].nunique()
    complete = {
        area: int(sum(1 for (_, a), n in counts.items() if a == area and n >= size))
        for area, size in sizes.items()
    }
    started = {
        area: int(sum(1 for (_, a), n in counts.items() if a == area and n > 0)) for area in sizes
    }
    return GroupProgress(
        joined=len(people),
        answering=sum(1 for p in people if p.answered and not p.submitted),
        submitted=sum(1 for p in people if p.submitted),
        min_group=found.min_group_size,
        complete_per_area=complete,
        started_per_area=started,
        unfinished=()
        if found.anonymous
        else tuple((p.label, p.answered) for p in people if not p.submitted),
        items=len(area_of),
        anonymous=found.anonymous,
    )


def result(
    engine: Engine, visitor: Visitor | None, targets: dict[str, float] | None = None
) -> GroupResult | Withheld:
    """The group result of those who submitted, or `Withheld` below the minimum group size."""
    found = _session(visitor, "results")
    with storage_boundary("read group result", round=found.round_id):
        people = repo.round_respondents(engine, found.round_id)
        submitted = sum(1 for p in people if p.submitted)
        if submitted < found.min_group_size:
            return Withheld(submitted, len(people), found.min_group_size)
        answers = repo.submitted_answers(engine, found.round_id)
        stored_comments = repo.submitted_comments(engine, found.round_id)
    q = questionnaire(engine, visitor)  # type: ignore[arg-type]
    answers, withheld = rated_by_enough(answers.assign(round="current"), found.min_group_size)
    target_frame = pd.DataFrame(
        [("current", a, v) for a, v in (targets or {}).items()], columns=["round", "area", "target"]
    )
    with storage_boundary("read consensus", round=found.round_id):
        agreed = repo.get_consensus(engine, found.round_id)
    means = score_rounds(answers, q, target_frame, rounds=["current"])
    scores = score_rounds(answers, q, target_frame, ["current"], consensus_frame(agreed))
    if found.anonymous:
        comments = tuple(sorted(Comment(item, text) for item, text, _ in stored_comments))
    else:
        comments = tuple(Comment(item, text, label) for item, text, label in stored_comments)
    return GroupResult(
        scores=scores,
        mean_scores=_area_scores(means),
        consensus=agreed,
        spread=spread_table(answers, q),
        comments=comments,
        submitted=submitted,
        joined=len(people),
        min_group=found.min_group_size,
        anonymous=found.anonymous,
        withheld_items=withheld,
    )


def _area_scores(scores: Scores) -> dict[str, float | None]:
    return {
        row.area: None if pd.isna(row.score) else float(row.score)
        for row in scores.areas.itertuples(index=False)
    }


def set_consensus(engine: Engine, visitor: Visitor | None, area: str, value: float | None) -> None:
    """Store the score (0..100) the group agreed on for an area; None removes it."""
    found = _session(visitor, "targets")
    if area not in questionnaire(engine, visitor).dimensions_by_id:  # type: ignore[arg-type]
        raise Invalid(f"unknown area {area!r}")
    if value is not None and not 0 <= value <= 100:
        raise Invalid(f"a consensus lies between 0 and 100, got {value}")
    with storage_boundary("set consensus", round=found.round_id, area=area):
        retrying(repo.set_consensus, engine, found.round_id, area, value)


def notes(engine: Engine, visitor: Visitor | None) -> dict[str, str]:
    """The facilitator's notes per area."""
    found = _session(visitor, "results")
    with storage_boundary("read notes", round=found.round_id):
        return repo.get_notes(engine, found.round_id)


def save_note(engine: Engine, visitor: Visitor | None, area: str, text: str) -> None:
    """Store the note on an area (a blank text removes it)."""
    found = _session(visitor, "targets")
    if area not in questionnaire(engine, visitor).dimensions_by_id:  # type: ignore[arg-type]
        raise Invalid(f"unknown area {area!r}")
    with storage_boundary("save note", round=found.round_id, area=area):
        retrying(repo.save_note, engine, found.round_id, area, text)
