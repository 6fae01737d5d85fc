"""Benchmark: backing up a register of 100,000 applicants, and what the daily backup adds to a write.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_backup.py [--n 100000] [--runs 7]

Builds a temporary register (WAL, like the app) with ``--n`` applicants and an event for
each, then times, interleaved run by run (medians of ``--runs``):

- ``make_backup`` (brandmark: online backup API, a temporary name, journal_mode=DELETE,
  fsync, rename) against two floors measured in the same run on the same file: a bare
  ``sqlite3`` ``Connection.backup`` into a new file, and ``VACUUM INTO``;
- the first write of a day with the backup due (open, back up, write) against the same
  write with ``auto_backup=False``;
- the first write of a day when today's backup already exists (the check alone) against
  the same write with ``auto_backup=False``: the cost every other open pays.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from brandmark.store import Store  # noqa: E402
from brandmark.store import backup  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def build(path: Path, n: int, rng: random.Random) -> None:
    with Store(path, auto_backup=False) as store:
        now = store.now()
        rows, seen = [], set()
        while len(rows) < n:
            code = make_uscc("91", "330100", "".join(rng.choice(ORG_CHARS) for _ in range(8)))
            if code not in seen:
                seen.add(code)
                rows.append((f"杭州测试{len(rows)}电器有限公司", code, "hangzhou", "杭州市西湖区文三路 1 号", "", "", 0,
                             now, now))
        with store.atomic():
            store.conn.executemany(
                "INSERT INTO applicants (name, uscc, region, address, industry, contact, demo, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            store.conn.executemany(
                "INSERT INTO events (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                [(now, "bench", "applicant.add", "applicant", str(i + 1), "{}") for i in range(n)])


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        db = folder / "register.db"
        build(db, args.n, random.Random(args.seed))
        size = db.stat().st_size + (db.with_name("register.db-wal").stat().st_size
                                    if db.with_name("register.db-wal").exists() else 0)
        print(f"register: {args.n:,} applicants, {size / 1e6:.1f} MB (db + wal)")
        out = folder / "out"
        out.mkdir()
        figures: dict[str, list[float]] = {name: [] for name in (
            "make_backup", "bare backup", "VACUUM INTO", "due: first write", "due: bare write",
            "check: first write", "check: bare write")}
        day = dt.datetime(2026, 3, 2, 1, tzinfo=dt.timezone.utc)
        for run in range(args.runs):
            order = ["make_backup", "bare backup", "VACUUM INTO"]
            random.Random(run).shuffle(order)
            with Store(db, auto_backup=False, load_bundled_packs=False) as store:
                for name in order:
                    target = out / f"{name.replace(' ', '-')}-{run}.db"
                    if name == "make_backup":
                        figures[name].append(timed(lambda: backup.make_backup(store, target)))
                    elif name == "bare backup":
                        def bare():
                            source = sqlite3.connect(db)
                            copy = sqlite3.connect(target)
                            source.backup(copy)
                            copy.close()
                            source.close()
                        figures[name].append(timed(bare))
                    else:
                        def vacuum():
                            source = sqlite3.connect(db)
                            source.execute("VACUUM INTO ?", [str(target)])
                            source.close()
                        figures[name].append(timed(vacuum))
            for path in out.iterdir():
                path.unlink()

            # A new day for each run, so the backup is due again.
            today = day + dt.timedelta(days=run)

            def first_write(auto: bool) -> None:
                with Store(db, clock=lambda: today, load_bundled_packs=False, auto_backup=auto) as store:
                    store.settings.set("bench.run", str(run))

            pair = [("due: first write", True), ("due: bare write", False)]
            random.Random(run + 100).shuffle(pair)
            for name, auto in pair:
                figures[name].append(timed(lambda: first_write(auto)))
            pair = [("check: first write", True), ("check: bare write", False)]
            random.Random(run + 200).shuffle(pair)
            for name, auto in pair:
                figures[name].append(timed(lambda: first_write(auto)))
            for path in backup.backups_folder(db).glob("*.db"):
                path.unlink()
        median = {name: statistics.median(values) for name, values in figures.items()}
        for name, value in median.items():
            print(f"{name:>20}: {value * 1000:8.1f} ms (median of {args.runs})")
        print(f"make_backup / bare backup   = {median['make_backup'] / median['bare backup']:.2f}")
        print(f"make_backup / VACUUM INTO   = {median['make_backup'] / median['VACUUM INTO']:.2f}")
        print(f"backup due: first write adds {(median['due: first write'] - median['due: bare write']) * 1000:.1f} ms "
              f"(ratio {median['due: first write'] / median['due: bare write']:.2f})")
        print(f"backup done: the check adds {(median['check: first write'] - median['check: bare write']) * 1000:.1f} "
              f"ms (ratio {median['check: first write'] / median['check: bare write']:.2f})")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("BRANDMARK_DATA_DIR", tempfile.mkdtemp(prefix="bench-backup-"))
    sys.exit(main())
