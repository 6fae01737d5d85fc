"""The single scorer as it stood before its fast path (session 6, issue 13): a reference.

``brandmark.scoring.scorer._score`` now walks a precomputed plan and builds the test
verdicts on first use; this is the plain loop it replaced, kept word for word, so the
property tests can check that the whole result (numbers, test verdicts, reasons in their
order, gaps) has not changed. Not used by the program.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection

from brandmark.packs.model import CONFORMITY, TEST, VETO, Item
from brandmark.scoring.encoding import (
    MAJOR, MINOR, NOT_APPLICABLE, TEST_FAIL, UNANSWERED, VETO_FAIL, CompiledPack, ItemTable, compile_pack,
)
from brandmark.scoring.scorer import (
    CONDITIONAL, INCOMPLETE, PASS_TOLERANCE, REFUSE, SELF, VERDICTS, Reason, ScoreResult, SectionScore, TestVerdict, _gaps,
    compared_text,
)


def reference_score(compiled: CompiledPack, codes: list[int], value_of: Callable[[str], object],
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


def reference_stored(pack, stored, *, open_corrective_actions=(), mode="certification") -> ScoreResult:
    """``score_stored`` as it was: the stored codes through the reference loop."""
    compiled = compile_pack(pack)
    codes = [stored[t.item.id][0] if t.item.id in stored else UNANSWERED for t in compiled.items]

    def value_of(item_id: str) -> object:
        text = stored[item_id][1] if item_id in stored else None
        return None if text is None else json.loads(text)

    def compared_of(table: ItemTable, value: object) -> tuple[str, ...]:
        return tuple([compared_text(table, sample) for sample in value]) if isinstance(value, list) else (
            compared_text(table, value),)

    return reference_score(compiled, codes, value_of, compared_of, open_corrective_actions, mode)


def _apply(reasons: list[Reason], outcome: str, item: Item | None, rule: str, message: str) -> int:
    """Record a rule's reason and return the severity its outcome gives."""
    if outcome == "none":
        return 0
    reasons.append(Reason(item.id if item else None, rule, message))
    return VERDICTS.index(REFUSE if outcome == "refuse" else CONDITIONAL)
