"""Reading a file the user chose as evidence, safely.

- Only a regular file is read. The file is opened with ``O_NONBLOCK`` and checked with
  ``fstat`` on the opened descriptor, so a FIFO never hangs the open and ``/dev/zero``, a
  folder or a socket is refused before a byte is read.
- The size limit holds while reading: chunks up to ``limit + 1`` bytes, never the whole
  of an unbounded file in memory.
- Symbolic links are followed and the **resolved** path is what is checked, opened
  (``O_NOFOLLOW``: the last part cannot be swapped for a link in between) and recorded in
  the ``evidence.add`` event (``source``). The stored name is the name the user chose.
- The name is checked like every text field (no control characters such as newline or
  ESC, no text-direction controls such as U+202E, at most 255 characters) and a name that
  is not valid UTF-8 (``os.fsdecode``'s surrogate escapes) is refused.
- brandmark's own files are refused, by ``brandmark.store.guard`` (``db.register_file``):
  every open register's database with its ``-wal``, ``-shm`` and ``-journal`` (which hold
  the body's sealed signing key), the default database, and the data folder's ``backups``
  and ``keys`` (where brandmark before 0.2 kept the private key in clear). They are
  compared by resolved path and by (``st_dev``, ``st_ino``) from ``stat``, *before*
  anything opens them: opening and closing a database file in brandmark's own process
  drops SQLite's locks on it.

Every other refusal carries a code of the ``[evidence]`` table of the message catalogues.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from brandmark.errors import FieldPath, RefusedInput
from brandmark.store import guard
from brandmark.text import BIDI_CONTROLS

MAX_NAME = 255
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class EvidenceFile:
    name: str          # as the user chose it, checked
    data: bytes
    source: str        # the resolved path that was read


def _printable(text: str) -> str:
    """``text`` with the bytes that are not UTF-8 shown as ``\xff`` escapes."""
    return text.encode("utf-8", "surrogateescape" if _escapes_only(text) else "backslashreplace").decode(
        "utf-8", "backslashreplace")


def check_file_name(name: str, field: FieldPath = ()) -> str:
    """A file name as a text field: NFC, trimmed; non-UTF-8, control and bidi characters refused."""
    if any("\ud800" <= ch <= "\udfff" for ch in name):
        raise RefusedInput.of("evidence.name_not_utf8", field, name=_printable(name))
    text = unicodedata.normalize("NFC", name).strip()
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise RefusedInput.of("evidence.name_bidi", field, codepoint=f"U+{ord(ch):04X}")
        if unicodedata.category(ch) == "Cc":
            raise RefusedInput.of("evidence.name_control", field, codepoint=f"U+{ord(ch):04X}")
    if not text:
        raise RefusedInput.of("evidence.name_empty", field)
    if len(text) > MAX_NAME:
        raise RefusedInput.of("evidence.name_too_long", field, length=len(text), limit=MAX_NAME)
    return text


def _escapes_only(name: str) -> bool:
    return all(not ("\ud800" <= ch <= "\udfff") or "\udc80" <= ch <= "\udcff" for ch in name)


def read_evidence(path: str | os.PathLike[str], limit: int, field: FieldPath = ()) -> EvidenceFile:
    """Read the regular file at ``path`` (str or path-like) as evidence, or refuse it."""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    text = os.fspath(path) if isinstance(path, os.PathLike) else path
    if not isinstance(text, str) or not text.strip():
        raise RefusedInput.of("evidence.no_path", field)
    if "\x00" in text:
        raise RefusedInput.of("evidence.nul_in_path", field)
    try:
        os.fsencode(text)
    except UnicodeError:
        # A lone surrogate no file system name can hold ("\ud800" in a JSON answers file).
        raise RefusedInput.of("evidence.name_not_utf8", field, name=_printable(text)) from None
    name = check_file_name(os.path.basename(text.rstrip(os.sep)) or text, field)
    resolved = Path(os.path.realpath(text))
    shown = _printable(str(resolved))
    try:
        info = os.stat(resolved)
    except FileNotFoundError:
        raise RefusedInput.of("evidence.not_found", field, path=shown) from None
    except OSError as exc:
        raise RefusedInput.of("evidence.unreadable", field, path=shown, error=exc.strerror or str(exc)) from None
    guard.refuse_if_register_file(resolved, field)
    if not stat.S_ISREG(info.st_mode):
        raise RefusedInput.of("evidence.not_regular", field, path=shown)
    if info.st_size > limit:
        raise RefusedInput.of("evidence.too_large", field, name=name, size=info.st_size, limit=limit)
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        handle = os.open(resolved, flags)
    except OSError as exc:
        raise RefusedInput.of("evidence.unreadable", field, path=shown, error=exc.strerror or str(exc)) from None
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode):
            raise RefusedInput.of("evidence.not_regular", field, path=shown)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            # Replaced between the check and the open: what was opened was never checked.
            raise RefusedInput.of("evidence.replaced", field, path=shown)
        data = _read_at_most(handle, limit, field, name)
    except OSError as exc:
        raise RefusedInput.of("evidence.unreadable", field, path=shown, error=exc.strerror or str(exc)) from None
    finally:
        os.close(handle)
    return EvidenceFile(name=name, data=data, source=shown)


def _read_at_most(handle: int, limit: int, field: FieldPath, name: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(handle, min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise RefusedInput.of("evidence.too_large", field, name=name, size=f">{limit}", limit=limit)
