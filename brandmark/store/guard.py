"""The register's own files, which nothing in a brandmark process opens except SQLite.

SQLite's locks on Unix are POSIX advisory locks, and the kernel drops *every* lock a
process holds on a file as soon as that process closes *any* descriptor of the file. If
brandmark itself (evidence intake, an import, a PDF written over the database by
mistake) opened and closed the database or its ``-wal``/``-shm``/``-journal`` while a
``Store`` of the same process had it open, the process would silently lose its locks and
another process could checkpoint and delete the WAL under it: the register corrupts (see
``docs/data-safety.md``, "The register's file and its locks"). So every core function that
opens a path a person chose calls ``refuse_if_register_file(path)`` first.

What counts as the register's: each database a ``Store`` of this process has open (and the
one the process was told to use, before it opens), the default database, their ``-wal``,
``-shm`` and ``-journal``; and whole folders given to ``protect_folder`` (backups, keys).
Paths are compared resolved (symlinks followed) and by inode (hard links), using only
``stat``, which never opens a file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> protect(folder / "a.db")
>>> is_register_file(folder / "a.db-wal"), is_register_file(folder / "notes.txt")
(True, False)
>>> release(folder / "a.db")
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

from brandmark.errors import FieldPath, RefusedInput

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")

_lock = threading.Lock()
_databases: Counter[Path] = Counter()     # resolved path → how many Stores (or watchers) hold it
_folders: set[Path] = set()


def _resolved(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.realpath(os.fspath(path)))


def protect(database: str | os.PathLike[str]) -> None:
    """Count ``database`` (and its sidecar files) as the register's until ``release``."""
    with _lock:
        _databases[_resolved(database)] += 1


def release(database: str | os.PathLike[str]) -> None:
    with _lock:
        key = _resolved(database)
        _databases[key] -= 1
        if _databases[key] <= 0:
            del _databases[key]


def protect_folder(folder: str | os.PathLike[str]) -> None:
    """Count every file in ``folder`` (backups, keys) as the register's."""
    with _lock:
        _folders.add(_resolved(folder))


def register_databases() -> list[Path]:
    """The databases guarded now: those open in this process and the default one."""
    from brandmark.paths import default_db_path

    with _lock:
        found = list(_databases)
    try:
        default = _resolved(default_db_path(create_folder=False))
    except OSError:
        default = None
    if default is not None and default not in found:
        found.append(default)
    return found


def register_folders() -> list[Path]:
    from brandmark.paths import user_data_dir

    with _lock:
        found = set(_folders)
    try:
        data = user_data_dir(create=False)
    except OSError:
        return sorted(found)
    found.update(_resolved(data / name) for name in ("keys", "backups"))
    return sorted(found)


def register_files() -> list[Path]:
    """Every file name guarded now: each database and its sidecars (existing or not)."""
    return [Path(str(database) + suffix) for database in register_databases()
            for suffix in ("", *SIDECAR_SUFFIXES)]


class Guarded:
    """A snapshot of what is guarded, for checking many paths (a file dialog's rows)."""

    def __init__(self) -> None:
        self.files = set(register_files())
        self.folders = register_folders()
        self.inodes: set[tuple[int, int]] = set()
        for path in self.files:
            self._add_inode(path)
        for folder in self.folders:
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                self._add_inode(entry.path)

    def _add_inode(self, path: str | os.PathLike[str]) -> None:
        try:
            info = os.stat(path)
        except OSError:
            return
        self.inodes.add((info.st_dev, info.st_ino))

    def covers(self, path: str | os.PathLike[str]) -> bool:
        """Is ``path`` one of the register's files (by name, through links, or by inode)?"""
        resolved = _resolved(path)
        if resolved in self.files:
            return True
        if any(resolved == folder or folder in resolved.parents for folder in self.folders):
            return True
        try:
            info = os.stat(resolved)
        except (OSError, ValueError):
            return False
        return (info.st_dev, info.st_ino) in self.inodes

    def is_live_database_file(self, path: str | os.PathLike[str]) -> bool:
        """A database or sidecar file by name (what file dialogs hide)."""
        return _resolved(path) in self.files


def is_register_file(path: str | os.PathLike[str]) -> bool:
    return Guarded().covers(path)


def refuse_if_register_file(path: str | os.PathLike[str], field: FieldPath = ("file",)) -> None:
    """Refuse (``db.register_file``) a path that is the register's database, one of its
    ``-wal``/``-shm``/``-journal`` files, a backup or a key file; call it before opening
    any path a person chose, for reading or for writing."""
    if is_register_file(path):
        raise RefusedInput.of("db.register_file", field=field, path=str(path))


__all__ = ["Guarded", "is_register_file", "protect", "protect_folder", "refuse_if_register_file",
           "register_databases", "register_files", "register_folders", "release"]
