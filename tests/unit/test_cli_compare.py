"""`python -m assessment compare` and the checks of `report --previous` (other organisation or
questionnaire refused unless --force)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessment.cli import EXIT_BAD_INPUT, main
from assessment.formatting import round_half_up
from assessment.questionnaire import load_questionnaire
from assessment.responses import read_responses
from assessment.round_series import series_of
from tests.conftest import FIXTURES, MINI, pdf_text, run_cli

LATER = FIXTURES / "report" / "mini_round.json"
EARLIER = FIXTURES / "report" / "mini_previous.json"


def _variant(tmp_path: Path, name: str, old: str, new: str, source: Path = EARLIER) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _scores(path: Path, q) -> dict:
    data, _ = read_responses(path, {(q.id, q.version): q})
    return series_of(data, q).areas


def test_compare_prints_both_rounds_and_each_areas_delta_as_json(
    mini_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(EARLIER), str(LATER)]) == 0
    found = json.loads(capsys.readouterr().out)
    q = load_questionnaire(MINI)
    before, now = _scores(EARLIER, q), _scores(LATER, q)
    assert found["earlier"]["label"] == "Selbstcheck Herbst 2025"
    assert found["later"] == {
        "label": "Selbstcheck Herbst 2026",
        "date": "2026-10-12",
        "questionnaire": {"id": "mini", "version": "1.0"},
        "overall": found["later"]["overall"],
    }
    assert [a["id"] for a in found["areas"]] == [d.id for d in q.dimensions]
    for area in found["areas"]:
        assert area["earlier"] == round_half_up(before[area["id"]], 1)
        assert area["later"] == round_half_up(now[area["id"]], 1)
        assert area["delta"] == round(area["later"] - area["earlier"], 1)
    assert any(a["delta"] != 0 for a in found["areas"])
    overall = found["overall"]
    assert overall["delta"] == round(overall["later"] - overall["earlier"], 1)


def test_compare_as_a_table_names_the_areas_and_signs_the_change(
    mini_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(EARLIER), str(LATER), "--format", "table"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "20.10.2025: Selbstcheck Herbst 2025",
        "12.10.2026: Selbstcheck Herbst 2026",
        "",
    ]
    lines = out[3:]
    assert lines[0].split() == ["Bereich", "20.10.2025", "12.10.2026", "Veränderung"]
    q = load_questionnaire(MINI)
    titles = [d.title("de") for d in q.dimensions]
    assert [line[:32].strip() for line in lines[1:-1]] == [t[:32] for t in titles]
    assert lines[-1].startswith("Gesamt")
    changes = [line.split()[-1] for line in lines[1:]]
    assert all(c.startswith(("+", "-", "−")) or c == "0,0" for c in changes), changes


def test_compare_across_versions_matches_the_areas(
    mini_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = (mini_dir / "mini.yaml").read_text(encoding="utf-8")
    (mini_dir / "mini2.yaml").write_text(
        newer.replace('version: "1.0"', 'version: "2.0"'), encoding="utf-8"
    )
    later = _variant(tmp_path, "later.json", '"version": "1.0"', '"version": "2.0"', LATER)
    assert main(["compare", str(EARLIER), str(later)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["later"]["questionnaire"]["version"] == "2.0"
    assert all(a["delta"] is not None for a in found["areas"])


@pytest.mark.parametrize(
    ("old", "new", "place"),
    [
        ('"s1": 2', '"s1": 9', "$.respondents[0].answers.s1: value 9 is off the scale 0..4"),
        ('"date": "2025-10-20"', '"date": "20.10.2025"', "$.round.date"),
    ],
)
def test_a_bad_file_is_one_line_naming_the_file(
    mini_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    place: str,
) -> None:
    bad = _variant(tmp_path, "bad.json", old, new)
    assert main(["compare", str(bad), str(LATER)]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith(f"error: {bad}: {place}")
    assert len(err.splitlines()) == 1


def test_a_missing_file_and_the_wrong_order_are_named(
    mini_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.json"
    assert main(["compare", str(EARLIER), str(missing)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"error: {missing}: $: cannot read file: No such file")
    assert main(["compare", str(LATER), str(EARLIER)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"error: {LATER}: $.round.date: 2026-10-12 is after")
    assert "give the earlier file first" in err


def test_report_refuses_a_previous_round_of_another_organisation_unless_forced(
    mini_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _variant(tmp_path, "other.json", "Stadtwerke Lindenau GmbH", "Stadtwerke Kassel")
    target = tmp_path / "roadmap.pdf"
    args = ["report", str(LATER), "-o", str(target), "--previous", str(other)]
    assert main(args) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert err == (
        f"error: {other}: $.organisation.name: the earlier round is of 'Stadtwerke Kassel', "
        "this round of 'Stadtwerke Lindenau GmbH' (use --force to compare anyway)"
    )
    assert not target.exists()
    assert main([*args, "--force"]) == 0
    assert "Vorrunde" in pdf_text(target.read_bytes())


def test_the_same_organisation_in_other_spacing_and_case_is_no_other_organisation(
    mini_dir: Path, tmp_path: Path
) -> None:
    same = _variant(tmp_path, "same.json", "Stadtwerke Lindenau GmbH", "stadtwerke  lindenau GMBH")
    target = tmp_path / "roadmap.pdf"
    assert main(["report", str(LATER), "-o", str(target), "--previous", str(same)]) == 0


def test_report_forced_across_versions_compares_the_areas(
    mini_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = (mini_dir / "mini.yaml").read_text(encoding="utf-8")
    (mini_dir / "mini2.yaml").write_text(
        newer.replace('version: "1.0"', 'version: "2.0"'), encoding="utf-8"
    )
    earlier = _variant(tmp_path, "earlier.json", '"version": "1.0"', '"version": "2.0"')
    target = tmp_path / "roadmap.pdf"
    args = ["report", str(LATER), "-o", str(target), "--previous", str(earlier)]
    assert main(args) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert "(use --force to compare the areas anyway)" in err and len(err.splitlines()) == 1
    assert main([*args, "--force"]) == 0
    text = pdf_text(target.read_bytes())
    assert "Selbstcheck Herbst 2025" in text and "Veränderung" in text


def test_python_dash_m_assessment_compare_runs_as_a_command(mini_dir: Path) -> None:
    done = run_cli(
        "compare", str(EARLIER), str(LATER), "--format", "table", questionnaires=mini_dir
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "20.10.2025: Selbstcheck Herbst 2025"
    bad = run_cli("compare", str(EARLIER), "nowhere.json", questionnaires=mini_dir)
    assert bad.returncode == EXIT_BAD_INPUT and bad.stdout == ""
    assert (
        bad.stderr.strip() == "error: nowhere.json: $: cannot read file: No such file or directory"
    )
