"""Limits as a standard writes them (``>=97.0``, ``1.2~1.6``, ``10.0±0.1``) and the two
judgement methods of GB/T 8170-2008.

Both the pack loader (which checks a pack's limits) and the judging in
``brandmark.scoring.gbt8170`` need them; they live here, below both.

>>> parse_limit("1.2~1.6").decimals
1
>>> try:
...     parse_limit("about 97")
... except InvalidLimit as exc:
...     print(exc.problems[0].code, exc.message("en"))
limit.not_understood limit 'about 97' is not understood; write it as >=97.0, <=0.5, <3, >1, 1.2~1.6 or 10.0±0.1
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from brandmark.errors import RefusedInput

FULL = "full"        # 全数值比较法
ROUNDED = "rounded"  # 修约值比较法
METHODS = (FULL, ROUNDED)


class InvalidLimit(RefusedInput):
    """A limit that cannot be read (``limit.*`` codes)."""


def decimals_of(number: Decimal) -> int:
    """How many decimals a written number shows: ``97.0`` → 1, ``5`` → 0."""
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@dataclass(frozen=True)
class Limit:
    """A limit as written in a standard: one-sided, a range, or nominal ± tolerance."""

    text: str
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool
    high_inclusive: bool
    decimals: int  # the decimals the limit is written with; rounding goes to these

    def admits(self, value: Decimal) -> bool:
        if self.low is not None:
            if value < self.low or (value == self.low and not self.low_inclusive):
                return False
        if self.high is not None:
            if value > self.high or (value == self.high and not self.high_inclusive):
                return False
        return True


_ONE_SIDED = re.compile(r"^(>=|<=|≥|≤|>|<|＞|＜)\s*([-+]?\d+(?:\.\d+)?)$")
_RANGE = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(?:~|～|至|\.\.)\s*([-+]?\d+(?:\.\d+)?)$")
_TOLERANCE = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(?:±|\+/-|\+-)\s*(\d+(?:\.\d+)?)$")


def parse_limit(text: str) -> Limit:
    """Parse ``>=97.0``, ``<=0.5``, ``<3``, ``>1``, ``1.2~1.6`` or ``10.0±0.1``.

    Ranges and tolerances include both ends.
    """
    written = str(text).strip()
    if match := _ONE_SIDED.match(written):
        op, number_text = match.groups()
        op = {"≥": ">=", "≤": "<=", "＞": ">", "＜": "<"}.get(op, op)
        number = Decimal(number_text)
        decimals = decimals_of(number)
        if op.startswith(">"):
            return Limit(written, number, None, op == ">=", True, decimals)
        return Limit(written, None, number, True, op == "<=", decimals)
    if match := _RANGE.match(written):
        low, high = (Decimal(x) for x in match.groups())
        if low > high:
            raise InvalidLimit.of("limit.reversed", limit=written)
        return Limit(written, low, high, True, True, max(decimals_of(low), decimals_of(high)))
    if match := _TOLERANCE.match(written):
        nominal, tolerance = (Decimal(x) for x in match.groups())
        decimals = max(decimals_of(nominal), decimals_of(tolerance))
        return Limit(written, nominal - tolerance, nominal + tolerance, True, True, decimals)
    raise InvalidLimit.of("limit.not_understood", limit=written)
