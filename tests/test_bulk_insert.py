"""Applicants inserted in bulk (``store/bulk_insert.py``, what an import uses): indexed exactly
as the triggers index a row, and the triggers and indexes it drops for the insert are back,
word for word, after it succeeds, after it is refused and after the process is killed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandmark.store.bulk_insert import TOO_LONG, insert_applicants, pieces
from brandmark.store.schema_search import CODE_MARK, MAX_INDEXED_LENGTH, grams_sql, search_index_problems
from brandmark.uscc import make_uscc

REPO = Path(__file__).resolve().parents[1]

# CJK, Latin in both cases, digits, full-width forms, letters only Unicode folds, an
# astral-plane character, spaces and punctuation.
TEXT_CHARS = "杭州恒丰电器有限公司浙江𠀀aAzZ09ＡａＢ１ÄäßΣσ%_-& \u3000·（）"


def schema_of_applicants(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'applicants' "
                        "ORDER BY type, name").fetchall()


def rows(count: int, start: int = 0, *, name=None) -> list[tuple]:
    return [(name or f"浙江测试{i}号电器有限公司", f"zhe4 jiang1 {i}", make_uscc(org_body=f"{i:08d}"),
             "杭州市", "", "电器", "", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")
            for i in range(start, start + count)]


def insert_in_one_transaction(conn: sqlite3.Connection, values) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        insert_applicants(conn, values)
    except BaseException:
        if conn.in_transaction:              # a full disk has rolled it back already
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def searched(store, fragment: str) -> list[int]:
    return [r["id"] for r in store.applicants.list(fragment, order_by="id", limit=100_000)]


@settings(max_examples=200, deadline=None)
@given(text=st.text(TEXT_CHARS, max_size=16), size=st.sampled_from([2, 3]), mark=st.sampled_from(["", CODE_MARK]))
def test_pieces_are_the_text_the_search_index_makes_in_sql(bare_store, text, size, mark):
    (expected,) = bare_store.conn.execute(f"SELECT {grams_sql('?1', size, mark)}", (text,)).fetchone()
    assert pieces(text, size, mark) == expected


@settings(max_examples=25, deadline=None)
@given(names=st.lists(st.text(TEXT_CHARS.replace(" ", ""), min_size=1, max_size=14), min_size=1, max_size=30))
def test_db_check_finds_the_index_of_a_bulk_insert_whole(bare_store, names):
    # db check builds the index the applicants call for and compares it term by term: the
    # pieces made in Python must be exactly the triggers' (code triples marked, step 18).
    conn = bare_store.conn
    conn.execute("DELETE FROM applicants")
    conn.commit()
    insert_in_one_transaction(conn, rows(3, 900))
    insert_in_one_transaction(conn, [(name,) + row[1:] for name, row in zip(names, rows(len(names)))])
    assert search_index_problems(conn) == []


@pytest.mark.parametrize("registered", [0, 30], ids=["indexes rebuilt", "indexes kept"])
def test_a_bulk_insert_leaves_the_schema_as_it_was_and_every_index_whole(bare_store, registered):
    conn = bare_store.conn
    insert_in_one_transaction(conn, rows(registered, 1000))
    schema = schema_of_applicants(conn)
    insert_in_one_transaction(conn, rows(10))
    assert schema_of_applicants(conn) == schema
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert len(searched(bare_store, "号电器")) == registered + 10
    assert searched(bare_store, "测试7号") == [registered + 8]


def test_the_ordering_indexes_are_rebuilt_only_when_the_insert_outnumbers_the_register(bare_store):
    conn = bare_store.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    insert_in_one_transaction(conn, rows(10))
    assert any(s.startswith('DROP INDEX "applicants_name_sort"') for s in statements)
    statements.clear()
    insert_in_one_transaction(conn, rows(5, 100))
    assert not any(s.startswith("DROP INDEX") for s in statements)
    conn.set_trace_callback(None)


@pytest.mark.parametrize("registered", [0, 30], ids=["indexes rebuilt", "indexes kept"])
def test_a_refused_bulk_insert_leaves_nothing_and_the_schema_as_it_was(bare_store, registered):
    conn = bare_store.conn
    insert_in_one_transaction(conn, rows(registered, 1000))
    schema = schema_of_applicants(conn)
    # The last row's code is registered already (or repeats one of the file's).
    clash = rows(1, 1000)[0] if registered else rows(1, 3)[0]
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        insert_in_one_transaction(conn, rows(40) + [clash])
    assert schema_of_applicants(conn) == schema
    assert bare_store.applicants.count() == registered
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert searched(bare_store, "测试3号") == []
    assert searched(bare_store, "测试1003号") == ([4] if registered else [])


def test_a_refusal_inside_the_callers_transaction_keeps_the_callers_own_writes(bare_store):
    # The savepoint rolls back only the bulk insert; the caller decides about the rest.
    conn = bare_store.conn
    conn.execute("BEGIN IMMEDIATE")
    insert_applicants(conn, rows(3))
    with pytest.raises(sqlite3.IntegrityError):
        insert_applicants(conn, rows(2, 50) + rows(1, 0))
    assert conn.in_transaction
    conn.execute("COMMIT")
    assert bare_store.applicants.count() == 3


def test_a_name_longer_than_the_index_covers_is_refused_as_the_trigger_refuses_it(bare_store):
    conn = bare_store.conn
    schema = schema_of_applicants(conn)
    with pytest.raises(sqlite3.IntegrityError, match="longer than the search index covers"):
        insert_in_one_transaction(conn, rows(3) + rows(1, 7, name="长" * (MAX_INDEXED_LENGTH + 1)))
    assert TOO_LONG == "applicants: name or code longer than the search index covers"
    assert schema_of_applicants(conn) == schema
    assert bare_store.applicants.count() == 0


def test_a_full_disk_is_reported_as_a_full_disk_with_the_schema_as_it_was(bare_store):
    """SQLite rolls the whole transaction back itself on a full disk, savepoint and all; the
    bulk insert's own ROLLBACK TO then failed with "no such savepoint" and hid the reason."""
    conn = bare_store.conn
    schema = schema_of_applicants(conn)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 5}")                  # a disk with room for 5 pages
    with pytest.raises(sqlite3.OperationalError, match="full"):
        insert_in_one_transaction(conn, rows(3000))
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert schema_of_applicants(conn) == schema
    assert bare_store.applicants.count() == 0


def test_rows_with_a_nul_are_indexed_by_sqlites_own_expressions(bare_store):
    # SQLite's length() stops at a NUL; the index is what its expressions make of the row.
    conn = bare_store.conn
    insert_in_one_transaction(conn, rows(1, name="恒丰\x00电器"))
    assert searched(bare_store, "恒丰") == [1]
    conn.execute("DELETE FROM applicants")          # the delete trigger finds the same pieces
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_killed_half_way_the_register_keeps_its_last_commit_with_every_index(tmp_path):
    from brandmark.store import Store

    db = tmp_path / "killed.db"
    with Store(db, load_bundled_packs=False) as store:
        with store.atomic():
            insert_applicants(store.conn, rows(2, 500))
        schema = schema_of_applicants(store.conn)
    # The child is killed by SIGKILL after its rows are in and the indexes dropped, just before
    # they are made again: nothing of it may be seen afterwards.
    child = textwrap.dedent(f"""
        import os, signal, sqlite3, sys
        sys.path[:0] = [{str(REPO)!r}, {str(REPO / "tests")!r}]
        from brandmark.store import bulk_insert
        from test_bulk_insert import rows
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        def dying(sql, *args):
            if sql.startswith("CREATE INDEX"):
                assert conn.execute("SELECT count(*) FROM applicants").fetchone()[0] == 202
                os.kill(os.getpid(), signal.SIGKILL)
            return conn.execute(sql, *args)
        class Dying:
            in_transaction = True
            execute = staticmethod(dying)
            executemany = staticmethod(conn.executemany)
        bulk_insert.insert_applicants(Dying(), rows(200))
        """)
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    conn = sqlite3.connect(db)
    assert schema_of_applicants(conn) == schema
    assert conn.execute("SELECT count(*) FROM applicants").fetchone() == (2,)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with Store(db, load_bundled_packs=False) as store:
        assert searched(store, "测试501号") == [2]
        later = store.applicants.add(name="温州恒丰阀门有限公司", uscc=make_uscc(org_body="00000777"), actor="t")
        assert searched(store, "恒丰阀门") == [later]
