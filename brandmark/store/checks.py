"""The register's health: every check ``brandmark-cli db check`` runs, as a list.

Each check is a function ``(conn) -> list[dict[str, Any]]`` returning its problems (``{"check":
name, "message": text, ...}``; none when sound). ``CHECKS`` is the list ``check_register``
runs in order; a later part of the register's care (the event chain of ``db verify``)
adds its function with ``add_check``.

>>> import tempfile
>>> from pathlib import Path
>>> from brandmark.store import Store
>>> path = Path(tempfile.mkdtemp()) / "brandmark.db"
>>> Store(path).close()
>>> report = check_register(path)
>>> report["ok"], report["problems"]
(True, [])
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brandmark.errors import RefusedInput
from brandmark.store.migrations import LATEST
from brandmark.store.opening import REGISTER_TABLES, RESTORE_COMMAND, SQLITE_NOTADB, problem_lines

Check = Callable[[sqlite3.Connection], list[dict[str, Any]]]


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def integrity(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """SQLite's full ``integrity_check``: pages, b-trees, indexes against their tables."""
    rows = conn.execute("PRAGMA integrity_check(100)").fetchall()
    return [{"check": "integrity", "message": line} for line in problem_lines(row[0] for row in rows)]


def foreign_keys(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Rows whose reference points at nothing (``foreign_key_check``)."""
    return [{"check": "foreign_keys", "message": f"{table} row {rowid} refers to a missing {parent} row",
             "table": table, "rowid": rowid, "parent": parent}
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()]


def schema_version(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """A register's schema version this brandmark knows, and its tables all there."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    problems = []
    if not 1 <= version <= LATEST:
        problems.append({"check": "schema_version", "version": version, "latest": LATEST,
                         "message": f"schema version {version} is not one this brandmark knows (1 to {LATEST})"})
    missing = sorted(REGISTER_TABLES - tables)
    if missing:
        problems.append({"check": "schema_version", "message": f"tables missing: {', '.join(missing)}",
                         "missing": missing})
    return problems


def search_index(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The applicants' search index holds what their names and codes give (``schema_search``)."""
    from brandmark.store.schema_search import search_index_problems

    return search_index_problems(conn)


def evidence_files(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every evidence file a row names as kept in the evidence folder is there, at its size
    (``db verify`` hashes them)."""
    from brandmark.errors import Problem
    from brandmark.store.evidence_files import file_path, folder_of

    folder = folder_of(conn)
    problems: list[dict[str, Any]] = []
    codes = {"evidence": ("evidence.file_missing", "evidence.file_changed", ""),
             "applicant_attachment_evidence": ("evidence.attached_file_missing", "evidence.attached_changed",
                                               ", attachment_id")}
    for table, (missing, changed, more) in codes.items():
        if not any(row[1] == "stored" for row in conn.execute(f"PRAGMA table_info({table})")):
            continue
        for evidence_id, sha256, size, *attachment in conn.execute(
                f"SELECT id, sha256, size{more} FROM {table} WHERE stored = 'file' ORDER BY id"):
            path = file_path(folder, sha256) if folder is not None else Path(sha256)
            try:
                found = path.stat().st_size
            except OSError:
                found = None
            code = missing if found is None else changed if found != size else None
            if code is not None:
                params = {"evidence_id": evidence_id, "sha256": sha256, "path": str(path),
                          **({"attachment_id": attachment[0]} if attachment else {})}
                problems.append({"check": "evidence_files", "code": code, **params,
                                 "message": Problem(code, (), params).message()})
    return problems


CHECKS: list[Check] = [integrity, foreign_keys, schema_version, search_index, evidence_files]


def add_check(check: Check) -> Check:
    """Have ``check_register`` run ``check`` too (after the checks above); returns it."""
    if check not in CHECKS:
        CHECKS.append(check)
    return check


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write (``mode=ro``): a check changes nothing, not even the
    journal mode, and never creates a file."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=15)
    conn.text_factory = _lenient_text
    return conn


def check_register(path: str | Path) -> dict[str, Any]:
    """Run every check on the register at ``path``: ``{"ok", "path", "problems"}``.

    A missing path is refused (``db.missing``); a file that cannot be read as a database
    at all is reported as one problem, not raised.
    """
    from brandmark.store import guard

    path = Path(path)
    if not path.exists():
        raise RefusedInput.of("db.missing", path=str(path))
    problems: list[dict[str, Any]] = []
    guard.protect(path)
    try:
        conn = open_read_only(path)
        try:
            for check in CHECKS:
                try:
                    problems.extend(check(conn))
                except UnicodeDecodeError:
                    problems.append({"check": getattr(check, "__name__", "check"),
                                     "message": "the report is itself garbled (damaged page)"})
                except sqlite3.DatabaseError as exc:
                    problems.append({"check": getattr(check, "__name__", "check"), "message": str(exc)})
                    if getattr(exc, "sqlite_errorcode", None) == SQLITE_NOTADB:
                        break               # nothing else can be read either
        finally:
            conn.close()
    except sqlite3.Error as exc:
        problems.append({"check": "open", "message": str(exc)})
    finally:
        guard.release(path)
    # A derived part (the search index) is made again rather than restored from a backup.
    repairs = sorted({problem["repair"] for problem in problems if problem.get("repair")})
    restore = any(not problem.get("repair") for problem in problems)
    return {"ok": not problems, "path": str(path), "problems": problems,
            "restore": RESTORE_COMMAND if restore else None, "repair": repairs, "evidence_orphans": _orphans(path)}


def _orphans(path: Path) -> list[dict[str, Any]]:
    """Files of the evidence folder no row names (harmless: a killed import's; not a problem).
    ``db check --remove-orphans`` removes them."""
    from brandmark.store.evidence_files import orphans

    try:
        conn = open_read_only(path)
        try:
            return orphans(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return []


__all__ = ["CHECKS", "Check", "add_check", "check_register", "evidence_files", "foreign_keys", "integrity",
           "schema_version", "search_index"]
