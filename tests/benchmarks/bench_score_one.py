"""Benchmark: scoring one stored assessment against the batch scorer's cost per assessment
plus that assessment's query (issue 13 §2: goal at most 1.5x).

    PYTHONPATH=. python tests/benchmarks/bench_score_one.py [--n 10000] [--sample 200] [--runs 7]

A register of ``--n`` answered zhejiang-made assessments (59 items, filled with bare SQL:
``_stored.py``). In interleaved rounds, medians:

* **figure**: ``store.assessments.score(id)`` for ``--sample`` random assessments, per call:
  the path every view uses (the assessment's pack, its stored answer codes and open
  corrective actions, the whole ``ScoreResult`` with test verdicts and reasons);
* **floor**: ``score_batch`` over the code matrix of all ``n`` assessments divided by ``n``,
  plus the same assessment's query on bare sqlite3, per call: which pack it was frozen to
  (the batch is given its pack; one assessment has to look it up, so a bare script would
  too), its answer codes and its open minor findings, fetched, one statement each.

``score`` computes every number at once and makes the objects that show them (section
rows, test verdicts with their measured and compared values) when they are first read; so
also printed, no goal: the same calls with the whole result read (``tuple(result.sections)``,
``tuple(result.tests)``, ``tuple(result.reasons)``), the ratio against the floor without the pack look-up (the
previous session's), and the old path (``score_assessment`` re-encoding and re-judging the
stored values), to show what the stored codes save, and the same ratios in CPU time (on a
machine shared with other work the wall clock also counts the wait for a core). Exits 1 if
the goal is missed (wall clock).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from _bench import medians, report  # noqa: E402
from _stored import PACK, fill  # noqa: E402
from brandmark.scoring.batch import score_batch  # noqa: E402
from brandmark.scoring.encoding import compile_pack  # noqa: E402
from brandmark.scoring.scorer import score_assessment  # noqa: E402
from brandmark.store import Store  # noqa: E402

PACK_OF = "SELECT scheme_id, scheme_version, scheme_hash, mode FROM assessments WHERE id = ?"
ANSWERS = "SELECT item_id, code FROM answers WHERE assessment_id = ?"
OPEN_MINOR = "SELECT item_id FROM findings WHERE assessment_id = ? AND grade = 'minor' AND status = 'open'"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    path = Path(tempfile.mkdtemp(prefix="bench-score-one-")) / "score.db"
    fill(path, args.n)
    store = Store(path)
    bare = sqlite3.connect(str(path))
    pack = store.schemes.get(PACK)
    compiled = compile_pack(pack)
    column = {t.item.id: j for j, t in enumerate(compiled.items)}
    codes = np.zeros((args.n, len(compiled.items)), dtype=np.int8)
    pending = np.zeros(codes.shape, dtype=bool)
    for a, item, code in bare.execute("SELECT assessment_id, item_id, code FROM answers"):
        codes[a - 1, column[item]] = code
    for a, item in bare.execute("SELECT assessment_id, item_id FROM findings WHERE status = 'open'"):
        pending[a - 1, column[item]] = True
    rng = random.Random(5)
    sample = [rng.randint(1, args.n) for _ in range(args.sample)]
    print(f"{args.n:,} stored assessments of {PACK} ({len(compiled.items)} items); {args.sample} scored per round")

    cpu: dict[str, list[float]] = {}

    def per_call(action, name: str = "") -> float:
        start, start_cpu = time.perf_counter(), time.process_time()
        for assessment_id in sample:
            action(assessment_id)
        cpu.setdefault(name, []).append((time.process_time() - start_cpu) / len(sample))
        return (time.perf_counter() - start) / len(sample)

    def bare_query(assessment_id: int) -> None:
        bare.execute(PACK_OF, [assessment_id]).fetchone()
        bare.execute(ANSWERS, [assessment_id]).fetchall()
        bare.execute(OPEN_MINOR, [assessment_id]).fetchall()

    def bare_query_without_pack(assessment_id: int) -> None:
        bare.execute(ANSWERS, [assessment_id]).fetchall()
        bare.execute(OPEN_MINOR, [assessment_id]).fetchall()

    def single_read_whole(assessment_id: int) -> None:
        result = store.assessments.score(assessment_id)
        tuple(result.sections), tuple(result.tests), tuple(result.reasons)

    def old_path(assessment_id: int) -> None:
        answers = {k: v["value"] for k, v in store.assessments.answers(assessment_id).items() if v["value"] is not None}
        score_assessment(pack, answers, open_corrective_actions=store.assessments.open_corrective_actions(assessment_id))

    def batch_share() -> float:
        start, start_cpu = time.perf_counter(), time.process_time()
        score_batch(pack, codes, pending)
        cpu.setdefault("batch", []).append((time.process_time() - start_cpu) / args.n)
        return (time.perf_counter() - start) / args.n

    store.assessments.score(sample[0])
    times: dict[str, list[float]] = {"single": [], "query": [], "batch": [], "old": [], "whole": [],
                                     "query without pack": []}
    for _ in range(args.runs):
        times["single"].append(per_call(store.assessments.score, "single"))
        times["query"].append(per_call(bare_query, "query"))
        times["batch"].append(batch_share())
        times["whole"].append(per_call(single_read_whole, "whole"))
        times["query without pack"].append(per_call(bare_query_without_pack))
        times["old"].append(per_call(old_path))
    median = medians(times)
    median_cpu = medians(cpu)
    floor = median["batch"] + median["query"]
    print(f"  batch scorer per assessment {median['batch'] * 1e6:.1f} µs, the assessment's bare query "
          f"{median['query'] * 1e6:.1f} µs ({median['query without pack'] * 1e6:.1f} µs without its pack); "
          f"old path (re-encode, re-judge) {median['old'] * 1e6:.1f} µs")
    print(f"  score with the whole result read {median['whole'] * 1e6:.1f} µs "
          f"({median['whole'] / floor:.2f}x the floor); score against the floor without the pack look-up "
          f"{median['single'] / (median['batch'] + median['query without pack']):.2f}x")
    # On a shared machine the wall clock also counts waiting for a core; CPU time does not.
    cpu_floor = median_cpu["batch"] + median_cpu["query"]
    print(f"  CPU time: score {median_cpu['single'] * 1e6:.1f} µs, floor {cpu_floor * 1e6:.1f} µs, ratio "
          f"{median_cpu['single'] / cpu_floor:.2f}x; with the whole result read {median_cpu['whole'] / cpu_floor:.2f}x")
    # Same numbers both ways (tests/test_score_stored.py checks the whole result).
    batch = score_batch(pack, codes, pending)
    for assessment_id in sample[:20]:
        single = store.assessments.score(assessment_id)
        assert single.total == batch.totals[assessment_id - 1], assessment_id
    ok = report("score_one", f"score one stored assessment ({args.n:,} in the register)", median["single"],
                "score_batch per assessment + its bare sqlite3 query", floor, goal=1.5, runs=args.runs)
    print(json.dumps({"old_path_ratio": round(median["old"] / floor, 2)}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
