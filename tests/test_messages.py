"""The refusal catalogue: both languages complete, placeholders consistent, codes render."""

import re
import string

import pytest

from brandmark import messages
from brandmark.errors import Problem, RefusedInput


def _entries(language):
    return {f"{area}.{name}": text for area, table in messages.catalogue(language).items()
            for name, text in table.items()}


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogues_have_the_same_codes():
    assert set(_entries("zh_CN")) == set(_entries("en"))


@pytest.mark.parametrize("code", sorted(_entries("en")))
def test_placeholders_agree_between_languages(code):
    assert _fields(_entries("zh_CN")[code]) == _fields(_entries("en")[code])


def test_chinese_catalogue_is_chinese():
    for code, text in _entries("zh_CN").items():
        if not code.startswith("fields."):
            assert re.search(r"[\u3400-\u9fff]", text), code


def test_refusal_renders_by_code_in_each_language():
    exc = RefusedInput.of("text.too_long", ("row", 3, "name"), length=9, limit=5)
    assert exc.problems == [Problem("text.too_long", ("row", 3, "name"), {"length": 9, "limit": 5})]
    assert exc.message("zh_CN") == "第 3 行 名称：过长（9 个字符，最多 5 个）"
    assert exc.message("en") == "row 3, name: too long (9 characters, at most 5)"
    assert str(exc) == f"{exc.message('zh_CN')} / {exc.message('en')}"
    assert exc.to_dicts("en")[0] == {"code": "text.too_long", "field": ["row", 3, "name"],
                                     "params": {"length": 9, "limit": 5},
                                     "message": "row 3, name: too long (9 characters, at most 5)"}


def test_prose_refusal_keeps_its_text():
    exc = RefusedInput("信用代码为空 / the code is empty")
    assert str(exc) == "信用代码为空 / the code is empty"
    assert exc.problems[0].code == "text"


def test_unknown_code_shows_code_and_params_not_an_exception():
    assert Problem("no.such", (), {"x": 1}).message("en") == "no.such (x=1)"
