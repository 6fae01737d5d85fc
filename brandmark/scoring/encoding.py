"""Answers as small integer codes, and each item's credit for each code.

The single scorer and the vectorised batch scorer both read these tables, so the
two cannot drift apart: they differ only in looping over rows or over columns.

Codes: 0 unanswered, 1 not applicable, then the kind's values from 2 on
(veto pass/fail, conformity conform/minor/major, test pass/fail, points level + 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias, cast

from brandmark.errors import Problem, RefusedInput
from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO, Item, Pack
from brandmark.scoring.gbt8170 import InvalidLimit, InvalidMeasurement, Judgement, Limit, judge, parse_decimal, parse_limit

UNANSWERED, NOT_APPLICABLE = 0, 1
VETO_PASS, VETO_FAIL = 2, 3
CONFORM, MINOR, MAJOR = 2, 3, 4
TEST_PASS, TEST_FAIL = 2, 3
LEVEL_OFFSET = 2

_VETO_CODES = {"pass": VETO_PASS, "fail": VETO_FAIL, "na": NOT_APPLICABLE}
_CONFORMITY_CODES = {"conform": CONFORM, "minor": MINOR, "major": MAJOR, "na": NOT_APPLICABLE}


# An answer's value as stored: a code ("pass", "conform", "na"), a points level, or a test's
# measured value(s) as decimal text, a multi-sample one with ``None`` for a sample not yet measured.
StoredValue: TypeAlias = str | int | list[str | None]


class InvalidAnswer(RefusedInput):
    pass


@dataclass(frozen=True)
class EncodedAnswer:
    code: int
    value: object                      # the normalised value as stored
    judgements: tuple[Judgement, ...] = ()


def normalise_value(item: Item, value: object) -> StoredValue:
    """Check an answer's value for its item's kind; return it in stored form.

    veto ``pass|fail|na``; conformity ``conform|minor|major|na``; points an integer
    level (or ``na``); test a decimal string, a list of them (one per sample) or ``na``; a
    multi-sample list may leave samples empty (``None``): an incomplete measurement.
    """
    if isinstance(value, str) and value.strip().lower() == "na":
        return "na"
    if item.kind == VETO:
        if isinstance(value, str) and value.strip().lower() in _VETO_CODES:
            return value.strip().lower()
        raise InvalidAnswer.of("answer.veto", ("item", item.id), got=repr(value))
    if item.kind == CONFORMITY:
        if isinstance(value, str) and value.strip().lower() in _CONFORMITY_CODES:
            return value.strip().lower()
        raise InvalidAnswer.of("answer.conformity", ("item", item.id), got=repr(value))
    if item.kind == POINTS:
        level = value
        if isinstance(value, str) and value.strip().isdigit():
            level = int(value.strip())
        if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= item.max_level:
            raise InvalidAnswer.of("answer.level", ("item", item.id), top=item.max_level, got=repr(value))
        return level
    if item.kind == TEST:
        samples = value if isinstance(value, list) else [value]
        if not samples:
            raise InvalidAnswer.of("answer.no_measurement", ("item", item.id))
        if len(samples) != item.samples:
            raise InvalidAnswer.of("answer.samples", ("item", item.id), samples=item.samples, count=len(samples))
        cleaned: list[str | None] = []
        for sample in samples:
            if is_incomplete(item, value) and (sample is None or (isinstance(sample, str) and not sample.strip())):
                cleaned.append(None)      # a sample not yet measured, kept as a gap
                continue
            if isinstance(sample, bool) or not isinstance(sample, (str, int)):
                raise InvalidAnswer.of("answer.not_decimal_text", ("item", item.id), got=repr(sample))
            text = str(sample).strip()
            try:
                parse_decimal(text, "measured value")
            except InvalidMeasurement as exc:
                # The measurement's problem, placed at the item.
                raise InvalidAnswer(problems=[Problem(p.code, ("item", item.id), p.params)
                                              for p in exc.problems]) from None
            cleaned.append(text)
        # A single sample is never incomplete, so it is measured text.
        return cleaned if isinstance(value, list) else cast(str, cleaned[0])
    raise InvalidAnswer.of("answer.unknown_kind", ("item", item.id), kind=repr(item.kind))


def is_incomplete(item: Item, value: object) -> bool:
    """Whether ``value`` is a multi-sample test's partly typed measurement: one entry per
    sample, some measured and some still empty (``None`` or ""). It is kept, so nothing
    typed is lost, and scores as unanswered until every sample is in.

    >>> from brandmark.packs.model import Item
    >>> item = Item(id="T", kind="test", section_id="s", title="t", samples=3, limit="<=0.25")
    >>> is_incomplete(item, ["0.20", None, ""]), is_incomplete(item, ["0.20", "0.21", "0.22"])
    (True, False)
    >>> encode(item, ["0.20", None, None]).code == UNANSWERED
    True
    """
    if item.kind != TEST or item.samples <= 1 or not isinstance(value, list) or len(value) != item.samples:
        return False
    empty = [sample is None or (isinstance(sample, str) and not sample.strip()) for sample in value]
    return any(empty) and not all(empty)


def answer_value(answer: object) -> object:
    """Answers may be plain values or ``{"value": ...}`` objects (as stored and as in files)."""
    if isinstance(answer, Mapping):
        return answer.get("value")
    return answer


def encode(item: Item, value: object) -> EncodedAnswer:
    """Normalise and encode an answer; test values are judged per GB/T 8170 here."""
    if value is None:
        return EncodedAnswer(UNANSWERED, None)
    stored = normalise_value(item, value)
    if stored == "na":
        return EncodedAnswer(NOT_APPLICABLE, stored)
    if item.kind == VETO:
        return EncodedAnswer(_VETO_CODES[cast(str, stored)], stored)
    if item.kind == CONFORMITY:
        return EncodedAnswer(_CONFORMITY_CODES[cast(str, stored)], stored)
    if item.kind == POINTS:
        return EncodedAnswer(LEVEL_OFFSET + cast(int, stored), stored)
    if is_incomplete(item, stored):
        return EncodedAnswer(UNANSWERED, stored)
    # Complete: every sample is measured text (normalise_value refused anything else).
    samples = cast(list[str], stored if isinstance(stored, list) else [stored])
    judgements = tuple(judge(item.limit, s, item.method, item.decimals) for s in samples)
    passed = all(j.passed for j in judgements)
    return EncodedAnswer(TEST_PASS if passed else TEST_FAIL, stored, judgements)


@dataclass(frozen=True)
class ItemTable:
    """One item's place in the score: its section, weight and credit per code."""

    item: Item
    section_index: int
    weight: float
    credit: tuple[float, ...]      # indexed by code; NA's entry is unused
    limit: Limit | None = None     # a test item's limit, parsed once (None: not a test, or unparseable)
    target_credit: float = 1.0     # the credit of the answer the item aims at (readiness, gaps)


@dataclass(frozen=True)
class CompiledPack:
    pack: Pack
    items: tuple[ItemTable, ...]
    section_max: tuple[float, ...]   # each section's share of 100
    section_items: tuple[int, ...] = ()   # how many items each section has


def _credits(item: Item, pack: Pack) -> tuple[float, ...]:
    if item.kind == VETO:
        return (0.0, 0.0, 1.0, 0.0)
    if item.kind == TEST:
        return (0.0, 0.0, 1.0, 0.0)
    if item.kind == CONFORMITY:
        c = pack.rules.conformity_credit
        return (0.0, 0.0, c["conform"], c["minor"], c["major"])
    return (0.0, 0.0) + tuple(level / item.max_level for level in range(item.max_level + 1))


_compiled: dict[tuple[str, str, str], CompiledPack] = {}


def compile_pack(pack: Pack) -> CompiledPack:
    key = (pack.id, pack.version, pack.content_hash)
    if key not in _compiled:
        _compiled[key] = _compile(pack)
    return _compiled[key]


def target_level(item: Item) -> int:
    """The level a points item aims at: its ``target``, else its highest level."""
    return item.max_level if item.target is None else item.target


def target_code(item: Item) -> int:
    """The code of the answer an item aims at: its target level, a pass, conforming."""
    if item.kind == POINTS:
        return LEVEL_OFFSET + target_level(item)
    return {VETO: VETO_PASS, CONFORMITY: CONFORM, TEST: TEST_PASS}[item.kind]


def _parsed_limit(item: Item) -> Limit | None:
    if item.kind != TEST:
        return None
    try:
        return parse_limit(item.limit)
    except InvalidLimit:          # judging refuses it, with its code, when a value comes
        return None


def _compile(pack: Pack) -> CompiledPack:
    total_weight = sum(s.weight for s in pack.sections)
    # A reduced pack (brandmark.packs.reduced) may keep only weightless sections.
    section_max = tuple(s.weight / total_weight * 100.0 if total_weight else 0.0 for s in pack.sections)
    tables = []
    for index, section in enumerate(pack.sections):
        for item in section.items:
            credit = _credits(item, pack)
            tables.append(ItemTable(item, index, float(item.weight), credit, _parsed_limit(item),
                                    credit[target_code(item)]))
    return CompiledPack(pack, tuple(tables), section_max, tuple(len(s.items) for s in pack.sections))
