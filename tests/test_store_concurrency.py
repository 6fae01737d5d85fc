"""Issue 8 §2: writers on one database wait their turn, they do not fail.

Real ``brandmark-cli`` processes write at once while this process (standing for the
window) writes too. A deferred transaction that read first and then wants to write fails
at once ("database is locked") when another writer committed meanwhile; transactions that
begin ``IMMEDIATE`` queue on the busy timeout instead.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from brandmark.store import Store
from brandmark.uscc import make_uscc


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("brandmark-cli")
    return [str(script)] if script.exists() else [sys.executable, "-m", "brandmark.cli"]


def start_adding(db: Path, number: int) -> subprocess.Popen:
    return subprocess.Popen([*cli_command(), "--db", str(db), "applicants", "add", "--name", f"并发测试{number}有限公司",
                             "--uscc", make_uscc(org_body=f"C{number:07d}"), "--region", "杭州", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_three_cli_writers_and_the_window_all_succeed(tmp_path):
    db = tmp_path / "shared.db"
    window = Store(db)
    try:
        processes = [start_adding(db, number) for number in range(3)]
        window_writes = 0
        # The window keeps writing while the three processes start, read and write (at a
        # brisk clerk's pace: a loop with no pause would hold the lock nearly all the time).
        while any(process.poll() is None for process in processes) or window_writes < 3:
            window.applicants.add(name=f"窗口{window_writes}有限公司", uscc=make_uscc(org_body=f"W{window_writes:07d}"),
                                  region="宁波", actor="window")
            window_writes += 1
            time.sleep(0.01)
        results = [(process.returncode, *process.communicate()) for process in processes]
        for code, out, err in results:
            assert code == 0, err
            assert json.loads(out)["id"] > 0
        assert window.applicants.count() == 3 + window_writes
    finally:
        window.close()


def test_three_cli_writers_on_a_database_that_does_not_exist_yet(tmp_path):
    """The three race to create it, migrate it and store the bundled packs: each step is
    made once, under the write lock, and the others find it done."""
    db = tmp_path / "new.db"
    processes = [start_adding(db, number) for number in range(3)]
    for process in processes:
        out, err = process.communicate()
        assert process.returncode == 0, err
    with Store(db) as store:
        assert store.applicants.count() == 3
        assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        packs = [(row["id"], row["version"]) for row in store.schemes.list()]
        assert len(packs) == len(set(packs))


def test_a_write_transaction_begins_immediate_and_nested_ones_are_savepoints(tmp_path):
    with Store(tmp_path / "a.db", load_bundled_packs=False) as store:
        statements = []
        store.conn.set_trace_callback(statements.append)
        with store.atomic():
            with store.atomic():
                store.settings.set("x", "1")
        store.conn.set_trace_callback(None)
        assert statements[0] == "BEGIN IMMEDIATE"
        assert statements[1].startswith("SAVEPOINT")
        assert statements[-1] == "COMMIT"
