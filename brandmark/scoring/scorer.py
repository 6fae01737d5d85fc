"""The one scoring function: section scores, total, NC counts, test verdicts, verdict.

Everything that shows a score (window, CLI, reports, certificates) calls
``score_assessment``; the register's ranking calls ``brandmark.scoring.batch``,
which computes the same numbers over many assessments at once.

>>> from brandmark.packs import bundled_pack_paths, load_pack
>>> pack = load_pack(next(p for p in bundled_pack_paths() if p.name == "zhejiang-made.toml"))
>>> score_assessment(pack, {"app-licence": "pass", "pt-power-deviation": "2.5"}).verdict
'incomplete'
>>> score_assessment(pack, {"pt-power-deviation": "3.1"}).verdict     # outside -5.0~3.0
'refuse'
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field

from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO, Item, Pack
from brandmark.scoring.item_status import target_level
from brandmark.scoring.encoding import (
    CONFORM, LEVEL_OFFSET, MAJOR, MINOR, NOT_APPLICABLE, TEST_FAIL, TEST_PASS, UNANSWERED, VETO_FAIL,
    VETO_PASS, EncodedAnswer, InvalidAnswer, answer_value, compile_pack, encode,
)

GRANT, CONDITIONAL, INCOMPLETE, REFUSE = "grant", "conditional", "incomplete", "refuse"
VERDICTS = (GRANT, CONDITIONAL, INCOMPLETE, REFUSE)   # index = severity, as the batch scorer codes it

CERTIFICATION, SELF = "certification", "self"
MODES = (CERTIFICATION, SELF)

# A total equal to the pass score in exact arithmetic may come out a few ulps below it in
# binary floats; such a total passes. No real total lies within 1e-9 of the pass score.
PASS_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Reason:
    item: str | None
    rule: str
    message: str


@dataclass(frozen=True)
class SectionScore:
    id: str
    title: str
    title_en: str
    score: float
    max: float
    answered: int
    items: int


@dataclass(frozen=True)
class TestVerdict:
    item: str
    verdict: str          # pass | fail | na | unanswered
    limit: str
    method: str
    unit: str
    compared: tuple[str, ...] = ()
    measured: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gap:
    item: str
    title: str
    title_en: str
    section: str
    current: object       # the answer (level, value) or None when unanswered
    target: object
    weight: float
    shortfall: float      # credit missing to the target, times the item's weight


@dataclass(frozen=True)
class ScoreResult:
    mode: str
    total: float
    sections: tuple[SectionScore, ...]
    nonconformities: dict
    tests: tuple[TestVerdict, ...]
    verdict: str
    reasons: tuple[Reason, ...]
    gaps: tuple[Gap, ...] = ()
    readiness: float = 0.0
    answered: int = 0
    items: int = 0
    unanswered_required: tuple[str, ...] = field(default=())

    @property
    def decision_possible(self) -> bool:
        return self.mode == CERTIFICATION and self.verdict != INCOMPLETE

    def to_json(self) -> dict:
        return {
            "mode": self.mode,
            "total": round(self.total, 2),
            "sections": [{"id": s.id, "title": s.title, "title_en": s.title_en,
                          "score": round(s.score, 2), "max": round(s.max, 2),
                          "answered": s.answered, "items": s.items} for s in self.sections],
            "nonconformities": dict(self.nonconformities),
            "tests": [{**asdict(t), "compared": list(t.compared), "measured": list(t.measured)}
                      for t in self.tests],
            "verdict": self.verdict,
            "decision_possible": self.decision_possible,
            "reasons": [asdict(r) for r in self.reasons],
            "gaps": [asdict(g) for g in self.gaps],
            "readiness": round(self.readiness, 2),
            "answered": self.answered,
            "items": self.items,
        }


def encode_answers(pack: Pack, answers: Mapping[str, object]) -> dict[str, EncodedAnswer]:
    """Encode every answer; raises ``InvalidAnswer`` for an unknown item or a bad value."""
    known = {item.id: item for item in pack.items()}
    encoded = {}
    for item_id, answer in answers.items():
        if item_id not in known:
            raise InvalidAnswer.of("answer.not_in_pack", ("item", str(item_id)), pack=pack.id, version=pack.version)
        encoded[item_id] = encode(known[item_id], answer_value(answer))
    return encoded


def score_assessment(pack: Pack, answers: Mapping[str, object], *,
                     open_corrective_actions: Collection[str] = (),
                     mode: str = CERTIFICATION) -> ScoreResult:
    """Score one assessment against its frozen pack.

    ``answers`` maps item id to a value (or ``{"value": ...}``); missing items are
    unanswered. ``open_corrective_actions`` names the items whose minor
    nonconformity still awaits a verified corrective action.
    """
    encoded = encode_answers(pack, answers)
    compiled = compile_pack(pack)
    rules = pack.rules
    codes = [encoded[t.item.id].code if t.item.id in encoded else UNANSWERED for t in compiled.items]

    # Same arithmetic, in the same order, as batch.score_batch (so both agree to the bit).
    n_sections = len(pack.sections)
    numerators = [0.0] * n_sections
    denominators = [0.0] * n_sections
    answered_in = [0] * n_sections
    items_in = [0] * n_sections
    for table, code in zip(compiled.items, codes):
        s = table.section_index
        items_in[s] += 1
        if code != UNANSWERED:
            answered_in[s] += 1
        if code == NOT_APPLICABLE:
            continue
        numerators[s] = numerators[s] + table.weight * table.credit[code]
        denominators[s] = denominators[s] + table.weight
    # The total is the section-weighted mean of each section's fraction (achieved / applicable
    # credit). Each fraction is at most 1.0 (every credit is at most 1), so the total is at most
    # 100 and a perfect assessment scores exactly 100.0 whatever the weights add up to.
    section_scores = []
    achieved, possible = 0.0, 0.0
    for s, section in enumerate(pack.sections):
        if denominators[s] > 0:
            fraction = numerators[s] / denominators[s]
            score = compiled.section_max[s] * fraction
            achieved = achieved + section.weight * fraction
            possible = possible + section.weight
        else:
            score = 0.0
        section_scores.append(SectionScore(section.id, section.title, section.title_en, score,
                                           compiled.section_max[s], answered_in[s], items_in[s]))
    total = achieved / possible * 100.0 if possible > 0 else 0.0

    reasons: list[Reason] = []
    severity = 0
    open_items = set(open_corrective_actions)
    major = minor = minor_open = 0
    unanswered_required = []
    tests = []
    for table, code in zip(compiled.items, codes):
        item = table.item
        if code == UNANSWERED and item.required:
            unanswered_required.append(item.id)
        if item.kind == VETO and code == VETO_FAIL:
            severity = max(severity, _apply(reasons, rules.on_veto_fail, item, "veto",
                                            f"否决项不通过 / veto item failed: {item.title}"))
        elif item.kind == CONFORMITY and code == MAJOR:
            major += 1
            severity = max(severity, _apply(reasons, rules.on_major_nc, item, "major_nc",
                                            f"严重不符合 / major nonconformity: {item.title}"))
        elif item.kind == CONFORMITY and code == MINOR:
            minor += 1
            if item.id in open_items:
                minor_open += 1
                severity = max(severity, _apply(
                    reasons, rules.on_minor_nc, item, "minor_nc",
                    f"一般不符合，纠正措施待验证 / minor nonconformity awaiting verified "
                    f"corrective action: {item.title}"))
        elif item.kind == TEST:
            tests.append(_test_verdict(item, encoded.get(item.id)))
            if code == TEST_FAIL:
                severity = max(severity, _apply(
                    reasons, rules.on_test_fail, item, "test_fail",
                    f"检验项目不合格 / test item failed: {item.title} "
                    f"({', '.join(str(j.compared) for j in encoded[item.id].judgements)} vs {item.limit})"))
    if rules.max_minor_nc is not None and minor > rules.max_minor_nc:
        severity = max(severity, _apply(
            reasons, "refuse", None, "max_minor_nc",
            f"一般不符合{minor}项，超过上限{rules.max_minor_nc}项 / {minor} minor nonconformities "
            f"exceed the limit of {rules.max_minor_nc}"))
    if unanswered_required:
        severity = max(severity, VERDICTS.index(INCOMPLETE))
        for item_id in unanswered_required:
            reasons.append(Reason(item_id, "required", f"必答项未作答 / required item unanswered: "
                                                       f"{pack.item(item_id).title}"))
    elif total < rules.pass_score - PASS_TOLERANCE:
        severity = max(severity, _apply(
            reasons, "refuse", None, "pass_score",
            f"总分{total:.2f}低于通过分{rules.pass_score:g} / total {total:.2f} is below the pass "
            f"score {rules.pass_score:g}"))

    gaps, readiness = _gaps(compiled, codes, encoded)
    answered = sum(1 for c in codes if c != UNANSWERED)
    return ScoreResult(
        mode=mode, total=total, sections=tuple(section_scores),
        nonconformities={"major": major, "minor": minor, "minor_open": minor_open},
        tests=tuple(tests), verdict=VERDICTS[severity], reasons=tuple(reasons),
        gaps=tuple(gaps) if mode == SELF else (), readiness=readiness,
        answered=answered, items=len(codes), unanswered_required=tuple(unanswered_required),
    )


def _apply(reasons: list[Reason], outcome: str, item: Item | None, rule: str, message: str) -> int:
    """Record a rule's reason and return the severity its outcome gives."""
    if outcome == "none":
        return 0
    reasons.append(Reason(item.id if item else None, rule, message))
    return VERDICTS.index(REFUSE if outcome == "refuse" else CONDITIONAL)


def _test_verdict(item: Item, answer: EncodedAnswer | None) -> TestVerdict:
    base = dict(item=item.id, limit=item.limit, method=item.method, unit=item.unit)
    if answer is None or answer.code == UNANSWERED:
        return TestVerdict(verdict="unanswered", **base)
    if answer.code == NOT_APPLICABLE:
        return TestVerdict(verdict="na", **base)
    measured = answer.value if isinstance(answer.value, list) else [answer.value]
    return TestVerdict(verdict="fail" if answer.code == TEST_FAIL else "pass",
                       compared=tuple(str(j.compared) for j in answer.judgements),
                       measured=tuple(str(m) for m in measured), **base)


def _target_code(item: Item) -> int:
    if item.kind == POINTS:
        return LEVEL_OFFSET + target_level(item)
    return {VETO: VETO_PASS, CONFORMITY: CONFORM, TEST: TEST_PASS}[item.kind]


def _gaps(compiled, codes, encoded) -> tuple[list[Gap], float]:
    """Items below their target, largest weighted shortfall first; readiness in percent."""
    gaps = []
    met_weight = total_weight = 0.0
    for table, code in zip(compiled.items, codes):
        item = table.item
        if code == NOT_APPLICABLE:
            continue
        target_code = _target_code(item)
        target_credit = table.credit[target_code]
        total_weight += table.weight
        meets = code != UNANSWERED and table.credit[code] >= target_credit
        if meets:
            met_weight += table.weight
            continue
        current = encoded[item.id].value if item.id in encoded else None
        target = item.target if item.kind == POINTS else {VETO: "pass", CONFORMITY: "conform",
                                                          TEST: item.limit}[item.kind]
        credit_now = table.credit[code] if code != UNANSWERED else 0.0
        gaps.append(Gap(item.id, item.title, item.title_en, item.section_id, current, target,
                        table.weight, round((target_credit - credit_now) * table.weight, 6)))
    gaps.sort(key=lambda g: (-g.weight, -g.shortfall, g.item))
    readiness = met_weight / total_weight * 100.0 if total_weight else 0.0
    return gaps, readiness
