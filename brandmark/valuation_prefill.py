"""Brand strength from an applicant's assessment, and a valuation input prefilled from the store.

A brand-value estimate may give the royalty rate as an industry range plus a 0–100
brand-strength index that places the rate inside it (``docs/valuation.md``). That index
should not be a guess when brandmark already holds an assessment of the applicant: this
module reads the applicant's latest assessment, maps its scored sections onto brand-value
*elements*, and feeds the element scores to the engine's ``brand_strength_index``.

The elements are the five of GB/T 29186 (品牌价值要素评价: 有形 tangible, 质量 quality,
创新 innovation, 服务 service, 无形 intangible) plus the two characteristics of
DB33/T 944 that GB/T 29186 has no element for (产业协同 synergy, 社会责任 responsibility).
Which pack section feeds which element, and the element weights, are brandmark's
modelling choice (tables below, documented in ``docs/valuation.md``).

>>> from brandmark.store import Store                                  # doctest: +SKIP
>>> strength = brand_strength_for_applicant(store, applicant_id=2)     # doctest: +SKIP
>>> round(strength.value, 1), strength.source                          # doctest: +SKIP
(82.7, 'assessment #3')
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from brandmark.errors import RefusedInput
from brandmark.scoring.valuation import brand_strength_index

BASIS_ELEMENTS = "elements"   # every scored section maps onto an element
BASIS_TOTAL = "total"         # some section does not: the assessment's total score (0–100) instead

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

# pack section id → element. Section ids of the three reference packs do not clash (except
# the unscored "application" gate), so one table serves every pack built on their structure.
SECTION_ELEMENTS: Mapping[str, str] = MappingProxyType({
    # zhejiang-made (制造)
    "product-tests": "quality",            # the product meets the advanced standard's limits
    "qa-capability": "quality",            # the classic ten quality-assurance clauses
    "quality-excellence": "quality",       # DB33/T 944 品质卓越
    "basic-requirements": "tangible",      # design, materials, process equipment, test capability
    "quality-commitment": "service",       # warranty, service response, complaints, traceability
    "own-innovation": "innovation",        # DB33/T 944 自主创新
    "industry-synergy": "synergy",         # DB33/T 944 产业协同
    "social-responsibility": "responsibility",  # DB33/T 944 社会责任
    # zhejiang-agri (农产)
    "residue-tests": "quality",
    "inputs": "quality",                   # input control decides product safety
    "production": "quality",               # standardised production and records
    "origin-environment": "tangible",      # the land and water the product grows on
    "traceability": "service",             # the buyer's assurance: trace code, 合格证, recall
    "brand": "intangible",                 # trademark, quality marks, linkage
    # zhejiang-service (服务)
    "performance": "quality",              # measured service quality: satisfaction, complaints
    "process": "quality",                  # standardised, monitored service delivery
    "commitments": "service",
    "staff": "service",
    "facilities": "tangible",
    "digital": "innovation",
    "service-brand": "intangible",         # service brand, innovation, integrity
})


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


@dataclass(frozen=True)
class BrandStrength:
    """A brand-strength index (0–100) read from one assessment, with how it was read."""

    value: float
    assessment_id: int
    scheme_id: str
    scheme_version: str
    basis: str                                   # BASIS_ELEMENTS or BASIS_TOTAL
    total: float                                 # the assessment's total score (0–100)
    elements: tuple[ElementScore, ...] = ()
    unmapped_sections: tuple[str, ...] = ()      # scored sections no element takes (basis total)
    decided: bool = False
    mode: str = "certification"
    product: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def source(self) -> str:
        """What the CLI and the report print as the input's source."""
        return f"assessment #{self.assessment_id}"

    def to_json(self) -> dict[str, Any]:
        return {
            "value": round(self.value, 4), "source": self.source, "assessment_id": self.assessment_id,
            "scheme_id": self.scheme_id, "scheme_version": self.scheme_version, "basis": self.basis,
            "total": round(self.total, 4), "elements": [e.to_json() for e in self.elements],
            "unmapped_sections": list(self.unmapped_sections), "decided": self.decided, "mode": self.mode,
            "product": self.product, "notes": list(self.notes),
        }


def strength_from_sections(sections: Sequence, total: float) -> tuple[float, str, tuple[ElementScore, ...],
                                                                     tuple[str, ...]]:
    """The index from scored sections (objects with ``id``, ``score``, ``max``).

    Returns ``(index, basis, elements, unmapped_sections)``. Sections with maximum 0 (the
    application gate) carry no score and are skipped. When every scored section maps onto
    an element, the index is ``brand_strength_index`` over the element scores with
    ``ELEMENT_WEIGHTS``; otherwise it is ``total`` (a pack brandmark does not know).

    >>> from types import SimpleNamespace as S
    >>> index, basis, elements, _ = strength_from_sections(
    ...     [S(id="application", score=0, max=0), S(id="qa-capability", score=20, max=25),
    ...      S(id="own-innovation", score=4, max=8)], total=80.0)
    >>> round(index, 2), basis, [e.element for e in elements]
    (70.0, 'elements', ['quality', 'innovation'])
    """
    scored = [s for s in sections if float(s.max) > 0]
    unmapped = tuple(s.id for s in scored if s.id not in SECTION_ELEMENTS)
    if not scored or unmapped:
        return max(0.0, min(100.0, float(total))), BASIS_TOTAL, (), unmapped
    sums: dict[str, list] = {}
    for section in scored:
        entry = sums.setdefault(SECTION_ELEMENTS[section.id], [0.0, 0.0, []])
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


def brand_strength_from_assessment(store, assessment_id: int) -> BrandStrength:
    """The brand-strength index of one assessment, scored by the one scoring function.

    >>> brand_strength_from_assessment(store, 3).value    # doctest: +SKIP
    82.70...
    """
    assessment = store.assessments.get(assessment_id)
    result = store.assessments.score(assessment_id)
    value, basis, elements, unmapped = strength_from_sections(result.sections, result.total)
    decided = assessment["status"] == "decided"
    notes = []
    if not decided:
        notes.append("评审尚未作出决定 / the assessment is not decided yet" if assessment["mode"] != "self"
                     else "企业自我评价 / an enterprise self-assessment")
    if basis == BASIS_TOTAL:
        notes.append(f"评价包 {assessment['scheme_id']} 的部分章节未对应品牌价值要素，采用评审总分 / sections "
                     f"{', '.join(unmapped) or '(none)'} of pack {assessment['scheme_id']} map onto no "
                     "brand-value element; the assessment's total score is used")
    return BrandStrength(
        value=value, assessment_id=assessment["id"], scheme_id=assessment["scheme_id"],
        scheme_version=assessment["scheme_version"], basis=basis, total=float(result.total),
        elements=elements, unmapped_sections=unmapped, decided=decided, mode=assessment["mode"],
        product=assessment.get("product_name"), notes=tuple(notes))


def latest_assessment_id(store, applicant_id: int) -> int | None:
    """The assessment brand strength is read from: the newest decided one, else the newest answered one.

    A decision is the body's settled view, so it wins over a newer assessment still in
    progress; without any decision the newest assessment holding at least one answer
    (a self-assessment counts) is used. ``None`` when the applicant has none.
    """
    store.applicants.get(applicant_id)
    rows = store.assessments.list(applicant_id=applicant_id, limit=10_000)   # newest first
    for row in rows:
        if row["status"] == "decided":
            return row["id"]
    for row in rows:
        if store.assessments.answers(row["id"]):
            return row["id"]
    return None


def brand_strength_for_applicant(store, applicant_id: int) -> BrandStrength:
    """Brand strength from the applicant's latest assessment; refused when there is none."""
    assessment_id = latest_assessment_id(store, applicant_id)
    if assessment_id is None:
        raise RefusedInput(
            f"brand_strength: 申请企业 #{applicant_id} 没有可用的评审，请直接给出品牌强度 / applicant "
            f"#{applicant_id} has no assessment with answers to read brand strength from; give "
            "brand_strength (0-100) in the input")
    return brand_strength_from_assessment(store, assessment_id)


def needs_brand_strength(data: object) -> bool:
    """True when the input gives a royalty range but no brand strength to place the rate in it."""
    return (isinstance(data, Mapping) and data.get("royalty_rate_range") is not None
            and data.get("brand_strength") is None and data.get("royalty_rate") is None)


def prefill_brand_strength(store, applicant_id: int, data: Mapping[str, Any],
                           decimals: int = 2) -> tuple[dict[str, Any], BrandStrength | None]:
    """A copy of the valuation input with ``brand_strength`` filled from the applicant's assessment.

    Only a royalty range without a strength is filled (a strength the user gave always
    wins); the index is rounded to ``decimals`` so the input file, the report and the
    output all show the same number. Returns ``(input, strength or None)``.

    >>> data, strength = prefill_brand_strength(store, 2, {"royalty_rate_range": {"low": 0.02, "high": 0.06}})  # doctest: +SKIP
    >>> data["brand_strength"], strength.source                          # doctest: +SKIP
    (82.7, 'assessment #3')
    """
    filled = copy.deepcopy(dict(data))
    if not needs_brand_strength(filled):
        return filled, None
    strength = brand_strength_for_applicant(store, applicant_id)
    filled["brand_strength"] = round(strength.value, decimals)
    return filled, strength


DEFAULT_TAX_RATE = 0.25   # the standard PRC enterprise income tax rate (企业所得税法 第四条)


def form_defaults(store, applicant_id: int, today: str | None = None) -> tuple[dict[str, Any], BrandStrength | None]:
    """A starting valuation input for the applicant: what the window's form opens with.

    The inputs of the applicant's latest saved estimate when there is one (the user
    revises rather than retypes); else relief from royalty with the standard 25 % income
    tax and the brand named after the applicant and its assessed product. The brand
    strength is refreshed from the latest assessment either way. Every figure the user
    must judge (revenues, rates) is left for them to fill.
    """
    applicant = store.applicants.get(applicant_id)
    history = store.valuations.history(applicant_id)
    strength = None
    assessment_id = latest_assessment_id(store, applicant_id)
    if assessment_id is not None:
        strength = brand_strength_from_assessment(store, assessment_id)
    if history:
        data = dict(store.valuations.get(history[0]["id"])["inputs"])
    else:
        product = strength.product if strength else None
        data = {"method": "relief-from-royalty", "tax_rate": DEFAULT_TAX_RATE, "mid_year": False,
                "brand": f"{applicant['name']} · {product}" if product else applicant["name"]}
    data["valuation_date"] = today or store.today().isoformat()
    if strength is not None and data.get("royalty_rate") is None:
        data["brand_strength"] = round(strength.value, 2)
    return data, strength


__all__ = [
    "BASIS_ELEMENTS", "BASIS_TOTAL", "BrandStrength", "DEFAULT_TAX_RATE", "ELEMENTS", "ELEMENT_WEIGHTS",
    "ElementScore", "SECTION_ELEMENTS", "brand_strength_for_applicant", "brand_strength_from_assessment",
    "form_defaults", "latest_assessment_id", "needs_brand_strength", "prefill_brand_strength",
    "strength_from_sections",
]
