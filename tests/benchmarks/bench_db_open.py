"""Benchmark: what the check at open costs, on a register of 100,000 applicants.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_db_open.py [--n 100000] [--repeat 9]

Builds a temporary register (WAL, like the app) with ``--n`` applicants and as many
events, then times, interleaved and ``--repeat`` times each, medians reported:

- floor: bare ``sqlite3.connect`` + one query + close (what opening the file costs at all);
- ``PRAGMA quick_check`` alone (``opening.quick_check``, the open's bounded check);
- ``Store(path)`` as the CLI opens it (identify, quick_check, WAL, migrate, bundled packs);
- ``Store(path)`` with the check skipped, so the check's share of an open shows;
- ``PRAGMA integrity_check`` (what ``db check`` runs) for comparison.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from brandmark.store import Store, opening  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402


def build(path: Path, n: int) -> None:
    with Store(path) as store:
        now = store.now()
        applicants = [(f"测试{i}电器有限公司", make_uscc(org_body=f"{i:08d}"), "hangzhou", f"杭州市西湖区文三路{i}号",
                       "电器", "张三", 0, now, now) for i in range(n)]
        with store.atomic():
            store.conn.executemany(
                "INSERT INTO applicants (name, uscc, region, address, industry, contact, demo, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", applicants)
        # Events go through the event log (the hash chain, when present, links them).
        with store.atomic():
            for i in range(n):
                store.events.record("bench", "applicant.add", "applicant", i + 1, {"n": i})


def bare_open(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("SELECT count(*) FROM applicants").fetchone()
    conn.close()


def quick_check_only(path: Path) -> None:
    conn = sqlite3.connect(path)
    problems, finished = opening.quick_check(conn, seconds=60)
    assert finished and not problems, problems
    conn.close()


def integrity_check_only(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def store_open(path: Path) -> None:
    store = Store(path)
    store.applicants.count()
    store.close()


def store_open_unchecked(path: Path) -> None:
    original = opening.quick_check
    opening.quick_check = lambda conn, seconds=None: ([], True)
    try:
        store_open(path)
    finally:
        opening.quick_check = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        build(path, args.n)
        size = path.stat().st_size + Path(f"{path}-wal").stat().st_size if Path(f"{path}-wal").exists() \
            else path.stat().st_size
        print(f"register: {args.n:,} applicants and events, {size / 1e6:.1f} MB "
              f"(built in {time.perf_counter() - started:.1f} s)")
        cases = {"floor: bare sqlite3 open + query": bare_open, "quick_check alone": quick_check_only,
                 "Store(path), with its check": store_open, "Store(path), check skipped": store_open_unchecked,
                 "integrity_check alone (db check)": integrity_check_only}
        times: dict[str, list[float]] = {name: [] for name in cases}
        for fn in cases.values():          # warm the file cache once
            fn(path)
        for _ in range(args.repeat):
            for name, fn in cases.items():     # interleaved: each round runs every case
                started = time.perf_counter()
                fn(path)
                times[name].append(time.perf_counter() - started)
        floor = statistics.median(times["floor: bare sqlite3 open + query"])
        for name, samples in times.items():
            median = statistics.median(samples)
            print(f"{name:<36} median {median * 1000:8.1f} ms   ratio to floor {median / floor:7.1f}x")
        checked = statistics.median(times["Store(path), with its check"])
        unchecked = statistics.median(times["Store(path), check skipped"])
        print(f"the check's share of an open: {(checked - unchecked) * 1000:.1f} ms "
              f"({(checked - unchecked) / checked:.0%} of Store(path)); open's time budget "
              f"{opening.OPEN_CHECK_SECONDS:.1f} s")


if __name__ == "__main__":
    main()
