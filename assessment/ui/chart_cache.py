"""Chart specs for the pages, cached by their (hashable, cheap) inputs."""

from __future__ import annotations

import streamlit as st

from assessment.charts import bars_args, bars_spec, radar_args, radar_spec
from assessment.questionnaire import Questionnaire
from assessment.scoring import Scores


@st.cache_data(show_spinner=False, max_entries=256)
def _radar(**kwargs) -> dict:
    return radar_spec(**kwargs)


@st.cache_data(show_spinner=False, max_entries=256)
def _bars(**kwargs) -> dict:
    return bars_spec(**kwargs)


def area_radar(q: Questionnaire, scores: Scores, lang: str, previous: Scores | None = None) -> dict:
    """The radar spec (actual, target, optional previous round); built once per input."""
    return _radar(**radar_args(q, scores, lang, previous))


def area_bars(q: Questionnaire, scores: Scores, lang: str, width: int = 200) -> dict:
    """The area bar spec with target marks; built once per input."""
    return _bars(**bars_args(q, scores, lang), width=width)
