"""The store's own query/execute/atomic (store.register_database) behave as sqlite-utils' do,
and sqlite-utils is imported only when a table write needs it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from brandmark.store import Store
from brandmark.store.lean_import import Database
from brandmark.store.register_database import RegisterDatabase, first_keyword

ROOT = Path(__file__).resolve().parents[1]

SETUP = """
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER);
CREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER, name TEXT);
INSERT INTO t (name, n) VALUES ('甲', 1), ('乙', 2), (NULL, 3);
INSERT INTO u (t_id, name) VALUES (1, 'x'), (2, 'y');
"""

QUERIES = [
    ("SELECT * FROM t ORDER BY id", None),
    ("SELECT t.id, t.name, u.id, u.name, u.id FROM t JOIN u ON u.t_id = t.id ORDER BY t.id", None),
    ("SELECT t.id, 1 AS id_2, t.id FROM t", None),          # a suffix that is already taken
    ("  -- a comment first\n/* and another */ SELECT name FROM t WHERE n > ?", [1]),
    ("SELECT name FROM t WHERE n = :n", {"n": 2}),
    ("PRAGMA table_info(t)", None),
    ("WITH x AS (SELECT n FROM t) SELECT sum(n) AS total FROM x", None),
    ("INSERT INTO u (t_id, name) VALUES (3, 'z') RETURNING id, name", None),
]


def pair():
    ours = sqlite3.connect(":memory:", isolation_level=None)
    theirs = sqlite3.connect(":memory:", isolation_level=None)
    for conn in (ours, theirs):
        conn.executescript(SETUP)
        conn.isolation_level = "IMMEDIATE"           # as the store's connection
    return RegisterDatabase(ours), Database(theirs, execute_plugins=False)


@pytest.mark.parametrize(("sql", "params"), QUERIES)
def test_query_gives_the_rows_sqlite_utils_gives(sql, params):
    ours, theirs = pair()
    assert list(ours.query(sql, params)) == list(theirs.query(sql, params))
    assert ours.conn.in_transaction is theirs.conn.in_transaction is False
    assert list(ours.query("SELECT * FROM u ORDER BY id")) == list(theirs.query("SELECT * FROM u ORDER BY id"))


@pytest.mark.parametrize("sql", ["UPDATE t SET n = n + 1", "BEGIN", "  vacuum", "CREATE TABLE v (a)",
                                 "PRAGMA user_version = 3"])
def test_a_statement_without_rows_is_refused_by_query_as_sqlite_utils_refuses_it(sql):
    ours, theirs = pair()
    for db in (ours, theirs):
        with pytest.raises(ValueError) as refused:
            db.query(sql)
        assert "returns rows" in str(refused.value)
    # A refused UPDATE or CREATE is undone; the row-less PRAGMA takes effect in both.
    for check in ("SELECT * FROM t ORDER BY id", "SELECT name FROM sqlite_master ORDER BY name", "PRAGMA user_version"):
        assert list(ours.query(check)) == list(theirs.query(check))


def test_execute_commits_a_lone_write_and_joins_an_open_transaction():
    ours, theirs = pair()
    for db in (ours, theirs):
        db.execute("UPDATE t SET n = ? WHERE id = 1", [10])
        assert not db.conn.in_transaction            # committed at once
        db.conn.execute("BEGIN")
        db.execute("UPDATE t SET n = 20 WHERE id = 2")
        assert db.conn.in_transaction                # part of the open transaction
        db.conn.execute("ROLLBACK")
        with pytest.raises(sqlite3.OperationalError):
            db.execute("UPDATE no_such_table SET a = 1")
        assert not db.conn.in_transaction            # the failed statement left no transaction open
    assert list(ours.query("SELECT n FROM t ORDER BY id")) == [{"n": 10}, {"n": 2}, {"n": 3}]
    assert list(ours.query("SELECT n FROM t ORDER BY id")) == list(theirs.query("SELECT n FROM t ORDER BY id"))


def test_atomic_begins_immediate_nests_as_savepoints_and_rolls_back():
    ours, _ = pair()
    with ours.atomic():
        ours.execute("UPDATE t SET n = 100 WHERE id = 1")
        with pytest.raises(RuntimeError):
            with ours.atomic():
                ours.execute("UPDATE t SET n = 200 WHERE id = 2")
                raise RuntimeError("the inner block fails")
    assert [row["n"] for row in ours.query("SELECT n FROM t ORDER BY id")] == [100, 2, 3]
    with pytest.raises(RuntimeError):
        with ours.atomic():
            ours["t"].insert({"name": "丙", "n": 4})      # sqlite-utils' own write, inside our transaction
            raise RuntimeError("the action is refused")
    assert [row["n"] for row in ours.query("SELECT n FROM t ORDER BY id")] == [100, 2, 3]


def test_a_table_write_outside_a_transaction_takes_the_write_lock_at_begin(tmp_path):
    """sqlite-utils' tables open their transactions through the register's atomic (IMMEDIATE)."""
    path = tmp_path / "lock.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.executescript(SETUP)
    db = RegisterDatabase(sqlite3.connect(path, isolation_level=None, timeout=0))
    begun = []
    db.conn.set_trace_callback(lambda sql: begun.append(sql) if sql.startswith("BEGIN") else None)
    db.table("t").insert({"name": "丁", "n": 5})
    assert begun == ["BEGIN IMMEDIATE"]
    assert first_keyword("\ufeff ;-- x\n  begin immediate") == "BEGIN"


def test_sqlite_utils_is_imported_only_when_a_table_of_its_own_is_used(tmp_path):
    path = tmp_path / "read.db"
    with Store(path) as store:
        store.applicants.add(name="杭州示例电器有限公司", uscc="91350100M000100Y43", region="hangzhou")
    code = ("import sys\nfrom brandmark.store import Store\n"
            f"store = Store({str(path)!r})\n"
            "assert store.applicants.count() == 1 and store.applicants.get(1)['region'] == 'hangzhou'\n"
            "print('sqlite_utils' in sys.modules)\n"
            "store.applicants.add(name='宁波示例电器有限公司', uscc='913302000000000276', region='ningbo')\n"
            "print('sqlite_utils' in sys.modules)\n"     # that write is SQL of its own
            "store.db['applicants'].count\n"
            "print('sqlite_utils' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "BRANDMARK_DATA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True"]
