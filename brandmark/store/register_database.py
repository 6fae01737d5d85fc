"""The register's ``store.db``: reads on plain ``sqlite3``, sqlite-utils only when a write needs it.

Importing sqlite-utils costs a window's start and every read command a tenth of a second
(click, dateutil, pluggy and its own modules), yet what a read does with it is
``query()`` and ``execute()``, a few lines over the connection. ``RegisterDatabase`` does
those itself, the same way sqlite-utils 4 does them (the same rows, the same renamed
duplicate columns, the same refusal of a statement that returns no rows, the same
implicit commit of a lone write), and opens transactions itself (``BEGIN IMMEDIATE``;
savepoints when nested). ``table()`` and ``db[name]`` (inserts, upserts, updates) build
sqlite-utils' ``Database`` over the same connection on first use, through ``lean_import``
(numpy refused, no plugins).

>>> import sqlite3, sys
>>> db = RegisterDatabase(sqlite3.connect(":memory:", isolation_level=None))
>>> _ = db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
>>> with db.atomic():
...     _ = db.execute("INSERT INTO t (name) VALUES ('甲')")
>>> list(db.query("SELECT t.id, t.name, 1 AS id FROM t"))
[{'id': 1, 'name': '甲', 'id_2': 1}]
>>> db.full is None
True
>>> db["t"].insert({"name": "乙"}).last_pk
2
>>> db.full is not None
True
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils.db import Database, Table, View

Parameters = Sequence[Any] | dict[str, Any] | None

# Statements that end or open a transaction themselves: execute() leaves them alone.
TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
# Never return rows, and cannot run inside query()'s savepoint (sqlite-utils refuses them too).
NOT_A_QUERY = TRANSACTION_CONTROL | {"VACUUM", "ATTACH", "DETACH"}
NOT_A_QUERY_MESSAGE = "query() can only be used with SQL that returns rows - use execute() for other statements"
QUERY_SAVEPOINT = '"sqlite_utils_query"'


def first_keyword(sql: str) -> str:
    """The statement's first keyword, upper-cased, past blanks, ``;``, a byte order mark and
    comments ("" when there is none)."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in ";\ufeff":
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            if newline == -1:
                return ""
            i = newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end == -1:
                return ""
            i = end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()


def unique_keys(keys: Iterable[str]) -> list[str]:
    """Column names made unique as sqlite-utils makes them: a later ``id`` becomes ``id_2``
    (or the next suffix no other column has)."""
    keys = list(keys)
    taken = set(keys)
    if len(taken) == len(keys):
        return keys
    seen: set[str] = set()
    result = []
    for key in keys:
        if key in seen:
            suffix, new_key = 2, key
            while new_key in seen or new_key in taken:
                new_key = f"{key}_{suffix}"
                suffix += 1
            key = new_key
        seen.add(key)
        result.append(key)
    return result


def _rows(cursor: Iterable[tuple[Any, ...]], keys: list[str]) -> Generator[dict[str, Any], None, None]:
    return (dict(zip(keys, row)) for row in cursor)


class RegisterDatabase:
    """``query``, ``execute`` and ``atomic`` over ``conn``; the rest of sqlite-utils' ``Database``
    (``table``, ``db[name]``) made on first use (``full``).

    ``atomic()`` begins ``IMMEDIATE``: a deferred transaction takes the write lock only at
    its first write, and when another process holds it then, SQLite cannot wait (waiting
    could deadlock two readers turned writers) and fails at once with "database is locked",
    whatever the busy timeout; one that takes the lock at ``BEGIN`` waits its turn. Nested
    calls are savepoints inside the outer transaction, as in sqlite-utils.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.full: Database | None = None
        # What sqlite-utils' Database sets on every connection it wraps: a trigger's own
        # writes fire triggers too (the search index's and the event chain's rely on it).
        self.execute("PRAGMA recursive_triggers=on;")

    # -- reads and lone statements --------------------------------------------------------
    def query(self, sql: str, params: Parameters = None) -> Generator[dict[str, Any], None, None]:
        """The rows of ``sql`` as dictionaries (sqlite-utils' ``Database.query``): the statement
        runs now, the rows are fetched as they are iterated. A statement that returns no rows is
        refused (``ValueError``) and rolled back; a row-returning write (``RETURNING``) takes effect."""
        keyword = first_keyword(sql)
        if keyword in NOT_A_QUERY:
            raise ValueError(NOT_A_QUERY_MESSAGE)
        args: tuple[Any, ...] = (params,) if params is not None else ()
        if keyword == "PRAGMA":
            # Some pragmas refuse to run inside a transaction: no savepoint, and no implicit BEGIN.
            if self.conn.in_transaction:
                cursor = self.conn.execute(sql, *args)
            else:
                with self._autocommit():
                    cursor = self.conn.execute(sql, *args)
            if cursor.description is None:
                raise ValueError(NOT_A_QUERY_MESSAGE)
            return _rows(cursor, unique_keys(d[0] for d in cursor.description))
        # In a savepoint, so a statement that turns out to return no rows is undone before the refusal.
        self.conn.execute(f"SAVEPOINT {QUERY_SAVEPOINT}")
        released = False
        try:
            cursor = self.conn.execute(sql, *args)
            if cursor.description is None:
                raise ValueError(NOT_A_QUERY_MESSAGE)
            keys = unique_keys(d[0] for d in cursor.description)
            try:
                self.conn.execute(f"RELEASE {QUERY_SAVEPOINT}")
                released = True
            except sqlite3.OperationalError:
                # A write still running (INSERT ... RETURNING with rows unread) holds the
                # savepoint: read its rows so it completes, then release.
                fetched = cursor.fetchall()
                self.conn.execute(f"RELEASE {QUERY_SAVEPOINT}")
                released = True
                return _rows(fetched, keys)
            return _rows(cursor, keys)
        finally:
            if not released and self.conn.in_transaction:
                # Undo what the statement changed; a RAISE(ROLLBACK) may have taken the savepoint already.
                self.conn.execute(f"ROLLBACK TO {QUERY_SAVEPOINT}")
                self.conn.execute(f"RELEASE {QUERY_SAVEPOINT}")

    def execute(self, sql: str, parameters: Parameters = None) -> sqlite3.Cursor:
        """``sql`` on the connection (sqlite-utils' ``Database.execute``): a write outside a
        transaction is committed at once; one inside becomes part of it."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                # The failed statement opened an implicit transaction nothing would ever end.
                self.conn.execute("ROLLBACK")
            raise
        if not was_in_transaction and self.conn.in_transaction and cursor.description is None \
                and first_keyword(sql) not in TRANSACTION_CONTROL:
            self.conn.execute("COMMIT")
        return cursor

    @contextlib.contextmanager
    def _autocommit(self) -> Iterator[None]:
        level = self.conn.isolation_level
        try:
            self.conn.isolation_level = None
            yield
        finally:
            self.conn.isolation_level = level

    # -- transactions --------------------------------------------------------------------
    @contextlib.contextmanager
    def atomic(self) -> Iterator[RegisterDatabase]:
        """One transaction, begun ``IMMEDIATE``; inside another, a savepoint."""
        if self.conn.in_transaction:
            import secrets

            savepoint = f"sqlite_utils_{secrets.token_hex(16)}"
            self.conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                # A RAISE(ROLLBACK) trigger may have ended the whole transaction, savepoint and all.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint};")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    # -- what needs sqlite-utils ---------------------------------------------------------
    def utils(self) -> Database:
        """sqlite-utils' ``Database`` over the same connection (imported now, the first time)."""
        if self.full is None:
            self.full = _sqlite_utils_class()(self)
        return self.full

    def table(self, table_name: str, **kwargs: Any) -> Table:
        return self.utils().table(table_name, **kwargs)

    def __getitem__(self, table_name: str) -> Table | View:
        return self.utils()[table_name]

    if not TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any:
            # Anything else sqlite-utils' Database offers, for code written against it (the type
            # check still names what this class does not define itself).
            if name.startswith("_") or name == "full":
                raise AttributeError(name)
            return getattr(self.utils(), name)


_made: list[Callable[[RegisterDatabase], Database]] = []


def _sqlite_utils_class() -> Callable[[RegisterDatabase], Database]:
    """sqlite-utils' ``Database`` whose transactions are the register's (its tables' writes
    open them through ``self.db.atomic()``): made at the first call, when sqlite-utils is imported."""
    if _made:
        return _made[0]
    from brandmark.store.lean_import import Database

    class RegisterUtilsDatabase(Database):
        def __init__(self, register: RegisterDatabase):
            # No plugins: the connection is brandmark's alone, and looking for them reads
            # every installed package's metadata.
            super().__init__(register.conn, execute_plugins=False)
            self.register = register

        @contextlib.contextmanager
        def atomic(self) -> Iterator[Database]:
            with self.register.atomic():
                yield self

    _made.append(RegisterUtilsDatabase)
    return RegisterUtilsDatabase
