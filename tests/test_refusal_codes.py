"""Refusals carry codes, fields and parameters; their text comes from the catalogue."""

from __future__ import annotations

import pytest

from brandmark.errors import RefusedInput
from brandmark.messages import describe_field
from brandmark.regions import normalise_region
from brandmark.standards import normalise_standard
from brandmark.text import clean_text
from brandmark.uscc import InvalidCreditCode, validate_uscc

PUBLISHED = "91350100M000100Y43"


@pytest.mark.parametrize("text, code, params", [
    ("", "uscc.empty", {}),
    ("9135", "uscc.length", {"code": "9135", "length": 4}),
    ("91I50100M000100Y43", "uscc.character", {"position": 3, "character": "I"}),
    (PUBLISHED[:17] + "4", "uscc.check", {"expected": "3", "actual": "4"}),
])
def test_credit_code_refusals_carry_code_field_and_params(text, code, params):
    with pytest.raises(InvalidCreditCode) as refused:
        validate_uscc(text)
    problem = refused.value.problems[0]
    assert (problem.code, problem.field) == (code, ("uscc",))
    assert dict(problem.params) == params


def test_credit_code_message_in_each_language():
    with pytest.raises(InvalidCreditCode) as refused:
        validate_uscc(PUBLISHED[:17] + "4")
    assert refused.value.message("zh_CN") == "统一社会信用代码：校验位错误：第18位应为'3'，实际'4'"
    assert refused.value.message("en") == "uscc: check character wrong: character 18 should be '3', got '4'"


def test_clean_text_names_its_field_inside_the_sentence():
    with pytest.raises(RefusedInput) as refused:
        clean_text("x" * 11, ("product_name",), max_length=10)
    problem = refused.value.problems[0]
    assert (problem.code, problem.field, dict(problem.params)) == (
        "text.over_length", ("product_name",), {"length": 11, "limit": 10})
    assert str(refused.value) == ("产品名称过长（11字，最多10） / "
                                  "product name is too long (11 characters, at most 10)")


@pytest.mark.parametrize("text, code", [("\u202e", "text.direction_control"), ("\x07", "text.control")])
def test_clean_text_control_characters(text, code):
    with pytest.raises(RefusedInput) as refused:
        clean_text(f"a{text}b", ("name",))
    assert refused.value.problems[0].code == code
    assert refused.value.problems[0].params["codepoint"] == f"{ord(text):04X}"


def test_region_and_standard_read_as_before():
    with pytest.raises(RefusedInput) as refused:
        normalise_region("上海")
    assert refused.value.problems[0].code == "region.unknown"
    assert refused.value.message("en").startswith("region '上海' is not one of Zhejiang's cities; use one of: hangzhou, ")
    assert refused.value.message("zh_CN").startswith("地区'上海'不是浙江省的设区市，可选：杭州市、")
    with pytest.raises(RefusedInput) as refused:
        normalise_standard("T/ZZB 0123—2012")
    assert refused.value.problems[0].code == "standard.year"
    assert str(refused.value) == ("标准编号'T/ZZB 0123—2012'的年份2012不合理 / standard number 'T/ZZB 0123—2012': "
                                  "year 2012 is not plausible (浙江制造 standards start in 2013)")


def test_a_duplicate_credit_code_names_the_registered_applicant(mini_store):
    first = mini_store.applicants.add(name="甲", uscc=PUBLISHED)
    with pytest.raises(RefusedInput) as refused:
        mini_store.applicants.add(name="乙", uscc=PUBLISHED)
    problem = refused.value.problems[0]
    assert (problem.code, problem.field, problem.params["id"]) == ("applicant.duplicate_uscc", ("uscc",), first)


def test_field_paths_read_by_one_grammar():
    names = {"revenues[]": "Revenue, year {ordinal}", "contributory_assets[].amount": "asset \"{item}\", amount",
             "royalty_rate_range.low": "range, low"}
    assert describe_field(("revenues", 0), "en", names) == "Revenue, year 1"
    assert describe_field(("royalty_rate_range", "low"), "en", names) == "range, low"
    assert describe_field(("contributory_assets", 1, "amount"), "en", names,
                          {("contributory_assets", 1): "plant"}) == 'asset "plant", amount'
    assert describe_field(("contributory_assets", 1, "amount"), "en", names) == 'asset "#2", amount'
    assert describe_field(("row", 4, "uscc"), "zh_CN") == "第 4 行 统一社会信用代码"
    assert describe_field(("操作人 by",), "zh_CN") == "操作人"
    assert describe_field(("items", 2), "en") == "items[2]"


def test_valuation_problems_carry_input_paths_and_read_in_each_language():
    from brandmark.scoring.valuation import ValuationInputError, parse_inputs

    with pytest.raises(ValuationInputError) as refused:
        parse_inputs({"method": "relief-from-royalty", "revenues": [100, -5], "royalty_rate": 0.04,
                      "tax_rate": 0.25, "discount_rate": 0.12,
                      "contributory_assets": [{"name": "plant", "amount": 1, "retrun": 1}]})
    by_field = {problem.field: problem for problem in refused.value.problems}
    assert by_field[("revenues", 1)].code == "valuation.out_of_bounds"
    assert by_field[("contributory_assets", 0, "retrun")].code == "valuation.unknown_key_close"
    assert "revenues[1]: must be at least 0, got -5" in refused.value.lines
    assert by_field[("revenues", 1)].message("zh_CN") == "revenues[1]：须不小于 0，实际为 -5"


def test_report_labels_read_by_the_field_grammar():
    from brandmark.reports.valuation_report import input_label

    assert input_label("contributory_assets[1].amount") == ("贡献资产“#2”金额", 'Contributory asset "#2", amount')


def test_pack_problems_carry_file_item_and_key():
    import sys

    from brandmark.errors import PackError
    from brandmark.packs import parse_pack

    sys.path.insert(0, "tests")
    from support import MINI_PACK

    text = MINI_PACK.read_text(encoding="utf-8").replace('limit = ">=97.0"', 'limit = "about 97"')
    with pytest.raises(PackError) as refused:
        parse_pack(text, source="bad.toml")
    problem = refused.value.problems[0]
    assert (problem.code, problem.field) == ("pack.limit_not_understood", ("bad.toml", "item", "T1", "limit"))
    assert refused.value.lines[0].startswith("bad.toml: item T1: limit 'about 97' is not understood")
    assert problem.message("zh_CN").startswith("bad.toml 评价项 T1 limit：限值 'about 97' 无法识别")


def test_limit_refusals_have_codes():
    from brandmark.limits import InvalidLimit, parse_limit

    with pytest.raises(InvalidLimit) as refused:
        parse_limit("1.6~1.2")
    assert refused.value.problems[0].code == "limit.reversed"
