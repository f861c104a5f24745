"""Benchmark: scoring many rounds in one `score_rounds` call versus one round at a time.

Run from the repository root:

    python tests/bench/bench_scoring.py [--rounds 1000] [--respondents 10] [--loop-rounds N]

The table holds every item of questionnaires/kmu.yaml for each respondent of each round, with
about 5 % "don't know" and 2 % "not applicable" answers and a user target in every third round.
The batch is timed as the median of several calls; the loop calls `score_rounds` once per round
on that round's slice (slices are cut beforehand, so only scoring is timed). By default the
loop runs over all rounds once; with --loop-rounds N it runs over the first N rounds and the
time is extrapolated to all rounds.
Exits with status 1 if the batch is not at least --min-ratio (default 20) times faster, or if the
batch and the loop disagree on any checked round.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assessment.questionnaire import Questionnaire, load_questionnaire  # noqa: E402
from assessment.scoring import Scores, score_rounds  # noqa: E402

SHIPPED = ROOT / "questionnaires" / "kmu.yaml"
FALLBACK = ROOT / "tests" / "fixtures" / "mini.yaml"
DONT_KNOW_SHARE = 0.05
NOT_APPLICABLE_SHARE = 0.02


def build_tables(
    q: Questionnaire, rounds: int, respondents: int, seed: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A long answer table (round, respondent, item, value, na) and a target table."""
    rng = np.random.default_rng(seed)
    items = np.array(list(q.items_by_id))
    round_keys = np.array([f"round-{n:05d}" for n in range(rounds)])
    people = np.array([f"person-{n:03d}" for n in range(respondents)])
    per_round = respondents * len(items)
    values = rng.integers(0, q.scale_max + 1, size=rounds * per_round).astype("float64")
    draw = rng.random(values.size)
    na = draw < NOT_APPLICABLE_SHARE
    values[draw < DONT_KNOW_SHARE + NOT_APPLICABLE_SHARE] = np.nan
    answers = pd.DataFrame(
        {
            "round": np.repeat(round_keys, per_round),
            "respondent": np.tile(np.repeat(people, len(items)), rounds),
            "item": np.tile(items, rounds * respondents),
            "value": values,
            "na": na,
        }
    )
    with_target = round_keys[::3]
    targets = pd.DataFrame(
        {
            "round": with_target,
            "area": "hr",
            "target": rng.integers(30, 90, size=with_target.size).astype("float64"),
        }
    )
    return answers, targets


def median_seconds(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def assert_same(batch: Scores, alone: Scores, key: str) -> None:
    picked = batch.round(key)
    pd.testing.assert_frame_equal(picked.items, alone.items)
    pd.testing.assert_frame_equal(picked.areas, alone.areas)
    pd.testing.assert_frame_equal(picked.overall, alone.overall)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--respondents", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5, help="batch timings (median)")
    parser.add_argument(
        "--loop-rounds", type=int, default=0, help="time the loop on this many rounds only"
    )
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--min-ratio", type=float, default=20.0)
    args = parser.parse_args(argv)

    if SHIPPED.exists():
        source = SHIPPED
    else:
        source = FALLBACK
        print(f"note: {SHIPPED.relative_to(ROOT)} not found, using {source.relative_to(ROOT)}")
    q = load_questionnaire(source)
    answers, targets = build_tables(q, args.rounds, args.respondents, args.seed)
    keys = list(dict.fromkeys(answers["round"]))
    print(
        f"questionnaire {q.id} {q.version} ({source.relative_to(ROOT)}): "
        f"{len(q.items_by_id)} items, {len(q.dimensions)} areas"
    )
    print(
        f"table: {len(keys)} rounds x {args.respondents} respondents x {len(q.items_by_id)} "
        f"items = {len(answers):,} rows, {answers['value'].isna().mean():.1%} no rating "
        f"({answers['na'].mean():.1%} not applicable), "
        f"{len(targets)} user targets"
    )

    batch = score_rounds(answers, q, targets)  # warm-up, and the result to compare against
    batch_seconds = median_seconds(lambda: score_rounds(answers, q, targets), args.repeat)

    slices = {
        key: frame.reset_index(drop=True) for key, frame in answers.groupby("round", sort=False)
    }
    target_slices = {
        key: frame.reset_index(drop=True) for key, frame in targets.groupby("round", sort=False)
    }
    loop_keys = keys[: args.loop_rounds] if args.loop_rounds else keys
    score_rounds(slices[keys[0]], q, target_slices.get(keys[0]))  # warm-up
    started = time.perf_counter()
    for key in loop_keys:
        score_rounds(slices[key], q, target_slices.get(key))
    loop_measured = time.perf_counter() - started
    loop_seconds = loop_measured * len(keys) / len(loop_keys)

    checked = sorted({keys[0], keys[1], keys[3], keys[len(keys) // 2], keys[-1]})
    for key in checked:
        assert_same(batch, score_rounds(slices[key], q, target_slices.get(key)), key)

    batch_rate = len(keys) / batch_seconds
    loop_rate = len(keys) / loop_seconds
    ratio = loop_seconds / batch_seconds
    print(
        f"batch: one score_rounds call, median of {args.repeat}: {batch_seconds:.3f} s "
        f"= {batch_rate:,.0f} rounds/s"
    )
    how = (
        f"all {len(keys)} rounds timed once"
        if len(loop_keys) == len(keys)
        else f"{len(loop_keys)} rounds timed ({loop_measured:.2f} s), extrapolated to {len(keys)}"
    )
    print(f"loop:  one call per round, {how}: {loop_seconds:.2f} s = {loop_rate:,.0f} rounds/s")
    print(f"ratio: batch is {ratio:.1f}x faster (required: at least {args.min_ratio:g}x)")
    print(f"agreement: batch equals per-round scoring for {len(checked)} rounds: {checked}")
    if ratio < args.min_ratio:
        print("FAIL: the batch is not fast enough", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
