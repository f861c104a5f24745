"""What the screen shows against what the database holds, statement by statement."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from sqlalchemy import Engine, text

from assessment.questionnaire import Questionnaire
from assessment.responses import Organisation
from assessment.storage import engine as storage_engine
from assessment.storage import repository as repo
from assessment.storage.tokens import hash_token

#: The radio's options in display order: the scale values 0..4, then "don't know", then "not
#: applicable".
DONT_KNOW_INDEX = 5
NOT_APPLICABLE_INDEX = 6

#: Every answer radio on the page with its checked option, and the items marked "not saved".
SCREEN_STATE = """
() => {
  const itemOf = (element, prefix) => {
    const name = [...element.classList].find((c) => c.startsWith(prefix));
    return name.slice(prefix.length).replace(/__r\\d+$/, "");
  };
  const shown = {};
  for (const element of document.querySelectorAll('[class*="st-key-answer_"]')) {
    const checked = element.querySelector('input[type="radio"]:checked');
    shown[itemOf(element, "st-key-answer_")] = checked ? Number(checked.value) : null;
  }
  const unsaved = [...document.querySelectorAll('[class*="st-key-unsaved_"]')].map(
    (element) => itemOf(element, "st-key-unsaved_")
  );
  const tracebacks = document.querySelectorAll('[data-testid="stException"]').length;
  return { shown, unsaved, tracebacks };
}
"""


def new_round(db_url: str, q: Questionnaire, name: str) -> str:
    """Store a fresh self-check in the server's database; returns the respondent's token."""
    new = repo.create_round(_engine(db_url), q, Organisation(name=name), "Runde 1", dt.date.today())
    return new.respondent_token


def stored_rows(db_url: str, token: str) -> list[tuple[str, int | None, object, bool]]:
    """The respondent's given answers as (item, value, updated_at, not applicable), straight from
    the database."""
    query = text(
        "SELECT a.item_id, a.value, a.updated_at, a.not_applicable FROM answer a "
        "JOIN respondent p ON p.id = a.respondent_id WHERE p.token_hash = :digest AND a.answered"
    )
    with _engine(db_url).connect() as conn:
        return [tuple(row) for row in conn.execute(query, {"digest": hash_token(token)})]


def stored_answers(db_url: str, token: str) -> dict[str, int]:
    """The respondent's stored answers as option indexes; unanswered items are absent."""
    return {
        item: NOT_APPLICABLE_INDEX if na else DONT_KNOW_INDEX if value is None else int(value)
        for item, value, _, na in stored_rows(db_url, token)
    }


@functools.cache
def _engine(db_url: str) -> Engine:
    return storage_engine.make_engine(db_url)


@dataclass
class Comparison:
    """The outcome of comparing one page's statements with the database."""

    compared: int = 0
    #: Statements whose selected option is not what the database holds (and not marked unsaved).
    lost: list[str] = field(default_factory=list)
    #: Statements the page marks as "not saved".
    unsaved: list[str] = field(default_factory=list)
    tracebacks: int = 0

    def summary(self) -> str:
        """Counts and the first differences, for a failing assertion and the log."""
        return (
            f"{self.compared} compared, {len(self.lost)} lost, {len(self.unsaved)} unsaved, "
            f"{self.tracebacks} tracebacks; first lost: {self.lost[:5]}"
        )

    def add(self, other: Comparison) -> None:
        """Fold another comparison into this one."""
        self.compared += other.compared
        self.lost += other.lost
        self.unsaved += other.unsaved
        self.tracebacks += other.tracebacks


#: How long a page may take to agree with the database after its last click: a rerun can start
#: late on a busy server. A statement that still differs then is lost.
SETTLE_TIMEOUT_S = 30.0
SETTLE_POLL_S = 0.25


def compare(screen: dict, stored: dict[str, int]) -> Comparison:
    """Compare a `SCREEN_STATE` snapshot with the stored answers."""
    result = Comparison(unsaved=list(screen["unsaved"]), tracebacks=screen["tracebacks"])
    for item, shown in screen["shown"].items():
        result.compared += 1
        if item not in result.unsaved and stored.get(item) != shown:
            result.lost.append(f"{item}: shown {shown}, stored {stored.get(item)}")
    return result
