"""Numbers of 浙江制造 group standards (``T/ZZB NNNN—YYYY``) and implementation rules."""

from __future__ import annotations

import re

from brandmark.errors import RefusedInput

_STANDARD = re.compile(r"^T\s*/\s*ZZB\s*(\d{4})\s*[-—–－‐]{1,2}\s*(\d{4})$", re.IGNORECASE)


def normalise_standard(text: str | None) -> str | None:
    """Check a standard number and write it the canonical way, ``T/ZZB 0123—2024``.

    >>> normalise_standard("t/zzb 0123-2024")
    'T/ZZB 0123—2024'
    """
    if text is None or not str(text).strip():
        return None
    match = _STANDARD.match(str(text).strip())
    if not match:
        raise RefusedInput.of("standard.format", ("standard",), text=str(text))
    number, year = match.groups()
    if not 2013 <= int(year) <= 2100:
        raise RefusedInput.of("standard.year", ("standard",), text=str(text), year=year)
    return f"T/ZZB {number}—{year}"
