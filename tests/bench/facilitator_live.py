"""The facilitator view's live part alone, as its fragment reruns it (for bench_session.py).

A fragment's rerun calls only the fragment's function, with the arguments of the full run
that declared it: the round (`Current`) is resolved once and kept, as the fragment keeps it.
"""

import streamlit as st

from assessment.ui.session import current
from assessment.ui.views.facilitator import live_part

if "bench_current" not in st.session_state:
    st.session_state["bench_current"] = current()
live_part(st.session_state["bench_current"])
