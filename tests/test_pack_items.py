"""``pack_items`` (schema step 23): each stored pack's items kept beside its text, so the
statistics need not parse every pack in a fresh process; the figures never depend on it."""

from __future__ import annotations

import sqlite3

import pytest

from brandmark.packs import load_pack, parse_pack
from brandmark.paths import bundled_pack_paths
from brandmark.store import Store
from brandmark.store.migrations import MIGRATIONS, migrate
from brandmark.store.schema_pack_items import item_rows, pack_items_step
from stats_support import fill_register
from support import FIXED_NOW, MINI_PACK


def stored_index(conn) -> set[tuple]:
    return set(conn.execute("SELECT scheme_id, scheme_version, pack_hash, item_id, kind, title, title_en "
                            "FROM pack_items"))


def parsed_index(conn) -> set[tuple]:
    return {row for scheme_id, version, content in conn.execute("SELECT id, version, content FROM schemes")
            for row in item_rows(parse_pack(content.encode("utf-8"), source=f"{scheme_id}@{version}",
                                            check_limits=False))}


def test_a_stored_pack_has_its_items_kept_as_parsing_gives_them(tmp_path):
    with Store(tmp_path / "a.db") as store:
        store.schemes.import_file(MINI_PACK, actor="tester")
        assert stored_index(store.conn) == parsed_index(store.conn)
        kinds = {kind for *_key, kind, _title, _en in stored_index(store.conn)}
        assert "test" in kinds and len(stored_index(store.conn)) > 50


def test_the_step_keeps_the_items_of_the_packs_already_stored(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(conn, target=MIGRATIONS.index(pack_items_step))        # the version before the step
    for path in bundled_pack_paths():
        pack = load_pack(path)
        conn.execute("INSERT INTO schemes (id, version, hash, family, title, content, source, imported_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, 'bundled', '2026-01-01T00:00:00+00:00')",
                     [pack.id, pack.version, pack.content_hash, pack.family, pack.title, pack.source_text])
    migrate(conn)
    assert stored_index(conn) == parsed_index(conn) and stored_index(conn)
    conn.close()


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("pack-items") / "stats.db", clock=lambda: FIXED_NOW)
    fill_register(store.conn, applicants=200, assessments=600, seed=5)
    yield store
    store.close()


def test_the_statistics_read_the_kept_items_without_parsing_a_pack(filled, monkeypatch):
    from brandmark.store import schemes

    expected = filled.stats.compute()
    assert expected["failed_tests"]["by_item"] and expected["item_titles"]

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("a pack was parsed")
    monkeypatch.setattr(schemes, "parse_pack", no_parsing)
    filled.schemes._cache.clear()
    assert filled.stats.compute() == expected


def test_the_figures_are_the_same_without_the_kept_items_or_with_stale_ones(filled):
    expected = {(year, scheme): filled.stats.compute(year=year, scheme=scheme)
                for year, scheme in ((None, None), (2025, "zhejiang-made"))}
    saved = list(filled.conn.execute("SELECT * FROM pack_items"))
    try:
        filled.conn.execute("DELETE FROM pack_items")
        # Rows of another content (their hash is not the stored pack's) are never read:
        # here every item of every pack would otherwise count as a product test.
        filled.conn.execute("INSERT INTO pack_items SELECT id, version, 'stale', 'x-' || rowid, 'test', 'x', '' "
                            "FROM schemes")
        filled.conn.executemany("INSERT INTO pack_items VALUES (?, ?, 'stale', ?, 'test', ?, ?)",
                                [(r[0], r[1], r[3], r[5], r[6]) for r in saved])
        for (year, scheme), figures in expected.items():
            assert filled.stats.compute(year=year, scheme=scheme) == figures
    finally:
        filled.conn.execute("DELETE FROM pack_items")
        filled.conn.executemany("INSERT INTO pack_items VALUES (?, ?, ?, ?, ?, ?, ?)", saved)


def test_the_statistics_answer_codes_are_the_scorers():
    from brandmark.scoring import encoding
    from brandmark.store import stats

    assert (stats.TEST_PASS, stats.TEST_FAIL) == (encoding.TEST_PASS, encoding.TEST_FAIL)
