"""Memory stays bounded: a bundle's evidence is streamed, never held whole (issue 10 §3).

Python's own allocations are traced (``tracemalloc``) while a bundle with one 24 MiB
evidence file is exported on the laptop and imported at the body; the peak must stay
far below the file's size (the chunks are 1 MiB)."""

from __future__ import annotations

import os
import tracemalloc

import pytest

from brandmark import exchange
from exchange_support import make_world

SIZE = 24 * 1024 * 1024


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


def peak_while(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_evidence_is_streamed_both_ways(world, tmp_path):
    laptop_id = world.receive()
    big = tmp_path / "survey-video.bin"
    with open(big, "wb") as out:
        for _ in range(SIZE // (1024 * 1024)):
            out.write(os.urandom(1024 * 1024))
    world.laptop.assessments.add_evidence(laptop_id, "V1", big, by=world.assessor_on_laptop)
    work = tmp_path / "work.bmx"
    exported = peak_while(lambda: exchange.export_assessment(world.laptop, laptop_id, path=work,
                                                             by=world.assessor_on_laptop))
    imported = peak_while(lambda: exchange.import_bundle(world.body, work))
    assert world.body.assessments.evidence(world.assessment)[0]["size"] == SIZE
    assert exported < SIZE / 4, f"export peaked at {exported / 2 ** 20:.1f} MiB"
    assert imported < SIZE / 4, f"import peaked at {imported / 2 ** 20:.1f} MiB"
