"""The in-memory form of a criteria pack. Immutable: a pack version never changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from brandmark.packs.process import Process

VETO, CONFORMITY, POINTS, TEST = "veto", "conformity", "points", "test"
KINDS = (VETO, CONFORMITY, POINTS, TEST)

# The pack's stages, in order: every section belongs to one.
STAGES = ("application", "testing", "audit", "characteristics")
# The walk-through's pages: the pack's stages, then the summary, which is no pack stage. An
# assessment's stage (where its walk-through stands) is one of these; a decided one is at the summary.
SUMMARY_STAGE = "summary"
WALK_STAGES = STAGES + (SUMMARY_STAGE,)

# The values an answer may take, by kind (points take an integer level instead).
CHOICES = {
    VETO: ("pass", "fail", "na"),
    CONFORMITY: ("conform", "minor", "major", "na"),
}

OUTCOMES = ("refuse", "conditional", "none")

# The brand-value elements a scored section can feed (``[[sections]] brand_element``): the five of
# GB/T 29186 (质量 quality, 创新 innovation, 服务 service, 有形 tangible, 无形 intangible) and the two
# DB33/T 944 characteristics GB/T 29186 has no element for (产业协同 synergy, 社会责任 responsibility).
# Their weights are the valuation engine's (``scoring/valuation/strength.py``).
BRAND_ELEMENTS = ("quality", "innovation", "service", "tangible", "intangible", "synergy", "responsibility")


@dataclass(frozen=True)
class Level:
    level: int
    text: str
    text_en: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    section_id: str
    title: str
    title_en: str = ""
    text: str = ""
    text_en: str = ""
    guidance: str = ""
    guidance_en: str = ""
    evidence: tuple[str, ...] = ()
    clause: str = ""
    required: bool = True
    # Part of the rule's 监督内容: answered again at each surveillance visit.
    surveillance: bool = False
    weight: float = 1.0
    # points
    levels: tuple[Level, ...] = ()
    target: int | None = None
    # test
    quantity: str = ""
    unit: str = ""
    limit: str = ""
    method: str = "full"
    decimals: int | None = None
    samples: int = 1
    national_limit: str = ""
    test_method: str = ""   # the test standard/clause, e.g. "GB/T 8174 5.2"

    @property
    def max_level(self) -> int:
        return len(self.levels) - 1


@dataclass(frozen=True)
class Section:
    id: str
    stage: str
    title: str
    title_en: str = ""
    description: str = ""
    weight: float = 0.0
    items: tuple[Item, ...] = ()
    brand_element: str = ""     # one of BRAND_ELEMENTS, or "" when the pack does not say


@dataclass(frozen=True)
class Rules:
    pass_score: float = 60.0
    max_minor_nc: int | None = None
    on_veto_fail: str = "refuse"
    on_major_nc: str = "refuse"
    on_test_fail: str = "refuse"
    on_minor_nc: str = "conditional"
    conformity_credit: dict[str, float] = field(default_factory=lambda: {"conform": 1.0, "minor": 0.5, "major": 0.0})
    corrective_action_days: int = 30
    certificate_validity_years: int = 3
    surveillance_interval_months: int = 12
    # An extra visit after a substantiated complaint or a failed sampling falls due this soon.
    surveillance_followup_months: int = 2


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    family: str
    title: str
    title_en: str
    reference: bool
    notice: str
    notice_en: str
    standard: str
    implementation_rule: str
    rules: Rules
    sections: tuple[Section, ...]
    content_hash: str
    source_text: str
    # The applicants' industries the scheme is for (``industries`` in [pack]); the new-
    # assessment dialog proposes the pack whose words an applicant's industry contains.
    industries: tuple[str, ...] = ()
    # The optional [application], [deadlines] and [audit] tables; empty when absent.
    process: Process = field(default_factory=Process)

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def item(self, item_id: str) -> Item:
        for section in self.sections:
            for item in section.items:
                if item.id == item_id:
                    return item
        raise KeyError(item_id)

    def brand_elements(self) -> dict[str, str]:
        """Section id → the brand-value element it feeds, for the sections that name one."""
        return {section.id: section.brand_element for section in self.sections if section.brand_element}

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def summary(self) -> dict[str, Any]:
        """The pack as plain data (``schemes show``)."""
        return {
            "id": self.id, "version": self.version, "family": self.family,
            "title": self.title, "title_en": self.title_en, "reference": self.reference,
            "hash": self.content_hash, "standard": self.standard,
            "implementation_rule": self.implementation_rule, "industries": list(self.industries),
            "rules": {k: getattr(self.rules, k) for k in self.rules.__dataclass_fields__},
            "sections": [
                {
                    "id": s.id, "stage": s.stage, "title": s.title, "title_en": s.title_en,
                    "weight": s.weight, "brand_element": s.brand_element,
                    "items": [_item_summary(i) for i in s.items],
                }
                for s in self.sections
            ],
        }


def _item_summary(item: Item) -> dict[str, Any]:
    out = {"id": item.id, "kind": item.kind, "title": item.title, "title_en": item.title_en,
           "weight": item.weight, "required": item.required}
    if item.kind == POINTS:
        out["levels"] = [{"level": lv.level, "text": lv.text, "text_en": lv.text_en} for lv in item.levels]
        out["target"] = item.target
    if item.kind == TEST:
        out.update({"quantity": item.quantity, "unit": item.unit, "limit": item.limit,
                    "method": item.method, "decimals": item.decimals, "samples": item.samples})
    return out
