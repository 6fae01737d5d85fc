"""The demo data set: clearly marked, complete, loaded in one transaction, loaded once."""

from __future__ import annotations

import pytest

from brandmark.demo import ASSESSOR, DECIDER, DEMO_PREFIX, demo_value, load_demo
from brandmark.errors import RefusedInput
from brandmark.packs import bundled_pack_paths, load_pack
from brandmark.scoring.encoding import encode
from brandmark.uscc import is_valid_uscc
from support import MINI_PACK
from test_store import counts


def test_demo_is_marked_valid_and_decided(store):
    progress = []
    created = load_demo(store, progress=lambda done, total, message: progress.append((done, total)))
    applicants = [store.applicants.get(i) for i in created["applicants"]]
    assert len(applicants) == 11
    assert all(a["name"].startswith(DEMO_PREFIX) and a["demo"] == 1 for a in applicants)
    assert all(is_valid_uscc(a["uscc"]) for a in applicants)
    assert {a["region"] for a in applicants} == {"hangzhou", "ningbo", "wenzhou", "jiaxing", "huzhou", "shaoxing",
                                                 "jinhua", "quzhou", "zhoushan", "taizhou", "lishui"}
    # Progress counts up to its total, once per step.
    assert [d for d, _ in progress] == list(range(1, len(progress) + 1))
    assert progress[-1][0] == progress[-1][1]
    latest_packs = [r for r in store.schemes.list() if r["latest"]]
    assert len(created["assessments"]) == 2 * len(latest_packs)
    certifications = [store.assessments.get(i) for i in created["assessments"]]
    for row in certifications:
        result = store.assessments.score(row["id"])
        if row["mode"] == "certification":
            # One minor NC, corrected and verified, then granted by someone else.
            assert result.verdict == "grant", (row["scheme_id"], result.reasons)
            assert result.nonconformities["minor"] == 1 and result.nonconformities["minor_open"] == 0
            decision = store.assessments.decision(row["id"])
            assert decision["decision"] == "grant" and decision["decided_by"] == DECIDER != ASSESSOR
        else:
            assert result.gaps, f"the demo self-assessment of {row['scheme_id']} should show gaps"
            assert row["status"] == "open"


def test_demo_loads_once(store):
    load_demo(store)
    before = counts(store)
    with pytest.raises(RefusedInput, match="already"):
        load_demo(store)
    assert counts(store) == before


def test_demo_failure_leaves_nothing(store, monkeypatch):
    before = counts(store)
    original = store.assessments.decide

    def failing(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError("crash after the first decision")

    monkeypatch.setattr(store.assessments, "decide", failing)
    with pytest.raises(RuntimeError):
        load_demo(store)
    assert counts(store) == before


def test_demo_on_the_mini_pack_only(mini_store):
    created = load_demo(mini_store)
    assert len(created["assessments"]) == 2


@pytest.mark.parametrize("path", [MINI_PACK, *bundled_pack_paths()], ids=lambda p: p.stem)
def test_demo_values_pass_every_item(path):
    pack = load_pack(path)
    for item in pack.items():
        for step in range(10):
            encoded = encode(item, demo_value(item, step))
            assert encoded.code == 2 or item.kind == "points", (item.id, demo_value(item, step))
