"""The comparison page, the results page's link to it, and deleting an organisation."""

from __future__ import annotations

import datetime as dt

from assessment.demo import DEMO_QUESTIONNAIRE
from assessment.questionnaire import load_catalogue
from assessment.responses import Organisation, PlanEntry
from assessment.services import access, answering, next_round, planning, rounds
from tests.app.conftest import open_app

ORG = Organisation(name="Stadtverwaltung Zittau", kind="Kommune", sector="Verwaltung")


def _answer_all(engine, token, q, value):
    me = access.resolve(engine, token)
    for item in q.items_by_id:
        answering.save_answer(engine, me, item, value)


def _rounds(engine, values=(1, 3)):
    """One self-check a year for each value (every statement answered with it); the first
    round's plan has its first measure done. Returns the questionnaire, the first round's
    links and the respondent tokens, oldest first."""
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    started = rounds.start_self_check(engine, q, ORG, "Check 2025", dt.date(2025, 3, 1))
    _answer_all(engine, started.respondent_token, q, values[0])
    measure = q.measures[0]
    planning.save_plan(
        engine,
        access.resolve(engine, started.admin_token),
        [PlanEntry(measure=measure.id, area=measure.dimension, phase="0-3", status="done")],
        None,
    )
    tokens = [started.respondent_token]
    owner = access.resolve(engine, started.owner_token)
    for n, value in enumerate(values[1:], start=1):
        year = 2025 + n
        new = next_round.start_next_round(engine, owner, q, f"Check {year}", dt.date(year, 3, 2))
        _answer_all(engine, new.respondent_token, q, value)
        tokens.append(new.respondent_token)
    return q, started, tokens


def _subheaders(at) -> list[str]:
    return [s.value for s in at.subheader]


def test_the_comparison_page_shows_overlay_deltas_done_measures_and_items(engine):
    q, started, _ = _rounds(engine)
    at = open_app(started.owner_token, "comparison.py")
    assert not at.exception, at.exception
    assert at.title[0].value == "Runden vergleichen"
    later, earlier = at.selectbox(key="cmp_later"), at.selectbox(key="cmp_earlier")
    assert later.options == ["Check 2026 · 02.03.2026", "Check 2025 · 01.03.2025"]
    assert (later.index, earlier.index) == (0, 1), "default: the newest and the one before"
    assert _subheaders(at) == [
        "Profil im Vergleich",
        "Was wir getan haben, was sich verändert hat",
        "Aussagen mit der größten Veränderung",
        "Entwicklung je Handlungsfeld",
    ]
    deltas = at.dataframe[0].value
    assert deltas["Handlungsfeld"].tolist() == [d.title("de") for d in q.dimensions]
    assert deltas["Veränderung (Punkte)"].tolist() == ["+50,0"] * len(q.dimensions)
    done = q.measures[0]
    row = deltas["Handlungsfeld"].tolist().index(q.dimensions_by_id[done.dimension].title("de"))
    assert deltas["Erledigte Maßnahmen"][row] == done.title("de")
    assert at.metric[0].value == "75 / 100" and at.metric[0].delta == "50,0 Punkte"
    assert at.metric[2].value == "1", "one measure completed in between"
    assert len(at.get("vega_lite_chart")) == 1, "the radar overlay; no trend with two rounds"
    radar = at.get("vega_lite_chart")[0].proto.spec
    assert "Vorrunde" in radar and "Ziel" in radar
    improved = at.dataframe[1].value
    assert len(improved) == 5 and set(improved["Veränderung (Punkte)"]) == {"+50,0"}
    assert at.caption[-1].value.startswith("Die Entwicklungslinien erscheinen ab 3 Runden")
    assert "Keine Aussage ist zurückgegangen." in [c.value for c in at.caption]


def test_three_rounds_draw_a_trend_per_area_and_any_two_compare(engine):
    q, started, _ = _rounds(engine, values=(1, 3, 2))
    at = open_app(started.owner_token, "comparison.py")
    assert not at.exception, at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1 + len(q.dimensions), "the radar and one trend chart per area"
    assert at.dataframe[0].value["Richtung"].tolist() == ["↓ zurückgegangen"] * len(q.dimensions)
    assert at.caption[0].value.startswith("„Check 2027“ im Vergleich mit „Check 2026“")
    at.selectbox(key="cmp_earlier").select_index(2).run()
    assert not at.exception, at.exception
    assert at.dataframe[0].value["Veränderung (Punkte)"].tolist() == ["+25,0"] * len(q.dimensions)
    at.selectbox(key="cmp_earlier").select_index(0).run()
    assert at.warning[0].value.startswith("Wählen Sie zwei verschiedene Runden")


def test_a_self_check_results_page_draws_the_previous_round_and_links_the_comparison(engine):
    _, started, tokens = _rounds(engine)
    at = open_app(tokens[1], "results.py")
    assert not at.exception, at.exception
    assert any(
        c.value.startswith("Im Profil gepunktet eingezeichnet: die Vorrunde „Check 2025“")
        and c.value.endswith("Veränderung des Gesamtwerts: +50,0 Punkte.")
        for c in at.caption
    )
    assert "Vorrunde" in at.get("vega_lite_chart")[0].proto.spec
    links = [link.proto.label for link in at.get("page_link")]
    assert "Runden im Detail vergleichen" in links
    first = open_app(tokens[0], "results.py")
    assert "Vorrunde" not in first.get("vega_lite_chart")[0].proto.spec
    assert "Runden im Detail vergleichen" not in [x.proto.label for x in first.get("page_link")]
    at.switch_page("assessment/ui/pages/comparison.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="cmp_later").index == 0
    labels = [b.label for b in at.button]
    assert "Ergebnisse von „Check 2026“ öffnen" not in labels, "a self-check opens no other round"
    owner = open_app(started.owner_token, "comparison.py")
    next(b for b in owner.button if b.label == "Ergebnisse von „Check 2026“ öffnen").click().run()
    assert not owner.exception, owner.exception
    assert owner.title[0].value == "Ergebnisse"


def test_the_comparison_page_needs_a_link_and_two_scored_rounds(engine):
    at = open_app(None, "comparison.py")
    assert at.info[0].value.startswith("Diese Seite öffnet sich mit dem Organisationslink")
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    started = rounds.start_self_check(engine, q, ORG, "Check 2025", dt.date(2025, 3, 1))
    at = open_app(started.owner_token, "comparison.py")
    assert not at.exception, at.exception
    assert at.info[0].value.startswith("Zum Vergleichen braucht es zwei Runden mit Ergebnis")


def test_deleting_the_organisation_names_what_goes_and_the_link_opens_nothing_after(engine):
    _, started, tokens = _rounds(engine)
    at = open_app(started.owner_token, "organisation.py")
    assert not at.exception, at.exception
    what = next(m.value for m in at.markdown if m.value.startswith("Endgültig gelöscht"))
    assert "**2** Runden, **0** Einheiten" in what and "**2** Antwortende" in what
    assert "**2** Maßnahmenpläne" in what
    button = next(b for b in at.button if b.label == "Endgültig löschen")
    assert button.disabled, "only after the organisation's name is typed"
    at.text_input(key="d_confirm").input("Stadtverwaltung").run()
    assert next(b for b in at.button if b.label == "Endgültig löschen").disabled
    at.text_input(key="d_confirm").input("Stadtverwaltung Zittau").run()
    next(b for b in at.button if b.label == "Endgültig löschen").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Die Organisation und alle ihre Daten sind gelöscht")
    assert "t" not in at.query_params
    for token in (started.owner_token, started.admin_token, *tokens):
        assert access.resolve(engine, token) is None
    again = open_app(started.owner_token, "organisation.py")
    assert again.info[0].value.startswith("Diese Seite öffnet sich mit dem Organisationslink")
    results = open_app(tokens[1], "results.py")
    assert results.info[0].value == "Dieser Link ist ungültig oder der Check wurde gelöscht."


def test_the_comparison_page_in_english(engine):
    _, started, _ = _rounds(engine)
    at = open_app(started.owner_token, "comparison.py", lang="en")
    assert not at.exception, at.exception
    assert at.title[0].value == "Compare rounds"
    assert _subheaders(at)[:2] == ["Profiles compared", "What we did, what changed"]
    assert at.dataframe[0].value["Change (points)"].tolist()[0] == "+50.0"
    assert at.metric[0].delta == "50.0 points"
