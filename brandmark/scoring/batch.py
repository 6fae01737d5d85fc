"""Score many assessments of one pack at once, with numpy.

Gives exactly the numbers of ``score_assessment`` (totals, section scores, NC
counts, verdicts): it walks the same items in the same order with the same float
operations, one column of assessments at a time instead of one assessment at a time.

>>> from brandmark.packs import bundled_pack_paths, load_pack
>>> pack = load_pack(next(p for p in bundled_pack_paths() if p.name == "zhejiang-made.toml"))
>>> codes = encode_matrix(pack, [{"app-licence": "pass"}, {"app-licence": "fail"}])
>>> score_batch(pack, codes).verdicts.tolist()      # VERDICTS' order: incomplete, refuse
[2, 3]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from brandmark.packs.model import CONFORMITY, TEST, VETO, Pack
from brandmark.scoring.encoding import (
    MAJOR, MINOR, NOT_APPLICABLE, TEST_FAIL, UNANSWERED, VETO_FAIL, InvalidAnswer, answer_value, compile_pack, encode,
)
from brandmark.scoring.scorer import PASS_TOLERANCE, VERDICTS

_REFUSE, _CONDITIONAL, _INCOMPLETE = VERDICTS.index("refuse"), VERDICTS.index("conditional"), VERDICTS.index("incomplete")
_OUTCOME = {"refuse": _REFUSE, "conditional": _CONDITIONAL, "none": 0}


@dataclass(frozen=True)
class BatchScores:
    totals: np.ndarray          # (n,) float64, 0..100
    sections: np.ndarray        # (n, sections) float64
    verdicts: np.ndarray        # (n,) int8 index into VERDICTS
    major: np.ndarray           # (n,) int32
    minor: np.ndarray           # (n,) int32
    minor_open: np.ndarray      # (n,) int32

    def verdict_names(self) -> list[str]:
        return [VERDICTS[v] for v in self.verdicts]


def encode_matrix(pack: Pack, answer_sets: Sequence[Mapping[str, object]]) -> np.ndarray:
    """Answer dicts to an (n, items) int8 code matrix, in the pack's item order."""
    compiled = compile_pack(pack)
    column = {t.item.id: j for j, t in enumerate(compiled.items)}
    width = len(compiled.items)
    # encode() is pure and answers repeat a lot across assessments ("conform", levels, the
    # same measured values): encode each distinct (item, value) once. Rows are built as
    # lists and made one array at the end (setting numpy elements one by one costs more
    # than the look-ups); absent items stay 0, as in np.zeros.
    memos: list[dict[object, int]] = [{} for _ in range(width)]     # one per column
    rows = []
    for answers in answer_sets:
        row = [0] * width
        for item_id, answer in answers.items():
            j = column.get(item_id)
            if j is None:
                raise InvalidAnswer.of("answer.not_in_pack", ("item", str(item_id)), pack=pack.id,
                                       version=pack.version)
            value = answer if type(answer) in _PLAIN else answer_value(answer)
            # Types are part of the key: True == 1 and hash alike, but only 1 is a valid level.
            # (A string is its own key: no other type's key is a string.)
            kind = type(value)
            key = value if kind is str else (
                kind, tuple((type(v), v) for v in value) if isinstance(value, list) else value)
            memo = memos[j]
            try:
                code, hashable = memo.get(key), True
            except TypeError:          # an unhashable value: encode() will refuse it
                code, hashable = None, False
            if code is None:
                code = encode(compiled.items[j].item, value).code
                if hashable:
                    memo[key] = code
            row[j] = code
        rows.append(row)
    return np.array(rows, dtype=np.int8).reshape(len(answer_sets), width)


# Answers that are their own value (not ``{"value": ...}`` mappings): answer_value's ABC check skipped.
_PLAIN = frozenset({str, int, float, list, type(None)})


def score_batch(pack: Pack, codes: np.ndarray, open_corrective_actions: np.ndarray | None = None) -> BatchScores:
    """Score an (n, items) code matrix. ``open_corrective_actions`` is an (n, items)
    bool matrix marking minor NCs still awaiting verified corrective action
    (default: every minor NC is still open)."""
    compiled = compile_pack(pack)
    rules = pack.rules
    codes = np.asarray(codes)
    n = codes.shape[0]
    if codes.shape[1] != len(compiled.items):
        raise ValueError(f"code matrix has {codes.shape[1]} columns, pack {pack.id} has {len(compiled.items)} items")
    if open_corrective_actions is None:
        open_corrective_actions = np.ones(codes.shape, dtype=bool)

    n_sections = len(pack.sections)
    numerators = np.zeros((n_sections, n))
    denominators = np.zeros((n_sections, n))
    severity = np.zeros(n, dtype=np.int8)
    major = np.zeros(n, dtype=np.int32)
    minor = np.zeros(n, dtype=np.int32)
    minor_open = np.zeros(n, dtype=np.int32)
    incomplete = np.zeros(n, dtype=bool)

    for j, table in enumerate(compiled.items):
        column = codes[:, j]
        applicable = column != NOT_APPLICABLE
        credit = np.asarray(table.credit)[column]
        s = table.section_index
        # Adding 0.0 where the item is NA keeps every other sum's float order intact.
        numerators[s] = np.where(applicable, numerators[s] + table.weight * credit, numerators[s])
        denominators[s] = np.where(applicable, denominators[s] + table.weight, denominators[s])

        item = table.item
        if item.required:
            incomplete |= column == UNANSWERED
        if item.kind == VETO:
            severity = np.maximum(severity, np.where(column == VETO_FAIL, _OUTCOME[rules.on_veto_fail], 0))
        elif item.kind == CONFORMITY:
            is_major = column == MAJOR
            is_minor = column == MINOR
            major += is_major
            minor += is_minor
            pending = is_minor & open_corrective_actions[:, j]
            minor_open += pending
            severity = np.maximum(severity, np.where(is_major, _OUTCOME[rules.on_major_nc], 0))
            severity = np.maximum(severity, np.where(pending, _OUTCOME[rules.on_minor_nc], 0))
        elif item.kind == TEST:
            severity = np.maximum(severity, np.where(column == TEST_FAIL, _OUTCOME[rules.on_test_fail], 0))

    sections = np.zeros((n, n_sections))
    achieved = np.zeros(n)
    possible = np.zeros(n)
    for s, section in enumerate(pack.sections):
        has = denominators[s] > 0
        fraction = numerators[s] / np.where(has, denominators[s], 1.0)
        sections[:, s] = np.where(has, compiled.section_max[s] * fraction, 0.0)
        achieved = np.where(has, achieved + section.weight * fraction, achieved)
        possible = np.where(has, possible + section.weight, possible)
    totals = np.where(possible > 0, achieved / np.where(possible > 0, possible, 1.0) * 100.0, 0.0)

    if rules.max_minor_nc is not None:
        severity = np.maximum(severity, np.where(minor > rules.max_minor_nc, _REFUSE, 0))
    severity = np.maximum(severity, np.where(incomplete, _INCOMPLETE, 0))
    severity = np.maximum(severity, np.where(
        ~incomplete & (totals < rules.pass_score - PASS_TOLERANCE), _REFUSE, 0))
    return BatchScores(totals, sections, severity.astype(np.int8), major, minor, minor_open)
