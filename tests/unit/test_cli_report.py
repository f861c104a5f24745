"""`python -m assessment report`: writes the PDF, or exits 2 with one message and no file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from assessment import cli
from assessment.cli import EXIT_BAD_INPUT, main
from tests.conftest import FIXTURES, pdf_text, run_cli

ROUND = FIXTURES / "report" / "mini_round.json"
PREVIOUS = FIXTURES / "report" / "mini_previous.json"


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def text_of(path: Path) -> str:
    return pdf_text(path.read_bytes())


def test_report_writes_the_pdf(
    mini_dir: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out_dir / "roadmap.pdf"
    assert main(["report", str(ROUND), "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote {target}\n"
    text = text_of(target)
    assert "Stadtwerke Lindenau GmbH" in text and "Zusammenfassung" in text
    assert sorted(p.name for p in out_dir.iterdir()) == ["roadmap.pdf"]
    assert target.stat().st_mode & 0o044  # readable like any other file, not 0600


def test_report_in_english(mini_dir: Path, out_dir: Path) -> None:
    target = out_dir / "roadmap-en.pdf"
    assert main(["report", str(ROUND), "-o", str(target), "--lang", "en"]) == 0
    text = text_of(target)
    assert "Summary" in text and "Results by area" in text and "Method" in text


def test_report_with_a_previous_round(mini_dir: Path, out_dir: Path) -> None:
    target = out_dir / "roadmap.pdf"
    assert main(["report", str(ROUND), "-o", str(target), "--previous", str(PREVIOUS)]) == 0
    text = text_of(target)
    assert "Selbstcheck Herbst 2025" in text and "Vorrunde" in text


def test_bad_json_exits_2_and_writes_nothing(
    mini_dir: Path, out_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "vielfaltskompass.responses/1",', encoding="utf-8")
    target = out_dir / "roadmap.pdf"
    assert main(["report", str(bad), "-o", str(target)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}: line 1, column") and "invalid JSON" in err
    assert "Traceback" not in err
    assert list(out_dir.iterdir()) == []


def test_unknown_questionnaire_exits_2(
    mini_dir: Path, out_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.json"
    other.write_text(
        ROUND.read_text(encoding="utf-8").replace('"id": "mini"', '"id": "gibtsnicht"'),
        encoding="utf-8",
    )
    target = out_dir / "roadmap.pdf"
    assert main(["report", str(other), "-o", str(target)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"{other}: $.questionnaire: questionnaire gibtsnicht 1.0 is not available" in err
    assert list(out_dir.iterdir()) == []


def test_bad_previous_file_exits_2_and_writes_nothing(
    mini_dir: Path, out_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = tmp_path / "earlier.json"
    earlier.write_text(
        PREVIOUS.read_text(encoding="utf-8").replace('"s1": 2', '"s1": 9'), encoding="utf-8"
    )
    target = out_dir / "roadmap.pdf"
    code = main(["report", str(ROUND), "-o", str(target), "--previous", str(earlier)])
    assert code == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"{earlier}: $.respondents[0].answers.s1: value 9 is off the scale 0..4" in err
    assert list(out_dir.iterdir()) == []


def test_previous_round_of_another_questionnaire_version_is_refused(
    mini_dir: Path, out_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = (mini_dir / "mini.yaml").read_text(encoding="utf-8")
    (mini_dir / "mini2.yaml").write_text(
        newer.replace('version: "1.0"', 'version: "2.0"'), encoding="utf-8"
    )
    earlier = tmp_path / "earlier.json"
    earlier.write_text(
        PREVIOUS.read_text(encoding="utf-8").replace('"version": "1.0"', '"version": "2.0"'),
        encoding="utf-8",
    )
    target = out_dir / "roadmap.pdf"
    code = main(["report", str(ROUND), "-o", str(target), "--previous", str(earlier)])
    assert code == EXIT_BAD_INPUT
    assert "answered with mini 2.0, this round with mini 1.0" in capsys.readouterr().err
    assert list(out_dir.iterdir()) == []


def test_missing_output_folder_exits_2(
    mini_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "roadmap.pdf"
    assert main(["report", str(ROUND), "-o", str(target)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err.startswith(f"error: {target}: cannot write:")
    assert not target.parent.exists()


def test_a_failed_write_leaves_neither_a_partial_file_nor_a_temp_file(
    mini_dir: Path,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = out_dir / "roadmap.pdf"
    target.write_bytes(b"the earlier roadmap")

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", disk_full)
    assert main(["report", str(ROUND), "-o", str(target)]) == EXIT_BAD_INPUT
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_bytes() == b"the earlier roadmap"
    assert sorted(p.name for p in out_dir.iterdir()) == ["roadmap.pdf"]


def test_report_in_a_child_process_prints_no_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(FIXTURES / "mini.yaml", folder / "mini.yaml")
    target = tmp_path / "roadmap.pdf"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("report", *args, questionnaires=folder)

    ok = run(str(ROUND), "-o", str(target), "--lang", "en")
    assert ok.returncode == 0, ok.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    missing = run(str(tmp_path / "missing.json"), "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == EXIT_BAD_INPUT
    assert missing.stderr.count("\n") == 1 and "cannot read file" in missing.stderr
    assert not (tmp_path / "x.pdf").exists()
