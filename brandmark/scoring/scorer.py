"""The one scoring function: section scores, total, NC counts, test verdicts, verdict.

Everything that shows a score (window, CLI, reports, certificates) gets it from
``store.assessments.score``, which calls ``score_stored`` on the stored answer codes;
``score_assessment`` scores answers not yet stored (an exchange bundle, a file). The
register's ranking calls ``brandmark.scoring.batch``, which computes the same numbers
over many assessments at once. All three walk the same compiled tables.

>>> from brandmark.packs import bundled_pack_paths, load_pack
>>> pack = load_pack(next(p for p in bundled_pack_paths() if p.name == "zhejiang-made.toml"))
>>> score_assessment(pack, {"app-licence": "pass", "pt-power-deviation": "2.5"}).verdict
'incomplete'
>>> score_assessment(pack, {"pt-power-deviation": "3.1"}).verdict     # outside -5.0~3.0
'refuse'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO, Item, Pack
from brandmark.scoring.encoding import (
    MAJOR, MINOR, NOT_APPLICABLE, TEST_FAIL, UNANSWERED, VETO_FAIL, CompiledPack, EncodedAnswer, InvalidAnswer,
    ItemTable, answer_value, compile_pack, encode,
)
from brandmark.scoring.gbt8170 import FULL, judge

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
    nonconformities: dict[str, int]     # major, minor, minor_open
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

    def to_json(self) -> dict[str, Any]:
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
    codes = [encoded[t.item.id].code if t.item.id in encoded else UNANSWERED for t in compiled.items]

    def value_of(item_id: str) -> object:
        answer = encoded.get(item_id)
        return answer.value if answer is not None else None

    def compared_of(table: ItemTable, value: object) -> tuple[str, ...]:
        return tuple(str(j.compared) for j in encoded[table.item.id].judgements)

    return _score(compiled, codes, value_of, compared_of, open_corrective_actions, mode)


def score_stored(pack: Pack, stored: Mapping[str, tuple[int, str | None]], *,
                 open_corrective_actions: Collection[str] = (),
                 mode: str = CERTIFICATION) -> ScoreResult:
    """Score one assessment from its stored answers, as the batch scorer does: nothing is
    re-encoded or re-judged.

    ``stored`` maps item id to ``(code, value)`` as the register keeps them: the code
    ``encode`` gave when the answer was recorded against this same frozen pack, and the
    normalised value as JSON text. Only what the result shows beyond the numbers reads a
    value: a test's measured and compared values (its pass or fail is the code), and in
    self mode the gaps' current answers. Items the pack does not have are left out, as the
    batch scorer leaves them out. Gives exactly ``score_assessment``'s result for the
    answers the codes were made from (tests/test_batch.py).

    >>> from brandmark.packs import bundled_pack_paths, load_pack
    >>> pack = load_pack(next(p for p in bundled_pack_paths() if p.name == "zhejiang-made.toml"))
    >>> score_stored(pack, {"pt-power-deviation": (TEST_FAIL, '"3.1"')}).tests[0].compared
    ('3.1',)
    """
    compiled = compile_pack(pack)
    codes = [stored[t.item.id][0] if t.item.id in stored else UNANSWERED for t in compiled.items]

    def value_of(item_id: str) -> object:
        text = stored[item_id][1] if item_id in stored else None
        return None if text is None else _decode(text)

    def compared_of(table: ItemTable, value: object) -> tuple[str, ...]:
        return tuple([compared_text(table, sample) for sample in value]) if isinstance(value, list) else (
            compared_text(table, value),)

    return _score(compiled, codes, value_of, compared_of, open_corrective_actions, mode)


def _score(compiled: CompiledPack, codes: list[int], value_of: Callable[[str], object],
           compared_of: Callable[[ItemTable, object], tuple[str, ...]], open_corrective_actions: Collection[str],
           mode: str) -> ScoreResult:
    """The result from each item's code (in the compiled pack's order); ``value_of`` gives an
    item's stored value and ``compared_of`` a judged test item's compared values (from that value).

    One pass over the items. The sums run in item order with the same float operations as
    ``batch.score_batch``, so both agree to the bit; the reasons come in item order.
    """
    pack = compiled.pack
    rules = pack.rules
    n_sections = len(pack.sections)
    numerators = [0.0] * n_sections
    denominators = [0.0] * n_sections
    answered_in = [0] * n_sections
    reasons: list[Reason] = []
    severity = 0
    open_items = set(open_corrective_actions)
    major = minor = minor_open = 0
    unanswered_required = []
    tests = []
    below_target = []                       # (table, code) of items short of their target
    met_weight = total_weight = 0.0
    for table, code in zip(compiled.items, codes):
        s = table.section_index
        item = table.item
        kind = item.kind
        if code == UNANSWERED:
            if item.required:
                unanswered_required.append(item.id)
        else:
            answered_in[s] += 1
            if code == NOT_APPLICABLE:
                if kind == TEST:
                    tests.append(TestVerdict(item.id, "na", item.limit, item.method, item.unit))
                continue
        weight = table.weight
        credit = table.credit[code]
        numerators[s] = numerators[s] + weight * credit
        denominators[s] = denominators[s] + weight
        total_weight += weight
        if code != UNANSWERED and credit >= table.target_credit:
            met_weight += weight
        else:
            below_target.append((table, code))
        if kind == CONFORMITY:
            if code == MAJOR:
                major += 1
                severity = max(severity, _apply(reasons, rules.on_major_nc, item, "major_nc",
                                                f"严重不符合 / major nonconformity: {item.title}"))
            elif code == MINOR:
                minor += 1
                if item.id in open_items:
                    minor_open += 1
                    severity = max(severity, _apply(
                        reasons, rules.on_minor_nc, item, "minor_nc",
                        f"一般不符合，纠正措施待验证 / minor nonconformity awaiting verified "
                        f"corrective action: {item.title}"))
        elif kind == VETO:
            if code == VETO_FAIL:
                severity = max(severity, _apply(reasons, rules.on_veto_fail, item, "veto",
                                                f"否决项不通过 / veto item failed: {item.title}"))
        elif kind == TEST:
            if code == UNANSWERED:
                tests.append(TestVerdict(item.id, "unanswered", item.limit, item.method, item.unit))
                continue
            value = value_of(item.id)
            compared = compared_of(table, value)
            failed = code == TEST_FAIL
            tests.append(TestVerdict(item.id, "fail" if failed else "pass", item.limit, item.method, item.unit,
                                     compared, tuple(map(str, value if isinstance(value, list) else [value]))))
            if failed:
                severity = max(severity, _apply(
                    reasons, rules.on_test_fail, item, "test_fail",
                    f"检验项目不合格 / test item failed: {item.title} ({', '.join(compared)} vs {item.limit})"))

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
                                           compiled.section_max[s], answered_in[s], compiled.section_items[s]))
    total = achieved / possible * 100.0 if possible > 0 else 0.0

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

    readiness = met_weight / total_weight * 100.0 if total_weight else 0.0
    answered = len(codes) - codes.count(UNANSWERED)
    return ScoreResult(
        mode=mode, total=total, sections=tuple(section_scores),
        nonconformities={"major": major, "minor": minor, "minor_open": minor_open},
        tests=tuple(tests), verdict=VERDICTS[severity], reasons=tuple(reasons),
        gaps=_gaps(below_target, value_of) if mode == SELF else (), readiness=readiness,
        answered=answered, items=len(codes), unanswered_required=tuple(unanswered_required),
    )


_decode = json.JSONDecoder().decode

# A plain decimal the way people type one: Decimal prints it back unchanged, so for the
# full-value method it is its own compared value. (Not "007", "+1", "1e3", "0.0000001",
# a Unicode minus: those go through judge, which prints them as Decimal does.)
_PLAIN_DECIMAL = re.compile(r"-?(?:[1-9][0-9]{0,19}(?:\.[0-9]{1,20})?|0(?:\.(?!0{6})[0-9]{1,20})?)")


def compared_text(table: ItemTable, sample: object) -> str:
    """The value a judged test sample was compared with (GB/T 8170), as text: the measured
    value for the full-value method, the rounded one for the rounded method.

    >>> from brandmark.packs.model import Item
    >>> from brandmark.scoring.encoding import ItemTable
    >>> table = ItemTable(Item(id="T", kind="test", section_id="s", title="t", limit="<=0.25",
    ...                        method="rounded"), 0, 1.0, ())
    >>> compared_text(table, "0.245"), compared_text(table, "0.255")
    ('0.24', '0.26')
    """
    item = table.item
    if item.method == FULL and isinstance(sample, str) and _PLAIN_DECIMAL.fullmatch(sample):
        return sample
    return str(judge(table.limit or item.limit, str(sample), item.method, item.decimals).compared)


def _apply(reasons: list[Reason], outcome: str, item: Item | None, rule: str, message: str) -> int:
    """Record a rule's reason and return the severity its outcome gives."""
    if outcome == "none":
        return 0
    reasons.append(Reason(item.id if item else None, rule, message))
    return VERDICTS.index(REFUSE if outcome == "refuse" else CONDITIONAL)


def _gaps(below_target: list[tuple[ItemTable, int]], value_of: Callable[[str], object]) -> tuple[Gap, ...]:
    """The items below their target, largest weighted shortfall first."""
    gaps = []
    for table, code in below_target:
        item = table.item
        target = item.target if item.kind == POINTS else {VETO: "pass", CONFORMITY: "conform",
                                                          TEST: item.limit}[item.kind]
        credit_now = table.credit[code] if code != UNANSWERED else 0.0
        gaps.append(Gap(item.id, item.title, item.title_en, item.section_id, value_of(item.id), target,
                        table.weight, round((table.target_credit - credit_now) * table.weight, 6)))
    gaps.sort(key=lambda g: (-g.weight, -g.shortfall, g.item))
    return tuple(gaps)
