"""Distributions: base values, quantiles, truncation, and the sampling they promise."""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest

from brandmark.scoring.valuation.distributions import (
    LogNormal,
    Normal,
    Triangular,
    Uniform,
    parse_quantity,
    standard_normal_ppf,
)
from brandmark.scoring.valuation.errors import problem_line

N = 400_000


def test_inverse_normal_cdf_matches_the_standard_library():
    p = np.concatenate([np.logspace(-300, -1, 200), np.linspace(0.01, 0.99, 999), 1 - np.logspace(-15, -1, 100)])
    exact = np.array([NormalDist().inv_cdf(float(x)) for x in p])
    assert np.allclose(standard_normal_ppf(p), exact, rtol=2e-9, atol=1e-9)


def test_triangular_quantile_inverts_its_cdf():
    tri = Triangular(2.0, 3.0, 7.0)
    for q in (0.0, 0.05, 0.1, 0.2, 0.5, 0.9, 1.0):
        assert tri.cdf(tri.quantile(q)) == pytest.approx(q, abs=1e-12)
    # mode at 3: F(3) = (3−2)/(7−2) = 0.2
    assert tri.quantile(0.2) == pytest.approx(3.0)


def test_lognormal_is_given_by_the_mean_and_sd_of_the_variable_itself():
    q = LogNormal(1000.0, 400.0)
    sigma2 = math.log(1 + (400 / 1000) ** 2)
    assert q.sigma == pytest.approx(math.sqrt(sigma2))
    assert q.mu == pytest.approx(math.log(1000) - sigma2 / 2)
    draws = q.sample(np.random.default_rng(1), N)
    assert draws.mean() == pytest.approx(1000, abs=5 * 400 / math.sqrt(N))
    assert draws.std() == pytest.approx(400, rel=0.02)
    assert q.base == 1000.0
    # the median of a lognormal is exp(μ)
    assert q.quantile(0.5) == pytest.approx(math.exp(q.mu))


@pytest.mark.parametrize("quantity", [
    Normal(0.05, 0.02, minimum=0.03, maximum=0.06),
    Normal(100.0, 10.0, minimum=0.0),
    Normal(0.0, 1.0, minimum=4.0, maximum=6.0),     # far upper tail: sampled mirrored
    LogNormal(1000.0, 500.0, minimum=800.0, maximum=1500.0),
])
def test_truncated_draws_stay_inside_and_follow_the_truncated_cdf(quantity):
    draws = quantity.sample(np.random.default_rng(2), N)
    low, high = quantity.support()
    assert draws.min() >= low and draws.max() <= high
    for q in (0.1, 0.5, 0.9):
        x = quantity.quantile(q)
        assert quantity.cdf(x) == pytest.approx(q, abs=1e-9)
        # empirical CDF at the quantile, within 5 binomial standard errors
        assert np.mean(draws <= x) == pytest.approx(q, abs=5 * math.sqrt(q * (1 - q) / N))


def test_truncated_normal_base_is_the_mean_clipped_to_the_bounds():
    assert Normal(0.05, 0.02, maximum=0.04).base == 0.04
    assert Normal(0.05, 0.02, minimum=0.06).base == 0.06
    assert Normal(0.05, 0.02, minimum=0.0, maximum=0.1).base == 0.05


@pytest.mark.parametrize("quantity", [
    Triangular(1.0, 2.0, 4.0), Uniform(1.0, 3.0), Normal(5.0, 2.0), Normal(5.0, 2.0, minimum=4.0),
    LogNormal(10.0, 3.0), LogNormal(10.0, 3.0, maximum=12.0),
])
def test_split_draws_equal_one_draw(quantity):
    """Drawing 300 then 700 gives the same 1000 values: Monte Carlo chunking relies on it."""
    whole = quantity.sample(np.random.default_rng(5), 1000)
    rng = np.random.default_rng(5)
    parts = np.concatenate([quantity.sample(rng, 300), quantity.sample(rng, 1), quantity.sample(rng, 699)])
    assert np.array_equal(whole, parts)


def test_parse_quantity_reads_every_distribution():
    problems: list[str] = []
    assert parse_quantity({"dist": "normal", "mean": 1, "sd": 2, "min": None}, "x", problems) == Normal(1.0, 2.0)
    assert parse_quantity({"dist": "lognormal", "mean": 1, "sd": 2, "max": 9}, "x", problems) == LogNormal(1.0, 2.0, None, 9.0)
    assert parse_quantity({"dist": "uniform", "low": 1, "high": 2}, "x", problems) == Uniform(1.0, 2.0)
    assert problems == []
    assert parse_quantity(float("nan"), "x", problems) is None
    assert problems and problem_line(problems[0]).startswith("x: must be a number or a distribution")
