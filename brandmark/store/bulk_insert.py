"""Many applicants inserted at once (an import): the rows, then the register's indexes.

Row by row, an insert pays for what the register keeps beside its rows: the search index's
insert trigger (schema step 14, about 80 µs a row), the trigger that refuses names and codes
longer than the index covers (a ``BEFORE`` trigger that may abort, which makes SQLite keep a
statement journal of every page each row touches: about 25 µs a row), and the register's
ordering indexes, filled in random order (name, pinyin key, region, industry, registration
time). ``insert_applicants`` does the same work in bulk:

- both triggers are dropped and made again from their own stored text; the lengths are
  checked over the new rows in one query, and the new rows are put into the search index
  by one ``executemany`` of their pieces, made in Python as ``schema_search.grams_sql``
  makes them in SQL, code triples with their ``CODE_MARK`` (``tests/test_bulk_insert.py``
  checks they are the same text, and ``db check``'s comparison finds the index whole);
- when the rows are at least as many as the register already holds, the ordering indexes
  are dropped too and made again from their stored text after the insert, a sorted build
  instead of random inserts; on a large register they stay (rebuilding them would cost
  more than the rows' own inserts);
- the credit code's ``UNIQUE`` index always stays: it is what refuses a code registered
  meanwhile.

Everything happens inside one savepoint of the caller's transaction. A failure rolls back
to it, which restores the triggers and indexes exactly as they were (SQLite's schema is
transactional), and a process killed half-way leaves the last commit on disk, with
everything in it: no other connection ever sees the register without its indexes, as
writers wait for the write lock and readers see the last commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from brandmark.store.schema_search import CODE_MARK, MAX_INDEXED_LENGTH, grams_sql

# The columns ``insert_applicants`` takes, in this order.
COLUMNS = ("name", "name_sort", "uscc", "region", "address", "industry", "contact", "created_at", "updated_at")
_NAME, _USCC = COLUMNS.index("name"), COLUMNS.index("uscc")

_TRIGGERS = ("applicants_grams_insert", "applicants_grams_too_long_insert")
CODE_PADDED = "(uscc || '-')"      # as schema_search indexes a code: a '-' after it
TOO_LONG = "applicants: name or code longer than the search index covers"


def _piece(run: str) -> str:
    """One run of characters, folded as SQLite's ``lower()`` folds (ASCII only), as the hex of
    its UTF-8 bytes."""
    return "".join(ch.lower() if ch < "\x80" else ch for ch in run).encode("utf-8", "surrogatepass").hex().upper()


class _CharHex(dict[str, str]):
    """character → its piece; filled as characters are first seen (at most every character once)."""

    def __missing__(self, ch: str) -> str:
        piece = self[ch] = _piece(ch)
        return piece


class _DoubledHex(dict[int, str]):
    """code point → its piece, a space, its piece again: a ``str.translate`` table. A name's
    pairs, ``H0H1 H1H2 H2H3``, are its first piece, every inner character's piece twice with a
    space between, and its last piece, so one ``translate`` (a loop in C) writes them all."""

    def __missing__(self, code: int) -> str:
        piece = _piece(chr(code))
        doubled = self[code] = f"{piece} {piece}"
        return doubled


_char_hex = _CharHex()
_doubled_hex = _DoubledHex()


def pieces(text: str, size: int, mark: str = "") -> str | None:
    """What ``schema_search.grams_sql(column, size, mark)`` gives for ``text``: the runs of
    ``size`` characters, each folded like SQLite's ``lower()`` (ASCII only) and written as
    ``mark`` and the hex of its UTF-8 bytes, in order, space separated; None when there is no run.

    >>> pieces("杭州Ab", 2), pieces("91A-", 3, "x")
    ('E69DADE5B79E E5B79E61 6162', 'x393161 x31612D')
    """
    count = len(text) - size + 1
    if count <= 0:
        return None
    if text.isascii():
        # One byte a character: the runs are slices of the whole text's hex.
        whole, width = text.lower().encode().hex().upper(), 2 * size
        return " ".join([mark + whole[i:i + width] for i in range(0, 2 * count, 2)])
    if size == 2 and not mark:
        # A name's pairs, the import's most frequent pieces (``_DoubledHex``).
        return _char_hex[text[0]] + text[1:-1].translate(_doubled_hex) + _char_hex[text[-1]]
    return " ".join([mark + _piece(text[i:i + size]) for i in range(count)])


def _saved(conn: sqlite3.Connection, kind: str, names: Sequence[str]) -> list[tuple[str, str]]:
    marks = ",".join("?" * len(names))
    return conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = ? AND name IN ({marks})",
                        [kind, *names]).fetchall()


def _ordering_indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """The applicants' indexes a sorted build can make again: every one made by a ``CREATE
    INDEX`` (``sql`` not null) that does not enforce anything (not ``UNIQUE``)."""
    return [(name, sql) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applicants' "
        "AND sql IS NOT NULL ORDER BY name")
        if not sql.lstrip().upper().startswith("CREATE UNIQUE")]


def insert_applicants(conn: sqlite3.Connection, values: Sequence[tuple[Any, ...]]) -> None:
    """Insert ``values`` (tuples in ``COLUMNS``' order) as new applicants, indexed as the
    triggers would index them, inside the caller's transaction.

    Raises ``sqlite3.IntegrityError`` as the row-by-row inserts would: a code already
    registered (``UNIQUE``), a name or code longer than the index covers (``TOO_LONG``);
    nothing of this call is then left, and the triggers and indexes are as they were."""
    if not conn.in_transaction:
        raise RuntimeError("insert_applicants runs inside the caller's transaction")
    if not values:
        return
    conn.execute("SAVEPOINT bulk_applicants")
    try:
        (last_id, registered) = conn.execute("SELECT coalesce(max(id), 0), count(*) FROM applicants").fetchone()
        triggers = _saved(conn, "trigger", _TRIGGERS)
        indexes = _ordering_indexes(conn) if len(values) >= registered else []
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        conn.executemany(f"INSERT INTO applicants ({', '.join(COLUMNS)}) "
                         f"VALUES ({', '.join('?' * len(COLUMNS))})", values)
        if conn.execute("SELECT 1 FROM applicants WHERE id > ? AND (length(name) > ? OR length(uscc) > ?) LIMIT 1",
                        (last_id, MAX_INDEXED_LENGTH, MAX_INDEXED_LENGTH)).fetchone():
            raise sqlite3.IntegrityError(TOO_LONG)
        for _, sql in indexes:
            conn.execute(sql)
        _index_new_rows(conn, values, last_id)
        for _, sql in triggers:
            conn.execute(sql)
    except BaseException:
        # After some errors (disk full, I/O) SQLite has already rolled the whole transaction
        # back, savepoint and all: the first error is the one to report.
        if conn.in_transaction:
            conn.execute("ROLLBACK TO bulk_applicants")
            conn.execute("RELEASE bulk_applicants")
        raise
    conn.execute("RELEASE bulk_applicants")


def _index_new_rows(conn: sqlite3.Connection, values: Sequence[tuple[Any, ...]], last_id: int) -> None:
    """The search index's rows for the applicants just inserted after ``last_id``."""
    (first, last, count) = conn.execute("SELECT min(id), max(id), count(*) FROM applicants WHERE id > ?",
                                        (last_id,)).fetchone()
    if (first, last, count) != (last_id + 1, last_id + len(values), len(values)) or any(
            "\x00" in row[_NAME] or "\x00" in row[_USCC] for row in values):
        # Ids not handed out one after another, or text SQLite's length() stops short in:
        # SQLite's own expressions, which are the definition.
        conn.execute(f"INSERT INTO applicants_grams (rowid, name_grams, code_triples) "
                     f"SELECT id, {grams_sql('name')}, {grams_sql(CODE_PADDED, 3, CODE_MARK)} FROM applicants "
                     f"WHERE id > ? ORDER BY id", (last_id,))
        return
    conn.executemany("INSERT INTO applicants_grams (rowid, name_grams, code_triples) VALUES (?, ?, ?)",
                     [(applicant_id, pieces(row[_NAME], 2), pieces(row[_USCC] + "-", 3, CODE_MARK))
                      for applicant_id, row in enumerate(values, start=last_id + 1)])
