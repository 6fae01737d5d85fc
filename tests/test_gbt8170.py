"""GB/T 8170-2008: rounding half to even, once from the full value, and limit judgement."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandmark.errors import RefusedInput
from brandmark.scoring.gbt8170 import (
    FULL, ROUNDED, InvalidLimit, InvalidMeasurement, decimals_of, judge, parse_decimal, parse_limit,
    round_value,
)


@pytest.mark.parametrize("value,decimals,expected", [
    ("2.25", 1, "2.2"),        # exactly half: to the even neighbour
    ("2.35", 1, "2.4"),
    ("2.250001", 1, "2.3"),    # above half
    ("2.2499999", 1, "2.2"),   # below half
    ("0.5449", 2, "0.54"),     # once from the full value (step by step would give 0.55)
    ("-2.25", 1, "-2.2"),      # negative values mirror positive ones
    ("-2.35", 1, "-2.4"),
    ("-2.26", 1, "-2.3"),
    ("0.05", 1, "0.0"),
    ("0.15", 1, "0.2"),
    ("96.96", 1, "97.0"),
    ("1.5", 0, "2"),
    ("2.5", 0, "2"),
    ("15.4546", 1, "15.5"),
    ("15.4546", 0, "15"),      # GB/T 8170's own example (step by step would reach 16)
    ("16.5203", 2, "16.52"),
    ("1268", -2, "1.3E+3"),    # rounding to hundreds
])
def test_round_value_half_even_once(value, decimals, expected):
    assert round_value(value, decimals) == Decimal(expected)
    assert str(round_value(value, decimals)) == expected


def test_round_once_not_step_by_step():
    # 15.4546 to 0 decimals: once gives 15; step by step 15.455 -> 15.46 -> 15.5 -> 16.
    assert round_value("15.4546", 0) == Decimal("15")
    assert round_value(round_value(round_value(round_value("15.4546", 3), 2), 1), 0) == Decimal("16")
    # 0.5449 to 2 decimals is 0.54 (0.5449 -> 0.545 -> 0.55 would be the step-by-step error).
    assert round_value("0.5449", 2) == Decimal("0.54")


def test_round_value_of_a_huge_number_is_not_a_crash():
    # Beyond the default 28-digit decimal context: still rounded exactly, no InvalidOperation.
    assert round_value("123456789012345678901234567890.25", 1) == Decimal("123456789012345678901234567890.2")
    assert round_value("1E+30", 1) == Decimal("1E+30")


@pytest.mark.parametrize("text,low,high,low_inc,high_inc,decimals", [
    (">=97.0", "97.0", None, True, True, 1),
    ("≥97.0", "97.0", None, True, True, 1),
    (">97", "97", None, False, True, 0),
    ("＞97", "97", None, False, True, 0),
    ("<=0.25", None, "0.25", True, True, 2),
    ("≤0.25", None, "0.25", True, True, 2),
    ("<3", None, "3", True, False, 0),
    ("＜3", None, "3", True, False, 0),
    (">= -5.0", "-5.0", None, True, True, 1),
    ("1.2~1.65", "1.2", "1.65", True, True, 2),
    ("1.2～1.6", "1.2", "1.6", True, True, 1),
    ("1.2至1.6", "1.2", "1.6", True, True, 1),
    ("1.2..1.6", "1.2", "1.6", True, True, 1),
    ("-3~-1", "-3", "-1", True, True, 0),
    ("10.0±0.1", "9.9", "10.1", True, True, 1),
    ("10±0.05", "9.95", "10.05", True, True, 2),
    ("10.0+/-0.1", "9.9", "10.1", True, True, 1),
])
def test_parse_limit(text, low, high, low_inc, high_inc, decimals):
    limit = parse_limit(text)
    assert limit.low == (Decimal(low) if low else None)
    assert limit.high == (Decimal(high) if high else None)
    assert (limit.low_inclusive, limit.high_inclusive, limit.decimals) == (low_inc, high_inc, decimals)


@pytest.mark.parametrize("text", ["", "97", "=97", ">=", ">=abc", "1.6~1.2", "10±-1", ">=.5", "≥97.0%",
                                  None, "1~2~3"])
def test_invalid_limits_are_refused(text):
    with pytest.raises(InvalidLimit):
        parse_limit(text)


def test_invalid_limit_is_a_refused_input_with_a_hint():
    with pytest.raises(RefusedInput) as info:
        parse_limit("about 97")
    assert ">=97.0" in str(info.value)


@pytest.mark.parametrize("limit,value,passed", [
    (">=97.0", "97.0", True), (">=97.0", "96.99", False), (">=97.0", "97.01", True),
    (">97.0", "97.0", False), (">97.0", "97.01", True),
    ("<=0.25", "0.25", True), ("<=0.25", "0.251", False),
    ("<0.25", "0.25", False), ("<0.25", "0.249", True),
    ("1.2~1.6", "1.2", True), ("1.2~1.6", "1.6", True),          # range ends inclusive
    ("1.2~1.6", "1.19", False), ("1.2~1.6", "1.61", False),
    ("10.0±0.1", "9.9", True), ("10.0±0.1", "10.1", True),     # tolerance ends inclusive
    ("10.0±0.1", "9.89", False), ("10.0±0.1", "10.11", False),
    (">=-5", "-5", True), (">=-5", "-5.1", False), ("<=-1.0", "-1.5", True),
])
def test_full_value_judgement(limit, value, passed):
    assert judge(limit, value).passed is passed
    assert judge(limit, value).method == FULL


def test_domain_example_rounded_passes_full_fails():
    # DOMAIN.md: limit >= 97.0, measured 96.96.
    rounded = judge(">=97.0", "96.96", method=ROUNDED)
    full = judge(">=97.0", "96.96", method=FULL)
    assert rounded.passed and rounded.compared == Decimal("97.0")
    assert not full.passed and full.compared == Decimal("96.96")
    assert judge(">=97.0", "96.96").passed is False      # the default is 全数值比较法


@pytest.mark.parametrize("limit,value,method,passed,compared", [
    ("<=0.25", "0.254", ROUNDED, True, "0.25"),
    ("<=0.25", "0.255", ROUNDED, False, "0.26"),     # half to even: 5 before it, up to 6
    ("<=0.25", "0.245", ROUNDED, True, "0.24"),       # half to even
    ("<=2.2", "2.25", ROUNDED, True, "2.2"),
    ("<=2.2", "2.250001", ROUNDED, False, "2.3"),
    ("1.2~1.6", "1.64", ROUNDED, True, "1.6"),
    ("1.2~1.6", "1.65", ROUNDED, True, "1.6"),         # 1.65 -> 1.6 (even)
    ("1.2~1.6", "1.75", ROUNDED, False, "1.8"),
    ("<3", "2.5", ROUNDED, True, "2"),
    ("<3", "3.5", ROUNDED, False, "4"),
])
def test_rounded_value_judgement(limit, value, method, passed, compared):
    result = judge(limit, value, method=method)
    assert result.passed is passed
    assert result.compared == Decimal(compared)


def test_rounded_method_with_explicit_decimals():
    # A standard may state the rounding place apart from the limit's written decimals.
    assert judge(">=97", "96.6", method=ROUNDED).passed                 # rounds to 97
    assert not judge(">=97", "96.6", method=ROUNDED, decimals=1).passed  # 96.6 < 97


@pytest.mark.parametrize("decimals", [11, -11, 10**9, True, 1.5])
def test_a_rounding_place_out_of_range_is_refused_not_printed(decimals):
    # 10**9 used to be accepted: the compared value came back with a billion zeros.
    with pytest.raises(RefusedInput, match="decimals"):
        judge(">=97", "96.5", method=ROUNDED, decimals=decimals)


def test_the_furthest_rounding_places_are_accepted():
    assert str(judge(">=97", "96.5", method=ROUNDED, decimals=10).compared) == "96.5000000000"
    assert str(judge("<=2000", "1268", method=ROUNDED, decimals=-2).compared) == "1.3E+3"


@pytest.mark.parametrize("value", [96.96, 97.0, True])
def test_floats_are_refused(value):
    with pytest.raises(InvalidMeasurement, match="float|decimal string"):
        judge(">=97.0", value)


@pytest.mark.parametrize("value", ["", "abc", "NaN", "inf", "-Infinity", "9 7", "97,0", "1E+100",
                                   "-1E+999999999"])
def test_invalid_values_are_refused(value):
    with pytest.raises(InvalidMeasurement):
        judge(">=97.0", value)


def test_nan_decimal_is_refused_not_a_crash():
    with pytest.raises(InvalidMeasurement):
        judge(">=97.0", Decimal("NaN"))


def test_huge_measured_value_with_rounded_method_is_judged():
    assert judge(">=97.0", "1E+30", method=ROUNDED).passed
    assert judge(">=97.0", "9.9E+99", method=ROUNDED).passed
    assert judge(">=0", "1E-999999999", method=ROUNDED).passed      # rounds to 0.0
    assert not judge("<=0.25", "123456789012345678901234567890.1", method=ROUNDED).passed


def test_unknown_method_is_refused():
    with pytest.raises(RefusedInput, match="unknown"):
        judge(">=97.0", "97", method="nearest")


def test_value_text_forms():
    assert parse_decimal(" 96.96 ") == Decimal("96.96")
    assert parse_decimal("\u22121.5") == Decimal("-1.5")      # the minus sign people paste
    assert parse_decimal("－1.5") == Decimal("-1.5")           # full-width minus
    assert parse_decimal(7) == Decimal(7)
    assert decimals_of(Decimal("97.0")) == 1 and decimals_of(Decimal("5")) == 0


def test_judgement_json():
    data = judge(">=97.0", "96.96", method=ROUNDED).to_json()
    assert data == {"verdict": "pass", "compared": "97.0", "method": "rounded", "limit": ">=97.0"}


# -- properties --------------------------------------------------------------------------

decimal_text = st.decimals(min_value=-10**6, max_value=10**6, allow_nan=False, allow_infinity=False,
                           places=6).map(str)


@given(decimal_text, st.integers(0, 4))
def test_rounding_is_within_half_a_unit_and_idempotent(value, decimals):
    rounded = round_value(value, decimals)
    unit = Decimal(1).scaleb(-decimals)
    assert abs(rounded - Decimal(value)) <= unit / 2
    assert round_value(rounded, decimals) == rounded
    # Exactly half: the result's last digit is even.
    if abs(rounded - Decimal(value)) == unit / 2:
        assert int(rounded.scaleb(decimals)) % 2 == 0


@given(decimal_text, decimal_text)
def test_full_method_agrees_with_plain_comparison(limit_value, measured):
    limit_text = f">={limit_value}"
    assert judge(limit_text, measured).passed is (Decimal(measured) >= Decimal(limit_value))
    assert judge(f"<{limit_value}", measured).passed is (Decimal(measured) < Decimal(limit_value))


@given(decimal_text, decimal_text, decimal_text)
def test_range_is_inclusive_and_ordered(a, b, measured):
    low, high = sorted([Decimal(a), Decimal(b)])
    result = judge(f"{low}~{high}", measured)
    assert result.passed is (low <= Decimal(measured) <= high)
