"""Schema step 14: the applicant register searched through an index of character pairs.

The register is searched by a name or credit-code fragment with ``LIKE '%…%'`` (ASCII
letters fold case, nothing else does). A scan of 1,000,000 rows takes about 160 ms, and
FTS5's own trigram tokenizer cannot find the two-character fragments people type most
(杭州, 恒丰). So every applicant's name and code are indexed as their overlapping pairs
of characters (bigrams), in order, in the contentless FTS5 table ``applicants_grams``:

- a pair is folded the way ``LIKE`` folds (SQLite's ``lower()``: ASCII only) and written as
  the hex of its UTF-8 bytes, so any tokenizer keeps it whole (names hold spaces, ``&``,
  ``%``, ``_`` and full-width forms that tokenizers split or fold);
- a fragment of two or more characters is the *phrase* of its pairs: consecutive pairs at
  consecutive positions, which is exactly "the folded text contains the folded fragment".
  The index answers the same rows as ``LIKE``, count included, without reading the table
  (``tests/test_search_index.py`` checks that on random registers);
- codes are indexed as runs of three characters instead (``code_triples``): the pairs of a
  code are few (its alphabet has 31 characters, its first digits are the province's) and
  each is in a large share of the codes, while a four-character fragment's two triples are
  rare. A code fragment of three or more characters is the phrase of its triples; one of
  two is a prefix query (the triples that start with it). The code is indexed with a ``-``
  after it, so that its last pair starts a triple too; a code fragment never holds a
  ``-`` (``normalise_uscc`` drops it), so the padding matches nothing by itself;
- one character has no pair: the store falls back to the ``LIKE`` scan.

Triggers keep the index in step with every insert, update and delete, whoever writes
(the store, an import's ``executemany``, raw SQL, the demo removal). The pairs are made in
SQL from ``search_positions`` (1 … ``MAX_INDEXED_LENGTH``), as a trigger cannot use a
recursive query; a name or code longer than that is refused by the database itself, as
the index could not cover it (the store refuses names over 200 characters long before).

The register's other sort orders get their indexes too (region, industry, registration
time, each with the id after it), so that a page in any order the window offers is an index
walk, not a sort of the whole register.

The table keeps FTS5's per-row sizes (``_docsize``), so that ``SELECT * FROM applicants_grams``
works (rowids, empty columns) for any tool that reads every table; without them a
contentless table refuses to be scanned.

The index is derived data: it is not in the event log's hash chain, ``db verify`` never
reads it, and dropping and rebuilding it (``rebuild_search_index``) loses nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

MAX_INDEXED_LENGTH = 1000

# Every table this step makes: the FTS5 table, its shadow tables and the positions.
SEARCH_TABLES = ("applicants_grams", "applicants_grams_config", "applicants_grams_data",
                 "applicants_grams_docsize", "applicants_grams_idx", "search_positions")


def grams_sql(column: str, size: int = 2) -> str:
    """The SQL expression of ``column``'s runs of ``size`` characters, in order, space-separated."""
    return (f"(SELECT group_concat(hex(lower(substr({column}, n, {size}))), ' ') FROM search_positions "
            f"WHERE n <= length({column}) - {size - 1})")


def _values(row: str) -> str:
    padded_code = f"({row}.uscc || '-')"
    return f"{grams_sql(row + '.name')}, {grams_sql(padded_code, 3)}"


def _insert(row: str) -> str:
    return (f"INSERT INTO applicants_grams (rowid, name_grams, code_triples) "
            f"VALUES ({row}.id, {_values(row)});")


def _delete(row: str) -> str:
    # A contentless table forgets a row only when told the very text it indexed; the
    # pairs are a function of the stored name and code, so they are made again here.
    return (f"INSERT INTO applicants_grams (applicants_grams, rowid, name_grams, code_triples) "
            f"VALUES ('delete', {row}.id, {_values(row)});")


_TOO_LONG = (f"length(NEW.name) > {MAX_INDEXED_LENGTH} OR length(NEW.uscc) > {MAX_INDEXED_LENGTH}")

V14_SEARCH = f"""
CREATE TABLE search_positions (n INTEGER PRIMARY KEY);
CREATE VIRTUAL TABLE applicants_grams USING fts5(name_grams, code_triples, content='', tokenize='ascii');
CREATE INDEX applicants_region ON applicants(region, id);
CREATE INDEX applicants_industry ON applicants(industry, id);
CREATE INDEX applicants_created_at ON applicants(created_at, id);
CREATE TRIGGER applicants_grams_too_long_insert BEFORE INSERT ON applicants WHEN {_TOO_LONG}
BEGIN SELECT RAISE(ABORT, 'applicants: name or code longer than the search index covers'); END;
CREATE TRIGGER applicants_grams_too_long_update BEFORE UPDATE OF name, uscc ON applicants WHEN {_TOO_LONG}
BEGIN SELECT RAISE(ABORT, 'applicants: name or code longer than the search index covers'); END;
CREATE TRIGGER applicants_grams_insert AFTER INSERT ON applicants
BEGIN {_insert('NEW')} END;
CREATE TRIGGER applicants_grams_delete AFTER DELETE ON applicants
BEGIN {_delete('OLD')} END;
CREATE TRIGGER applicants_grams_update AFTER UPDATE OF id, name, uscc ON applicants
BEGIN {_delete('OLD')} {_insert('NEW')} END;
"""


def fill_search_index(conn: sqlite3.Connection) -> None:
    """Index every applicant already in the register (the step, and a rebuild)."""
    conn.execute(f"INSERT INTO applicants_grams (rowid, name_grams, code_triples) "
                 f"SELECT id, {_values('applicants')} FROM applicants ORDER BY id")


def search_step(conn: sqlite3.Connection) -> None:
    from brandmark.store.migrations import _split

    for statement in _split(V14_SEARCH):
        conn.execute(statement)
    conn.executemany("INSERT INTO search_positions (n) VALUES (?)",
                     [(n,) for n in range(1, MAX_INDEXED_LENGTH + 1)])
    fill_search_index(conn)


def rebuild_search_index(conn: sqlite3.Connection) -> None:
    """Forget the index and make it again from the applicants (inside the caller's transaction)."""
    conn.execute("INSERT INTO applicants_grams (applicants_grams) VALUES ('delete-all')")
    fill_search_index(conn)


@contextmanager
def indexed_at_the_end(conn: sqlite3.Connection) -> Iterator[None]:
    """Applicants inserted inside are indexed once, by one statement, when the block ends.

    For bulk imports, inside the caller's transaction. The insert trigger builds one row's
    pieces at a time (about 80 µs a row on an idle machine); one ``INSERT … SELECT`` over the
    new rows does the same work in about a fifth of that. The trigger is dropped and made
    again, from its own stored text, inside the same transaction: a rollback restores it,
    and no other connection ever sees the register without it (writers wait for the write
    lock, readers see the last commit). Rows must get new, higher ids (no explicit ids).
    """
    (trigger_sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                  "AND name = 'applicants_grams_insert'").fetchone()
    (last_id,) = conn.execute("SELECT coalesce(max(id), 0) FROM applicants").fetchone()
    conn.execute("DROP TRIGGER applicants_grams_insert")
    try:
        yield
        conn.execute(f"INSERT INTO applicants_grams (rowid, name_grams, code_triples) "
                     f"SELECT id, {_values('applicants')} FROM applicants WHERE id > ? ORDER BY id", (last_id,))
    finally:
        # Also on a refusal: the caller's rollback would restore it, but a caller that
        # swallowed the error must not go on without it.
        conn.execute(trigger_sql)
