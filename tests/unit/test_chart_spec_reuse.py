"""The results view builds a chart spec again only when what the chart draws has changed."""

from __future__ import annotations

from assessment.charts.bars import bars_args
from assessment.charts.radar_chart import radar_args
from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
from assessment.questionnaire import load_catalogue
from assessment.scoring import score_response
from assessment.ui import results_view


def test_equal_chart_inputs_share_one_spec_and_a_changed_score_builds_a_new_one():
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    data = demo_response(q)
    first, again = score_response(data, q), score_response(data, q)  # e.g. after a comment
    radar = results_view._radar(tuple(radar_args(q, first, "de").items()))
    bars = results_view._bars(tuple(bars_args(q, first, "de").items()))
    assert results_view._radar(tuple(radar_args(q, again, "de").items())) is radar
    assert results_view._bars(tuple(bars_args(q, again, "de").items())) is bars

    person = data.respondents[0]
    item = q.dimensions[0].items[0].id
    changed = person.model_copy(update={"answers": {**person.answers, item: 0}})
    other = data.model_copy(update={"respondents": [changed, *data.respondents[1:]]})
    rescored = score_response(other, q)
    assert results_view._radar(tuple(radar_args(q, rescored, "de").items())) is not radar
    assert results_view._bars(tuple(bars_args(q, rescored, "de").items())) is not bars
