"""Benchmark: ``store.stats.compute()`` at 100,000 applicants and 10,000 assessments.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_stats.py [--applicants 100000] [--assessments 10000]

Fills a temporary register with the seeded raw rows of ``tests/stats_support.py`` (every
kind the statistics count: applicants over the 11 cities and 20 industries, assessments
over the bundled schemes with answers and findings, decisions, certificates with their
status history and surveillance visits, applications, a third of the applicants with
brand-value estimates), then times ``compute()`` and ``compute(year, scheme)`` in
interleaved rounds (medians) against a floor measured in the same run: one bare
``GROUP BY`` over each table the statistics read (applicants, assessments, answers,
findings, decisions, certificates, surveillance, estimates), which is the least any
statistics over these rows must do. Goal: ``compute()`` under 0.5 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _bench import interleaved, medians, report  # noqa: E402
from brandmark.store import Store  # noqa: E402
from stats_support import fill_register  # noqa: E402

FLOOR_QUERIES = (
    "SELECT region, count(*) FROM applicants GROUP BY 1",
    "SELECT scheme_id, count(*) FROM assessments GROUP BY 1",
    "SELECT item_id, count(*) FROM answers WHERE code = 3 GROUP BY 1",
    "SELECT item_id, count(*) FROM findings GROUP BY 1",
    "SELECT decision, count(*) FROM decisions GROUP BY 1",
    "SELECT status, count(*) FROM certificates GROUP BY 1",
    "SELECT done_on IS NULL, count(*) FROM surveillance GROUP BY 1",
    "SELECT applicant_id, max(valuation_date) FROM brand_value_estimates GROUP BY 1",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=100_000)
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp(prefix="bench-stats-")) / "stats.db"
    with Store(path) as store:
        fill_register(store.conn, applicants=args.applicants, assessments=args.assessments, seed=7)
    with Store(path) as store:
        store.stats.compute()              # the packs parsed once, as in a running window
        counts = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
            "applicants", "assessments", "answers", "certificates", "brand_value_estimates")}
        print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))

        def floor() -> None:
            for sql in FLOOR_QUERIES:
                store.conn.execute(sql).fetchall()

        times = interleaved({
            "floor": floor,
            "all": store.stats.compute,
            "filtered": lambda: store.stats.compute(year=2025, scheme="zhejiang-made"),
            "index": store.stats.brand_index,
        }, args.rounds)
    m = medians(times)
    floor_name = "one bare GROUP BY over each table read"
    ok = report("stats", "stats.compute()", m["all"], floor_name, m["floor"], goal=None, runs=args.rounds)
    report("stats", "stats.compute(year, scheme)", m["filtered"], floor_name, m["floor"], goal=None, runs=args.rounds)
    report("stats", "stats.brand_index()", m["index"], floor_name, m["floor"], goal=None, runs=args.rounds)
    goal_met = m["all"] < 0.5
    print(f"goal: compute() under 500 ms at {args.applicants:,} applicants and {args.assessments:,} assessments: "
          + ("met" if goal_met else "MISSED") + f" ({m['all'] * 1000:.0f} ms)")
    sys.exit(0 if ok and goal_met else 1)


if __name__ == "__main__":
    main()
