"""Pack validation: every kind of mistake is one ``FILE: WHERE: reason`` line, all at once."""

from __future__ import annotations

import hashlib
import re

import pytest

from brandmark.errors import PackError
from brandmark.packs import bundled_pack_paths, load_pack, parse_pack
from brandmark.packs.model import KINDS, STAGES
from brandmark.scoring.gbt8170 import parse_limit
from support import MINI_PACK

MINI = MINI_PACK.read_text(encoding="utf-8")
# FILE: pack | rules | section ID | section #N | item ID | ... item #N : reason
LINE = re.compile(r"^bad\.toml: (pack|rules|section [^:]+|item [^:]+): \S.*$")


def problems_of(text: str | bytes) -> list[str]:
    with pytest.raises(PackError) as info:
        parse_pack(text, source="bad.toml")
    problems = info.value.lines
    assert problems, "a PackError must list its problems"
    for line in problems:
        assert LINE.match(line), f"not a 'FILE: WHERE: reason' line: {line!r}"
        assert "Traceback" not in line
    return problems


def replace(old: str, new: str, text: str = MINI) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_mini_pack_loads():
    pack = load_pack(MINI_PACK)
    assert (pack.id, pack.version, pack.family) == ("mini", "1", "mini")
    assert [s.id for s in pack.sections] == ["gate", "tests", "audit", "traits"]
    assert [i.id for i in pack.items()] == ["V1", "T1", "T2", "C1", "C2", "P1", "P2"]
    assert pack.content_hash == hashlib.sha256(MINI_PACK.read_bytes()).hexdigest()
    assert pack.rules.max_minor_nc == 2 and pack.rules.pass_score == 60
    p2 = pack.item("P2")
    assert p2.max_level == 2 and p2.target == 2 and not p2.required
    assert p2.levels[1].text_en == "some"
    assert pack.item("T2").samples == 2 and pack.item("T1").method == "rounded"
    with pytest.raises(KeyError):
        pack.item("nope")


def test_summary_is_plain_data():
    import json

    summary = load_pack(MINI_PACK).summary()
    json.dumps(summary)   # everything serialisable
    assert summary["sections"][1]["items"][0]["limit"] == ">=97.0"
    assert summary["sections"][3]["items"][0]["levels"][4]["text"] == "领先"


@pytest.mark.parametrize("name,text,expected", [
    ("bad TOML", MINI + "\n[[sections\n", "pack: TOML syntax error"),
    ("missing [pack]", MINI.replace("[pack]", "[pak]"), "pack: the [pack] table is missing"),
    ("missing format", MINI.replace("format = 1", ""), "'format' must be 1"),
    ("unknown top-level key", "colour = 1\n" + MINI, "unknown top-level key 'colour'"),
    ("unknown pack key", replace('version = "1"', 'version = "1"\nauthor = "x"'), "pack: unknown key 'author'"),
    ("unknown rules key", replace("pass_score = 60", "pass_score = 60\nbonus = 1"), "rules: unknown key 'bonus'"),
    ("unknown section key", replace('id = "gate"', 'id = "gate"\ncolour = "red"'),
     "section gate: unknown key 'colour'"),
    ("unknown item key", replace('id = "C1"', 'id = "C1"\n  colour = "red"'), "item C1: unknown key 'colour'"),
    ("bad kind", replace('kind = "veto"', 'kind = "yesno"'), "item V1: 'kind' = 'yesno'"),
    ("missing kind", replace('kind = "veto"', ''), "item V1: 'kind' = None"),
    ("duplicate item id", replace('id = "C2"', 'id = "C1"'), "item C1: the same item id is used twice"),
    ("duplicate section id", replace('id = "audit"', 'id = "tests"'),
     "section tests: the same section id is used twice"),
    ("bad limit", replace('limit = ">=97.0"', 'limit = "about 97"'), "item T1: limit 'about 97' is not understood"),
    ("reversed range", replace('limit = ">=97.0"', 'limit = "1.6~1.2"'), "item T1: limit '1.6~1.2': the lower end"),
    ("limit not text", replace('limit = ">=97.0"', 'limit = 97.0'), "item T1: a test item needs 'limit' as text"),
    ("bad national limit", replace('limit = ">=97.0"', 'limit = ">=97.0"\n  national_limit = "97"'),
     "item T1: national_limit: limit '97'"),
    ("bad method", replace('method = "rounded"', 'method = "round"'), "item T1: 'method' = 'round'"),
    ("test without quantity", replace('quantity = "热效率"', ''), "item T1: 'quantity' is missing"),
    ("points without levels", replace('levels = ["无", "低", "中", "高", "领先"]', ''),
     "item P1: a points item needs 'levels'"),
    ("points with one level", replace('levels = ["无", "低", "中", "高", "领先"]', 'levels = ["无"]'),
     "item P1: a points item needs 'levels'"),
    ("level without text", replace('{ text = "无", text_en = "none" }', '{ text_en = "none" }'),
     "item P2: level 0 needs a 'text' descriptor"),
    ("bad target", replace("target = 3", "target = 5"), "item P1: 'target' = 5 is not one of the levels 0..4"),
    ("negative target", replace("target = 3", "target = -1"), "item P1: 'target' = -1"),
    ("target on a veto", replace('kind = "veto"', 'kind = "veto"\n  target = 1'),
     "item V1: 'target' belongs to points items, not veto"),
    ("limit on conformity", replace('clause = "4.2"', 'clause = "4.2"\n  limit = "<1"'),
     "item C1: 'limit' belongs to test items, not conformity"),
    ("item weight out of range", replace("weight = 2\n  target = 3", "weight = -1\n  target = 3"),
     "item P1: 'weight' = -1 is outside"),
    ("item weight not a number", replace("weight = 2\n  target = 3", 'weight = "2"\n  target = 3'),
     "item P1: 'weight' must be a number"),
    ("section weight out of range", replace("weight = 40", "weight = 4000"), "section traits: 'weight' = 4000"),
    ("no weighted section", MINI.replace("weight = 30", "weight = 0").replace("weight = 40", "weight = 0"),
     "pack: no section has a weight above 0"),
    ("weighted section of weightless items",
     replace('title = "采购控制"\n  weight = 2', 'title = "采购控制"\n  weight = 0',
             replace('title = "文件控制"', 'title = "文件控制"\n  weight = 0')),
     "section audit: has a weight above 0 but every item's weight is 0"),
    ("bad stage", replace('stage = "testing"', 'stage = "lab"'), "section tests: 'stage' = 'lab'"),
    ("section without items", MINI + '\n[[sections]]\nid = "empty"\nstage = "audit"\ntitle = "空"\nweight = 1\n',
     "section empty: has no items"),
    ("no sections", MINI.split("[[sections]]")[0], "pack: no [[sections]]"),
    ("bad pack id", replace('id = "mini"', 'id = "迷你 pack"'), "pack: id '迷你 pack' may use only"),
    ("version not text", replace('version = "1"', "version = 1"), "pack: 'version' is missing"),
    ("missing title", replace('title = "最小测试方案"\n', ''), "pack: 'title' is missing"),
    ("bad outcome", replace("pass_score = 60", 'pass_score = 60\non_test_fail = "warn"'),
     "rules: 'on_test_fail' = 'warn'"),
    ("pass score out of range", replace("pass_score = 60", "pass_score = 160"), "rules: 'pass_score' = 160"),
    ("conformity credit inverted", replace("pass_score = 60", "pass_score = 60\nconformity_credit = "
                                           "{ conform = 0.5, minor = 1.0, major = 0.0 }"),
     "rules: 'conformity_credit' must not rank"),
    ("required not a bool", replace('title = "营业执照有效"', 'title = "营业执照有效"\n  required = "yes"'),
     "item V1: 'required' must be true or false"),
    ("bad item id", replace('id = "C2"', 'id = "C 2"'), "section audit item #2: 'id' is missing or not"),
    ("samples out of range", replace("samples = 2", "samples = 0"), "item T2: 'samples' = 0 is outside"),
])
def test_each_kind_of_error_is_one_line(name, text, expected):
    problems = problems_of(text)
    assert any(expected in line for line in problems), (name, problems)


def test_non_utf8_file_is_refused():
    problems = problems_of(MINI.encode("gb18030"))
    assert problems == [problems[0]] and "not UTF-8" in problems[0]


@pytest.mark.parametrize("nested", ["[" * 5000 + "]" * 5000, "{a=" * 3000 + "1" + "}" * 3000])
def test_a_pack_nested_too_deeply_is_a_pack_error(nested):
    # tomllib's recursion limit used to escape as RecursionError: exit 1, not the pack's problem list.
    problems = problems_of(MINI + f"\nx = {nested}\n")
    assert problems == [problems[0]] and "nested too deeply" in problems[0]


def test_a_byte_order_mark_is_accepted_and_not_hashed():
    with_bom = b"\xef\xbb\xbf" + MINI.encode("utf-8")
    pack = parse_pack(with_bom, source="bom.toml")
    assert pack.content_hash == hashlib.sha256(MINI.encode("utf-8")).hexdigest()
    # The text kept in the database re-hashes to the same value (frozen assessments rely on it).
    assert parse_pack(pack.source_text.encode("utf-8")).content_hash == pack.content_hash


def test_all_problems_of_a_file_are_reported_at_once():
    text = MINI
    text = replace('title = "最小测试方案"\n', '', text)
    text = replace('kind = "veto"', 'kind = "yesno"', text)
    text = replace('limit = ">=97.0"', 'limit = "about 97"', text)
    text = replace('method = "rounded"', 'method = "round"', text)
    text = replace('id = "C2"', 'id = "C1"', text)
    text = replace("target = 3", "target = 9", text)
    text = replace("pass_score = 60", "pass_score = 60\nbonus = 1", text)
    problems = problems_of(text)
    for expected in ["pack: 'title' is missing", "item V1: 'kind'", "item T1: limit 'about 97'",
                     "item T1: 'method'", "item C1: the same item id", "item P1: 'target' = 9",
                     "rules: unknown key 'bonus'"]:
        assert any(expected in line for line in problems), (expected, problems)
    assert len(problems) == 7


def test_missing_file_is_a_pack_error(tmp_path):
    with pytest.raises(PackError, match="cannot read"):
        load_pack(tmp_path / "nope.toml")


def test_content_hash_changes_with_any_byte():
    a = parse_pack(MINI)
    b = parse_pack(MINI + "\n# a comment\n")
    assert a.content_hash != b.content_hash
    assert a.items() == b.items()


# -- the bundled reference packs ------------------------------------------------------

BUNDLED = bundled_pack_paths()


def test_bundled_packs_exist():
    names = {p.stem for p in BUNDLED}
    assert "zhejiang-made" in names


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_pack_is_valid_and_consistent(path):
    pack = load_pack(path)
    assert pack.id == path.stem
    assert pack.reference, "a shipped pack must be marked as a reference pack"
    assert pack.notice and pack.notice_en
    assert all(s.stage in STAGES for s in pack.sections)
    for item in pack.items():
        assert item.kind in KINDS
        assert item.title, item.id
        if item.kind == "test":
            parse_limit(item.limit)
            assert item.unit or item.quantity
        if item.kind == "points":
            assert item.target is None or 0 <= item.target <= item.max_level
    assert any(s.weight > 0 for s in pack.sections)


def test_zhejiang_made_has_about_sixty_items_of_every_kind():
    pack = load_pack(next(p for p in BUNDLED if p.stem == "zhejiang-made"))
    assert 50 <= len(pack.items()) <= 80
    kinds = {item.kind for item in pack.items()}
    assert kinds == set(KINDS)
    tests = [i for i in pack.items() if i.kind == "test"]
    assert 6 <= len(tests) <= 10


def test_the_three_reference_packs_follow_the_scheme_outline():
    """Issue 2 / DOMAIN.md: which families ship and what zhejiang-made must cover."""
    packs = {p.stem: load_pack(p) for p in BUNDLED}
    assert {"zhejiang-made", "zhejiang-agri", "zhejiang-service"} <= set(packs)
    for pack in packs.values():
        # Chinese text with English titles beside, down to every item.
        assert pack.title_en and all(s.title_en for s in pack.sections), pack.id
        assert all(i.title_en and i.guidance and i.evidence for i in pack.items()), pack.id
        assert {i.kind for i in pack.items()} >= {"veto", "conformity", "test"}, pack.id
    made = packs["zhejiang-made"]
    kinds_by_section = {s.id: [i.kind for i in s.items] for s in made.sections}
    assert set(kinds_by_section["application"]) == {"veto"}
    assert kinds_by_section["qa-capability"] == ["conformity"] * 10          # the classic ten
    assert set(kinds_by_section["basic-requirements"]) == {"conformity"}
    assert set(kinds_by_section["quality-commitment"]) == {"conformity"}
    # The four DB33/T 944 characteristics, each a section of points items.
    characteristics = [s for s in made.sections if s.stage == "characteristics"]
    assert [s.id for s in characteristics] == ["quality-excellence", "own-innovation", "industry-synergy",
                                               "social-responsibility"]
    assert all(i.kind == "points" and i.target is not None for s in characteristics for i in s.items)
    # The example product is marked as an example, in the section and in the pack's notice.
    assert "示例" in made.section("product-tests").title and "EXAMPLE" in made.section("product-tests").title_en
    # DOMAIN.md: a banned pesticide is a veto; customer satisfaction at least 90 is a test.
    assert packs["zhejiang-agri"].item("ag-banned-pesticide").kind == "veto"
    assert packs["zhejiang-service"].item("sv-satisfaction").limit == ">=90"


def test_industries_are_a_list_of_words():
    with_words = MINI.replace('[pack]\n', '[pack]\nindustries = ["家用电器", " appliances "]\n', 1)
    assert parse_pack(with_words, source="ok.toml").industries == ("家用电器", "appliances")
    assert parse_pack(MINI, source="ok.toml").industries == ()
    for bad in ('"家用电器"', '["电器", 3]', '["电器", " "]'):
        lines = problems_of(MINI.replace('[pack]\n', f'[pack]\nindustries = {bad}\n', 1))
        assert any("'industries'" in line for line in lines), lines


def test_every_bundled_pack_lists_its_industries():
    from brandmark.packs.industries import propose_scheme

    packs = [load_pack(path) for path in bundled_pack_paths()]
    assert all(pack.industries for pack in packs)
    # The demo's applicants get the family the demo gives them.
    from brandmark.demo import _COMPANIES, _FAMILY_COMPANIES

    for family, indices in _FAMILY_COMPANIES.items():
        for index in indices:
            assert propose_scheme(packs, _COMPANIES[index][3]) == family, _COMPANIES[index]
