"""Warm-up: the results' heavy first steps (Altair, chart specs, scoring, the PDF's modules).

A fresh process pays for them on its first results view: Altair's import (it parses the
Vega-Lite schema) and its first chart (the schema's validators), the chart templates, which are
cached per questionnaire and language, pandas' first group-bys, number formats, and fpdf.
`warm` does them once on the demo round, in memory and without a database, so that the UI can
run it in a background thread after the first page is drawn.
"""

from __future__ import annotations

import time

from assessment.charts.bars import bars_args, bars_spec
from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
from assessment.findings import area_findings
from assessment.questionnaire import load_catalogue
from assessment.scoring import score_response


def warm(lang: str) -> float:
    """Score the demo round and build its charts and findings once; returns the seconds taken."""
    started = time.perf_counter()
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    scores = score_response(demo_response(q), q)
    radar_spec(**radar_args(q, scores, lang))
    bars_spec(**bars_args(q, scores, lang))
    area_findings(q, scores, lang)
    import assessment.report  # noqa: F401 - fpdf and the report's modules, for the first PDF

    return time.perf_counter() - started
