"""Brand strength: section scores → a 0–100 index → a royalty rate inside a range.

ISO 10668 and GB/T 29187 let a brand-strength assessment set where, inside the
range of royalty rates seen for comparable licences, this brand's rate lies. A
strong brand commands the top of the range, a weak one the bottom:

    royalty_rate = low + brand_strength / 100 × (high − low)

The index itself is a weighted average of section scores (each 0–100). The default
weights below are brandmark's own modelling choice, not taken from a standard: the
four sections are the four characteristics of DB33/T 944 (品质卓越, 自主创新,
产业协同, 社会责任), and quality excellence weighs most because it is the promise
the 品字标 mark makes to a buyer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike

from brandmark.scoring.valuation.distributions import is_number
from brandmark.scoring.valuation.errors import ValuationInputError

DEFAULT_SECTION_WEIGHTS: Mapping[str, float] = MappingProxyType({
    "quality": 0.35,         # 品质卓越 quality excellence
    "innovation": 0.25,      # 自主创新 own innovation
    "synergy": 0.15,         # 产业协同 supply-chain synergy
    "responsibility": 0.25,  # 社会责任 social responsibility
})

# Other spellings an assessment pack may use for the same four sections.
SECTION_ALIASES: Mapping[str, str] = MappingProxyType({
    "品质卓越": "quality",
    "quality_excellence": "quality",
    "自主创新": "innovation",
    "own_innovation": "innovation",
    "产业协同": "synergy",
    "supply_chain_synergy": "synergy",
    "industrial_synergy": "synergy",
    "社会责任": "responsibility",
    "social_responsibility": "responsibility",
})

# A section with a name outside the table weighs as much as an average known one,
# so a dict of only unknown names gives a plain equal-weight average.
UNKNOWN_SECTION_WEIGHT = sum(DEFAULT_SECTION_WEIGHTS.values()) / len(DEFAULT_SECTION_WEIGHTS)


def _canonical(name: str) -> str:
    key = re.sub(r"[\s\-]+", "_", name.strip().lower())
    return SECTION_ALIASES.get(key, key)


def brand_strength_index(
    section_scores: Mapping[str, float],
    weights: Mapping[str, float] | None = None,
) -> float:
    """Weighted average of section scores (each 0–100), as a 0–100 brand-strength index.

    Names are matched case-insensitively (``"Quality"``, ``"品质卓越"`` and
    ``"quality_excellence"`` are the same section). Weights default to
    ``DEFAULT_SECTION_WEIGHTS``; a section not in the weights counts with
    ``UNKNOWN_SECTION_WEIGHT``. Weights are renormalised over the sections given,
    so a missing section neither lowers nor raises the index.

    >>> brand_strength_index({"quality": 80, "innovation": 60, "synergy": 70, "responsibility": 90})
    76.0
    >>> brand_strength_index({"design": 40, "service": 80})   # unknown names: equal weights
    60.0
    """
    table = {_canonical(k): float(v) for k, v in (weights or DEFAULT_SECTION_WEIGHTS).items()}
    problems: list[str] = []
    if not section_scores:
        problems.append("section_scores: give at least one section score (0-100)")
    total = weight_sum = 0.0
    for name, score in section_scores.items():
        if not is_number(score) or not 0.0 <= score <= 100.0:
            problems.append(f"section_scores.{name}: must be a number between 0 and 100, got {score!r}")
            continue
        weight = table.get(_canonical(name), UNKNOWN_SECTION_WEIGHT)
        if not weight >= 0.0:
            problems.append(f"weights.{name}: must not be negative, got {weight!r}")
            continue
        total += weight * float(score)
        weight_sum += weight
    if not problems and weight_sum <= 0.0:
        problems.append("weights: the sections given all weigh 0")
    if problems:
        raise ValuationInputError(problems)
    return total / weight_sum


def royalty_rate_from_strength(low: ArrayLike, high: ArrayLike, brand_strength: ArrayLike) -> np.ndarray:
    """The royalty rate a 0–100 brand strength places inside ``[low, high]``.

    Works elementwise on arrays, so the Monte Carlo run can pass draws.

    >>> round(float(royalty_rate_from_strength(0.02, 0.06, 75)), 12)
    0.05
    """
    low = np.asarray(low, dtype=np.float64)
    return low + np.asarray(brand_strength, dtype=np.float64) / 100.0 * (np.asarray(high, dtype=np.float64) - low)
