"""The one scoring function: every verdict path, rules as data, gaps, and score properties."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandmark.packs import load_pack, parse_pack
from brandmark.scoring.encoding import InvalidAnswer, encode
from brandmark.scoring.scorer import (
    CONDITIONAL, GRANT, INCOMPLETE, REFUSE, SELF, score_assessment,
)
from strategies import answer_sets, open_sets, packs
from support import MINI_GRANT, MINI_PACK, pack_text

MINI_TEXT = MINI_PACK.read_text(encoding="utf-8")


def mini(**rules) -> object:
    """The mini pack, with [rules] lines replaced or added."""
    text = MINI_TEXT
    for key, value in rules.items():
        if isinstance(value, str):
            line = f'{key} = "{value}"'
        elif isinstance(value, dict):
            line = f"{key} = {{ " + ", ".join(f"{k} = {v}" for k, v in value.items()) + " }"
        else:
            line = f"{key} = {value}"
        lines = text.split("\n")
        existing = [i for i, l in enumerate(lines) if l.startswith(f"{key} =")]
        if existing:
            lines[existing[0]] = line
        else:
            lines.insert(lines.index("[rules]") + 1, line)
        text = "\n".join(lines)
    return parse_pack(text, source="mini-variant.toml")


def answers(**changes):
    out = dict(MINI_GRANT)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


@pytest.fixture(scope="module")
def pack():
    return load_pack(MINI_PACK)


def rules_of(result):
    return [(r.item, r.rule) for r in result.reasons]


# -- every verdict path ------------------------------------------------------------------

def test_grant(pack):
    result = score_assessment(pack, MINI_GRANT)
    assert result.verdict == GRANT and result.reasons == ()
    # tests 30 + audit 30 + traits 40 * (2 * 3/4 + 1 * 2/2) / 3
    assert result.total == pytest.approx(30 + 30 + 40 * 2.5 / 3)
    assert result.decision_possible
    assert result.nonconformities == {"major": 0, "minor": 0, "minor_open": 0}


def test_minor_nc_with_open_corrective_action_is_conditional(pack):
    result = score_assessment(pack, answers(C1="minor"), open_corrective_actions={"C1"})
    assert result.verdict == CONDITIONAL
    assert rules_of(result) == [("C1", "minor_nc")]
    assert result.nonconformities == {"major": 0, "minor": 1, "minor_open": 1}


def test_minor_nc_closed_grants_with_reduced_score(pack):
    result = score_assessment(pack, answers(C1="minor"), open_corrective_actions=set())
    assert result.verdict == GRANT
    assert result.nonconformities == {"major": 0, "minor": 1, "minor_open": 0}
    audit = next(s for s in result.sections if s.id == "audit")
    assert audit.score == pytest.approx(30 * (0.5 * 1 + 1 * 2) / 3)


def test_veto_fail_refuses(pack):
    result = score_assessment(pack, answers(V1="fail"))
    assert result.verdict == REFUSE and rules_of(result) == [("V1", "veto")]
    assert "否决项" in result.reasons[0].message and "veto" in result.reasons[0].message


def test_major_nc_refuses(pack):
    result = score_assessment(pack, answers(C2="major"))
    assert result.verdict == REFUSE and rules_of(result) == [("C2", "major_nc")]
    assert result.nonconformities["major"] == 1


@pytest.mark.parametrize("t1,t2,verdict", [
    ("96.96", ["0.20", "0.21"], GRANT),      # T1 rounded method: 96.96 -> 97.0 passes
    ("96.94", ["0.20", "0.21"], REFUSE),     # 96.94 -> 96.9 fails
    ("97.0", ["0.20", "0.251"], REFUSE),     # T2 full method: one sample over fails the item
    ("97.0", ["0.25", "0.25"], GRANT),       # limit end included
])
def test_test_items_judged_per_gbt8170(pack, t1, t2, verdict):
    result = score_assessment(pack, answers(T1=t1, T2=t2))
    assert result.verdict == verdict
    if verdict == REFUSE:
        assert [r.rule for r in result.reasons] == ["test_fail"]
    tests = {t.item: t for t in result.tests}
    assert tests["T1"].verdict == ("pass" if t1 != "96.94" else "fail")
    assert tests["T2"].measured == tuple(t2)


def test_score_below_threshold_refuses(pack):
    # P1 0, P2 0, C2 minor (closed): audit 30 * 2/3 = 20, traits 0 -> total 50 < 60.
    result = score_assessment(pack, answers(P1=0, P2=0, C2="minor"))
    assert result.total == pytest.approx(50)
    assert result.verdict == REFUSE and rules_of(result) == [(None, "pass_score")]


def test_score_exactly_at_threshold_passes(pack):
    result = score_assessment(pack, answers(P1=0, P2=0))
    assert result.total == 60 and result.verdict == GRANT


def test_too_many_minor_ncs_refuse():
    pack = mini(max_minor_nc=1)
    result = score_assessment(pack, answers(C1="minor", C2="minor"))
    assert result.verdict == REFUSE and (None, "max_minor_nc") in rules_of(result)
    # Closed ones count too: the limit is on how many were found, not how many are open.
    assert score_assessment(pack, answers(C1="minor")).verdict == GRANT


def test_missing_required_answer_is_incomplete(pack):
    result = score_assessment(pack, answers(C1=None))
    assert result.verdict == INCOMPLETE
    assert result.unanswered_required == ("C1",)
    assert rules_of(result) == [("C1", "required")]
    assert not result.decision_possible


def test_missing_optional_answer_is_not_incomplete(pack):
    result = score_assessment(pack, answers(P2=None))
    assert result.verdict == GRANT
    assert result.answered == 6 and result.items == 7


def test_refusal_outranks_incomplete(pack):
    # A failed veto is final even before the rest is answered.
    result = score_assessment(pack, {"V1": "fail"})
    assert result.verdict == REFUSE


def test_not_applicable_items_leave_the_score():
    pack = load_pack(MINI_PACK)
    # Whole test section NA: the total is over audit + traits only.
    result = score_assessment(pack, answers(T1="na", T2="na"))
    achieved = 30 + 40 * 2.5 / 3
    assert result.total == pytest.approx(achieved / 70 * 100)
    tests = next(s for s in result.sections if s.id == "tests")
    assert tests.score == 0 and tests.answered == 2
    assert {t.verdict for t in result.tests} == {"na"}


def test_empty_answers(pack):
    result = score_assessment(pack, {})
    assert result.total == 0 and result.verdict == INCOMPLETE and result.answered == 0


# -- rules are data ---------------------------------------------------------------------------

@pytest.mark.parametrize("rule,value,change,verdict", [
    ("on_test_fail", "conditional", {"T1": "90"}, CONDITIONAL),
    ("on_test_fail", "none", {"T1": "90"}, GRANT),
    ("on_major_nc", "conditional", {"C2": "major"}, CONDITIONAL),
    ("on_veto_fail", "conditional", {"V1": "fail"}, CONDITIONAL),
    ("on_minor_nc", "none", {"C1": "minor"}, GRANT),
    ("on_minor_nc", "refuse", {"C1": "minor"}, REFUSE),
    ("pass_score", 95, {}, REFUSE),
    ("pass_score", 0, {"P1": 0, "P2": 0, "C1": "major"}, REFUSE),   # major still refuses
])
def test_pack_rules_change_the_verdict(pack, rule, value, change, verdict):
    default = score_assessment(pack, answers(**change), open_corrective_actions={"C1"})
    changed = score_assessment(mini(**{rule: value}), answers(**change), open_corrective_actions={"C1"})
    assert changed.verdict == verdict
    if (rule, value) != ("pass_score", 0):
        assert changed.verdict != default.verdict, "the rule must be what changed the verdict"


def test_conformity_credit_is_data():
    strict = mini(conformity_credit={"conform": 1.0, "minor": 0.0, "major": 0.0})
    result = score_assessment(strict, answers(C1="minor"))
    audit = next(s for s in result.sections if s.id == "audit")
    assert audit.score == pytest.approx(30 * 2 / 3)


# -- self-assessment ------------------------------------------------------------------------

def test_self_assessment_lists_gaps_by_weight_and_allows_no_decision(pack):
    result = score_assessment(pack, answers(P1=1, C2="minor", T1="90", C1=None), mode=SELF)
    assert not result.decision_possible
    ids = [g.item for g in result.gaps]
    # weight 2 first (P1 shortfall 2*(0.75-0.25)=1.0 before C2 2*0.5=1.0 -> tie broken by id),
    # then weight 1 (T1 failed -> 1.0, C1 unanswered -> 1.0).
    assert ids == ["C2", "P1", "C1", "T1"]
    weights = [g.weight for g in result.gaps]
    assert weights == sorted(weights, reverse=True)
    p1 = next(g for g in result.gaps if g.item == "P1")
    assert (p1.current, p1.target, p1.shortfall) == (1, 3, pytest.approx(1.0))
    c1 = next(g for g in result.gaps if g.item == "C1")
    assert c1.current is None and c1.target == "conform"
    assert 0 < result.readiness < 100


def test_self_assessment_at_target_has_no_gaps(pack):
    result = score_assessment(pack, MINI_GRANT, mode=SELF)
    assert result.gaps == () and result.readiness == 100


def test_certification_mode_lists_no_gaps(pack):
    assert score_assessment(pack, answers(P1=0)).gaps == ()


def test_score_json_shape(pack):
    data = score_assessment(pack, answers(C1="minor"), open_corrective_actions={"C1"}).to_json()
    assert {"total", "sections", "verdict", "reasons", "gaps"} <= set(data)
    assert set(data["sections"][0]) >= {"id", "score", "max"}
    assert data["reasons"] == [{"item": "C1", "rule": "minor_nc", "message": data["reasons"][0]["message"]}]
    assert data["verdict"] == "conditional"


# -- answers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("item,value", [
    ("V1", "maybe"), ("V1", True), ("C1", "ok"), ("P1", 5), ("P1", -1), ("P1", 2.0), ("P1", True),
    ("P1", "two"), ("T1", 96.96), ("T1", "abc"), ("T1", []), ("T1", "NaN"), ("T1", ["97", None]),
])
def test_invalid_answers_are_refused(pack, item, value):
    with pytest.raises(InvalidAnswer) as info:
        score_assessment(pack, {item: value})
    assert item in str(info.value)


def test_unknown_item_is_refused(pack):
    with pytest.raises(InvalidAnswer, match="X9"):
        score_assessment(pack, {"X9": "pass"})


def test_answer_forms(pack):
    assert encode(pack.item("V1"), " PASS ").value == "pass"
    assert encode(pack.item("P1"), "3").value == 3
    assert encode(pack.item("T1"), 97).value == "97"
    assert encode(pack.item("C1"), "NA").value == "na"
    # Stored answers are {"value": ...} objects; the scorer accepts both.
    assert score_assessment(pack, {k: {"value": v} for k, v in MINI_GRANT.items()}).verdict == GRANT


# -- properties ------------------------------------------------------------------------------

@st.composite
def pack_and_answers(draw):
    pack = draw(packs())
    chosen = draw(answer_sets(pack))
    return pack, chosen, draw(open_sets(pack, chosen))


@given(pack_and_answers())
def test_totals_and_section_scores_stay_in_range(case):
    pack, chosen, open_items = case
    result = score_assessment(pack, chosen, open_corrective_actions=open_items)
    assert 0.0 <= result.total <= 100.0
    for section in result.sections:
        assert 0.0 <= section.score <= section.max


@given(pack_and_answers(), st.data())
def test_a_higher_level_never_lowers_a_score(case, data):
    pack, chosen, open_items = case
    points = [i for i in pack.items() if i.kind == "points"]
    if not points:
        return
    item = data.draw(st.sampled_from(points))
    low = data.draw(st.integers(0, item.max_level - 1))
    high = data.draw(st.integers(low + 1, item.max_level))
    before = score_assessment(pack, {**chosen, item.id: low}, open_corrective_actions=open_items)
    after = score_assessment(pack, {**chosen, item.id: high}, open_corrective_actions=open_items)
    assert after.total >= before.total
    assert all(a.score >= b.score for a, b in zip(after.sections, before.sections))
    severity = ["grant", "conditional", "incomplete", "refuse"]
    assert severity.index(after.verdict) <= severity.index(before.verdict)


def _exact_total(pack, chosen) -> Fraction:
    """The total in exact rational arithmetic (the scorer's floats must agree to ~1e-9)."""
    credit = pack.rules.conformity_credit
    total_weight = sum(Fraction(s.weight) for s in pack.sections)
    achieved = possible = Fraction(0)
    for section in pack.sections:
        num = den = Fraction(0)
        for item in section.items:
            value = chosen.get(item.id)
            if value == "na":
                continue
            weight = Fraction(item.weight)
            den += weight
            if value is None:
                continue
            if item.kind == "points":
                num += weight * Fraction(value, item.max_level)
            elif item.kind == "conformity":
                num += weight * Fraction(str(credit[value]))
            else:
                passed = encode(item, value).code == 2
                num += weight if passed else 0
        if den:
            share = Fraction(section.weight) / total_weight * 100
            achieved += share * num / den
            possible += share
    return achieved / possible * 100 if possible else Fraction(0)


@given(pack_and_answers())
def test_total_matches_exact_arithmetic(case):
    pack, chosen, _ = case
    result = score_assessment(pack, chosen)
    assert result.total == pytest.approx(float(_exact_total(pack, chosen)), abs=1e-9)


@given(packs())
def test_a_perfect_assessment_scores_exactly_100_and_passes_a_pass_score_of_100(pack):
    perfect = {}
    for item in pack.items():
        perfect[item.id] = {"veto": "pass", "conformity": "conform", "points": item.max_level,
                            "test": ["98"] * item.samples}[item.kind]
    result = score_assessment(parse_pack(pack.source_text.replace("pass_score = ", "pass_score = 100 #")),
                              perfect)
    assert result.total == 100.0
    assert result.verdict == GRANT


def test_section_weights_that_do_not_sum_to_100_still_total_100():
    text = pack_text([{"weight": 13.3, "items": [{"id": "A", "kind": "conformity", "weight": 1.1}]},
                      {"weight": 33.3, "items": [{"id": "B", "kind": "conformity", "weight": 0.7},
                                                 {"id": "C", "kind": "conformity", "weight": 3}]},
                      {"weight": 0.1, "items": [{"id": "D", "kind": "conformity"}]}],
                     rules="pass_score = 100")
    result = score_assessment(parse_pack(text), {k: "conform" for k in "ABCD"})
    assert result.total == 100.0 and result.verdict == GRANT
    assert sum(s.max for s in result.sections) == pytest.approx(100)


def test_a_total_exactly_at_the_pass_score_passes_despite_binary_floats():
    # Exact arithmetic: section 1 = 0.6 / 1.2 = 1/2, section 2 = 1; equal section weights
    # -> total 75 exactly. In binary floats it comes out as 74.99999999999999.
    text = pack_text([{"weight": 0.7, "items": [{"id": "A", "kind": "conformity", "weight": 0.6},
                                                {"id": "B", "kind": "conformity", "weight": 0.6}]},
                      {"weight": 0.7, "items": [{"id": "C", "kind": "conformity", "weight": 1.1}]}],
                     rules="pass_score = 75")
    result = score_assessment(parse_pack(text), {"A": "major", "B": "conform", "C": "conform"},)
    assert result.total == pytest.approx(75, abs=1e-12)
    assert result.verdict == REFUSE          # the major NC refuses ...
    lenient = parse_pack(text.replace("pass_score = 75", 'pass_score = 75\non_major_nc = "none"'))
    result = score_assessment(lenient, {"A": "major", "B": "conform", "C": "conform"})
    assert result.verdict == GRANT, result.reasons   # ... but the score alone does not
