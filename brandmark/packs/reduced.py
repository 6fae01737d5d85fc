"""The reduced packs a certificate's later assessments answer: a surveillance visit, a scope change.

A surveillance visit (the rule's 监督内容) answers only the items a pack marks
``surveillance = true``: a subset of the factory audit, the quality commitment and the
product sampling's chosen test items. A pack that marks none surveys every item, so an
older or foreign pack still works. A scope extension answers the test items only: the
new models are sampled and tested, the factory is not audited again.

The reduced pack is scored by the same ``score_assessment``; it keeps the sections that
still hold an item, with their weights, and the pack's rules. Only when no section left
carries weight (a total would mean nothing) is the pass score dropped to 0, so the
verdict follows the vetoes, nonconformities and test results alone.

>>> from brandmark.packs import bundled_pack_paths, load_pack
>>> pack = load_pack(next(p for p in bundled_pack_paths() if p.name == "zhejiang-made.toml"))
>>> visit = reduced_pack(pack, SURVEILLANCE)
>>> len(visit.items()) < len(pack.items()), all(item.surveillance for item in visit.items())
(True, True)
>>> {item.kind for item in reduced_pack(pack, SCOPE).items()}
{'test'}
"""

from __future__ import annotations

import dataclasses

from brandmark.packs.model import TEST, Item, Pack

SURVEILLANCE, SCOPE = "surveillance", "scope"
REDUCED_KINDS = (SURVEILLANCE, SCOPE)


def surveyed(pack: Pack) -> list[Item]:
    """The items a surveillance visit answers: those marked, or every item when none is."""
    marked = [item for item in pack.items() if item.surveillance]
    return marked or pack.items()


def marks_surveillance(pack: Pack) -> bool:
    """Does the pack choose its surveillance items (else a visit surveys every item)?"""
    return any(item.surveillance for item in pack.items())


def reduced_pack(pack: Pack, kind: str) -> Pack:
    """``pack`` cut down to what an assessment of ``kind`` answers (``surveillance`` or ``scope``)."""
    if kind == SURVEILLANCE:
        keep = {item.id for item in surveyed(pack)}
    elif kind == SCOPE:
        keep = {item.id for item in pack.items() if item.kind == TEST}
    else:
        raise ValueError(f"no reduced pack for {kind!r}")
    sections = tuple(dataclasses.replace(section, items=tuple(i for i in section.items if i.id in keep))
                     for section in pack.sections)
    sections = tuple(section for section in sections if section.items)
    rules = pack.rules
    if not any(section.weight > 0 for section in sections):
        rules = dataclasses.replace(rules, pass_score=0.0)
    # The hash names the cut as well, so the compiled scoring tables of the full pack and of
    # each reduced one are never mistaken for one another.
    return dataclasses.replace(pack, sections=sections, rules=rules, content_hash=f"{pack.content_hash}+{kind}")
