"""The pack list carries each pack's English title, so the window can show it in English."""

from __future__ import annotations

import brandmark.store.schemes as schemes_module
from support import MINI_PACK, pack_text


def listed(store) -> dict[tuple[str, str], dict]:
    return {(row["id"], row["version"]): row for row in store.schemes.list()}


def test_the_mini_pack_is_listed_with_both_titles(mini_store):
    row = listed(mini_store)[("mini", "1")]
    assert row["title"] == "最小测试方案"
    assert row["title_en"] == "Minimal test pack"


def test_every_bundled_pack_has_an_english_title_of_its_own(store):
    rows = store.schemes.list()
    assert rows
    for row in rows:
        pack = store.schemes.get(row["id"], row["version"])
        assert row["title_en"] == pack.title_en
        assert row["title_en"] and row["title_en"] != row["title"]


def test_a_pack_without_an_english_title_lists_an_empty_one(bare_store):
    bare_store.schemes.import_text(pack_text([{"weight": 100, "items": [{"id": "A", "kind": "veto"}]}]),
                                   actor="tester")
    assert listed(bare_store)[("gen", "1")]["title_en"] == ""


def test_each_version_lists_its_own_english_title(mini_store):
    newer = MINI_PACK.read_text(encoding="utf-8").replace('version = "1"', 'version = "2"').replace(
        'title_en = "Minimal test pack"', 'title_en = "Minimal test pack, second edition"')
    mini_store.schemes.import_text(newer, actor="tester")
    rows = listed(mini_store)
    assert rows[("mini", "1")]["title_en"] == "Minimal test pack"
    assert rows[("mini", "2")]["title_en"] == "Minimal test pack, second edition"


def test_listing_again_parses_nothing_again(mini_store, monkeypatch):
    mini_store.schemes.list()
    parsed = []
    real_parse = schemes_module.parse_pack
    monkeypatch.setattr(schemes_module, "parse_pack", lambda *a, **k: parsed.append(a) or real_parse(*a, **k))
    for _ in range(3):
        assert listed(mini_store)[("mini", "1")]["title_en"] == "Minimal test pack"
    assert parsed == []


def test_stored_content_the_parser_now_rejects_still_lists(mini_store):
    """A pack stored by an older brandmark that today's parser refuses must not take the
    schemes page (or the new-assessment dialog) down with it."""
    mini_store.db.execute(
        "INSERT INTO schemes (id, version, hash, family, title, reference, content, source, imported_at) "
        "VALUES ('old', '1', 'x', 'made', '旧方案', 0, 'not = [toml', 'old.toml', '2020-01-01')")
    rows = listed(mini_store)
    assert rows[("old", "1")]["title"] == "旧方案"
    assert rows[("old", "1")]["title_en"] == ""
    assert rows[("mini", "1")]["title_en"] == "Minimal test pack"
