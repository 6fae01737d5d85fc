"""Read a pack from TOML and check it against the pack format (docs/pack-format.md).

Every problem is reported, each as ``FILE: item ID: reason``; a malformed pack never
raises anything but ``PackError``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

from brandmark.errors import PackError
from brandmark.packs.model import (
    CHOICES, CONFORMITY, KINDS, OUTCOMES, POINTS, STAGES, TEST, Item, Level, Pack, Rules, Section,
)
from brandmark.paths import packs_dir
from brandmark.scoring.gbt8170 import METHODS, InvalidLimit, parse_limit

FORMAT_VERSION = 1
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

_PACK_KEYS = {"id", "version", "family", "title", "title_en", "reference", "notice", "notice_en",
              "standard", "implementation_rule"}
_SECTION_KEYS = {"id", "stage", "title", "title_en", "description", "weight", "items"}
_ITEM_KEYS = {"id", "kind", "title", "title_en", "text", "text_en", "guidance", "guidance_en",
              "evidence", "clause", "required", "weight", "levels", "target", "quantity", "unit",
              "limit", "method", "decimals", "samples", "national_limit", "test_method"}
_RULE_KEYS = set(Rules.__dataclass_fields__)


def bundled_pack_paths() -> list[Path]:
    """The reference packs shipped inside brandmark."""
    return sorted(packs_dir().glob("*.toml"))


def load_pack(path: str | Path) -> Pack:
    """Read and check a pack file. Raises ``PackError`` listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackError([f"{path.name}: pack: cannot read the file ({exc.strerror or exc})"]) from None
    return parse_pack(raw, source=path.name)


def parse_pack(raw: bytes | str, source: str = "<pack>") -> Pack:
    """Parse pack TOML (bytes or text). The content hash is SHA-256 of the UTF-8 bytes.

    A leading byte-order mark (Windows editors write one) is dropped before hashing,
    so the hash of the text kept in the database is the hash of the file.
    """
    data_bytes = raw.encode("utf-8") if isinstance(raw, str) else raw
    try:
        text = data_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError([f"{source}: pack: not UTF-8 text (byte {exc.start})"]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
        data_bytes = text.encode("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError([f"{source}: pack: TOML syntax error: {exc}"]) from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively.
        raise PackError([f"{source}: pack: arrays or tables nested too deeply"]) from None
    problems: list[str] = []
    pack = _build(data, source, problems, text, hashlib.sha256(data_bytes).hexdigest())
    if problems:
        raise PackError(problems)
    assert pack is not None
    return pack


class _Checker:
    def __init__(self, source: str, problems: list[str]):
        self.source, self.problems = source, problems

    def add(self, where: str, reason: str) -> None:
        self.problems.append(f"{self.source}: {where}: {reason}")

    def text(self, table: dict, key: str, where: str, required: bool = False) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.add(where, f"'{key}' must be text, got {type(value).__name__}")
            return ""
        if required and not value.strip():
            self.add(where, f"'{key}' is missing")
        return value

    def number(self, table: dict, key: str, where: str, default: float, low: float, high: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(where, f"'{key}' must be a number, got {value!r}")
            return default
        if not low <= value <= high:
            self.add(where, f"'{key}' = {value} is outside {low}..{high}")
            return default
        return float(value)

    def integer(self, table: dict, key: str, where: str, default, low: int, high: int):
        value = table.get(key, default)
        if value is None and default is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, f"'{key}' must be a whole number, got {value!r}")
            return default
        if not low <= value <= high:
            self.add(where, f"'{key}' = {value} is outside {low}..{high}")
            return default
        return value

    def unknown(self, table: dict, allowed: set, where: str) -> None:
        for key in sorted(set(table) - allowed):
            self.add(where, f"unknown key '{key}'")


def _build(data: dict, source: str, problems: list[str], text: str, content_hash: str) -> Pack | None:
    check = _Checker(source, problems)
    fmt = data.get("format")
    if fmt != FORMAT_VERSION:
        check.add("pack", f"'format' must be {FORMAT_VERSION}, got {fmt!r}")
    for key in sorted(set(data) - {"format", "pack", "rules", "sections"}):
        check.add("pack", f"unknown top-level key '{key}'")

    head = data.get("pack")
    if not isinstance(head, dict):
        check.add("pack", "the [pack] table is missing")
        head = {}
    check.unknown(head, _PACK_KEYS, "pack")
    pack_id = check.text(head, "id", "pack", required=True)
    if pack_id and not _ID.match(pack_id):
        check.add("pack", f"id '{pack_id}' may use only letters, digits, '.', '_' and '-'")
    version = head.get("version", "")
    if not isinstance(version, str) or not version.strip():
        check.add("pack", "'version' is missing (write it as text, e.g. \"2026.1\")")
        version = ""
    reference = head.get("reference", False)
    if not isinstance(reference, bool):
        check.add("pack", "'reference' must be true or false")
        reference = False

    # Read every [pack] text now, so its problems are reported with all the others.
    texts = {key: check.text(head, key, "pack", required=(key == "title"))
             for key in ("title", "title_en", "family", "notice", "notice_en", "standard",
                         "implementation_rule")}

    rules = _rules(data.get("rules", {}), check)

    sections_data = data.get("sections")
    sections: list[Section] = []
    if not isinstance(sections_data, list) or not sections_data:
        check.add("pack", "no [[sections]]: a pack needs at least one section")
        sections_data = []
    seen_sections: set[str] = set()
    seen_items: set[str] = set()
    for index, section_data in enumerate(sections_data, start=1):
        section = _section(section_data, index, check, seen_sections, seen_items, rules)
        if section:
            sections.append(section)
    if sections and not any(s.weight > 0 for s in sections):
        check.add("pack", "no section has a weight above 0, so no score can be computed")

    if problems:
        return None
    return Pack(
        id=pack_id, version=version.strip(), family=texts["family"] or pack_id,
        title=texts["title"], title_en=texts["title_en"],
        reference=reference, notice=texts["notice"], notice_en=texts["notice_en"],
        standard=texts["standard"], implementation_rule=texts["implementation_rule"],
        rules=rules, sections=tuple(sections), content_hash=content_hash, source_text=text,
    )


def _rules(table, check: _Checker) -> Rules:
    if not isinstance(table, dict):
        check.add("rules", "[rules] must be a table")
        return Rules()
    check.unknown(table, _RULE_KEYS, "rules")
    values = {
        "pass_score": check.number(table, "pass_score", "rules", 60.0, 0, 100),
        "max_minor_nc": check.integer(table, "max_minor_nc", "rules", None, 0, 1000),
        "corrective_action_days": check.integer(table, "corrective_action_days", "rules", 30, 1, 365),
        "certificate_validity_years": check.integer(table, "certificate_validity_years", "rules", 3, 1, 10),
        "surveillance_interval_months": check.integer(table, "surveillance_interval_months", "rules", 12, 1, 60),
    }
    for key in ("on_veto_fail", "on_major_nc", "on_test_fail", "on_minor_nc"):
        outcome = table.get(key, getattr(Rules, key))
        if outcome not in OUTCOMES:
            check.add("rules", f"'{key}' = {outcome!r}; use one of {', '.join(OUTCOMES)}")
            outcome = getattr(Rules, key)
        values[key] = outcome
    credit = table.get("conformity_credit", {"conform": 1.0, "minor": 0.5, "major": 0.0})
    if not isinstance(credit, dict) or set(credit) != {"conform", "minor", "major"} or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in credit.values()
    ):
        check.add("rules", "'conformity_credit' must give conform, minor and major each a number 0..1")
        credit = {"conform": 1.0, "minor": 0.5, "major": 0.0}
    elif not credit["conform"] >= credit["minor"] >= credit["major"]:
        check.add("rules", "'conformity_credit' must not rank a nonconformity above conformity")
    values["conformity_credit"] = {k: float(v) for k, v in credit.items()}
    return Rules(**values)


def _section(data, index: int, check: _Checker, seen_sections: set, seen_items: set,
             rules: Rules) -> Section | None:
    where = f"section #{index}"
    if not isinstance(data, dict):
        check.add(where, "must be a table")
        return None
    section_id = data.get("id")
    if not isinstance(section_id, str) or not _ID.match(section_id):
        check.add(where, f"'id' is missing or not a plain identifier: {section_id!r}")
    else:
        where = f"section {section_id}"
        if section_id in seen_sections:
            check.add(where, "the same section id is used twice")
        seen_sections.add(section_id)
    check.unknown(data, _SECTION_KEYS, where)
    stage = data.get("stage")
    if stage not in STAGES:
        check.add(where, f"'stage' = {stage!r}; use one of {', '.join(STAGES)}")
    weight = check.number(data, "weight", where, 0.0, 0, 1000)
    items_data = data.get("items")
    if not isinstance(items_data, list) or not items_data:
        check.add(where, "has no items")
        items_data = []
    items = []
    for item_index, item_data in enumerate(items_data, start=1):
        item = _item(item_data, f"{where} item #{item_index}", str(section_id), check, seen_items, rules)
        if item:
            items.append(item)
    if weight > 0 and items and not any(item.weight > 0 for item in items):
        # Such a section could never score: it would silently drop out of every total.
        check.add(where, "has a weight above 0 but every item's weight is 0")
    return Section(
        id=str(section_id), stage=str(stage), title=check.text(data, "title", where, required=True),
        title_en=check.text(data, "title_en", where), description=check.text(data, "description", where),
        weight=weight, items=tuple(items),
    )


def _item(data, fallback_where: str, section_id: str, check: _Checker, seen: set,
          rules: Rules) -> Item | None:
    if not isinstance(data, dict):
        check.add(fallback_where, "must be a table")
        return None
    item_id = data.get("id")
    if not isinstance(item_id, str) or not _ID.match(item_id):
        check.add(fallback_where, f"'id' is missing or not a plain identifier: {item_id!r}")
        where = fallback_where
    else:
        where = f"item {item_id}"
        if item_id in seen:
            check.add(where, "the same item id is used twice")
        seen.add(item_id)
    check.unknown(data, _ITEM_KEYS, where)
    kind = data.get("kind")
    if kind not in KINDS:
        check.add(where, f"'kind' = {kind!r}; use one of {', '.join(KINDS)}")
        return None
    evidence = data.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        check.add(where, "'evidence' must be a list of text")
        evidence = []
    required = data.get("required", True)
    if not isinstance(required, bool):
        check.add(where, "'required' must be true or false")
        required = True
    fields = dict(
        id=str(item_id), kind=kind, section_id=section_id,
        title=check.text(data, "title", where, required=True),
        title_en=check.text(data, "title_en", where), text=check.text(data, "text", where),
        text_en=check.text(data, "text_en", where), guidance=check.text(data, "guidance", where),
        guidance_en=check.text(data, "guidance_en", where), evidence=tuple(evidence),
        clause=check.text(data, "clause", where), required=required,
        weight=check.number(data, "weight", where, 1.0, 0, 1000),
    )
    kind_only = {"points": {"levels", "target"},
                 "test": {"quantity", "unit", "limit", "method", "decimals", "samples",
                          "national_limit", "test_method"}}
    for other_kind, keys in kind_only.items():
        if kind != other_kind:
            for key in sorted(keys & set(data)):
                check.add(where, f"'{key}' belongs to {other_kind} items, not {kind}")
    if kind == POINTS:
        fields.update(_points(data, where, check))
    elif kind == TEST:
        fields.update(_test(data, where, check))
    return Item(**fields)


def _points(data: dict, where: str, check: _Checker) -> dict:
    levels_data = data.get("levels")
    levels: list[Level] = []
    if not isinstance(levels_data, list) or len(levels_data) < 2:
        check.add(where, "a points item needs 'levels': at least two, level 0 first")
        return {"levels": (), "target": None}
    for number, level in enumerate(levels_data):
        if isinstance(level, str):
            levels.append(Level(number, level))
        elif isinstance(level, dict) and isinstance(level.get("text"), str):
            if set(level) - {"text", "text_en"}:
                check.add(where, f"level {number}: unknown keys {sorted(set(level) - {'text', 'text_en'})}")
            levels.append(Level(number, level["text"], str(level.get("text_en", ""))))
        else:
            check.add(where, f"level {number} needs a 'text' descriptor")
    target = data.get("target")
    if target is not None and (isinstance(target, bool) or not isinstance(target, int)
                               or not 0 <= target < len(levels_data)):
        check.add(where, f"'target' = {target!r} is not one of the levels 0..{len(levels_data) - 1}")
        target = None
    return {"levels": tuple(levels), "target": target}


def _test(data: dict, where: str, check: _Checker) -> dict:
    limit = data.get("limit")
    if not isinstance(limit, str):
        check.add(where, "a test item needs 'limit' as text, e.g. \">=97.0\"")
        limit = ""
    else:
        try:
            parse_limit(limit)
        except InvalidLimit as exc:
            check.add(where, str(exc))
    method = data.get("method", "full")
    if method not in METHODS:
        check.add(where, f"'method' = {method!r}; use 'full' (全数值比较法) or 'rounded' (修约值比较法)")
    national = data.get("national_limit", "")
    if national:
        try:
            parse_limit(national)
        except InvalidLimit as exc:
            check.add(where, f"national_limit: {exc}")
    return {
        "quantity": check.text(data, "quantity", where, required=True),
        "unit": check.text(data, "unit", where),
        "limit": limit, "method": method,
        "decimals": check.integer(data, "decimals", where, None, 0, 10),
        "samples": check.integer(data, "samples", where, 1, 1, 100),
        "national_limit": national if isinstance(national, str) else "",
        "test_method": check.text(data, "test_method", where),
    }


__all__ = ["FORMAT_VERSION", "load_pack", "parse_pack", "bundled_pack_paths", "CHOICES", "CONFORMITY"]
