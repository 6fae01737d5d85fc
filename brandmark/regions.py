"""Zhejiang's 11 prefecture-level cities, and "outside Zhejiang"."""

from __future__ import annotations

from brandmark.errors import RefusedInput

# id → (Chinese, English, division code prefix)
REGIONS = {
    "hangzhou": ("杭州市", "Hangzhou", "3301"),
    "ningbo": ("宁波市", "Ningbo", "3302"),
    "wenzhou": ("温州市", "Wenzhou", "3303"),
    "jiaxing": ("嘉兴市", "Jiaxing", "3304"),
    "huzhou": ("湖州市", "Huzhou", "3305"),
    "shaoxing": ("绍兴市", "Shaoxing", "3306"),
    "jinhua": ("金华市", "Jinhua", "3307"),
    "quzhou": ("衢州市", "Quzhou", "3308"),
    "zhoushan": ("舟山市", "Zhoushan", "3309"),
    "taizhou": ("台州市", "Taizhou", "3310"),
    "lishui": ("丽水市", "Lishui", "3311"),
    "outside": ("浙江省外", "Outside Zhejiang", ""),
}


def normalise_region(text: str | None) -> str | None:
    """Accept an id (``hangzhou``), a Chinese name (``杭州``/``杭州市``) or an English name."""
    if text is None or not str(text).strip():
        return None
    key = str(text).strip()
    for region_id, (zh, en, _) in REGIONS.items():
        if key.lower() in (region_id, en.lower()) or key in (zh, zh.rstrip("市")):
            return region_id
    raise RefusedInput.of("region.unknown", ("region",), region=key,
                          choices={"zh_CN": "、".join(zh for zh, _, _ in REGIONS.values()),
                                   "en": ", ".join(REGIONS)})


def region_label(region_id: str | None, english: bool = False) -> str:
    if not region_id or region_id not in REGIONS:
        return ""
    zh, en, _ = REGIONS[region_id]
    return en if english else zh


def region_from_uscc(code: str | None) -> str | None:
    """The region a credit code's administrative-division digits (its 3rd to 8th
    characters, GB/T 2260) name: ``3301xx`` is Hangzhou, any other province's code is
    outside Zhejiang. None when the digits name no city (``3300xx``, the province itself,
    or not digits): the region is then left for the user.

    >>> region_from_uscc("91330106MA2H3QJ07X"), region_from_uscc("91110105MA0000000X")
    ('hangzhou', 'outside')
    >>> region_from_uscc("91330000MA0000000X") is None
    True
    """
    division = (code or "")[2:8]
    if len(division) != 6 or not division.isdigit():
        return None
    if not division.startswith("33"):
        return "outside" if division[:2] != "00" else None
    for region_id, (_, _, prefix) in REGIONS.items():
        if prefix and division.startswith(prefix):
            return region_id
    return None
