"""Hypothesis strategies shared by the scoring tests: random packs and random answer sets."""

from __future__ import annotations

from hypothesis import strategies as st

from brandmark.packs import Pack, parse_pack
from support import pack_text

WEIGHTS = [0, 0.1, 0.7, 1, 1.1, 2, 3, 5, 7, 10, 13.3, 17, 30, 33.3]
SECTION_WEIGHTS = [0, 0.1, 1, 3, 7, 10, 13.3, 17, 20, 30, 33.3, 40]


@st.composite
def packs(draw, max_sections: int = 5, max_items: int = 6) -> Pack:
    """A valid pack with random sections, kinds, weights, levels, targets and rules."""
    n_sections = draw(st.integers(1, max_sections))
    sections, counter = [], 0
    for _ in range(n_sections):
        items = []
        for _ in range(draw(st.integers(1, max_items))):
            counter += 1
            kind = draw(st.sampled_from(["veto", "conformity", "conformity", "points", "points", "test"]))
            item = {"id": f"I{counter}", "kind": kind, "weight": draw(st.sampled_from(WEIGHTS[1:])),
                    "required": draw(st.booleans())}
            if kind == "points":
                item["levels"] = draw(st.integers(2, 6))
                item["target"] = draw(st.none() | st.integers(0, item["levels"] - 1))
            if kind == "test":
                item["samples"] = draw(st.integers(1, 3))
                item["method"] = draw(st.sampled_from(["full", "rounded"]))
            items.append(item)
        sections.append({"weight": draw(st.sampled_from(SECTION_WEIGHTS)), "items": items})
    if not any(s["weight"] > 0 for s in sections):
        sections[0]["weight"] = 10
    outcomes = st.sampled_from(["refuse", "conditional", "none"])
    rules = "\n".join([
        f"pass_score = {draw(st.sampled_from([0, 50, 60, 75, 90, 100]))}",
        *([f"max_minor_nc = {draw(st.integers(0, 4))}"] if draw(st.booleans()) else []),
        f'on_veto_fail = "{draw(outcomes)}"', f'on_major_nc = "{draw(outcomes)}"',
        f'on_test_fail = "{draw(outcomes)}"', f'on_minor_nc = "{draw(outcomes)}"',
        "conformity_credit = { conform = 1.0, minor = %s, major = 0.0 }" % draw(st.sampled_from(["0.5", "0.3", "0"])),
    ])
    return parse_pack(pack_text(sections, rules))


def answer_for(item, draw):
    """One random valid answer (or ``None`` = leave unanswered) for an item."""
    if draw(st.integers(0, 9)) == 0:
        return None
    if draw(st.integers(0, 11)) == 0:
        return "na"
    if item.kind == "veto":
        return draw(st.sampled_from(["pass", "pass", "pass", "fail"]))
    if item.kind == "conformity":
        return draw(st.sampled_from(["conform", "conform", "minor", "major"]))
    if item.kind == "points":
        return draw(st.integers(0, item.max_level))
    values = [draw(st.sampled_from(["96.94", "96.95", "96.96", "97.0", "97.05", "98", "95"]))
              for _ in range(item.samples)]
    return values if item.samples > 1 else values[0]


@st.composite
def answer_sets(draw, pack: Pack) -> dict:
    answers = {}
    for item in pack.items():
        value = answer_for(item, draw)
        if value is not None:
            answers[item.id] = value
    return answers


@st.composite
def open_sets(draw, pack: Pack, answers: dict) -> set:
    """Which minor NCs still await a verified corrective action."""
    minors = sorted(k for k, v in answers.items() if v == "minor")
    return set(draw(st.lists(st.sampled_from(minors), unique=True))) if minors else set()
