"""Command line export and import: links in, files out, refusals in one line with exit 2."""

from __future__ import annotations

import json

import pytest

from assessment.cli import main
from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation, dump_responses
from assessment.services import rounds
from assessment.storage import engine as storage_engine


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("VIELFALTSKOMPASS_DB_URL", url)
    engine = storage_engine.make_engine(url)
    yield engine
    engine.dispose()


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_a_round_by_its_link_and_an_organisation_by_its_own(db, tmp_path, capsys):
    import datetime as dt

    q = load_catalogue()[("kmu", "1.0")]
    started = rounds.start_self_check(
        db, q, Organisation(name="Café Ünal"), "2026", dt.date.today()
    )
    out = tmp_path / "round.json"
    link = f"http://localhost:8501/questionnaire?t={started.respondent_token}&lang=en"
    assert _run(capsys, "export", link, "-o", str(out))[0] == 0
    assert json.loads(out.read_text())["round"]["label"] == "2026"
    whole = tmp_path / "org.json"
    assert _run(capsys, "export", started.owner_token, "-o", str(whole))[0] == 0
    bundle = json.loads(whole.read_text())
    assert bundle["format"] == "vielfaltskompass.organisation/1"
    assert [r["round"]["label"] for r in bundle["rounds"]] == ["2026"]


def test_export_of_an_unknown_link_exits_2_and_writes_nothing(db, tmp_path, capsys):
    out = tmp_path / "x.json"
    code, _, err = _run(capsys, "export", "nope", "-o", str(out))
    assert code == 2 and err.count("\n") == 1 and "opens nothing" in err
    assert not out.exists()


def test_import_prints_links_and_refuses_the_same_file_twice(db, tmp_path, capsys):
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    data = demo_response(q).model_copy(
        update={"round": demo_response(q).round.model_copy(update={"id": None})}
    )
    exported = tmp_path / "demo.json"
    exported.write_text(dump_responses(data))
    code, out, _ = _run(capsys, "import", str(exported))
    assert code == 0 and "facilitator link: http://localhost:8501/results?t=" in out
    assert "organisation link:" in out
    links = [line.split(": ", 1)[1] for line in out.splitlines() if " link: " in line]
    assert links and all(link.endswith("&lang=de") for link in links)
    link = out.split("facilitator link: ")[1].split()[0]  # a token may start with "-"
    again = tmp_path / "again.json"
    assert _run(capsys, "export", link, "-o", str(again))[0] == 0
    code, _, err = _run(capsys, "import", str(again))
    assert code == 2 and "imported before" in err and err.count("\n") == 1
    changed = json.loads(again.read_text())
    changed["round"]["label"] = "Geändert"
    again.write_text(json.dumps(changed))
    code, _, err = _run(capsys, "import", str(again))
    assert code == 2 and "--as-new" in err
    assert _run(capsys, "import", str(again), "--as-new")[0] == 0


def test_import_of_a_broken_file_exits_2_with_one_line(db, tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    code, out, err = _run(capsys, "import", str(broken))
    assert code == 2 and out == "" and err.count("\n") == 1 and "broken.json" in err


def test_import_prints_the_links_in_the_language_asked_for(db, tmp_path, capsys):
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    data = demo_response(q).model_copy(
        update={"round": demo_response(q).round.model_copy(update={"id": None})}
    )
    exported = tmp_path / "demo.json"
    exported.write_text(dump_responses(data))
    code, out, _ = _run(
        capsys, "import", str(exported), "--lang", "en", "--base-url", "https://k.de/"
    )
    links = [line.split(": ", 1)[1] for line in out.splitlines() if " link: " in line]
    assert code == 0 and len(links) == 2  # a session: facilitator and organisation link
    assert links[0].startswith("https://k.de/results?t=") and links[0].endswith("&lang=en")
    assert links[1].startswith("https://k.de/profile?t=") and links[1].endswith("&lang=en")
