"""Brand strength from an applicant's assessment, and a valuation input prefilled from the store.

A brand-value estimate may give the royalty rate as an industry range plus a 0–100
brand-strength index that places the rate inside it (``docs/valuation.md``). That index
should not be a guess when brandmark already holds an assessment of the applicant: this
module picks the applicant's latest assessment, scores it with the one scoring function,
and hands the section scores and the pack's section → element mapping (``[[sections]]
brand_element``, docs/pack-format.md) to the engine's ``strength_from_sections``
(``brandmark.scoring.valuation.strength``, which holds the element weights). It only reads
the store.

A pack version frozen before its sections named their elements takes them from the
newest version of the same pack in the register (sections matched by id), so an older
assessment of a reference pack keeps its element basis. When some scored section still
names no element, the index is the assessment's total score and the notes say which
sections, so the reader knows the strength is not an element analysis.

An applicant's self-assessment of the agricultural pack, answered in full but two
levels short on the first points item:

>>> from brandmark.demo import demo_value
>>> from brandmark.store import Store
>>> store = Store(":memory:")
>>> applicant = store.applicants.add(name="湖州太湖茶业合作社", uscc="93330523MA2B7K0Q6Q", actor="管理员")
>>> assessment = store.assessments.new(applicant_id=applicant, scheme_id="zhejiang-agri", mode="self",
...                                    assessor="企业自评人", product="安吉白茶")
>>> items = store.assessments.pack_for(assessment).items()
>>> answers = {item.id: demo_value(item) for item in items}
>>> first_points = next(item for item in items if item.kind == "points")
>>> answers[first_points.id] -= 2
>>> saved = store.assessments.answer_many(assessment, answers, by="企业自评人")
>>> strength = brand_strength_for_applicant(store, applicant)
>>> strength.source, strength.basis, strength.decided, round(strength.value, 1) < 100
('assessment #1', 'elements', False, True)
>>> data, _ = prefill_brand_strength(store, applicant, {"royalty_rate_range": {"low": 0.02, "high": 0.06}})
>>> data["brand_strength"] == round(strength.value, 2)
True
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from brandmark.errors import RefusedInput
from brandmark.scoring.valuation.strength import BASIS_TOTAL, ElementScore, strength_from_sections

if TYPE_CHECKING:
    from brandmark.packs.model import Pack
    from brandmark.store import Store


@dataclass(frozen=True)
class BrandStrength:
    """A brand-strength index (0–100) read from one assessment, with how it was read."""

    value: float
    assessment_id: int
    scheme_id: str
    scheme_version: str
    basis: str                                   # BASIS_ELEMENTS or BASIS_TOTAL (strength.py)
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


def brand_strength_from_assessment(store: Store, assessment_id: int) -> BrandStrength:
    """The brand-strength index of one assessment, scored by the one scoring function.

    ``brand_strength_for_applicant`` (the module's example) reads it for the applicant's
    latest assessment.
    """
    assessment = store.assessments.get(assessment_id)
    result = store.assessments.score(assessment_id)
    mapping, mapping_version = section_elements(store, store.assessments.pack_for(assessment_id))
    value, basis, elements, unmapped = strength_from_sections(result.sections, result.total, mapping)
    decided = assessment["status"] == "decided"
    notes = []
    if not decided:
        notes.append("评审尚未作出决定 / the assessment is not decided yet" if assessment["mode"] != "self"
                     else "企业自我评价 / an enterprise self-assessment")
    if basis == BASIS_TOTAL:
        notes.append(f"评价包 {assessment['scheme_id']} 的章节 {', '.join(unmapped) or '(none)'} 未写明品牌价值要素"
                     f"（brand_element），品牌强度取评审总分 / sections {', '.join(unmapped) or '(none)'} of pack "
                     f"{assessment['scheme_id']} name no brand-value element (brand_element, docs/pack-format.md); "
                     "the brand strength is the assessment's total score")
    elif mapping_version != assessment["scheme_version"]:
        notes.append(f"品牌价值要素取自评价包 {assessment['scheme_id']} {mapping_version} / the brand-value elements "
                     f"come from pack {assessment['scheme_id']} {mapping_version} (version "
                     f"{assessment['scheme_version']} names none)")
    return BrandStrength(
        value=value, assessment_id=assessment["id"], scheme_id=assessment["scheme_id"],
        scheme_version=assessment["scheme_version"], basis=basis, total=float(result.total),
        elements=elements, unmapped_sections=unmapped, decided=decided, mode=assessment["mode"],
        product=assessment.get("product_name"), notes=tuple(notes))


def section_elements(store: Store, pack: Pack) -> tuple[dict[str, str], str]:
    """The pack's section → brand-value element mapping, and the pack version it comes from:
    the pack's own, or, when it names none, the newest stored version's of the same pack."""
    own = pack.brand_elements()
    if own:
        return own, pack.version
    newest = store.schemes.get(pack.id)
    return newest.brand_elements(), newest.version


def latest_assessment_id(store: Store, applicant_id: int) -> int | None:
    """The assessment brand strength is read from: the newest decided one, else the newest answered one.

    A decision is the body's settled view, so it wins over a newer assessment still in
    progress; without any decision the newest assessment holding at least one answer
    (a self-assessment counts) is used. ``None`` when the applicant has none.
    """
    store.applicants.get(applicant_id)
    rows = store.assessments.list(applicant_id=applicant_id, limit=10_000)   # newest first
    for row in rows:
        if row["status"] == "decided":
            return cast(int, row["id"])
    for row in rows:
        if store.assessments.answers(row["id"]):
            return cast(int, row["id"])
    return None


def latest_brand_strength(store: Store, applicant_id: int) -> BrandStrength | None:
    """Brand strength from the applicant's latest assessment (``latest_assessment_id``), or None."""
    assessment_id = latest_assessment_id(store, applicant_id)
    return None if assessment_id is None else brand_strength_from_assessment(store, assessment_id)


def brand_strength_for_applicant(store: Store, applicant_id: int) -> BrandStrength:
    """Brand strength from the applicant's latest assessment; refused when there is none."""
    strength = latest_brand_strength(store, applicant_id)
    if strength is None:
        raise RefusedInput.of("valuation.no_assessment", ("brand_strength",), id=applicant_id)
    return strength


def needs_brand_strength(data: object) -> bool:
    """True when the input gives a royalty range but no brand strength to place the rate in it.

    >>> needs_brand_strength({"royalty_rate_range": {"low": 0.02, "high": 0.06}})
    True
    >>> needs_brand_strength({"royalty_rate_range": {"low": 0.02, "high": 0.06}, "brand_strength": 60})
    False
    """
    return (isinstance(data, Mapping) and data.get("royalty_rate_range") is not None
            and data.get("brand_strength") is None and data.get("royalty_rate") is None)


def prefill_brand_strength(store: Store, applicant_id: int, data: Mapping[str, Any],
                           decimals: int = 2) -> tuple[dict[str, Any], BrandStrength | None]:
    """A copy of the valuation input with ``brand_strength`` filled from the applicant's assessment.

    Only a royalty range without a strength is filled (a strength the user gave always
    wins); the index is rounded to ``decimals`` so the input file, the report and the
    output all show the same number. Returns ``(input, strength or None)``.

    The module's example fills a royalty range this way.
    """
    filled = copy.deepcopy(dict(data))
    if not needs_brand_strength(filled):
        return filled, None
    strength = brand_strength_for_applicant(store, applicant_id)
    filled["brand_strength"] = round(strength.value, decimals)
    return filled, strength


DEFAULT_TAX_RATE = 0.25   # the standard PRC enterprise income tax rate (企业所得税法 第四条)


def form_defaults(store: Store, applicant_id: int,
                  today: str | None = None) -> tuple[dict[str, Any], BrandStrength | None]:
    """A starting valuation input for the applicant: what the window's form opens with.

    The inputs of the applicant's latest saved estimate when there is one (the user
    revises rather than retypes); else relief from royalty with the standard 25 % income
    tax and the brand named after the applicant and its assessed product. The brand
    strength is refreshed from the latest assessment either way. Every figure the user
    must judge (revenues, rates) is left for them to fill.
    """
    applicant = store.applicants.get(applicant_id)
    history = store.valuations.history(applicant_id)
    strength = latest_brand_strength(store, applicant_id)
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
    "BrandStrength", "DEFAULT_TAX_RATE", "brand_strength_for_applicant", "brand_strength_from_assessment",
    "form_defaults", "latest_assessment_id", "latest_brand_strength", "needs_brand_strength",
    "prefill_brand_strength",
]
