"""The operator page: after the instance's admin password, the anonymous benchmark values."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.formatting import fmt_number
from assessment.services import benchmark
from assessment.services.benchmark import Benchmark, BenchmarkGroup
from assessment.services.errors import Forbidden
from assessment.ui.operator_access import admin_password
from assessment.ui.session import engine
from assessment.ui.state import lang, tr

#: Session key of the password the operator gave (this browser session only).
GIVEN = "operator_password"


def render() -> None:
    """Draw the operator page: the password form, then the benchmark per questionnaire."""
    st.title(tr("history.b_title"))
    st.caption(tr("history.b_intro", minimum=benchmark.MIN_ORGANISATIONS))
    given = st.session_state.get(GIVEN)
    if given is None:
        _password_form()
        st.stop()
    try:
        found = benchmark.operator_benchmark(engine(), admin_password(), given)
    except Forbidden:
        st.session_state.pop(GIVEN, None)
        st.error(tr("history.b_wrong_password"), icon=":material/lock:")
        _password_form()
        st.stop()
    if not found.groups:
        st.info(tr("history.b_no_rounds"), icon=":material/info:")
    for qid, q in found.questionnaires.items():
        st.subheader(f"{q.title(lang())} ({qid})")
        st.dataframe(groups_table(found, qid), hide_index=True)
    if st.button(tr("history.b_lock"), icon=":material/lock:"):
        st.session_state.pop(GIVEN, None)
        st.rerun()


def _password_form() -> None:
    with st.form("operator_login"):
        password = st.text_input(tr("history.b_password"), type="password", key="b_password")
        sent = st.form_submit_button(tr("history.b_unlock"), type="primary", icon=":material/key:")
    if sent:
        st.session_state[GIVEN] = password
        st.rerun()


def _group_name(group: BenchmarkGroup) -> str:
    if group.sector is not None:
        return tr("history.b_group_sector", sector=group.sector)
    if group.size is not None:
        return tr("history.b_group_size", size=group.size)
    return tr("history.b_group_all")


def _cell(group: BenchmarkGroup, area: str) -> str:
    if group.shown:
        return fmt_number(group.means.get(area), lang(), 1)
    if group.covering:
        return tr("history.b_covering")
    return tr("history.b_missing", missing=group.missing)


def groups_table(found: Benchmark, qid: str) -> pd.DataFrame:
    """One row per group of a questionnaire: organisations, and means or how many are missing."""
    language = lang()
    q = found.questionnaires[qid]
    groups = [g for g in found.groups if g.questionnaire_id == qid]
    table: dict[str, list] = {
        tr("history.b_col_group"): [_group_name(g) for g in groups],
        tr("history.b_col_organisations"): [g.organisations for g in groups],
    }
    for d in q.dimensions:
        table[d.title(language)] = [_cell(g, d.id) for g in groups]
    return pd.DataFrame(table)
