"""Each item's status from its answer: what the walk-through's item list marks."""

from __future__ import annotations

import pytest

from brandmark.packs import load_pack
from brandmark.packs.loader import parse_pack
from brandmark.scoring.encoding import encode
from brandmark.scoring.item_status import item_status, target_level
from support import MINI_PACK, pack_text


@pytest.fixture(scope="module")
def pack():
    return load_pack(MINI_PACK)


@pytest.mark.parametrize("item_id, value, status", [
    ("V1", None, "unanswered"), ("V1", "na", "na"), ("V1", "pass", "pass"), ("V1", "fail", "fail"),
    ("C1", "conform", "pass"), ("C1", "minor", "nc"), ("C1", "major", "fail"), ("C1", "na", "na"),
    ("T1", "97.0", "pass"), ("T1", "96.9", "fail"), ("T1", None, "unanswered"),
    ("T2", ["0.20", "0.21"], "pass"), ("T2", ["0.20", "0.30"], "fail"),
    ("P1", 2, "below"), ("P1", 3, "pass"), ("P1", 4, "pass"), ("P1", 0, "below"), ("P1", "na", "na"),
])
def test_status_follows_the_answer(pack, item_id, value, status):
    item = pack.item(item_id)
    assert item_status(item, encode(item, value).code) == status


def test_target_level_is_the_target_else_the_top_level(pack):
    with_target = pack.item("P1")
    assert target_level(with_target) == with_target.target == 3
    without = parse_pack(pack_text([{"weight": 1, "items": [{"id": "P", "kind": "points", "levels": 5}]}])).item("P")
    assert without.target is None and target_level(without) == without.max_level == 4
    top = encode(without, without.max_level).code
    below = encode(without, without.max_level - 1).code
    assert item_status(without, top) == "pass" and item_status(without, below) == "below"
