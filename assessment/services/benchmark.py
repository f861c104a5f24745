"""The anonymous benchmark: mean area scores of organisations alike, never one organisation's.

Each organisation contributes once per questionnaire: the mean, per area, of the newest
scored round of the organisation as a whole and of each of its units. A group (questionnaire,
and sector or size class) shows values only when at least `MIN_ORGANISATIONS` organisations
contribute; below that only how many are still missing. A group that would let the total
give away a smaller group's values is hidden too (see `_partition`). Sector and size are
matched as written in the profile, ignoring case and spacing.

The instance operator sees every group after giving the instance's admin password; an
organisation link sees its own areas beside the organisations of its questionnaire, sector
and size class (itself not counted), under the same rule.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from sqlalchemy import Engine

from assessment.questionnaire import Questionnaire
from assessment.responses import Organisation
from assessment.services.access import Visitor
from assessment.services.errors import Forbidden, storage_boundary
from assessment.services.history import score_history
from assessment.storage import benchmark as stored
from assessment.storage import repository as repo
from assessment.storage.history import StoredHistory

#: Values of a group are shown only when at least this many organisations contribute.
MIN_ORGANISATIONS = 5


@dataclass(frozen=True)
class BenchmarkGroup:
    """Organisations alike: one questionnaire, and one sector or size class (None: any)."""

    questionnaire_id: str
    sector: str | None
    size: str | None
    organisations: int
    #: Mean score per area; empty when the group is not shown.
    means: dict[str, float]
    #: Enough organisations, but hidden: with it shown, the total minus the shown groups
    #: would give away the values of a smaller group.
    covering: bool = False

    @property
    def shown(self) -> bool:
        """Whether the values are shown (enough organisations, and no smaller group exposed)."""
        return self.organisations >= MIN_ORGANISATIONS and not self.covering

    @property
    def missing(self) -> int:
        """How many more organisations are needed before values are shown."""
        return max(0, MIN_ORGANISATIONS - self.organisations)


@dataclass(frozen=True)
class Benchmark:
    """Every group of the instance and the questionnaires they were answered with."""

    groups: tuple[BenchmarkGroup, ...]
    #: questionnaire id -> its newest answered snapshot (for titles and area order).
    questionnaires: dict[str, Questionnaire]


@dataclass(frozen=True)
class PeerComparison:
    """An organisation's areas beside the organisations like it (itself not counted)."""

    own: dict[str, float]
    peers: BenchmarkGroup
    questionnaire: Questionnaire


def password_matches(configured: str | None, given: str) -> bool:
    """Whether `given` is the configured admin password (constant time; none set: never)."""
    if not configured:
        return False
    return hmac.compare_digest(configured.encode("utf-8"), given.encode("utf-8"))


def operator_benchmark(engine: Engine, configured: str | None, given: str) -> Benchmark:
    """Every benchmark group, for the instance operator who gave the admin password."""
    if not password_matches(configured, given):
        raise Forbidden("the admin password is not right, or none is set for this instance")
    data = _contributions(engine)
    groups: list[BenchmarkGroup] = []
    for qid, mine in data.values.groupby("questionnaire", sort=True):
        groups.append(_group(mine, qid, None, None))
        for column in ("sector", "size"):
            groups += _partition(mine, qid, column, data.labels[column])
    return Benchmark(tuple(groups), data.questionnaires)


def _partition(
    mine: pd.DataFrame, qid: str, column: str, labels: dict[str, str]
) -> list[BenchmarkGroup]:
    """The groups by sector (or size) of one questionnaire, with secondary suppression.

    The groups split the questionnaire's organisations, so the total minus the shown groups is
    the mean of the rest. Where the rest (hidden groups and organisations that named no sector
    or size) holds 1 to 4 organisations, the smallest shown groups are hidden too, until the
    rest holds at least `MIN_ORGANISATIONS` or nothing but the total is shown.
    """
    groups = []
    for key, part in mine[mine[column] != ""].groupby(column, sort=True):
        sector, size = (labels[key], None) if column == "sector" else (None, labels[key])
        groups.append(_group(part, qid, sector, size))
    rest = int(mine.loc[mine[column] == "", "organisation"].nunique())
    rest += sum(g.organisations for g in groups if not g.shown)
    covering: set[int] = set()
    by_size = sorted((g.organisations, n) for n, g in enumerate(groups) if g.shown)
    while 0 < rest < MIN_ORGANISATIONS and by_size:
        count, index = by_size.pop(0)
        covering.add(index)
        rest += count
    return [
        BenchmarkGroup(g.questionnaire_id, g.sector, g.size, g.organisations, {}, covering=True)
        if n in covering
        else g
        for n, g in enumerate(groups)
    ]


def peer_comparison(engine: Engine, visitor: Visitor | None) -> PeerComparison | None:
    """The organisation's areas beside those of its sector and size class (the organisation
    link only); None when it has no score yet or its profile names no sector or size."""
    if visitor is None or not visitor.may("units"):
        raise Forbidden("only the organisation link compares with other organisations")
    data = _contributions(engine)
    values = data.values
    own = values[values["organisation"] == visitor.organisation_id]
    if own.empty:
        return None
    newest_q = own.sort_values("date").iloc[-1]
    if not newest_q["sector"] or not newest_q["size"]:
        return None
    qid, sector, size = newest_q["questionnaire"], newest_q["sector"], newest_q["size"]
    like = values[
        (values["questionnaire"] == qid)
        & (values["sector"] == sector)
        & (values["size"] == size)
        & (values["organisation"] != visitor.organisation_id)
    ]
    peers = _group(like, qid, data.labels["sector"][sector], data.labels["size"][size])
    mine = own[own["questionnaire"] == qid]
    return PeerComparison(
        own=dict(zip(mine["area"], mine["score"].astype(float), strict=True)),
        peers=peers,
        questionnaire=data.questionnaires[qid],
    )


def _group(frame: pd.DataFrame, qid: str, sector: str | None, size: str | None) -> BenchmarkGroup:
    count = int(frame["organisation"].nunique())
    means = {}
    if count >= MIN_ORGANISATIONS:
        means = {a: float(m) for a, m in frame.groupby("area", sort=False)["score"].mean().items()}
    return BenchmarkGroup(qid, sector, size, count, means)


@dataclass(frozen=True)
class _Contributions:
    #: organisation, questionnaire, sector (key), size (key), date, area, score
    values: pd.DataFrame
    labels: dict[str, dict[str, str]]  # column -> key -> the spelling most organisations use
    questionnaires: dict[str, Questionnaire]


def _contributions(engine: Engine) -> _Contributions:
    with storage_boundary("read benchmark"):
        return _cached_contributions(engine, stored.benchmark_key(engine))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=4)
def _cached_contributions(engine: Engine, key: tuple[int, int, int]) -> _Contributions:
    # `key` changes with every write to any round: a new key, a fresh read.
    data = stored.read_benchmark(engine)
    snapshots = {b.round.snapshot_id for b in data.rounds}
    questionnaires = {sid: repo.snapshot_questionnaire(engine, sid) for sid in snapshots}
    empty = pd.DataFrame(columns=["round", "area", "target"])
    scored = score_history(
        # The benchmark's rounds scored under the history's rules; no organisation is named.
        StoredHistory(
            organisation=Organisation(name="benchmark"),
            rounds=tuple(b.round for b in data.rounds),
            answers=data.answers,
            targets=empty,
            consensus=data.consensus,
            plans={},
        ),
        questionnaires,
    )
    info = pd.DataFrame(
        [
            (
                b.round.key,
                b.organisation_id,
                b.round.questionnaire_id,
                _key(b.sector),
                _key(b.size),
                b.round.date,
            )
            for b in data.rounds
        ],
        columns=["round", "organisation", "questionnaire", "sector", "size", "date"],
    )
    areas = scored.scores.areas[["round", "area", "score"]].dropna(subset=["score"])
    merged = info.merge(areas, on="round")
    values = (
        merged.groupby(["organisation", "questionnaire", "sector", "size", "area"], sort=False)
        .agg(score=("score", "mean"), date=("date", "max"))
        .reset_index()
    )
    labels = {
        column: {
            _key(text): text
            for text in pd.Series(
                [" ".join(getattr(b, column).split()) for b in data.rounds], dtype=object
            )
            .value_counts(ascending=True)
            .index
        }
        for column in ("sector", "size")
    }  # the most used spelling of a key is written last, so it wins
    newest = sorted(data.rounds, key=lambda b: b.round.date)
    by_questionnaire = {
        b.round.questionnaire_id: questionnaires[b.round.snapshot_id] for b in newest
    }
    return _Contributions(values, labels, by_questionnaire)
