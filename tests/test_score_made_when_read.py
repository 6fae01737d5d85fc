"""A result's section rows, test verdicts and reasons are made when first read, and are then
the tuples they always were (the numbers and the verdict are computed at once)."""

from __future__ import annotations

import threading

from brandmark.packs import bundled_pack_paths, load_pack
from brandmark.scoring import scorer
from brandmark.scoring.encoding import TEST_FAIL, TEST_PASS
from brandmark.scoring.scorer import MadeWhenRead, score_stored

PACK = load_pack(next(p for p in bundled_pack_paths() if p.name == "zhejiang-made.toml"))


def test_test_values_are_judged_only_when_the_verdicts_or_reasons_are_read(monkeypatch):
    judged = []
    real = scorer.compared_text
    monkeypatch.setattr(scorer, "compared_text", lambda table, sample: judged.append(sample) or real(table, sample))
    result = score_stored(PACK, {"pt-power-deviation": (TEST_FAIL, '"3.1"')})
    assert result.verdict == "refuse" and judged == []
    assert result.tests[0].compared == ("3.1",) and judged == ["3.1"]
    assert any("3.1 vs" in reason.message for reason in result.reasons)
    assert judged == ["3.1"]          # the reason reuses the verdict's compared values


def test_parts_compare_as_tuples_and_are_made_once():
    result = score_stored(PACK, {"pt-power-deviation": (TEST_PASS, '"2.5"')})
    for parts in (result.sections, result.tests, result.reasons):
        assert isinstance(parts, MadeWhenRead)
        made = tuple(parts)
        assert parts == made and made == parts and parts[:] == made and len(parts) == len(made)
        assert tuple(parts)[0] is made[0]


def test_readers_in_two_threads_get_equal_parts():
    calls = []

    def make():
        calls.append(1)
        return (1, 2, 3)

    parts = MadeWhenRead(make)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(tuple(parts))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [(1, 2, 3)] * 8 and 1 <= len(calls) <= 8
