"""Roadmap: the editable plan, downloads (PDF, JSON, CSV) and import of a response file."""

import streamlit as st

from assessment.formatting import date_input_format, file_slug
from assessment.responses import PHASES, STATUSES
from assessment.roadmap import plan_changes
from assessment.services import transfer
from assessment.services.errors import ServiceError
from assessment.ui import actions
from assessment.ui import results_view as results
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import link, page
from assessment.ui.plan_changes import changes_panel, reset_button
from assessment.ui.plan_table import frame_to_plan, labels, plan_to_frame
from assessment.ui.state import lang, set_token, tr
from assessment.ui.widgets import require_current, round_caption

cur = require_current()
q, language = cur.questionnaire, lang()
if not cur.visitor.may("roadmap"):  # a session's respondent link: own answers only
    st.info(tr("ui.r_respondent_only"))
    st.page_link(page("questionnaire"), label=tr("ui.nav_questionnaire"))
    st.stop()
view = results.results_view(cur, language)

st.title(tr("ui.p_title"))
round_caption(cur)
if "plan_refused" in st.session_state:
    st.error(st.session_state.pop("plan_refused"), icon=":material/block:")
st.write(tr("ui.p_intro"))

stored = results.stored_plan(cur.visitor)
size = cur.details.organisation.size
suggestion = results.current_plan(None, q, view.scores, cur.details.date, size)
plan = suggestion if stored is None else stored
state = st.session_state
known_key = f"plan_known_{cur.round_id}"  # the plans this editor started from or saved
version = state.get("plan_version", 0)
editor_key = f"plan_editor_{cur.round_id}_{language}_{version}"
base_key = f"plan_base_{cur.round_id}_{language}_{version}"
if editor_key in state and plan not in state.get(known_key, []):
    # Changed elsewhere (another tab, new scores): start again from what is stored now, so
    # that this editor's older edits never overwrite it.
    version = state["plan_version"] = version + 1
    editor_key = f"plan_editor_{cur.round_id}_{language}_{version}"
    base_key = f"plan_base_{cur.round_id}_{language}_{version}"
    st.toast(tr("ui.p_changed_elsewhere"), icon=":material/sync:")
if editor_key not in state or base_key not in state:
    # A fresh editor starts from the stored plan; while it lives, its edits apply to this base.
    state[base_key] = plan_to_frame(plan, q, language)
    state[known_key] = [plan]
stored_key = f"plan_stored_{editor_key}"  # what this editor believes is stored (None: nothing)
state.setdefault(stored_key, stored)

names = labels(q, language)
edited = st.data_editor(
    state[base_key],
    key=editor_key,
    num_rows="dynamic",
    hide_index=True,
    height=min(38 + 35 * (len(state[base_key]) + 1), 900),
    column_order=["title", "area", "phase", "priority_shown", "owner", "due", "status", "note"],
    column_config={
        "title": st.column_config.TextColumn(
            tr("common.measure"), width=320, required=True, max_chars=300
        ),
        # Not `required`: a new row is saved as soon as it has a title; an empty area, phase
        # or status falls back to the first area, the first phase and "open".
        "area": st.column_config.SelectboxColumn(
            tr("common.area"), options=list(names["area"].values()), width=170
        ),
        "phase": st.column_config.SelectboxColumn(
            tr("ui.p_phase"),
            options=list(names["phase"].values()),
            default=names["phase"][PHASES[0]],
        ),
        "priority_shown": st.column_config.TextColumn(tr("ui.p_priority"), disabled=True, width=70),
        "owner": st.column_config.TextColumn(tr("common.owner"), width=150, max_chars=200),
        "due": st.column_config.DateColumn(
            tr("common.due"), format=date_input_format(language), width=100
        ),
        "status": st.column_config.SelectboxColumn(
            tr("common.status"),
            options=list(names["status"].values()),
            default=names["status"][STATUSES[0]],
        ),
        "note": st.column_config.TextColumn(tr("common.note"), max_chars=10_000),
    },
)
new_plan = frame_to_plan(edited, q, language)
if new_plan != plan:
    try:
        results.save_plan(cur.visitor, new_plan, expected=state[stored_key])
    except ServiceError as error:  # changed elsewhere, closed meanwhile: start from the stored
        state["plan_version"] = version + 1
        st.session_state["plan_refused"] = error_message(error)
        st.rerun()
    state[stored_key] = new_plan
    state[known_key] = [state[known_key][0], new_plan]
    st.toast(tr("ui.p_saved"), icon=":material/check:")
    plan = new_plan


if stored is not None:
    changes_panel(cur, q, language, stored, plan_changes(stored, suggestion))
reset_button(cur)

with st.expander(tr("common.measure_details"), icon=":material/info:"):
    for entry in plan:
        measure = q.measures_by_id.get(entry.measure or "")
        if measure is None:
            continue
        st.markdown(f"**{measure.title(language)}** · {names['area'][measure.dimension]}")
        st.write(measure.description(language))
        facts = [
            f"{tr('common.effort')}: {tr(f'common.level_{measure.effort}')}",
            f"{tr('common.impact')}: {tr(f'common.level_{measure.impact}')}",
        ]
        if measure.topics:
            topics = ", ".join(tr(f"topic.{topic}") for topic in measure.topics)
            facts.append(f"{tr('common.topics')}: {topics}")
        st.caption(" · ".join(facts))

st.subheader(tr("ui.p_downloads"))
slug = file_slug(cur.details.organisation.name)
downloads = st.container(horizontal=True)
files = (  # (label, builder run only on click, file name, MIME type, icon)
    ("ui.p_pdf", lambda: results.report_pdf(cur.visitor, q, language), "pdf", "application/pdf",
     ":material/picture_as_pdf:"),
    ("ui.p_json", lambda: results.export_json(cur.visitor), "json", "application/json",
     ":material/data_object:"),
    ("ui.p_csv", lambda: results.scores_csv(view.table), "csv", "text/csv", ":material/table:"),
)  # fmt: skip
if cur.visitor.is_anonymous:  # an anonymous round's individual answers never leave the app
    st.caption(tr("ui.g_no_export"))
for label, build, extension, mime, icon in files:
    if not cur.visitor.may({"pdf": "pdf", "json": "export"}.get(extension, "results")):
        continue
    downloads.download_button(
        tr(label),
        data=build,
        file_name=f"{tr(f'{label}_file')}-{slug}.{extension}",
        mime=mime,
        on_click="ignore",
        type="primary" if extension == "pdf" else "secondary",
        icon=icon,
    )

with st.expander(tr("ui.p_import_title"), icon=":material/upload_file:"):
    st.caption(tr("ui.p_import_help"))
    uploads = st.session_state.get("uploads", 0)
    upload = st.file_uploader(
        tr("ui.p_import_title"),
        type=["json"],
        label_visibility="collapsed",
        key=f"upload_{uploads}",
    )
    # A stored round has this file's id but other content: import it only if asked to.
    conflict = upload is not None and st.session_state.get("import_conflict") == upload.file_id
    if conflict:
        st.warning(tr("ui.p_import_conflict"), icon=":material/difference:")
    as_new = conflict and st.button(tr("ui.p_import_as_new"))
    if upload is not None and (as_new or st.button(tr("ui.p_import_button"))):
        try:
            data, imported_q = actions.parse_upload(upload.getvalue(), upload.name)
            new_token = actions.import_round(data, imported_q, as_new=as_new)
        except transfer.InvalidFile as exc:
            st.error(tr("ui.p_import_rejected"))
            st.code("\n".join(exc.lines), language=None, wrap_lines=True)
        except transfer.AlreadyImported:
            st.info(tr("ui.p_import_already"), icon=":material/info:")
        except transfer.ImportConflict:
            st.session_state["import_conflict"] = upload.file_id
            st.rerun()  # ask whether to import it as a new round
        else:
            set_token(new_token)
            st.session_state.pop("import_conflict", None)
            st.session_state["imported"] = (data.organisation.name, data.round.label, cur.token)
            st.session_state["uploads"] = uploads + 1  # an empty uploader: no second import
            st.rerun()
    if "imported" in st.session_state:
        org_name, round_label, previous = st.session_state.pop("imported")
        st.success(tr("ui.p_import_done"), icon=":material/check:")
        st.text(f"{org_name} · {round_label}")
        st.caption(tr("ui.p_import_previous"))
        st.code(link(previous), language=None, wrap_lines=True)
