"""Benchmark: scoring 10,000 assessments at once (numpy) against one at a time.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_scoring.py [--n 10000] [--seed 1] [--runs 3]

Uses the bundled zhejiang-made pack (~60 items). Both sides do the whole path from the
answer dicts (as the register stores them) to scores: one at a time ``score_assessment``;
the batch ``encode_matrix`` + the open-actions matrix + ``score_batch``. Interleaved runs,
medians. Checks that both give exactly the same totals, section scores, verdicts and NC
counts. Goal: the batch path at least 20x faster and under 0.5 s. Exits 1 if the results
differ or a goal is missed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import interleaved, medians, report  # noqa: E402
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
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    path = next(p for p in bundled_pack_paths() if p.stem == "zhejiang-made")
    pack = load_pack(path)
    compiled = compile_pack(pack)
    rng = random.Random(args.seed)
    cases = [random_answers(pack, rng) for _ in range(args.n)]
    answer_sets = [a for a, _ in cases]
    column = {t.item.id: j for j, t in enumerate(compiled.items)}
    print(f"pack {pack.id} {pack.version}: {len(compiled.items)} items; {args.n} assessments")

    def batch_path():
        """The whole batch path from the answer dicts: encode, mark open actions, score."""
        codes = encode_matrix(pack, answer_sets)
        open_matrix = np.zeros(codes.shape, dtype=bool)
        for row, (_, open_items) in enumerate(cases):
            for item_id in open_items:
                open_matrix[row, column[item_id]] = True
        return score_batch(pack, codes, open_matrix)

    outcome = {}
    times = interleaved({
        "single": lambda: outcome.__setitem__(
            "singles", [score_assessment(pack, a, open_corrective_actions=o) for a, o in cases]),
        "batch": lambda: outcome.__setitem__("batch", batch_path()),
    }, args.runs)
    median = medians(times)
    singles, batch = outcome["singles"], outcome["batch"]

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
    ok = report("scoring", f"score_batch path incl. encode_matrix, {args.n:,} assessments", median["batch"],
                "score_assessment one at a time (speed-up)", median["single"], goal=20, runs=args.runs,
                higher_is_better=True)
    print(f"batch path: {median['batch'] * 1000:.1f} ms (goal < 500 ms) — "
          + ("met" if median["batch"] < 0.5 else "MISSED"))
    print(f"identical results: {args.n - mismatches} / {args.n}")
    ok = ok and median["batch"] < 0.5
    return 1 if mismatches or not ok else 0


if __name__ == "__main__":
    sys.exit(main())
