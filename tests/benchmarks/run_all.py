"""Run every benchmark and print one table of every figure against its floor.

    python tests/benchmarks/run_all.py [--quick] [--only NAME ...]

Each ``bench_*.py`` runs in its own interpreter (one at a time, so they do not share the
cores) and prints ``BENCH {json}`` lines through ``_bench.report``; this collects them.
``--quick`` passes smaller sizes, for a look at the table in a few minutes rather than the
figures to quote. A benchmark that fails or prints no figure is listed as such.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# The benchmarks that report figures through _bench.report, with their quick arguments.
BENCHES = {
    "valuation": ["--trials", "200000", "--loop-trials", "5000", "--runs", "3", "--memory-trials", "0"],
    "scoring": ["--n", "2000", "--runs", "3"],
    "certificates": ["--count", "10", "--runs", "3"],
    "register_search": ["--n", "20000", "--runs", "5"],
    "register_pages": ["--n", "10000", "--runs", "3"],
    "ui_startup": ["3"],
    "reports": ["--repeat", "3"],
    "score_one": ["--n", "2000", "--runs", "3"],
    "ranking": ["--n", "2000", "--runs", "3"],
    "add_applicant": ["--existing", "2000", "--adds", "100", "--runs", "3"],
    "cli_startup": ["--runs", "5"],
    "import": ["--n", "20000", "--rounds", "1"],
}


def run(name: str, quick: bool) -> tuple[list[dict], str]:
    command = [sys.executable, str(HERE / f"bench_{name}.py"), *(BENCHES[name] if quick else [])]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    rows = [json.loads(line[len("BENCH "):]) for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    status = f"exit {done.returncode}, {time.perf_counter() - started:.0f} s"
    if not rows:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        status += f", no figure: {tail}"
    return rows, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, to see the table soon")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHES), default=sorted(BENCHES, key=list(BENCHES).index))
    args = parser.parse_args()
    table, statuses = [], {}
    for name in args.only:
        print(f"running bench_{name}.py ...", file=sys.stderr, flush=True)
        rows, statuses[name] = run(name, args.quick)
        table.extend(rows)
    print(f"{'figure':<70} {'ms':>10} {'floor ms':>10} {'ratio':>8} {'goal':>8}  result   floor")
    for row in table:
        goal = "-" if row["goal"] is None else f"{row['goal_sign']}{row['goal']:g}x"
        result = "-" if row["met"] is None else ("met" if row["met"] else "MISSED")
        print(f"{row['figure'][:70]:<70} {row['seconds'] * 1000:>10.2f} {row['floor_seconds'] * 1000:>10.2f} "
              f"{row['ratio']:>7.2f}x {goal:>8}  {result:<8} {row['floor']} (median of {row['runs']})")
    for name, status in statuses.items():
        print(f"bench_{name}.py: {status}")
    missed = [row for row in table if row["met"] is False]
    print(f"{len(table)} figures, {len(missed)} goals missed")
    return 1 if missed or any("no figure" in s for s in statuses.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
