"""Roadmap: recompute (confirming what is lost) and the changes of the current suggestion."""

from __future__ import annotations

import streamlit as st

from assessment.questionnaire import Questionnaire
from assessment.responses import PlanEntry
from assessment.roadmap import PlanChanges, entry_title
from assessment.services import planning
from assessment.services.errors import ServiceError
from assessment.ui import results_view as results
from assessment.ui.answer_widgets import error_message
from assessment.ui.session import Current, engine
from assessment.ui.state import tr

#: Session keys: what a recompute would lose (asked before), and a refusal to show.
LOSSES, REFUSED = "plan_reset_losses", "plan_refused"
LOSS_TEXTS = {
    "owners": "ui.p_loss_owners",
    "statuses": "ui.p_loss_statuses",
    "own": "ui.p_loss_own",
    "notes": "ui.p_loss_notes",
}


def _restart_editor() -> None:
    st.session_state["plan_version"] = st.session_state.get("plan_version", 0) + 1


def _reset(cur: Current, confirmed: bool) -> None:
    st.session_state.pop(LOSSES, None)
    try:
        results.reset_plan(cur.visitor, confirmed)
    except planning.ResetNeedsConfirmation as asked:
        st.session_state[LOSSES] = asked.losses
        return
    except ServiceError as error:
        st.session_state[REFUSED] = error_message(error)
    _restart_editor()


def reset_button(cur: Current) -> None:
    """The recompute button: at once if nothing is lost, else after a confirmation naming it."""
    losses = st.session_state.get(LOSSES)
    if not losses:
        st.button(
            tr("ui.p_reset"),
            help=tr("ui.p_reset_help"),
            on_click=_reset,
            args=(cur, False),
            icon=":material/refresh:",
        )
        return
    lost = " · ".join(tr(text, n=losses[key]) for key, text in LOSS_TEXTS.items() if losses[key])
    with st.container(border=True):
        st.warning(tr("ui.p_reset_confirm", losses=lost), icon=":material/warning:")
        row = st.container(horizontal=True)
        row.button(tr("ui.p_reset_yes"), on_click=_reset, args=(cur, True), type="primary")
        row.button(tr("ui.p_reset_no"), on_click=lambda: st.session_state.pop(LOSSES, None))


def _take_over(cur: Current, plan: list[PlanEntry], changes: PlanChanges, add, drop) -> None:
    try:
        planning.take_over_changes(engine(), cur.visitor, plan, changes, set(add), set(drop))
    except ServiceError as error:
        st.session_state[REFUSED] = error_message(error)
    else:
        st.toast(tr("ui.p_taken"), icon=":material/check:")
    _restart_editor()


def changes_panel(
    cur: Current, q: Questionnaire, lang: str, plan: list[PlanEntry], changes: PlanChanges
) -> None:
    """What the current suggestion would add to the saved plan or no longer needs, to take over."""
    if not changes or cur.visitor.is_closed:
        return
    with st.container(border=True):
        st.markdown(f"**{tr('ui.p_changes_title')}**")
        st.caption(tr("ui.p_changes_intro"))
        for key, entries, button, icon in (
            ("ui.p_changes_add", changes.add, "ui.p_take_add", ":material/add:"),
            ("ui.p_changes_drop", changes.drop, "ui.p_take_drop", ":material/remove:"),
        ):
            if not entries:
                continue
            st.markdown(tr(key))
            for entry in entries:
                row = st.container(horizontal=True, vertical_alignment="center")
                area = q.dimensions_by_id[entry.area].title(lang)
                row.text(f"{entry_title(entry, q, lang)} · {area}")
                add, drop = (
                    ([entry.measure], []) if entries is changes.add else ([], [entry.measure])
                )
                row.button(
                    tr(button),
                    key=f"take_{key}_{entry.measure}",
                    icon=icon,
                    on_click=_take_over,
                    args=(cur, plan, changes, add, drop),
                )
        every = ([e.measure for e in changes.add], [e.measure for e in changes.drop])
        st.button(
            tr("ui.p_take_all"),
            type="primary",
            icon=":material/done_all:",
            on_click=_take_over,
            args=(cur, plan, changes, *every),
        )
