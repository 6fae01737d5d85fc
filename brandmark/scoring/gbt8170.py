"""GB/T 8170-2008: rounding (数值修约) and judging a value against a limit.

Values arrive as strings and are handled as ``Decimal``: a binary float cannot
hold 96.95 exactly, and the standard's "exactly half" case depends on it.

>>> judge(">=97.0", "96.96", method="rounded").passed
True
>>> judge(">=97.0", "96.96").passed   # 全数值比较法 is the default
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext
from typing import Any

from brandmark.errors import RefusedInput
# Limits and the method names live below both this module and the pack loader.
from brandmark.limits import FULL, METHODS, ROUNDED, InvalidLimit, Limit, decimals_of, parse_limit

__all__ = ["FULL", "METHODS", "ROUNDED", "InvalidLimit", "InvalidMeasurement", "Judgement", "Limit",
           "decimals_of", "judge", "parse_decimal", "parse_limit", "round_value"]

# No measurement has 100 digits before the point; refusing such values keeps rounding exact
# (decimal's context cannot quantize past its precision and exponent limits).
MAX_MAGNITUDE = 100
# The furthest rounding place a judgement may name, either side of the point (-2 rounds to
# hundreds). Without a bound, ``decimals=10**9`` would print a billion zeros.
MAX_DECIMALS = 10


class InvalidMeasurement(RefusedInput):
    pass


def parse_decimal(text: str | int | Decimal, what: str = "value") -> Decimal:
    """A finite ``Decimal`` from a string such as ``"96.96"``; floats are refused."""
    if isinstance(text, float) or isinstance(text, bool):
        raise InvalidMeasurement.of("measurement.float", (what,), got=repr(text))
    cleaned = str(text).strip().replace("\u2212", "-").replace("＋", "+").replace("－", "-")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidMeasurement.of("measurement.not_a_number", (what,), text=str(text)) from None
    if not number.is_finite():
        raise InvalidMeasurement.of("measurement.not_finite", (what,), text=str(text))
    if number and number.adjusted() >= MAX_MAGNITUDE:
        raise InvalidMeasurement.of("measurement.too_large", (what,), text=str(text), most=MAX_MAGNITUDE)
    return number


def round_value(value: str | Decimal, decimals: int) -> Decimal:
    """Round once, from the full value, half to even (四舍六入五成双).

    >>> str(round_value("2.25", 1)), str(round_value("2.35", 1)), str(round_value("-2.25", 1))
    ('2.2', '2.4', '-2.2')
    """
    number = parse_decimal(value)
    with localcontext() as context:
        # quantize() fails when the result needs more digits than the context's precision
        # (28 by default): give it every digit the value has, plus the decimals asked for.
        context.prec = max(context.prec, number.adjusted() + decimals + 2)
        return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True)
class Judgement:
    passed: bool
    compared: Decimal   # the value actually compared with the limit
    method: str
    limit: Limit

    @property
    def verdict(self) -> str:
        return "pass" if self.passed else "fail"

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "compared": str(self.compared), "method": self.method,
                "limit": self.limit.text}


def judge(limit: str | Limit, value: str | Decimal, method: str = FULL,
          decimals: int | None = None) -> Judgement:
    """Judge a measured value against a limit by 全数值比较法 or 修约值比较法.

    ``decimals`` is the rounding place for the rounded method; by default the
    limit's own decimals.
    """
    if method not in METHODS:
        raise RefusedInput.of("measurement.method", ("judgement_method",), method=str(method))
    if decimals is not None and (isinstance(decimals, bool) or not isinstance(decimals, int)
                                 or not -MAX_DECIMALS <= decimals <= MAX_DECIMALS):
        raise RefusedInput.of("measurement.decimals", ("decimals",), most=MAX_DECIMALS, got=repr(decimals))
    parsed = limit if isinstance(limit, Limit) else parse_limit(limit)
    number = parse_decimal(value, "measured value")   # a Decimal too: NaN is refused, not compared
    compared = number
    if method == ROUNDED:
        compared = round_value(number, parsed.decimals if decimals is None else decimals)
    return Judgement(parsed.admits(compared), compared, method, parsed)
