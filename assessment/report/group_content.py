"""What a session's report adds, gathered from its response file (pure: no fpdf2, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.group_rules import discussion_points, group_answers, score_file, spread_table
from assessment.questionnaire import Questionnaire
from assessment.report.text import printable
from assessment.responses import ResponseFile
from assessment.scoring import Scores


@dataclass(frozen=True)
class DiscussionPoint:
    """An item the group disagrees on: the range of its answers and what good practice is."""

    area: str
    statement: str
    hint: str
    low: int
    high: int
    mean: float
    n: int


@dataclass(frozen=True)
class GroupContent:
    """Group size, spread, discussion points and what the group agreed per area."""

    joined: int
    submitted: int
    min_group: int
    anonymous: bool
    withheld_items: tuple[str, ...]
    #: area, item, level ("0".."max" or "na"), count — every item × level of the questionnaire.
    spread: pd.DataFrame
    disputed_items: frozenset[str]
    discussion: tuple[DiscussionPoint, ...]
    mean_scores: dict[str, float | None]
    consensus: dict[str, float]
    notes: dict[str, str]

    @property
    def unfinished(self) -> int:
        """How many joined but did not submit (their answers are not counted)."""
        return max(self.joined - self.submitted, 0)


def gather_group(
    data: ResponseFile, q: Questionnaire, scores: Scores, lang: str, joined: int | None
) -> GroupContent:
    """The session's part of the report; `joined` defaults to the answer sets in the file."""
    answers, withheld = group_answers(data)  # TooFewInGroup below the minimum group size
    means = score_file(data.model_copy(update={"consensus": {}}), q).areas
    points = discussion_points(scores.items)
    return GroupContent(
        joined=max(joined or 0, len(data.respondents)),
        submitted=len(data.respondents),
        min_group=data.round.min_group,
        anonymous=data.round.anonymous,
        withheld_items=withheld,
        spread=spread_table(answers, q),
        disputed_items=frozenset(points["item"]),
        discussion=tuple(
            DiscussionPoint(
                area=row.area,
                statement=printable(q.items_by_id[row.item].statement(lang)),
                hint=printable(q.items_by_id[row.item].hint(lang)),
                low=int(row.min),
                high=int(row.max),
                mean=float(row.mean),
                n=int(row.n),
            )
            for row in points.itertuples(index=False)
        ),
        mean_scores={
            row.area: None if pd.isna(row.score) else float(row.score)
            for row in means.itertuples(index=False)
        },
        consensus=dict(data.consensus),
        notes={area: printable(text.strip()) for area, text in data.notes.items() if text.strip()},
    )
