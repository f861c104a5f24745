"""Roadmap: select, rank and phase measures from the scores, targets and measure catalogue.

Priority = gap × area weight × impact / effort. A measure applies to an area whose score is below
its `applies_below`, or where one of its linked items is weak (mean at most half the scale).
Areas at or above their target get at most one "keep it up" measure. Per area at most
MAX_PER_AREA measures are suggested (the highest priorities), so the plan stays doable.
"""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd

from assessment.questionnaire import Measure, Questionnaire
from assessment.responses import PHASES, PlanEntry, ResponseFile
from assessment.scoring import Scores

#: At most this many measures are suggested per area (a small team cannot do more at once).
MAX_PER_AREA = 4
#: Upper bound (months) of each phase, in PHASES order.
PHASE_ENDS: tuple[int, ...] = (3, 6, 12, 24)


def phase_for(horizon: int) -> str:
    """The phase (e.g. "3-6") a measure with this horizon in months belongs to."""
    for phase, end in zip(PHASES, PHASE_ENDS, strict=True):
        if horizon <= end:
            return phase
    return PHASES[-1]


def add_months(start: date, months: int) -> date:
    """`start` moved by whole months, clamped to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def measure_priority(measure: Measure, gap: float, area_weight: float) -> float:
    """Gap × area weight × impact / effort."""
    return gap * area_weight * measure.impact / measure.effort


def weak_items(scores: Scores, q: Questionnaire) -> set[str]:
    """Items whose mean is at most half the scale (answered items only)."""
    items = scores.items
    weak = items[(items["n"] > 0) & (items["mean"] <= q.scale_max / 2)]
    return set(weak["item"])


def compute_plan(scores: Scores, q: Questionnaire, start: date) -> list[PlanEntry]:
    """The suggested plan for one round's scores, ordered by phase and then priority."""
    weak = weak_items(scores, q)
    chosen: list[tuple[int, float, int, Measure]] = []  # (phase index, -priority, order, measure)
    for area in scores.areas.itertuples(index=False):
        if pd.isna(area.score):
            continue  # nothing answered: no basis for a suggestion
        dimension = q.dimensions_by_id[area.area]
        catalogue = [(n, m) for n, m in enumerate(q.measures) if m.dimension == area.area]
        if area.gap <= 0:
            picks = [(n, m) for n, m in catalogue if m.keep_up][:1]
        else:
            picks = [
                (n, m)
                for n, m in catalogue
                if not m.keep_up and (area.score < m.applies_below or weak.intersection(m.items))
            ]
        ranked = sorted(
            ((measure_priority(m, float(area.gap), dimension.weight), n, m) for n, m in picks),
            key=lambda entry: (-entry[0], entry[1]),
        )
        for priority, n, measure in ranked[:MAX_PER_AREA]:
            phase = PHASES.index(phase_for(measure.horizon))
            chosen.append((phase, -priority, n, measure))
    chosen.sort(key=lambda entry: entry[:3])
    return [
        PlanEntry(
            measure=measure.id,
            area=measure.dimension,
            phase=PHASES[phase],
            priority=round(-neg_priority, 2),
            due=add_months(start, measure.horizon),
        )
        for phase, neg_priority, _, measure in chosen
    ]


def plan_for(data: ResponseFile, scores: Scores, q: Questionnaire) -> list[PlanEntry]:
    """The plan stored in the file (the user's edits win), else the computed one."""
    if data.plan is not None:
        return data.plan
    return compute_plan(scores, q, data.round.date)


def first_steps(plan: list[PlanEntry], count: int = 3) -> list[PlanEntry]:
    """The first open steps: earliest phase first, then highest priority."""
    open_steps = [e for e in plan if e.status in ("open", "in_progress")]
    return sorted(
        open_steps,
        key=lambda e: (PHASES.index(e.phase), -(e.priority or 0)),
    )[:count]


def entry_title(entry: PlanEntry, q: Questionnaire, lang: str) -> str:
    """The title shown for a plan entry: the user's own title, else the measure's."""
    if entry.title:
        return entry.title
    if entry.measure and entry.measure in q.measures_by_id:
        return q.measures_by_id[entry.measure].title(lang)
    return entry.measure or ""
