"""Benchmark: how long ``brandmark-cli`` takes to start, against Python itself (issue 13 §2).

    PYTHONPATH=. python tests/benchmarks/bench_cli_startup.py [--runs 15]

Each run is a fresh process (the wall time a user waits), the pairs taking turns, medians:

* ``brandmark-cli --help`` against ``python -c pass`` (goal at most 3x);
* a read command, ``brandmark-cli applicants list --search 杭州`` on a register of 1,000
  applicants, against ``python -c "import sqlite_utils"`` (goal at most 1.3x): a command
  that opens the register cannot start faster than the library it reads it with;
* the same read command against a bare ``sqlite3`` script doing the same work the simplest
  way (open the file, the count and the first page of the same search, print them), the
  fairer floor now that the command no longer imports numpy through sqlite-utils (same goal).

The console script is the venv's ``brandmark-cli`` when there is one, else
``python -m brandmark.cli``. Also printed: the number of modules ``--help`` imports.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import interleaved, medians, report  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    env = {**os.environ, "BRANDMARK_DATA_DIR": str(folder / "userdata"), "PYTHONPATH": str(ROOT)}
    script = Path(sys.executable).with_name("brandmark-cli")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "brandmark.cli"]
    db = folder / "register.db"

    from bench_import import varied_names
    from brandmark.store import Store
    from brandmark.uscc import make_uscc

    with Store(db, load_bundled_packs=True) as store:
        names = varied_names(1000, random.Random(4))
        store.applicants.add_many([{"name": name, "uscc": make_uscc(division="330106", org_body=f"{i:08d}"),
                                    "region": "hangzhou"} for i, name in enumerate(names)])

    def run(command: list[str]):
        return lambda: subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)

    listed = subprocess.run([*cli, "--db", str(db), "applicants", "list", "--search", "杭州"], env=env,
                            capture_output=True, text=True, check=True).stdout
    assert listed.strip(), "the read command printed nothing"
    traced = [sys.executable, "-X", "importtime", *cli[1:]] if not script.exists() else \
        [sys.executable, "-X", "importtime", str(script)]
    imported = subprocess.run([*traced, "--help"], env=env, capture_output=True,
                              text=True).stderr.count("import time:") - 1      # less the header line
    bare_read = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); w = \"%\" + sys.argv[2] + \"%\"; "
                 "n = c.execute('SELECT count(*) FROM applicants WHERE name LIKE ? OR uscc LIKE ?', (w, w)).fetchone()[0]; "
                 "rows = c.execute('SELECT id, name, uscc, region FROM applicants WHERE name LIKE ? OR uscc LIKE ? "
                 "ORDER BY name_sort, id LIMIT 50', (w, w)).fetchall(); "
                 "print(n); [print(*r) for r in rows]")
    times = interleaved({
        "pass": run([sys.executable, "-c", "pass"]),
        "help": run([*cli, "--help"]),
        "sqlite_utils": run([sys.executable, "-c", "import sqlite_utils"]),
        "read": run([*cli, "--db", str(db), "applicants", "list", "--search", "杭州"]),
        "bare_read": run([sys.executable, "-c", bare_read, str(db), "杭州"]),
    }, args.runs)
    median = medians(times)
    print(f"--help imports {imported} modules")
    ok = report("cli_startup", "brandmark-cli --help", median["help"], "python -c pass", median["pass"],
                goal=3, runs=args.runs)
    ok = report("cli_startup", "brandmark-cli applicants list --search (1,000 registered)", median["read"],
                'python -c "import sqlite_utils"', median["sqlite_utils"], goal=1.3, runs=args.runs) and ok
    ok = report("cli_startup", "brandmark-cli applicants list --search (1,000 registered)", median["read"],
                "the same search in a bare sqlite3 script", median["bare_read"], goal=1.3, runs=args.runs) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
