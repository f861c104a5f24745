"""What the report shows, gathered from a round (pure: no fpdf2, no I/O)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import pandas as pd

from assessment.findings import AreaFindings, area_findings
from assessment.group_rules import score_file
from assessment.i18n import phase_label, t
from assessment.questionnaire import Measure, Questionnaire, Stage
from assessment.report.text import printable
from assessment.responses import PHASES, PlanEntry, ResponseFile
from assessment.roadmap import entry_title, first_steps, plan_for
from assessment.scoring import Scores

if TYPE_CHECKING:
    from assessment.report.group_content import GroupContent


@dataclass(frozen=True)
class AreaResult:
    """One area's row in the results table."""

    id: str
    title: str
    score: float | None
    stage: Stage | None
    coverage: float
    incomplete: bool
    target: float | None
    gap: float | None
    previous: float | None

    @property
    def rated(self) -> bool:
        """Whether the area has a score (else it is "not rated": a gap in charts, no counts)."""
        return self.score is not None


@dataclass(frozen=True)
class ItemResult:
    """One statement's result: mean (None if nobody rated it), range and whether it is disputed."""

    item: str
    statement: str
    hint: str
    mean: float | None
    n: int
    min: float | None
    max: float | None
    disputed: bool


@dataclass(frozen=True)
class Comment:
    """A respondent's comment on an item, attributed to the respondent's role or id."""

    area: str
    item: str
    statement: str
    author: str
    text: str


@dataclass(frozen=True)
class PlanRow:
    """A plan entry with what is needed to print it."""

    entry: PlanEntry
    title: str
    area_title: str
    measure: Measure | None
    phase_index: int
    phase_span: tuple[int, int] | None  # months from the start; None for an open-ended phase


@dataclass(frozen=True)
class ReportContent:
    """Everything the sections print, in one place."""

    lang: str
    data: ResponseFile
    q: Questionnaire
    scores: Scores
    previous: ResponseFile | None
    areas: list[AreaResult]
    overall: float | None
    overall_stage: Stage | None
    #: Share of the questionnaire's item weight answered (0..1) and the statements rated.
    overall_coverage: float
    rated_items: int
    #: True unless every area has a score and at least half the item weight is answered.
    overall_provisional: bool
    previous_overall: float | None
    respondents: int
    answers: int
    given: int  # answers given, "not applicable" included
    findings: dict[str, AreaFindings]
    items: dict[str, list[ItemResult]]
    comments: dict[str, list[Comment]]
    plan: list[PlanRow]
    phases: list[str]
    first_steps: list[PlanRow]
    plan_edited: bool
    created: datetime
    #: A session's group size, spread and agreement (None for a self-check).
    group: GroupContent | None = None

    @property
    def overall_note(self) -> str:
        """Under the overall stage: its description, or "provisional: 2 of 40 statements rated"."""
        if self.overall_provisional or self.overall_stage is None:
            return t("common.provisional", self.lang, rated=self.rated_items, items=self.item_count)
        return self.overall_stage.description(self.lang)

    @property
    def item_count(self) -> int:
        """The number of statements in the questionnaire."""
        return len(self.q.items_by_id)

    @property
    def scored_areas(self) -> list[AreaResult]:
        """Areas that have a score, highest first (ties keep the questionnaire order)."""
        scored = [a for a in self.areas if a.score is not None]
        return sorted(scored, key=lambda a: -a.score)  # type: ignore[operator]

    def strongest_and_weakest(self) -> tuple[list[AreaResult], list[AreaResult]]:
        """The strongest and weakest areas (up to three each, never the same area twice)."""
        ranked = self.scored_areas
        count = min(3, max(1, len(ranked) // 2)) if ranked else 0
        strongest = ranked[:count]
        weakest = [a for a in reversed(ranked) if a not in strongest][:count]
        return strongest, weakest


def _number(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def phase_span(phase: str) -> tuple[int, int] | None:
    """Months (start, end) of a phase id such as "3-6"; None for one without an end."""
    start, _, end = phase.partition("-")
    if start.isdigit() and end.isdigit():
        return int(start), int(end)
    return None


def plan_phases(entries: list[PlanEntry]) -> list[str]:
    """The phases the plan uses: the known ones in their order, any other after them."""
    used = list(dict.fromkeys(e.phase for e in entries))
    known = [p for p in PHASES if p in used]
    return known + [p for p in used if p not in known]


def phase_name(phase: str, lang: str) -> str:
    """A phase as "3–6 Monate" / "3–6 months", or "später" / "later" if it has no end."""
    return phase_label(phase, lang) if phase_span(phase) else t("pdf.phase_later", lang)


def _plan_row(entry: PlanEntry, q: Questionnaire, lang: str, phases: list[str]) -> PlanRow:
    measure = q.measures_by_id.get(entry.measure) if entry.measure else None
    area = q.dimensions_by_id.get(entry.area)
    return PlanRow(
        entry=entry,
        title=printable(entry_title(entry, q, lang)),
        area_title=area.title(lang) if area else entry.area,
        measure=measure,
        phase_index=phases.index(entry.phase),
        phase_span=phase_span(entry.phase),
    )


def _items(q: Questionnaire, scores: Scores, lang: str) -> dict[str, list[ItemResult]]:
    """Every statement's result per area, in questionnaire order."""
    found: dict[str, list[ItemResult]] = {d.id: [] for d in q.dimensions}
    for row in scores.items.itertuples(index=False):
        item = q.items_by_id[row.item]
        rated = int(row.n) > 0
        found[row.area].append(
            ItemResult(
                item=row.item,
                statement=item.statement(lang),
                hint=item.hint(lang),
                mean=_number(row.mean) if rated else None,
                n=int(row.n),
                min=_number(row.min) if rated else None,
                max=_number(row.max) if rated else None,
                disputed=bool(row.disagreement),
            )
        )
    return found


def _comments(data: ResponseFile, q: Questionnaire, lang: str) -> dict[str, list[Comment]]:
    found: dict[str, list[Comment]] = {d.id: [] for d in q.dimensions}
    for respondent in data.respondents:
        author = printable(respondent.role or respondent.id)
        for item_id, text in respondent.comments.items():
            if not text.strip() or item_id not in q.items_by_id:
                continue
            area = q.item_dimension[item_id]
            statement = q.items_by_id[item_id].statement(lang)
            found[area].append(Comment(area, item_id, statement, author, printable(text.strip())))
    anonymous = t("pdf.group.anonymous_author", lang)
    for comment in data.comments:  # an anonymous round's: tied to no respondent
        if comment.item in q.items_by_id:
            area, statement = q.item_dimension[comment.item], q.items_by_id[comment.item]
            found[area].append(
                Comment(area, comment.item, statement.statement(lang), anonymous,
                        printable(comment.text.strip()))
            )  # fmt: skip
    order = {item: n for n, item in enumerate(q.items_by_id)}
    for comments in found.values():
        comments.sort(key=lambda c: order[c.item])
    return found


def gather(
    data: ResponseFile,
    q: Questionnaire,
    lang: str,
    previous: ResponseFile | None,
    created: datetime,
) -> ReportContent:
    """Score the round (and the previous one), build the plan and collect the texts."""
    scores = score_file(data, q)  # a session's by the group rules, its consensus in place
    previous_scores = score_file(previous, q, "previous") if previous is not None else None
    before = {}
    previous_overall = None
    if previous_scores is not None:
        previous_overall = _number(previous_scores.overall.iloc[0].score)
        before = dict(
            zip(previous_scores.areas["area"], previous_scores.areas["score"], strict=True)
        )
    stages = {s.id: s for s in q.stages}
    areas = []
    for row in scores.areas.itertuples(index=False):
        dimension = q.dimensions_by_id[row.area]
        score = _number(row.score)
        areas.append(
            AreaResult(
                id=row.area,
                title=dimension.title(lang),
                score=score,
                stage=stages.get(row.stage) if isinstance(row.stage, str) else None,
                coverage=float(row.coverage),
                incomplete=bool(row.incomplete),
                target=_number(row.target),
                gap=_number(row.gap),
                previous=_number(before.get(row.area)),
            )
        )
    overall = scores.overall.iloc[0]
    entries = plan_for(data, scores, q)
    phases = plan_phases(entries)
    plan = [_plan_row(e, q, lang, phases) for e in entries]
    firsts = [_plan_row(e, q, lang, phases) for e in first_steps(entries)]
    return ReportContent(
        lang=lang,
        data=data,
        q=q,
        scores=scores,
        previous=previous,
        areas=areas,
        overall=_number(overall.score),
        overall_stage=stages.get(overall.stage) if isinstance(overall.stage, str) else None,
        overall_coverage=float(overall.coverage),
        rated_items=int(overall.rated),
        overall_provisional=bool(overall.provisional),
        previous_overall=previous_overall,
        respondents=int(overall.respondents),
        answers=int(scores.items["n"].sum()),
        given=sum(len(r.answers) for r in data.respondents),
        findings={f.area: f for f in area_findings(q, scores, lang)},
        items=_items(q, scores, lang),
        comments=_comments(data, q, lang),
        plan=plan,
        phases=phases,
        first_steps=firsts,
        plan_edited=data.plan is not None,
        created=created,
    )
