"""The valuation input file: parsing, validation, and the list of model inputs.

``parse_inputs`` takes the JSON object of ``brandmark-cli value --file INPUT.json``
and returns a ``ValuationInputs``, or raises ``ValuationInputError`` listing every
problem of the file, one per line, each starting with the field it concerns.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from brandmark.errors import FieldPath, Problem
from brandmark.messages import LANGUAGES, render
from brandmark.scoring.valuation.distributions import Fixed, Quantity, format_number, parse_quantity
from brandmark.scoring.valuation.errors import ValuationInputError

RELIEF_FROM_ROYALTY = "relief-from-royalty"
EXCESS_EARNINGS = "excess-earnings"
METHODS = (RELIEF_FROM_ROYALTY, EXCESS_EARNINGS)

MAX_FORECAST_YEARS = 50

KNOWN_KEYS = (
    "method", "revenues", "royalty_rate", "royalty_rate_range", "brand_strength",
    "tax_rate", "discount_rate", "terminal_growth", "mid_year", "tax_amortisation_years",
    "after_tax_profits", "contributory_assets", "currency", "unit",
    "valuation_date", "brand", "notes",
)
ASSET_KEYS = ("name", "amount", "return")
RANGE_KEYS = ("low", "high")


@dataclass(frozen=True)
class Bounds:
    """The values an input may take; a draw outside is impossible, not merely unlikely."""

    lower: float = -math.inf
    upper: float = math.inf
    lower_open: bool = False

    def contains(self, x: Any) -> Any:
        """Elementwise for arrays, a bool for a float."""
        above = (x > self.lower) if self.lower_open else (x >= self.lower)
        return above & (x <= self.upper)

    def describe(self, language: str = "en") -> str:
        """The bounds in words: ``between 0 and 0.5``, ``above 0 and at most 1``, ``at least 0``."""
        return self.as_param()[language]

    def as_param(self) -> dict[str, str]:
        """The bounds in each catalogue language, a parameter of a refusal."""
        if self.upper == math.inf:
            code = "valuation.bounds_above" if self.lower_open else "valuation.bounds_at_least"
        else:
            code = "valuation.bounds_above_at_most" if self.lower_open else "valuation.bounds_between"
        values = {"lower": format_number(self.lower), "upper": format_number(self.upper)}
        return {language: render(code, values, language) for language in LANGUAGES}


ROYALTY_BOUNDS = Bounds(0.0, 0.5)
TAX_BOUNDS = Bounds(0.0, 0.6)
DISCOUNT_BOUNDS = Bounds(0.0, 1.0, lower_open=True)
GROWTH_BOUNDS = Bounds(-0.5, 0.2)
REVENUE_BOUNDS = Bounds(0.0)
PROFIT_BOUNDS = Bounds()              # a loss-making year is possible
STRENGTH_BOUNDS = Bounds(0.0, 100.0)
ASSET_AMOUNT_BOUNDS = Bounds(0.0)
ASSET_RETURN_BOUNDS = Bounds(0.0, 1.0)


@dataclass(frozen=True)
class ModelInput:
    """One number the model uses: where it sits in the file, its value, its bounds."""

    path: str
    quantity: Quantity
    bounds: Bounds

    @property
    def can_leave_bounds(self) -> bool:
        """True for an unbounded tail (an untruncated normal, say) that crosses a bound.

        Monte Carlo rejects and counts such draws rather than clipping them: clipping
        would pile probability onto the bound.
        """
        low, high = self.quantity.support()
        return not (bool(self.bounds.contains(low)) and bool(self.bounds.contains(high)))


@dataclass(frozen=True)
class ContributoryAsset:
    """An asset the brand needs to earn its profit; it is charged amount × return a year."""

    name: str
    amount: Quantity
    required_return: Quantity


@dataclass(frozen=True)
class ValuationInputs:
    """A validated valuation input. Build it with ``parse_inputs``."""

    method: str
    discount_rate: Quantity
    revenues: tuple[Quantity, ...] = ()
    royalty_rate: Quantity | None = None
    royalty_rate_range: tuple[Quantity, Quantity] | None = None  # (low, high)
    brand_strength: Quantity | None = None
    tax_rate: Quantity | None = None
    terminal_growth: Quantity | None = None
    mid_year: bool = False
    tax_amortisation_years: int | None = None
    after_tax_profits: tuple[Quantity, ...] = ()
    contributory_assets: tuple[ContributoryAsset, ...] = ()
    currency: str = "CNY"
    unit: str = "万元"
    valuation_date: str | None = None
    brand: str | None = None
    notes: str | None = None
    # Not errors, but things a reader of the result should know (e.g. that some draws
    # will be rejected); the CLI prints them, the report lists them.
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def years(self) -> int:
        """The length of the forecast the method uses."""
        return len(self.revenues if self.method == RELIEF_FROM_ROYALTY else self.after_tax_profits)

    def model_inputs(self) -> dict[str, ModelInput]:
        """Every number the chosen method uses, keyed by its path in the input file.

        Paths look like ``revenues[0]``, ``royalty_rate_range.low`` or
        ``contributory_assets[1].return``; they name tornado bars and Monte Carlo draws.
        """
        out: dict[str, ModelInput] = {}

        def add(path: str, quantity: Quantity | None, bounds: Bounds) -> None:
            if quantity is not None:
                out[path] = ModelInput(path, quantity, bounds)

        if self.method == RELIEF_FROM_ROYALTY:
            for year, revenue in enumerate(self.revenues):
                add(f"revenues[{year}]", revenue, REVENUE_BOUNDS)
            add("royalty_rate", self.royalty_rate, ROYALTY_BOUNDS)
            if self.royalty_rate_range is not None:
                add("royalty_rate_range.low", self.royalty_rate_range[0], ROYALTY_BOUNDS)
                add("royalty_rate_range.high", self.royalty_rate_range[1], ROYALTY_BOUNDS)
                add("brand_strength", self.brand_strength, STRENGTH_BOUNDS)
            add("tax_rate", self.tax_rate, TAX_BOUNDS)
        else:
            for year, profit in enumerate(self.after_tax_profits):
                add(f"after_tax_profits[{year}]", profit, PROFIT_BOUNDS)
            for index, asset in enumerate(self.contributory_assets):
                add(f"contributory_assets[{index}].amount", asset.amount, ASSET_AMOUNT_BOUNDS)
                add(f"contributory_assets[{index}].return", asset.required_return, ASSET_RETURN_BOUNDS)
            if self.tax_amortisation_years is not None:
                add("tax_rate", self.tax_rate, TAX_BOUNDS)
        add("discount_rate", self.discount_rate, DISCOUNT_BOUNDS)
        add("terminal_growth", self.terminal_growth, GROWTH_BOUNDS)
        return out

    def to_json(self) -> dict[str, Any]:
        """The input file again (defaults filled in), e.g. to print the assumptions in a report."""
        out: dict[str, Any] = {"method": self.method}
        if self.revenues:
            out["revenues"] = [q.to_json() for q in self.revenues]
        if self.royalty_rate is not None:
            out["royalty_rate"] = self.royalty_rate.to_json()
        if self.royalty_rate_range is not None:
            low, high = self.royalty_rate_range
            out["royalty_rate_range"] = {"low": low.to_json(), "high": high.to_json()}
        if self.brand_strength is not None:
            out["brand_strength"] = self.brand_strength.to_json()
        if self.tax_rate is not None:
            out["tax_rate"] = self.tax_rate.to_json()
        out["discount_rate"] = self.discount_rate.to_json()
        out["terminal_growth"] = None if self.terminal_growth is None else self.terminal_growth.to_json()
        out["mid_year"] = self.mid_year
        out["tax_amortisation_years"] = self.tax_amortisation_years
        if self.after_tax_profits:
            out["after_tax_profits"] = [q.to_json() for q in self.after_tax_profits]
        if self.contributory_assets:
            out["contributory_assets"] = [
                {"name": a.name, "amount": a.amount.to_json(), "return": a.required_return.to_json()}
                for a in self.contributory_assets
            ]
        out["currency"] = self.currency
        out["unit"] = self.unit
        for key in ("valuation_date", "brand", "notes"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


# --------------------------------------------------------------------------- parsing

class _Collector:
    """Gathers problems while the whole file is read, so all are reported together."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: FieldPath, code: str, **params: object) -> None:
        self.problems.append(Problem(f"valuation.{code}", tuple(field), params))

    def quantity(self, value: object, field: FieldPath, bounds: Bounds) -> Quantity | None:
        quantity = parse_quantity(value, field, self.problems)
        if quantity is not None:
            self._check_bounds(quantity, field, bounds)
        return quantity

    def _check_bounds(self, quantity: Quantity, field: FieldPath, bounds: Bounds) -> None:
        if not bounds.contains(quantity.base):
            self.add(field, "out_of_bounds" if isinstance(quantity, Fixed) else "base_out_of_bounds",
                     bounds=bounds.as_param(), value=format_number(quantity.base))
            return
        # A bounded distribution reaching outside the allowed range is a typo in its
        # parameters; an unbounded tail is allowed (its draws are rejected and counted).
        for end in quantity.support():
            if math.isfinite(end) and not bounds.contains(end):
                self.add(field, "support_out_of_bounds", end=format_number(end), bounds=bounds.as_param())
                return

    def forecast(self, value: object, key: str, bounds: Bounds) -> tuple[Quantity, ...] | None:
        if not isinstance(value, list):
            self.add((key,), "forecast_not_list", got=repr(value))
            return None
        if not 1 <= len(value) <= MAX_FORECAST_YEARS:
            self.add((key,), "forecast_years", most=MAX_FORECAST_YEARS, count=len(value))
            return None
        parsed = [self.quantity(item, (key, year), bounds) for year, item in enumerate(value)]
        return None if any(q is None for q in parsed) else tuple(parsed)  # type: ignore[arg-type]

    def text(self, data: dict[str, Any], key: str, default: str | None) -> str | None:
        value = data.get(key, default)
        if value is None or isinstance(value, str):
            return value
        self.add((key,), "not_text", got=repr(value))
        return default

    def unknown_key(self, key: object, known: tuple[str, ...], where: FieldPath = ()) -> None:
        close = difflib.get_close_matches(str(key), known, n=1)
        if close:
            self.add((*where, str(key)), "unknown_key_close", suggestion=repr(close[0]))
        else:
            self.add((*where, str(key)), "unknown_key", known=", ".join(known))


def parse_inputs(data: dict[str, Any]) -> ValuationInputs:
    """Validate a valuation input (the JSON object of ``brandmark-cli value --file``).

    Raises ``ValuationInputError`` listing every problem, one per line.

    >>> inputs = parse_inputs({
    ...     "method": "relief-from-royalty",
    ...     "revenues": [1000, 1100, {"dist": "triangular", "low": 1000, "mode": 1200, "high": 1300}],
    ...     "royalty_rate_range": {"low": 0.02, "high": 0.06}, "brand_strength": 50,
    ...     "tax_rate": 0.25, "discount_rate": 0.12, "terminal_growth": 0.02,
    ... })
    >>> inputs.years, inputs.unit
    (3, '万元')
    >>> parse_inputs({"method": "dcf", "discount_rate": 0})
    Traceback (most recent call last):
    ...
    brandmark.scoring.valuation.errors.ValuationInputError: method: unknown method 'dcf'; use 'relief-from-royalty' or 'excess-earnings'
    discount_rate: must be above 0 and at most 1, got 0
    >>> try:
    ...     parse_inputs({"method": "dcf", "discount_rate": 0})
    ... except ValuationInputError as exc:
    ...     [(p.code, p.field) for p in exc.problems]
    [('valuation.method_unknown', ('method',)), ('valuation.out_of_bounds', ('discount_rate',))]
    """
    if not isinstance(data, dict):
        raise ValuationInputError([Problem("valuation.not_object", ("input",), {"got": type(data).__name__})])
    c = _Collector()
    for key in data:
        if key not in KNOWN_KEYS:
            c.unknown_key(key, KNOWN_KEYS)

    method = data.get("method")
    if method is None:
        c.add(("method",), "method_required")
    elif method not in METHODS:
        c.add(("method",), "method_unknown", got=repr(method))
    is_royalty = method == RELIEF_FROM_ROYALTY
    is_excess = method == EXCESS_EARNINGS

    def optional(key: str, bounds: Bounds) -> Quantity | None:
        return None if data.get(key) is None else c.quantity(data[key], (key,), bounds)

    # ---- forecasts
    revenues = profits = None
    if data.get("revenues") is not None:
        revenues = c.forecast(data["revenues"], "revenues", REVENUE_BOUNDS)
    elif is_royalty:
        c.add(("revenues",), "revenues_required")
    if data.get("after_tax_profits") is not None:
        profits = c.forecast(data["after_tax_profits"], "after_tax_profits", PROFIT_BOUNDS)
    elif is_excess:
        c.add(("after_tax_profits",), "profits_required")
    if revenues is not None and profits is not None and len(revenues) != len(profits):
        c.add(("after_tax_profits",), "years_differ", profits=len(profits), revenues=len(revenues))

    # ---- royalty rate, given directly or placed by brand strength inside a range
    royalty_rate = optional("royalty_rate", ROYALTY_BOUNDS)
    brand_strength = optional("brand_strength", STRENGTH_BOUNDS)
    royalty_range = _parse_range(c, data.get("royalty_rate_range"))
    has_range = data.get("royalty_rate_range") is not None
    has_strength = data.get("brand_strength") is not None
    if data.get("royalty_rate") is not None and (has_range or has_strength):
        c.add(("royalty_rate",), "royalty_twice")
    elif has_range and not has_strength:
        c.add(("brand_strength",), "strength_required")
    elif has_strength and not has_range:
        c.add(("royalty_rate_range",), "range_required")
    elif is_royalty and data.get("royalty_rate") is None and not has_range:
        c.add(("royalty_rate",), "royalty_required")

    # ---- rates
    tax_rate = optional("tax_rate", TAX_BOUNDS)
    discount_rate = optional("discount_rate", DISCOUNT_BOUNDS)
    terminal_growth = optional("terminal_growth", GROWTH_BOUNDS)
    if "discount_rate" not in data or data["discount_rate"] is None:
        c.add(("discount_rate",), "discount_required")
    if discount_rate is not None and terminal_growth is not None \
            and not terminal_growth.base < discount_rate.base:
        c.add(("terminal_growth",), "growth_not_below_discount", growth=format_number(terminal_growth.base),
              discount=format_number(discount_rate.base))

    mid_year = data.get("mid_year", False)
    if mid_year is None:
        mid_year = False
    if not isinstance(mid_year, bool):
        c.add(("mid_year",), "not_boolean", got=repr(mid_year))
        mid_year = False

    amortisation_years = data.get("tax_amortisation_years")
    if amortisation_years is not None:
        if isinstance(amortisation_years, bool) or not isinstance(amortisation_years, int) \
                or not 1 <= amortisation_years <= MAX_FORECAST_YEARS:
            c.add(("tax_amortisation_years",), "amortisation_years", most=MAX_FORECAST_YEARS,
                  got=repr(amortisation_years))
            amortisation_years = None
        elif data.get("tax_rate") is None:
            c.add(("tax_rate",), "tax_required_for_amortisation")
    if is_royalty and data.get("tax_rate") is None:
        c.add(("tax_rate",), "tax_required")

    assets = _parse_assets(c, data.get("contributory_assets"))

    currency = c.text(data, "currency", "CNY")
    unit = c.text(data, "unit", "万元")
    brand = c.text(data, "brand", None)
    notes = c.text(data, "notes", None)
    valuation_date = c.text(data, "valuation_date", None)
    if valuation_date is not None:
        try:
            date.fromisoformat(valuation_date)
        except ValueError:
            c.add(("valuation_date",), "not_a_date", got=repr(valuation_date))

    if c.problems:
        raise ValuationInputError(c.problems)

    inputs = ValuationInputs(
        method=method,  # type: ignore[arg-type]
        discount_rate=discount_rate,  # type: ignore[arg-type]
        revenues=revenues or (),
        royalty_rate=royalty_rate,
        royalty_rate_range=royalty_range,
        brand_strength=brand_strength,
        tax_rate=tax_rate,
        terminal_growth=terminal_growth,
        mid_year=mid_year,
        tax_amortisation_years=amortisation_years,
        after_tax_profits=profits or (),
        contributory_assets=assets,
        currency=currency or "CNY",
        unit=unit or "万元",
        valuation_date=valuation_date,
        brand=brand,
        notes=notes,
    )
    return _with_warnings(inputs)


def _parse_range(c: _Collector, value: object) -> tuple[Quantity, Quantity] | None:
    if value is None:
        return None
    where = ("royalty_rate_range",)
    if not isinstance(value, dict):
        c.add(where, "range_not_object", got=repr(value))
        return None
    for key in value:
        if key not in RANGE_KEYS:
            c.unknown_key(key, RANGE_KEYS, where)
    ends: list[Quantity | None] = []
    for key in RANGE_KEYS:
        if value.get(key) is None:
            c.add((*where, key), "required")
            ends.append(None)
        else:
            ends.append(c.quantity(value[key], (*where, key), ROYALTY_BOUNDS))
    low, high = ends
    if low is None or high is None:
        return None
    if low.base > high.base:
        c.add(where, "range_reversed", low=format_number(low.base), high=format_number(high.base))
        return None
    return (low, high)


def _parse_assets(c: _Collector, value: object) -> tuple[ContributoryAsset, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        c.add(("contributory_assets",), "assets_not_list", got=repr(value))
        return ()
    assets = []
    for index, item in enumerate(value):
        where = ("contributory_assets", index)
        if not isinstance(item, dict):
            c.add(where, "asset_not_object", got=repr(item))
            continue
        for key in item:
            if key not in ASSET_KEYS:
                c.unknown_key(key, ASSET_KEYS, where)
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            c.add((*where, "name"), "asset_name_required")
        parts: dict[str, Quantity | None] = {}
        for key, bounds in (("amount", ASSET_AMOUNT_BOUNDS), ("return", ASSET_RETURN_BOUNDS)):
            if item.get(key) is None:
                c.add((*where, key), "required")
            else:
                parts[key] = c.quantity(item[key], (*where, key), bounds)
        amount, required_return = parts.get("amount"), parts.get("return")
        if isinstance(name, str) and amount is not None and required_return is not None:
            assets.append(ContributoryAsset(name.strip(), amount, required_return))
    return tuple(assets)


def _with_warnings(inputs: ValuationInputs) -> ValuationInputs:
    """Add the notes a reader needs about draws Monte Carlo will reject."""
    warnings = []
    for model_input in inputs.model_inputs().values():
        if model_input.can_leave_bounds:
            q = model_input.quantity
            outside = q.cdf(model_input.bounds.lower) + (1.0 - q.cdf(model_input.bounds.upper))
            warnings.append(
                f"{model_input.path}: about {outside:.2%} of draws fall outside the allowed range "
                f"({model_input.bounds.describe()}); Monte Carlo rejects and counts them "
                "(give min/max to truncate instead)"
            )
    growth, discount = inputs.terminal_growth, inputs.discount_rate
    if growth is not None and growth.support()[1] >= discount.support()[0]:
        warnings.append(
            f"terminal_growth: can reach discount_rate in some draws (growth up to {format_number(growth.support()[1])}, "
            f"discount down to {format_number(discount.support()[0])}); Monte Carlo rejects and counts those draws"
        )
    return replace(inputs, warnings=tuple(warnings))


def base_draws(inputs: ValuationInputs) -> dict[str, float]:
    """Every model input at its base value: the deterministic estimate's inputs."""
    return {path: m.quantity.base for path, m in inputs.model_inputs().items()}


__all__ = [
    "Bounds", "ContributoryAsset", "EXCESS_EARNINGS", "METHODS", "ModelInput",
    "RELIEF_FROM_ROYALTY", "ValuationInputs", "base_draws", "parse_inputs",
]
