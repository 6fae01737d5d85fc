"""What an IT person or an auditor asks first: which version, which database, which data
folder and which signing key this installation uses.

``brandmark --version`` and the window's Help → About show these facts. Asking writes
nothing: no database, no folder and never a key is created (the register's key is read
from the database file as it is).

>>> facts = installation(db_path=":memory:")
>>> facts.database is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brandmark import __version__
from brandmark.paths import default_db_path, user_data_dir

if TYPE_CHECKING:
    from brandmark.store import Store


@dataclass(frozen=True)
class Installation:
    version: str
    database: Path | None          # None: an in-memory database
    database_exists: bool
    data_folder: Path
    key_id: str | None             # None: the register has no key yet (keys init makes it)


def body_key_id(store: Store | None = None, db_path: Path | None = None) -> str | None:
    """The id of the body's current signing key, or None while the register has none
    (``keys init`` makes it). Never creates a key.

    The key lives in the register: asked of the open ``store``, or of the database file
    ``db_path`` read as it is (not migrated, not written).
    """
    if store is not None:
        row = store.body_keys.current()
        return row["key_id"] if row else None
    if db_path is None:
        return None
    from brandmark.store.read_only import current_key_id_at

    return current_key_id_at(db_path)


def installation(store: Store | None = None, db_path: str | Path | None = None) -> Installation:
    """The facts for ``store`` when one is open, else for the database ``db_path`` (``--db``,
    then ``BRANDMARK_DB``, then the user data folder) without opening it."""
    if store is not None:
        database = store.path
    elif str(db_path) == ":memory:":
        database = None
    else:
        database = default_db_path(db_path, create_folder=False)
    return Installation(version=__version__, database=database,
                        database_exists=database is not None and database.is_file(),
                        data_folder=user_data_dir(create=False), key_id=body_key_id(store, database))


def version_text(facts: Installation) -> str:
    """The lines ``--version`` prints (English labels: the output of a command for scripts and mail)."""
    if facts.database is None:
        database = "in memory"
    else:
        database = str(facts.database) + ("" if facts.database_exists else " (not created yet)")
    return "\n".join([
        f"brandmark {facts.version}",
        f"database: {database}",
        f"data folder: {facts.data_folder}",
        f"key id: {facts.key_id or 'none yet (brandmark-cli keys init makes it)'}",
    ])
