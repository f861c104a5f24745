"""Questionnaires: every shipped questionnaire with its areas, statements and measures."""

import streamlit as st

from assessment.ui.session import catalogue
from assessment.ui.state import lang, tr

language = lang()
st.title(tr("ui.c_title"))
for q in sorted(catalogue().values(), key=lambda q: q.id):
    st.header(q.title(language))
    st.caption(f"{q.id} {q.version} · " + tr("ui.c_measures", n=len(q.measures)))
    st.write(q.description(language))
    for area in q.dimensions:
        label = f"{area.title(language)} · {tr('ui.c_items', n=len(area.items))}"
        with st.expander(label):
            st.write(area.intro(language))
            for number, item in enumerate(area.items, start=1):
                st.markdown(f"**{number}. {item.statement(language)}**")
                st.caption(item.hint(language))
