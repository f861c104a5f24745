"""Per-area findings: strong, weak and disputed items."""

from __future__ import annotations

from assessment.findings import area_findings
from assessment.questionnaire import load_questionnaire
from assessment.responses import ResponseFile
from assessment.scoring import score_response
from tests.conftest import MINI


def test_findings_split_items_by_mean_and_spread():
    q = load_questionnaire(MINI)
    data = ResponseFile.model_validate(
        {
            "questionnaire": {"id": "mini", "version": "1.0"},
            "organisation": {"name": "Test"},
            "round": {"label": "R1", "date": "2026-01-01"},
            "respondents": [
                {"id": "a", "answers": {"s1": 4, "s2": 1, "h1": 0, "h2": None}},
                {"id": "b", "answers": {"s1": 3, "s2": 3, "h1": 1}},
            ],
        }
    )
    found = {f.area: f for f in area_findings(q, score_response(data, q), "en")}
    assert [f.item for f in found["strategy"].strong] == ["s1"]  # mean 3.5 >= 3
    assert [f.item for f in found["strategy"].weak] == ["s2"]  # mean 2.0 <= 2
    assert [f.item for f in found["strategy"].disputed] == ["s2"]  # 1 vs 3: spread 2
    assert found["strategy"].weak[0].hint == "Hint S2"
    assert [f.item for f in found["hr"].weak] == ["h1"]  # h2 only N/A: not a finding
    assert found["training"].strong == found["training"].weak == []
