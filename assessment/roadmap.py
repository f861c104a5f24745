"""Roadmap: select, rank and phase measures from the scores, targets and measure catalogue.

Priority = gap × area weight × impact / effort. A measure applies to an area whose score is below
its `applies_below`, or where one of its linked items is weak (mean at most half the scale).
Areas at or above their target get at most one "keep it up" measure. Per area at most
MAX_PER_AREA measures are suggested (the highest priorities).

The chosen measures are then spread over the phases: each starts no earlier than its horizon's
phase and never before a measure it `requires` (within a phase it comes after it). Foundations
go first: the more catalogue measures build on a measure (directly or indirectly), the earlier it
is placed; then priority. Each phase takes at most `capacity_for`
the organisation's size new measures; what does not fit moves on, and after 12–24 months to
"later" instead of being dropped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from assessment.questionnaire import Measure, Questionnaire
from assessment.responses import LATER, PHASES, PlanEntry, ResponseFile
from assessment.scoring import Scores

#: At most this many measures are suggested per area (a small team cannot do more at once).
MAX_PER_AREA = 4
#: Upper bound (months) of each timed phase, in PHASES order ("later" has none).
PHASE_ENDS: tuple[int, ...] = (3, 6, 12, 24)
#: New measures per phase by organisation size: (up to this many staff, capacity).
CAPACITY: tuple[tuple[int, int], ...] = ((49, 3), (249, 5))
#: Capacity above the last CAPACITY size, and when the size is not known.
CAPACITY_LARGE, CAPACITY_UNKNOWN = 8, 5


def phase_for(horizon: int) -> str:
    """The phase (e.g. "3-6") a measure with this horizon in months belongs to."""
    for phase, end in zip(PHASES, PHASE_ENDS, strict=False):
        if horizon <= end:
            return phase
    return PHASES[len(PHASE_ENDS) - 1]


def staff_count(size: str) -> int | None:
    """The smallest staff number in a size such as "10–49 Beschäftigte" (None if none given)."""
    found = re.search(r"\d+", size.replace(".", ""))
    return int(found.group()) if found else None


def capacity_for(size: str) -> int:
    """New measures per phase: 3 up to 49 staff, 5 up to 249, 8 above; 5 if the size is unknown."""
    staff = staff_count(size)
    if staff is None:
        return CAPACITY_UNKNOWN
    return next((cap for limit, cap in CAPACITY if staff <= limit), CAPACITY_LARGE)


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


@dataclass(frozen=True)
class _Pick:
    measure: Measure
    priority: float
    order: int  # position in the catalogue: breaks ties


def compute_plan(scores: Scores, q: Questionnaire, start: date, size: str = "") -> list[PlanEntry]:
    """The suggested plan for one round's scores, in order: phase, dependencies, priority.

    `size` is the organisation's size as entered (e.g. "10–49 Beschäftigte"): it sets how many
    new measures each phase takes (`capacity_for`).
    """
    picks = _choose(scores, q)
    placed = schedule(picks, capacity_for(size), dependents(q))
    return [
        PlanEntry(
            measure=pick.measure.id,
            area=pick.measure.dimension,
            phase=PHASES[phase],
            priority=round(pick.priority, 2),
            due=_due(start, pick.measure, phase),
        )
        for phase, pick in placed
    ]


def _choose(scores: Scores, q: Questionnaire) -> list[_Pick]:
    """The measures that apply, at most MAX_PER_AREA per area (highest priority first)."""
    weak = weak_items(scores, q)
    chosen: list[_Pick] = []
    for area in scores.areas.itertuples(index=False):
        if pd.isna(area.score):
            continue  # nothing answered: no basis for a suggestion
        dimension = q.dimensions_by_id[area.area]
        catalogue = [(n, m) for n, m in enumerate(q.measures) if m.dimension == area.area]
        if area.gap <= 0:
            candidates = [(n, m) for n, m in catalogue if m.keep_up][:1]
        else:
            candidates = [
                (n, m)
                for n, m in catalogue
                if not m.keep_up and (area.score < m.applies_below or weak.intersection(m.items))
            ]
        ranked = sorted(
            (_Pick(m, measure_priority(m, float(area.gap), dimension.weight), n)
             for n, m in candidates),
            key=lambda pick: (-pick.priority, pick.order),
        )  # fmt: skip
        chosen.extend(ranked[:MAX_PER_AREA])
    return chosen


def dependents(q: Questionnaire) -> dict[str, int]:
    """For each measure, how many catalogue measures build on it, directly or indirectly."""
    required_by: dict[str, set[str]] = {m.id: set() for m in q.measures}
    for measure in q.measures:
        for required in measure.requires:
            required_by[required].add(measure.id)

    def above(measure_id: str) -> set[str]:
        found = set(required_by[measure_id])
        for later in required_by[measure_id]:
            found |= above(later)
        return found

    return {measure_id: len(above(measure_id)) for measure_id in required_by}


def schedule(
    picks: list[_Pick], capacity: int, built_on: dict[str, int]
) -> list[tuple[int, _Pick]]:
    """(phase index, pick) in plan order; a timed phase takes at most `capacity` measures.

    A measure waits for its horizon's phase and for the chosen measures it requires (placed
    before it); among those ready, the one most others build on (`built_on`) comes first, then
    the highest priority.
    """
    chosen = {pick.measure.id for pick in picks}
    needs = {p.measure.id: [r for r in p.measure.requires if r in chosen] for p in picks}
    waiting = sorted(picks, key=lambda p: (-built_on.get(p.measure.id, 0), -p.priority, p.order))
    placed: list[tuple[int, _Pick]] = []
    done: set[str] = set()
    for phase in range(len(PHASES)):
        last = phase == PHASES.index(LATER)
        taken = 0
        while waiting and (last or taken < capacity):
            ready = next(
                (p for p in waiting
                 if (last or PHASES.index(phase_for(p.measure.horizon)) <= phase)
                 and all(r in done for r in needs[p.measure.id])),
                None,
            )  # fmt: skip
            if ready is None:
                break
            waiting.remove(ready)
            placed.append((phase, ready))
            done.add(ready.measure.id)
            taken += 1
    return placed


def _due(start: date, measure: Measure, phase: int) -> date | None:
    """The horizon's date, or the end of the later phase it moved to; none for "later"."""
    if PHASES[phase] == LATER:
        return None
    moved = PHASES.index(phase_for(measure.horizon)) < phase
    return add_months(start, PHASE_ENDS[phase] if moved else measure.horizon)


def plan_for(data: ResponseFile, scores: Scores, q: Questionnaire) -> list[PlanEntry]:
    """The plan stored in the file (the user's edits win), else the computed one."""
    if data.plan is not None:
        return data.plan
    return compute_plan(scores, q, data.round.date, data.organisation.size)


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


@dataclass(frozen=True)
class PlanChanges:
    """How the current suggestion differs from a saved plan (catalogue measures only)."""

    add: list[PlanEntry]  # suggested, not in the plan (a measure kept as "dropped" counts as in)
    drop: list[PlanEntry]  # open catalogue steps of the plan the suggestion no longer needs

    def __bool__(self) -> bool:
        return bool(self.add or self.drop)


def plan_changes(plan: list[PlanEntry], suggestion: list[PlanEntry]) -> PlanChanges:
    """What the suggestion would add to `plan`, and which untouched steps it no longer needs."""
    planned = {e.measure for e in plan if e.measure}
    suggested = {e.measure for e in suggestion}
    return PlanChanges(
        add=[e for e in suggestion if e.measure not in planned],
        drop=[
            e
            for e in plan
            if e.measure and e.measure not in suggested and e.status == "open" and not e.owner
        ],
    )


def take_over(
    plan: list[PlanEntry], changes: PlanChanges, add: set[str], drop: set[str]
) -> list[PlanEntry]:
    """`plan` with the measures `add` inserted (at the end of their phase) and `drop` removed."""
    result = [e for e in plan if not (e.measure in drop and e in changes.drop)]
    for entry in changes.add:
        if entry.measure not in add:
            continue
        phase = PHASES.index(entry.phase)
        at = max((n + 1 for n, e in enumerate(result) if PHASES.index(e.phase) <= phase), default=0)
        result.insert(at, entry)
    return result


def reset_losses(plan: list[PlanEntry]) -> dict[str, int]:
    """What replacing `plan` by the suggestion loses: owners, statuses, own steps, notes, dates."""
    return {
        "owners": sum(1 for e in plan if e.owner),
        "statuses": sum(1 for e in plan if e.status != "open"),
        "own": sum(1 for e in plan if not e.measure),
        "notes": sum(1 for e in plan if e.note),
    }
