"""The editable roadmap table: plan -> table -> plan, with the edits a user makes."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from assessment.questionnaire import load_questionnaire
from assessment.responses import PlanEntry
from assessment.ui.plan_table import frame_to_plan, plan_to_frame
from tests.conftest import MINI


@pytest.fixture(scope="module")
def q():
    return load_questionnaire(MINI)


PLAN = [
    PlanEntry(measure="m_strategy", area="strategy", phase="0-3", priority=50.0,
              due=date(2027, 1, 1)),
    PlanEntry(title="Eigene Maßnahme: Sprachcafé", area="hr", phase="6-12", owner="Frau Aydın",
              status="in_progress", note="mit der VHS"),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "en"])
def test_round_trip_keeps_every_field(q, lang):
    frame = plan_to_frame(PLAN, q, lang)
    assert list(frame["title"]) == [
        "Maßnahme Strategie" if lang == "de" else "Strategy measure",
        "Eigene Maßnahme: Sprachcafé",
    ]
    assert frame_to_plan(frame, q, lang) == PLAN


def test_edits_additions_and_deletions(q):
    frame = plan_to_frame(PLAN, q, "de")
    frame.loc[0, "owner"] = "Geschäftsführung"
    frame.loc[0, "status"] = "erledigt"
    frame = frame.drop(index=1)
    added = {"title": "Vielfaltstag im Betrieb", "area": "Kooperation und Vernetzung",
             "phase": "3–6 Monate", "status": "offen"}  # fmt: skip
    frame = pd.concat([frame, pd.DataFrame([added])], ignore_index=True)
    frame = pd.concat([frame, pd.DataFrame([{"title": "  "}])], ignore_index=True)  # blank row

    plan = frame_to_plan(frame, q, "de")
    assert [e.owner for e in plan] == ["Geschäftsführung", ""]
    assert plan[0].status == "done" and plan[0].measure == "m_strategy" and plan[0].title == ""
    assert plan[1] == PlanEntry(title="Vielfaltstag im Betrieb", area="networking", phase="3-6")


def test_renamed_catalogue_measure_keeps_its_id_and_own_title(q):
    frame = plan_to_frame(PLAN, q, "de")
    frame.loc[0, "title"] = "Leitbild-Workshop mit dem ganzen Team"
    plan = frame_to_plan(frame, q, "de")
    assert plan[0].measure == "m_strategy"
    assert plan[0].title == "Leitbild-Workshop mit dem ganzen Team"


def test_own_row_without_area_falls_back_to_first_area(q):
    frame = pd.DataFrame([{"title": "Neue Idee"}])
    plan = frame_to_plan(frame, q, "de")
    assert plan == [PlanEntry(title="Neue Idee", area="strategy", phase="0-3")]


def test_catalogue_measure_moved_to_another_area_becomes_own_measure(q):
    frame = plan_to_frame(PLAN, q, "de")
    frame.loc[0, "area"] = "Personalentwicklung"
    plan = frame_to_plan(frame, q, "de")
    assert plan[0].measure is None
    assert plan[0].title == "Maßnahme Strategie"
    assert plan[0].area == "hr"


def test_empty_plan_keeps_typed_columns_and_dates_typed_as_text(q):
    frame = plan_to_frame([], q, "de")
    assert list(frame.columns)[:3] == ["measure", "title", "area"] and frame.empty
    # The editor hands a new row's date back as text when its column had no type.
    added = pd.DataFrame([{"title": "Sprachcafé", "due": "2027-03-01"}])
    plan = frame_to_plan(pd.concat([frame, added], ignore_index=True), q, "de")
    assert plan == [
        PlanEntry(title="Sprachcafé", area="strategy", phase="0-3", due=date(2027, 3, 1))
    ]
