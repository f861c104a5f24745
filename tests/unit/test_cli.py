"""Command line: validate, score, exit codes, clean error messages, documented commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assessment.cli import COMMANDS, main
from assessment.questionnaire import (
    QUESTIONNAIRE_DIR,
    QUESTIONNAIRE_DIR_ENV,
    load_catalogue,
    load_questionnaire,
)
from assessment.responses import read_responses
from tests.conftest import FIXTURES, MINI, ROOT, run_cli

HAND_EXAMPLE = FIXTURES / "hand_example.json"
BROKEN = FIXTURES / "broken"
SHIPPED = ["kmu.yaml", "verwaltung.yaml"]


# --- validate ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SHIPPED)
def test_validate_shipped_file(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = QUESTIONNAIRE_DIR / name
    if not path.exists():
        pytest.skip(f"{name} is not there yet (test_catalogue asserts that it exists)")
    q = load_questionnaire(path)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"{path}: ok ({q.id} {q.version}, {len(q.items_by_id)} items, {len(q.measures)} measures)\n"
    )


def test_validate_without_arguments_checks_the_folder(
    mini_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate"]) == 0
    assert (
        capsys.readouterr().out
        == f"{mini_dir / 'mini.yaml'}: ok (mini 1.0, 10 items, 6 measures)\n"
    )


def test_validate_empty_folder_is_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(QUESTIONNAIRE_DIR_ENV, str(tmp_path))
    assert main(["validate"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "error: no questionnaire files found\n"


BROKEN_EXPECTED = {
    "invalid_yaml.yaml": [
        "line 4, column 15: invalid YAML: mapping values are not allowed here",
    ],
    "two_problems.yaml": [
        "dimensions.0.items.1.weight: Input should be greater than 0",
        "measures.3.title.en: Field required",
    ],
    "unknown_item.yaml": [
        "measures.2.items: unknown item 'h9'",
    ],
}


def test_every_broken_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(BROKEN_EXPECTED)


@pytest.mark.parametrize("name", sorted(BROKEN_EXPECTED))
def test_validate_broken_file(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / name
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"{path}: {line}" for line in BROKEN_EXPECTED[name]]
    assert captured.err == ""


def test_validate_reports_good_and_broken_files_together() -> None:
    result = run_cli(
        "validate", "tests/fixtures/mini.yaml", "tests/fixtures/broken/unknown_item.yaml"
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "tests/fixtures/mini.yaml: ok (mini 1.0, 10 items, 6 measures)",
        "tests/fixtures/broken/unknown_item.yaml: measures.2.items: unknown item 'h9'",
    ]
    assert result.stderr == ""


def test_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gone.yaml"
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}: (top): cannot read file: [Errno 2] No such file or directory: '{path}'\n"
    )


# --- score ---------------------------------------------------------------------------------------


def test_score_json_shape(mini_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(HAND_EXAMPLE)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"questionnaire", "overall", "respondents", "areas"}
    assert result["questionnaire"] == {"id": "mini", "version": "1.0"}
    assert set(result["overall"]) == {
        "score", "stage", "coverage", "provisional", "rated_items", "items"
    }  # fmt: skip
    assert [a["id"] for a in result["areas"]] == [
        "strategy", "hr", "training", "services", "networking"
    ]  # fmt: skip
    area_keys = {
        "id", "score", "rated", "stage", "coverage", "incomplete", "target", "gap", "items"
    }  # fmt: skip
    item_keys = {"id", "mean", "n", "min", "max", "sd", "disagreement"}
    for area in result["areas"]:
        assert set(area) == area_keys
        assert isinstance(area["incomplete"], bool)
        assert isinstance(area["coverage"], float)
        assert len(area["items"]) == 2
        for item in area["items"]:
            assert set(item) == item_keys
            assert isinstance(item["n"], int)
            assert isinstance(item["disagreement"], bool)


def test_score_table_is_readable(mini_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(HAND_EXAMPLE), "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7  # header, five areas, overall
    assert lines[0].startswith("Bereich")
    assert "Organisation und Strategie" in lines[1]
    assert "(unvollständig)" in lines[5]
    assert lines[6].startswith("Gesamt")
    # the score column sits under its header, right-aligned, in every row
    assert lines[0][33:39] == "  Wert"
    assert [line[33:39] for line in lines[1:]] == [
        "  46,9", "  16,7", "  91,7", "  50,0", "     –", "  50,4"
    ]  # fmt: skip


def test_score_with_a_shipped_questionnaire(tmp_path: Path) -> None:
    path = QUESTIONNAIRE_DIR / "kmu.yaml"
    if not path.exists():
        pytest.skip("kmu.yaml is not there yet (test_catalogue asserts that it exists)")
    q = load_questionnaire(path)
    items = list(q.items_by_id)
    answers = {item: n % (q.scale_max + 1) for n, item in enumerate(items)}
    answers[items[0]] = None
    raw = {
        "questionnaire": {"id": q.id, "version": q.version},
        "organisation": {"name": "Tischlerei Yılmaz"},
        "round": {"label": "2025", "date": "2025-06-01"},
        "respondents": [{"id": "owner", "answers": answers}],
    }
    file = tmp_path / "kmu.json"
    file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    result = run_cli("score", str(file))
    assert result.returncode == 0, result.stderr
    scored = json.loads(result.stdout)
    assert scored["questionnaire"] == {"id": q.id, "version": q.version}
    assert sum(len(a["items"]) for a in scored["areas"]) == len(items)
    assert scored["overall"]["score"] is not None


def test_demo_writes_a_valid_response_file(tmp_path: Path) -> None:
    if not (QUESTIONNAIRE_DIR / "kmu.yaml").exists():
        pytest.skip("kmu.yaml is not there yet (test_catalogue asserts that it exists)")
    out = tmp_path / "demo.json"
    result = run_cli("demo", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {out}\n"
    data, q = read_responses(out, load_catalogue())
    assert (q.id, q.version) == ("kmu", "1.0")
    assert len(data.respondents) >= 3
    scored = run_cli("score", str(out))
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["respondents"] == len(data.respondents)


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def _hand_example_with(**changes: object) -> str:
    raw = json.loads(HAND_EXAMPLE.read_text(encoding="utf-8"))
    raw.update(changes)
    return json.dumps(raw, ensure_ascii=False)


BAD_INPUT = [
    pytest.param(None, "$: cannot read file: No such file or directory", id="missing-file"),
    pytest.param(
        '{"format": "vielfaltskompass.responses/1",\n  "questionnaire": }',
        "line 2, column 20: invalid JSON: Expecting value",
        id="invalid-json",
    ),
    pytest.param(
        _hand_example_with(targets={"hr": 140}),
        "$.targets.hr: Input should be less than or equal to 100",
        id="schema-violation",
    ),
    pytest.param(
        _hand_example_with(questionnaire={"id": "mini", "version": "9.9"}),
        "$.questionnaire: questionnaire mini 9.9 is not available (mini 1.0)",
        id="unknown-questionnaire",
    ),
    pytest.param(
        "[1, 2, 3]",
        "$: Input should be a valid dictionary or instance of ResponseFile",
        id="not-an-object",
    ),
    pytest.param(
        _hand_example_with().encode("cp1252"),
        "$: not UTF-8 text",
        id="not-utf8",
    ),
    pytest.param("[" * 200_000, "$: nested more than 20 levels deep", id="deep-unclosed-array"),
    pytest.param(
        '{"a": ' * 21 + "1" + "}" * 21, "$: nested more than 20 levels deep", id="deep-object"
    ),
    pytest.param(
        " " * (5 * 1024 * 1024 + 1) + "{}",
        "$: larger than 5 MB (5,242,883 bytes)",
        id="too-large",
    ),
]


@pytest.mark.parametrize(("content", "message"), BAD_INPUT)
def test_score_bad_input(tmp_path: Path, content: str | bytes | None, message: str) -> None:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    path = (
        str(tmp_path / "missing.json")
        if content is None
        else _write(tmp_path, "round.json", content)
    )
    result = run_cli("score", path, questionnaires=folder)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr == f"error: {path}: {message}\n"


def test_score_with_a_broken_questionnaire_folder(tmp_path: Path) -> None:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    shutil.copy(BROKEN / "unknown_item.yaml", folder / "other.yaml")
    result = run_cli("score", str(HAND_EXAMPLE), questionnaires=folder)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr == f"error: {folder / 'other.yaml'}: measures.2.items: unknown item 'h9'\n"


@pytest.mark.parametrize(
    "args", [[], ["frobnicate"], ["score"], ["score", "x.json", "--format", "xml"]]
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("usage: python -m assessment")


# --- documentation -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_documented(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"python -m assessment {command}" in readme


def test_demo_output_into_a_missing_folder_exits_2(tmp_path, capsys):
    from assessment.cli import main

    target = tmp_path / "nowhere" / "demo.json"
    assert main(["demo", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {target}: cannot write:") and "Traceback" not in err
    assert not target.parent.exists()


def test_validate_deeply_nested_yaml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "deep.yaml", "[" * 200_000)
    result = run_cli("validate", path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{path}: (top): nested more than 20 levels deep" in result.stdout + result.stderr


def test_demo_stored_prints_a_link_that_opens_its_results(tmp_path, monkeypatch, capsys):
    from assessment.services import access
    from assessment.storage import engine

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("VIELFALTSKOMPASS_DB_URL", url)
    assert main(["demo"]) == 0
    link = capsys.readouterr().out.splitlines()[-1]
    token = link.split("/results?t=", 1)[1]
    visitor = access.resolve(engine.get_engine(url), token)
    assert visitor is not None and visitor.may("results")
