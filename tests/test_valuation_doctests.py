"""The usage examples in the valuation docstrings stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["__init__", "distributions", "inputs", "methods", "montecarlo", "strength"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module("brandmark.scoring.valuation" + ("" if name == "__init__" else f".{name}"))
    outcome = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert outcome.attempted > 0 and outcome.failed == 0
