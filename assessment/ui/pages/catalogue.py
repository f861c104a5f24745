"""Questionnaires: every shipped questionnaire with its areas, statements and measures."""

import streamlit as st

from assessment.ui.session import catalogue
from assessment.ui.state import lang, tr
from assessment.ui.widgets import further_dimensions_note

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
            kinds = {t.id: t.label(language) for t in q.institution_types}
            for number, item in enumerate(area.items, start=1):
                st.markdown(f"**{number}. {item.statement(language)}**")
                notes = [further_dimensions_note(item)]
                if item.applies_to:
                    names = ", ".join(kinds[k] for k in item.applies_to)
                    notes.append(tr("common.applies_to", kinds=names))
                for note in filter(None, notes):
                    st.caption(f"*{note}*")
                st.caption(item.hint(language))
