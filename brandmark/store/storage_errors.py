"""SQLite refusing a write (read-only file or folder, full disk) becomes a refusal, not a crash.

A register on a read-only share, or a disk that fills up mid-transaction, is the user's
situation to fix, not a bug: the action is refused with a message saying what happened
and that nothing was written (SQLite rolls the transaction back), and the CLI exits 2.
Reading a read-only register still works; only writes are refused.

>>> import sqlite3
>>> storage_refusal(sqlite3.OperationalError("database or disk is full"), "r.db").problems[0].code
'storage.disk_full'
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from brandmark.errors import RefusedInput


def storage_refusal(exc: BaseException, path: str | os.PathLike[str] | None = None) -> RefusedInput | None:
    """The refusal for a read-only or full database, or ``None`` for any other error."""
    if not isinstance(exc, sqlite3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    where = str(path) if path is not None else "memory"
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return RefusedInput.of("storage.read_only", path=where)
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return RefusedInput.of("storage.disk_full", path=where)
    return None


@contextlib.contextmanager
def refusing_storage_errors(path: str | os.PathLike[str] | None = None) -> Iterator[None]:
    """Turn a read-only or disk-full error inside the block into ``RefusedInput``."""
    try:
        yield
    except sqlite3.Error as exc:
        refusal = storage_refusal(exc, path)
        if refusal is None:
            raise
        raise refusal from None


def open_read_only(path: str | os.PathLike[str], schema_version: int, timeout: float = 15) -> sqlite3.Connection | None:
    """A reading connection to a register whose folder or file cannot be written, or ``None``.

    SQLite cannot open a WAL database whose folder refuses the ``-wal``/``-shm`` files, not
    even with ``mode=ro``; when no ``-wal`` file exists nobody can be writing it (no writer
    could create one either), so ``immutable=1`` reads the file as it is. A register that
    would need migrating first (another ``schema_version``) is not opened.
    """
    base = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    uris = [base]
    if not Path(f"{path}-wal").exists():
        uris.append(base + "&immutable=1")
    for uri in uris:
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            conn.close()
            continue
        if version != schema_version:
            conn.close()
            return None
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    return None
