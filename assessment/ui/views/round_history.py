"""On a round's results page: the round before it, drawn in the radar and linked to the
comparison page."""

from __future__ import annotations

import streamlit as st

from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.formatting import fmt_date, fmt_number
from assessment.scoring import Scores
from assessment.services import comparison
from assessment.services.errors import ServiceError
from assessment.services.history import RoundRow
from assessment.ui.pages_registry import page
from assessment.ui.session import Current, engine
from assessment.ui.state import lang, tr

Earlier = tuple[RoundRow, Scores]


def earlier_round(cur: Current) -> Earlier | None:
    """The scored round before the current one (same unit) with its scores, for a link that
    may compare rounds; None otherwise."""
    try:
        return comparison.earlier_round(engine(), cur.visitor)
    except ServiceError:  # no history for this link: the results stand on their own
        return None


def radar_with_earlier(cur: Current, scores: Scores, radar: dict, found: Earlier | None) -> dict:
    """The results radar, with the previous round's series when the round has one."""
    if found is None:
        return radar
    _, before = found
    return radar_spec(**radar_args(cur.questionnaire, scores, lang(), previous=before))


def earlier_note(found: Earlier | None, overall: float) -> None:
    """One line naming the round compared with and the change, and the comparison page link."""
    if found is None:
        return
    row, _ = found
    language = lang()
    delta = None if row.score is None else overall - row.score
    sign = "+" if delta is not None and delta > 0 else ""
    st.caption(
        tr(
            "history.compare.results_note",
            label=row.round.label,
            date=fmt_date(row.round.date, language),
            delta=sign + fmt_number(delta, language, 1),
        )
    )
    st.page_link(
        page("comparison"), label=tr("history.compare.open"), icon=":material/compare_arrows:"
    )
