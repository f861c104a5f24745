"""What the pages do: calls into the core and the repository, plus widget callbacks."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pandas as pd
import streamlit as st

from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
from assessment.questionnaire import Questionnaire
from assessment.responses import (
    Organisation,
    PlanEntry,
    ResponseFile,
    ResponseFileError,
    dump_responses,
    parse_responses,
)
from assessment.roadmap import compute_plan
from assessment.scoring import ANSWER_COLUMNS, Scores, score_rounds
from assessment.storage import repository as repo
from assessment.ui.state import catalogue, engine

AREA_PARAM = "area"


def token_is_valid(token: str) -> bool:
    """Whether a token opens a round."""
    return repo.resolve_token(engine(), token) is not None


def create_round(q: Questionnaire, organisation: Organisation, label: str) -> str:
    """Create a self-check round; returns the respondent's private token."""
    new = repo.create_round(engine(), q, organisation, label, date.today())
    return new.respondent_token


def delete_organisation(organisation_id: int) -> None:
    """Delete the organisation with all its rounds and answers, and forget the link."""
    repo.delete_organisation(engine(), organisation_id)
    st.session_state.pop("token", None)
    st.query_params.clear()


def update_profile(round_id: int, organisation: Organisation, label: str) -> None:
    """Save the edited profile."""
    repo.update_profile(engine(), round_id, organisation, label)


def import_round(data: ResponseFile, q: Questionnaire) -> str:
    """Store an imported (already validated) round; returns the token that opens it."""
    new = repo.import_round(engine(), data, q)
    return new.respondent_token or new.admin_token


def open_demo() -> str:
    """Load a fresh copy of the demo round; returns the token of its first respondent."""
    q = catalogue()[DEMO_QUESTIONNAIRE]
    return import_round(demo_response(q), q)


# -- questionnaire ---------------------------------------------------------------------------


def area_step(count: int) -> int:
    """The current area index (0-based), kept in the URL so a reload stays on it."""
    try:
        step = int(st.query_params.get(AREA_PARAM, "1")) - 1
    except ValueError:
        step = 0
    return min(max(step, 0), count - 1)


def set_area_step(step: int) -> None:
    """Move to another area (button callback)."""
    st.query_params[AREA_PARAM] = str(step + 1)
    st.session_state["scroll_to_top"] = True


def respondent_state(respondent_id: int) -> tuple[dict[str, int | None], dict[str, str]]:
    """A respondent's stored answers and comments."""
    return (
        repo.respondent_answers(engine(), respondent_id),
        repo.respondent_comments(engine(), respondent_id),
    )


def save_answer_from_widget(respondent_id: int, item_id: str, key: str, na: int) -> None:
    """Radio callback: store the chosen value at once (N/A as NULL)."""
    value = st.session_state.get(key)
    if value is None:
        repo.clear_answer(engine(), respondent_id, item_id)
    else:
        repo.save_answer(engine(), respondent_id, item_id, None if value == na else int(value))


def save_comment_from_widget(respondent_id: int, item_id: str, key: str) -> None:
    """Comment callback: store the text at once."""
    repo.save_comment(engine(), respondent_id, item_id, st.session_state.get(key) or "")


# -- results and roadmap ---------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _scores(_q: Questionnaire, fingerprint: str, answers: tuple, targets: tuple) -> Scores:
    # Keyed by the questionnaire fingerprint and the round's own data: another user can only
    # hit this entry with exactly the same answers, so nothing private leaks.
    frame = pd.DataFrame(list(answers), columns=ANSWER_COLUMNS).astype({"value": "float64"})
    target_frame = pd.DataFrame(list(targets), columns=["round", "area", "target"])
    return score_rounds(frame, _q, target_frame, rounds=["current"])


def round_scores(round_id: int, q: Questionnaire) -> Scores:
    """Scores of a round from the database, cached by its content."""
    answers = repo.round_answers(engine(), round_id).assign(round="current")
    rows = tuple(answers[ANSWER_COLUMNS].itertuples(index=False, name=None))
    targets = tuple(
        ("current", a, v) for a, v in sorted(repo.get_targets(engine(), round_id).items())
    )
    return _scores(q, q.fingerprint, rows, targets)


def set_targets(round_id: int, targets: dict[str, float]) -> None:
    """Store the targets per area."""
    repo.set_targets(engine(), round_id, targets)


def current_plan(round_id: int, q: Questionnaire, scores: Scores, start: date) -> list[PlanEntry]:
    """The saved plan, or the suggestion computed from the scores."""
    saved = repo.load_plan(engine(), round_id)
    return saved if saved is not None else compute_plan(scores, q, start)


def save_plan(round_id: int, plan: list[PlanEntry]) -> None:
    """Store the edited plan."""
    repo.save_plan(engine(), round_id, plan)


def reset_plan(round_id: int) -> None:
    """Forget the saved plan so the suggestion is shown again."""
    repo.clear_plan(engine(), round_id)


def export_round(round_id: int) -> ResponseFile:
    """The round as a response file."""
    return repo.export_round(engine(), round_id)


def save_targets_from_widgets(round_id: int, area_ids: list[str]) -> None:
    """Target inputs callback: store all areas' targets at once."""
    targets = {
        area: float(st.session_state[f"target_{round_id}_{area}"])
        for area in area_ids
        if f"target_{round_id}_{area}" in st.session_state
    }
    repo.set_targets(engine(), round_id, targets)


def area_table(q: Questionnaire, scores: Scores, lang: str) -> pd.DataFrame:
    """The area overview as a display table with translated headers."""
    from assessment.i18n import t

    stage_names = {s.id: s.name(lang) for s in q.stages}
    areas = scores.areas
    return pd.DataFrame(
        {
            t("r_area", lang): [q.dimensions_by_id[a].title(lang) for a in areas["area"]],
            t("r_score", lang): areas["score"].round(1),
            t("r_stage", lang): [stage_names.get(s, "–") for s in areas["stage"]],
            t("r_coverage", lang): (areas["coverage"] * 100).round(0).astype(int).astype(str)
            + " %",
            t("r_target", lang): areas["target"].round(1),
            t("r_gap", lang): areas["gap"].round(1),
            t("r_incomplete", lang): areas["incomplete"],
        }
    )


class ImportRejected(Exception):
    """An uploaded response file that was rejected as a whole; `lines` says why."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def parse_upload(content: bytes, name: str) -> tuple[ResponseFile, Questionnaire]:
    """Validate an uploaded response file against the shipped questionnaires."""
    try:
        return parse_responses(content, catalogue(), name)
    except ResponseFileError as exc:
        raise ImportRejected(exc.lines()) from None


def file_slug(name: str) -> str:
    """A safe, short file-name part from an organisation name."""
    slug = re.sub(
        r"[^a-z0-9]+",
        "-",
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower(),
    )
    return slug.strip("-")[:40] or "vielfaltskompass"


def export_json(round_id: int) -> str:
    """The round as response-file JSON (built on click)."""
    return dump_responses(export_round(round_id))


def report_pdf(round_id: int, q: Questionnaire, lang: str) -> bytes:
    """The PDF roadmap of the round (built on click, never on a rerun)."""
    from assessment.report import build_report  # heavy: imported only when a report is asked for

    return build_report(export_round(round_id), q, lang=lang)


def scores_csv(q: Questionnaire, scores: Scores, lang: str) -> str:
    """The area overview as CSV (semicolon-separated, as German spreadsheets expect)."""
    return area_table(q, scores, lang).to_csv(sep=";", index=False, decimal=",")
