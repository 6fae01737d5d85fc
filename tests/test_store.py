"""The store: applicants, scheme packs, the event log, settings; refusals write nothing."""

from __future__ import annotations

import sqlite3

import pytest

from brandmark.errors import NotFound, RefusedInput
from brandmark.store import Store
from brandmark.store.migrations import LATEST
from brandmark.uscc import make_uscc
from support import MINI_PACK

CODE = "91350100M000100Y43"


def counts(store) -> dict:
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("applicants", "products", "assessments", "answers", "findings", "evidence",
                      "decisions", "events", "schemes", "settings")}


# -- the store itself ------------------------------------------------------------------------

def test_new_database_is_at_the_latest_schema_with_bundled_packs(store):
    assert store.schema_version == LATEST == store.latest_schema_version
    ids = {row["id"] for row in store.schemes.list()}
    assert "zhejiang-made" in ids
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_keeps_data_and_does_not_reimport(tmp_path):
    path = tmp_path / "again.db"
    with Store(path) as first:
        applicant_id = first.applicants.add(name="甲", uscc=CODE)
        schemes = len(first.schemes.list())
    with Store(path) as second:
        assert second.applicants.get(applicant_id)["name"] == "甲"
        assert len(second.schemes.list()) == schemes


def test_default_path_follows_the_environment(isolated_user_dirs):
    with Store() as default:
        assert default.path == isolated_user_dirs / "default.db"
    assert (isolated_user_dirs / "default.db").exists()


def test_a_database_newer_than_the_code_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(RefusedInput, match="newer"):
        Store(path)
    # Nothing was changed in it.
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST + 1
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


def test_atomic_rolls_back_everything(mini_store):
    before = counts(mini_store)
    with pytest.raises(RuntimeError):
        with mini_store.atomic():
            mini_store.applicants.add(name="甲", uscc=CODE)
            mini_store.settings.set("body", "x")
            raise RuntimeError("boom")
    assert counts(mini_store) == before


# -- applicants ------------------------------------------------------------------------------

def test_add_applicant_normalises_and_logs(mini_store):
    applicant_id = mini_store.applicants.add(name="  杭州电器有限公司 ", uscc=" 91350100m000100y43",
                                             region="杭州市", actor="张三")
    row = mini_store.applicants.get(applicant_id)
    assert (row["name"], row["uscc"], row["region"]) == ("杭州电器有限公司", CODE, "hangzhou")
    event = mini_store.events.list("applicant", applicant_id)[0]
    assert (event["actor"], event["action"], event["details"]["uscc"]) == ("张三", "applicant.add", CODE)


@pytest.mark.parametrize("fields,message", [
    ({"uscc": CODE[:17] + "4"}, "check character"),
    ({"uscc": ""}, "empty"),
    ({"name": "  "}, "name"),
    ({"name": "x" * 201}, "too long"),
    ({"name": "甲\x00乙"}, r"U\+0000"),
    ({"region": "上海"}, "region '上海'"),
    ({"address": "路\x1b"}, r"U\+001B"),
])
def test_refused_applicant_writes_nothing(mini_store, fields, message):
    before = counts(mini_store)
    with pytest.raises(RefusedInput, match=message):
        mini_store.applicants.add(**{"name": "甲", "uscc": CODE, **fields})
    assert counts(mini_store) == before


def test_duplicate_credit_code_is_refused_even_written_differently(mini_store):
    first = mini_store.applicants.add(name="甲", uscc=CODE)
    before = counts(mini_store)
    with pytest.raises(RefusedInput, match=f"#{first}"):
        mini_store.applicants.add(name="乙", uscc=CODE.lower().replace("m", "ｍ"))
    assert counts(mini_store) == before


def test_quotes_and_markup_are_kept_verbatim(mini_store):
    name = "丽水山耕 & 合作社 <联合体> \"天台山\" 'x'"
    applicant_id = mini_store.applicants.add(name=name, uscc=CODE)
    assert mini_store.applicants.get(applicant_id)["name"] == name


def test_update_applicant(mini_store):
    applicant_id = mini_store.applicants.add(name="甲", uscc=CODE)
    other = mini_store.applicants.add(name="乙", uscc=make_uscc())
    row = mini_store.applicants.update(applicant_id, name="甲二", region="ningbo", actor="张三")
    assert (row["name"], row["region"]) == ("甲二", "ningbo")
    assert mini_store.events.list("applicant", applicant_id)[0]["details"]["name"] == ["甲", "甲二"]
    with pytest.raises(RefusedInput, match="already registered"):
        mini_store.applicants.update(applicant_id, uscc=mini_store.applicants.get(other)["uscc"])
    with pytest.raises(RefusedInput, match="demo"):
        mini_store.applicants.update(applicant_id, demo=1)
    with pytest.raises(NotFound):
        mini_store.applicants.update(999, name="x")


def test_search_by_name_or_code_fragment(mini_store):
    names = ["杭州西溪电器有限公司", "宁波甬江电器股份", "温州泵阀有限公司", "100%纯棉 纺织", "a_b 工具"]
    for index, name in enumerate(names, start=1):
        mini_store.applicants.add(name=name, uscc=make_uscc("91", "330100", f"0000000{index}"))
    register = mini_store.applicants
    assert [r["name"] for r in register.list("电器")] == names[:2]
    assert register.count("电器") == 2
    assert register.count("有限公司") == 2
    # LIKE wildcards in the fragment are literal.
    assert [r["name"] for r in register.list("%")] == ["100%纯棉 纺织"]
    assert [r["name"] for r in register.list("_")] == ["a_b 工具"]
    assert register.count("%") == 1 and register.count("_") == 1
    assert register.count("-") == 0     # a separator alone matches no code
    # A code fragment, in any case or width.
    code = register.list("温州")[0]["uscc"]
    assert [r["name"] for r in register.list(code[-6:].lower())] == ["温州泵阀有限公司"]
    assert register.count("") == register.count(None) == register.count("   ") == 5
    # Paging and ordering.
    assert [r["id"] for r in register.list(limit=2, offset=1)] == [2, 3]
    assert [r["id"] for r in register.list(order_by="id", descending=True)][:2] == [5, 4]
    with pytest.raises(RefusedInput):
        register.list(order_by="name; DROP TABLE applicants")


def test_products(mini_store):
    applicant_id = mini_store.applicants.add(name="甲", uscc=CODE)
    product_id = mini_store.applicants.add_product(applicant_id, name="电水壶", models="A1, A2",
                                                   standard="t/zzb 0123-2024")
    product = mini_store.applicants.product(product_id)
    assert product["standard"] == "T/ZZB 0123—2024"
    assert [p["id"] for p in mini_store.applicants.products(applicant_id)] == [product_id]
    before = counts(mini_store)
    with pytest.raises(RefusedInput, match="T/ZZB"):
        mini_store.applicants.add_product(applicant_id, name="电水壶", standard="GB 1234")
    with pytest.raises(NotFound):
        mini_store.applicants.add_product(999, name="电水壶")
    assert counts(mini_store) == before


# -- scheme packs ----------------------------------------------------------------------------

def test_importing_the_same_pack_twice_is_a_no_op(mini_store):
    before = counts(mini_store)
    mini_store.schemes.import_file(MINI_PACK)
    assert counts(mini_store) == before


def test_same_version_with_other_content_is_refused(mini_store, tmp_path):
    changed = tmp_path / "mini-changed.toml"
    changed.write_text(MINI_PACK.read_text(encoding="utf-8").replace("pass_score = 60", "pass_score = 70"),
                       encoding="utf-8")
    before = counts(mini_store)
    with pytest.raises(RefusedInput, match="new version"):
        mini_store.schemes.import_file(changed)
    assert counts(mini_store) == before
    assert mini_store.schemes.get("mini").rules.pass_score == 60


def test_latest_version_compares_numbers(mini_store):
    text = MINI_PACK.read_text(encoding="utf-8")
    for version in ("2026.9", "2026.10", "2026.2"):
        mini_store.schemes.import_text(text.replace('version = "1"', f'version = "{version}"'))
    assert mini_store.schemes.latest_version("mini") == "2026.10"
    latest = [r for r in mini_store.schemes.list() if r["latest"]]
    assert [(r["id"], r["version"]) for r in latest] == [("mini", "2026.10")]


def test_unknown_scheme_is_not_found(mini_store):
    with pytest.raises(NotFound, match="known: mini"):
        mini_store.schemes.get("nope")
    with pytest.raises(NotFound):
        mini_store.schemes.get("mini", "9")


def test_hash_mismatch_is_refused(mini_store):
    with pytest.raises(RefusedInput, match="hash"):
        mini_store.schemes.get("mini", "1", expected_hash="0" * 64)


def test_import_logs_an_event(mini_store):
    event = mini_store.events.list("scheme")[0]
    assert event["action"] == "scheme.import" and event["entity_id"] == "mini@1"
    assert event["actor"] == "tester"


def test_bad_pack_import_writes_nothing(mini_store, tmp_path):
    from brandmark.errors import PackError

    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[pack]\nid = 'x'\n", encoding="utf-8")
    before = counts(mini_store)
    with pytest.raises(PackError):
        mini_store.schemes.import_file(bad)
    assert counts(mini_store) == before


# -- the event log ---------------------------------------------------------------------------

def test_event_log_is_append_only(mini_store):
    mini_store.events.record("张三", "test", "thing", 1, {"a": 1})
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        mini_store.db.execute("UPDATE events SET actor = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        mini_store.db.execute("DELETE FROM events")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        mini_store.conn.execute("DELETE FROM events WHERE id = 1")
    assert mini_store.events.list("thing", 1)[0]["details"] == {"a": 1}


def test_event_list_filters_and_orders_newest_first(mini_store):
    for n in range(3):
        mini_store.events.record("a", f"act{n}", "thing", 7)
    mini_store.events.record("a", "other", "thing", 8)
    assert [e["action"] for e in mini_store.events.list("thing", 7)] == ["act2", "act1", "act0"]
    assert len(mini_store.events.list("thing", limit=2)) == 2


# -- settings --------------------------------------------------------------------------------

def test_settings(mini_store):
    assert mini_store.settings.get("body") is None
    assert mini_store.settings.get("body", "默认") == "默认"
    mini_store.settings.set("body", "浙江认证中心", actor="admin")
    mini_store.settings.set("body", "浙江认证联盟", actor="admin")
    assert mini_store.settings.get("body") == "浙江认证联盟"
    assert [e["details"]["value"] for e in mini_store.events.list("setting", "body")] == [
        "浙江认证联盟", "浙江认证中心"]


# -- register inputs: regions and standard numbers ----------------------------------------------

@pytest.mark.parametrize("text,region", [
    ("hangzhou", "hangzhou"), ("Hangzhou", "hangzhou"), ("杭州", "hangzhou"), ("杭州市", "hangzhou"),
    (" 台州 ", "taizhou"), ("LISHUI", "lishui"), ("outside", "outside"), ("浙江省外", "outside"),
    ("", None), (None, None),
])
def test_regions(text, region):
    from brandmark.regions import normalise_region

    assert normalise_region(text) == region


@pytest.mark.parametrize("text", ["上海", "杭", "hang zhou", "3301"])
def test_unknown_region_is_refused_listing_the_choices(text):
    from brandmark.regions import normalise_region

    with pytest.raises(RefusedInput) as info:
        normalise_region(text)
    assert "丽水市" in str(info.value) and "lishui" in str(info.value)


@pytest.mark.parametrize("text,canonical", [
    ("T/ZZB 0123—2024", "T/ZZB 0123—2024"), ("t/zzb 0123-2024", "T/ZZB 0123—2024"),
    ("T/ZZB0123–2024", "T/ZZB 0123—2024"), ("T / ZZB 0123 －2024", "T/ZZB 0123—2024"),
    ("T/ZZB 0123--2013", "T/ZZB 0123—2013"), ("", None), (None, None),
])
def test_standard_numbers(text, canonical):
    from brandmark.standards import normalise_standard

    assert normalise_standard(text) == canonical


@pytest.mark.parametrize("text", ["GB/T 8170-2008", "T/ZZB 123-2024", "T/ZZB 0123-24", "T/ZZB 0123—2012",
                                  "T/ZZB 0123—2101", "T/ZZB 0123 2024"])
def test_bad_standard_numbers_are_refused(text):
    from brandmark.standards import normalise_standard

    with pytest.raises(RefusedInput, match="T/ZZB"):
        normalise_standard(text)
