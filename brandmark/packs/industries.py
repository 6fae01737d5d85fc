"""Which scheme fits an applicant's industry, from the packs' own ``industries`` words.

A pack lists the industries it is written for (``[pack] industries``, see
docs/pack-format.md); an applicant's industry is free text ("家用电器", "茶叶种植",
"物流服务"). The pack proposed is the one with the longest word found in that text,
compared after NFKC and case folding, spaces ignored. No word found, or two packs tied
on their longest word, proposes none: the assessor chooses, rather than being handed a
guess.

>>> from types import SimpleNamespace as P
>>> packs = [P(id="made", industries=("电器", "家用电器")), P(id="agri", industries=("茶叶", "农业")),
...          P(id="service", industries=("服务", "农业服务", "物流"))]
>>> propose_scheme(packs, "家用 电器"), propose_scheme(packs, "茶叶种植"), propose_scheme(packs, "农业服务")
('made', 'agri', 'service')
>>> propose_scheme(packs, "软件") is None, propose_scheme(packs, "") is None
(True, True)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brandmark.packs.model import Pack


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).casefold()


def propose_scheme(packs: Iterable[Pack], industry: str | None) -> str | None:
    """The id of the pack whose industry words best fit ``industry``, or None."""
    wanted = _folded(industry or "")
    if not wanted:
        return None
    best: dict[str, int] = {}
    for pack in packs:
        found = [len(word) for word in map(_folded, pack.industries) if word and word in wanted]
        if found:
            best[pack.id] = max(found)
    if not best:
        return None
    longest = max(best.values())
    winners = [pack_id for pack_id, length in best.items() if length == longest]
    return winners[0] if len(winners) == 1 else None
