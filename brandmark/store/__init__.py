"""The store: one object owns the SQLite database, its transactions and every query.

>>> store = Store(":memory:")
>>> applicant_id = store.applicants.add(name="示例电器有限公司", uscc="91350100M000100Y43",
...                                     region="杭州", actor="张三")
>>> store.applicants.get(applicant_id)["region"]
'hangzhou'

The window, the CLI and the reports call these managers; none of them writes SQL.
Each public method that changes data is one transaction: it either completes or
leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast
from zoneinfo import ZoneInfo

from brandmark.errors import RefusedInput
from brandmark.paths import backups_folder, bundled_pack_paths, default_db_path, evidence_folder, make_folder
from brandmark.store import guard, opening
from brandmark.store.migrations import LATEST, migrate, refuse_if_newer
from brandmark.store.register_database import RegisterDatabase
from brandmark.store.storage_errors import open_read_only, refusing_storage_errors, storage_refusal

if TYPE_CHECKING:      # the managers import lazily (start-up time); their types are named here
    from brandmark.errors import Problem
    from brandmark.store.background_check import BackgroundCheck
    from brandmark.store.applicants import Applicants
    from brandmark.store.applications import Applications
    from brandmark.store.audits import Audits
    from brandmark.store.calendar import BodyCalendar
    from brandmark.store.consultancies import Consultancies
    from brandmark.store.deadlines import Deadlines
    from brandmark.store.assessments import Assessments
    from brandmark.store.body_keys import BodyKeys
    from brandmark.store.certificates import Certificates
    from brandmark.store.events import EventLog
    from brandmark.store.evidence_files import EvidenceFiles
    from brandmark.store.exchange import Exchange
    from brandmark.store.mark_use import MarkUse
    from brandmark.store.people import People
    from brandmark.store.renewals import Renewals
    from brandmark.store.schemes import Schemes
    from brandmark.store.settings import Settings
    from brandmark.store.stats import Stats
    from brandmark.store.surveillance import Surveillance
    from brandmark.store.valuations import Valuations

_Manager = TypeVar("_Manager")


class RegisterMissing(RefusedInput):
    """No register at the path (``Store(..., create=False)``)."""


def _open_would_write(conn: sqlite3.Connection) -> bool:
    """Whether opening this register writes to it (a migration, or the change to WAL): then
    the check comes first, whatever the command."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return (version < LATEST
            or conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


# How long a writer waits for another process's write to finish before giving up.
BUSY_TIMEOUT_SECONDS = 15


class Store:
    """Open a brandmark database, creating it only where no file is, and migrating it.

    ``path`` may be ``":memory:"``; ``None`` uses ``--db``/``BRANDMARK_DB``/the user data dir.
    ``clock`` returns the current time (tests pass a fixed one). ``create=False`` refuses a
    missing path (``db.missing``) instead of making a new register there. With
    ``auto_backup`` (the default) the first write of each day first backs the register up
    (``store.backup``).

    An existing file is opened only if it is a brandmark register: an empty file, a file
    that is not SQLite, or an SQLite database without brandmark's tables is refused
    (``db.empty_file``, ``db.not_sqlite``, ``db.not_brandmark``), never turned into a new
    register. A register that fails ``PRAGMA quick_check`` opens read-only: ``damage``
    lists what the check found, reads work, every write is refused (``db.damaged``).
    With ``check_while_reading`` (a command that only reads, ``brandmark-cli stats``) the
    check runs beside the first reads (``store/background_check.py``) unless the open itself
    writes; until its verdict the connection is ``query_only``, and ``damage``, ``atomic()``
    and ``durable()`` wait for it.
    """

    def __init__(self, path: str | Path | None = None, *, clock: Callable[[], dt.datetime] = utc_now,
                 load_bundled_packs: bool = True, create: bool = True, auto_backup: bool = True,
                 check_while_reading: bool = False):
        self.clock = clock
        self.path: Path | None = None
        # True when the register's file or folder cannot be written: reads work, every
        # write is refused (storage.read_only).
        self.read_only = False
        self.created = False          # this Store made the file (see discard_if_new)
        self._damage: list[str] = []   # what the open's quick_check found; non-empty: read-only
        self._check_finished = True    # False when the quick_check ran out of its time
        # With ``check_while_reading`` the check runs beside the first reads (background_check).
        self._check_while_reading = check_while_reading
        self._background_check: BackgroundCheck | None = None
        self.auto_backup = auto_backup
        # A register created by this open has nothing to back up until its next day.
        self._backup_due_from: dt.datetime | None = None
        # What the body's day itself changes (``_settle_the_day``) is settled once a local day.
        self._settled_until: dt.datetime | None = None
        created_now = str(path) != ":memory:" and not default_db_path(path).exists()
        try:
            conn = self._connect(path, create)
        except sqlite3.DatabaseError as exc:
            read_only = self._connect_read_only(exc)
            if read_only is None:
                where = "memory" if self.path is None else self.path
                raise RefusedInput.of("db.cannot_open", path=str(where), reason=str(exc)) from None
            conn = read_only
        self.conn = conn
        # Reads on plain sqlite3; sqlite-utils is imported at the first table write (start-up time).
        self.db = RegisterDatabase(conn)
        self._released = False
        if self.path is not None:
            guard.protect(self.path)
            guard.protect_folder(backups_folder(self.path))
            guard.protect_folder(evidence_folder(self.path))
        if created_now:
            from brandmark.store.backup import next_local_day
            self._backup_due_from = next_local_day(self)
            # Nor anything the day could settle: it holds no certificate yet.
            self._settled_until = self._backup_due_from
        self._managers: dict[str, object] = {}
        # (``damage`` last: only storing a missing pack waits for a check running beside the reads.)
        if load_bundled_packs and not self.read_only and self._bundled_pack_missing() and not self.damage:
            self.schemes.ensure_bundled()
        self._changes_when_opened = conn.total_changes

    def _bundled_pack_missing(self) -> bool:
        """Whether a shipped pack is not stored under its exact content hash: only then is the
        pack code imported and the packs parsed (a read command's start-up time)."""
        known = {stored for (stored,) in self.conn.execute("SELECT hash FROM schemes")}
        return any(hashlib.sha256(path.read_bytes()).hexdigest() not in known for path in bundled_pack_paths())

    def _connect_read_only(self, exc: sqlite3.DatabaseError) -> sqlite3.Connection | None:
        """The register for reading, when opening it to write failed only for want of write access."""
        refusal = storage_refusal(exc, self.path)
        if self.path is None or not self.path.is_file() or refusal is None \
                or refusal.problems[0].code != "storage.read_only":
            return None
        conn = open_read_only(self.path, LATEST)
        self.read_only = conn is not None
        return conn

    def _connect(self, path: str | Path | None, create: bool) -> sqlite3.Connection:
        if str(path) == ":memory:":
            self.path = None
            conn = sqlite3.connect(":memory:", check_same_thread=False)
        else:
            self.path = default_db_path(path)
            if not os.path.lexists(self.path):
                if not create:
                    raise RegisterMissing.of("db.missing", path=str(self.path))
                make_folder(self.path.parent, "数据库文件夹 database folder", hint="choose another --db path")
                self.created = opening.create_register(self.path)
            opening.refuse_if_not_a_register_file(self.path)
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        try:
            if self.path is not None:
                opening.refuse_if_not_a_register(conn, self.path)
            # A database newer than this code is refused before anything about it changes.
            refuse_if_newer(conn, where=self.path or "memory")
            if self.path is not None:
                if self._check_while_reading and not _open_would_write(conn):
                    from brandmark.store.background_check import BackgroundCheck
                    self._background_check = BackgroundCheck(self.path)
                    # Until the verdict nothing is written (``_await_check`` lifts this).
                    conn.execute("PRAGMA query_only = ON")
                else:
                    self._damage, self._check_finished = opening.quick_check(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.isolation_level = None
            if self._damage:
                self.read_only = True
                # Never written: not even a migration or a journal-mode change.
                conn.execute("PRAGMA query_only = ON")
            else:
                if self.path is not None:
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = NORMAL")
                migrate(conn)
            # A statement that writes outside ``atomic()`` begins its own transaction: immediate too.
            conn.isolation_level = "IMMEDIATE"
        except BaseException:
            conn.close()
            raise
        return conn

    # -- plumbing -------------------------------------------------------------
    @property
    def damage(self) -> list[str]:
        """What the open's ``quick_check`` found (waiting for it when it runs beside the reads)."""
        self._await_check()
        return self._damage

    @property
    def check_finished(self) -> bool:
        self._await_check()
        return self._check_finished

    def _await_check(self) -> None:
        check, self._background_check = self._background_check, None
        if check is None:
            return
        self._damage, self._check_finished = check.verdict(self.conn)
        if self._damage:
            self.read_only = True       # query_only stays on: never written
        else:
            self.conn.execute("PRAGMA query_only = OFF")

    def damage_problem(self, code: str = "db.damaged") -> Problem:
        """The refusal (or, with ``db.opened_read_only``, the warning) for a damaged register."""
        from brandmark.errors import Problem
        first = self.damage[0] if self.damage else ""
        if len(self.damage) > 1:
            first += f" (+{len(self.damage) - 1})"
        return Problem(code, (), {"path": str(self.path), "problem": first, "restore": opening.RESTORE_COMMAND})

    def refuse_if_read_only(self) -> None:
        if self.damage:
            raise RefusedInput(problems=[self.damage_problem()])

    @contextlib.contextmanager
    def atomic(self) -> Iterator[RegisterDatabase]:
        """One transaction (nested calls become savepoints).

        A damaged register refuses every write (``db.damaged``); a read-only database or a
        full disk refuses the action (``storage.read_only``, ``storage.disk_full``) instead
        of crashing; the transaction is rolled back.
        """
        self.refuse_if_read_only()
        self._daily_backup()
        self._settle_the_day()
        with self._transaction() as db:
            yield db

    def discard_if_new(self) -> bool:
        """Close, and remove the database file if this Store created it and nothing but its
        creation was ever written to it (a refused first command leaves no register behind).

        Kept whenever anything else is in it, or another connection has it open (the
        journal mode cannot then be changed: that needs the only connection). Returns
        whether the file was removed.
        """
        if self.path is None or not self.created:
            self.close()
            return False
        untouched = (self.conn.total_changes == self._changes_when_opened
                     and opening.holds_only_its_creation(self.conn))
        self.close()
        return untouched and opening.remove_if_unused(self.path)

    @contextlib.contextmanager
    def durable(self) -> Iterator[RegisterDatabase]:
        """A transaction committed with ``synchronous=FULL``: on disk before it returns."""
        self.refuse_if_read_only()
        self._daily_backup()
        self._settle_the_day()
        self.conn.execute("PRAGMA synchronous = FULL")
        try:
            with self._transaction() as db:
                yield db
        finally:
            self.conn.execute("PRAGMA synchronous = NORMAL")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[RegisterDatabase]:
        """The register's transaction (a savepoint when nested), with the evidence files the
        outermost one wrote: their folder synced before its commit, removed if it does not commit."""
        outermost = not self.conn.in_transaction
        try:
            with refusing_storage_errors(self.path), self.db.atomic() as db:
                try:
                    yield db
                    if outermost:
                        self._evidence_files_before_commit()
                except BaseException:
                    if outermost:
                        self._evidence_files_ended(committed=False)
                    raise
        finally:
            if outermost:
                self._evidence_files_ended(committed=True)

    def _evidence_files_before_commit(self) -> None:
        manager = self._managers.get("evidence_files")
        if manager is not None:
            cast("EvidenceFiles", manager).before_commit()

    def _evidence_files_ended(self, *, committed: bool) -> None:
        """The outermost transaction is ending. Not committed (called before the rollback,
        the write lock still held): the evidence files it made are removed, since no
        committed row can name them. Otherwise they are forgotten: named by its rows, or,
        when the commit itself failed, orphans (removing them once the lock is gone could
        take a file another writer has just found and named)."""
        manager = self._managers.get("evidence_files")
        if manager is not None:
            cast("EvidenceFiles", manager).transaction_ended(committed)

    def daily_backup_due(self) -> bool:
        """Would this store's next write first look for (and maybe make) the day's backup?"""
        return (self.auto_backup and self.path is not None and not self.read_only
                and (self._backup_due_from is None or self.clock() >= self._backup_due_from))

    def _daily_backup(self) -> None:
        """Before the first write of the body's day: that day's backup, if it has none yet.

        A failed backup never stops the write (the window shows how old the last one is)."""
        if self.conn.in_transaction or not self.daily_backup_due():
            return
        from brandmark.store.backup import ensure_daily_backup, next_local_day
        try:
            ensure_daily_backup(self)
        except (OSError, sqlite3.Error, RefusedInput) as exc:
            print(f"brandmark: warning: the daily backup failed: {exc}", file=sys.stderr)
        self._backup_due_from = next_local_day(self)

    def _settle_the_day(self) -> None:
        """Before the first write of the body's day (after its backup): what the date alone
        changes in the legal record, written as events. Today that is a certificate replaced
        "at expiry" by a recertification, cancelled as superseded once its last day has passed
        (``Renewals.settle_replacements``); reads show it so on any day before it is written.

        A failure never stops the write; the next write tries again."""
        if self.conn.in_transaction or (self._settled_until is not None and self.clock() < self._settled_until):
            return
        from brandmark.store.backup import next_local_day
        self._settled_until = next_local_day(self)       # first: settling writes through atomic() too
        try:
            self.renewals.settle_replacements()
        except (sqlite3.Error, RefusedInput) as exc:
            self._settled_until = None
            print(f"brandmark: warning: settling the day failed: {exc}", file=sys.stderr)

    def now(self) -> str:
        """The moment as stored: ISO 8601 with its UTC offset (``clock``'s, UTC by default)."""
        return self.clock().isoformat()

    def time_zone(self) -> ZoneInfo:
        """The body's time zone (``certificates settings --time-zone``; default Asia/Shanghai)."""
        from brandmark.store.settings import SETTING_TIME_ZONE, body_zone
        return body_zone(self.settings.get(SETTING_TIME_ZONE))

    def local_now(self) -> dt.datetime:
        """The moment in the body's time zone: what a report prints."""
        return self.clock().astimezone(self.time_zone())

    def local_today(self) -> dt.date:
        """Today where the body is (07:30 on 1 January in Hangzhou is 1 January, not 31 December UTC)."""
        return self.local_now().date()

    def today(self) -> dt.date:
        """The body's date: issue and expiry dates, certificate years, deadlines, surveillance."""
        return self.local_today()

    def close(self) -> None:
        if self._background_check is not None:
            self._background_check.wait()    # its thread ends before the process
            self._background_check = None
        self.conn.close()
        if self.path is not None and not self._released:
            self._released = True
            guard.release(self.path)

    def reopen(self) -> None:
        """A fresh connection after ``close`` (the window closes its own to restore a backup)."""
        fresh = Store(self.path or ":memory:", clock=self.clock, load_bundled_packs=False,
                      auto_backup=self.auto_backup)
        self.conn, self.db = fresh.conn, fresh.db
        self._released = False             # the fresh open protected the path; this store releases it

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        version: int = self.conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    latest_schema_version = LATEST

    def _manager(self, name: str, factory: Callable[[Store], _Manager]) -> _Manager:
        if name not in self._managers:
            self._managers[name] = factory(self)
        return cast(_Manager, self._managers[name])

    # -- managers -------------------------------------------------------------
    @property
    def events(self) -> EventLog:
        from brandmark.store.events import EventLog
        return self._manager("events", EventLog)

    @property
    def evidence_files(self) -> EvidenceFiles:
        from brandmark.store.evidence_files import EvidenceFiles
        return self._manager("evidence_files", EvidenceFiles)

    @property
    def body_keys(self) -> BodyKeys:
        from brandmark.store.body_keys import BodyKeys
        return self._manager("body_keys", BodyKeys)

    @property
    def settings(self) -> Settings:
        from brandmark.store.settings import Settings
        return self._manager("settings", Settings)

    @property
    def schemes(self) -> Schemes:
        from brandmark.store.schemes import Schemes
        return self._manager("schemes", Schemes)

    @property
    def people(self) -> People:
        from brandmark.store.people import People
        return self._manager("people", People)

    @property
    def applicants(self) -> Applicants:
        from brandmark.store.applicants import Applicants
        return self._manager("applicants", Applicants)

    @property
    def assessments(self) -> Assessments:
        from brandmark.store.assessments import Assessments
        return self._manager("assessments", Assessments)

    @property
    def applications(self) -> Applications:
        from brandmark.store.applications import Applications
        return self._manager("applications", Applications)

    @property
    def calendar(self) -> BodyCalendar:
        from brandmark.store.calendar import BodyCalendar
        return self._manager("calendar", BodyCalendar)

    @property
    def deadlines(self) -> Deadlines:
        from brandmark.store.deadlines import Deadlines
        return self._manager("deadlines", Deadlines)

    @property
    def audits(self) -> Audits:
        from brandmark.store.audits import Audits
        return self._manager("audits", Audits)

    @property
    def consultancies(self) -> Consultancies:
        from brandmark.store.consultancies import Consultancies
        return self._manager("consultancies", Consultancies)

    @property
    def certificates(self) -> Certificates:
        from brandmark.store.certificates import Certificates
        return self._manager("certificates", Certificates)

    @property
    def mark_use(self) -> MarkUse:
        from brandmark.store.mark_use import MarkUse
        return self._manager("mark_use", MarkUse)

    @property
    def surveillance(self) -> Surveillance:
        from brandmark.store.surveillance import Surveillance
        return self._manager("surveillance", Surveillance)

    @property
    def renewals(self) -> Renewals:
        from brandmark.store.renewals import Renewals
        return self._manager("renewals", Renewals)

    @property
    def stats(self) -> Stats:
        from brandmark.store.stats import Stats
        return self._manager("stats", Stats)

    @property
    def exchange(self) -> Exchange:
        from brandmark.store.exchange import Exchange
        return self._manager("exchange", Exchange)

    @property
    def valuations(self) -> Valuations:
        from brandmark.store.valuations import Valuations
        return self._manager("valuations", Valuations)


__all__ = ["RegisterMissing", "Store", "utc_now"]
