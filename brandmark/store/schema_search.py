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

Step 18 (``marked_codes_step``) writes every code triple with ``x`` before its hex (``x616231``).
A name pair's hex and a code triple's hex were in one term list, so the two-character prefix
query of the code side (``"e69dade5b79e"*`` for 杭州) also took in the name pair ``e69dade5b79e``
itself, read its whole doclist (54,610 rows at 1,000,000 applicants) and threw it away, column by
column: 1-5 ms on every common fragment, before the page. No hex digit is an ``x``, so the code
side now asks a range of terms no name pair is in. The triggers and the whole index are made
again in that step, as the terms of every row change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any
from contextlib import contextmanager

MAX_INDEXED_LENGTH = 1000

# Every table this step makes: the FTS5 table, its shadow tables and the positions.
SEARCH_TABLES = ("applicants_grams", "applicants_grams_config", "applicants_grams_data",
                 "applicants_grams_docsize", "applicants_grams_idx", "search_positions")


# What comes before each code triple's hex (step 18; step 14 wrote none). Not a hex digit.
CODE_MARK = "x"


def grams_sql(column: str, size: int = 2, mark: str = "") -> str:
    """The SQL expression of ``column``'s runs of ``size`` characters, in order, space-separated,
    each written as ``mark`` and the hex of its UTF-8 bytes."""
    marked = f"'{mark}' || " if mark else ""
    return (f"(SELECT group_concat({marked}hex(lower(substr({column}, n, {size}))), ' ') FROM search_positions "
            f"WHERE n <= length({column}) - {size - 1})")


# Each step's terms are frozen in it: ``code_mark`` is passed by every step explicitly, and
# the default (the current format) serves only the index's upkeep after the last step.
def _values(row: str, code_mark: str = CODE_MARK) -> str:
    padded_code = f"({row}.uscc || '-')"
    return f"{grams_sql(row + '.name')}, {grams_sql(padded_code, 3, code_mark)}"


def _insert(row: str, code_mark: str = CODE_MARK) -> str:
    return (f"INSERT INTO applicants_grams (rowid, name_grams, code_triples) "
            f"VALUES ({row}.id, {_values(row, code_mark)});")


def _delete(row: str, code_mark: str = CODE_MARK) -> str:
    # A contentless table forgets a row only when told the very text it indexed; the
    # pairs are a function of the stored name and code, so they are made again here.
    return (f"INSERT INTO applicants_grams (applicants_grams, rowid, name_grams, code_triples) "
            f"VALUES ('delete', {row}.id, {_values(row, code_mark)});")


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
BEGIN {_insert('NEW', code_mark='')} END;
CREATE TRIGGER applicants_grams_delete AFTER DELETE ON applicants
BEGIN {_delete('OLD', code_mark='')} END;
CREATE TRIGGER applicants_grams_update AFTER UPDATE OF id, name, uscc ON applicants
BEGIN {_delete('OLD', code_mark='')} {_insert('NEW', code_mark='')} END;
"""


def _triggers(code_mark: str) -> str:
    return f"""
CREATE TRIGGER applicants_grams_insert AFTER INSERT ON applicants
BEGIN {_insert('NEW', code_mark)} END;
CREATE TRIGGER applicants_grams_delete AFTER DELETE ON applicants
BEGIN {_delete('OLD', code_mark)} END;
CREATE TRIGGER applicants_grams_update AFTER UPDATE OF id, name, uscc ON applicants
BEGIN {_delete('OLD', code_mark)} {_insert('NEW', code_mark)} END;
"""


V18_MARKED_CODES = ("DROP TRIGGER applicants_grams_insert;\nDROP TRIGGER applicants_grams_delete;\n"
                    "DROP TRIGGER applicants_grams_update;\n" + _triggers(code_mark='x'))


def fill_search_index(conn: sqlite3.Connection, code_mark: str = CODE_MARK) -> None:
    """Index every applicant already in the register (the steps, and a rebuild)."""
    conn.execute(f"INSERT INTO applicants_grams (rowid, name_grams, code_triples) "
                 f"SELECT id, {_values('applicants', code_mark)} FROM applicants ORDER BY id")


def search_step(conn: sqlite3.Connection) -> None:
    from brandmark.store.migrations import _split

    for statement in _split(V14_SEARCH):
        conn.execute(statement)
    conn.executemany("INSERT INTO search_positions (n) VALUES (?)",
                     [(n,) for n in range(1, MAX_INDEXED_LENGTH + 1)])
    fill_search_index(conn, code_mark="")


def marked_codes_step(conn: sqlite3.Connection) -> None:
    """Step 18: the triggers write marked code triples, and every row is indexed again so."""
    from brandmark.store.migrations import _split

    for statement in _split(V18_MARKED_CODES):
        conn.execute(statement)
    conn.execute("INSERT INTO applicants_grams (applicants_grams) VALUES ('delete-all')")
    fill_search_index(conn, code_mark="x")


def rebuild_search_index(conn: sqlite3.Connection) -> None:
    """Forget the index and make it again from the applicants (inside the caller's transaction),
    in the current format (the triggers' own)."""
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


REPAIR_COMMAND = "brandmark-cli db rebuild-search"


def search_index_problems(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Whether the index holds exactly what the applicants' names and codes give: ``[]`` when it
    does, else one problem (``db.search_index_stale`` or ``db.search_index_damaged``) naming the
    repair (``REPAIR_COMMAND``; the index is derived, so nothing recorded is lost).

    FTS5's own ``integrity-check`` is a write to the table (refused on ``db check``'s read-only
    connection), and for a contentless table it checks only that the index agrees with itself,
    never with the applicants. So the index the applicants call for is built here in the
    connection's temp schema (nothing is written to the register), in the format of the
    register's own schema step, and the two are compared term by term, row by row and position
    by position (``fts5vocab`` ``instance``, both in the same order); reading every doclist of
    the stored index also finds a damaged one. About as long as indexing the register once.
    """
    from brandmark.errors import Problem
    from brandmark.store.migrations import MIGRATIONS

    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'applicants_grams'").fetchone() is None:
        return []                               # a register from before step 14: nothing to compare
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    mark = CODE_MARK if version > MIGRATIONS.index(marked_codes_step) else ""
    temp = ("search_index_found", "search_index_wanted_terms", "search_index_wanted")

    def problem(code: str, **params: Any) -> list[dict[str, Any]]:
        text = Problem(f"db.{code}", params={**params, "repair": REPAIR_COMMAND}).message()
        return [{"check": "search_index", "code": f"db.{code}", "message": text, "repair": REPAIR_COMMAND,
                 **params}]

    try:
        conn.execute("CREATE VIRTUAL TABLE temp.search_index_wanted USING fts5(name_grams, code_triples, "
                     "content='', tokenize='ascii')")
        conn.execute(f"INSERT INTO temp.search_index_wanted (rowid, name_grams, code_triples) "
                     f"SELECT id, {_values('applicants', mark)} FROM main.applicants ORDER BY id")
        conn.execute("CREATE VIRTUAL TABLE temp.search_index_found USING fts5vocab(main, applicants_grams, instance)")
        conn.execute("CREATE VIRTUAL TABLE temp.search_index_wanted_terms "
                     "USING fts5vocab(temp, search_index_wanted, instance)")
        applicant = _first_difference(conn, "temp.search_index_found", "temp.search_index_wanted_terms")
        return [] if applicant is None else problem("search_index_stale", applicant=applicant)
    except sqlite3.DatabaseError as exc:
        return problem("search_index_damaged", problem=str(exc))
    finally:
        for name in temp:
            try:
                conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
            except sqlite3.DatabaseError:
                pass


_GROUPED = "SELECT term, group_concat(doc || ' ' || col || ' ' || offset, ',') FROM {} GROUP BY term"


def _first_difference(conn: sqlite3.Connection, found: str, wanted: str) -> int | None:
    """The applicant of the first index entry (term, row, column, position) that one of the two
    ``fts5vocab instance`` tables has and the other lacks; None when they hold the same.

    Both list their entries in the same order (term, then row, column, position). Compared a
    term at a time, as one string of its entries each made inside SQLite: fetching every entry
    into Python took 20 times as long as reading them (2.7 million entries at 100,000
    applicants: 4.1 s a side against 0.2 s). That needs the terms to come grouped in the table's
    own order, with no sort in between (one could reorder a term's entries); a plan with a sort
    compares entry by entry instead.
    """
    plan = " ".join(str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + _GROUPED.format(found)))
    if "TEMP B-TREE" in plan:
        return _first_entry_difference(conn, found, wanted)
    have, want = conn.execute(_GROUPED.format(found)), conn.execute(_GROUPED.format(wanted))
    while True:
        have_terms, want_terms = have.fetchmany(1000), want.fetchmany(1000)
        if have_terms != want_terms:
            for a, b in zip(have_terms + [None] * len(want_terms), want_terms + [None] * len(have_terms)):
                if a != b:
                    # The smaller term of the two is where they part (the other side lacks it, or
                    # both have it with other entries).
                    term = min(pair[0] for pair in (a, b) if pair is not None)
                    return _first_entry_difference(conn, found, wanted, term)
        if not have_terms:
            return None


def _first_entry_difference(conn: sqlite3.Connection, found: str, wanted: str, term: str | None = None) -> int | None:
    where, params = ("", []) if term is None else (" WHERE term = ?", [term])
    have = conn.execute(f"SELECT term, doc, col, offset FROM {found}{where}", params)
    want = conn.execute(f"SELECT term, doc, col, offset FROM {wanted}{where}", params)
    while True:
        have_rows, want_rows = have.fetchmany(20_000), want.fetchmany(20_000)
        if have_rows != want_rows:
            differs = next((a, b) for a, b in zip(have_rows + [None] * len(want_rows),
                                                  want_rows + [None] * len(have_rows)) if a != b)
            # Both sides are in the same order: the first of the two entries is the one the
            # other side lacks (an extra entry in the index, or one it misses).
            applicant: int = min(row for row in differs if row is not None)[1]
            return applicant
        if not have_rows:
            return None
