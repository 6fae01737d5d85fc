"""Helpers the valuation store, CLI, report and page tests share (no tests here)."""

from __future__ import annotations

import itertools
from typing import Any

from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO
from brandmark.uscc import make_uscc
from support import new_certification_assessment

ASSESSOR, DECIDER = "张三", "李四"
_serial = itertools.count(1)


def valuation_input(**overrides: Any) -> dict[str, Any]:
    """A relief-from-royalty input with three uncertain inputs (the docs' example, shortened)."""
    data: dict[str, Any] = {
        "method": "relief-from-royalty",
        "valuation_date": "2026-11-28",
        "revenues": [12000, 13200, {"dist": "triangular", "low": 13000, "mode": 14500, "high": 15500}],
        "royalty_rate_range": {"low": 0.02, "high": 0.06},
        "brand_strength": 60,
        "tax_rate": 0.25,
        "discount_rate": {"dist": "normal", "mean": 0.13, "sd": 0.01, "min": 0.10, "max": 0.18},
        "terminal_growth": {"dist": "uniform", "low": 0.01, "high": 0.03},
        "mid_year": True,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not ...}


def new_applicant(store, name: str = "杭州品牌测试电器有限公司") -> int:
    serial = next(_serial)
    return store.applicants.add(name=name, uscc=make_uscc("91", "330100", f"W{serial:07d}"), region="杭州",
                                actor="tester")


def best_answer(item):
    """The answer earning full credit: pass, conform, the top level, a passing measurement."""
    from brandmark.demo import demo_value
    if item.kind == VETO:
        return "pass"
    if item.kind == CONFORMITY:
        return "conform"
    if item.kind == POINTS:
        return item.max_level
    assert item.kind == TEST
    return demo_value(item)


def made_assessment(store, applicant_id: int, *, levels: dict[str, int] | None = None, decide: bool = True,
                    product: str = "电水壶") -> int:
    """A zhejiang-made assessment answered at full credit, except the points sections in
    ``levels`` (section id → level for every item of that section); granted when ``decide``."""
    from support import register_staff

    register_staff(store)       # signed in, competent for zhejiang-made (idempotent)
    pack = store.schemes.get("zhejiang-made")
    assessment_id = new_certification_assessment(store, applicant_id=applicant_id, scheme_id="zhejiang-made",
                                                 assessor=ASSESSOR, product=product, models="K-1")
    answers = {}
    for section in pack.sections:
        for item in section.items:
            answers[item.id] = (levels[section.id] if levels and section.id in levels and item.kind == POINTS
                                else best_answer(item))
    store.assessments.answer_many(assessment_id, answers, by=ASSESSOR)
    if decide:
        store.assessments.decide(assessment_id, "grant", by=DECIDER)
    return assessment_id
