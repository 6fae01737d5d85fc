"""Benchmark: ``store.stats.compute()`` at 100,000 applicants and 10,000 assessments.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_stats.py [--applicants 100000] [--assessments 10000]

Fills a temporary register with raw SQL (applicants over the 11 cities and 20 industries,
assessments over the bundled schemes, half decided, one finding in five), then times
``compute()`` and ``compute(year=..., scheme=...)`` in interleaved rounds (medians)
against a floor measured in the same run: one bare ``SELECT region, count(*) ... GROUP BY``
over the applicants. Goal: ``compute()`` under 0.5 s.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from brandmark.regions import REGIONS  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

TRADES = ["电器", "泵阀", "电机", "茶业", "纺织", "五金工具", "水果", "物流", "不锈钢制品", "农业服务", "汽车零部件",
          "服装", "家具", "轴承", "塑料", "包装", "照明", "化工", "食品", "眼镜"]


def fill(path: Path, n_applicants: int, n_assessments: int, rng: random.Random) -> None:
    Store(path).close()                                  # the schema and the bundled schemes
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    schemes = conn.execute("SELECT id, version FROM schemes").fetchall()
    regions = [r for r in REGIONS if r != "outside"]
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO applicants (id, name, uscc, region, industry, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(i, f"企业{i}", make_uscc(org_body=f"{i:08d}"), rng.choice(regions), rng.choice(TRADES),
          "2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00") for i in range(1, n_applicants + 1)])
    rows, decisions, findings = [], [], []
    for i in range(1, n_assessments + 1):
        scheme, version = rng.choice(schemes)
        year = rng.choice((2024, 2025, 2026))
        created = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:00:00+00:00"
        decided = i % 2 == 0
        rows.append((i, rng.randint(1, n_applicants), scheme, version, "x", "certification", "评审员",
                     "decided" if decided else "open", created, created))
        if decided:
            decisions.append((i, rng.choice(("grant", "conditional", "refuse")), "决定人", created, "v", 80.0, "[]"))
        if i % 5 == 0:
            findings.append((i, f"item-{rng.randint(1, 40)}", "minor", f"{rng.randint(4, 9)}.{rng.randint(1, 5)}",
                             "open", "评审员", created))
    conn.executemany("INSERT INTO assessments (id, applicant_id, scheme_id, scheme_version, scheme_hash, mode, "
                     "assessor, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO decisions (assessment_id, decision, decided_by, decided_at, verdict, total, reasons) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", decisions)
    conn.executemany("INSERT INTO findings (assessment_id, item_id, grade, clause, status, created_by, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", findings)
    conn.execute("COMMIT")
    conn.close()


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=100_000)
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp(prefix="bench-stats-")) / "stats.db"
    fill(path, args.applicants, args.assessments, random.Random(7))
    times: dict[str, list[float]] = {"floor": [], "all": [], "filtered": []}
    with Store(path) as store:
        scheme = store.conn.execute("SELECT scheme_id FROM assessments LIMIT 1").fetchone()[0]
        for _ in range(args.rounds):
            times["floor"].append(timed(lambda: store.conn.execute(
                "SELECT region, count(*) FROM applicants GROUP BY 1").fetchall()))
            times["all"].append(timed(store.stats.compute))
            times["filtered"].append(timed(lambda: store.stats.compute(year=2025, scheme=scheme)))
    floor = statistics.median(times["floor"])
    print(f"{args.applicants:,} applicants, {args.assessments:,} assessments, {args.rounds} interleaved rounds, medians:")
    print(f"  {'floor (one GROUP BY over applicants)':<38} {floor * 1000:7.1f} ms")
    for key in ("all", "filtered"):
        ours = statistics.median(times[key])
        label = "compute()" if key == "all" else "compute(year, scheme)"
        print(f"  {label:<38} {ours * 1000:7.1f} ms   ratio {ours / floor:5.1f}   (goal < 500 ms)")


if __name__ == "__main__":
    main()
