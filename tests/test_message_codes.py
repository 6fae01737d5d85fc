"""Every refusal code the code raises has its text in both catalogues.

A code is found where it is written out: ``RefusedInput.of("area.code", ...)``,
``Problem("area.code", ...)``, the valuation parser's ``c.add(field, "code")`` and
``add("code")`` (area ``valuation``) and the pack loader's ``check.add(where, "code")``
(area ``pack``). A misspelt code would show as the bare code instead of a sentence.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from brandmark import messages

ROOT = Path(__file__).resolve().parent.parent / "brandmark"
QUALIFIED = re.compile(r"""(?:\.of|Problem)\(\s*["']([a-z_]+\.[a-z_0-9]+)["']""")
# file → (area, which argument of an ``add(...)`` call is the code)
AREA_CALLS = {
    "scoring/valuation/inputs.py": ("valuation", 1),        # c.add(field, "code", ...)
    "scoring/valuation/distributions.py": ("valuation", 0),  # add("code", ...)
    "packs/loader.py": ("pack", 1),                          # check.add(where, "code", ...)
}


def _add_codes(text: str, position: int) -> set[str]:
    """The string constants given as the code argument of every ``add(...)`` call."""
    found = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "add" \
                and len(node.args) > position:
            argument = node.args[position]
            # A code written out, or one of two (``"a" if ... else "b"``); a composed one
            # (an f-string) is not a code as written.
            for part in ((argument.body, argument.orelse) if isinstance(argument, ast.IfExp) else (argument,)):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    found.add(part.value)
    return found


def codes_in_source() -> dict[str, str]:
    found = {}
    for path in ROOT.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT).as_posix()
        for code in QUALIFIED.findall(text):
            found.setdefault(code, where)
        if where in AREA_CALLS:
            area, position = AREA_CALLS[where]
            for name in _add_codes(text, position):
                found.setdefault(f"{area}.{name}", where)
    return found


def known(language: str) -> set[str]:
    return {f"{area}.{name}" for area, table in messages.catalogue(language).items() for name in table}


def test_the_scan_finds_codes():
    found = codes_in_source()
    for code in ("uscc.check", "valuation.out_of_bounds", "valuation.sd_not_positive", "pack.duplicate_item"):
        assert code in found, code


@pytest.mark.parametrize("language", messages.LANGUAGES)
def test_every_code_raised_has_a_text(language):
    missing = {code: where for code, where in codes_in_source().items() if code not in known(language)}
    assert missing == {}, f"codes without a {language} text: {missing}"


REFUSALS = {"RefusedInput", "NotFound", "PackError", "ValuationInputError", "PayloadError"}
# Where a plain text still becomes a problem: the classes that accept one, for callers outside brandmark.
TEXT_PROBLEM_ALLOWED = {"errors.py", "scoring/valuation/errors.py"}


def prose_refusals() -> list[str]:
    """Every place brandmark refuses with prose instead of a code: a refusal class called with
    a string (written out or an f-string), a list of strings, or ``Problem("text", ...)``."""
    found = []
    for path in ROOT.rglob("*.py"):
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            first = node.args[0] if node.args else None
            if name in REFUSALS and first is not None:
                texts = first.elts if isinstance(first, (ast.List, ast.Tuple)) else [first]
                if any(isinstance(t, ast.JoinedStr) or (isinstance(t, ast.Constant) and isinstance(t.value, str))
                       for t in texts):
                    found.append(f"{where}:{node.lineno}")
            if (name == "Problem" and isinstance(first, ast.Constant) and first.value == "text"
                    and where not in TEXT_PROBLEM_ALLOWED):
                found.append(f"{where}:{node.lineno}")
    return sorted(found)


def test_no_refusal_is_prose():
    # Refusals are data (issue 15 §1): a code from the catalogue, a field, parameters.
    assert prose_refusals() == []


def test_the_prose_scan_finds_prose(tmp_path, monkeypatch):
    (tmp_path / "bad.py").write_text('raise RefusedInput(f"x {y} / x")\nProblem("text", (), {})\n', encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert prose_refusals() == ["bad.py:1", "bad.py:2"]
