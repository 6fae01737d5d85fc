"""The income methods of ISO 10668 / GB/T 29187, vectorised over trials.

Every function here takes numbers or numpy arrays (one element per Monte Carlo
trial) and returns the same shape, so the deterministic estimate, the tornado and
the Monte Carlo run share one implementation of each formula. The loop runs over
forecast years (at most 50), never over trials, and keeps only one year's arrays
alive: no trials × years matrix is ever built.

Formulas (r discount rate, g terminal growth, T forecast years):

- discount factor of year t (1-based): (1+r)^-t, or (1+r)^-(t-0.5) mid-year;
- terminal value (Gordon growth): CF_T × (1+g)/(r−g), discounted with year T's factor;
- relief from royalty: CF_t = revenue_t × royalty_rate × (1 − tax_rate);
- excess earnings (GB/T 29188): CF_t = after_tax_profit_t − Σ amount_i × return_i;
- tax amortisation benefit: value × 1 / (1 − tax × A(r, N) / N),
  A(r, N) = (1 − (1+r)^-N) / r, the year-end annuity (see docs/valuation.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from numpy.typing import ArrayLike

from brandmark.scoring.valuation.inputs import RELIEF_FROM_ROYALTY, ValuationInputs, base_draws
from brandmark.scoring.valuation.strength import royalty_rate_from_strength

# path → a base value (float) or one draw per trial (array)
Draws = Mapping[str, "float | np.ndarray"]


def present_value(
    cash_flows: Iterable[ArrayLike],
    discount_rate: ArrayLike,
    terminal_growth: ArrayLike | None = None,
    mid_year: bool = False,
) -> np.ndarray:
    """Present value of yearly cash flows, plus an optional Gordon growth terminal value.

    >>> round(float(present_value([110, 121], 0.10)), 9)
    200.0
    >>> round(float(present_value([100], 0.10, terminal_growth=0.0)), 9)   # 100/1.1 + (100/0.1)/1.1
    1000.0
    """
    r = np.asarray(discount_rate, dtype=np.float64)
    one_year = 1.0 / (1.0 + r)
    # Mid-year: cash arrives on average half-way through the year, so year t is
    # discounted t − 0.5 years. Multiplying factors year by year avoids a power per year.
    factor = np.sqrt(one_year) if mid_year else one_year
    total = np.zeros(np.shape(r))
    last_cash_flow = last_factor = None
    for cash_flow in cash_flows:
        if last_factor is not None:
            factor = factor * one_year
        total = total + np.asarray(cash_flow, dtype=np.float64) * factor
        last_cash_flow, last_factor = cash_flow, factor
    if last_cash_flow is None or last_factor is None:
        raise ValueError("present_value needs at least one year of cash flow")
    if terminal_growth is not None:
        g = np.asarray(terminal_growth, dtype=np.float64)
        terminal_value = np.asarray(last_cash_flow, dtype=np.float64) * (1.0 + g) / (r - g)
        total = total + terminal_value * last_factor
    return total


def tab_factor(discount_rate: ArrayLike, tax_rate: ArrayLike, amortisation_years: int) -> np.ndarray:
    """Tax amortisation benefit factor for straight-line amortisation over N years.

    A buyer of the brand deducts value/N a year for N years; the saving tax × value/N
    a year is worth tax × value/N × A(r, N) today, and solving
    value = value_before_tab + tax × value × A(r, N)/N gives the factor
    1 / (1 − tax × A(r, N)/N), A(r, N) = (1 − (1+r)^-N)/r.

    >>> round(float(tab_factor(0.10, 0.25, 15)), 6)
    1.145171
    """
    r = np.asarray(discount_rate, dtype=np.float64)
    annuity = (1.0 - (1.0 + r) ** -amortisation_years) / r
    factor: np.ndarray = 1.0 / (1.0 - np.asarray(tax_rate, dtype=np.float64) * annuity / amortisation_years)
    return factor


def relief_from_royalty(
    revenues: Iterable[ArrayLike],
    royalty_rate: ArrayLike,
    tax_rate: ArrayLike,
    discount_rate: ArrayLike,
    terminal_growth: ArrayLike | None = None,
    mid_year: bool = False,
    amortisation_years: int | None = None,
) -> np.ndarray:
    """Present value of the after-tax royalties the owner is spared paying.

    >>> round(float(relief_from_royalty([1000, 1000], 0.05, 0.25, 0.10)), 4)   # 37.5/1.1 + 37.5/1.21
    65.0826
    """
    # The after-tax royalty is the same share of revenue every year, so discount the
    # revenues once and scale: one multiplication per trial instead of one per year.
    after_tax_share = np.asarray(royalty_rate, dtype=np.float64) * (1.0 - np.asarray(tax_rate, dtype=np.float64))
    value: np.ndarray = after_tax_share * present_value(revenues, discount_rate, terminal_growth, mid_year)
    if amortisation_years is not None:
        value = value * tab_factor(discount_rate, tax_rate, amortisation_years)
    return value


def contributory_asset_charge(amounts: Iterable[ArrayLike], required_returns: Iterable[ArrayLike]) -> np.ndarray:
    """The yearly charge for the assets the brand uses: Σ amount × required return.

    >>> float(contributory_asset_charge([500, 200], [0.05, 0.10]))
    45.0
    """
    total: np.float64 | np.ndarray = np.float64(0.0)
    for amount, required_return in zip(amounts, required_returns, strict=True):
        total = total + np.asarray(amount, dtype=np.float64) * np.asarray(required_return, dtype=np.float64)
    return np.asarray(total)


def excess_earnings(
    after_tax_profits: Iterable[ArrayLike],
    asset_charge: ArrayLike,
    discount_rate: ArrayLike,
    terminal_growth: ArrayLike | None = None,
    mid_year: bool = False,
    tax_rate: ArrayLike | None = None,
    amortisation_years: int | None = None,
) -> np.ndarray:
    """Multi-period excess earnings (GB/T 29188): profits less asset charges, discounted.

    >>> round(float(excess_earnings([100, 100], 45, 0.10)), 4)   # 55/1.1 + 55/1.21
    95.4545
    """
    charge = np.asarray(asset_charge, dtype=np.float64)
    value = present_value(
        (np.asarray(profit, dtype=np.float64) - charge for profit in after_tax_profits),
        discount_rate, terminal_growth, mid_year,
    )
    if amortisation_years is not None:
        if tax_rate is None:
            raise ValueError("a tax amortisation benefit needs a tax rate")
        value = value * tab_factor(discount_rate, tax_rate, amortisation_years)
    return value


def value_from_draws(inputs: ValuationInputs, draws: Draws) -> np.ndarray:
    """The brand value for given values of the model inputs (floats or per-trial arrays)."""
    growth = draws["terminal_growth"] if inputs.terminal_growth is not None else None
    amortisation_years = inputs.tax_amortisation_years
    if inputs.method == RELIEF_FROM_ROYALTY:
        if inputs.royalty_rate is not None:
            royalty = draws["royalty_rate"]
        else:
            royalty = royalty_rate_from_strength(
                draws["royalty_rate_range.low"], draws["royalty_rate_range.high"], draws["brand_strength"]
            )
        return relief_from_royalty(
            (draws[f"revenues[{year}]"] for year in range(inputs.years)),
            royalty, draws["tax_rate"], draws["discount_rate"], growth, inputs.mid_year, amortisation_years,
        )
    count = len(inputs.contributory_assets)
    charge = contributory_asset_charge(
        (draws[f"contributory_assets[{i}].amount"] for i in range(count)),
        (draws[f"contributory_assets[{i}].return"] for i in range(count)),
    )
    return excess_earnings(
        (draws[f"after_tax_profits[{year}]"] for year in range(inputs.years)),
        charge, draws["discount_rate"], growth, inputs.mid_year,
        draws.get("tax_rate"), amortisation_years,
    )


def accepted(inputs: ValuationInputs, draws: Draws) -> "bool | np.ndarray":
    """Whether a draw is usable: every input inside its bounds, growth below discount.

    Only inputs whose distribution can leave their bounds are checked; the rest
    cannot fail. A Gordon terminal value with growth ≥ discount has no finite value.
    """
    ok: bool | np.ndarray = True
    for path, model_input in inputs.model_inputs().items():
        if model_input.can_leave_bounds:
            ok = ok & model_input.bounds.contains(draws[path])
    if inputs.terminal_growth is not None:
        ok = ok & (draws["terminal_growth"] < draws["discount_rate"])
    return ok


def deterministic_value(inputs: ValuationInputs) -> float:
    """The brand value with every input at its base value (mode, mean, or the number given).

    >>> from brandmark.scoring.valuation.inputs import parse_inputs
    >>> inputs = parse_inputs({"method": "relief-from-royalty", "revenues": [1000, 1000],
    ...                        "royalty_rate": 0.05, "tax_rate": 0.25, "discount_rate": 0.10})
    >>> round(deterministic_value(inputs), 4)
    65.0826
    """
    return float(value_from_draws(inputs, base_draws(inputs)))
