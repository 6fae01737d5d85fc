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
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar, overload

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
    sections: Sequence[SectionScore]   # a tuple, or MadeWhenRead
    nonconformities: dict[str, int]     # major, minor, minor_open
    tests: Sequence[TestVerdict]       # a tuple, or MadeWhenRead
    verdict: str
    reasons: Sequence[Reason]          # a tuple, or MadeWhenRead
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
    codes = {item_id: answer.code for item_id, answer in encoded.items()}

    def value_of(item_id: str) -> object:
        answer = encoded.get(item_id)
        return answer.value if answer is not None else None

    def compared_of(table: ItemTable, value: object) -> tuple[str, ...]:
        return tuple(str(j.compared) for j in encoded[table.item.id].judgements)

    return _score(compile_pack(pack), codes, value_of, compared_of, open_corrective_actions, mode)


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
    return score_codes(pack, {item_id: code for item_id, (code, _) in stored.items()},
                       {item_id: text for item_id, (_, text) in stored.items()},
                       open_corrective_actions=open_corrective_actions, mode=mode)


def score_codes(pack: Pack, codes: Mapping[str, int], values: Mapping[str, str | None], *,
                open_corrective_actions: Collection[str] = (), mode: str = CERTIFICATION) -> ScoreResult:
    """``score_stored`` with the codes and the values (JSON text) in two mappings, as the
    store reads them from one query."""

    def value_of(item_id: str) -> object:
        text = values.get(item_id)
        return None if text is None else _decode(text)

    return _score(compile_pack(pack), codes, value_of, _compared_of_value, open_corrective_actions, mode)


def _compared_of_value(table: ItemTable, value: object) -> tuple[str, ...]:
    return tuple([compared_text(table, sample) for sample in value]) if isinstance(value, list) else (
        compared_text(table, value),)


# One step of the scoring walk per item, in the compiled pack's order: what the loop reads
# of the item, taken out of its objects once per pack (attribute look-ups were most of the
# cost of scoring one assessment).
_Step = tuple[str, int, float, tuple[float, ...], float, str, bool, ItemTable]
_plans: dict[int, tuple[CompiledPack, tuple[_Step, ...]]] = {}


def _plan(compiled: CompiledPack) -> tuple[_Step, ...]:
    cached = _plans.get(id(compiled))
    if cached is not None and cached[0] is compiled:
        return cached[1]
    plan = tuple((t.item.id, t.section_index, t.weight, t.credit, t.target_credit, t.item.kind, t.item.required, t)
                 for t in compiled.items)
    _plans[id(compiled)] = (compiled, plan)   # the pair keeps the key's object alive
    return plan


T = TypeVar("T")


class MadeWhenRead(Sequence[T]):
    """A tuple of a result's parts made when first read. Scoring one assessment computes every
    number at once; the objects that show them (a section's ``SectionScore``, a test's
    verdict with its measured and compared values decoded and judged) are made only for the
    callers that read them (the window's tables, a report, the JSON), not for a total, a
    verdict or a ranking. Compares equal to the tuple it makes."""

    __slots__ = ("_make", "_made")

    def __init__(self, make: Callable[[], tuple[T, ...]]) -> None:
        self._make = make
        self._made: tuple[T, ...] | None = None

    def _parts(self) -> tuple[T, ...]:
        # Two threads reading a fresh result at once may both make the parts: equal tuples,
        # one kept. (Clearing _make after use would race with the other reader.)
        made = self._made
        if made is None:
            made = self._made = self._make()
        return made

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self._parts()[index]

    def __len__(self) -> int:
        return len(self._parts())

    def __iter__(self) -> Iterator[T]:
        return iter(self._parts())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MadeWhenRead):
            other = other._parts()
        return self._parts() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._parts())


def _severity(outcome: str) -> int:
    """The severity (index into VERDICTS) a rule's outcome gives: none, conditional or refuse."""
    if outcome == "none":
        return 0
    return VERDICTS.index(REFUSE if outcome == "refuse" else CONDITIONAL)


def _score(compiled: CompiledPack, codes: Mapping[str, int], value_of: Callable[[str], object],
           compared_of: Callable[[ItemTable, object], tuple[str, ...]], open_corrective_actions: Collection[str],
           mode: str) -> ScoreResult:
    """The result from each item's code (``codes``: item id to code; absent items are
    unanswered); ``value_of`` gives an item's stored value and ``compared_of`` a judged test
    item's compared values (from that value).

    One pass over the items. The sums run in item order with the same float operations as
    ``batch.score_batch``, so both agree to the bit. The pass computes every number and the
    verdict, and notes which rule fired where; the reasons (in item order, then the pack's
    own rules), the section rows and the test verdicts are made from those notes when first
    read.
    """
    pack = compiled.pack
    rules = pack.rules
    n_sections = len(pack.sections)
    numerators = [0.0] * n_sections
    denominators = [0.0] * n_sections
    answered_in = [0] * n_sections
    fired: list[tuple[str, ItemTable]] = []      # (rule, item) of each rule that gives a reason, in item order
    on_major, on_minor = _severity(rules.on_major_nc), _severity(rules.on_minor_nc)
    on_veto, on_test = _severity(rules.on_veto_fail), _severity(rules.on_test_fail)
    severity = 0
    open_items = open_corrective_actions if isinstance(open_corrective_actions, (set, frozenset)) else set(
        open_corrective_actions)
    major = minor = minor_open = 0
    unanswered_required: list[Item] = []
    tests: list[tuple[ItemTable, int]] = []   # (table, code) of each test item, verdicts made later
    below_target = []                       # (table, code) of items short of their target
    met_weight = total_weight = 0.0
    code_of = codes.get
    for item_id, s, weight, credit_of, target_credit, kind, required, table in _plan(compiled):
        code = code_of(item_id, UNANSWERED)
        if code == UNANSWERED:
            if required:
                unanswered_required.append(table.item)
        else:
            answered_in[s] += 1
            if code == NOT_APPLICABLE:
                if kind == TEST:
                    tests.append((table, code))
                continue
        credit = credit_of[code]
        numerators[s] = numerators[s] + weight * credit
        denominators[s] = denominators[s] + weight
        total_weight += weight
        if code != UNANSWERED and credit >= target_credit:
            met_weight += weight
        else:
            below_target.append((table, code))
        if kind == CONFORMITY:
            if code == MAJOR:
                major += 1
                if on_major:
                    fired.append(("major_nc", table))
                    severity = max(severity, on_major)
            elif code == MINOR:
                minor += 1
                if item_id in open_items:
                    minor_open += 1
                    if on_minor:
                        fired.append(("minor_nc", table))
                        severity = max(severity, on_minor)
        elif kind == VETO:
            if code == VETO_FAIL and on_veto:
                fired.append(("veto", table))
                severity = max(severity, on_veto)
        elif kind == TEST:
            tests.append((table, code))
            if code == TEST_FAIL and on_test:
                fired.append(("test_fail", table))
                severity = max(severity, on_test)

    # The total is the section-weighted mean of each section's fraction (achieved / applicable
    # credit). Each fraction is at most 1.0 (every credit is at most 1), so the total is at most
    # 100 and a perfect assessment scores exactly 100.0 whatever the weights add up to.
    scores = []
    achieved, possible = 0.0, 0.0
    for s, section in enumerate(pack.sections):
        if denominators[s] > 0:
            fraction = numerators[s] / denominators[s]
            scores.append(compiled.section_max[s] * fraction)
            achieved = achieved + section.weight * fraction
            possible = possible + section.weight
        else:
            scores.append(0.0)
    total = achieved / possible * 100.0 if possible > 0 else 0.0

    too_many_minor = rules.max_minor_nc is not None and minor > rules.max_minor_nc
    if too_many_minor:
        severity = max(severity, _severity("refuse"))
    below_pass = not unanswered_required and total < rules.pass_score - PASS_TOLERANCE
    if unanswered_required:
        severity = max(severity, VERDICTS.index(INCOMPLETE))
    elif below_pass:
        severity = max(severity, _severity("refuse"))

    compared_memo: dict[str, tuple[str, ...]] = {}

    def compared(table: ItemTable, value: object) -> tuple[str, ...]:
        item_id = table.item.id
        if item_id not in compared_memo:
            compared_memo[item_id] = compared_of(table, value)
        return compared_memo[item_id]

    def section_scores() -> tuple[SectionScore, ...]:
        return tuple(SectionScore(section.id, section.title, section.title_en, scores[s], compiled.section_max[s],
                                  answered_in[s], compiled.section_items[s]) for s, section in enumerate(pack.sections))

    def test_verdicts() -> tuple[TestVerdict, ...]:
        verdicts = []
        for table, code in tests:
            item = table.item
            if code == NOT_APPLICABLE:
                verdicts.append(TestVerdict(item.id, "na", item.limit, item.method, item.unit))
            elif code == UNANSWERED:
                verdicts.append(TestVerdict(item.id, "unanswered", item.limit, item.method, item.unit))
            else:
                value = value_of(item.id)
                verdicts.append(TestVerdict(item.id, "fail" if code == TEST_FAIL else "pass", item.limit, item.method,
                                            item.unit, compared(table, value),
                                            tuple(map(str, value if isinstance(value, list) else [value]))))
        return tuple(verdicts)

    def reasons() -> tuple[Reason, ...]:
        made = []
        for rule, table in fired:
            item = table.item
            if rule == "major_nc":
                message = f"严重不符合 / major nonconformity: {item.title}"
            elif rule == "minor_nc":
                message = (f"一般不符合，纠正措施待验证 / minor nonconformity awaiting verified "
                           f"corrective action: {item.title}")
            elif rule == "veto":
                message = f"否决项不通过 / veto item failed: {item.title}"
            else:
                message = (f"检验项目不合格 / test item failed: {item.title} "
                           f"({', '.join(compared(table, value_of(item.id)))} vs {item.limit})")
            made.append(Reason(item.id, rule, message))
        if too_many_minor:
            made.append(Reason(None, "max_minor_nc",
                               f"一般不符合{minor}项，超过上限{rules.max_minor_nc}项 / {minor} minor nonconformities "
                               f"exceed the limit of {rules.max_minor_nc}"))
        for unanswered in unanswered_required:
            made.append(Reason(unanswered.id, "required", f"必答项未作答 / required item unanswered: "
                                                          f"{unanswered.title}"))
        if below_pass:
            made.append(Reason(None, "pass_score",
                               f"总分{total:.2f}低于通过分{rules.pass_score:g} / total {total:.2f} is below the pass "
                               f"score {rules.pass_score:g}"))
        return tuple(made)

    readiness = met_weight / total_weight * 100.0 if total_weight else 0.0
    return ScoreResult(
        mode=mode, total=total, sections=MadeWhenRead(section_scores),
        nonconformities={"major": major, "minor": minor, "minor_open": minor_open},
        tests=MadeWhenRead(test_verdicts), verdict=VERDICTS[severity], reasons=MadeWhenRead(reasons),
        gaps=_gaps(below_target, value_of) if mode == SELF else (), readiness=readiness,
        answered=sum(answered_in), items=len(compiled.items),
        unanswered_required=tuple(item.id for item in unanswered_required),
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
