"""Who audits what, and when: an audit plan's person-days shared out over its team and days.

The plan (``store.audits``) fixes the person-days, the team and the working days on site.
The programme decides the rest, here and nowhere else (the window and the plan PDF show
it):

* Every member attends the opening meeting (a quarter day, first day) and the closing
  meeting (a quarter day, last day); the team leader chairs both and also holds the team's
  own meeting before the closing one (another quarter day), so the leader carries less
  audit work than the others.
* What is left of the person-days is shared over the items to be audited (the factory
  audit and the characteristics) equally, item by item.
* Items are handed out in pack order in one contiguous run per member, each run in
  proportion to what the member can carry: a section stays with one assessor unless it
  has to be cut to keep the load even, and then it is cut once, between items. The leader
  starts, with the quality-system sections that open a pack's audit stage.
* Each member's run is laid over the days in order, a day holding what is left of it
  after the meetings.

The register records competence per scheme only (every member of the team is competent
for the scheme and consulted for nobody audited); a finer competence per section is not
recorded, so the role and the person-days decide.

>>> team = [{"id": 1, "name": "张三", "role": "leader"}, {"id": 2, "name": "王五", "role": "member"}]
>>> sections = [("qa", ("qa-1", "qa-2", "qa-3", "qa-4")), ("commitment", ("c-1", "c-2"))]
>>> rows = assign(team, ["2026-03-02", "2026-03-03"], sections, person_days=4.0)
>>> [(r.name, r.day, r.section_id, r.item_ids) for r in rows]   # doctest: +NORMALIZE_WHITESPACE
[('张三', '2026-03-02', 'qa', ('qa-1', 'qa-2')), ('张三', '2026-03-03', 'qa', ('qa-3',)),
 ('王五', '2026-03-02', 'qa', ('qa-4',)), ('王五', '2026-03-02', 'commitment', ('c-1',)),
 ('王五', '2026-03-03', 'commitment', ('c-2',))]
>>> [(load["name"], load["person_days"]) for load in loads(team, ["2026-03-02", "2026-03-03"], rows)]
[('张三', 2.12), ('王五', 1.88)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brandmark.packs.model import Pack

MEETING = 0.25          # the opening meeting, and the closing one: each member, a quarter day
TEAM_MEETING = 0.25     # the leader's: the team's own meeting before the closing one
LEADER = "leader"
AUDITED_STAGES = ("audit", "characteristics")


@dataclass(frozen=True)
class Assignment:
    """Items of one section that one member audits on one day."""

    day: str
    person_id: int
    name: str
    role: str
    section_id: str
    item_ids: tuple[str, ...]
    person_days: float


def audited_sections(pack: Pack) -> list[tuple[str, tuple[str, ...]]]:
    """``[(section id, (item id, ...)), ...]`` of the pack's factory audit and characteristics."""
    return [(s.id, tuple(i.id for i in s.items)) for s in pack.sections if s.stage in AUDITED_STAGES and s.items]


def _meetings(role: str, day_index: int, days: int) -> float:
    hours = 0.0
    if day_index == 0:
        hours += MEETING
    if day_index == days - 1:
        hours += MEETING + (TEAM_MEETING if role == LEADER else 0.0)
    return hours


def _capacity(role: str, days: int) -> list[float]:
    """What a member can audit each day once the meetings are held (never below zero)."""
    return [max(0.0, 1.0 - _meetings(role, n, days)) for n in range(days)]


def _place(points: Sequence[float], bounds: Sequence[float]) -> list[int]:
    """For each point, the index of the interval of ``bounds`` (cumulative ends) holding it."""
    found, index = [], 0
    for point in points:
        while index < len(bounds) - 1 and point >= bounds[index] - 1e-9:
            index += 1
        found.append(index)
    return found


def _cumulative(values: Sequence[float]) -> list[float]:
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


def assign(team: Sequence[dict[str, Any]], days: Sequence[str], sections: Sequence[tuple[str, Sequence[str]]],
           person_days: float) -> list[Assignment]:
    """The programme: each member's items, section by section, day by day (see the module)."""
    items = [(section_id, item_id) for section_id, item_ids in sections for item_id in item_ids]
    if not items or not team or not days:
        return []
    capacities = [_capacity(member["role"], len(days)) for member in team]
    carried = [sum(c) for c in capacities]
    meetings = sum(_meetings(m["role"], n, len(days)) for m in team for n in range(len(days)))
    # The audit work the plan's person-days leave after the meetings, shared item by item.
    work = max(person_days - meetings, 0.25 * len(team))
    per_item = work / len(items)
    # Each member's share of the run, in proportion to what they can carry.
    shares = [work * c / sum(carried) for c in carried] if sum(carried) else [work / len(team)] * len(team)
    midpoints = [(n + 0.5) * per_item for n in range(len(items))]
    owners = _place(midpoints, _cumulative(shares))
    rows: dict[tuple[int, int, str], list[str]] = {}
    for member_index, member in enumerate(team):
        own = [n for n, owner in enumerate(owners) if owner == member_index]
        day_bounds = _cumulative([c * (shares[member_index] / carried[member_index]) if carried[member_index]
                                  else shares[member_index] / len(days) for c in capacities[member_index]])
        start = own[0] * per_item if own else 0.0
        placed = _place([(n + 0.5) * per_item - start for n in own], day_bounds)
        for n, day_index in zip(own, placed):
            section_id, item_id = items[n]
            rows.setdefault((member_index, day_index, section_id), []).append(item_id)
    out = []
    for (member_index, day_index, section_id), item_ids in rows.items():
        member = team[member_index]
        out.append(Assignment(day=days[day_index], person_id=int(member["id"]), name=member["name"],
                              role=member["role"], section_id=section_id, item_ids=tuple(item_ids),
                              person_days=per_item * len(item_ids)))
    return out


def loads(team: Sequence[dict[str, Any]], days: Sequence[str], rows: Sequence[Assignment]) -> list[dict[str, Any]]:
    """Each member's person-days in the programme: audit work plus meetings."""
    out = []
    for member in team:
        audit = sum(r.person_days for r in rows if r.person_id == member["id"])
        meetings = sum(_meetings(member["role"], n, len(days)) for n in range(len(days)))
        out.append({"id": member["id"], "name": member["name"], "role": member["role"],
                    "audit_days": round(audit, 2), "meeting_days": meetings, "person_days": round(audit + meetings, 2)})
    return out


__all__ = ["AUDITED_STAGES", "Assignment", "assign", "audited_sections", "loads"]
