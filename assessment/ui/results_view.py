"""Everything the results and roadmap pages show, computed once per round revision."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from assessment.charts.bars import bars_args, bars_spec
from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.findings import AreaFindings, area_findings
from assessment.formatting import fmt_percent, fmt_table
from assessment.i18n import t
from assessment.questionnaire import Questionnaire
from assessment.responses import PlanEntry, ResponseFile, dump_responses
from assessment.roadmap import compute_plan
from assessment.scoring import Scores, score_rounds
from assessment.services import group, planning, reading
from assessment.services.access import Visitor
from assessment.services.errors import ServiceError, StorageFailed
from assessment.ui.session import Current, engine
from assessment.ui.state import tr


class GroupWithheld(ServiceError):
    """A session's result is withheld: fewer than the minimum group size have submitted."""

    def __init__(self, withheld: group.Withheld):
        super().__init__(f"{withheld.submitted} of {withheld.min_group} submitted")
        self.withheld = withheld


def group_withheld(withheld: group.Withheld) -> GroupWithheld:
    """The error a results page shows when a session's group result is withheld."""
    return GroupWithheld(withheld)


@dataclass(frozen=True)
class ResultsView:
    """One round's scores with the display tables and chart specs (read-only, shared)."""

    scores: Scores
    table: pd.DataFrame
    findings: list[AreaFindings]
    radar: dict
    bars: dict
    #: Answers given, "not applicable" included (all N/A: nothing rated, yet not "no answers").
    given: int


def results_view(cur: Current, lang: str) -> ResultsView:
    """The round's results; recomputed only when an answer or a target has changed."""
    db = engine()
    revision = reading.revision(db, cur.visitor)
    targets = tuple(sorted(planning.targets(db, cur.visitor).items()))
    q = cur.questionnaire
    key = (str(db.url), cur.round_id, revision, targets)
    try:
        return _view(q, q.fingerprint, key, lang, cur.visitor)
    except GroupWithheld as error:  # below the minimum group size: no figure at all
        w = error.withheld
        st.info(
            t(
                "ui.g_withheld",
                lang,
                submitted=w.submitted,
                joined=w.joined,
                min=w.min_group,
                needed=w.needed,
            ),
            icon=":material/group:",
        )
        st.stop()


@st.cache_resource(show_spinner=False, max_entries=128)
def _view(
    _q: Questionnaire, fingerprint: str, key: tuple, lang: str, _visitor: Visitor
) -> ResultsView:
    # The key holds the database, the round and its revision: only a holder of a link that
    # may see the round's results reaches it, and any saved answer or target makes a new key.
    targets = key[3]
    if _visitor.is_self_check:
        answers = reading.round_answers(engine(), _visitor).assign(round="current")
        target_frame = pd.DataFrame(
            [("current", a, v) for a, v in targets], columns=["round", "area", "target"]
        )
        scores = score_rounds(answers, _q, target_frame, rounds=["current"])
        given = len(answers)
    else:  # a session: the group result of those who submitted, or nothing below the minimum
        found = group.result(engine(), _visitor, dict(targets))
        if isinstance(found, group.Withheld):
            raise group_withheld(found)
        scores = found.scores
        given = int(found.spread["count"].sum()) if len(found.spread) else 0
    return ResultsView(
        scores=scores,
        table=area_table(_q, scores, lang),
        findings=area_findings(_q, scores, lang),
        radar=_radar(tuple(radar_args(_q, scores, lang).items())),
        bars=_bars(tuple(bars_args(_q, scores, lang).items())),
        given=given,
    )


# A saved comment, or an answer in an area whose figures stay the same, makes a new view but
# the same chart inputs: the specs are built again only when what they draw has changed.
@functools.lru_cache(maxsize=256)
def _radar(args: tuple) -> dict:
    return radar_spec(**dict(args))


@functools.lru_cache(maxsize=256)
def _bars(args: tuple) -> dict:
    return bars_spec(**dict(args))


def area_table(q: Questionnaire, scores: Scores, lang: str) -> pd.DataFrame:
    """The area overview as a display table with translated headers."""
    stage_names = {s.id: s.name(lang) for s in q.stages}
    areas = scores.areas
    yes, not_rated = t("ui.yes", lang), t("common.not_rated", lang)
    return pd.DataFrame(
        {
            t("common.area", lang): [q.dimensions_by_id[a].title(lang) for a in areas["area"]],
            t("common.score", lang): [fmt_table(v, lang) for v in areas["score"]],
            t("common.stage", lang): [stage_names.get(s, not_rated) for s in areas["stage"]],
            t("common.coverage", lang): [fmt_percent(v, lang) for v in areas["coverage"]],
            t("common.dont_know", lang): [int(v) for v in areas["dont_know"]],
            t("common.not_applicable", lang): [int(v) for v in areas["not_applicable"]],
            t("common.target", lang): [fmt_table(v, lang) for v in areas["target"]],
            t("common.gap", lang): [fmt_table(v, lang) for v in areas["gap"]],
            t("ui.r_incomplete", lang): [yes if flag else "" for flag in areas["incomplete"]],
        }
    )


def target_key(round_id: int, area: str) -> str:
    """The widget key of an area's target input."""
    return f"target_{round_id}_{area}"


#: Session key of the last refusal of a target (its one-sentence message).
TARGET_REFUSED = "target_refused"


def save_target_from_widget(visitor: Visitor, area: str) -> None:
    """Target input callback: store this area's target; the others keep their defaults."""
    from assessment.ui.answer_widgets import error_message

    value = float(st.session_state[target_key(visitor.round_id, area)])
    try:
        planning.set_target(engine(), visitor, area, value)
    except ServiceError as error:
        # "Not saved, your choice stays" would be wrong here: the field shows the stored value.
        failed = isinstance(error, StorageFailed)
        st.session_state[TARGET_REFUSED] = (
            tr("ui.error_storage") if failed else error_message(error)
        )
        # The field must not keep a value the database refused: it is drawn anew with the
        # stored target.
        del st.session_state[target_key(visitor.round_id, area)]


def stored_plan(visitor: Visitor) -> list[PlanEntry] | None:
    """The saved plan, or None if none was saved."""
    return planning.stored_plan(engine(), visitor)


def current_plan(
    stored: list[PlanEntry] | None, q: Questionnaire, scores: Scores, start: date, size: str = ""
) -> list[PlanEntry]:
    """The saved plan, or the suggestion computed from the scores (capacity by `size`)."""
    return stored if stored is not None else compute_plan(scores, q, start, size)


def save_plan(visitor: Visitor, plan: list[PlanEntry], expected: list[PlanEntry] | None) -> None:
    """Store the edited plan if the stored one is still `expected`; else PlanChanged."""
    planning.save_plan(engine(), visitor, plan, expected)


def reset_plan(visitor: Visitor, confirmed: bool = False) -> None:
    """Forget the saved plan so the suggestion is shown again (edits only when `confirmed`)."""
    planning.reset_plan(engine(), visitor, confirmed)


def export_round(visitor: Visitor) -> ResponseFile:
    """The round as a response file."""
    return reading.export_round(engine(), visitor)


def export_json(visitor: Visitor) -> str:
    """The round as response-file JSON (built on click)."""
    return dump_responses(export_round(visitor))


def report_pdf(visitor: Visitor, lang: str) -> bytes:
    """The PDF roadmap of the round, with its earlier rounds (built on click, never on a rerun)."""
    return reading.report_pdf(engine(), visitor, lang)


def scores_csv(table: pd.DataFrame) -> str:
    """The area overview as CSV (semicolon-separated, numbers as written in the UI language)."""
    return table.to_csv(sep=";", index=False)
