"""The smallest Streamlit page: the cold-start baseline of bench_app.py (P5)."""

import streamlit as st

st.title("Hallo")
