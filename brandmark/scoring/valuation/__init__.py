"""Brand value estimates (ISO 10668, GB/T 29187; excess earnings after GB/T 29188).

Pure Python and numpy: no Qt, no database. The CLI, the Qt page and the PDF report
all call these functions. Method, formulas and input format: ``docs/valuation.md``.

>>> inputs = parse_inputs({
...     "method": "relief-from-royalty",
...     "revenues": [1000, 1100, 1200],
...     "royalty_rate": {"dist": "triangular", "low": 0.03, "mode": 0.04, "high": 0.06},
...     "tax_rate": 0.25, "discount_rate": 0.12, "terminal_growth": 0.02,
... })
>>> round(deterministic_value(inputs), 2)
340.08
>>> result = run_monte_carlo(inputs, trials=20_000, seed=7)
>>> sorted(result.to_json())[:4]
['currency', 'histogram', 'mean', 'method']
"""

from brandmark.scoring.valuation.distributions import (
    Fixed, LogNormal, Normal, Quantity, Triangular, Uniform, format_amount, format_number,
)
from brandmark.scoring.valuation.errors import Cancelled, ValuationInputError
from brandmark.scoring.valuation.inputs import (
    EXCESS_EARNINGS,
    METHODS,
    RELIEF_FROM_ROYALTY,
    ContributoryAsset,
    ValuationInputs,
    parse_inputs,
)
from brandmark.scoring.valuation.methods import deterministic_value
from brandmark.scoring.valuation.montecarlo import Histogram, MonteCarloResult, TornadoBar, run_monte_carlo, tornado
from brandmark.scoring.valuation.strength import (
    DEFAULT_SECTION_WEIGHTS,
    brand_strength_index,
    royalty_rate_from_strength,
)

__all__ = [
    "Cancelled", "ContributoryAsset", "DEFAULT_SECTION_WEIGHTS", "EXCESS_EARNINGS", "Fixed",
    "Histogram", "LogNormal", "METHODS", "MonteCarloResult", "Normal", "Quantity",
    "RELIEF_FROM_ROYALTY", "TornadoBar", "Triangular", "Uniform", "ValuationInputError",
    "ValuationInputs", "brand_strength_index", "deterministic_value", "format_amount", "format_number",
    "parse_inputs",
    "royalty_rate_from_strength", "run_monte_carlo", "tornado",
]
