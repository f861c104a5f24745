"""The peer of P1b: the same area's questions built with the library streamlit-survey.

The same statements, options, comment fields and a progress bar (the library's own, under its
page buttons), from the JSON file named in BENCH_BARE_DATA (see questionnaire_texts.py). The
library keeps the answers in session state only; nothing is stored.
"""

import json
import os

import streamlit as st
import streamlit_survey as ss


@st.cache_resource
def _data(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


data = _data(os.environ["BENCH_BARE_DATA"])
labels = {int(value): label for value, label in data["labels"].items()}
options = list(labels)

survey = ss.StreamlitSurvey("vielfaltskompass")
pages = survey.pages(len(data["area_labels"]), progress_bar=True)
st.session_state.setdefault(pages.current_page_key, data["area_index"])
with pages:
    st.header(data["area_title"])
    st.write(data["area_intro"])
    for item in data["items"]:
        survey.radio(
            item["statement"],
            id=f"answer_{item['id']}",
            options=options,
            index=None,
            format_func=labels.get,
            horizontal=True,
            help=item["hint"],
        )
        survey.text_input(
            data["comment_label"],
            id=f"comment_{item['id']}",
            placeholder=data["comment_placeholder"],
            max_chars=5000,
            label_visibility="collapsed",
        )
