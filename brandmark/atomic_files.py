"""Every file brandmark writes appears whole or not at all.

A PDF, a status list, an exported key, a backup: the bytes go to a temporary file in the
target's own folder (so the final rename never crosses file systems), are flushed and
``fsync``-ed, and only then renamed over the target with ``os.replace``. A failure of any
kind (a full disk, a refusal raised while the content is made, a cancelled progress)
removes the temporary file and leaves an existing target as it was.

On Linux the temporary file is anonymous (``O_TMPFILE``): it has no name in the folder
until it is complete, so even a process killed with SIGKILL leaves nothing behind. Where
``O_TMPFILE`` is not available (other systems, some network file systems) the temporary
file is named ``.NAME.XXXXXXXXXXXX.part``, hidden beside the target; only a process
killed in the middle of writing can leave one, and it is never taken for the real file.
A write failure is refused with a ``files.*`` message (a full disk: ``files.disk_full``).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with atomic_write(folder / "report.pdf") as out:
...     _ = out.write(b"%PDF-1.4 ...")
>>> write_text(folder / "status-list.json", "{}").name
'status-list.json'
>>> sorted(p.name for p in folder.iterdir())
['report.pdf', 'status-list.json']
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from brandmark.errors import RefusedInput

TEMP_SUFFIX = ".part"
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_PERMITTED = {errno.EACCES, errno.EPERM, errno.EROFS}


def temp_name_for(target: Path) -> Path:
    """A fresh hidden name beside ``target`` for its temporary file."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def refusal_for(error: OSError, target: Path) -> RefusedInput:
    """An ``OSError`` met while writing ``target`` as a one-line refusal (``files.*``)."""
    if error.errno in _DISK_FULL:
        return RefusedInput.of("files.disk_full", path=str(target))
    if error.errno in _NOT_PERMITTED:
        return RefusedInput.of("files.not_writable", path=str(target), reason=error.strerror or str(error))
    return RefusedInput.of("files.cannot_write", path=str(target), reason=error.strerror or str(error))


def check_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as a ``Path`` once it can be a file's name: refuses a folder or a missing folder."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise RefusedInput.of("files.is_folder", path=str(target))
    folder = target.parent
    if not folder.is_dir():
        raise RefusedInput.of("files.no_folder", folder=str(folder))
    return target


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], *, mode: int = 0o666) -> Iterator[BinaryIO]:
    """Yield a binary file object; on a clean exit its bytes replace ``path`` in one rename.

    ``mode`` is the new file's permission bits before the umask (``0o600`` for a secret).
    Any exception inside the block discards what was written; an ``OSError`` (inside the
    block or while committing) becomes a ``RefusedInput`` with a ``files.*`` code.
    """
    target = check_target(path)
    folder = target.parent
    try:
        temp = _TempFile.open(folder, target, mode)
    except OSError as exc:
        raise refusal_for(exc, target) from None
    try:
        with os.fdopen(temp.fd, "wb", closefd=False) as handle:
            yield handle
            handle.flush()
        os.fsync(temp.fd)
        temp.commit(target)
    except OSError as exc:
        temp.discard()
        raise refusal_for(exc, target) from None
    except BaseException:
        temp.discard()
        raise
    sync_folder(folder)


def write_bytes(path: str | os.PathLike[str], data: bytes, *, mode: int = 0o666) -> Path:
    """Write ``data`` to ``path`` atomically (see ``atomic_write``); returns the path."""
    with atomic_write(path, mode=mode) as out:
        out.write(data)
    return Path(path).expanduser()


def write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", mode: int = 0o666) -> Path:
    """Write ``text`` to ``path`` atomically (see ``atomic_write``); returns the path."""
    return write_bytes(path, text.encode(encoding), mode=mode)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a hidden temporary path beside ``path`` for a writer that needs a name (SQLite).

    On a clean exit the temporary file is ``fsync``-ed and renamed over ``path``; on any
    failure it (and a ``-journal``, ``-wal`` or ``-shm`` the writer left) is removed. Unlike
    ``atomic_write`` the temporary file has a name from the start, so a process killed
    while writing leaves it behind (``.NAME.XXXXXXXXXXXX.part``).
    """
    target = check_target(path)
    temp = temp_name_for(target)
    try:
        yield temp
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except OSError as exc:
        _remove_temp_files(temp)
        raise refusal_for(exc, target) from None
    except BaseException:
        _remove_temp_files(temp)
        raise
    sync_folder(target.parent)


def _remove_temp_files(temp: Path) -> None:
    for leftover in (temp, *(temp.with_name(temp.name + side) for side in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            leftover.unlink()


class _TempFile:
    """The temporary file: anonymous (``O_TMPFILE``) where the system allows, else named."""

    def __init__(self, fd: int, name: Path | None):
        self.fd, self.name = fd, name

    @classmethod
    def open(cls, folder: Path, target: Path, mode: int) -> _TempFile:
        if _can_link_anonymous():
            try:
                return cls(os.open(folder, os.O_TMPFILE | os.O_WRONLY | _CLOEXEC, mode), None)
            except OSError as exc:
                # A file system without O_TMPFILE (EOPNOTSUPP, EISDIR on old kernels...) gets a
                # named file; a full disk or a folder we may not write is the user's to know.
                if exc.errno in _DISK_FULL or exc.errno in _NOT_PERMITTED:
                    raise
        name = temp_name_for(target)
        return cls(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC | _BINARY, mode), name)

    def commit(self, target: Path) -> None:
        try:
            if self.name is None:
                self._link_into_place(target)
            else:
                os.close(self.fd)
                self.fd = -1
                os.replace(self.name, target)
                self.name = None
        finally:
            self._close()

    def _link_into_place(self, target: Path) -> None:
        try:
            # No target yet: give the finished file its name directly; nothing else ever shows.
            self._link(target)
            return
        except FileExistsError:
            pass
        # Replacing a file: a hidden name for the instant between the link and the rename.
        self.name = temp_name_for(target)
        self._link(self.name)
        os.replace(self.name, target)
        self.name = None

    def _link(self, name: Path) -> None:
        # linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd/N names the anonymous file. Python calls
        # plain link(), which would not follow that link, unless a folder descriptor is given.
        folder = os.open(name.parent, os.O_RDONLY | _CLOEXEC)
        try:
            os.link(f"/proc/self/fd/{self.fd}", name.name, dst_dir_fd=folder, follow_symlinks=True)
        finally:
            os.close(folder)

    def discard(self) -> None:
        self._close()
        if self.name is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.name)
            self.name = None

    def _close(self) -> None:
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1


# For a writer that decides at the end whether its file is kept (content-addressed evidence).
TempFile = _TempFile

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def _can_link_anonymous() -> bool:
    return hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: fsync the folder); best effort elsewhere."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


__all__ = ["atomic_path", "atomic_write", "check_target", "refusal_for", "write_bytes", "write_text"]
