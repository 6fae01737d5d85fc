"""Validation of the valuation input file: every rule refuses with a message naming the field."""

from __future__ import annotations

import copy

import pytest

from brandmark.errors import RefusedInput
from brandmark.scoring.valuation import (
    Fixed,
    Normal,
    Triangular,
    ValuationInputError,
    parse_inputs,
)


def valid_relief() -> dict:
    return {
        "method": "relief-from-royalty",
        "revenues": [1000, 1100, 1200],
        "royalty_rate": 0.04,
        "tax_rate": 0.25,
        "discount_rate": 0.12,
        "terminal_growth": 0.02,
    }


def valid_excess() -> dict:
    return {
        "method": "excess-earnings",
        "after_tax_profits": [300, 320, 340],
        "contributory_assets": [{"name": "working capital", "amount": 1000, "return": 0.05}],
        "discount_rate": 0.15,
    }


def refused(data: dict) -> list[str]:
    with pytest.raises(ValuationInputError) as caught:
        parse_inputs(data)
    assert str(caught.value) == "\n".join(caught.value.lines)
    return caught.value.lines


def changed(base: dict, **changes) -> dict:
    data = copy.deepcopy(base)
    for key, value in changes.items():
        if value is DELETE:
            data.pop(key, None)
        else:
            data[key] = value
    return data


DELETE = object()
TRI = {"dist": "triangular", "low": 0.02, "mode": 0.04, "high": 0.06}

# (case id, base, changes, expected message)
CASES = [
    ("growth-not-below-discount", valid_relief, {"terminal_growth": 0.12, "discount_rate": 0.10},
     "terminal_growth: 0.12 must be below discount_rate 0.1 (the Gordon growth terminal value needs discount > growth)"),
    ("growth-equal-discount", valid_relief, {"terminal_growth": 0.1, "discount_rate": 0.1},
     "terminal_growth: 0.1 must be below discount_rate 0.1"),
    ("royalty-too-high", valid_relief, {"royalty_rate": 0.6}, "royalty_rate: must be between 0 and 0.5, got 0.6"),
    ("royalty-negative", valid_relief, {"royalty_rate": -0.01}, "royalty_rate: must be between 0 and 0.5, got -0.01"),
    ("tax-too-high", valid_relief, {"tax_rate": 0.7}, "tax_rate: must be between 0 and 0.6, got 0.7"),
    ("discount-zero", valid_relief, {"discount_rate": 0, "terminal_growth": None},
     "discount_rate: must be above 0 and at most 1, got 0"),
    ("discount-above-one", valid_relief, {"discount_rate": 1.5}, "discount_rate: must be above 0 and at most 1, got 1.5"),
    ("growth-too-high", valid_relief, {"terminal_growth": 0.25, "discount_rate": 0.5},
     "terminal_growth: must be between -0.5 and 0.2, got 0.25"),
    ("growth-too-low", valid_relief, {"terminal_growth": -0.6}, "terminal_growth: must be between -0.5 and 0.2, got -0.6"),
    ("no-forecast-years", valid_relief, {"revenues": []}, "revenues: give between 1 and 50 forecast years, got 0"),
    ("too-many-years", valid_relief, {"revenues": [100] * 51}, "revenues: give between 1 and 50 forecast years, got 51"),
    ("revenues-not-a-list", valid_relief, {"revenues": 1000}, "revenues: must be a list with one value per forecast year"),
    ("negative-revenue", valid_relief, {"revenues": [100, -5]}, "revenues[1]: must be at least 0, got -5"),
    ("negative-revenue-base", valid_relief, {"revenues": [{"dist": "normal", "mean": -5, "sd": 1}]},
     "revenues[0]: must be at least 0, got base value -5"),
    ("forecast-lengths-differ", valid_excess, {"revenues": [1000, 1100]},
     "after_tax_profits: 3 years, but revenues has 2; give one value per forecast year in both"),
    ("unknown-method", valid_relief, {"method": "dcf"},
     "method: unknown method 'dcf'; use 'relief-from-royalty' or 'excess-earnings'"),
    ("missing-method", valid_relief, {"method": DELETE}, "method: required"),
    ("unknown-key-close", valid_relief, {"royalty": 0.04}, "royalty: unknown key; did you mean 'royalty_rate'?"),
    ("unknown-key-far", valid_relief, {"zzz": 1}, "zzz: unknown key (known keys: method, revenues"),
    ("unknown-distribution-key", valid_relief, {"royalty_rate": {**TRI, "peak": 0.05}},
     "royalty_rate: unknown key 'peak' for a triangular distribution (allowed: low, mode, high)"),
    ("triangular-order", valid_relief, {"royalty_rate": {"dist": "triangular", "low": 0.05, "mode": 0.03, "high": 0.06}},
     "royalty_rate: triangular needs low <= mode <= high, got low 0.05, mode 0.03, high 0.06"),
    ("triangular-no-width", valid_relief, {"royalty_rate": {"dist": "triangular", "low": 0.05, "mode": 0.05, "high": 0.05}},
     "royalty_rate: triangular low must be below high"),
    ("triangular-missing", valid_relief, {"royalty_rate": {"dist": "triangular", "low": 0.01, "high": 0.05}},
     "royalty_rate: a triangular distribution needs 'mode'"),
    ("parameter-not-number", valid_relief, {"royalty_rate": {**TRI, "mode": "0.04"}},
     "royalty_rate: triangular mode must be a number, got '0.04'"),
    ("normal-sd-zero", valid_relief, {"tax_rate": {"dist": "normal", "mean": 0.25, "sd": 0}},
     "tax_rate: normal sd must be greater than 0, got 0"),
    ("normal-sd-negative", valid_relief, {"tax_rate": {"dist": "normal", "mean": 0.25, "sd": -0.1}},
     "tax_rate: normal sd must be greater than 0, got -0.1"),
    ("normal-min-max", valid_relief, {"tax_rate": {"dist": "normal", "mean": 0.25, "sd": 0.01, "min": 0.3, "max": 0.2}},
     "tax_rate: normal min must be below max, got min 0.3, max 0.2"),
    ("normal-window-empty", valid_relief, {"revenues": [{"dist": "normal", "mean": 100, "sd": 1, "min": 200, "max": 300}]},
     "revenues[0]: normal min/max keep almost none of the distribution"),
    ("lognormal-mean", valid_relief, {"revenues": [{"dist": "lognormal", "mean": 0, "sd": 10}]},
     "revenues[0]: lognormal mean must be greater than 0, got 0"),
    ("lognormal-spread", valid_relief, {"revenues": [{"dist": "lognormal", "mean": 1e-300, "sd": 1e300}]},
     "revenues[0]: lognormal sd 1e+300 is too large for its mean 1e-300"),
    ("dist-not-a-name", valid_relief, {"royalty_rate": {"dist": ["normal"], "mean": 0.04, "sd": 0.01}},
     "royalty_rate: distribution name ('dist') ['normal'] is unknown"),
    ("lognormal-min", valid_relief, {"revenues": [{"dist": "lognormal", "mean": 10, "sd": 1, "min": -1}]},
     "revenues[0]: lognormal min must be at least 0"),
    ("uniform-order", valid_relief, {"royalty_rate": {"dist": "uniform", "low": 0.05, "high": 0.01}},
     "royalty_rate: uniform low must be below high, got low 0.05, high 0.01"),
    ("unknown-distribution", valid_relief, {"royalty_rate": {"dist": "beta", "a": 1}},
     "royalty_rate: distribution name ('dist') 'beta' is unknown; use one of triangular, normal, lognormal, uniform"),
    ("missing-distribution-name", valid_relief, {"royalty_rate": {"low": 0.01}},
     "royalty_rate: distribution name ('dist') is missing"),
    ("not-a-number", valid_relief, {"tax_rate": "25%"}, "tax_rate: must be a number or a distribution"),
    ("boolean-is-not-a-number", valid_relief, {"tax_rate": True}, "tax_rate: must be a number or a distribution"),
    ("support-outside-bounds", valid_relief, {"royalty_rate": {"dist": "triangular", "low": 0.1, "mode": 0.3, "high": 0.6}},
     "royalty_rate: the distribution reaches 0.6; values must be between 0 and 0.5"),
    ("discount-support-reaches-zero", valid_relief, {"discount_rate": {"dist": "uniform", "low": 0, "high": 0.2}, "terminal_growth": None},
     "discount_rate: the distribution reaches 0; values must be above 0 and at most 1"),
    ("royalty-and-range", valid_relief, {"royalty_rate_range": {"low": 0.01, "high": 0.05}, "brand_strength": 50},
     "royalty_rate: give either royalty_rate or royalty_rate_range with brand_strength, not both"),
    ("range-without-strength", valid_relief, {"royalty_rate": DELETE, "royalty_rate_range": {"low": 0.01, "high": 0.05}},
     "brand_strength: required with royalty_rate_range"),
    ("strength-without-range", valid_relief, {"royalty_rate": DELETE, "brand_strength": 50},
     "royalty_rate_range: required with brand_strength"),
    ("strength-out-of-range", valid_relief, {"royalty_rate": DELETE, "royalty_rate_range": {"low": 0.01, "high": 0.05}, "brand_strength": 120},
     "brand_strength: must be between 0 and 100, got 120"),
    ("range-reversed", valid_relief, {"royalty_rate": DELETE, "royalty_rate_range": {"low": 0.05, "high": 0.01}, "brand_strength": 50},
     "royalty_rate_range: low 0.05 is above high 0.01"),
    ("range-missing-end", valid_relief, {"royalty_rate": DELETE, "royalty_rate_range": {"low": 0.01}, "brand_strength": 50},
     "royalty_rate_range.high: required"),
    ("range-unknown-key", valid_relief, {"royalty_rate": DELETE, "royalty_rate_range": {"low": 0.01, "hi": 0.05, "high": 0.05}, "brand_strength": 50},
     "royalty_rate_range.hi: unknown key; did you mean 'high'?"),
    ("range-end-too-high", valid_relief, {"royalty_rate": DELETE, "royalty_rate_range": {"low": 0.01, "high": 0.55}, "brand_strength": 50},
     "royalty_rate_range.high: must be between 0 and 0.5, got 0.55"),
    ("no-royalty", valid_relief, {"royalty_rate": DELETE}, "royalty_rate: required for relief-from-royalty"),
    ("no-revenues", valid_relief, {"revenues": DELETE}, "revenues: required for relief-from-royalty"),
    ("no-tax", valid_relief, {"tax_rate": DELETE}, "tax_rate: required for relief-from-royalty"),
    ("no-discount", valid_relief, {"discount_rate": DELETE, "terminal_growth": None}, "discount_rate: required"),
    ("no-profits", valid_excess, {"after_tax_profits": DELETE}, "after_tax_profits: required for excess-earnings"),
    ("tab-without-tax", valid_excess, {"tax_amortisation_years": 10}, "tax_rate: required when tax_amortisation_years is set"),
    ("tab-years-zero", valid_relief, {"tax_amortisation_years": 0}, "tax_amortisation_years: must be a whole number of years between 1 and 50"),
    ("tab-years-fraction", valid_relief, {"tax_amortisation_years": 2.5}, "tax_amortisation_years: must be a whole number of years between 1 and 50, or null, got 2.5"),
    ("mid-year-not-bool", valid_relief, {"mid_year": "yes"}, "mid_year: must be true or false, got 'yes'"),
    ("asset-no-name", valid_excess, {"contributory_assets": [{"amount": 10, "return": 0.1}]}, "contributory_assets[0].name: required"),
    ("asset-no-return", valid_excess, {"contributory_assets": [{"name": "x", "amount": 10}]}, "contributory_assets[0].return: required"),
    ("asset-return-too-high", valid_excess, {"contributory_assets": [{"name": "x", "amount": 10, "return": 1.5}]},
     "contributory_assets[0].return: must be between 0 and 1, got 1.5"),
    ("asset-negative-amount", valid_excess, {"contributory_assets": [{"name": "x", "amount": -10, "return": 0.1}]},
     "contributory_assets[0].amount: must be at least 0, got -10"),
    ("asset-unknown-key", valid_excess, {"contributory_assets": [{"name": "x", "amount": 10, "return": 0.1, "retrun": 1}]},
     "contributory_assets[0].retrun: unknown key; did you mean 'return'?"),
    ("assets-not-a-list", valid_excess, {"contributory_assets": {"name": "x"}}, "contributory_assets: must be a list"),
    ("bad-date", valid_relief, {"valuation_date": "2026-13-01"}, "valuation_date: must be a date as YYYY-MM-DD, got '2026-13-01'"),
    ("currency-not-text", valid_relief, {"currency": 5}, "currency: must be text, got 5"),
]


@pytest.mark.parametrize("base, changes, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_is_refused_with_a_message_naming_the_field(base, changes, message):
    problems = refused(changed(base(), **changes))
    assert any(problem.startswith(message) for problem in problems), problems


@pytest.mark.parametrize("base", [valid_relief, valid_excess])
def test_the_valid_examples_pass(base):
    parse_inputs(base())


def test_every_problem_is_reported_at_once_one_per_line():
    data = changed(valid_relief(), royalty_rate=0.9, tax_rate=-1, discount_rate=2, mid_year=1, colour="red")
    problems = refused(data)
    assert len(problems) == 5
    with pytest.raises(ValuationInputError) as caught:
        parse_inputs(data)
    lines = str(caught.value).splitlines()
    assert lines == problems
    assert {line.split(":")[0] for line in lines} == {"royalty_rate", "tax_rate", "discount_rate", "mid_year", "colour"}


def test_the_error_is_a_value_error_the_cli_already_knows():
    with pytest.raises(ValueError):
        parse_inputs({})
    assert issubclass(ValuationInputError, RefusedInput)


def test_input_must_be_an_object():
    assert refused([1, 2]) == ["input: must be a JSON object, got list"]


def test_defaults_and_metadata():
    inputs = parse_inputs(changed(valid_relief(), brand="西湖龙井", valuation_date="2026-11-28"))
    assert (inputs.currency, inputs.unit, inputs.mid_year, inputs.tax_amortisation_years) == ("CNY", "万元", False, None)
    assert inputs.brand == "西湖龙井" and inputs.valuation_date == "2026-11-28"
    assert inputs.years == 3


def test_each_number_may_be_a_distribution():
    inputs = parse_inputs(changed(
        valid_excess(),
        after_tax_profits=[300, {"dist": "normal", "mean": 320, "sd": 20}, 340],
        contributory_assets=[{"name": "plant", "amount": {"dist": "uniform", "low": 900, "high": 1100},
                              "return": {"dist": "triangular", "low": 0.04, "mode": 0.05, "high": 0.07}}],
    ))
    assert inputs.after_tax_profits[0] == Fixed(300.0)
    assert inputs.after_tax_profits[1] == Normal(320.0, 20.0)
    assert inputs.contributory_assets[0].required_return == Triangular(0.04, 0.05, 0.07)


def test_to_json_round_trips():
    data = changed(
        valid_relief(), royalty_rate=DELETE, royalty_rate_range={"low": 0.02, "high": 0.06},
        brand_strength={"dist": "triangular", "low": 50, "mode": 70, "high": 80},
        revenues=[1000, {"dist": "lognormal", "mean": 1100, "sd": 100, "max": 2000}],
        mid_year=True, tax_amortisation_years=15, brand="品字标", notes="test",
    )
    inputs = parse_inputs(data)
    assert parse_inputs(inputs.to_json()) == inputs


def test_model_inputs_follow_the_method():
    relief = parse_inputs(changed(valid_relief(), after_tax_profits=[1, 2, 3]))
    assert list(relief.model_inputs()) == [
        "revenues[0]", "revenues[1]", "revenues[2]", "royalty_rate", "tax_rate", "discount_rate", "terminal_growth",
    ]
    excess = parse_inputs(changed(valid_excess(), royalty_rate=0.05))
    assert list(excess.model_inputs()) == [
        "after_tax_profits[0]", "after_tax_profits[1]", "after_tax_profits[2]",
        "contributory_assets[0].amount", "contributory_assets[0].return", "discount_rate",
    ]


def test_warnings_name_draws_monte_carlo_will_reject():
    inputs = parse_inputs(changed(
        valid_relief(),
        royalty_rate={"dist": "normal", "mean": 0.04, "sd": 0.04},            # P(< 0) = Φ(−1) ≈ 15.87 %
        terminal_growth={"dist": "uniform", "low": 0.0, "high": 0.15},        # can pass the 12 % discount
    ))
    assert any(w.startswith("royalty_rate: about 15.87% of draws fall outside the allowed range (between 0 and 0.5)")
               for w in inputs.warnings), inputs.warnings
    assert any(w.startswith("terminal_growth: can reach discount_rate") for w in inputs.warnings)
    assert parse_inputs(valid_relief()).warnings == ()
