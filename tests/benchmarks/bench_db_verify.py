"""Benchmark: ``db verify``'s walk of the event chain at 100,000 events.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_db_verify.py [--n 100000] [--runs 5]

Builds a temporary register (WAL, like the app) with ``--n`` events appended through
``EventLog.record`` (realistic details), then times, interleaved run by run:

- ``verify_chain`` over the file's own read-only connection (what ``db verify`` does for
  the events), and
- the floor: the same ``SELECT`` over the same rows with one bare ``hashlib.sha256`` of the
  row's fields joined, in the same loop shape: what reading and hashing cost with no
  serialisation, no checks.

Prints the medians and the ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from brandmark.store import Store  # noqa: E402
from brandmark.store.verify import verify_chain  # noqa: E402


def build(path: Path, n: int) -> None:
    with Store(path, load_bundled_packs=False) as store:
        with store.atomic():
            for i in range(n - 1):   # the chain start is the first event
                store.events.record("张三", "answer", "assessment", i // 50,
                                    {"item": f"C{i % 50}", "old": None, "new": "conform", "note": "现场核查记录齐全"})


def bare_hash_floor(conn: sqlite3.Connection) -> int:
    count = 0
    for row in conn.execute("SELECT id, at, actor, action, entity, entity_id, details, prev_hash, hash "
                            "FROM events ORDER BY id"):
        hashlib.sha256("\x1f".join(map(str, row[:8])).encode("utf-8")).hexdigest()
        count += 1
    return count


def timed(function, conn) -> float:
    start = time.perf_counter()
    function(conn)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.db"
        start = time.perf_counter()
        build(path, args.n)
        print(f"built {args.n:,} chained events in {time.perf_counter() - start:.1f} s")
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        outcome = verify_chain(conn)
        assert outcome.broken is None and outcome.checked == args.n, outcome
        chain, floor = [], []
        for _ in range(args.runs):
            chain.append(timed(verify_chain, conn))
            floor.append(timed(bare_hash_floor, conn))
        conn.close()
    chain_ms, floor_ms = statistics.median(chain) * 1000, statistics.median(floor) * 1000
    print(f"verify_chain   median {chain_ms:8.0f} ms   ({chain_ms * 1000 / args.n:.1f} µs an event)")
    print(f"bare hashlib   median {floor_ms:8.0f} ms   ({floor_ms * 1000 / args.n:.1f} µs an event)")
    print(f"ratio {chain_ms / floor_ms:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
