"""`score` and `report` on a session's file: nothing below the minimum group, aggregates above."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessment.cli import main
from assessment.responses import (
    GroupComment,
    Organisation,
    QuestionnaireRef,
    Respondent,
    ResponseFile,
    RoundInfo,
    dump_responses,
)
from tests.conftest import pdf_text

#: Far apart on s1 (a discussion point), close on s2; one says "don't know" on h1.
ANSWERS = ({"s1": 0, "s2": 2, "h1": 3}, {"s1": 4, "s2": 3, "h1": None}, {"s1": 2, "s2": 3, "h1": 1})


def _session_file(tmp_path: Path, people: int, anonymous: bool = True) -> Path:
    data = ResponseFile(
        questionnaire=QuestionnaireRef(id="mini", version="1.0"),
        organisation=Organisation(name="Kita Sonnenschein"),
        round=RoundInfo(
            label="Workshop", date="2026-05-04", mode="session", anonymous=anonymous, min_group=3
        ),
        respondents=[
            Respondent(id=f"A{n + 1}" if anonymous else f"Name{n}", answers=ANSWERS[n])
            for n in range(people)
        ],
        comments=[GroupComment(item="s1", text="Wer entscheidet das?")] if anonymous else [],
        consensus={"strategy": 40.0},
        notes={"strategy": "Leitbild im Team klären"},
    )
    path = tmp_path / f"session_{people}.json"
    path.write_text(dump_responses(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("anonymous", [True, False])
def test_two_answer_sets_are_refused_with_one_line(mini_dir, tmp_path, capsys, anonymous):
    path = _session_file(tmp_path, 2, anonymous)
    for argv in (["score", str(path)], ["report", str(path), "-o", str(tmp_path / "r.pdf")]):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            f"error: {path}: the group result needs at least 3 answer sets (round.min_group), "
            "the file holds 2; nothing is shown\n"
        )
    assert not (tmp_path / "r.pdf").exists()


def test_three_answer_sets_score_as_aggregates_with_the_consensus(mini_dir, tmp_path, capsys):
    path = _session_file(tmp_path, 3)
    assert main(["score", str(path)]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    assert result["respondents"] == 3
    strategy = next(a for a in result["areas"] if a["id"] == "strategy")
    assert strategy["score"] == 40.0  # the group's consensus replaces the mean
    s1 = next(i for i in strategy["items"] if i["id"] == "s1")
    assert (s1["n"], s1["min"], s1["max"], s1["disagreement"]) == (3, 0.0, 4.0, True)
    hr = next(a for a in result["areas"] if a["id"] == "hr")
    h1 = next(i for i in hr["items"] if i["id"] == "h1")
    assert (h1["n"], h1["mean"]) == (0, None)  # rated by two only: left out
    assert not any(word in out for word in ("A1", "A2", "Wer entscheidet"))


def test_three_answer_sets_report_the_group_without_anyone(mini_dir, tmp_path, capsys):
    path = _session_file(tmp_path, 3)
    pdf = tmp_path / "group.pdf"
    assert main(["report", str(path), "-o", str(pdf)]) == 0
    text = pdf_text(pdf.read_bytes())
    assert "3 Personen sind der Sitzung beigetreten, 3 haben ihre Antworten abgegeben" in text
    assert "Diskussionspunkte" in text and "Aussage S1" in text
    assert "Notiz der Gruppe: Leitbild im Team klären" in text
    assert "Streuung der Antworten" in text and "Konsens" in text
    assert "Anonym zu „Aussage S1“" in text
    assert not any(word in text for word in ("A1", "A2", "A3"))
