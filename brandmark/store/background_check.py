"""The open's ``quick_check`` run beside a command that only reads, on its own connection.

At 100,000 applicants the check reads the whole file in about 0.2 s, more than the
statistics themselves take. A command that only reads does not need its verdict before it
starts (a damaged register is read anyway, with a warning), so the check runs in a thread
while the command reads; SQLite gives up Python's lock while it works, so the two overlap
on a second core. Anything that would write waits for the verdict first (``Store``), and
until then the register's connection is ``query_only``: no write can slip past the check.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from brandmark.store import opening


class BackgroundCheck:
    def __init__(self, path: Path):
        self._path = path
        self._verdict: tuple[list[str], bool] | None = None
        self._thread = threading.Thread(target=self._run, name="brandmark-open-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
        except sqlite3.Error:
            return                  # the caller checks on its own connection instead
        try:
            self._verdict = opening.quick_check(conn)
        except sqlite3.Error:
            self._verdict = None
        finally:
            conn.close()

    def wait(self) -> None:
        self._thread.join()

    def verdict(self, conn: sqlite3.Connection) -> tuple[list[str], bool]:
        """``(problems, finished)`` as ``opening.quick_check`` gives them, waiting for the
        thread; on the caller's connection when the thread could not check."""
        self._thread.join()
        return self._verdict if self._verdict is not None else opening.quick_check(conn)
