"""Helpers of the exit-code, crash and fuzz tests (issue 8): run the CLI, dump a register."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from support import REPO


def run_cli(*args) -> tuple[int, str, str]:
    """``brandmark-cli ARGS`` in this process; returns (exit code, stdout, stderr).

    ``main`` is called directly (no new interpreter per run, which keeps a fuzz test of
    hundreds of runs within seconds). An argparse error raises ``SystemExit``, turned
    into its exit code here as the real command would exit.
    """
    from brandmark.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) if isinstance(a, Path) else a for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return code, out.getvalue(), err.getvalue()


def cli_subprocess(*args, env=None, timeout=120, prefix=()) -> subprocess.CompletedProcess:
    """``brandmark-cli ARGS`` as a real process (``prefix`` e.g. a privilege-dropping wrapper)."""
    command = [*prefix, sys.executable, "-c", "import sys; from brandmark.cli import main; sys.exit(main())",
               *map(str, args)]
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=environment)


def dump_tables(db) -> dict[str, list[tuple]]:
    """Every row of every table, in rowid order: equal dumps mean nothing was written.

    A plain connection, not ``mode=ro``: a read-only connection that closes last leaves
    the ``-wal`` and ``-shm`` files behind, and a later test of a read-only folder would
    find them writable.
    """
    conn = sqlite3.connect(str(db))
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        dump = {"__user_version": [tuple(conn.execute("PRAGMA user_version").fetchone())]}
        for table in tables:
            dump[table] = conn.execute(f'SELECT * FROM "{table}"').fetchall()
        return dump
    finally:
        conn.close()


def integrity(db) -> str:
    """``PRAGMA integrity_check`` of a database file (``"ok"`` when sound)."""
    conn = sqlite3.connect(str(db))
    try:
        return "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def privilege_dropper() -> tuple[str, ...] | None:
    """How to run a process that file permissions bind, or ``None`` when there is none.

    root ignores ``chmod 0444``; ``setpriv`` (util-linux) can drop the capabilities that
    let it. A normal user needs nothing.
    """
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return (setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner")
