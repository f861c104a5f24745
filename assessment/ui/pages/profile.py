"""Profile: the organisation and the round label; creates the round on first save."""

from datetime import date

import streamlit as st

from assessment.questionnaire import offered
from assessment.responses import Organisation
from assessment.services.errors import ServiceError
from assessment.ui import actions
from assessment.ui.answer_widgets import error_message
from assessment.ui.pages_registry import page
from assessment.ui.session import catalogue, current
from assessment.ui.state import lang, set_token, tr
from assessment.ui.widgets import institution_type_select, resume_link_box

st.title(tr("ui.profile_title"))
st.caption(tr("ui.profile_intro"))

cur = current()
if cur is not None:
    org, label, q = cur.details.organisation.model_dump(), cur.details.label, cur.questionnaire
else:
    chosen = st.session_state.get("new_questionnaire")
    q = catalogue()[chosen] if chosen else offered(catalogue())[0]
    org = dict.fromkeys(Organisation.model_fields, "")
    label = tr("ui.profile_round_default", year=date.today().year)

st.text(f"{tr('common.questionnaire')}: {q.title(lang())} ({q.id} {q.version})")
kinds = {t.id: t.label(lang()) for t in q.institution_types}
if q.institution_type is not None:  # fixed for the round: it decided the statements asked
    st.text(f"{tr('common.institution_type')}: {kinds[q.institution_type]}")
# One key per field and round: a stored profile fills the fields once, then they keep the input.
prefix = f"profile_{cur.round_id}" if cur is not None else "profile_new"
keys = {field: f"{prefix}_{field}" for field in (*Organisation.model_fields, "label")}
for field, value in {**org, "label": label}.items():
    st.session_state.setdefault(keys[field], (value or None) if field == "size" else value)
sizes = tr("ui.size_options").split("|")
shown_size = st.session_state[keys["size"]]
with st.form("profile"):
    name = st.text_input(tr("ui.profile_name"), max_chars=200, key=keys["name"])
    left, right = st.columns(2)
    kind = left.text_input(tr("common.org_kind"), max_chars=200, key=keys["kind"])
    sector = right.text_input(tr("common.org_sector"), max_chars=200, key=keys["sector"])
    size = left.selectbox(
        tr("common.org_size"),
        options=sizes if shown_size in (None, *sizes) else [*sizes, shown_size],
        accept_new_options=True,
        placeholder=tr("ui.profile_size_placeholder"),
        key=keys["size"],
    )
    region = right.text_input(tr("common.org_region"), max_chars=200, key=keys["region"])
    kind_chosen = None if cur else institution_type_select(kinds, f"{prefix}_institution_type")
    round_label = st.text_input(tr("ui.profile_round"), max_chars=200, key=keys["label"])
    submitted = st.form_submit_button(
        tr("ui.profile_save") if cur else tr("ui.profile_save_new"), type="primary"
    )

if submitted:
    if not name.strip():
        st.error(tr("ui.profile_name_missing"))
        st.stop()
    organisation = Organisation(name=name, kind=kind, sector=sector, size=size or "", region=region)
    label_text = round_label.strip() or tr("ui.profile_round_default", year=date.today().year)
    if cur is None:
        if kinds and kind_chosen is None:
            st.error(tr("ui.profile_kind_missing"))
            st.stop()
        set_token(actions.create_round(q, organisation, label_text, kind_chosen))
        st.switch_page(page("questionnaire"))
    try:
        actions.update_profile(cur.visitor, organisation, label_text)
    except ServiceError as error:
        st.error(error_message(error), icon=":material/block:")
    else:
        st.success(tr("ui.profile_saved"))

if cur is not None:
    resume_link_box(cur)
    with st.expander(tr("ui.delete_title"), icon=":material/delete:"):
        st.caption(tr("ui.delete_help"))
        owner = cur.visitor.may("delete")
        if not owner:
            st.info(tr("ui.delete_owner_only"), icon=":material/key:")
        confirmed = st.checkbox(tr("ui.delete_confirm"), key="delete_confirm", disabled=not owner)
        if st.button(tr("ui.delete_button"), disabled=not confirmed, type="primary"):
            actions.delete_organisation(cur.visitor)
            st.switch_page(page("start"))
