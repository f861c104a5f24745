"""The app with two run counters in session state, shown on the page (browser tests only).

The questionnaire's page body counts its runs in `PAGE_RUNS` and shows the count in the
sidebar; the answer list counts its runs in `LIST_RUNS` and shows that count at its end. A run
of the answer list alone redraws only its own count, so the page's count on screen is the
number of times the page body ran.
"""

import streamlit as st

from assessment import logs
from assessment.ui import fragment_fallback
from assessment.ui.navigation import run
from assessment.ui.views import questionnaire

PAGE_RUNS = "test_page_runs"
LIST_RUNS = "test_list_runs"


def _counted(function, counter: str, where):
    def counted(*args, **kwargs):
        st.session_state[counter] = st.session_state.get(counter, 0) + 1
        where().container(key=counter).write(str(st.session_state[counter]))
        return function(*args, **kwargs)

    counted.counted = True
    return counted


if __name__ == "__main__":  # as Streamlit runs it; the tests import only the keys
    if not getattr(questionnaire.render, "counted", False):  # once per process
        # The page file looks `render` up on each run; the answer list calls `_progress` once.
        questionnaire.render = _counted(questionnaire.render, PAGE_RUNS, lambda: st.sidebar)
        questionnaire._progress = _counted(questionnaire._progress, LIST_RUNS, lambda: st)

    fragment_fallback.install()
    logs.configure()
    run()
