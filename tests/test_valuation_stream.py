"""The seeded stream of draws is pinned: a saved estimate must stay reproducible from its seed.

Registers keep each estimate with its seed and trial count, so anyone can run it again and
get the same figures. The values below were recorded before the samplers were vectorised
(numpy 2.4, ``Generator.triangular`` and the masked inverse normal CDF); any change to how
a distribution turns the generator's output into draws, to the order the inputs' streams
are spawned in, or to the arithmetic that consumes them makes these tests fail. A change
that is meant must come with a new method version for saved estimates, not new numbers
here.

The tolerance (1e-12 relative) allows a last-bit difference in ``log``/``exp`` between
CPUs or maths libraries; a different stream moves every figure by far more than that.
"""

from __future__ import annotations

import numpy as np
import pytest

from brandmark.scoring.valuation import parse_inputs, run_monte_carlo
from brandmark.scoring.valuation.distributions import LogNormal, Normal, Triangular, Uniform

SEED = 20261128
TIGHT = 1e-12

# quantity, (draws 0, 1 and 77,777 of 100,000 from default_rng(SEED)), sum of the 100,000
RECORDED_DRAWS = [
    (Triangular(1.0, 2.0, 4.0), (3.254381963115751, 2.6057672452976686, 2.471453385674228), 233539.12748413463),
    (Triangular(0.0, 0.0, 1.0), (0.6956027111029838, 0.43080686138405055, 0.3759734578071777), 33427.55628016165),
    (Triangular(0.0, 1.0, 1.0), (0.9525451645523935, 0.8222038499986026, 0.7814031447587537), 66718.13067306743),
    (Uniform(1.0, 3.0), (2.814684581024293, 2.3520383419050495, 2.22118174927774), 200195.7205798808),
    (Normal(5.0, 2.0), (6.272582906762182, 3.9109666920552657, 7.690743652280292), 499291.75322526926),
    (Normal(0.12, 0.015, minimum=0.08, maximum=0.20),
     (0.13990060256669487, 0.1269007614635519, 0.12427126060340586), 12021.367455589778),
    (Normal(5.0, 2.0, minimum=9.0), (9.08132643569952, 9.320351909410874, 9.400700742400902), 974611.8811498507),
    (Normal(5.0, 2.0, maximum=-1.0), (-1.0589876410309156, -1.234614045994908, -1.294382551275297), -156605.39030728227),
    (LogNormal(10.0, 3.0), (11.545389793589248, 8.163293718014174, 14.217080705561962), 999020.3725232584),
    (LogNormal(10.0, 3.0, minimum=4.0, maximum=12.0),
     (11.235973187893418, 9.769889970674319, 9.41080950732387), 877689.9556050717),
]


@pytest.mark.parametrize(("quantity", "picked", "total"), RECORDED_DRAWS, ids=lambda v: repr(v)[:40])
def test_each_distribution_draws_the_recorded_stream(quantity, picked, total):
    draws = quantity.sample(np.random.default_rng(SEED), 100_000)
    assert (draws[0], draws[1], draws[77_777]) == pytest.approx(picked, rel=TIGHT)
    assert float(draws.sum()) == pytest.approx(total, rel=TIGHT)


@pytest.mark.parametrize(("low", "mode", "high"), [(1.0, 2.0, 4.0), (0.0, 0.0, 1.0), (0.0, 1.0, 1.0),
                                                    (900.0, 1000.0, 1200.0), (0.03, 0.04, 0.06), (-5.0, -4.999, 1e6)])
def test_triangular_draws_are_numpys_own_bit_for_bit(low, mode, high):
    """The vectorised inverse CDF is numpy's ``random_triangular`` on the same uniforms: equal bits."""
    ours = Triangular(low, mode, high).sample(np.random.default_rng(SEED), 200_001)
    numpys = np.random.default_rng(SEED).triangular(low, mode, high, 200_001)
    assert np.array_equal(ours, numpys)


def test_a_seeded_estimate_gives_its_recorded_figures():
    inputs = parse_inputs({
        "method": "relief-from-royalty",
        "revenues": [{"dist": "triangular", "low": 900, "mode": 1000, "high": 1200},
                     {"dist": "normal", "mean": 1100, "sd": 80},
                     {"dist": "lognormal", "mean": 1200, "sd": 150, "min": 900, "max": 1600}],
        "royalty_rate": {"dist": "triangular", "low": 0.03, "mode": 0.04, "high": 0.06},
        "tax_rate": 0.25,
        "discount_rate": {"dist": "normal", "mean": 0.12, "sd": 0.015, "min": 0.08, "max": 0.20},
        "terminal_growth": {"dist": "uniform", "low": 0.0, "high": 0.09},
        "mid_year": True, "tax_amortisation_years": 15,
    })
    result = run_monte_carlo(inputs, trials=20_000, seed=SEED, bins=8)
    assert (result.mean, result.p10, result.p50, result.p90) == pytest.approx(
        (749.4914512693947, 359.1337187334297, 565.2855754249208, 1151.9638072484631), rel=TIGHT)
    assert result.rejected == 14
    assert result.histogram.counts == (19973, 9, 1, 1, 1, 0, 0, 1)
