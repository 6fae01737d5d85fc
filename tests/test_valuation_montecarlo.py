"""The Monte Carlo run: agreement with analytic results, rejection, reproducibility, tornado."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import replace

import pytest

from brandmark.scoring.valuation import (
    Cancelled,
    Normal,
    ValuationInputError,
    deterministic_value,
    parse_inputs,
    run_monte_carlo,
    tornado,
)

REVENUES = [1000, 1100, 1200, 1250, 1300]


def relief(**overrides):
    data = {"method": "relief-from-royalty", "revenues": REVENUES, "royalty_rate": 0.04,
            "tax_rate": 0.25, "discount_rate": 0.12, "terminal_growth": None}
    data.update(overrides)
    return parse_inputs(data)


def test_zero_variance_monte_carlo_equals_the_deterministic_value():
    inputs = relief(terminal_growth=0.02, mid_year=True, tax_amortisation_years=15)
    result = run_monte_carlo(inputs, trials=50_000, chunk=7_000)
    assert result.rejected == 0
    for figure in (result.mean, result.p10, result.p50, result.p90):
        assert figure == pytest.approx(result.value, rel=1e-12)
    assert result.value == deterministic_value(inputs)
    assert sum(result.histogram.counts) == 50_000


# A triangular royalty rate: the value is k × royalty, so its distribution is the
# royalty's triangle scaled by k, with mean and quantiles known in closed form.
A, C, B = 0.02, 0.035, 0.07   # low, mode, high


def triangular_quantile(q: float) -> float:
    """Inverse CDF of the triangular distribution, written out independently of the code."""
    if q < (C - A) / (B - A):
        return A + math.sqrt(q * (B - A) * (C - A))
    return B - math.sqrt((1 - q) * (B - A) * (B - C))


def triangular_pdf(x: float) -> float:
    return 2 * (x - A) / ((B - A) * (C - A)) if x < C else 2 * (B - x) / ((B - A) * (B - C))


def test_linear_value_reproduces_the_analytic_triangular_mean_and_quantiles():
    trials = 400_000
    inputs = relief(royalty_rate={"dist": "triangular", "low": A, "mode": C, "high": B})
    k = 0.75 * sum(rev / 1.12 ** (t + 1) for t, rev in enumerate(REVENUES))   # value per unit of royalty
    result = run_monte_carlo(inputs, trials=trials, seed=11)

    mean = (A + B + C) / 3
    sd = math.sqrt((A * A + B * B + C * C - A * B - A * C - B * C) / 18)
    assert result.mean == pytest.approx(k * mean, abs=5 * k * sd / math.sqrt(trials))
    for q, got in ((0.1, result.p10), (0.5, result.p50), (0.9, result.p90)):
        x = triangular_quantile(q)
        standard_error = math.sqrt(q * (1 - q) / trials) / triangular_pdf(x)
        assert got == pytest.approx(k * x, abs=5 * k * standard_error), q
    assert result.value == pytest.approx(k * C, rel=1e-12)       # deterministic: the mode


def test_draws_with_growth_at_or_above_discount_are_rejected_and_counted():
    trials = 100_000
    # growth uniform on [0, 0.16] against a 12 % discount: P(g ≥ r) = 0.04 / 0.16 = 0.25
    inputs = relief(terminal_growth={"dist": "uniform", "low": 0.0, "high": 0.16})
    result = run_monte_carlo(inputs, trials=trials, seed=3)
    expected, sd = 0.25 * trials, math.sqrt(trials * 0.25 * 0.75)
    assert abs(result.rejected - expected) < 5 * sd
    assert result.trials == trials
    assert sum(result.histogram.counts) == result.accepted == trials - result.rejected
    assert all(math.isfinite(e) for e in result.histogram.edges)
    # the accepted values are those with g < 12 %: all finite and positive
    assert 0 < result.histogram.edges[0] < result.p10


def test_draws_outside_an_inputs_bounds_are_rejected_and_counted():
    trials = 100_000
    # royalty normal(0.04, 0.04) untruncated: P(royalty < 0) = Φ(−1) = 0.158655
    inputs = relief(royalty_rate={"dist": "normal", "mean": 0.04, "sd": 0.04})
    result = run_monte_carlo(inputs, trials=trials, seed=4)
    p = 0.158655
    assert abs(result.rejected - p * trials) < 5 * math.sqrt(trials * p * (1 - p))
    assert result.histogram.edges[0] >= 0.0


def test_a_mostly_rejected_run_still_reports_the_accepted_draws():
    # growth normal(0.1, 0.5): outside −0.5..0.2 or at/above the 12 % discount most of the time
    inputs = relief(terminal_growth={"dist": "normal", "mean": 0.1, "sd": 0.5})
    result = run_monte_carlo(inputs, trials=1_000, seed=2)
    assert 0 < result.rejected < 1_000
    assert sum(result.histogram.counts) == result.accepted


def test_same_seed_same_results_other_seed_other_results():
    inputs = relief(
        revenues=[{"dist": "triangular", "low": 900, "mode": 1000, "high": 1200}, {"dist": "normal", "mean": 1100, "sd": 80}],
        royalty_rate={"dist": "uniform", "low": 0.03, "high": 0.05},
        discount_rate={"dist": "lognormal", "mean": 0.12, "sd": 0.02, "max": 0.3},
        terminal_growth={"dist": "normal", "mean": 0.02, "sd": 0.01, "min": -0.02, "max": 0.05},
    )
    first = run_monte_carlo(inputs, trials=30_000, seed=99).to_json()
    again = run_monte_carlo(inputs, trials=30_000, seed=99).to_json()
    other = run_monte_carlo(inputs, trials=30_000, seed=100).to_json()
    assert first == again
    assert first["mean"] != other["mean"] and first["histogram"] != other["histogram"]


def test_results_do_not_depend_on_chunk_size():
    inputs = relief(
        revenues=[{"dist": "triangular", "low": 900, "mode": 1000, "high": 1200}] * 3,
        royalty_rate={"dist": "normal", "mean": 0.04, "sd": 0.01},
        terminal_growth={"dist": "uniform", "low": 0.0, "high": 0.14},
    )
    whole = run_monte_carlo(inputs, trials=20_000, seed=8).to_json()
    for chunk in (1, 997, 20_000, 50_000):
        if chunk == 1:
            assert run_monte_carlo(inputs, trials=500, seed=8, chunk=1).to_json() == \
                run_monte_carlo(inputs, trials=500, seed=8).to_json()
        else:
            assert run_monte_carlo(inputs, trials=20_000, seed=8, chunk=chunk).to_json() == whole


def test_seed_none_reports_a_seed_that_reproduces_the_run():
    inputs = relief(royalty_rate={"dist": "uniform", "low": 0.03, "high": 0.05})
    first = run_monte_carlo(inputs, trials=5_000, seed=None)
    again = run_monte_carlo(inputs, trials=5_000, seed=first.seed)
    assert first.to_json() == again.to_json()


def test_progress_is_reported_per_chunk_and_false_cancels():
    inputs = relief(royalty_rate={"dist": "uniform", "low": 0.03, "high": 0.05})
    seen: list[tuple[int, int]] = []
    run_monte_carlo(inputs, trials=25_000, chunk=10_000, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]

    with pytest.raises(Cancelled) as caught:
        run_monte_carlo(inputs, trials=25_000, chunk=10_000, progress=lambda done, total: done < 20_000)
    assert (caught.value.done, caught.value.total) == (20_000, 25_000)


def test_tornado_puts_each_input_at_its_p10_and_p90_widest_first():
    inputs = relief(
        royalty_rate={"dist": "triangular", "low": A, "mode": C, "high": B},
        tax_rate={"dist": "uniform", "low": 0.24, "high": 0.26},
    )
    bars = tornado(inputs)
    assert [bar.input for bar in bars] == ["royalty_rate", "tax_rate"]     # royalty swings far more
    royalty = bars[0]
    assert (royalty.low, royalty.high) == pytest.approx((triangular_quantile(0.1), triangular_quantile(0.9)))
    k = 0.75 * sum(rev / 1.12 ** (t + 1) for t, rev in enumerate(REVENUES))
    assert royalty.low_value == pytest.approx(k * royalty.low)
    assert royalty.high_value == pytest.approx(k * royalty.high)
    tax = bars[1]
    assert (tax.low, tax.high) == pytest.approx((0.242, 0.258))
    # tax at 25.8 % lowers the value: the bar keeps the input's P10/P90 order, not the value's
    assert tax.high_value < tax.low_value
    assert royalty.swing > tax.swing


def test_tornado_point_monte_carlo_would_reject_has_no_value():
    inputs = relief(terminal_growth={"dist": "uniform", "low": 0.0, "high": 0.16})   # P90 = 0.144 ≥ 12 %
    (bar,) = tornado(inputs)
    assert bar.high == pytest.approx(0.144) and bar.high_value is None
    assert bar.low_value is not None and bar.swing == math.inf


def test_to_json_has_the_agreed_shape_and_is_plain_json():
    inputs = relief(royalty_rate={"dist": "uniform", "low": 0.03, "high": 0.05}, currency="CNY", unit="万元")
    payload = run_monte_carlo(inputs, trials=2_000, seed=1, bins=10).to_json()
    assert list(payload) == ["value", "mean", "p10", "p50", "p90", "trials", "rejected", "seed",
                             "currency", "unit", "method", "histogram", "tornado"]
    assert set(payload["histogram"]) == {"counts", "edges"}
    assert len(payload["histogram"]["counts"]) == 10 and len(payload["histogram"]["edges"]) == 11
    assert set(payload["tornado"][0]) == {"input", "low_value", "high_value", "low", "high"}
    assert payload["method"] == "relief-from-royalty" and payload["unit"] == "万元"
    assert json.loads(json.dumps(payload)) == payload          # no numpy types left inside


@pytest.mark.parametrize("arguments", [{"trials": 0}, {"trials": 2.5}, {"chunk": 0}, {"bins": 0}])
def test_run_arguments_are_checked(arguments):
    with pytest.raises(ValueError):
        run_monte_carlo(relief(), **arguments)


def test_all_draws_rejected_is_a_clear_error():
    # parse_inputs refuses a base royalty below 0, so build the impossible input directly.
    inputs = replace(relief(), royalty_rate=Normal(-1.0, 0.001))
    with pytest.raises(ValuationInputError, match="every Monte Carlo draw was rejected"):
        run_monte_carlo(inputs, trials=100, seed=1)


def test_a_value_too_large_for_a_float_is_refused_naming_the_forecast():
    # It used to reach np.histogram with an infinite range: an unexpected ValueError (exit 1).
    inputs = relief(revenues=[1e308], royalty_rate=0.5, tax_rate=0.0, discount_rate=0.011, terminal_growth=0.01)
    with pytest.raises(ValuationInputError, match=r"^revenues: .*too large"):
        run_monte_carlo(inputs, trials=100, seed=1)


def test_an_absurd_spread_is_refused_not_summarised_as_infinity():
    # Draws overflow to infinity (rejected) and the finite ones are too large to average.
    inputs = relief(revenues=[{"dist": "normal", "mean": 1e300, "sd": 1e307}], royalty_rate=0.5, tax_rate=0.0,
                    discount_rate=0.011, terminal_growth=0.01)
    with pytest.raises(ValuationInputError, match=r"^revenues: .*too large to summarise"):
        run_monte_carlo(inputs, trials=2_000, seed=3)


def test_a_tornado_point_that_overflows_has_no_value():
    inputs = relief(revenues=[{"dist": "normal", "mean": 1e300, "sd": 1e307}], royalty_rate=0.5, tax_rate=0.0,
                    discount_rate=0.011, terminal_growth=0.01)
    (bar,) = tornado(inputs)
    assert bar.low_value is None and bar.high_value is None   # below 0 (out of bounds) and overflowing


def test_a_spread_too_narrow_for_the_bins_still_gives_a_histogram():
    # An sd of 1e-13 on 1000 made np.histogram refuse 40 bins: 'unexpected error' (exit 1).
    inputs = relief(revenues=[{"dist": "normal", "mean": 1000, "sd": 1e-13}] * 5)
    result = run_monte_carlo(inputs, trials=1_000, seed=4)
    assert sum(result.histogram.counts) == result.accepted == 1_000
    assert len(result.histogram.edges) == 41
    assert result.histogram.edges[0] <= result.p10 <= result.p90 <= result.histogram.edges[-1]


def test_the_engine_imports_without_qt():
    code = ("import sys, brandmark.scoring.valuation as v; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
