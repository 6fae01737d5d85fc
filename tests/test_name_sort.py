"""Applicants sort by pinyin (issue 11 §3): the key stored with the row, kept on add, edit,
import and by the migration, used by the register, the CLI and the export; and the region
taken from the credit code's division digits when none is given."""

from __future__ import annotations

import csv
import json
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from brandmark.cli import main
from brandmark.imports import import_applicants
from brandmark.name_keys import name_sort_key
from brandmark.store import Store
from brandmark.store.migrations import LATEST, MIGRATIONS, migrate
from brandmark.uscc import make_uscc

# In pinyin order: hang, jia, li, ning, wen (code-point order would be 丽 宁 嘉 杭 温).
NAMES = ["杭州恒丰电器有限公司", "嘉兴华鑫纺织有限公司", "丽水瑞祥五金有限公司", "宁波朝阳机械厂", "温州泰隆服装有限公司"]


def code(n: int, division: str = "330100") -> str:
    return make_uscc(division=division, org_body=f"{n:08d}")


def add_shuffled(store) -> dict[str, int]:
    order = [3, 0, 4, 2, 1]
    return {NAMES[i]: store.applicants.add(name=NAMES[i], uscc=code(i)) for i in order}


def test_keys_follow_pinyin_and_phrase_readings():
    assert sorted(NAMES, key=name_sort_key) == NAMES
    assert sorted(NAMES) != NAMES                      # code point order is not pinyin order
    # Phrase mode: the place names' readings, not the characters' most common ones.
    assert name_sort_key("丽水").startswith("li2 shui3")
    assert name_sort_key("重庆银行").startswith("chong2 qing4 yin2 hang2")
    # Shorter readings first, tone order inside a syllable, width and case folded.
    assert name_sort_key("西安") < name_sort_key("先")
    assert name_sort_key("ＡＢＣ电器").startswith("abc dian4")


def test_the_register_sorts_names_by_pinyin_both_ways(bare_store):
    add_shuffled(bare_store)
    names = [r["name"] for r in bare_store.applicants.list(order_by="name")]
    assert names == NAMES
    assert [r["name"] for r in bare_store.applicants.list(order_by="name", descending=True)] == NAMES[::-1]
    assert [r["name"] for r in bare_store.applicants.list(order_by="name", limit=2, offset=2)] == NAMES[2:4]


def test_renaming_keeps_the_key(bare_store):
    ids = add_shuffled(bare_store)
    bare_store.applicants.update(ids[NAMES[0]], name="衢州恒丰电器有限公司")        # qu: after ning, before wen
    names = [r["name"] for r in bare_store.applicants.list(order_by="name")]
    assert names == [NAMES[1], NAMES[2], NAMES[3], "衢州恒丰电器有限公司", NAMES[4]]
    assert "name_sort" not in bare_store.applicants.get(ids[NAMES[1]])


def test_imported_rows_get_their_key(bare_store, tmp_path):
    path = tmp_path / "applicants.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["统一社会信用代码", "企业名称"])
        writer.writerows([code(i), NAMES[i]] for i in (4, 2, 0, 3, 1))
    assert import_applicants(bare_store, path).imported == 5
    assert [r["name"] for r in bare_store.applicants.list(order_by="name")] == NAMES
    stored = dict(bare_store.conn.execute("SELECT name, name_sort FROM applicants"))
    assert stored == {name: name_sort_key(name) for name in NAMES}


def test_the_migration_fills_the_key_of_rows_already_there_and_indexes_it(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    step = MIGRATIONS.index(next(m for m in MIGRATIONS if m.__name__ == "name_sort_step"))
    migrate(conn, target=step)
    for i in (4, 2, 0, 3, 1):
        conn.execute("INSERT INTO applicants (name, uscc, created_at, updated_at) VALUES (?, ?, 'now', 'now')",
                     [NAMES[i], code(i)])
    assert migrate(conn) == LATEST
    assert dict(conn.execute("SELECT name, name_sort FROM applicants")) == {n: name_sort_key(n) for n in NAMES}
    plan = " ".join(row[-1] for row in conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM applicants ORDER BY name_sort, id LIMIT 200"))
    assert "applicants_name_sort" in plan and "TEMP B-TREE" not in plan
    conn.close()
    with Store(path, load_bundled_packs=False) as store:
        assert [r["name"] for r in store.applicants.list(order_by="name")] == NAMES


def run_cli(db, capsys, *args):
    exit_code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    assert exit_code == 0, err
    return out


def test_cli_list_and_export_sort_by_name_in_the_same_order(tmp_path, capsys):
    db = tmp_path / "cli.db"
    for i in (3, 0, 4, 2, 1):
        run_cli(db, capsys, "applicants", "add", "--name", NAMES[i], "--uscc", code(i))
    listing = json.loads(run_cli(db, capsys, "--json", "applicants", "list", "--sort", "name"))
    assert [r["name"] for r in listing["applicants"]] == NAMES
    listing = json.loads(run_cli(db, capsys, "--json", "applicants", "list", "--sort", "name", "--descending"))
    assert [r["name"] for r in listing["applicants"]] == NAMES[::-1]
    out = tmp_path / "applicants.xlsx"
    run_cli(db, capsys, "export", "applicants", "-o", str(out), "--sort", "name")
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert [row[1] for row in sheet[1:]] == NAMES


# -- the region from the credit code -------------------------------------------

def test_add_takes_the_region_from_the_code_unless_one_is_given(bare_store):
    hangzhou = bare_store.applicants.add(name="甲", uscc=code(1, "330106"))
    lishui = bare_store.applicants.add(name="乙", uscc=code(2, "331102"))
    beijing = bare_store.applicants.add(name="丙", uscc=code(3, "110105"))
    province = bare_store.applicants.add(name="丁", uscc=code(4, "330000"))
    chosen = bare_store.applicants.add(name="戊", uscc=code(5, "330106"), region="宁波")
    regions = [bare_store.applicants.get(i)["region"] for i in (hangzhou, lishui, beijing, province, chosen)]
    assert regions == ["hangzhou", "lishui", "outside", None, "ningbo"]
    bare_store.applicants.update(hangzhou, region="温州")          # the user can still change it
    assert bare_store.applicants.get(hangzhou)["region"] == "wenzhou"


def test_import_takes_the_region_from_the_code_where_the_file_has_none(bare_store, tmp_path):
    path = tmp_path / "applicants.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["统一社会信用代码", "企业名称", "地区"])
        writer.writerows([[code(1, "330106"), "甲", ""], [code(2, "330206"), "乙", "丽水"],
                          [code(3, "330000"), "丙", ""]])
    import_applicants(bare_store, path)
    regions = dict(bare_store.conn.execute("SELECT name, region FROM applicants"))
    assert regions == {"甲": "hangzhou", "乙": "lishui", "丙": None}


def test_cli_add_without_region_takes_it_from_the_code(tmp_path, capsys):
    db = tmp_path / "cli.db"
    row = json.loads(run_cli(db, capsys, "--json", "applicants", "add", "--name", "甲", "--uscc", code(1, "330106")))
    assert row["region"] == "hangzhou"


def test_names_are_cut_into_words_exactly_as_pypinyin_cuts_them():
    import random

    from pypinyin.seg.mmseg import seg

    from brandmark.name_keys import _HAN_RUNS, _words

    rng = random.Random(7)
    chars = "杭州宁波温州嘉兴湖州绍兴金华衢州舟山台州丽水乐清长乐重庆银行恒丰华鑫实业集团股份有限公司电器机械包装科技朝阳"
    # 一块石头 begins a phrase that does not end inside it: pypinyin then reads 石, 头 apart
    # (shi2 tou2), not as the phrase 石头 (shi2 tou5).
    runs = ["丽水市长乐重工有限公司", "重庆银行长江实业", "嘉兴放来包装厂", "湖州达行实业厂", "中", "",
            "一块石头", "一动不如", "杭州一块石头"]
    runs += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 16))) for _ in range(3000)]
    for run in runs:
        for piece in _HAN_RUNS.findall(run) or [run]:
            assert _words(piece) == list(seg.cut(piece)), piece


def reference_key(name: str) -> str:
    """The key as pypinyin itself gives it: its segmenter's words, each read in phrase mode."""
    import unicodedata

    from pypinyin import Style, lazy_pinyin
    from pypinyin.seg.mmseg import seg

    from brandmark.name_keys import _HAN_RUNS, TIE_BREAK

    parts = []
    for position, chunk in enumerate(_HAN_RUNS.split(unicodedata.normalize("NFKC", name).casefold())):
        if position % 2:
            parts += [" ".join(lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True))
                      for word in seg.cut(chunk)]
        elif other := "".join(c for c in chunk if c.isalnum()):
            parts.append(other)
    return " ".join(parts) + TIE_BREAK + name


def test_keys_and_order_equal_pypinyins_own_on_a_corpus_sharing_name_ends():
    """The key remembers the readings of names' ends (电器有限公司…): whatever was keyed before,
    every key, and so the order, is the one pypinyin's own segmenter and readings give."""
    import random

    rng = random.Random(11)
    heads = "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 乐清 长乐 重庆 银行 中 长 行 乐 重".split()
    middles = "恒丰华鑫达泰瑞祥顺隆盛兴宏伟长重行乐朝阳明光美新永安正德信诚和鼎天海金银放来"
    ends = ("电器有限公司 股份有限公司 集团有限公司 机械厂 行长 长行 重工 实业 银行长江实业 "
            "市长乐重工有限公司 乐器行 行乐 有限公司 公司").split()
    names = [rng.choice(heads) + "".join(rng.choice(middles) for _ in range(rng.randint(0, 4))) + rng.choice(ends)
             + rng.choice(["", "（杭州）", "A1分公司", " 第2厂"]) for _ in range(3000)]
    names += ["丽水市长乐重工有限公司", "重庆银行", "中", "A", "", "行", "长长长长长长长长长长长长长长长"]
    # An end read apart inside one name (一块石头: 石, 头) is not the same end elsewhere (石头).
    names += ["一块石头", "杭州石头", "温州一块石头", "宁波石头", "一动不如", "嘉兴不如", "台州不如"]
    keys = [name_sort_key(name) for name in names]
    assert keys == [reference_key(name) for name in names]
    assert sorted(names, key=name_sort_key) == sorted(names, key=reference_key)


# Pieces of names whose reading depends on the phrase around them (重 in 重庆 and 重工, 行 in 银行 and
# 行长, 长 in 长乐 and 市长, 乐 in 乐器; 一块石头 reads 石, 头 apart, 石头 alone as one word), place
# names, legal forms, single characters, Latin in both cases, digits, full-width forms and separators.
NAME_PIECES = ("重庆 重工 银行 行长 长乐 市长 乐器 一块石头 石头 一动不如 不如 杭州 丽水 宁波 有限公司 电器 "
               "重 庆 行 长 乐 石 头 一 中 〇 aB Z9 Ａ １ （ ） · -").split() + [" "]


@settings(max_examples=400, deadline=None)
@given(names=st.lists(st.lists(st.sampled_from(NAME_PIECES), max_size=7).map("".join), min_size=1, max_size=12))
def test_keys_equal_pypinyins_own_whatever_was_keyed_before(names):
    # The key keeps readings of words and of names' ends between calls, and reads a name of
    # Chinese characters only without splitting it: neither may change any name's key, in any
    # order the names come.
    assert [name_sort_key(name) for name in names] == [reference_key(name) for name in names]
