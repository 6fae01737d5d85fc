"""sqlite-utils without numpy, for the writes that need it (``store.register_database``
imports it from here at the first table write; reads never import it).

sqlite-utils imports numpy (and pandas) when it can, only to map numpy's number types to
column types when it creates a table or a column from Python values. brandmark's tables
are made by its own SQL (``migrations``), so that mapping is never used; numpy is a
tenth of a second of every start of the window and of every read command. Importing
sqlite-utils while numpy is refused (in this thread only) skips it; numpy stays
importable, and the valuation and the batch scorer import it when they run.

>>> from brandmark.store.lean_import import Database
>>> import sqlite_utils.db
>>> sqlite_utils.db.np is None or "numpy" in __import__("sys").modules
True
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator


class _RefuseInThread:
    """A finder that answers "no such module" for ``names``, in the thread that made it."""

    def __init__(self, names: frozenset[str]):
        self.names = names
        self.thread = threading.get_ident()

    def find_spec(self, name: str, path: object = None,
                  target: object = None) -> None:  # noqa: ARG002 — the finder protocol
        if name in self.names and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"{name} is left out of sqlite-utils (start-up time)", name=name)
        return None


@contextlib.contextmanager
def refusing(*names: str) -> Iterator[None]:
    """Imports of ``names`` made by this thread inside the block fail; other threads' work."""
    finder = _RefuseInThread(frozenset(name for name in names if name not in sys.modules))
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


with refusing("numpy", "pandas"):
    from sqlite_utils import Database

__all__ = ["Database", "refusing"]
