"""The valuation formulas, each checked against arithmetic written out by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from brandmark.scoring.valuation import deterministic_value, parse_inputs


def relief(revenues, royalty=0.05, tax=0.25, discount=0.10, **extra):
    return parse_inputs({
        "method": "relief-from-royalty", "revenues": revenues, "royalty_rate": royalty,
        "tax_rate": tax, "discount_rate": discount, **extra,
    })


def test_published_structure_worked_example_relief_from_royalty():
    """A five-year royalty relief valuation, worked by hand.

    The structure follows the royalty relief steps of ISO 10668:2010 (income
    approach) as Brand Finance publishes them (brandirectory.com, glossary
    "Royalty Relief"): forecast brand revenue, apply a notional royalty rate, take
    tax off, discount the after-tax royalties to a net present value, and add a
    Gordon growth terminal value. The figures are ours (万元).
    """
    revenues = [2000, 2200, 2400, 2500, 2600]
    # pre-tax royalty at 4 %:           80,  88,  96, 100, 104
    # after 25 % tax (× 0.75):          60,  66,  72,  75,  78
    after_tax_royalties = [60.0, 66.0, 72.0, 75.0, 78.0]
    # discount factors at 14 %: 1/1.14, 1/1.2996, 1/1.481544, 1/1.68896016, 1/1.9254145824
    factors = [0.877193, 0.769468, 0.674972, 0.592080, 0.519369]
    discounted = [60 * 0.877193, 66 * 0.769468, 72 * 0.674972, 75 * 0.592080, 78 * 0.519369]
    assert discounted == pytest.approx([52.63158, 50.78489, 48.59798, 44.40600, 40.51078], abs=1e-4)
    explicit_forecast = 236.93123  # 52.63158 + 50.78489 + 48.59798 + 44.40600 + 40.51078
    # terminal value: 78 × 1.03 / (0.14 − 0.03) = 80.34 / 0.11 = 730.36364, × 0.519369 = 379.32807
    explicit_terminal = 379.32807
    by_hand = explicit_forecast + explicit_terminal  # 616.25930

    inputs = relief(revenues, royalty=0.04, tax=0.25, discount=0.14, terminal_growth=0.03)
    assert deterministic_value(inputs) == pytest.approx(by_hand, abs=5e-4)
    assert sum(c * f for c, f in zip(after_tax_royalties, factors)) == pytest.approx(explicit_forecast, abs=5e-4)


def test_gordon_growth_terminal_value_by_hand():
    # 3 years of 100 revenue, royalty 5 %, tax 25 % → 3.75 a year after tax; r 10 %, g 2 %.
    forecast = 3.75 / 1.1 + 3.75 / 1.21 + 3.75 / 1.331
    terminal = 3.75 * 1.02 / (0.10 - 0.02) / 1.331      # 47.8125 discounted with year 3's factor
    with_tv = relief([100, 100, 100], terminal_growth=0.02)
    without_tv = relief([100, 100, 100])
    assert deterministic_value(without_tv) == pytest.approx(forecast, rel=1e-12)
    assert deterministic_value(with_tv) == pytest.approx(forecast + terminal, rel=1e-12)


def test_null_terminal_growth_means_no_terminal_value():
    assert deterministic_value(relief([100], terminal_growth=None)) == pytest.approx(3.75 / 1.1)


def test_mid_year_discounts_half_a_year_less():
    year_end = 37.5 / 1.1 + 37.5 / 1.1**2
    mid_year = 37.5 / 1.1**0.5 + 37.5 / 1.1**1.5
    assert deterministic_value(relief([1000, 1000])) == pytest.approx(year_end, rel=1e-12)
    assert deterministic_value(relief([1000, 1000], mid_year=True)) == pytest.approx(mid_year, rel=1e-12)


def test_mid_year_terminal_value_uses_the_last_years_mid_year_factor():
    # Every cash flow, the terminal value included, moves half a year earlier: × √1.1.
    year_end = deterministic_value(relief([1000, 1200, 900], terminal_growth=0.03))
    mid_year = deterministic_value(relief([1000, 1200, 900], terminal_growth=0.03, mid_year=True))
    terminal_by_hand = 900 * 0.05 * 0.75 * 1.03 / 0.07 / 1.1**2.5
    assert mid_year == pytest.approx(year_end * math.sqrt(1.1), rel=1e-12)
    assert mid_year > terminal_by_hand


def test_tax_amortisation_benefit_by_hand():
    # TAB factor in the form Wikipedia ("Tax amortization benefit") gives, end-year discounting:
    # 1 / (1 − t/n × (1/k − 1/(k (1+k)^n))), t 25 %, n 15, k 10 %.
    t, n, k = 0.25, 15, 0.10
    annuity = 1 / k - 1 / (k * (1 + k) ** n)            # 7.60608
    assert annuity == pytest.approx(7.60608, abs=1e-5)
    factor = 1 / (1 - t / n * annuity)                  # 1 / 0.873232 = 1.145171
    assert factor == pytest.approx(1.145171, abs=1e-6)
    before = 37.5 / 1.1 + 37.5 / 1.21
    inputs = relief([1000, 1000], tax=t, discount=k, tax_amortisation_years=n)
    assert deterministic_value(inputs) == pytest.approx(before * factor, rel=1e-12)


def test_tax_amortisation_factor_ignores_mid_year():
    # The annuity in the TAB factor stays year-end even for mid-year cash flows (docs).
    plain = deterministic_value(relief([1000], mid_year=True))
    with_tab = deterministic_value(relief([1000], mid_year=True, tax_amortisation_years=10))
    annuity = (1 - 1.1**-10) / 0.1
    assert with_tab == pytest.approx(plain / (1 - 0.25 * annuity / 10), rel=1e-12)


def test_excess_earnings_contributory_asset_charges_by_hand():
    assets = [
        {"name": "working capital", "amount": 1000, "return": 0.05},   # charge 50
        {"name": "fixed assets", "amount": 2000, "return": 0.08},      # charge 160
        {"name": "assembled workforce", "amount": 500, "return": 0.12},  # charge 60
    ]
    # after-tax profit 300, 320, 340 less 270 → excess 30, 50, 70 at 15 %
    forecast = 30 / 1.15 + 50 / 1.3225 + 70 / 1.520875       # 26.08696 + 37.80718 + 46.02613
    assert forecast == pytest.approx(109.92027, abs=1e-5)
    terminal = 70 * 1.02 / (0.15 - 0.02) / 1.520875           # 549.23077 / 1.520875 = 361.12958
    data = {"method": "excess-earnings", "after_tax_profits": [300, 320, 340],
            "contributory_assets": assets, "discount_rate": 0.15}
    assert deterministic_value(parse_inputs(data)) == pytest.approx(forecast, rel=1e-12)
    with_tv = parse_inputs({**data, "terminal_growth": 0.02})
    assert deterministic_value(with_tv) == pytest.approx(forecast + terminal, rel=1e-12)


def test_excess_earnings_with_tax_amortisation_benefit():
    data = {"method": "excess-earnings", "after_tax_profits": [100], "discount_rate": 0.10,
            "tax_rate": 0.25, "tax_amortisation_years": 5,
            "contributory_assets": [{"name": "capital", "amount": 200, "return": 0.10}]}
    annuity = (1 - 1.1**-5) / 0.1                            # 3.790787
    expected = (100 - 20) / 1.1 / (1 - 0.25 * annuity / 5)
    assert deterministic_value(parse_inputs(data)) == pytest.approx(expected, rel=1e-12)


def test_brand_strength_places_the_royalty_inside_the_range():
    # strength 75 in a 2 %–6 % range → 2 % + 0.75 × 4 % = 5 %, the same as giving 5 % directly.
    by_strength = parse_inputs({
        "method": "relief-from-royalty", "revenues": [1000, 1000],
        "royalty_rate_range": {"low": 0.02, "high": 0.06}, "brand_strength": 75,
        "tax_rate": 0.25, "discount_rate": 0.10,
    })
    assert deterministic_value(by_strength) == pytest.approx(37.5 / 1.1 + 37.5 / 1.21, rel=1e-12)


def test_base_value_of_each_distribution_is_used_deterministically():
    data = {
        "method": "relief-from-royalty",
        "revenues": [
            {"dist": "triangular", "low": 800, "mode": 1000, "high": 1500},   # base: the mode
            {"dist": "normal", "mean": 1000, "sd": 100},                        # base: the mean
            {"dist": "normal", "mean": 1000, "sd": 300, "max": 900},           # base: mean clipped → 900
            {"dist": "lognormal", "mean": 1000, "sd": 400},                     # base: the mean
            {"dist": "uniform", "low": 500, "high": 1500},                      # base: the mean
        ],
        "royalty_rate": 0.05, "tax_rate": 0.25, "discount_rate": 0.10,
    }
    expected = sum(0.0375 * rev / 1.1 ** (t + 1) for t, rev in enumerate([1000, 1000, 900, 1000, 1000]))
    assert deterministic_value(parse_inputs(data)) == pytest.approx(expected, rel=1e-12)


# ----------------------------------------------------------------------------- properties

revenue_lists = st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=12)


@st.composite
def relief_inputs(draw):
    discount = draw(st.floats(0.02, 1.0))
    growth = draw(st.one_of(st.none(), st.floats(-0.5, min(0.2, discount - 0.01))))
    return {
        "method": "relief-from-royalty",
        "revenues": draw(revenue_lists),
        "royalty_rate": draw(st.floats(0.0, 0.45)),
        "tax_rate": draw(st.floats(0.0, 0.6)),
        "discount_rate": discount,
        "terminal_growth": growth,
        "mid_year": draw(st.booleans()),
        "tax_amortisation_years": draw(st.one_of(st.none(), st.integers(1, 50))),
    }


@settings(max_examples=300, deadline=None)
@given(relief_inputs(), st.floats(0.001, 0.05))
def test_value_increases_with_royalty_rate(data, step):
    assume(max(data["revenues"]) > 1.0)
    lower = deterministic_value(parse_inputs(data))
    higher = deterministic_value(parse_inputs({**data, "royalty_rate": data["royalty_rate"] + step}))
    assert higher > lower


@settings(max_examples=300, deadline=None)
@given(relief_inputs(), st.floats(0.001, 0.2))
def test_value_decreases_with_discount_rate(data, step):
    assume(max(data["revenues"]) > 1.0 and data["royalty_rate"] > 1e-4)
    assume(data["discount_rate"] + step <= 1.0)
    lower_rate = deterministic_value(parse_inputs(data))
    higher_rate = deterministic_value(parse_inputs({**data, "discount_rate": data["discount_rate"] + step}))
    assert higher_rate < lower_rate
