"""Benchmark: scoring 10,000 assessments at once (numpy) against one at a time.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_scoring.py [--n 10000] [--seed 1]

Uses the bundled zhejiang-made pack (~60 items). Prints the one-at-a-time time, the
vectorised time with and without ``encode_matrix``, their ratios, and checks that both
give exactly the same totals, section scores, verdicts and NC counts. Goal: the matrix
scoring is at least 20x faster and under 0.5 s. Exits 1 if the results differ.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from brandmark.packs import bundled_pack_paths, load_pack  # noqa: E402
from brandmark.scoring.batch import encode_matrix, score_batch  # noqa: E402
from brandmark.scoring.encoding import compile_pack  # noqa: E402
from brandmark.scoring.scorer import score_assessment  # noqa: E402


def random_answers(pack, rng: random.Random) -> tuple[dict, set]:
    """A plausible assessment: mostly good answers, some NCs, failed tests, NA and gaps."""
    answers, open_items = {}, set()
    for item in pack.items():
        roll = rng.random()
        if roll < 0.004:
            continue                      # unanswered
        if roll < 0.03:
            answers[item.id] = "na"
            continue
        if item.kind == "veto":
            answers[item.id] = "fail" if rng.random() < 0.005 else "pass"
        elif item.kind == "conformity":
            value = rng.choices(["conform", "minor", "major"], [0.93, 0.065, 0.005])[0]
            answers[item.id] = value
            if value == "minor" and rng.random() < 0.5:
                open_items.add(item.id)
        elif item.kind == "points":
            answers[item.id] = rng.randint(0, item.max_level)
        else:
            from brandmark.demo import demo_value
            value = demo_value(item, rng.randint(0, 9))
            if rng.random() < 0.01:       # a failing measurement: far outside the limit
                value = ["-999999"] * item.samples if item.samples > 1 else "-999999"
            answers[item.id] = value
    return answers, open_items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    path = next(p for p in bundled_pack_paths() if p.stem == "zhejiang-made")
    pack = load_pack(path)
    compiled = compile_pack(pack)
    rng = random.Random(args.seed)
    cases = [random_answers(pack, rng) for _ in range(args.n)]
    answer_sets = [a for a, _ in cases]
    column = {t.item.id: j for j, t in enumerate(compiled.items)}
    print(f"pack {pack.id} {pack.version}: {len(compiled.items)} items; {args.n} assessments")

    start = time.perf_counter()
    singles = [score_assessment(pack, a, open_corrective_actions=o) for a, o in cases]
    single_time = time.perf_counter() - start

    start = time.perf_counter()
    codes = encode_matrix(pack, answer_sets)
    open_matrix = np.zeros(codes.shape, dtype=bool)
    for row, (_, open_items) in enumerate(cases):
        for item_id in open_items:
            open_matrix[row, column[item_id]] = True
    encode_time = time.perf_counter() - start

    best = float("inf")
    for _ in range(5):                     # best of 5: the matrix part is short and noisy
        start = time.perf_counter()
        batch = score_batch(pack, codes, open_matrix)
        best = min(best, time.perf_counter() - start)

    names = batch.verdict_names()
    mismatches = 0
    for row, single in enumerate(singles):
        same = (batch.totals[row] == single.total
                and list(batch.sections[row]) == [s.score for s in single.sections]
                and names[row] == single.verdict
                and (batch.major[row], batch.minor[row], batch.minor_open[row]) == (
                    single.nonconformities["major"], single.nonconformities["minor"],
                    single.nonconformities["minor_open"]))
        mismatches += not same

    verdicts = {v: names.count(v) for v in sorted(set(names))}
    print(f"verdicts: {verdicts}")
    print(f"one at a time (score_assessment):     {single_time * 1000:9.1f} ms")
    print(f"vectorised, matrix only (score_batch): {best * 1000:9.1f} ms   "
          f"{single_time / best:7.1f}x faster  (goal >= 20x, < 500 ms)")
    print(f"vectorised incl. encode_matrix:        {(best + encode_time) * 1000:9.1f} ms   "
          f"{single_time / (best + encode_time):7.1f}x faster")
    print(f"identical results: {args.n - mismatches} / {args.n}")
    goal = best < 0.5 and single_time / best >= 20
    print("goal met" if goal else "GOAL MISSED")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
