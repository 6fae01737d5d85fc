"""Opening a register safely: create only where nothing is, refuse what is not a register,
check before writing, and take back a new register that a refused first command made.

Used by ``Store``; see ``docs/data-safety.md``, "Opening a register".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from brandmark.errors import RefusedInput

# The command that brings back a good copy (brandmark-cli db restore, issue 8 §4).
RESTORE_COMMAND = "brandmark-cli db restore FILE"
# Tables every brandmark register has had since schema version 1.
REGISTER_TABLES = frozenset({"schemes", "applicants", "assessments", "events", "settings"})
# quick_check reads every page; on a register of many gigabytes of evidence that takes
# long, so the open checks for at most this long and says when it could not finish
# (``brandmark-cli db check`` always checks the whole file).
OPEN_CHECK_SECONDS = 2.0
# How often (in SQLite virtual-machine steps) the check looks at the clock.
PROGRESS_STEPS = 20_000
# Problems quick_check lists at most (the first one is what the message names).
OPEN_CHECK_PROBLEMS = 20

SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


def create_register(path: Path) -> bool:
    """Make a new, migrated register at ``path``, appearing there whole or not at all.

    Built beside it under a temporary name and linked into place: a process that opens
    the path a moment later sees either nothing or a complete register, never the
    zero-byte file SQLite starts with (which it would refuse as not a register). Returns
    False when another process created the path first (theirs is used).
    """
    import secrets

    from brandmark.store.migrations import migrate

    temp = path.with_name(f".{path.name}.new-{secrets.token_hex(6)}")
    try:
        conn = sqlite3.connect(str(temp), isolation_level=None)
        try:
            migrate(conn)
            conn.execute("PRAGMA journal_mode = WAL")    # kept in the file's header
        finally:
            conn.close()
        try:
            os.link(temp, path)
            return True
        except FileExistsError:
            return False
        except OSError:
            # A file system without hard links: a rename, which could replace a register
            # another process created in the same instant; check just before.
            if os.path.lexists(path):
                return False
            os.replace(temp, path)
            return True
    except OSError as exc:
        raise RefusedInput.of("db.cannot_create", path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{temp}{suffix}")


def refuse_if_not_a_register_file(path: Path) -> None:
    """Refuse a folder or an empty file at ``path`` (from ``stat``, without opening it)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise RefusedInput.of("db.cannot_open", path=str(path), reason=exc.strerror or str(exc)) from None
    if os.path.isdir(path):
        raise RefusedInput.of("db.not_a_file", path=str(path))
    if info.st_size == 0:
        raise RefusedInput.of("db.empty_file", path=str(path))


def refuse_if_not_a_register(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that is not SQLite, or SQLite without brandmark's tables; a register
    whose very schema cannot be read is refused as damaged (there is nothing to show)."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        primary = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if primary == SQLITE_NOTADB:
            raise RefusedInput.of("db.not_sqlite", path=str(path), restore=RESTORE_COMMAND) from None
        if primary != SQLITE_CORRUPT:
            raise          # not damage (a read-only folder, a lock): the caller decides
        raise RefusedInput.of("db.unreadable", path=str(path), problem=str(exc), restore=RESTORE_COMMAND) from None
    except UnicodeDecodeError:
        raise RefusedInput.of("db.unreadable", path=str(path), problem="garbled schema",
                              restore=RESTORE_COMMAND) from None
    missing = sorted(REGISTER_TABLES - tables)
    if version == 0 or missing:
        raise RefusedInput.of("db.not_brandmark", path=str(path), missing=", ".join(missing) or "user_version")


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def quick_check(conn: sqlite3.Connection, seconds: float | None = None) -> tuple[list[str], bool]:
    """``PRAGMA quick_check``, for at most ``seconds``: ``(problems, finished)``.

    ``problems`` is empty for a sound file (or one whose check ran out of time, then
    ``finished`` is False). A damaged page's text may not even be UTF-8: it is decoded
    leniently, so the report itself cannot fail.
    """
    deadline = time.monotonic() + (OPEN_CHECK_SECONDS if seconds is None else seconds)
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, PROGRESS_STEPS)
    factory = conn.text_factory
    conn.text_factory = _lenient_text
    try:
        rows = conn.execute(f"PRAGMA quick_check({OPEN_CHECK_PROBLEMS})").fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return [], False
        return [str(exc)], True
    except sqlite3.DatabaseError as exc:
        return [str(exc)], True
    except UnicodeDecodeError:
        # SQLite's own report quoted the damaged bytes, which are not even text.
        return ["the check's report is itself garbled (damaged page)"], True
    finally:
        conn.set_progress_handler(None, 0)
        conn.text_factory = factory
    return problem_lines(row[0] for row in rows), True


def problem_lines(reported: Iterable[object]) -> list[str]:
    """integrity_check's rows as one problem a line ("ok" and the "*** in database main ***"
    heading it puts before a page's list dropped)."""
    lines = []
    for row in reported:
        for line in str(row).splitlines():
            line = line.strip()
            if line and line != "ok" and not line.startswith("*** in database"):
                lines.append(line)
    return lines


# What brandmark itself records in a register it has just made: the event chain's start
# (schema step of the hash chain) and the bundled packs.
CREATION_ACTIONS = ("chain.start", "scheme.import")


def holds_only_its_creation(conn: sqlite3.Connection) -> bool:
    """True when the register's events are only those brandmark records at its creation."""
    marks = ", ".join("?" for _ in CREATION_ACTIONS)
    row = conn.execute(f"SELECT count(*) FROM events WHERE NOT (actor = 'brandmark' AND action IN ({marks}))",
                       CREATION_ACTIONS).fetchone()
    return int(row[0]) == 0


def remove_if_unused(path: Path) -> bool:
    """Remove the register at ``path`` and its sidecar files, if no connection has it open
    and it still holds only its creation; True when removed."""
    try:
        conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        # Leaving WAL needs the only connection: a sure sign nobody else has it open. The
        # exclusive lock then keeps anyone from starting to use it while it goes.
        if conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] != "delete":
            return False
        conn.execute("BEGIN EXCLUSIVE")
        if not holds_only_its_creation(conn):
            conn.execute("ROLLBACK")
            return False
        for suffix in ("-wal", "-shm", "-journal", ""):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{path}{suffix}")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.close()
