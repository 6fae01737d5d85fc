"""Benchmark: adding one applicant (one transaction with its event) against bare sqlite3
doing the same (issue 13 §2: goal at most 1.5x).

    PYTHONPATH=. python tests/benchmarks/bench_add_applicant.py [--existing 10000] [--adds 200] [--runs 7]

A register of ``--existing`` applicants (bare SQL). In interleaved rounds of ``--adds``
new applicants each, medians per add:

* **figure**: ``store.applicants.add(name=, uscc=)`` — checks the name and the credit
  code, takes the region from the code, refuses a registered code, computes the pinyin
  sort key, inserts the row and appends its ``applicant.add`` event to the hash chain, in
  one ``BEGIN IMMEDIATE`` transaction;
* **floor**: a bare ``sqlite3`` connection to the same file, same journal mode and
  synchronous setting, doing the same writes: ``BEGIN IMMEDIATE``, the duplicate check,
  the row insert, the chain head read, the event's SHA-256 over its canonical JSON and its
  insert, ``COMMIT``. The floor gets its sort keys ready-made (the key is our own work,
  so it is timed on our side only, and printed alone).

Also printed: the first add in the process, which imports pypinyin for the sort key.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import medians, report  # noqa: E402
from bench_import import varied_names  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

STAMP = "2026-06-01T08:00:00+00:00"
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    path = Path(tempfile.mkdtemp(prefix="bench-add-")) / "add.db"
    Store(path, load_bundled_packs=False).close()
    rng = random.Random(3)
    total = args.existing + 2 * args.adds * (args.runs + 1)
    names = varied_names(total, rng)
    codes = [make_uscc(division="330106", org_body=f"{i:08d}") for i in range(total)]
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.executemany("INSERT INTO applicants (name, name_sort, uscc, region, created_at, updated_at) "
                     "VALUES (?, ?, ?, 'hangzhou', ?, ?)",
                     [(names[i], f"k{i:08d}", codes[i], STAMP, STAMP) for i in range(args.existing)])
    conn.close()
    fresh = iter(range(args.existing, total))

    from brandmark.name_keys import name_sort_key    # the floor's keys, made before timing (not timed)

    store = Store(path, load_bundled_packs=False)
    start = time.perf_counter()
    store.applicants.add(name=names[next(fresh)], uscc=codes[next(fresh)])
    first = time.perf_counter() - start
    bare = sqlite3.connect(str(path), isolation_level=None)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = NORMAL")

    def bare_add(name: str, key: str, uscc: str) -> None:
        bare.execute("BEGIN IMMEDIATE")
        if bare.execute("SELECT id FROM applicants WHERE uscc = ?", [uscc]).fetchone():
            raise AssertionError(uscc)
        now = STAMP
        applicant_id = bare.execute(
            "INSERT INTO applicants (name, name_sort, uscc, region, address, industry, contact, demo, created_at, "
            "updated_at) VALUES (?, ?, ?, 'hangzhou', '', '', '', 0, ?, ?)", [name, key, uscc, now, now]).lastrowid
        head_id, head_hash = bare.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
        details = json.dumps({"name": name, "uscc": uscc, "region": "hangzhou", "address": "", "industry": "",
                              "contact": ""}, ensure_ascii=False)
        event = {"id": head_id + 1, "at": now, "actor": "", "action": "applicant.add", "entity": "applicant",
                 "entity_id": str(applicant_id), "details": details, "prev_hash": head_hash}
        digest = hashlib.sha256(_CANONICAL.encode(event).encode("utf-8")).hexdigest()
        bare.execute("INSERT INTO events (id, at, actor, action, entity, entity_id, details, prev_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [event["id"], now, "", "applicant.add", "applicant", event["entity_id"], details, head_hash,
                      digest])
        bare.execute("COMMIT")

    times: dict[str, list[float]] = {"ours": [], "floor": [], "key": []}
    for _ in range(args.runs):
        ours = [next(fresh) for _ in range(args.adds)]
        floor = [next(fresh) for _ in range(args.adds)]
        keys = [name_sort_key(names[i]) for i in floor]
        start = time.perf_counter()
        for i in ours:
            store.applicants.add(name=names[i], uscc=codes[i])
        times["ours"].append((time.perf_counter() - start) / args.adds)
        start = time.perf_counter()
        for i, key in zip(floor, keys):
            bare_add(names[i], key, codes[i])
        times["floor"].append((time.perf_counter() - start) / args.adds)
        sample = [names[i] + "新" for i in ours]          # unseen names: the key's cost without its word cache
        start = time.perf_counter()
        for name in sample:
            name_sort_key(name)
        times["key"].append((time.perf_counter() - start) / args.adds)
    median = medians(times)
    print(f"{args.existing:,} applicants registered; {args.adds} adds a round. First add in the process "
          f"(imports pypinyin): {first * 1000:.0f} ms; the sort key alone {median['key'] * 1e6:.0f} µs a name")
    verify = store.conn.execute("SELECT count(*) FROM events WHERE action = 'applicant.add'").fetchone()[0]
    assert verify == 1 + 2 * args.adds * args.runs, verify
    ok = report("add_applicant", f"add one applicant ({args.existing:,} registered)", median["ours"],
                "bare sqlite3: same checks, row, chained event, commit", median["floor"], goal=1.5, runs=args.runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
