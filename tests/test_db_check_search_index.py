"""``db check`` compares the applicants' search index with what their names and codes give: an
index left stale (a row indexed behind the triggers' back, a rename the triggers missed) or
damaged (its data blocks overwritten) is a problem with a code and the repair to run, ``db
rebuild-search`` makes it again, and the check itself writes nothing to the register."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from brandmark.cli import main
from brandmark.store import Store
from brandmark.store.checks import check_register
from brandmark.store.schema_search import REPAIR_COMMAND

NAMES = ["杭州恒丰电器有限公司", "宁波永安茶业合作社", "温州华联泵阀有限公司", "AB 五金工具厂"]


@pytest.fixture
def register(tmp_path, clock):
    from brandmark.uscc import make_uscc

    path = tmp_path / "check.db"
    with Store(path, clock=clock, load_bundled_packs=False) as store:
        for i, name in enumerate(NAMES):
            store.applicants.add(name=name, uscc=make_uscc("91", "330106", f"MA2B3C4{i}"), actor="t")
    return path


def _raw(path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _index_problems(path) -> list[dict]:
    return [p for p in check_register(path)["problems"] if p["check"] == "search_index"]


def test_a_sound_index_passes_and_the_check_writes_nothing(register):
    before = hashlib.sha256(register.read_bytes()).hexdigest()
    report = check_register(register)
    assert report["ok"] and report["problems"] == [] and report["repair"] == []
    assert hashlib.sha256(register.read_bytes()).hexdigest() == before


def test_a_row_indexed_behind_the_triggers_back_is_stale_and_rebuild_mends_it(register, capsys):
    _raw(register, "INSERT INTO applicants_grams (rowid, name_grams, code_triples) VALUES (999, '6162', '')")
    (problem,) = _index_problems(register)
    assert problem["code"] == "db.search_index_stale" and problem["applicant"] == 999
    assert problem["repair"] == REPAIR_COMMAND and REPAIR_COMMAND in problem["message"]

    assert main(["--db", str(register), "db", "check"]) == 3
    out = capsys.readouterr().out
    assert f"repair with {REPAIR_COMMAND}" in out and "restore a backup" not in out
    assert main(["--db", str(register), "db", "check", "--json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["repair"] == [REPAIR_COMMAND] and report["restore"] is None

    assert main(["--db", str(register), "db", "rebuild-search", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"rebuilt": True, "applicants": len(NAMES)}
    assert check_register(register)["ok"]
    with Store(register, load_bundled_packs=False) as store:
        assert [r["name"] for r in store.applicants.list("恒丰")] == [NAMES[0]] and store.applicants.count("ab") == 1


def test_a_rename_the_triggers_missed_is_stale_at_that_applicant(register):
    _raw(register, "DROP TRIGGER applicants_grams_update",
         "UPDATE applicants SET name = '丽水另一家公司' WHERE id = 3")
    (problem,) = _index_problems(register)
    assert problem["code"] == "db.search_index_stale" and problem["applicant"] == 3


def test_a_missing_row_is_stale(register):
    # Forgotten by the index (as if deleted there only): the stored text must be named to forget it.
    from brandmark.store.schema_search import _values

    with Store(register, load_bundled_packs=False) as store, store.atomic():
        store.conn.execute(f"INSERT INTO applicants_grams (applicants_grams, rowid, name_grams, code_triples) "
                           f"SELECT 'delete', id, {_values('applicants')} FROM applicants WHERE id = 2")
    (problem,) = _index_problems(register)
    assert problem["code"] == "db.search_index_stale" and problem["applicant"] == 2


def test_overwritten_index_blocks_are_reported_and_rebuild_mends_them(register, capsys):
    _raw(register, "UPDATE applicants_grams_data SET block = zeroblob(length(block)) WHERE id > 1")
    problems = _index_problems(register)
    assert len(problems) == 1 and problems[0]["code"] in ("db.search_index_damaged", "db.search_index_stale")
    assert main(["--db", str(register), "db", "check"]) == 3
    capsys.readouterr()
    assert main(["--db", str(register), "db", "rebuild-search"]) == 0
    assert str(len(NAMES)) in capsys.readouterr().out
    assert check_register(register)["ok"]


def test_a_register_before_the_search_index_has_nothing_to_compare(tmp_path):
    from brandmark.store import schema_search
    from brandmark.store.migrations import MIGRATIONS, migrate
    from brandmark.store.schema_search import search_index_problems

    conn = sqlite3.connect(tmp_path / "old.db")
    conn.isolation_level = None
    migrate(conn, target=MIGRATIONS.index(schema_search.search_step))
    assert search_index_problems(conn) == []
    migrate(conn, target=MIGRATIONS.index(schema_search.marked_codes_step))      # step 14's own format
    conn.execute("INSERT INTO applicants (name, name_sort, uscc, region, created_at, updated_at) "
                 "VALUES ('杭州恒丰', 'h', '91330106MA2B3C4D5E', 'hangzhou', 'x', 'x')")
    assert search_index_problems(conn) == []
    conn.close()


def test_without_a_grouped_walk_the_entries_are_compared_one_by_one(register, monkeypatch):
    """Terms are compared as one string each only when SQLite groups them in the index's own
    order; a plan that sorts (here forced) falls back to comparing entry by entry, same answer."""
    from brandmark.store import schema_search

    monkeypatch.setattr(schema_search, "_GROUPED", schema_search._GROUPED + " ORDER BY 2")
    assert check_register(register)["ok"]
    _raw(register, "DROP TRIGGER applicants_grams_update", "UPDATE applicants SET name = '丽水另一家公司' WHERE id = 3")
    (problem,) = _index_problems(register)
    assert problem["code"] == "db.search_index_stale" and problem["applicant"] == 3
