"""The results page of a thinly answered round: provisional, unrated areas, nothing rated."""

from __future__ import annotations

import pytest

from assessment.questionnaire import load_catalogue
from assessment.storage import repository as repo
from tests.app.conftest import open_app
from tests.conftest import all_na_self_check, sparse_self_check


@pytest.fixture(scope="module")
def sme():
    return load_catalogue()[("kmu", "1.0")]


def _shown(at) -> str:
    """Every text the page shows (markdown, captions, alerts, metrics, expander labels)."""
    parts = [e.value for e in (*at.markdown, *at.caption, *at.warning, *at.info, *at.success)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def test_two_of_forty_rated_is_provisional_without_the_stage_praise(engine, sme):
    token = repo.import_round(engine, sparse_self_check(sme), sme).admin_token
    at = open_app(token, "results.py")
    assert not at.exception, at.exception
    shown = _shown(at)
    assert "vorläufig: 2 von 40 Aussagen bewertet" in shown
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Stufe"] == "Verankert (vorläufig)"
    assert metrics["Bewertete Aussagen"] == "2 / 40"
    top = sme.stages[-1].description("de")
    assert top not in shown  # the top stage's praise is not given for two answers
    titles = [d.title("de") for d in sme.dimensions]
    assert f"{titles[0]} · nicht bewertet" in shown  # all "not applicable": not "0 needing…"
    assert f"{titles[2]} · nicht bewertet" in shown  # blank
    unrated = [t for n, t in enumerate(titles) if n != 1]  # all but HR
    (incomplete,) = [w.value for w in at.warning if "Weniger als die Hälfte" in w.value]
    assert titles[1] in incomplete  # HR: 2 of 10 statements
    assert not any(t in incomplete for t in unrated)  # no value there to call incomplete
    assert not any(f"{t} · 0 mit Handlungsbedarf" in shown for t in unrated)


def test_all_not_applicable_says_no_statement_rated(engine, sme):
    token = repo.import_round(engine, all_na_self_check(sme), sme).admin_token
    for lang, said, never in (
        ("de", "Keine Aussage bewertet", "Noch keine Antworten"),
        ("en", "No statement rated", "No answers yet"),
    ):
        at = open_app(token, "results.py", lang)
        assert not at.exception, at.exception
        shown = _shown(at)
        assert said in shown and never not in shown


def test_a_round_without_answers_says_so(engine, sme):
    empty = all_na_self_check(sme).model_copy(update={"respondents": []})
    token = repo.import_round(engine, empty, sme).admin_token
    at = open_app(token, "results.py")
    assert not at.exception, at.exception
    assert "Noch keine Antworten" in _shown(at)
