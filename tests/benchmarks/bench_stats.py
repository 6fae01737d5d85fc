"""Benchmark: ``store.stats.compute()`` and ``brandmark-cli stats`` at 100,000 applicants and
10,000 assessments (issue 12 §5; goal: under 0.5 s).

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_stats.py [--applicants 100000] [--assessments 10000]
        [--rounds 9] [--cli-rounds 5] [--db PATH]

Fills a temporary register with the seeded raw rows of ``tests/stats_support.py`` (every
kind the statistics count: applicants over the 11 cities and 20 industries, assessments
over the bundled schemes with answers and findings, decisions, certificates with their
status history and surveillance visits, applications, a third of the applicants with
brand-value estimates); ``--db`` keeps that register at PATH and reuses it on the next run.

The figures, each against floors measured in the same run, interleaved, medians:

* ``compute()``, ``compute(year, scheme)`` and ``brand_index()`` in the process, wall time
  and CPU time (on a shared machine the CPU time is what the code costs; the wall time adds
  the waiting for a core). Two floors: **the same statements** ``compute()`` sends, recorded
  once and replayed on a bare ``sqlite3`` connection with ``fetchall()`` (what is left above
  it is brandmark's Python), and **one bare GROUP BY over each table read** (the least any
  statistics over these rows must do, whatever the SQL).
* ``brandmark-cli stats`` as a fresh process (what a user waits), against a fresh Python
  process that opens the file with ``sqlite3`` and replays the same statements: wall time
  and the child's CPU time (user + system), with the bytecode cache on as an installed
  copy has it. The command's open check runs beside its reads on a second connection
  (``store/background_check.py``), so on a machine with a free core the wall time is
  below the CPU time.

Goals: ``compute()`` and the whole ``brandmark-cli stats`` process under 0.5 s (wall).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import report  # noqa: E402
from brandmark.store import Store  # noqa: E402
from stats_support import fill_register  # noqa: E402

GOAL_SECONDS = 0.5

LEAST_QUERIES = (
    "SELECT region, count(*) FROM applicants GROUP BY 1",
    "SELECT scheme_id, count(*) FROM assessments GROUP BY 1",
    "SELECT item_id, count(*) FROM answers WHERE code = 3 GROUP BY 1",
    "SELECT item_id, count(*) FROM findings GROUP BY 1",
    "SELECT decision, count(*) FROM decisions GROUP BY 1",
    "SELECT status, count(*) FROM certificates GROUP BY 1",
    "SELECT done_on IS NULL, count(*) FROM surveillance GROUP BY 1",
    "SELECT applicant_id, max(valuation_date) FROM brand_value_estimates GROUP BY 1",
)

# A fresh process replaying the recorded statements on a bare connection: the CLI's floor.
REPLAY = """
import json, sqlite3, sys
statements = json.load(open(sys.argv[2], encoding="utf-8"))
conn = sqlite3.connect(sys.argv[1])
for sql, params in statements:
    conn.execute(sql, params).fetchall()
"""


class _Rows(list):
    def fetchall(self):
        return list(self)

    def fetchone(self):
        return self[0] if self else None


class Recorder:
    """Stands in for the store's connection once, keeping every statement with its parameters."""

    def __init__(self, conn):
        self.conn, self.statements = conn, []

    def execute(self, sql, params=()):
        self.statements.append((sql, params if isinstance(params, dict) else list(params)))
        return _Rows(self.conn.execute(sql, params).fetchall())

    def __getattr__(self, name):
        return getattr(self.conn, name)


def recorded_statements(store: Store, **filters) -> list[tuple[str, object]]:
    real = store.conn
    recorder = Recorder(real)
    store.conn = recorder
    try:
        store.stats.compute(**filters)
    finally:
        store.conn = real
    return recorder.statements


def timed(actions: dict[str, Callable[[], object]], rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median wall and CPU seconds of each action, the actions taking turns ``rounds`` times."""
    wall: dict[str, list[float]] = {name: [] for name in actions}
    cpu: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            action()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
    return ({name: statistics.median(v) for name, v in wall.items()},
            {name: statistics.median(v) for name, v in cpu.items()})


def load() -> str:
    with open("/proc/loadavg", encoding="ascii") as f:
        return f.read().split()[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=100_000)
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--cli-rounds", type=int, default=5)
    parser.add_argument("--db", type=Path, help="keep the filled register here and reuse it")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-stats-"))
    path = args.db or folder / "stats.db"
    if not path.exists():
        with Store(path) as store:
            fill_register(store.conn, applicants=args.applicants, assessments=args.assessments, seed=7)
    print(f"load average at start: {load()}")
    with Store(path) as store:
        store.stats.compute()              # the packs parsed once, as in a running window
        counts = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
            "applicants", "assessments", "answers", "certificates", "brand_value_estimates")}
        print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
        filters = {"year": 2025, "scheme": "zhejiang-made"}
        same_all, same_filtered = recorded_statements(store), recorded_statements(store, **filters)
        bare = __import__("sqlite3").connect(str(path))

        def replay(statements):
            return lambda: [bare.execute(sql, params).fetchall() for sql, params in statements]

        def least() -> None:
            for sql in LEAST_QUERIES:
                bare.execute(sql).fetchall()

        wall, cpu = timed({
            "same": replay(same_all), "least": least, "all": store.stats.compute,
            "same_filtered": replay(same_filtered), "filtered": lambda: store.stats.compute(**filters),
            "index": store.stats.brand_index,
        }, args.rounds)
        bare.close()
    same_name, least_name = "the same statements on a bare sqlite3 connection", "one bare GROUP BY over each table read"
    for clock, m in (("wall", wall), ("CPU", cpu)):
        report("stats", f"stats.compute() {clock}", m["all"], same_name, m["same"], goal=None, runs=args.rounds)
        report("stats", f"stats.compute() {clock}", m["all"], least_name, m["least"], goal=None, runs=args.rounds)
        report("stats", f"stats.compute(year, scheme) {clock}", m["filtered"], same_name, m["same_filtered"],
               goal=None, runs=args.rounds)
        report("stats", f"stats.brand_index() {clock}", m["index"], least_name, m["least"], goal=None,
               runs=args.rounds)

    # The command as a user runs it: a fresh process each time, against a fresh bare replay.
    statements = folder / "statements.json"
    statements.write_text(json.dumps(same_all, ensure_ascii=False), encoding="utf-8")
    script = Path(sys.executable).with_name("brandmark-cli")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "brandmark.cli"]
    env = {**os.environ, "BRANDMARK_DATA_DIR": str(folder / "userdata"), "PYTHONPATH": str(ROOT)}
    # An installed brandmark has its bytecode compiled; without the cache every module is
    # compiled again in each process (PYTHONDONTWRITEBYTECODE is set on some machines).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = {"cli": [*cli, "--db", str(path), "stats"],
                "replay": [sys.executable, "-c", REPLAY, str(path), str(statements)]}
    for command in commands.values():
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)     # bytecode written

    process_wall: dict[str, list[float]] = {name: [] for name in commands}
    process_cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.cli_rounds):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
            process_wall[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            process_cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    cli_wall = {name: statistics.median(v) for name, v in process_wall.items()}
    cli_cpu = {name: statistics.median(v) for name, v in process_cpu.items()}
    floor = "a fresh python replaying the same statements with sqlite3"
    report("stats", "brandmark-cli stats (process) wall", cli_wall["cli"], floor, cli_wall["replay"],
           goal=None, runs=args.cli_rounds)
    report("stats", "brandmark-cli stats (process) CPU", cli_cpu["cli"], floor, cli_cpu["replay"],
           goal=None, runs=args.cli_rounds)
    compute_met = wall["all"] < GOAL_SECONDS
    cli_met = cli_wall["cli"] < GOAL_SECONDS
    print(f"goal: under {GOAL_SECONDS * 1000:.0f} ms at {args.applicants:,} applicants and "
          f"{args.assessments:,} assessments: compute() " + ("met" if compute_met else "MISSED")
          + f" ({wall['all'] * 1000:.0f} ms wall, {cpu['all'] * 1000:.0f} ms CPU); brandmark-cli stats as a "
            "process " + ("met" if cli_met else "MISSED")
          + f" ({cli_wall['cli'] * 1000:.0f} ms wall, {cli_cpu['cli'] * 1000:.0f} ms CPU; its floor "
            f"{cli_wall['replay'] * 1000:.0f} ms wall); load average at end: {load()}")
    sys.exit(0 if compute_met and cli_met else 1)


if __name__ == "__main__":
    main()
