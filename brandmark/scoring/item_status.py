"""One item's standing from its answer code: pass, below target, nonconformity, fail...

The walk-through marks each item in its list with this, so what counts as meeting an
item (a veto passed, a points level at or above the target) is said here, beside the
scorer, and not again in the window.

>>> from brandmark.packs import bundled_pack_paths, load_pack
>>> from brandmark.scoring.encoding import encode
>>> pack = load_pack(next(p for p in bundled_pack_paths() if p.name == "zhejiang-made.toml"))
>>> item = pack.item("qe-international-benchmark")       # a points item, target level 3
>>> item_status(item, encode(item, 1).code), item_status(item, encode(item, 4).code)
('below', 'pass')
"""

from __future__ import annotations

from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO, Item
from brandmark.scoring.encoding import (
    CONFORM, LEVEL_OFFSET, MINOR, NOT_APPLICABLE, TEST_PASS, UNANSWERED, VETO_PASS, target_level,
)

UNANSWERED_STATUS, NOT_APPLICABLE_STATUS = "unanswered", "na"
PASS, MINOR_NC, BELOW_TARGET, FAIL = "pass", "nc", "below", "fail"
__all__ = ["STATUSES", "item_status", "target_level"]

STATUSES = (UNANSWERED_STATUS, NOT_APPLICABLE_STATUS, PASS, MINOR_NC, BELOW_TARGET, FAIL)


def item_status(item: Item, code: int) -> str:
    """``unanswered | na | pass | nc | below | fail`` for an answer's code (``encoding``).

    Veto and test items pass or fail; conformity items conform (pass), have a minor
    nonconformity (nc) or a major one (fail); points items reach their target level
    (pass) or stay below it (below).
    """
    if code == UNANSWERED:
        return UNANSWERED_STATUS
    if code == NOT_APPLICABLE:
        return NOT_APPLICABLE_STATUS
    if item.kind == VETO:
        return PASS if code == VETO_PASS else FAIL
    if item.kind == TEST:
        return PASS if code == TEST_PASS else FAIL
    if item.kind == CONFORMITY:
        return PASS if code == CONFORM else MINOR_NC if code == MINOR else FAIL
    if item.kind == POINTS:
        return PASS if code - LEVEL_OFFSET >= target_level(item) else BELOW_TARGET
    raise ValueError(f"item {item.id}: unknown kind {item.kind!r}")
