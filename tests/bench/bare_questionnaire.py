"""The questionnaire page's elements without the app around them: the floor of P1 and P1b.

The benchmarks write the texts (the same statements, hints and labels as the real page, see
questionnaire_texts.py) to a JSON file and name it in BENCH_BARE_DATA; they are loaded once per
process. No database, no navigation, no session logic, no fragment: only the widgets, and every
click reruns the whole script.
"""

import json
import os

import streamlit as st


@st.cache_resource
def _data(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


data = _data(os.environ["BENCH_BARE_DATA"])
labels = {int(value): label for value, label in data["labels"].items()}
options = list(labels)
answered = sum(st.session_state.get(f"answer_{item['id']}") is not None for item in data["items"])

st.text(data["caption"])
with st.container(border=True):
    st.markdown(data["link_title"])
    st.code(data["link"], language=None, wrap_lines=True)
st.pills(
    data["areas_label"],
    options=list(range(len(data["area_labels"]))),
    format_func=data["area_labels"].__getitem__,
    default=data["area_index"],
)
st.caption(data["area_of"])
st.header(data["area_title"])
st.write(data["area_intro"])
with st.expander(data["scale_title"]):
    for line in data["scale_lines"]:
        st.markdown(line)
st.toggle(data["hints_label"])
st.progress(answered / len(data["items"]), text=data["progress_text"])
for item in data["items"]:
    st.radio(
        item["statement"],
        options=options,
        index=None,
        format_func=labels.get,
        horizontal=True,
        help=item["hint"],
        key=f"answer_{item['id']}",
    )
    st.text_input(
        data["comment_label"],
        placeholder=data["comment_placeholder"],
        max_chars=5000,
        key=f"comment_{item['id']}",
        label_visibility="collapsed",
    )
st.caption(data["saved_note"])
nav = st.container(horizontal=True)
nav.button(data["prev"])
nav.space("stretch")
nav.button(data["next"], type="primary")
