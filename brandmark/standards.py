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
        raise RefusedInput(
            f"标准编号'{text}'格式不对，应为 T/ZZB NNNN—YYYY（如 T/ZZB 0123—2024）/ standard number "
            f"'{text}' must look like T/ZZB NNNN—YYYY, e.g. T/ZZB 0123—2024")
    number, year = match.groups()
    if not 2013 <= int(year) <= 2100:
        raise RefusedInput(f"标准编号'{text}'的年份{year}不合理 / standard number '{text}': year {year} "
                           "is not plausible (浙江制造 standards start in 2013)")
    return f"T/ZZB {number}—{year}"
