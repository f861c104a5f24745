"""The roadmap as an editable table and back (labels translated, ids kept)."""

from __future__ import annotations

import math

import pandas as pd

from assessment.formatting import fmt_table
from assessment.i18n import phase_label, t
from assessment.questionnaire import Questionnaire
from assessment.responses import PHASES, STATUSES, PlanEntry
from assessment.roadmap import entry_title

#: "priority_shown" is the priority as the table shows it ("–" for own steps, never "None").
COLUMNS = [
    "measure", "title", "area", "phase", "priority", "priority_shown", "owner", "due", "status",
    "note",
]  # fmt: skip


def labels(q: Questionnaire, lang: str) -> dict[str, dict[str, str]]:
    """Display labels for the area, phase and status columns, by id."""
    return {
        "area": {d.id: d.title(lang) for d in q.dimensions},
        "phase": {p: phase_label(p, lang) for p in PHASES},
        "status": {s: t(f"common.status_{s}", lang) for s in STATUSES},
    }


def plan_to_frame(plan: list[PlanEntry], q: Questionnaire, lang: str) -> pd.DataFrame:
    """The plan as a table with translated labels."""
    names = labels(q, lang)
    rows = [
        {
            "measure": entry.measure,
            "title": entry_title(entry, q, lang),
            "area": names["area"].get(entry.area, entry.area),
            "phase": names["phase"][entry.phase],
            "priority": entry.priority,
            "priority_shown": fmt_table(entry.priority, lang),
            "owner": entry.owner,
            "due": entry.due,
            "status": names["status"][entry.status],
            "note": entry.note,
        }
        for entry in plan
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    # Fixed column types, also for an empty plan: the editor returns what the base frame says.
    frame["due"] = pd.to_datetime(frame["due"]).dt.date.astype(object)
    text = ["measure", "title", "area", "phase", "priority_shown", "owner", "status", "note"]
    return frame.astype({"priority": "float64", **dict.fromkeys(text, "object")})


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def frame_to_plan(frame: pd.DataFrame, q: Questionnaire, lang: str) -> list[PlanEntry]:
    """The edited table back as plan entries; rows without any title are dropped."""
    names = labels(q, lang)
    back = {column: {v: k for k, v in mapping.items()} for column, mapping in names.items()}
    plan = []
    for row in frame.to_dict("records"):
        measure = _text(row.get("measure")) or None
        title = _text(row.get("title"))
        catalogue_title = entry_title(PlanEntry(measure=measure, area="", phase="0-3"), q, lang)
        if measure and title == catalogue_title:
            title = ""  # unchanged catalogue title: keep it language-independent
        if not measure and not title:
            continue
        home = q.measures_by_id[measure].dimension if measure in q.measures_by_id else None
        area = back["area"].get(_text(row.get("area"))) or home or q.dimensions[0].id
        if home and area != home:
            # Moved to another area: from now on the user's own measure with the same title.
            title = title or catalogue_title
            measure = None
        due = pd.to_datetime(row.get("due"), errors="coerce")  # a date, a string or nothing
        plan.append(
            PlanEntry(
                measure=measure,
                title=title,
                area=area,
                phase=back["phase"].get(_text(row.get("phase")), PHASES[0]),
                priority=None if pd.isna(row.get("priority")) else float(row["priority"]),
                owner=_text(row.get("owner")),
                due=None if pd.isna(due) else due.date(),
                status=back["status"].get(_text(row.get("status")), STATUSES[0]),
                note=_text(row.get("note")),
            )
        )
    return plan
