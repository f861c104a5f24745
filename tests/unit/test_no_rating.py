"""The two kinds of "no rating": "don't know" lowers coverage, "not applicable" leaves the area.

All on the mini questionnaire (two items per area; strategy s1 weight 1, s2 weight 3; scale
0..4). Scores are hand-computed in each test.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from assessment.findings import area_findings, is_unknown
from assessment.group_rules import group_answers, score_file, spread_table
from assessment.questionnaire import Questionnaire
from assessment.responses import FORMAT, FORMAT_V1, ResponseFile, parse_responses
from assessment.scoring import score_response, scores_to_dict
from tests.conftest import FIXTURES, run_cli


def _file(answers: dict[str, dict], fmt: str = FORMAT, **round_info) -> ResponseFile:
    return ResponseFile.model_validate(
        {
            "format": fmt,
            "questionnaire": {"id": "mini", "version": "1.0"},
            "organisation": {"name": "Testbetrieb"},
            "round": {"label": "Test", "date": "2025-01-15", **round_info},
            "respondents": [{"id": rid, "answers": a} for rid, a in answers.items()],
        }
    )


def _area(scores, area: str) -> dict:
    (row,) = scores.areas[scores.areas["area"] == area].to_dict("records")
    return row


def _item(scores, item: str) -> dict:
    (row,) = scores.items[scores.items["item"] == item].to_dict("records")
    return row


def test_dont_know_lowers_coverage_as_the_version_1_null_did(mini: Questionnaire) -> None:
    """s1 = 2, s2 "don't know": score 2/4 = 50, coverage 1 / (1 + 3) = 0.25."""
    s = score_response(_file({"a": {"s1": 2, "s2": None}}), mini)
    row = _area(s, "strategy")
    assert (row["score"], row["coverage"], row["incomplete"]) == (50.0, 0.25, True)
    assert (row["dont_know"], row["not_applicable"]) == (1, 0)


def test_not_applicable_takes_the_item_out_of_the_coverage(mini: Questionnaire) -> None:
    """s1 = 2, s2 "na": score 50, coverage 1 / 1 (s2's weight 3 leaves the denominator)."""
    s = score_response(_file({"a": {"s1": 2, "s2": "na"}}), mini)
    row = _area(s, "strategy")
    assert (row["score"], row["coverage"], row["incomplete"]) == (50.0, 1.0, False)
    assert (row["dont_know"], row["not_applicable"]) == (0, 1)
    assert _item(s, "s2")["applicable"] is False and _item(s, "s1")["applicable"] is True


def test_a_value_from_anyone_keeps_the_item_in(mini: Questionnaire) -> None:
    """s2: a says "na", b rates 4: s2 stays in, its mean is b's 4 (n = 1).
    strategy = (1·2 + 3·4) / 4 / 4 · 100 = 87.5; coverage 4/4."""
    s = score_response(_file({"a": {"s1": 2, "s2": "na"}, "b": {"s2": 4}}), mini)
    assert _item(s, "s2")["applicable"] is True and _item(s, "s2")["n"] == 1
    row = _area(s, "strategy")
    assert (row["score"], row["coverage"]) == (87.5, 1.0)


def test_dont_know_beside_not_applicable_keeps_the_item_in(mini: Questionnaire) -> None:
    """s2: a "na", b "don't know", no value: not everyone said "na", so s2 stays unanswered:
    coverage 1 / 4."""
    s = score_response(_file({"a": {"s1": 1, "s2": "na"}, "b": {"s2": None}}), mini)
    assert _item(s, "s2")["applicable"] is True
    assert _area(s, "strategy")["coverage"] == 0.25
    assert (_item(s, "s2")["dont_know"], _item(s, "s2")["not_applicable"]) == (1, 1)


def test_an_area_all_not_applicable_is_not_rated(mini: Questionnaire) -> None:
    """hr all "na": no score, no stage, nothing to cover; the overall leaves it out and is
    provisional (not every area has a score)."""
    answers = {"s1": 4, "s2": 4, "h1": "na", "h2": "na", "t1": 4, "t2": 4, "c1": 4, "c2": 4}
    s = score_response(_file({"a": {**answers, "n1": 4, "n2": 4}}), mini)
    row = _area(s, "hr")
    assert row["rated"] is False and math.isnan(row["score"]) and row["stage"] is None
    assert row["coverage"] == 0.0 and row["not_applicable"] == 2
    overall = s.overall.iloc[0]
    assert overall["score"] == 100.0 and overall["coverage"] == 1.0  # 8 of 8 applicable
    assert bool(overall["provisional"]) is True


def test_overall_coverage_counts_only_applicable_weight(mini: Questionnaire) -> None:
    """Items weigh 3 (s2) and 1 (the other nine): 12 in all. s2 "na" → 9 applicable; s1, h1,
    t1 rated → 3 / 9."""
    s = score_response(_file({"a": {"s1": 1, "s2": "na", "h1": 1, "t1": 1, "c1": None}}), mini)
    overall = s.overall.iloc[0]
    assert overall["coverage"] == pytest.approx(3 / 9)
    assert (overall["dont_know"], overall["not_applicable"]) == (1, 1)


def test_a_version_1_file_scores_exactly_as_before(mini: Questionnaire) -> None:
    """The version-1 hand example, read now, gives the hand-computed figures of
    test_scoring.HAND_EXAMPLE_RESULT; as version 2 (same nulls) it gives the same."""
    from tests.unit.test_scoring import HAND_EXAMPLE_RESULT

    catalogue = {(mini.id, mini.version): mini}
    text = (FIXTURES / "hand_example.json").read_text(encoding="utf-8")
    assert json.loads(text)["format"] == FORMAT_V1
    v1, _ = parse_responses(text, catalogue)
    v2, _ = parse_responses(text.replace(FORMAT_V1, FORMAT), catalogue)
    result = scores_to_dict(score_response(v1, mini), mini)
    assert result == scores_to_dict(score_response(v2, mini), mini) == HAND_EXAMPLE_RESULT


def test_the_cli_scores_a_version_2_file_by_the_new_rule(mini_dir: Path, tmp_path: Path) -> None:
    """The hand example with r1's h2 and every n1 "na" in version 2: hr has h1 only, so its
    coverage is 1/1; networking keeps n2 (nobody said "na" there) and stays uncovered."""
    raw = json.loads((FIXTURES / "hand_example.json").read_text(encoding="utf-8"))
    raw["format"] = FORMAT
    for person in raw["respondents"]:
        for item in ("h2", "n1"):
            if item in person["answers"]:
                person["answers"][item] = "na"
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    done = run_cli("score", str(path), questionnaires=mini_dir)
    assert done.returncode == 0, done.stderr
    areas = {a["id"]: a for a in json.loads(done.stdout)["areas"]}
    assert (areas["hr"]["score"], areas["hr"]["coverage"]) == (16.7, 1.0)
    assert areas["hr"]["not_applicable"] == 3 and areas["hr"]["dont_know"] == 0
    assert areas["networking"]["coverage"] == 0.0 and areas["networking"]["dont_know"] == 2
    table = run_cli("score", str(path), "--format", "table", questionnaires=mini_dir)
    hr_line = next(line for line in table.stdout.splitlines() if "Personal" in line)
    assert hr_line.split()[6:8] == ["0", "3"]  # "Weiß nicht" 0, "Trifft nicht zu" 3


def test_a_group_counts_dont_know_and_not_applicable_apart(mini: Questionnaire) -> None:
    """Four in a session (min 3): s1 rated 1, 2, 3 and one "na" → in, mean 2; s2 three "na"
    and one "don't know" → stays in, unrated; h1 all "na" → out; h2 rated by two only →
    withheld, its "don't know" still counts, its "na" not (someone rated it)."""
    data = _file(
        {
            "p1": {"s1": 1, "s2": "na", "h1": "na", "h2": 4},
            "p2": {"s1": 2, "s2": "na", "h1": "na", "h2": 4},
            "p3": {"s1": 3, "s2": "na", "h1": "na", "h2": None},
            "p4": {"s1": "na", "s2": None, "h1": "na", "h2": "na"},
        },
        mode="session",
    )
    answers, withheld = group_answers(data)
    assert withheld == ("h1", "h2", "s2")
    s = score_file(data, mini)
    assert (_item(s, "s1")["mean"], _item(s, "s1")["n"], _item(s, "s1")["applicable"]) == (
        2.0, 3, True
    )  # fmt: skip
    assert _item(s, "s2")["applicable"] is True and _item(s, "s2")["n"] == 0
    assert _item(s, "h1")["applicable"] is False
    assert (_item(s, "h2")["n"], _item(s, "h2")["dont_know"], _item(s, "h2")["applicable"]) == (
        0, 1, True
    )  # fmt: skip
    assert _area(s, "strategy")["coverage"] == 0.25  # s1 of s1 + s2 (weights 1 and 3)
    assert _area(s, "hr")["coverage"] == 0.0  # h2 applicable, withheld; h1 out
    spread = spread_table(answers, mini).set_index(["item", "level"])["count"]
    assert (spread["s1", "na"], spread["s1", "dk"], spread["s1", "2"]) == (1, 0, 1)
    assert (spread["s2", "na"], spread["s2", "dk"]) == (3, 1)
    assert (spread["h2", "4"], spread["h2", "dk"], spread["h2", "na"]) == (0, 1, 0)


def test_a_third_dont_know_is_not_known_in_the_organisation(mini: Questionnaire) -> None:
    """Three respondents: s1 one "don't know" (1/3 → a finding), s2 none, h1 two (a finding
    although no one rated it), c1 one "na" (not a finding)."""
    data = _file(
        {
            "a": {"s1": None, "s2": 2, "h1": None, "c1": "na"},
            "b": {"s1": 3, "s2": 2, "h1": None},
            "c": {"s1": 4, "s2": 1, "h1": 2},
        }
    )
    s = score_response(data, mini)
    found = {f.area: f for f in area_findings(mini, s, "de")}
    assert [f.item for f in found["strategy"].unknown] == ["s1"]
    assert found["strategy"].unknown[0].hint == "Hinweis S1"
    assert found["strategy"].dont_know == 1
    assert [(f.item, f.dont_know) for f in found["hr"].unknown] == [("h1", 2)]
    assert found["hr"].dont_know == 2 and found["services"].unknown == []


@pytest.mark.parametrize(
    ("dont_know", "respondents", "unknown"),
    [(0, 0, False), (1, 1, True), (1, 3, True), (1, 4, False), (2, 6, True), (2, 7, False)],
)
def test_the_third_is_counted_inclusive(dont_know: int, respondents: int, unknown: bool) -> None:
    assert is_unknown(dont_know, respondents) is unknown
