"""Backups of the register: consistent copies made with SQLite's online backup API.

A backup is never a file copy of the live database: ``sqlite3.Connection.backup`` copies
the pages in one read transaction, so the copy is the register as it was at one instant
even while the window or another ``brandmark-cli`` writes (WAL lets them go on). The copy
is written beside its final name and renamed into place (``brandmark.atomic_files``), is
switched to a plain single file (no ``-wal``), and carries everything the register holds:
settings, certificate numbering, the event log, evidence. Evidence kept outside the database
(``brandmark.store.evidence_files``) goes with it: the files the copy's rows name are put in
the copy's own evidence folder (``<copy>.evidence/``, hard links where the file system
allows, else copies) before the copy gets its name, so a backup is a register with all its
evidence, wherever the pair is taken. A restore brings them back beside the register.

Where backups go: ``<database folder>/backups/<database stem>/<stem>-YYYY-MM-DDTHHMMSS.db``
(the time in the body's time zone), one folder per database so a demo database and the
real register never share backups.

Automatic backups: the first write of each day (in the body's local day, settings key
``body.time_zone``, default Asia/Shanghai) first makes a backup when that day has none
(``ensure_daily_backup``, called by ``Store``). Pruning keeps every backup of the
``backup.keep_daily`` (14) most recent days that have one, and the first backup of each of
the ``backup.keep_monthly`` (12) most recent months.

>>> import tempfile
>>> from brandmark.store import Store
>>> store = Store(Path(tempfile.mkdtemp()) / "brandmark.db", load_bundled_packs=False)
>>> path = make_backup(store)                          # brandmark-2026-12-01T091502.db (the body's day)
>>> [b.path == path for b in list_backups(store.path)]
[True]
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass, field as dataclass_field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from brandmark.atomic_files import atomic_path, sync_folder, temp_name_for
from brandmark.errors import RefusedInput
from brandmark.paths import BACKUPS_FOLDER, backups_folder, evidence_folder, make_folder  # noqa: F401 — both: their old home
from brandmark.store import evidence_files, guard
from brandmark.store.migrations import LATEST
from brandmark.store.settings import DEFAULT_TIME_ZONE, SETTING_TIME_ZONE, body_zone

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from brandmark.store import Store

DEFAULT_KEEP_DAILY = 14
DEFAULT_KEEP_MONTHLY = 12
SETTING_KEEP_DAILY = "backup.keep_daily"
SETTING_KEEP_MONTHLY = "backup.keep_monthly"
# Tables every brandmark register has had since schema version 1.
BRANDMARK_TABLES = frozenset({"schemes", "applicants", "assessments", "events", "settings"})
STALE_TEMP_AGE = 24 * 3600
_STAMP = "%Y-%m-%dT%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6})\.db$")
# One daily backup at a time in this process (the window's start-up job and its first write).
_DAILY = threading.Lock()


@dataclass(frozen=True)
class BackupCheck:
    """Does a file check out as a brandmark backup? ``problem`` is a ``backup.*`` code or None."""

    ok: bool
    schema_version: int | None
    problem: str | None = None
    detail: str = ""
    params: dict[str, Any] = dataclass_field(default_factory=dict)


@dataclass(frozen=True)
class BackupInfo:
    """One backup in a database's backups folder."""

    path: Path
    made_at: dt.datetime          # local time of the body (from the file's name)
    size: int
    kept_as: tuple[str, ...]      # why pruning keeps it: "daily", "monthly"
    check: BackupCheck | None     # None when not checked

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": str(self.path), "made_at": self.made_at.isoformat(), "size": self.size,
                "kept_as": list(self.kept_as)}
        if self.check is not None:
            data.update(ok=self.check.ok, schema_version=self.check.schema_version, problem=self.check.problem)
        return data


@dataclass(frozen=True)
class Policy:
    time_zone: ZoneInfo
    keep_daily: int
    keep_monthly: int


# -- where and when ------------------------------------------------------------------------
def policy(conn: sqlite3.Connection) -> Policy:
    """The body's time zone and how many backups to keep, from the register's settings."""
    def setting(key: str) -> str | None:
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    return Policy(time_zone=_zone(setting(SETTING_TIME_ZONE)),
                  keep_daily=_count(setting(SETTING_KEEP_DAILY), DEFAULT_KEEP_DAILY),
                  keep_monthly=_count(setting(SETTING_KEEP_MONTHLY), DEFAULT_KEEP_MONTHLY))


def _zone(name: str | None) -> ZoneInfo:
    try:
        return body_zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return body_zone(DEFAULT_TIME_ZONE)      # a backup is never skipped over a bad setting


def _count(value: str | None, default: int) -> int:
    try:
        return max(int(value), 1) if value is not None else default
    except ValueError:
        return default


def local_time(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """``moment`` (aware, usually UTC) as the body's wall-clock time, without the zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(zone).replace(tzinfo=None, microsecond=0)


def next_local_day(store: Store) -> dt.datetime:
    """When the body's next local day begins, as an aware time comparable with ``store.clock()``."""
    zone = policy(store.conn).time_zone
    now = store.clock()
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    local = now.astimezone(zone)
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return midnight.astimezone(now.tzinfo)


def backup_name(db_path: str | os.PathLike[str], made_at: dt.datetime) -> str:
    return f"{Path(db_path).stem}-{made_at.strftime(_STAMP)}.db"


def made_at_of(path: Path) -> dt.datetime | None:
    """The local time in a backup's name, or None when the name is not a backup's.

    >>> made_at_of(Path("a-2026-12-01T235959.db")), made_at_of(Path("a-2026-13-01T000000.db"))
    (datetime.datetime(2026, 12, 1, 23, 59, 59), None)
    """
    match = _NAME.match(path.name)
    if not match:
        return None
    stamp = match["stamp"]          # as _STAMP writes it; parsed by hand: strptime costs the window's start
    try:
        return dt.datetime(int(stamp[0:4]), int(stamp[5:7]), int(stamp[8:10]),
                           int(stamp[11:13]), int(stamp[13:15]), int(stamp[15:17]))
    except ValueError:
        return None


# -- making one -------------------------------------------------------------------------------
def copy_database(source: sqlite3.Connection, target: str | os.PathLike[str]) -> Path:
    """A consistent copy of ``source``'s main database at ``target``, whole or not at all.

    One ``backup`` step (``pages=-1``) reads every page in one read transaction: other
    connections may write meanwhile (WAL) and the copy is still one instant of the register.
    """
    target = Path(target)
    with atomic_path(target) as temp:
        copy = sqlite3.connect(str(temp))
        try:
            source.backup(copy, pages=-1)
            # The copy inherits WAL mode; a backup is one plain file, not three.
            copy.execute("PRAGMA journal_mode = DELETE")
            names = evidence_files.referenced(copy)
        finally:
            copy.close()
        # Before the copy has its name: a backup never names a file it lacks.
        origin = evidence_files.folder_of(source)
        if names and origin is not None:
            missing = evidence_files.carry(origin, evidence_folder(target), names)
            if missing:
                # A backup lacking files would be refused at restore: none is made, and says why.
                shutil.rmtree(evidence_folder(target), ignore_errors=True)
                raise RefusedInput.of("backup.register_evidence_missing", folder=str(origin), count=missing)
    return target


def make_backup(store: Store, target: str | os.PathLike[str] | None = None) -> Path:
    """Back the register up to ``target`` (default: a new file in its backups folder).

    A backup into the backups folder prunes the old ones by the register's policy.
    """
    if store.path is None:
        raise RefusedInput.of("backup.in_memory")
    if target is not None:
        # Never over the live register, its -wal/-shm, a key or another backup.
        guard.refuse_if_register_file(target, field=("output",))
        return copy_database(store.conn, target)
    rules = policy(store.conn)
    made_at = local_time(store.clock(), rules.time_zone)
    return _backup_into_folder(store.conn, store.path, made_at, rules)


def _backup_into_folder(conn: sqlite3.Connection, db_path: Path, made_at: dt.datetime, rules: Policy) -> Path:
    folder = backups_folder(db_path)
    make_folder(folder, "备份文件夹 backups folder", hint="choose another --db path or free the folder")
    path = copy_database(conn, folder / backup_name(db_path, made_at))
    prune(folder, rules.keep_daily, rules.keep_monthly)
    return path


def ensure_daily_backup(store: Store) -> Path | None:
    """Make today's backup if the body's local day has none yet; returns it, or None."""
    if store.path is None or not store.path.exists():
        return None
    with _DAILY:
        rules = policy(store.conn)
        now = local_time(store.clock(), rules.time_zone)
        folder = backups_folder(store.path)
        if any(made.date() == now.date() for path in _backup_files(folder) if (made := made_at_of(path))):
            return None
        return _backup_into_folder(store.conn, store.path, now, rules)


def last_backup(db_path: str | os.PathLike[str]) -> BackupInfo | None:
    """The newest backup in the database's backups folder (unchecked), or None."""
    found = list_backups(db_path, check=False)
    return found[0] if found else None


def overdue(store: Store, *, allowed: dt.timedelta = dt.timedelta(days=1)) -> tuple[bool, BackupInfo | None]:
    """Is the last backup more than ``allowed`` old (or has a register older than that none)?

    Returns ``(overdue, last backup or None)``; an in-memory register is never overdue.
    """
    if store.path is None:
        return False, None
    last = last_backup(store.path)
    now = local_time(store.clock(), policy(store.conn).time_zone)
    if last is not None:
        return now - last.made_at > allowed, last
    first = store.conn.execute("SELECT min(at) FROM events").fetchone()[0]
    if not first:
        return False, None
    started = local_time(dt.datetime.fromisoformat(first), policy(store.conn).time_zone)
    return now - started > allowed, None


# -- keeping some ---------------------------------------------------------------------------
def kept(made: list[dt.datetime], keep_daily: int, keep_monthly: int) -> dict[dt.datetime, tuple[str, ...]]:
    """Which of the backups made at ``made`` pruning keeps, and why.

    Daily: every backup of the ``keep_daily`` most recent days that have one (counting days
    with a backup, so a holiday never empties the folder). Monthly: the first backup of each
    of the ``keep_monthly`` most recent months.
    """
    days = sorted({moment.date() for moment in made}, reverse=True)[:keep_daily]
    firsts: dict[tuple[int, int], dt.datetime] = {}
    for moment in sorted(made):
        firsts.setdefault((moment.year, moment.month), moment)
    months = sorted(firsts, reverse=True)[:keep_monthly]
    reasons: dict[dt.datetime, tuple[str, ...]] = {}
    for moment in made:
        why = []
        if moment.date() in days:
            why.append("daily")
        if any(firsts[month] == moment for month in months):
            why.append("monthly")
        if why:
            reasons[moment] = tuple(why)
    return reasons


def prune(folder: Path, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Delete the backups in ``folder`` the policy no longer keeps (and stale temporaries)."""
    backups = {path: made for path in _backup_files(folder) if (made := made_at_of(path)) is not None}
    keep = kept(list(backups.values()), keep_daily, keep_monthly)
    removed = []
    for path, made in backups.items():
        if made not in keep:
            try:
                path.unlink()
            except OSError:
                continue                # still listed, so its files stay with it
            removed.append(path)
            shutil.rmtree(evidence_folder(path), ignore_errors=True)
    _remove_stale_temporaries(folder)
    return removed


def _remove_stale_temporaries(folder: Path) -> None:
    """A backup killed mid-copy leaves its hidden ``.NAME.*.part`` (and SQLite's side files)."""
    cutoff = time.time() - STALE_TEMP_AGE
    for path in folder.glob(".*.part*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()


def _backup_files(folder: Path) -> list[Path]:
    try:
        return [entry for entry in folder.iterdir() if entry.suffix == ".db" and not entry.name.startswith(".")]
    except OSError:
        return []


# -- looking at them --------------------------------------------------------------------------
def list_backups(db_path: str | os.PathLike[str], *, check: bool = True) -> list[BackupInfo]:
    """The database's backups, newest first, each with its size, why it is kept and, with
    ``check``, whether it checks out (integrity and schema version)."""
    folder = backups_folder(db_path)
    backups = {path: made for path in _backup_files(folder) if (made := made_at_of(path)) is not None}
    reasons = kept(list(backups.values()), DEFAULT_KEEP_DAILY, DEFAULT_KEEP_MONTHLY)
    with contextlib.suppress(sqlite3.DatabaseError, OSError):
        if Path(db_path).exists():
            conn = _open_read_only(Path(db_path), immutable=False)
            try:
                rules = policy(conn)
            finally:
                conn.close()
            reasons = kept(list(backups.values()), rules.keep_daily, rules.keep_monthly)
    found = []
    for path, made in backups.items():
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(path=path, made_at=made, size=size, kept_as=reasons.get(made, ()),
                                check=check_backup(path) if check else None))
    return sorted(found, key=lambda info: info.made_at, reverse=True)


def check_backup(path: str | os.PathLike[str]) -> BackupCheck:
    """Is ``path`` a sound brandmark register this code can open (integrity, schema version)?"""
    path = Path(path)
    if not path.is_file():
        return BackupCheck(False, None, "backup.not_a_file")
    try:
        conn = _open_read_only(path, immutable=not _has_wal(path))
    except sqlite3.DatabaseError as exc:
        return BackupCheck(False, None, "backup.not_brandmark", str(exc))
    try:
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            damaged = "malformed" in str(exc) or "corrupt" in str(exc)
            return BackupCheck(False, None, "backup.damaged" if damaged else "backup.not_brandmark", str(exc))
        if not BRANDMARK_TABLES <= tables or version < 1:
            return BackupCheck(False, version, "backup.not_brandmark")
        if version > LATEST:
            return BackupCheck(False, version, "backup.newer")
        try:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check(10)")]
        except sqlite3.DatabaseError as exc:
            return BackupCheck(False, version, "backup.damaged", _one_line(str(exc)))
        if rows != ["ok"]:
            return BackupCheck(False, version, "backup.damaged", _one_line(rows[0]))
        folder = evidence_folder(path)
        lacking = [sha256 for sha256, size in evidence_files.referenced(conn).items()
                   if not _holds(folder, sha256, size)]
        if lacking:
            return BackupCheck(False, version, "backup.evidence_missing", f"{len(lacking)} files",
                               {"count": len(lacking), "folder": str(folder)})
        return BackupCheck(True, version)
    finally:
        conn.close()


def _holds(folder: Path, sha256: str, size: int) -> bool:
    try:
        return evidence_files.file_path(folder, sha256).stat().st_size == size
    except (OSError, ValueError):
        return False


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _has_wal(path: Path) -> bool:
    return path.with_name(path.name + "-wal").exists()


def _open_read_only(path: Path, *, immutable: bool) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` for a file nobody writes (no locks, no side files)."""
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    return sqlite3.connect(uri, uri=True, timeout=5)


def refuse_unless_sound(path: str | os.PathLike[str]) -> BackupCheck:
    """``check_backup`` as a refusal naming the file (codes in the ``[backup]`` table)."""
    result = check_backup(path)
    if not result.ok:
        raise RefusedInput.of(cast(str, result.problem), path=str(path), version=result.schema_version, latest=LATEST,
                              detail=result.detail, **result.params)
    return result


# -- restoring one ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Restored:
    database: Path
    source: Path
    set_aside: Path | None        # the register as it was, renamed (never deleted)
    schema_version: int


def set_aside_name(db_path: Path, moment: dt.datetime) -> Path:
    return db_path.with_name(f"{db_path.name}.before-restore-{moment.strftime('%Y%m%dT%H%M%S')}")


def restore(db_path: str | os.PathLike[str], source: str | os.PathLike[str], *, clock: Callable[[], dt.datetime],
            actor: str = "") -> Restored:
    """Put the backup ``source`` in place of the register at ``db_path``, in one rename.

    The backup is checked first (integrity, schema version, a brandmark register) and copied
    beside the register; the register is then taken for this process alone (refused when any
    other connection has it open: close the window first), kept under a
    ``.before-restore-YYYYMMDDTHHMMSS`` name, and the copy renamed over it.
    """
    db_path, source = Path(db_path), Path(source)
    if db_path.exists() and source.exists() and os.path.samefile(db_path, source):
        raise RefusedInput.of("backup.same_file", path=str(source))
    checked = refuse_unless_sound(source)
    make_folder(db_path.parent, "数据库文件夹 database folder", hint="choose another --db path")
    temp = temp_name_for(db_path)
    try:
        names = _copy_checked(source, temp)
        with _exclusively(db_path) as held:
            aside = None
            if held:
                aside = set_aside_name(db_path, clock().astimezone())
                _keep_aside(db_path, aside)
                # The register set aside keeps the evidence it names, whatever is later
                # removed from the restored one's folder as orphans.
                evidence_files.carry(evidence_folder(db_path), evidence_folder(aside),
                                     evidence_files.files_in(evidence_folder(db_path)))
            # Before the restored register has its name: it never names a file it lacks.
            evidence_files.carry(evidence_folder(source), evidence_folder(db_path), names)
            for side in ("-wal", "-shm", "-journal"):
                # They belonged to the old register; SQLite would replay a -wal or -journal
                # into the restored one.
                with contextlib.suppress(FileNotFoundError):
                    db_path.with_name(db_path.name + side).unlink()
            os.replace(temp, db_path)
            sync_folder(db_path.parent)
    except OSError as exc:
        from brandmark.atomic_files import refusal_for
        raise refusal_for(exc, db_path) from None
    finally:
        for leftover in (temp, *(temp.with_name(temp.name + side) for side in ("-wal", "-shm", "-journal"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
    version = cast(int, checked.schema_version)        # a sound backup has one
    _record_restore(db_path, source, aside, version, clock=clock, actor=actor)
    return Restored(database=db_path, source=source, set_aside=aside, schema_version=version)


def _copy_checked(source: Path, temp: Path) -> dict[str, int]:
    """Copy the backup to ``temp``; returns the evidence files (SHA-256 → size) its rows name."""
    reader = _open_read_only(source, immutable=not _has_wal(source))
    try:
        copy = sqlite3.connect(str(temp))
        try:
            reader.backup(copy, pages=-1)
            copy.execute("PRAGMA journal_mode = DELETE")
            if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise RefusedInput.of("backup.damaged", path=str(source), detail="quick_check of the copy")
            names = evidence_files.referenced(copy)
        finally:
            copy.close()
    finally:
        reader.close()
    fd = os.open(temp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return names


@contextlib.contextmanager
def _exclusively(db_path: Path) -> Iterator[bool]:
    """Hold the register for this process alone while it is swapped; yields False if absent.

    Leaving WAL mode needs every other connection closed, so ``journal_mode = DELETE``
    failing with "locked" means someone (the window, another command) still has it open.
    """
    if not db_path.exists():
        yield False
        return
    conn = sqlite3.connect(str(db_path), timeout=2, isolation_level=None)
    try:
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if mode != "delete":
                raise RefusedInput.of("backup.in_use", path=str(db_path))
            conn.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise RefusedInput.of("backup.in_use", path=str(db_path)) from None
            _refuse_if_shared_memory_in_use(db_path)     # a damaged register: ask the lock directly
        except sqlite3.DatabaseError:
            _refuse_if_shared_memory_in_use(db_path)
        yield True
    finally:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        conn.close()


def _refuse_if_shared_memory_in_use(db_path: Path) -> None:
    """Every WAL connection holds a shared lock on the DMS byte (128) of the ``-shm`` file."""
    shm = db_path.with_name(db_path.name + "-shm")
    if sys.platform == "win32" or not shm.exists():
        return
    import fcntl
    fd = os.open(shm, os.O_RDWR)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
        except OSError:
            raise RefusedInput.of("backup.in_use", path=str(db_path)) from None
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
    finally:
        os.close(fd)


def _keep_aside(db_path: Path, aside: Path) -> None:
    """A second name for the current register, so it is never missing from its own path."""
    try:
        os.link(db_path, aside)
    except OSError:
        import shutil
        shutil.copy2(db_path, aside)     # a file system without hard links (the file is locked)


def _record_restore(db_path: Path, source: Path, aside: Path | None, version: int, *,
                    clock: Callable[[], dt.datetime], actor: str) -> None:
    """The restored register says it was restored, from what, and where the old one went."""
    from brandmark.store import Store

    with Store(db_path, clock=clock, load_bundled_packs=False) as store:
        with store.atomic():
            store.events.record(actor, "database.restore", "database", db_path.name,
                                {"from": str(source), "set_aside": str(aside) if aside else None,
                                 "backup_schema_version": version})


__all__ = ["BackupCheck", "BackupInfo", "Restored", "backups_folder", "check_backup", "copy_database",
           "ensure_daily_backup", "kept", "last_backup", "list_backups", "make_backup", "overdue", "prune",
           "restore"]
