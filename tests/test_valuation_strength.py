"""Brand strength: section scores to a 0–100 index, and the index to a royalty rate."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandmark.scoring.valuation import (
    DEFAULT_SECTION_WEIGHTS,
    ValuationInputError,
    brand_strength_index,
    royalty_rate_from_strength,
)


def test_default_weights_are_a_documented_weighted_average():
    scores = {"quality": 80, "innovation": 60, "synergy": 40, "responsibility": 100}
    # 0.35 × 80 + 0.25 × 60 + 0.15 × 40 + 0.25 × 100 = 28 + 15 + 6 + 25
    assert brand_strength_index(scores) == pytest.approx(74.0)
    assert sum(DEFAULT_SECTION_WEIGHTS.values()) == pytest.approx(1.0)


def test_unknown_section_names_weigh_equally():
    assert brand_strength_index({"design": 40, "service": 80, "price": 90}) == pytest.approx(70.0)


def test_known_and_unknown_sections_mix():
    # quality weighs 0.35, an unknown section the average 0.25
    expected = (0.35 * 90 + 0.25 * 50) / (0.35 + 0.25)
    assert brand_strength_index({"quality": 90, "after-sales": 50}) == pytest.approx(expected)


def test_missing_sections_are_renormalised_away():
    assert brand_strength_index({"quality": 64}) == pytest.approx(64.0)


def test_chinese_and_long_section_names_are_recognised():
    english = brand_strength_index({"quality": 90, "innovation": 50, "synergy": 70, "responsibility": 60})
    chinese = brand_strength_index({"品质卓越": 90, "自主创新": 50, "产业协同": 70, "社会责任": 60})
    long_names = brand_strength_index({"Quality Excellence": 90, "own-innovation": 50,
                                       "supply_chain_synergy": 70, "Social Responsibility": 60})
    assert chinese == pytest.approx(english) and long_names == pytest.approx(english)
    assert english != pytest.approx((90 + 50 + 70 + 60) / 4)   # really weighted, not equal


def test_custom_weights():
    assert brand_strength_index({"a": 100, "b": 0}, weights={"a": 3, "b": 1}) == pytest.approx(75.0)


@pytest.mark.parametrize("scores, message", [
    ({}, "section_scores: give at least one section score"),
    ({"quality": 120}, "section_scores.quality: must be a number between 0 and 100, got 120"),
    ({"quality": -1}, "section_scores.quality: must be a number between 0 and 100, got -1"),
    ({"quality": "high"}, "section_scores.quality: must be a number between 0 and 100, got 'high'"),
])
def test_bad_scores_are_refused(scores, message):
    with pytest.raises(ValuationInputError) as caught:
        brand_strength_index(scores)
    assert any(line.startswith(message) for line in caught.value.lines), caught.value.lines


def test_all_zero_weights_are_refused():
    with pytest.raises(ValuationInputError, match="weigh 0"):
        brand_strength_index({"a": 50}, weights={"a": 0})


@given(st.dictionaries(st.text(min_size=1, max_size=12), st.floats(0, 100), min_size=1, max_size=8))
def test_index_stays_within_the_scores(scores):
    index = brand_strength_index(scores)
    assert min(scores.values()) - 1e-9 <= index <= max(scores.values()) + 1e-9


def test_royalty_from_strength_interpolates_the_range():
    assert royalty_rate_from_strength(0.02, 0.06, 0) == pytest.approx(0.02)
    assert royalty_rate_from_strength(0.02, 0.06, 100) == pytest.approx(0.06)
    assert royalty_rate_from_strength(0.02, 0.06, 25) == pytest.approx(0.03)
    draws = royalty_rate_from_strength(0.02, 0.06, np.array([0.0, 50.0, 100.0]))
    assert draws == pytest.approx([0.02, 0.04, 0.06])
