"""The rules of a group's result, pure: who counts, what is shown, a file's anonymous form.

- a session's result exists only from its minimum group size of answer sets on;
- a statement fewer than that many rated is left out (its mean would show those few answers);
  its "don't know" answers still count (they show no one's rating), and so do its "not
  applicable" ones where no one rated it (the statement then leaves the area);
- an anonymous round's file holds answer sets under opaque ids, ordered by content (not by who
  joined first), with no name or role, and its comments in one list tied to no answer set.
"""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pandas as pd

from assessment.questionnaire import Questionnaire
from assessment.responses import AnswerValue, GroupComment, Respondent, ResponseFile
from assessment.scoring import (
    Scores,
    answers_frame,
    dont_know,
    not_applicable,
    score_rounds,
    targets_frame,
)

#: The level of a "not applicable" answer in the spread table.
NA_LEVEL = "na"
#: The level of a "don't know" answer in the spread table.
DONT_KNOW_LEVEL = "dk"
#: How the spread's columns of these two levels are headed.
LEVEL_SIGNS = {DONT_KNOW_LEVEL: "?", NA_LEVEL: "–"}
#: How the answer sets of an anonymous round's file are named: A1, A2, …
OPAQUE_PREFIX = "A"


class TooFewInGroup(ValueError):
    """A session's file holds fewer answer sets than its minimum group size: nothing is shown."""

    def __init__(self, given: int, min_group: int):
        super().__init__(
            f"the group result needs at least {min_group} answer sets (round.min_group), "
            f"the file holds {given}; nothing is shown"
        )
        self.given = given
        self.min_group = min_group


def is_group(data: ResponseFile) -> bool:
    """Whether the file's group rules apply: it says it is a session, or anonymous."""
    return data.round.mode == "session" or data.round.anonymous


def answers_from_counts(counts: list[tuple[str, int | None, bool, int]]) -> pd.DataFrame:
    """The long answer table (respondent, item, value, na; no rating = NaN) that answer counts
    (item, value, not applicable, count) stand for.

    The respondents are numbered per statement, so the table ties no two answers to one person;
    everything the group result shows (mean, n, min, max, spread) depends on the counts only.
    """
    repeats = [n for *_, n in counts]
    items = np.repeat([item for item, *_ in counts], repeats)
    values = np.repeat([np.nan if v is None else float(v) for _, v, _, _ in counts], repeats)
    na = np.repeat([bool(na) for _, _, na, _ in counts], repeats).astype(bool)
    frame = pd.DataFrame(
        {"item": items.astype(object), "value": values.astype("float64"), "na": na}
    )
    respondent = frame.groupby("item", sort=False).cumcount()
    return frame.assign(respondent=respondent.astype(str))[["respondent", "item", "value", "na"]]


def rated_by_enough(answers: pd.DataFrame, min_group: int) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The answers to items that at least `min_group` people rated, and the items left out."""
    raters = answers.dropna(subset=["value"]).groupby("item")["respondent"].nunique()
    enough = set(raters[raters >= min_group].index)
    withheld = tuple(sorted(set(answers["item"]) - enough))
    counted = answers["item"].map(raters).fillna(0)
    return answers[shown_rows(answers, counted, min_group)], withheld


def shown_rows(answers: pd.DataFrame, raters: pd.Series, needed: pd.Series | int) -> pd.Series:
    """Which answer rows count, given each row's item's number of raters and the minimum.

    A statement rated by enough people counts whole. Of one rated by too few, no rating shows;
    its "don't know" answers still count, and its "not applicable" ones where no one rated it.
    """
    return (raters >= needed) | (raters == 0) | dont_know(answers)


def spread_table(answers: pd.DataFrame, q: Questionnaire) -> pd.DataFrame:
    """How many chose each level of each item, "don't know" and "not applicable" apart; every
    item × level listed."""
    levels = [str(level.value) for level in q.scale] + [DONT_KNOW_LEVEL, NA_LEVEL]
    counts = Counter(
        (item, NA_LEVEL if na else DONT_KNOW_LEVEL if value != value else str(int(value)))
        for item, value, na in zip(
            answers["item"].tolist(),
            answers["value"].tolist(),
            not_applicable(answers).tolist(),
            strict=True,
        )
    )
    rows = [
        (d.id, item.id, lv, counts[(item.id, lv)])
        for d in q.dimensions
        for item in d.items
        for lv in levels
    ]
    return pd.DataFrame(rows, columns=["area", "item", "level", "count"])


def consensus_frame(consensus: dict[str, float], round_key: str = "current") -> pd.DataFrame:
    """Agreed area scores as a table (round, area, value) for `score_rounds`."""
    rows = [(round_key, area, float(value)) for area, value in consensus.items()]
    return pd.DataFrame(rows, columns=["round", "area", "value"])


def group_answers(data: ResponseFile) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """A session file's answers that count, and the statements left out; TooFewInGroup below min."""
    if len(data.respondents) < data.round.min_group:
        raise TooFewInGroup(len(data.respondents), data.round.min_group)
    return rated_by_enough(answers_frame(data), data.round.min_group)


def score_file(data: ResponseFile, q: Questionnaire, round_key: str = "current") -> Scores:
    """Score a response file; a session's by the group rules, with its consensus in place."""
    return _score(data, q, round_key, is_group(data))


def score_as_imported(data: ResponseFile, q: Questionnaire) -> Scores:
    """Score a file as the app scores its round once imported: a file of several answer sets is
    stored as a session (`ResponseFile.mode`), so the group rules apply even where it names no
    mode."""
    return _score(data, q, "current", data.mode == "session")


def _score(data: ResponseFile, q: Questionnaire, round_key: str, group: bool) -> Scores:
    if not group:
        answers = answers_frame(data, round_key)
        return score_rounds(answers, q, targets_frame(data.targets, round_key), [round_key])
    answers, _ = group_answers(data)
    return score_rounds(
        answers.assign(round=round_key),
        q,
        targets_frame(data.targets, round_key),
        [round_key],
        consensus_frame(data.consensus, round_key),
    )


def anonymised(data: ResponseFile) -> ResponseFile:
    """The anonymous form of a session's file: no name, role, order or comment tied to anyone."""
    answers = answers_frame(data)
    _, withheld = rated_by_enough(answers, data.round.min_group)
    rated = set(answers.dropna(subset=["value"])["item"])
    left_out = set(withheld)

    def shown(item: str, value: AnswerValue) -> bool:  # as `shown_rows`
        return item not in left_out or value is None or item not in rated

    answer_sets = sorted(
        (
            {item: value for item, value in person.answers.items() if shown(item, value)}
            for person in data.respondents
        ),
        key=lambda given: json.dumps(sorted(given.items())),
    )
    comments = sorted(
        [(c.item, c.text) for c in data.comments]
        + [
            (item, text.strip())
            for person in data.respondents
            for item, text in person.comments.items()
            if text.strip()
        ]
    )
    return data.model_copy(
        update={
            "respondents": [
                Respondent(id=f"{OPAQUE_PREFIX}{n}", answers=given)
                for n, given in enumerate(answer_sets, start=1)
            ],
            "comments": [GroupComment(item=item, text=text) for item, text in comments],
        }
    )


def discussion_points(items: pd.DataFrame) -> pd.DataFrame:
    """The items where the group disagrees (DESIGN §4), the widest spread first."""
    found = items[items["disagreement"]].assign(width=items["max"] - items["min"])
    return found.sort_values(["width", "sd"], ascending=False).reset_index(drop=True)
