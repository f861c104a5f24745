"""The results page's elements without the app around them: the baseline of P2.

bench_app.py precomputes everything the real page shows for the demo round (metrics, the two
chart specs, the area table, target inputs, findings) and pickles it to the file named in
BENCH_BARE_DATA; it is loaded once per process. Each run only draws the elements.
"""

import os
import pickle

import streamlit as st


@st.cache_resource
def _data(path: str) -> dict:
    with open(path, "rb") as handle:
        return pickle.load(handle)


data = _data(os.environ["BENCH_BARE_DATA"])

st.title(data["title"])
st.text(data["caption"])
for column, (label, value) in zip(st.columns(len(data["metrics"])), data["metrics"], strict=True):
    column.metric(label, value)
st.caption(data["stage_text"])
radar_col, bars_col = st.columns(2, gap="large")
with radar_col:
    st.subheader(data["radar_title"])
    st.vega_lite_chart(data["radar"], width="stretch")
with bars_col:
    st.subheader(data["bars_title"])
    st.vega_lite_chart(data["bars"], width="stretch")
st.subheader(data["table_title"])
st.dataframe(data["table"], hide_index=True)
with st.expander(data["targets_title"], icon=":material/target:"):
    st.caption(data["targets_help"])
    for column, (key, label, value) in zip(
        st.columns(len(data["targets"])), data["targets"], strict=True
    ):
        column.number_input(
            label, min_value=0.0, max_value=100.0, value=value, step=5.0, format="%.0f", key=key
        )
st.subheader(data["weak_title"])
for label, lines in data["findings"]:
    with st.expander(label):
        for element, text in lines:
            getattr(st, element)(text)
st.page_link(data["link_target"], label=data["link_label"], icon=":material/flag:")
