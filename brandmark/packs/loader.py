"""Read a pack from TOML and check it against the pack format (docs/pack-format.md).

Every problem is reported, each a ``Problem`` whose field is ``(FILE, "item", ID, key)``
(or ``"pack"``, ``"rules"``, ``"section", ID``) and whose code is in the catalogue's
``[pack]`` table; its text is ``FILE: item ID: reason``. A malformed pack never raises
anything but ``PackError``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.errors import PackError, Problem
from brandmark.limits import METHODS, InvalidLimit, parse_limit
from brandmark.packs.model import (
    BRAND_ELEMENTS, CHOICES, CONFORMITY, KINDS, OUTCOMES, POINTS, STAGES, TEST, Item, Level, Pack, Rules, Section,
)
from brandmark.packs.process import read_process
from brandmark.paths import bundled_pack_paths, packs_dir  # noqa: F401 — bundled_pack_paths: its old home

if TYPE_CHECKING:
    from collections.abc import Sized

FORMAT_VERSION = 1
# Optional tables of the process (brandmark/packs/process.py).
PROCESS_TABLES = ("application", "deadlines", "audit")
PACK, RULES = ("pack",), ("rules",)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

_PACK_KEYS = {"id", "version", "family", "title", "title_en", "reference", "notice", "notice_en",
              "standard", "implementation_rule", "industries"}
_SECTION_KEYS = {"id", "stage", "title", "title_en", "description", "weight", "items", "brand_element"}
_ITEM_KEYS = {"id", "kind", "title", "title_en", "text", "text_en", "guidance", "guidance_en",
              "evidence", "clause", "required", "weight", "levels", "target", "quantity", "unit",
              "limit", "method", "decimals", "samples", "national_limit", "test_method", "surveillance"}
_RULE_KEYS = set(Rules.__dataclass_fields__)

# Length limits, in characters, of a pack's texts (docs/pack-format.md, "Limits"): many
# times what a real scheme writes, low enough that every text fits the window's forms
# and the reports' tables, and that a pack file stays a pack and not a flood.
TITLE_LIMIT = 200           # titles of the pack, its sections and items (and their English)
SHORT_TEXT_LIMIT = 200      # family, standard, clause, quantity, test method
LONG_TEXT_LIMIT = 4000      # notice, section description, requirement text, guidance
DESCRIPTOR_LIMIT = 500      # a points level's descriptor, one typical-evidence entry
TEXT_LIMITS = {
    "title": TITLE_LIMIT, "title_en": TITLE_LIMIT,
    # The rule number becomes a new product's rule, which the register holds to 100.
    "family": SHORT_TEXT_LIMIT, "standard": SHORT_TEXT_LIMIT, "implementation_rule": 100,
    "clause": SHORT_TEXT_LIMIT, "quantity": SHORT_TEXT_LIMIT, "test_method": SHORT_TEXT_LIMIT,
    "unit": 50, "limit": 100, "national_limit": 100, "version": 64,
    "notice": LONG_TEXT_LIMIT, "notice_en": LONG_TEXT_LIMIT, "description": LONG_TEXT_LIMIT,
    "text": LONG_TEXT_LIMIT, "text_en": LONG_TEXT_LIMIT,
    "guidance": LONG_TEXT_LIMIT, "guidance_en": LONG_TEXT_LIMIT,
}
MAX_SECTIONS = 100
MAX_ITEMS = 2000            # in the whole pack
MAX_LEVELS = 21             # levels 0..20 of a points item
MAX_EVIDENCE = 50           # typical-evidence entries of one item
MAX_INDUSTRIES = 200        # industry words of one pack
INDUSTRY_LIMIT = 50         # one industry word
MAX_PACK_BYTES = 4 * 1024 * 1024


def load_pack(path: str | Path) -> Pack:
    """Read and check a pack file. Raises ``PackError`` listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackError([Problem("pack.unreadable", (path.name, "pack"), {"why": str(exc.strerror or exc)})]) from None
    return parse_pack(raw, source=path.name)


def parse_pack(raw: bytes | str, source: str = "<pack>", *, check_limits: bool = True) -> Pack:
    """Parse pack TOML (bytes or text). The content hash is SHA-256 of the UTF-8 bytes.

    A leading byte-order mark (Windows editors write one) is dropped before hashing,
    so the hash of the text kept in the database is the hash of the file.
    ``check_limits=False`` reads a pack already in a register as it was accepted then
    (a stored version never changes, and its assessments must stay readable).
    """
    # surrogatepass: a lone surrogate in text given as str is refused below as not UTF-8.
    data_bytes = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if check_limits and len(data_bytes) > MAX_PACK_BYTES:
        raise PackError([Problem("limits.pack_file_too_large", (source, "pack"),
                                 {"size": len(data_bytes), "limit": MAX_PACK_BYTES})])
    try:
        text = data_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError([Problem("pack.not_utf8", (source, "pack"), {"byte": exc.start})]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
        data_bytes = text.encode("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError([Problem("pack.toml_syntax", (source, "pack"), {"error": str(exc)})]) from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively.
        raise PackError([Problem("pack.too_deep", (source, "pack"))]) from None
    problems: list[Problem] = []
    pack = _build(data, source, problems, text, hashlib.sha256(data_bytes).hexdigest(), check_limits)
    if problems:
        raise PackError(problems)
    assert pack is not None
    return pack


Where = tuple[str | int, ...]  # ("pack",), ("rules",), ("section", "gate"), ("section", 3), ("item", "T1")


class _Checker:
    def __init__(self, source: str, problems: list[Problem], check_limits: bool = True) -> None:
        self.source, self.problems, self.check_limits = source, problems, check_limits

    def add(self, where: Where, code: str, key: str | None = None, **params: Any) -> None:
        """One problem at ``where`` (with the ``key`` it is about, when there is one)."""
        field = (self.source, *where) + ((key,) if key is not None else ())
        if key is not None:
            params = {"key": key, **params}
        self.problems.append(Problem(f"pack.{code}", field, params))

    def text(self, table: dict[str, Any], key: str, where: Where, required: bool = False) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.add(where, "not_text", key, type=type(value).__name__)
            return ""
        if required and not value.strip():
            self.add(where, "missing", key)
        self.length(value, where, key)
        return value

    def length(self, value: str, where: Where, key: str, limit: int | None = None, name: str | None = None) -> None:
        """A text longer than its limit (``limits.pack_text_too_long``)."""
        limit = limit if limit is not None else TEXT_LIMITS.get(key)
        if self.check_limits and limit is not None and len(value) > limit:
            self.problems.append(Problem("limits.pack_text_too_long", (self.source, *where, key),
                                         {"key": name or key, "length": len(value), "limit": limit}))

    def count(self, values: Sized, what: str, where: Where, limit: int) -> bool:
        """False (and a problem) when there are more ``values`` than ``limit``."""
        if self.check_limits and len(values) > limit:
            self.problems.append(Problem("limits.pack_too_many", (self.source, *where),
                                         {"what": what, "count": len(values), "limit": limit}))
            return False
        return True

    def number(self, table: dict[str, Any], key: str, where: Where, default: float, low: float, high: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(where, "not_a_number", key, got=repr(value))
            return default
        if not low <= value <= high:
            self.add(where, "out_of_range", key, value=value, low=low, high=high)
            return default
        return float(value)

    def integer(self, table: dict[str, Any], key: str, where: Where, default: int | None, low: int,
                high: int) -> int | None:
        value = table.get(key, default)
        if value is None and default is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, "not_whole", key, got=repr(value))
            return default
        if not low <= value <= high:
            self.add(where, "out_of_range", key, value=value, low=low, high=high)
            return default
        return value

    def unknown(self, table: dict[str, Any], allowed: set[str] | frozenset[str], where: Where) -> None:
        for key in sorted(set(table) - allowed):
            self.add(where, "unknown_key", key)

    def limit(self, text: str, where: Where, key: str) -> None:
        """A limit that ``parse_limit`` refuses, its problem placed at ``key`` of ``where``."""
        try:
            parse_limit(text)
        except InvalidLimit as exc:
            for problem in exc.problems:
                name = problem.code.rpartition(".")[2]
                self.add(where, f"{key}_{name}", key, **{k: v for k, v in problem.params.items() if k != "key"})


def _build(data: dict[str, Any], source: str, problems: list[Problem], text: str, content_hash: str,
           check_limits: bool = True) -> Pack | None:
    check = _Checker(source, problems, check_limits)
    fmt = data.get("format")
    if fmt != FORMAT_VERSION:
        check.add(PACK, "format", "format", expected=FORMAT_VERSION, got=repr(fmt))
    for key in sorted(set(data) - {"format", "pack", "rules", "sections", *PROCESS_TABLES}):
        check.add(PACK, "unknown_top_key", key)

    head = data.get("pack")
    if not isinstance(head, dict):
        check.add(PACK, "no_pack_table")
        head = {}
    check.unknown(head, _PACK_KEYS, PACK)
    pack_id = check.text(head, "id", PACK, required=True)
    if pack_id and not _ID.match(pack_id):
        check.add(PACK, "bad_pack_id", "id", id=pack_id)
    version = head.get("version", "")
    if not isinstance(version, str) or not version.strip():
        check.add(PACK, "no_version", "version")
        version = ""
    check.length(version, PACK, "version")
    reference = head.get("reference", False)
    if not isinstance(reference, bool):
        check.add(PACK, "not_boolean", "reference")
        reference = False

    # Read every [pack] text now, so its problems are reported with all the others.
    texts = {key: check.text(head, key, PACK, required=(key == "title"))
             for key in ("title", "title_en", "family", "notice", "notice_en", "standard",
                         "implementation_rule")}

    industries = head.get("industries", [])
    if not isinstance(industries, list) or not all(isinstance(e, str) and e.strip() for e in industries):
        check.add(PACK, "industries", "industries")
        industries = []
    elif check.count(industries, "industries", PACK, MAX_INDUSTRIES):
        for entry in industries:
            check.length(entry, PACK, "industries", INDUSTRY_LIMIT)

    rules = _rules(data.get("rules", {}), check)
    process = read_process(data, check)

    sections_data = data.get("sections")
    sections: list[Section] = []
    if not isinstance(sections_data, list) or not sections_data:
        check.add(PACK, "no_sections")
        sections_data = []
    if not check.count(sections_data, "sections", PACK, MAX_SECTIONS):
        sections_data = []
    item_count = sum(len(s["items"]) for s in sections_data
                     if isinstance(s, dict) and isinstance(s.get("items"), list))
    if not check.count(range(item_count), "items", PACK, MAX_ITEMS):
        sections_data = []
    seen_sections: set[str] = set()
    seen_items: set[str] = set()
    for index, section_data in enumerate(sections_data, start=1):
        section = _section(section_data, index, check, seen_sections, seen_items, rules)
        if section:
            sections.append(section)
    if sections and not any(s.weight > 0 for s in sections):
        check.add(PACK, "no_weight")

    if problems:
        return None
    return Pack(
        id=pack_id, version=version.strip(), family=texts["family"] or pack_id,
        title=texts["title"], title_en=texts["title_en"],
        reference=reference, notice=texts["notice"], notice_en=texts["notice_en"],
        standard=texts["standard"], implementation_rule=texts["implementation_rule"],
        industries=tuple(entry.strip() for entry in industries), rules=rules, sections=tuple(sections),
        content_hash=content_hash, source_text=text, process=process,
    )


def _rules(table: object, check: _Checker) -> Rules:
    if not isinstance(table, dict):
        check.add(RULES, "rules_not_table")
        return Rules()
    check.unknown(table, _RULE_KEYS, RULES)
    values: dict[str, Any] = {
        "pass_score": check.number(table, "pass_score", RULES, 60.0, 0, 100),
        "max_minor_nc": check.integer(table, "max_minor_nc", RULES, None, 0, 1000),
        "corrective_action_days": check.integer(table, "corrective_action_days", RULES, 30, 1, 365),
        "certificate_validity_years": check.integer(table, "certificate_validity_years", RULES, 3, 1, 10),
        "surveillance_interval_months": check.integer(table, "surveillance_interval_months", RULES, 12, 1, 60),
        "surveillance_followup_months": check.integer(table, "surveillance_followup_months", RULES, 2, 1, 12),
    }
    for key in ("on_veto_fail", "on_major_nc", "on_test_fail", "on_minor_nc"):
        outcome = table.get(key, getattr(Rules, key))
        if outcome not in OUTCOMES:
            check.add(RULES, "choice", key, got=repr(outcome), choices=", ".join(OUTCOMES))
            outcome = getattr(Rules, key)
        values[key] = outcome
    credit = table.get("conformity_credit", {"conform": 1.0, "minor": 0.5, "major": 0.0})
    if not isinstance(credit, dict) or set(credit) != {"conform", "minor", "major"} or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in credit.values()
    ):
        check.add(RULES, "credit", "conformity_credit")
        credit = {"conform": 1.0, "minor": 0.5, "major": 0.0}
    elif not credit["conform"] >= credit["minor"] >= credit["major"]:
        check.add(RULES, "credit_order", "conformity_credit")
    values["conformity_credit"] = {k: float(v) for k, v in credit.items()}
    return Rules(**values)


def _section(data: object, index: int, check: _Checker, seen_sections: set[str], seen_items: set[str],
             rules: Rules) -> Section | None:
    where: Where = ("section", index)
    if not isinstance(data, dict):
        check.add(where, "not_table")
        return None
    section_id = data.get("id")
    if not isinstance(section_id, str) or not _ID.match(section_id):
        check.add(where, "bad_id", "id", got=repr(section_id))
    else:
        where = ("section", section_id)
        if section_id in seen_sections:
            check.add(where, "duplicate_section")
        seen_sections.add(section_id)
    check.unknown(data, _SECTION_KEYS, where)
    stage = data.get("stage")
    if stage not in STAGES:
        check.add(where, "choice", "stage", got=repr(stage), choices=", ".join(STAGES))
    weight = check.number(data, "weight", where, 0.0, 0, 1000)
    brand_element = data.get("brand_element", "")
    if brand_element != "" and brand_element not in BRAND_ELEMENTS:
        check.add(where, "choice", "brand_element", got=repr(brand_element), choices=", ".join(BRAND_ELEMENTS))
        brand_element = ""
    items_data = data.get("items")
    if not isinstance(items_data, list) or not items_data:
        check.add(where, "no_items")
        items_data = []
    items = []
    for item_index, item_data in enumerate(items_data, start=1):
        item = _item(item_data, (*where, "item", item_index), str(section_id), check, seen_items, rules)
        if item:
            items.append(item)
    if weight > 0 and items and not any(item.weight > 0 for item in items):
        # Such a section could never score: it would silently drop out of every total.
        check.add(where, "weightless_items")
    return Section(
        id=str(section_id), stage=str(stage), title=check.text(data, "title", where, required=True),
        title_en=check.text(data, "title_en", where), description=check.text(data, "description", where),
        weight=weight, items=tuple(items), brand_element=brand_element,
    )


def _item(data: object, fallback_where: Where, section_id: str, check: _Checker, seen: set[str],
          rules: Rules) -> Item | None:
    if not isinstance(data, dict):
        check.add(fallback_where, "not_table")
        return None
    item_id = data.get("id")
    if not isinstance(item_id, str) or not _ID.match(item_id):
        check.add(fallback_where, "bad_id", "id", got=repr(item_id))
        where = fallback_where
    else:
        where = ("item", item_id)
        if item_id in seen:
            check.add(where, "duplicate_item")
        seen.add(item_id)
    check.unknown(data, _ITEM_KEYS, where)
    kind = data.get("kind")
    if kind not in KINDS:
        check.add(where, "choice", "kind", got=repr(kind), choices=", ".join(KINDS))
        return None
    evidence = data.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        check.add(where, "evidence", "evidence")
        evidence = []
    elif check.count(evidence, "evidence entries", where, MAX_EVIDENCE):
        for entry in evidence:
            check.length(entry, where, "evidence", DESCRIPTOR_LIMIT)
    required = data.get("required", True)
    if not isinstance(required, bool):
        check.add(where, "not_boolean", "required")
        required = True
    surveillance = data.get("surveillance", False)
    if not isinstance(surveillance, bool):
        check.add(where, "not_boolean", "surveillance")
        surveillance = False
    fields = dict(
        id=str(item_id), kind=kind, section_id=section_id,
        title=check.text(data, "title", where, required=True),
        title_en=check.text(data, "title_en", where), text=check.text(data, "text", where),
        text_en=check.text(data, "text_en", where), guidance=check.text(data, "guidance", where),
        guidance_en=check.text(data, "guidance_en", where), evidence=tuple(evidence),
        clause=check.text(data, "clause", where), required=required, surveillance=surveillance,
        weight=check.number(data, "weight", where, 1.0, 0, 1000),
    )
    kind_only = {"points": {"levels", "target"},
                 "test": {"quantity", "unit", "limit", "method", "decimals", "samples",
                          "national_limit", "test_method"}}
    for other_kind, keys in kind_only.items():
        if kind != other_kind:
            for key in sorted(keys & set(data)):
                check.add(where, "other_kind_key", key, other=other_kind, kind=kind)
    if kind == POINTS:
        fields.update(_points(data, where, check))
    elif kind == TEST:
        fields.update(_test(data, where, check))
    return Item(**fields)


def _points(data: dict[str, Any], where: Where, check: _Checker) -> dict[str, Any]:
    levels_data = data.get("levels")
    levels: list[Level] = []
    if not isinstance(levels_data, list) or len(levels_data) < 2:
        check.add(where, "levels", "levels")
        return {"levels": (), "target": None}
    if not check.count(levels_data, "levels", where, MAX_LEVELS):
        return {"levels": (), "target": None}
    for number, level in enumerate(levels_data):
        if isinstance(level, str):
            check.length(level, where, "levels", DESCRIPTOR_LIMIT, name=f"level {number} text")
            levels.append(Level(number, level))
        elif isinstance(level, dict) and isinstance(level.get("text"), str):
            if set(level) - {"text", "text_en"}:
                check.add(where, "level_keys", "levels", number=number,
                          keys=str(sorted(set(level) - {"text", "text_en"})))
            text_en = str(level.get("text_en", ""))
            check.length(level["text"], where, "levels", DESCRIPTOR_LIMIT, name=f"level {number} text")
            check.length(text_en, where, "levels", DESCRIPTOR_LIMIT, name=f"level {number} text_en")
            levels.append(Level(number, level["text"], text_en))
        else:
            check.add(where, "level_text", "levels", number=number)
    target = data.get("target")
    if target is not None and (isinstance(target, bool) or not isinstance(target, int)
                               or not 0 <= target < len(levels_data)):
        check.add(where, "target", "target", got=repr(target), top=len(levels_data) - 1)
        target = None
    return {"levels": tuple(levels), "target": target}


def _test(data: dict[str, Any], where: Where, check: _Checker) -> dict[str, Any]:
    limit = data.get("limit")
    if not isinstance(limit, str):
        check.add(where, "limit_not_text", "limit")
        limit = ""
    elif check.check_limits and len(limit) > TEXT_LIMITS["limit"]:
        check.length(limit, where, "limit")
    else:
        check.limit(limit, where, "limit")
    method = data.get("method", "full")
    if method not in METHODS:
        check.add(where, "method", "method", got=repr(method))
    national = data.get("national_limit", "")
    if not isinstance(national, str):
        check.add(where, "not_text", "national_limit", type=type(national).__name__)
        national = ""
    elif check.check_limits and len(national) > TEXT_LIMITS["national_limit"]:
        check.length(national, where, "national_limit")
    elif national:
        check.limit(national, where, "national_limit")
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
