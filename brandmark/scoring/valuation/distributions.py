"""Uncertain inputs: a plain number or one of four distributions.

Every number of a valuation input may be written as a number or as a distribution
object; each becomes a ``Quantity`` that knows

- its **base** value, used by the deterministic estimate and the tornado;
- its **support** (smallest and largest value it can take);
- its **quantile** at a probability (for the tornado's P10 / P90);
- how to **sample** a vector of draws from a numpy ``Generator``.

>>> q = parse_quantity({"dist": "triangular", "low": 0.02, "mode": 0.03, "high": 0.05}, "royalty_rate", [])
>>> q.base, q.support()
(0.03, (0.02, 0.05))

Sampling consumes each generator strictly in order (one uniform per draw, or the
ziggurat normal, which keeps no buffered value), so drawing 300 then 700 values
gives the same 1000 values as drawing 1000 at once. The Monte Carlo run relies on
this to make its results independent of its chunk size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from statistics import NormalDist
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Union

import numpy as np

if TYPE_CHECKING:
    from brandmark.errors import FieldPath, Problem

_STANDARD_NORMAL = NormalDist()

# Smallest probability handed to the inverse CDF: keeps log() finite when a uniform
# draw lands exactly on 0 (chance 2**-53 per draw, but it happens at 10M trials).
_TINY = np.finfo(np.float64).tiny
_ALMOST_ONE = 1.0 - 2.0**-53

# A truncation window holding less probability than this is almost surely a typo
# (say min and max swapped around the mean by many sd), and the inverse CDF can no
# longer tell its two ends apart.
_MIN_WINDOW_PROBABILITY = 1e-12


def format_number(x: float) -> str:
    """A number as a message shows it: every digit the user typed, no binary noise.

    >>> format_number(0.1), format_number(1234567.0), format_number(0.1 + 0.2)
    ('0.1', '1234567', '0.3')
    """
    return f"{x:.15g}"


def format_amount(value: float | None) -> str:
    """An amount with thousands separators and two decimals; "—" for none (the report and the
    window show estimates so).

    >>> format_amount(4832.6712)
    '4,832.67'
    """
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:,.2f}"


# --------------------------------------------------------------------------- normal helpers

def standard_normal_cdf(x: float) -> float:
    """Φ(x) through ``erfc``, which stays accurate far into the lower tail."""
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


# Peter Acklam's rational approximation of the inverse normal CDF, relative error
# below 1.15e-9 over the whole range: far finer than any Monte Carlo sampling error,
# and vectorised, which statistics.NormalDist.inv_cdf is not (numpy has no ndtri).
_A = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02,
      1.383577518672690e02, -3.066479806614716e01, 2.506628277459239e00)
_B = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02,
      6.680131188771972e01, -1.328068155288572e01)
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00,
      -2.549732539343734e00, 4.374664141464968e00, 2.938163982698783e00)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00,
      3.754408661907416e00)
_P_LOW = 0.02425


def _tail(q: np.ndarray) -> np.ndarray:
    numerator = ((((_C[0] * q + _C[1]) * q + _C[2]) * q + _C[3]) * q + _C[4]) * q + _C[5]
    denominator = (((_D[0] * q + _D[1]) * q + _D[2]) * q + _D[3]) * q + 1.0
    ratio: np.ndarray = numerator / denominator
    return ratio


def _horner(x: np.ndarray, coefficients: tuple[float, ...]) -> np.ndarray:
    """((c0·x + c1)·x + c2)… in place on a new array: the same operations, in the same order,
    as the expression written out."""
    total = x * coefficients[0]
    for coefficient in coefficients[1:-1]:
        total += coefficient
        total *= x
    total += coefficients[-1]
    return total


def standard_normal_ppf(p: np.ndarray) -> np.ndarray:
    """Inverse standard normal CDF of an array of probabilities in (0, 1).

    >>> standard_normal_ppf(np.array([0.5, 0.975])).round(6).tolist()
    [0.0, 1.959964]
    """
    p = np.asarray(p, dtype=np.float64)
    # The central formula runs over the whole array and the few tail values are then
    # overwritten: gathering and scattering the central 95 % cost more than the wasted
    # arithmetic on the tails' slots (its denominator stays above 1e-4 on all of (0, 1)).
    # Every value still goes through the same operations as when each region was
    # computed apart, so the draws keep their bits (tests/test_valuation_stream.py).
    q = p - 0.5
    r = q * q
    z = _horner(r, _A)
    z *= q
    z /= _horner(r, _B + (1.0,))
    lower = np.flatnonzero(p < _P_LOW)
    if lower.size:
        z.flat[lower] = _tail(np.sqrt(-2.0 * np.log(p.flat[lower])))
    upper = np.flatnonzero(p > 1.0 - _P_LOW)
    if upper.size:
        z.flat[upper] = -_tail(np.sqrt(-2.0 * np.log1p(-p.flat[upper])))
    return z


@dataclass(frozen=True)
class _StandardNormalWindow:
    """The standard normal restricted to ``[lower, upper]`` (either may be infinite).

    Sampled by inverse CDF: a uniform u maps to Φ⁻¹(Φ(lower) + u·(Φ(upper) − Φ(lower))).
    A window wholly in the upper tail is mirrored to ``[-upper, -lower]``: the normal
    is symmetric, and near 1 a double cannot resolve Φ, whereas near 0 it can.
    """

    lower: float
    upper: float

    @property
    def _mirrored(self) -> bool:
        return self.lower > 0.0

    def _probabilities(self) -> tuple[float, float]:
        a, b = (-self.upper, -self.lower) if self._mirrored else (self.lower, self.upper)
        return standard_normal_cdf(a), standard_normal_cdf(b)

    def probability(self) -> float:
        p_low, p_high = self._probabilities()
        return p_high - p_low

    def quantile(self, q: float) -> float:
        p_low, p_high = self._probabilities()
        if self._mirrored:
            q = 1.0 - q
        p = min(max(p_low + q * (p_high - p_low), 1e-300), _ALMOST_ONE)
        z = _STANDARD_NORMAL.inv_cdf(p)
        z = -z if self._mirrored else z
        return min(max(z, self.lower), self.upper)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        p_low, p_high = self._probabilities()
        p = p_low + rng.random(n) * (p_high - p_low)
        np.clip(p, _TINY, _ALMOST_ONE, out=p)
        z = standard_normal_ppf(p)
        if self._mirrored:
            np.negative(z, out=z)
        # The approximation may overshoot a bound by ~1e-9 relative; never leave the window.
        return np.clip(z, self.lower, self.upper, out=z)


# --------------------------------------------------------------------------- quantities

@dataclass(frozen=True)
class Fixed:
    """A plain number: no uncertainty."""

    value: float

    uncertain = False

    @property
    def base(self) -> float:
        return self.value

    def support(self) -> tuple[float, float]:
        return (self.value, self.value)

    def quantile(self, q: float) -> float:
        return self.value

    def cdf(self, x: float) -> float:
        return 1.0 if x >= self.value else 0.0

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.full(n, self.value)

    def to_json(self) -> float:
        return self.value


@dataclass(frozen=True)
class Triangular:
    """``{"dist": "triangular", "low", "mode", "high"}``; base value: the mode."""

    low: float
    mode: float
    high: float

    uncertain = True

    @property
    def base(self) -> float:
        return self.mode

    def support(self) -> tuple[float, float]:
        return (self.low, self.high)

    def quantile(self, q: float) -> float:
        width = self.high - self.low
        if q <= (self.mode - self.low) / width:
            return self.low + math.sqrt(q * width * (self.mode - self.low))
        return self.high - math.sqrt((1.0 - q) * width * (self.high - self.mode))

    def cdf(self, x: float) -> float:
        if x <= self.low:
            return 0.0
        if x >= self.high:
            return 1.0
        width = self.high - self.low
        if x <= self.mode:
            return (x - self.low) ** 2 / (width * (self.mode - self.low))
        return 1.0 - (self.high - x) ** 2 / (width * (self.high - self.mode))

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        # numpy's Generator.triangular is this same inverse CDF of one uniform per draw
        # (random_triangular in its distributions.c), run element by element through its
        # broadcasting machinery: four times slower than the arithmetic on an array of
        # rng.random(n). Same uniforms, same operations, so the same bits: seeded estimates
        # saved before stay reproducible (tests/test_valuation_stream.py).
        width = self.high - self.low
        left_width = self.mode - self.low
        left_share = left_width / width
        left_product = left_width * width
        right_product = (self.high - self.mode) * width
        u = rng.random(n)
        on_the_left = u <= left_share
        left = u * left_product
        np.sqrt(left, out=left)
        left += self.low
        right = np.subtract(1.0, u, out=u)
        right *= right_product
        np.sqrt(right, out=right)
        np.subtract(self.high, right, out=right)
        return np.where(on_the_left, left, right)

    def to_json(self) -> dict[str, Any]:
        return {"dist": "triangular", "low": self.low, "mode": self.mode, "high": self.high}


@dataclass(frozen=True)
class Uniform:
    """``{"dist": "uniform", "low", "high"}``; base value: the mean."""

    low: float
    high: float

    uncertain = True

    @property
    def base(self) -> float:
        return 0.5 * (self.low + self.high)

    def support(self) -> tuple[float, float]:
        return (self.low, self.high)

    def quantile(self, q: float) -> float:
        return self.low + q * (self.high - self.low)

    def cdf(self, x: float) -> float:
        return min(max((x - self.low) / (self.high - self.low), 0.0), 1.0)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return rng.uniform(self.low, self.high, n)

    def to_json(self) -> dict[str, Any]:
        return {"dist": "uniform", "low": self.low, "high": self.high}


@dataclass(frozen=True)
class Normal:
    """``{"dist": "normal", "mean", "sd"}``, optionally truncated by ``"min"`` / ``"max"``.

    Truncation is by inverse CDF, not by resampling: every draw costs exactly one
    uniform, so results stay independent of chunk size. The base value is the
    untruncated mean clipped to the bounds (not the truncated distribution's mean:
    the base is the user's best estimate, which they wrote as the mean).
    """

    mean: float
    sd: float
    minimum: float | None = None
    maximum: float | None = None

    uncertain = True

    @property
    def truncated(self) -> bool:
        return self.minimum is not None or self.maximum is not None

    @property
    def base(self) -> float:
        return min(max(self.mean, self.support()[0]), self.support()[1])

    def support(self) -> tuple[float, float]:
        low = -math.inf if self.minimum is None else self.minimum
        high = math.inf if self.maximum is None else self.maximum
        return (low, high)

    def _window(self) -> _StandardNormalWindow:
        low, high = self.support()
        return _StandardNormalWindow((low - self.mean) / self.sd, (high - self.mean) / self.sd)

    def quantile(self, q: float) -> float:
        return self.mean + self.sd * self._window().quantile(q)

    def cdf(self, x: float) -> float:
        window = self._window()
        z = (x - self.mean) / self.sd
        if z <= window.lower:
            return 0.0
        if z >= window.upper:
            return 1.0
        return _StandardNormalWindow(window.lower, z).probability() / window.probability()

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if not self.truncated:
            z = rng.standard_normal(n)
        else:
            z = self._window().sample(rng, n)
        z *= self.sd
        z += self.mean
        return z

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"dist": "normal", "mean": self.mean, "sd": self.sd}
        if self.minimum is not None:
            out["min"] = self.minimum
        if self.maximum is not None:
            out["max"] = self.maximum
        return out


@dataclass(frozen=True)
class LogNormal:
    """``{"dist": "lognormal", "mean", "sd"}``: mean and sd of the variable itself.

    Users think in the quantity they know ("revenue 1000 ± 200"), not in its
    logarithm, so they are converted:

        σ² = ln(1 + sd² / mean²),   μ = ln(mean) − σ² / 2

    which makes E[X] = mean and SD[X] = sd exactly. Optional ``"min"`` / ``"max"``
    truncate it like the normal (inverse CDF on the log scale). Base value: the
    mean, clipped to the bounds.
    """

    mean: float
    sd: float
    minimum: float | None = None
    maximum: float | None = None

    uncertain = True

    @property
    def sigma(self) -> float:
        return math.sqrt(math.log1p((self.sd / self.mean) ** 2))

    @property
    def mu(self) -> float:
        return math.log(self.mean) - 0.5 * self.sigma**2

    @property
    def truncated(self) -> bool:
        return self.minimum is not None or self.maximum is not None

    @property
    def base(self) -> float:
        low, high = self.support()
        return min(max(self.mean, low), high)

    def support(self) -> tuple[float, float]:
        # A lognormal never reaches 0: report the smallest positive double, so that a
        # field open at 0 (the discount rate) accepts an untruncated lognormal.
        low = math.ulp(0.0) if not self.minimum else self.minimum
        high = math.inf if self.maximum is None else self.maximum
        return (low, high)

    def _window(self) -> _StandardNormalWindow:
        log_low = -math.inf if not self.minimum else (math.log(self.minimum) - self.mu) / self.sigma
        log_high = math.inf if self.maximum is None else (math.log(self.maximum) - self.mu) / self.sigma
        return _StandardNormalWindow(log_low, log_high)

    def quantile(self, q: float) -> float:
        return math.exp(self.mu + self.sigma * self._window().quantile(q))

    def cdf(self, x: float) -> float:
        if x <= 0.0:
            return 0.0
        window = self._window()
        z = (math.log(x) - self.mu) / self.sigma
        if z <= window.lower:
            return 0.0
        if z >= window.upper:
            return 1.0
        return _StandardNormalWindow(window.lower, z).probability() / window.probability()

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        z = self._window().sample(rng, n) if self.truncated else rng.standard_normal(n)
        z *= self.sigma
        z += self.mu
        return np.exp(z, out=z)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"dist": "lognormal", "mean": self.mean, "sd": self.sd}
        if self.minimum is not None:
            out["min"] = self.minimum
        if self.maximum is not None:
            out["max"] = self.maximum
        return out


Quantity = Union[Fixed, Triangular, Uniform, Normal, LogNormal]

# dist name → (required parameters, optional parameters)
DISTRIBUTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "triangular": (("low", "mode", "high"), ()),
    "normal": (("mean", "sd"), ("min", "max")),
    "lognormal": (("mean", "sd"), ("min", "max")),
    "uniform": (("low", "high"), ()),
}


def is_number(value: object) -> bool:
    """A finite JSON number; ``True``/``False`` are not numbers here.

    A whole number too large for a float (JSON allows 400 digits) is not one either:
    ``math.isfinite`` would raise on it.

    >>> is_number(12), is_number(1.5), is_number(int("9" * 400)), is_number(True)
    (True, True, False, False)
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        return False
    if isinstance(value, int):
        return abs(value) <= _LARGEST_FLOAT
    return math.isfinite(value)


_LARGEST_FLOAT = 1.7976931348623157e308


def _digits_if_too_large(value: object) -> int | None:
    """The number of digits of a whole number too large for a float, else ``None``."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _LARGEST_FLOAT:
        return len(str(abs(value)))
    return None


# The largest sd/mean a lognormal may have: beyond about 1e154 its σ is infinite.
MAX_LOGNORMAL_SPREAD = 1e150


def parse_quantity(value: object, field: FieldPath | str, problems: list[Problem]) -> Quantity | None:
    """A ``Quantity`` from a number or a distribution object.

    Problems are appended to ``problems`` (each a ``Problem`` naming ``field``, an input
    path such as ``("revenues", 2)``) and ``None`` is returned, so the caller can go on and
    report every problem of the file at once.

    >>> problems = []
    >>> parse_quantity({"dist": "normal", "mean": 5, "sd": 0}, ("tax_rate",), problems) is None
    True
    >>> [(p.code, p.field, p.params["sd"]) for p in problems]
    [('valuation.sd_not_positive', ('tax_rate',), '0')]
    """
    from brandmark.errors import Problem

    path = (field,) if isinstance(field, str) else tuple(field)

    def add(code: str, **params: object) -> None:
        problems.append(Problem(f"valuation.{code}", path, params))

    if is_number(value):
        return Fixed(float(value))  # type: ignore[arg-type]
    digits = _digits_if_too_large(value)
    if digits is not None:
        problems.append(Problem("limits.number_too_large", path, {"digits": digits}))
        return None
    if value is None:
        add("number_missing")
        return None
    if not isinstance(value, dict):
        add("not_a_quantity", got=repr(value))
        return None
    name = value.get("dist")
    # isinstance first: a list or an object as the name is unhashable, not merely unknown.
    if not isinstance(name, str) or name not in DISTRIBUTIONS:
        known = ", ".join(DISTRIBUTIONS)
        if name is None:
            add("dist_missing", known=known)
        else:
            add("dist_unknown", got=repr(name), known=known)
        return None

    required, optional = DISTRIBUTIONS[name]
    before = len(problems)
    for key in value:
        if key != "dist" and key not in required and key not in optional:
            add("dist_unknown_key", got=repr(key), dist=_term(name), allowed=", ".join(required + optional))
    params: dict[str, float] = {}
    for key in required + optional:
        if key not in value or (key in optional and value[key] is None):
            if key in required:
                add("dist_needs", dist=_term(name), key=_term(key))
            continue
        if not is_number(value[key]):
            digits = _digits_if_too_large(value[key])
            if digits is not None:
                problems.append(Problem("limits.number_too_large", path + (key,), {"digits": digits}))
            else:
                add("dist_not_a_number", dist=_term(name), key=_term(key), got=repr(value[key]))
            continue
        params[key] = float(value[key])
    if len(problems) > before:
        return None
    return _build(name, params, add, problems)


def _term(key: str) -> dict[str, str]:
    """A distribution or parameter name in each catalogue language (``[valuation_terms]``)."""
    from brandmark.messages import term

    return term("valuation_terms", key)


def _build(name: str, p: dict[str, float], add: Callable[..., None], problems: list[Problem]) -> Quantity | None:
    f = format_number
    before = len(problems)
    if name == "triangular":
        if not p["low"] < p["high"]:
            add("triangular_low_high", low=f(p["low"]), high=f(p["high"]))
        elif not p["low"] <= p["mode"] <= p["high"]:
            add("triangular_mode", low=f(p["low"]), mode=f(p["mode"]), high=f(p["high"]))
        return None if len(problems) > before else Triangular(p["low"], p["mode"], p["high"])
    if name == "uniform":
        if not p["low"] < p["high"]:
            add("uniform_low_high", low=f(p["low"]), high=f(p["high"]))
            return None
        return Uniform(p["low"], p["high"])

    # normal and lognormal
    if not p["sd"] > 0.0:
        add("sd_not_positive", dist=_term(name), sd=f(p["sd"]))
    if name == "lognormal":
        if not p["mean"] > 0.0:
            add("lognormal_mean", mean=f(p["mean"]))
        if "min" in p and p["min"] < 0.0:
            add("lognormal_min", min=f(p["min"]))
        # σ² = ln(1 + (sd/mean)²) overflows past sd/mean ≈ 1.3e154, and every draw becomes NaN.
        if p["mean"] > 0.0 and p["sd"] > 0.0 and not p["sd"] / p["mean"] <= MAX_LOGNORMAL_SPREAD:
            add("lognormal_spread", sd=f(p["sd"]), mean=f(p["mean"]), most=f"{MAX_LOGNORMAL_SPREAD:g}")
    if "min" in p and "max" in p and not p["min"] < p["max"]:
        add("min_not_below_max", dist=_term(name), min=f(p["min"]), max=f(p["max"]))
    if len(problems) > before:
        return None
    cls = Normal if name == "normal" else LogNormal
    quantity = cls(p["mean"], p["sd"], p.get("min"), p.get("max"))
    if quantity.truncated and quantity._window().probability() < _MIN_WINDOW_PROBABILITY:
        add("window_empty", dist=_term(name), mean=f(p["mean"]), sd=f(p["sd"]))
        return None
    return quantity
