"""A pack's process data, read from its optional tables (docs/pack-format.md, "The process"):

- ``[application]``: the materials an application must contain (所需资料);
- ``[deadlines]``: the time limits of each step (认证时限), in working or calendar days;
- ``[audit]``: the rule's audit person-day table (by employees, extra sites, scope).

A pack without a table still loads: its applications list no materials, no deadline is
shown for its steps, and ``audits plan`` is refused for it (``audit.no_table``). Problems
are reported like every other pack problem (codes in the ``[pack]`` table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from brandmark.packs.loader import _Checker

APPLICATION, DEADLINES, AUDIT = ("application",), ("deadlines",), ("audit",)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_APPLICATION_ITEMS = 100
MAX_AUDIT_ROWS = 100

WORKING, CALENDAR = "working", "calendar"
UNITS = (WORKING, CALENDAR)
# The steps a pack may time, and the moment each clock starts from. (The corrective
# action's limit is ``[rules] corrective_action_days``, in calendar days: each
# nonconformity records its own deadline when it is found.)
STEPS = {
    "acceptance": "received",            # application received → acceptance decision
    "decision": "accepted",              # application accepted → certification decision
}


@dataclass(frozen=True)
class ApplicationItem:
    id: str
    title: str
    title_en: str = ""
    required: bool = True        # an optional item may stay missing at acceptance
    clause: str = ""
    note: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class TimeLimit:
    step: str
    days: int
    unit: str = WORKING
    clause: str = ""


@dataclass(frozen=True)
class PersonDayRow:
    employees_up_to: int | None      # None: the open last row
    person_days: float


@dataclass(frozen=True)
class AuditTable:
    rows: tuple[PersonDayRow, ...]
    per_extra_site: float = 0.0
    per_extra_product: float = 0.0     # each product unit of the scope beyond the first
    minimum: float = 0.0
    team_minimum: int = 1
    clause: str = ""
    note: str = ""

    def person_days(self, employees: int, sites: int = 1, products: int = 1) -> float:
        """The rule's person-days for a factory of ``employees`` on ``sites`` with ``products`` units.

        >>> table = AuditTable((PersonDayRow(100, 2.0), PersonDayRow(None, 3.0)), per_extra_site=0.5)
        >>> table.person_days(80), table.person_days(101, sites=3)
        (2.0, 4.0)
        """
        base = next(row.person_days for row in self.rows
                    if row.employees_up_to is None or employees <= row.employees_up_to)
        total = base + self.per_extra_site * max(0, sites - 1) + self.per_extra_product * max(0, products - 1)
        return max(total, self.minimum)


@dataclass(frozen=True)
class Process:
    application_items: tuple[ApplicationItem, ...] = ()
    time_limits: tuple[TimeLimit, ...] = ()
    audit: AuditTable | None = None

    def time_limit(self, step: str) -> TimeLimit | None:
        return next((limit for limit in self.time_limits if limit.step == step), None)

    def application_item(self, item_id: str) -> ApplicationItem | None:
        return next((item for item in self.application_items if item.id == item_id), None)


def read_process(data: dict[str, Any], check: _Checker) -> Process:
    """The three optional tables of a parsed pack, checked with the loader's ``check``."""
    return Process(application_items=_application(data.get("application"), check),
                   time_limits=_deadlines(data.get("deadlines"), check),
                   audit=_audit(data.get("audit"), check))


def _application(table: object, check: _Checker) -> tuple[ApplicationItem, ...]:
    if table is None:
        return ()
    if not isinstance(table, dict):
        check.add(APPLICATION, "not_table")
        return ()
    check.unknown(table, {"items"}, APPLICATION)
    items_data = table.get("items", [])
    if not isinstance(items_data, list):
        check.add(APPLICATION, "not_table", "items")
        return ()
    if not check.count(items_data, "application items", APPLICATION, MAX_APPLICATION_ITEMS):
        return ()
    items, seen = [], set()
    for index, data in enumerate(items_data, start=1):
        where: tuple[str | int, ...] = ("application", "item", index)
        if not isinstance(data, dict):
            check.add(where, "not_table")
            continue
        item_id = data.get("id")
        if not isinstance(item_id, str) or not _ID.match(item_id):
            check.add(where, "bad_id", "id", got=repr(item_id))
            continue
        where = ("application", "item", item_id)
        if item_id in seen:
            check.add(where, "duplicate_item")
        seen.add(item_id)
        check.unknown(data, {"id", "title", "title_en", "required", "clause", "note", "note_en"}, where)
        required = data.get("required", True)
        if not isinstance(required, bool):
            check.add(where, "not_boolean", "required")
            required = True
        items.append(ApplicationItem(
            id=item_id, title=check.text(data, "title", where, required=True),
            title_en=check.text(data, "title_en", where), required=required,
            clause=check.text(data, "clause", where), note=check.text(data, "note", where),
            note_en=check.text(data, "note_en", where)))
    return tuple(items)


def _deadlines(table: object, check: _Checker) -> tuple[TimeLimit, ...]:
    if table is None:
        return ()
    if not isinstance(table, dict):
        check.add(DEADLINES, "not_table")
        return ()
    check.unknown(table, set(STEPS), DEADLINES)
    limits = []
    for step in STEPS:
        data = table.get(step)
        if data is None:
            continue
        where = ("deadlines", step)
        if not isinstance(data, dict):
            check.add(where, "not_table")
            continue
        check.unknown(data, {"days", "unit", "clause"}, where)
        if "days" not in data:
            check.add(where, "missing", "days")
            continue
        days = cast(int, check.integer(data, "days", where, 1, 1, 1000))      # default 1 (TOML has no null): never None
        unit = data.get("unit", WORKING)
        if unit not in UNITS:
            check.add(where, "choice", "unit", got=repr(unit), choices=", ".join(UNITS))
            unit = WORKING
        limits.append(TimeLimit(step=step, days=days, unit=unit, clause=check.text(data, "clause", where)))
    return tuple(limits)


def _audit(table: object, check: _Checker) -> AuditTable | None:
    if table is None:
        return None
    if not isinstance(table, dict):
        check.add(AUDIT, "not_table")
        return None
    check.unknown(table, {"person_days", "per_extra_site", "per_extra_product", "minimum", "team_minimum",
                          "clause", "note"}, AUDIT)
    rows_data = table.get("person_days")
    if not isinstance(rows_data, list) or not rows_data:
        check.add(AUDIT, "audit_rows", "person_days")
        return None
    if not check.count(rows_data, "person-day rows", AUDIT, MAX_AUDIT_ROWS):
        return None
    rows: list[PersonDayRow] = []
    for index, data in enumerate(rows_data, start=1):
        where = ("audit", "row", index)
        if not isinstance(data, dict):
            check.add(where, "not_table")
            continue
        check.unknown(data, {"employees_up_to", "person_days"}, where)
        if "person_days" not in data:
            check.add(where, "missing", "person_days")
            continue
        up_to = check.integer(data, "employees_up_to", where, None, 1, 10_000_000)
        days = check.number(data, "person_days", where, 1.0, 0.5, 1000)
        rows.append(PersonDayRow(up_to, days))
    bounds = [row.employees_up_to for row in rows]
    closed = [b for b in bounds[:-1] if b is not None]
    if bounds and (bounds[-1] is not None or len(closed) != len(bounds) - 1
                   or any(a >= b for a, b in zip(closed, closed[1:]))):
        # Rows rise by head count and the last one is open, so every factory finds its row.
        check.add(AUDIT, "audit_rows", "person_days")
        return None
    return AuditTable(
        rows=tuple(rows), per_extra_site=check.number(table, "per_extra_site", AUDIT, 0.0, 0, 100),
        per_extra_product=check.number(table, "per_extra_product", AUDIT, 0.0, 0, 100),
        minimum=check.number(table, "minimum", AUDIT, 0.0, 0, 1000),
        team_minimum=cast(int, check.integer(table, "team_minimum", AUDIT, 1, 1, 20)),     # default 1 (TOML has no null): never None
        clause=check.text(table, "clause", AUDIT), note=check.text(table, "note", AUDIT))
