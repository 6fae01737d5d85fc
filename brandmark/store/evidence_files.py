"""Large evidence files kept beside the register, named by their SHA-256.

An evidence file of ``FILE_THRESHOLD`` bytes or more (256 KiB) is not written into the
database: SQLite would write it twice (into the write-ahead log at the commit, into the
database file at the checkpoint). It goes into the register's evidence folder, beside the
register's file and named after it::

    brandmark.db
    brandmark.db.evidence/sha256/ab12…ef     (64 hex digits: the SHA-256 of the bytes)

The database keeps the row as the legal record (file name, size, SHA-256, who, when) with
``stored = 'file'`` and an empty ``content``; smaller files, every file of an in-memory
register, and every row from before schema step 20 stay inside (``stored = 'database'``).

How a file gets there, always inside the transaction whose row names it (the register's
write lock is held): its bytes go to an anonymous (or hidden ``.part``) file in its folder,
are hashed on the way, ``fsync``-ed and given their name with a link (never replacing a
file); the folder is ``fsync``-ed once, just before the commit (``Store.atomic``). The files
of one transaction are synced side by side, up to 16 at a time, just before it commits. One
folder, not one per hash prefix: an import of many files then syncs one folder, not one
each (ext4, APFS and NTFS index large folders). So a process killed at any
moment leaves at most a file no row names (an *orphan*), never a row without its file. A
refused or cancelled transaction removes the files it made (``Store.atomic``). A name that
already exists is the same bytes (content-addressed) and is kept, unless it no longer hashes
to its name (damaged), when the verified bytes take its place.

Orphans are harmless; ``db check`` lists them and ``db check --remove-orphans`` removes
them (under the register's write lock, so never a file an import is about to name).

A copy of the register is whole only with its evidence folder: ``db backup`` and the daily
backups carry the files their rows name (hard links where the file system allows, else
copies), and ``db restore`` brings them back beside the restored register.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.atomic_files import TempFile, atomic_write, refusal_for, sync_folder
from brandmark.errors import RefusedInput
from brandmark.paths import evidence_folder

if TYPE_CHECKING:
    from brandmark.store import Store

FILE_THRESHOLD = 256 * 1024
CHUNK = 1024 * 1024
# At most this many written files wait, open, to be synced together (file descriptors).
MAX_PENDING = 16
IN_DATABASE, IN_FILE = "database", "file"
_HEX = re.compile(r"[0-9a-f]{64}")
# Every table whose rows may name a file of the evidence folder.
EVIDENCE_TABLES = ("evidence", "applicant_attachment_evidence")


class HashMismatch(Exception):
    """The bytes given did not hash to the SHA-256 expected (nothing was kept)."""

    def __init__(self, expected: str, found: str):
        super().__init__(f"expected {expected}, found {found}")
        self.expected, self.found = expected, found


def file_path(folder: Path, sha256: str) -> Path:
    if not _HEX.fullmatch(sha256):
        raise ValueError(f"not a SHA-256: {sha256[:80]!r}")
    return folder / "sha256" / sha256


def database_file(conn: sqlite3.Connection) -> Path | None:
    """The main database file of ``conn`` (None in memory)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


def folder_of(conn: sqlite3.Connection) -> Path | None:
    """The evidence folder of the register ``conn`` has open (None in memory)."""
    database = database_file(conn)
    return None if database is None else evidence_folder(database)


def _has_stored_column(conn: sqlite3.Connection, table: str) -> bool:
    return any(row[1] == "stored" for row in conn.execute(f"PRAGMA table_info({table})"))


def referenced(conn: sqlite3.Connection) -> dict[str, int]:
    """SHA-256 → size of every file the register's rows name as stored in the folder."""
    found: dict[str, int] = {}
    for table in EVIDENCE_TABLES:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone() is None \
                or not _has_stored_column(conn, table):
            continue
        for sha256, size in conn.execute(f"SELECT DISTINCT sha256, size FROM {table} WHERE stored = ?", [IN_FILE]):
            found[str(sha256)] = int(size)
    return found


def files_in(folder: Path) -> dict[str, Path]:
    """SHA-256 → path of every finished file in ``folder`` (temporaries left out)."""
    out: dict[str, Path] = {}
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder / "sha256"):
            if _HEX.fullmatch(entry.name):
                out[entry.name] = Path(entry.path)
    return out


def temporaries_in(folder: Path) -> list[Path]:
    """Hidden ``.part`` files a killed writer left (only where ``O_TMPFILE`` is not available)."""
    return sorted((folder / "sha256").glob(".*.part"))


def hash_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def read_chunks(path: Path, chunk_size: int = CHUNK) -> Iterator[bytes]:
    with open(path, "rb") as source:
        while chunk := source.read(chunk_size):
            yield chunk


def orphans(conn: sqlite3.Connection, folder: Path | None = None) -> list[dict[str, Any]]:
    """The files of the evidence folder no row names: ``[{"sha256", "path", "size"}]``."""
    folder = folder or folder_of(conn)
    if folder is None:
        return []
    names = referenced(conn)
    out = []
    for sha256, path in sorted(files_in(folder).items()):
        if sha256 not in names:
            with contextlib.suppress(OSError):
                out.append({"sha256": sha256, "path": str(path), "size": path.stat().st_size})
    return out + [{"sha256": None, "path": str(p), "size": p.stat().st_size} for p in temporaries_in(folder)
                  if p.exists()]


def remove_orphans_in(conn: sqlite3.Connection, folder: Path | None = None,
                      only: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Remove every orphan (and left temporary), or those of ``only`` (SHA-256s), while
    ``conn`` holds the register's write lock.

    Every evidence file is written inside a transaction that holds that lock, so no file is
    half written, and none is about to be named by a row, while it is held."""
    if not conn.in_transaction:
        raise RuntimeError("remove orphans inside a write transaction")
    removed = []
    wanted = None if only is None else set(only)
    for orphan in orphans(conn, folder):
        if wanted is not None and orphan["sha256"] not in wanted:
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(orphan["path"])
            removed.append(orphan)
    return removed


def remove_orphans(db_path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """``db check --remove-orphans``: take the register's write lock and remove its orphans."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise RefusedInput.of("db.missing", path=str(db_path))
    conn = sqlite3.connect(str(db_path), timeout=15, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            return remove_orphans_in(conn, evidence_folder(db_path))
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()


def carry(source: Path, target: Path, names: Iterable[str]) -> int:
    """Give ``target`` (an evidence folder) the files ``names`` of ``source``, durably: a hard
    link where both are on one file system (nothing copied), else a copy. A name ``target``
    already holds with the right bytes is kept. Returns how many were missing in ``source``."""
    missing = 0
    touched: set[Path] = set()
    for sha256 in sorted(set(names)):
        origin, destination = file_path(source, sha256), file_path(target, sha256)
        if not origin.is_file():
            missing += 1
            continue
        # A file already there is kept only when it still hashes to its name: at a restore, a
        # damaged live file must give way to the backup's good copy.
        with contextlib.suppress(OSError):
            if destination.is_file() and hash_file(destination)[0] == sha256:
                continue
        _make_folders(destination.parent, touched)
        try:
            os.link(origin, destination)
            touched.add(destination.parent)
        except OSError:
            # Another file system (a USB stick), or a damaged file of that name: a copy.
            with open(origin, "rb") as bytes_in, atomic_write(destination) as out:
                shutil.copyfileobj(bytes_in, out, CHUNK)
    for folder in sorted(touched, key=lambda p: len(p.parts), reverse=True):
        sync_folder(folder)
    return missing


def _sync_folder_or_refuse(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise refusal_for(exc, folder) from None


def _make_folders(shard: Path, touched: set[Path]) -> None:
    """Make ``…/sha256/ab`` (and the folders above it), noting each made folder's parent so
    the new folder's name is synced too."""
    missing = []
    folder = shard
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(made)
        touched.add(made.parent)


class EvidenceFiles:
    """The evidence folder of one open register (``store.evidence_files``)."""

    def __init__(self, store: Store):
        self.store = store
        # The folder of the file SQLite has open (symlinks resolved), as ``folder_of`` gives it to
        # backups, checks and verify: a register reached through a symlink has one folder.
        self.folder: Path | None = None if store.path is None else folder_of(store.conn)
        self.threshold = FILE_THRESHOLD
        # Files made by the transaction now open: removed again if it does not commit.
        self._made: list[Path] = []
        # Folders whose new names are synced just before that transaction commits.
        self._unsynced: set[Path] = set()
        # Files written and checked, not yet synced nor named: settled together.
        self._pending: dict[Path, TempFile] = {}
        self._hash_only = False

    def outside(self, size: int) -> bool:
        """Whether a file of ``size`` bytes is kept in the folder rather than in the database."""
        return self.folder is not None and size >= self.threshold

    def path(self, sha256: str) -> Path:
        if self.folder is None:
            raise RefusedInput.of("evidence.in_memory")
        return file_path(self.folder, sha256)

    def write(self, chunks: Iterable[bytes], sha256: str) -> int:
        """Put the bytes ``chunks``, which must hash to ``sha256`` (else ``HashMismatch``,
        nothing kept), into the folder durably; returns their size. Call inside the
        transaction that adds the row naming the file."""
        if not self.store.conn.in_transaction:
            raise RuntimeError("evidence files are written inside the transaction that names them")
        if self._hash_only:
            return self._check_only(chunks, sha256)
        target = self.path(sha256)
        touched: set[Path] = set()
        digest, size = hashlib.sha256(), 0
        try:
            _make_folders(target.parent, touched)
            temp = TempFile.open(target.parent, target, 0o666)
        except OSError as exc:
            raise refusal_for(exc, target) from None
        try:
            with os.fdopen(temp.fd, "wb", closefd=False) as out:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
            found = digest.hexdigest()
            if found != sha256:
                raise HashMismatch(sha256, found)
            if target in self._pending or (target.exists() and self._kept(target, sha256, size)):
                temp.discard()
                # A killed writer may have given the file its name without syncing the folder.
                touched.add(target.parent)
            else:
                self._pending[target] = temp
                touched.add(target.parent)
        except OSError as exc:
            temp.discard()
            raise refusal_for(exc, target) from None
        except BaseException:
            temp.discard()
            raise
        self._unsynced |= touched
        if len(self._pending) >= MAX_PENDING:
            self._settle()
        return size

    def _settle(self) -> None:
        """Sync the written files' bytes, all at once, and give each its name.

        The ``fsync`` calls run side by side (threads; the system call lets go of the GIL), so
        the file system can commit its journal once for several files instead of once each:
        ten 5 MB files took about a third longer synced one by one than one 50 MB file."""
        pending, self._pending = self._pending, {}
        if not pending:
            return
        try:
            if len(pending) == 1:
                for temp in pending.values():
                    os.fsync(temp.fd)
            else:
                from concurrent.futures import ThreadPoolExecutor
                with ThreadPoolExecutor(max_workers=min(len(pending), MAX_PENDING)) as pool:
                    list(pool.map(os.fsync, [temp.fd for temp in pending.values()]))
            for target, temp in list(pending.items()):
                existed = target.exists()
                temp.commit(target)            # a damaged file of that name gives way to the verified bytes
                del pending[target]
                if not existed:
                    self._made.append(target)
        except OSError as exc:
            for temp in pending.values():
                temp.discard()
            raise refusal_for(exc, next(iter(pending), self.folder or Path("."))) from None
        except BaseException:
            for temp in pending.values():
                temp.discard()
            raise

    @contextlib.contextmanager
    def hashing_only(self) -> Iterator[None]:
        """Inside: ``write`` reads and checks the bytes but keeps no file (a preview of an
        import, which is rolled back)."""
        before, self._hash_only = self._hash_only, True
        try:
            yield
        finally:
            self._hash_only = before

    @staticmethod
    def _check_only(chunks: Iterable[bytes], sha256: str) -> int:
        digest, size = hashlib.sha256(), 0
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
        if digest.hexdigest() != sha256:
            raise HashMismatch(sha256, digest.hexdigest())
        return size

    def _kept(self, target: Path, sha256: str, size: int) -> bool:
        """Whether ``target`` already holds these bytes (the same name, intact)."""
        try:
            if target.stat().st_size != size:
                return False
        except FileNotFoundError:
            return False
        return hash_file(target)[0] == sha256

    def chunks(self, sha256: str, size: int, chunk_size: int = CHUNK) -> Iterator[bytes]:
        """The bytes of the folder's file ``sha256`` in chunks (refused when it is missing)."""
        path = self.path(sha256)
        try:
            source = open(path, "rb")
        except FileNotFoundError:
            raise RefusedInput.of("evidence.file_missing", sha256=sha256, path=str(path)) from None
        with source:
            while chunk := source.read(chunk_size):
                yield chunk

    def row_chunks(self, table: str, row_id: int, chunk_size: int = CHUNK) -> Iterator[bytes]:
        """The bytes of evidence row ``row_id`` of ``table`` (a table with ``stored``, ``sha256``,
        ``size`` and ``content`` columns) in chunks, wherever they are kept: this folder or the
        database (incremental blob I/O). An unknown row is refused (``evidence.no_such``)."""
        from brandmark.errors import NotFound

        row = self.store.conn.execute(f"SELECT stored, sha256, size FROM {table} WHERE id = ?",
                                      [int(row_id)]).fetchone()
        if row is None:
            raise NotFound.of("evidence.no_such", id=row_id)
        if row[0] == "file":
            yield from self.chunks(row[1], row[2], chunk_size)
            return
        with self.store.conn.blobopen(table, "content", int(row_id), readonly=True) as blob:
            while chunk := blob.read(chunk_size):
                yield chunk

    # -- the transaction's side --------------------------------------------------------
    def before_commit(self) -> None:
        """Called by ``Store.atomic`` just before its outermost commit: the new files' names
        made durable (each file's bytes were synced as it was written)."""
        self._settle()
        folders, self._unsynced = self._unsynced, set()
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            _sync_folder_or_refuse(folder)

    def transaction_ended(self, committed: bool) -> None:
        """Called by ``Store.atomic`` as its outermost transaction ends (see
        ``Store._evidence_files_ended``). A file this transaction made did not exist before
        it, so no row committed earlier names it."""
        made, self._made = self._made, []
        self._unsynced = set()
        pending, self._pending = self._pending, {}
        for temp in pending.values():
            temp.discard()
        if committed:
            return
        for path in made:
            with contextlib.suppress(OSError):
                os.unlink(path)

    def remove_orphans(self, only: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Remove the folder's orphans (or those of ``only``), in a transaction of this store
        (its write lock). Call outside any other transaction: rows it deletes must be
        committed first."""
        if self.folder is None or not self.folder.exists():
            return []
        with self.store.db.atomic():
            return remove_orphans_in(self.store.conn, self.folder, only)


__all__ = ["EVIDENCE_TABLES", "FILE_THRESHOLD", "EvidenceFiles", "HashMismatch", "carry", "evidence_folder",
           "file_path", "files_in", "folder_of", "hash_file", "orphans", "referenced", "remove_orphans"]
