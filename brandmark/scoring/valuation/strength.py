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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Protocol

import numpy as np
from numpy.typing import ArrayLike

from brandmark.errors import Problem
from brandmark.scoring.valuation.distributions import format_number, is_number
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
    problems: list[Problem] = []
    if not section_scores:
        problems.append(Problem("valuation.no_section_scores", ("section_scores",)))
    total = weight_sum = 0.0
    for name, score in section_scores.items():
        if not is_number(score) or not 0.0 <= score <= 100.0:
            problems.append(Problem("valuation.section_score", ("section_scores", str(name)), {"got": repr(score)}))
            continue
        weight = table.get(_canonical(name), UNKNOWN_SECTION_WEIGHT)
        if not weight >= 0.0:
            problems.append(Problem("valuation.negative_weight", ("weights", str(name)), {"got": repr(weight)}))
            continue
        total += weight * float(score)
        weight_sum += weight
    if not problems and weight_sum <= 0.0:
        problems.append(Problem("valuation.all_weights_zero", ("weights",)))
    if problems:
        raise ValuationInputError(problems)
    return total / weight_sum


def format_score(value: float) -> str:
    """A brand strength or a 0–100 score as the window and the report both show it: rounded
    to two decimals, no trailing zeros (the number the valuation input holds).

    >>> format_score(82.702), format_score(88.0), format_score(92.3077)
    ('82.7', '88', '92.31')
    """
    return format_number(round(float(value), 2))


def royalty_rate_from_strength(low: ArrayLike, high: ArrayLike, brand_strength: ArrayLike) -> np.ndarray:
    """The royalty rate a 0–100 brand strength places inside ``[low, high]``.

    Works elementwise on arrays, so the Monte Carlo run can pass draws.

    >>> round(float(royalty_rate_from_strength(0.02, 0.06, 75)), 12)
    0.05
    """
    low = np.asarray(low, dtype=np.float64)
    strength = np.asarray(brand_strength, dtype=np.float64)
    rate: np.ndarray = low + strength / 100.0 * (np.asarray(high, dtype=np.float64) - low)
    return rate


# --------------------------------------------------------------------------- from an assessment
# An assessment's scored sections map onto brand-value *elements*: the five of GB/T 29186
# (品牌价值要素评价: 有形 tangible, 质量 quality, 创新 innovation, 服务 service, 无形 intangible)
# plus the two characteristics of DB33/T 944 that GB/T 29186 has no element for (产业协同
# synergy, 社会责任 responsibility). Which section feeds which element is the pack's data
# (``[[sections]] brand_element``, docs/pack-format.md); the element weights are brandmark's
# modelling choice (documented in ``docs/valuation.md``). ``brandmark.valuation_prefill``
# reads the assessment and its pack's mapping from the store and calls ``strength_from_sections``.

BASIS_ELEMENTS = "elements"   # every scored section names its element
BASIS_TOTAL = "total"         # some section names none: the assessment's total score (0–100) instead

# element id → (中文, English, weight). Weights sum to 1 and are renormalised over the
# elements a pack has; quality weighs most because it is the promise the 品字标 mark makes.
ELEMENTS: Mapping[str, tuple[str, str, float]] = MappingProxyType({
    "quality": ("质量要素", "Quality", 0.30),
    "innovation": ("创新要素", "Innovation", 0.15),
    "service": ("服务要素", "Service", 0.15),
    "tangible": ("有形要素", "Tangible", 0.10),
    "intangible": ("无形要素", "Intangible", 0.10),
    "synergy": ("产业协同", "Supply-chain synergy", 0.10),
    "responsibility": ("社会责任", "Social responsibility", 0.10),
})
ELEMENT_WEIGHTS: Mapping[str, float] = MappingProxyType({k: w for k, (_zh, _en, w) in ELEMENTS.items()})

@dataclass(frozen=True)
class ElementScore:
    """One element's score (0–100): its sections' scores summed over their maxima."""

    element: str
    title: str
    title_en: str
    weight: float
    score: float
    sections: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"element": self.element, "title": self.title, "title_en": self.title_en,
                "weight": self.weight, "score": round(self.score, 4), "sections": list(self.sections)}


class ScoredSection(Protocol):
    """A section's score as the scorer gives it (``scorer.SectionScore``)."""

    @property
    def id(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def max(self) -> float: ...


def strength_from_sections(sections: Sequence[ScoredSection], total: float, section_elements: Mapping[str, str]
                           ) -> tuple[float, str, tuple[ElementScore, ...], tuple[str, ...]]:
    """The index from scored sections (objects with ``id``, ``score``, ``max``) and the pack's
    ``section_elements`` (section id → element id, ``Pack.brand_elements()``).

    Returns ``(index, basis, elements, unmapped_sections)``. Sections with maximum 0 (the
    application gate) carry no score and are skipped. When every scored section names an
    element, the index is ``brand_strength_index`` over the element scores with
    ``ELEMENT_WEIGHTS``; otherwise it is ``total``, and ``unmapped_sections`` says which
    sections named none (the caller says so to the reader).

    >>> from types import SimpleNamespace as S
    >>> index, basis, elements, _ = strength_from_sections(
    ...     [S(id="application", score=0, max=0), S(id="qa", score=20, max=25), S(id="rd", score=4, max=8)],
    ...     total=80.0, section_elements={"qa": "quality", "rd": "innovation"})
    >>> round(index, 2), basis, [e.element for e in elements]
    (70.0, 'elements', ['quality', 'innovation'])
    """
    scored = [s for s in sections if float(s.max) > 0]
    unmapped = tuple(s.id for s in scored if section_elements.get(s.id) not in ELEMENTS)
    if not scored or unmapped:
        return max(0.0, min(100.0, float(total))), BASIS_TOTAL, (), unmapped
    sums: dict[str, list[Any]] = {}       # element → [score, maximum, section ids]
    for section in scored:
        entry = sums.setdefault(section_elements[section.id], [0.0, 0.0, []])
        entry[0] += float(section.score)
        entry[1] += float(section.max)
        entry[2].append(section.id)
    elements = []
    for element_id in ELEMENTS:          # table order, so reports list elements the same way
        if element_id in sums:
            score, maximum, ids = sums[element_id]
            zh, en, weight = ELEMENTS[element_id]
            percent = max(0.0, min(100.0, score / maximum * 100.0))
            elements.append(ElementScore(element_id, zh, en, weight, percent, tuple(ids)))
    index = brand_strength_index({e.element: e.score for e in elements}, weights=ELEMENT_WEIGHTS)
    return index, BASIS_ELEMENTS, tuple(elements), ()
