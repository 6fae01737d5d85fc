"""Brand strength read from an applicant's assessment (brandmark.valuation_prefill)."""

from __future__ import annotations

from types import SimpleNamespace as Section

import pytest

from brandmark.errors import RefusedInput
from brandmark.packs import load_pack
from brandmark.paths import packs_dir
from brandmark.packs.model import BRAND_ELEMENTS
from brandmark.scoring.valuation.strength import (
    BASIS_ELEMENTS, BASIS_TOTAL, ELEMENT_WEIGHTS, ELEMENTS, strength_from_sections,
)
from brandmark.valuation_prefill import (
    brand_strength_for_applicant, form_defaults, latest_assessment_id, prefill_brand_strength,
)
from valuation_support import ASSESSOR, made_assessment, new_applicant, valuation_input
from support import new_certification_assessment


def test_element_weights_sum_to_one():
    assert sum(ELEMENT_WEIGHTS.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("pack_file", ["zhejiang-made.toml", "zhejiang-agri.toml", "zhejiang-service.toml"])
def test_every_scored_section_of_the_reference_packs_names_its_element(pack_file):
    pack = load_pack(packs_dir() / pack_file)
    scored = [s.id for s in pack.sections if s.weight > 0]
    mapping = pack.brand_elements()
    assert scored and all(s in mapping for s in scored), [s for s in scored if s not in mapping]
    assert set(mapping.values()) <= set(ELEMENT_WEIGHTS)


def test_the_packs_elements_are_the_engines():
    assert tuple(ELEMENTS) == BRAND_ELEMENTS


def test_sections_of_one_element_add_up_over_their_maxima_and_elements_weigh_by_the_table():
    sections = [Section(id="application", score=0, max=0),
                Section(id="product-tests", score=20, max=20),      # quality 20+10 of 20+30 = 60 %
                Section(id="qa-capability", score=10, max=30),
                Section(id="own-innovation", score=4, max=8),        # innovation 50 %
                Section(id="quality-commitment", score=9, max=10)]   # service 90 %
    mapping = {"product-tests": "quality", "qa-capability": "quality", "own-innovation": "innovation",
               "quality-commitment": "service"}
    index, basis, elements, unmapped = strength_from_sections(sections, total=12.0, section_elements=mapping)
    assert basis == BASIS_ELEMENTS and unmapped == ()
    assert {e.element: round(e.score, 9) for e in elements} == {"quality": 60.0, "innovation": 50.0, "service": 90.0}
    # By hand: (0.30·60 + 0.15·50 + 0.15·90) / (0.30 + 0.15 + 0.15) = 39 / 0.6 = 65
    assert index == pytest.approx(65.0)


def test_a_section_naming_no_element_makes_the_total_score_the_strength():
    sections = [Section(id="qa-capability", score=20, max=25), Section(id="design-flair", score=1, max=10)]
    index, basis, elements, unmapped = strength_from_sections(sections, total=71.5,
                                                              section_elements={"qa-capability": "quality"})
    assert (index, basis, elements, unmapped) == (71.5, BASIS_TOTAL, (), ("design-flair",))


def test_full_marks_give_100_and_zero_innovation_costs_its_share_of_the_weight(store):
    applicant = new_applicant(store)
    full = made_assessment(store, applicant)
    assert brand_strength_for_applicant(store, applicant).value == pytest.approx(100.0)
    other = new_applicant(store, "宁波测试家电有限公司")
    made_assessment(store, other, levels={"own-innovation": 0})
    strength = brand_strength_for_applicant(store, other)
    # zhejiang-made has every element but "intangible" (weights 0.9 in all); innovation weighs 0.15.
    assert strength.value == pytest.approx(100.0 * (0.9 - 0.15) / 0.9)
    assert strength.basis == BASIS_ELEMENTS and strength.decided and strength.product == "电水壶"
    assert strength.source == f"assessment #{strength.assessment_id}" and strength.assessment_id != full


def test_mini_pack_sections_are_unknown_so_the_total_score_is_used(mini_store, applicant, mini_grant_answers):
    assessment = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
    mini_store.assessments.answer_many(assessment, mini_grant_answers, by=ASSESSOR)
    strength = brand_strength_for_applicant(mini_store, applicant)
    assert strength.basis == BASIS_TOTAL
    assert strength.value == pytest.approx(mini_store.assessments.score(assessment).total)
    assert any("total score" in note for note in strength.notes)
    assert any("not decided" in note for note in strength.notes)


def test_latest_decided_assessment_wins_over_a_newer_open_one(store):
    applicant = new_applicant(store)
    decided = made_assessment(store, applicant)
    newer_open = made_assessment(store, applicant, levels={"own-innovation": 0}, decide=False)
    assert newer_open > decided
    assert latest_assessment_id(store, applicant) == decided


def test_without_a_decision_the_newest_answered_assessment_is_used(store):
    applicant = new_applicant(store)
    older = made_assessment(store, applicant, decide=False)
    newer = made_assessment(store, applicant, decide=False)
    new_certification_assessment(store, applicant, "zhejiang-made", assessor=ASSESSOR)  # empty
    assert latest_assessment_id(store, applicant) == newer != older


def test_an_applicant_without_assessments_is_refused_with_a_message(store):
    applicant = new_applicant(store)
    assert latest_assessment_id(store, applicant) is None
    with pytest.raises(RefusedInput, match=f"applicant #{applicant} has no assessment"):
        prefill_brand_strength(store, applicant, valuation_input(brand_strength=None))


def test_prefill_fills_only_a_missing_strength_beside_a_range(store):
    applicant = new_applicant(store)
    made_assessment(store, applicant, levels={"own-innovation": 0})
    given = valuation_input(brand_strength=None)
    data, strength = prefill_brand_strength(store, applicant, given)
    assert data["brand_strength"] == round(100.0 * 0.75 / 0.9, 2) and strength is not None
    assert given["brand_strength"] is None                          # the caller's dict is untouched
    data, strength = prefill_brand_strength(store, applicant, valuation_input(brand_strength=42))
    assert data["brand_strength"] == 42 and strength is None        # the user's strength wins
    data, strength = prefill_brand_strength(store, applicant, valuation_input(
        royalty_rate_range=None, brand_strength=None, royalty_rate=0.04))
    assert "brand_strength" not in data or data["brand_strength"] is None
    assert strength is None


def test_form_defaults_start_from_the_applicant_then_from_its_last_estimate(store):
    from brandmark.scoring.valuation import parse_inputs, run_monte_carlo

    applicant = new_applicant(store, "温州测试泵阀有限公司")
    made_assessment(store, applicant, product="离心泵")
    data, strength = form_defaults(store, applicant, today="2026-12-01")
    assert data["brand"] == "温州测试泵阀有限公司 · 离心泵" and data["tax_rate"] == 0.25
    assert data["valuation_date"] == "2026-12-01" and data["brand_strength"] == 100.0
    assert strength is not None and strength.value == pytest.approx(100.0)

    inputs = parse_inputs(valuation_input(brand="自定品牌", brand_strength=55))
    store.valuations.save(applicant, inputs, run_monte_carlo(inputs, trials=500), by="王五")
    data, _ = form_defaults(store, applicant, today="2026-12-02")
    assert data["brand"] == "自定品牌" and data["revenues"][0] == 12000
    assert data["valuation_date"] == "2026-12-02"
    assert data["brand_strength"] == 100.0                           # refreshed from the assessment


def test_docstring_examples_stay_true():
    import doctest

    import brandmark.valuation_prefill as module
    outcome = doctest.testmod(module)
    assert outcome.attempted > 0 and outcome.failed == 0


def _mini_with_elements(version: str) -> str:
    """The mini pack with every scored section naming its brand-value element."""
    from support import MINI_PACK
    text = MINI_PACK.read_text(encoding="utf-8").replace('version = "1"', f'version = "{version}"', 1)
    for section, element in (("tests", "quality"), ("audit", "service"), ("traits", "innovation")):
        text = text.replace(f'id = "{section}"\n', f'id = "{section}"\nbrand_element = "{element}"\n', 1)
    return text


def test_a_bodys_own_pack_gets_its_strength_from_the_elements_it_names(mini_store, applicant,
                                                                       mini_grant_answers):
    mini_store.schemes.import_text(_mini_with_elements("2"), actor="tester")
    assessment = new_certification_assessment(mini_store, applicant, "mini", scheme_version="2",
                                              assessor=ASSESSOR)
    mini_store.assessments.answer_many(assessment, mini_grant_answers, by=ASSESSOR)
    strength = brand_strength_for_applicant(mini_store, applicant)
    result = mini_store.assessments.score(assessment)
    by_id = {s.id: s for s in result.sections}
    assert strength.basis == BASIS_ELEMENTS and strength.unmapped_sections == ()
    assert {e.element: e.sections for e in strength.elements} == {
        "quality": ("tests",), "innovation": ("traits",), "service": ("audit",)}
    percent = {e.element: e.score for e in strength.elements}
    assert percent["quality"] == pytest.approx(by_id["tests"].score / by_id["tests"].max * 100)
    weights = {e.element: ELEMENT_WEIGHTS[e.element] for e in strength.elements}
    expected = sum(percent[k] * w for k, w in weights.items()) / sum(weights.values())
    assert strength.value == pytest.approx(expected)


def test_a_version_frozen_without_elements_takes_them_from_the_newest_version(mini_store, applicant,
                                                                              mini_grant_answers):
    assessment = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
    mini_store.assessments.answer_many(assessment, mini_grant_answers, by=ASSESSOR)
    assert brand_strength_for_applicant(mini_store, applicant).basis == BASIS_TOTAL
    mini_store.schemes.import_text(_mini_with_elements("2"), actor="tester")
    strength = brand_strength_for_applicant(mini_store, applicant)
    assert strength.scheme_version == "1" and strength.basis == BASIS_ELEMENTS
    assert any("pack mini 2" in note for note in strength.notes)


def test_a_brand_element_outside_the_list_is_refused():
    from brandmark.errors import PackError
    from brandmark.packs import parse_pack
    text = _mini_with_elements("3").replace('brand_element = "service"', 'brand_element = "charm"')
    with pytest.raises(PackError) as refused:
        parse_pack(text.encode("utf-8"), source="mini.toml")
    assert [(p.code, p.field) for p in refused.value.problems] == [
        ("pack.choice", ("mini.toml", "section", "audit", "brand_element"))]
