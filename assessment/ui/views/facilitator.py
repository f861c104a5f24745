"""Facilitator view: invitation (link, code, QR), live progress and the group's picture."""

from __future__ import annotations

import io

import streamlit as st

from assessment.formatting import file_slug
from assessment.services import group, invitation, reading, rounds
from assessment.services.access import Visitor
from assessment.ui.group_view import GroupView, group_progress, group_view
from assessment.ui.session import Current, engine
from assessment.ui.state import lang, private_link, tr
from assessment.ui.views.agreement import agreement_form
from assessment.ui.views.group_result import draw_result
from assessment.ui.widgets import require_current, round_caption

#: Seconds between refreshes of the live part while the round is open.
REFRESH_SECONDS = 5


def render() -> None:
    """Draw the facilitator view of the current session."""
    cur = require_current()
    visitor = cur.visitor
    st.title(tr("ui.f_title"))
    if visitor.role not in ("facilitator", "owner") or cur.details.mode != "session":
        st.info(tr("ui.f_not_facilitator"))
        st.stop()
    round_caption(cur)
    if cur.details.anonymous:
        st.caption(tr("ui.f_anonymous_note", min=cur.details.min_group_size))
    else:
        st.caption(tr("ui.f_named_note", min=cur.details.min_group_size))
    if visitor.role == "facilitator":
        _invitation(cur)
    _controls(cur)
    # Only the live part refreshes itself; the agreement form below stays out of it, so that
    # a refresh never touches what the facilitator is typing there.
    live = st.fragment(live_part, run_every=refresh_every(visitor))
    live(cur)
    view = group_view(cur, lang())  # cached by revision: the fragment just built it
    st.session_state[_ready_key(cur)] = not isinstance(view, group.Withheld)
    if not isinstance(view, group.Withheld):
        agreement_form(cur, view, lang())
        _download(cur)


def refresh_every(visitor: Visitor) -> int | None:
    """Seconds between refreshes of the live part; None (no refresh) once the round is closed."""
    return None if visitor.is_closed else REFRESH_SECONDS


def _ready_key(cur: Current) -> str:
    """Session key: whether the last full run drew the group result's agreement form."""
    return f"group_ready_{cur.round_id}"


def _download(cur: Current) -> None:
    """The group's PDF (built when the button is clicked, never on a rerun)."""
    language = lang()
    st.subheader(tr("ui.p_downloads"))
    st.caption(tr("ui.f_pdf_help"))
    st.download_button(
        tr("ui.f_pdf"),
        data=lambda: reading.report_pdf(engine(), cur.visitor, language),
        file_name=f"{tr('ui.f_pdf_file')}-{file_slug(cur.details.organisation.name)}.pdf",
        mime="application/pdf",
        on_click="ignore",
        type="primary",
        icon=":material/picture_as_pdf:",
        key="f_pdf",
    )


def _qr_png(link: str) -> bytes:
    import segno

    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


def _invitation(cur: Current) -> None:
    """Join link, join code and QR code for the participants; the facilitator's own link."""
    found = invitation.invitation(engine(), cur.visitor)
    with st.expander(tr("ui.f_invite_title"), icon=":material/qr_code_2:", expanded=True):
        code_col, qr_col = st.columns([3, 2], gap="large")
        with code_col:
            if found.join_code:
                st.caption(tr("ui.f_code"))
                st.markdown(f"## `{found.join_code}`")
            if found.join_token:
                link = private_link(found.join_token, "join")
                st.caption(tr("ui.f_join_link"))
                st.code(link, language=None, wrap_lines=True)
            st.caption(tr("ui.f_own_link"))
            st.code(private_link(cur.token, "facilitator"), language=None, wrap_lines=True)
        if found.join_token:
            qr_col.image(_qr_png(private_link(found.join_token, "join")), width=220)


def _controls(cur: Current) -> None:
    """Close or reopen the round."""
    if cur.visitor.is_closed:
        st.info(tr("ui.f_closed"), icon=":material/lock:")
        if st.button(tr("ui.f_reopen"), icon=":material/lock_open:", key="f_reopen"):
            rounds.reopen(engine(), cur.visitor)
            st.rerun()
    elif st.button(tr("ui.f_close"), icon=":material/lock:", key="f_close"):
        rounds.close(engine(), cur.visitor)
        st.rerun()


def live_part(cur: Current) -> None:
    """Progress and, from the minimum group size on, the group's result (refreshed)."""
    language = lang()
    q = cur.questionnaire
    progress = group_progress(cur)
    st.subheader(tr("ui.f_progress"))
    joined, answering, submitted = st.columns(3)
    joined.metric(tr("ui.f_joined"), progress.joined)
    answering.metric(tr("ui.f_answering"), progress.answering)
    submitted.metric(
        tr("ui.f_submitted"), f"{progress.submitted} / {progress.joined}",
        help=tr("ui.f_submitted_help", min=progress.min_group),
    )  # fmt: skip
    rows = [
        {
            tr("common.area"): d.title(language),
            tr("ui.f_area_started"): progress.started_per_area[d.id],
            tr("ui.f_area_done"): progress.complete_per_area[d.id],
        }
        for d in q.dimensions
    ]
    st.dataframe(rows, hide_index=True)
    if progress.unfinished:
        names = ", ".join(
            tr("ui.f_unfinished_one", label=label, n=n, total=progress.items)
            for label, n in progress.unfinished
        )
        st.warning(tr("ui.f_unfinished", people=names), icon=":material/hourglass_top:")
    view = group_view(cur, language)
    ready = not isinstance(view, group.Withheld)
    if ready != st.session_state.get(_ready_key(cur), ready):
        st.session_state[_ready_key(cur)] = ready
        st.rerun()  # the minimum was just reached (or left): draw the agreement form, too
    if isinstance(view, group.Withheld):
        w = view
        st.info(
            tr("ui.g_withheld", submitted=w.submitted, joined=w.joined, min=w.min_group,
               needed=w.needed),
            icon=":material/group:",
        )  # fmt: skip
        return
    _result(cur, view)


def _result(cur: Current, view: GroupView) -> None:
    """The group's radar and bars, discussion points, spread heatmap and comments."""
    draw_result(cur, view, lang())
