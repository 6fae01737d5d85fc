"""Benchmark: ranking 10,000 stored assessments against bare sqlite3 → numpy (issue 13 §2:
goal at most 1.2x).

    PYTHONPATH=. python tests/benchmarks/bench_ranking.py [--n 10000] [--runs 7]

A register of ``--n`` answered zhejiang-made assessments (``_stored.py``). Interleaved,
medians:

* **figure**: ``store.assessments.ranking("zhejiang-made")`` — every assessment of the pack
  version scored at once and sorted, as rows with applicant name, mode, total, verdict and
  NC counts;
* **floor**: a bare ``sqlite3`` connection doing the same reads (the assessments with their
  applicants' names, every answer code, the open minor findings) into a numpy code matrix,
  then ``score_batch`` (the scorer is not what is measured here: both sides call it) and
  the same rows sorted by total.

Checks both give the same order and totals.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from _bench import interleaved, medians, report  # noqa: E402
from _stored import PACK, fill  # noqa: E402
from brandmark.scoring.batch import score_batch  # noqa: E402
from brandmark.scoring.encoding import compile_pack  # noqa: E402
from brandmark.scoring.scorer import VERDICTS  # noqa: E402
from brandmark.store import Store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    path = Path(tempfile.mkdtemp(prefix="bench-ranking-")) / "ranking.db"
    fill(path, args.n)
    store = Store(path)
    pack = store.schemes.get(PACK)
    compiled = compile_pack(pack)
    column = {t.item.id: j for j, t in enumerate(compiled.items)}
    bare = sqlite3.connect(str(path))
    where = "a.scheme_id = ? AND a.scheme_version = ? AND a.scheme_hash = ? AND a.kind IN ('initial', 'recertification')"
    key = [pack.id, pack.version, pack.content_hash]

    def floor() -> list[tuple]:
        rows = bare.execute(f"SELECT a.id, a.mode, ap.name FROM assessments a JOIN applicants ap ON ap.id = a.applicant_id "
                            f"WHERE {where} ORDER BY a.id", key).fetchall()
        index = {r[0]: i for i, r in enumerate(rows)}
        codes = np.zeros((len(rows), len(compiled.items)), dtype=np.int8)
        pending = np.zeros(codes.shape, dtype=bool)
        # Cell by cell from the cursor: of the ways tried (fetchall + one fancy-indexed assignment,
        # lists then one assignment, the item's column worked out in SQL) the fastest.
        for assessment_id, item_id, code in bare.execute(
                f"SELECT an.assessment_id, an.item_id, an.code FROM answers an JOIN assessments a "
                f"ON a.id = an.assessment_id WHERE {where}", key):
            codes[index[assessment_id], column[item_id]] = code
        for assessment_id, item_id in bare.execute(
                f"SELECT f.assessment_id, f.item_id FROM findings f JOIN assessments a ON a.id = f.assessment_id "
                f"WHERE {where} AND f.grade = 'minor' AND f.status = 'open'", key):
            pending[index[assessment_id], column[item_id]] = True
        scores = score_batch(pack, codes, pending)
        ranked = [(r[0], r[2], r[1], round(total, 2), VERDICTS[verdict], major, minor)
                  for r, total, verdict, major, minor in zip(rows, scores.totals.tolist(), scores.verdicts.tolist(),
                                                             scores.major.tolist(), scores.minor.tolist())]
        ranked.sort(key=lambda r: (-r[3], r[0]))
        return ranked

    outcome = {}
    times = interleaved({
        "ours": lambda: outcome.__setitem__("ours", store.assessments.ranking(PACK)),
        "floor": lambda: outcome.__setitem__("floor", floor()),
    }, args.runs)
    median = medians(times)
    ours = [(r["id"], r["total"]) for r in outcome["ours"]]
    assert ours == [(r[0], r[3]) for r in outcome["floor"]], "the ranking and the floor disagree"
    ok = report("ranking", f"ranking {args.n:,} stored assessments", median["ours"],
                "bare sqlite3 -> numpy codes, score_batch, sort", median["floor"], goal=1.2, runs=args.runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
