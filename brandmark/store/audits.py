"""Audit planning (审核策划): person-days from the pack's table, a proposed team, planned dates.

The person-days come from the frozen pack's ``[audit]`` table (employees, production
sites, product units of the scope). The team is drawn from the registered assessors who
are active and competent for the scheme, leaving out anyone who consulted for the
applicant (``consultancies``, ISO/IEC 17065 4.2); the assessment's own assessor leads it
when eligible, the others follow by the fewest person-days already planned for them.
The audit runs on consecutive working days of the body's calendar from the start day:
person-days ÷ team size, rounded up. Each plan is kept; the latest one is the plan.

Who audits which items on which day is the plan's programme (``brandmark.audit_programme``,
by role and person-days), computed from the plan whenever it is read, so the CLI, the
window and the plan PDF show the same.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import TYPE_CHECKING, Any

from dataclasses import asdict

from brandmark.audit_programme import assign, audited_sections, loads
from brandmark.errors import RefusedInput
from brandmark.store.calendar import parse_day

if TYPE_CHECKING:
    from brandmark.store import Store

LEADER, MEMBER = "leader", "member"


def _count(value: object, field: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise RefusedInput.of("audit.bad_count", (field,), value=value, low=low)
    return value


class Audits:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _planned_days(self) -> dict[int, float]:
        """Person-days each person already carries in the latest plan of every open assessment."""
        load: dict[int, float] = {}
        for team, days, in self.store.conn.execute(
                "SELECT p.team, p.person_days / max(1, json_array_length(p.team)) FROM audit_plans p "
                "JOIN assessments a ON a.id = p.assessment_id WHERE a.status = 'open' AND p.id = "
                "(SELECT max(id) FROM audit_plans q WHERE q.assessment_id = p.assessment_id)"):
            for member in json.loads(team):
                load[member["id"]] = load.get(member["id"], 0.0) + days
        return load

    def propose_team(self, assessment: dict[str, Any], size: int) -> list[dict[str, Any]]:
        """``size`` eligible assessors, the assessment's own first when eligible."""
        scheme, applicant = assessment["scheme_id"], assessment["applicant_id"]
        load = self._planned_days()
        eligible = [p for p in self.store.people.list(active=True, role="assessor")
                    if scheme in p["schemes"] and not self.store.consultancies.consulted(p["id"], applicant)]
        own = assessment.get("assessor_id")
        eligible.sort(key=lambda p: (p["id"] != own, load.get(p["id"], 0.0), p["id"]))
        if len(eligible) < size:
            raise RefusedInput.of("audit.too_few_assessors", ("team",), scheme=scheme, found=len(eligible),
                                  needed=size)
        return [{"id": p["id"], "name": p["name"], "role": LEADER if index == 0 else MEMBER}
                for index, p in enumerate(eligible[:size])]

    def plan(self, assessment_id: int, *, employees: int, sites: int = 1, products: int = 1,
             starts_on: object = None, team_size: int | None = None, by: str = "") -> dict[str, Any]:
        """Size the audit, propose its team and record its planned dates."""
        assessment = self.store.assessments.get(assessment_id)
        if assessment["mode"] != "certification":
            raise RefusedInput.of("audit.not_certification", ("assessment",), assessment=assessment_id)
        if assessment["status"] != "open":
            raise RefusedInput.of("audit.decided", ("assessment",), assessment=assessment_id)
        pack = self.store.assessments.pack_for(assessment_id)
        table = pack.process.audit
        if table is None:
            raise RefusedInput.of("audit.no_table", ("assessment",), pack=pack.id, version=pack.version)
        employees = _count(employees, "employees", 1)
        sites = _count(sites, "sites", 1)
        products = _count(products, "products", 1)
        size = _count(team_size if team_size is not None else table.team_minimum, "team", table.team_minimum)
        person_days = table.person_days(employees, sites, products)
        team = self.propose_team(assessment, size)
        calendar = self.store.calendar.working()
        start = parse_day(starts_on, ("starts_on",)) if starts_on else calendar.add_working_days(self.store.today(), 1)
        if not calendar.is_working_day(start):
            start = calendar.add_working_days(start, 1)
        days_on_site = max(1, math.ceil(person_days / len(team) - 1e-9))
        end = calendar.add_working_days(start, days_on_site - 1)
        row = {"assessment_id": assessment_id, "employees": employees, "sites": sites, "products": products,
               "person_days": person_days, "starts_on": start.isoformat(), "ends_on": end.isoformat(),
               "team": json.dumps(team, ensure_ascii=False), "planned_by": by or "", "planned_at": self.store.now()}
        with self.store.atomic():
            plan_id = self.store.db.table("audit_plans").insert(row).last_pk
            self.store.events.record(by, "audit.plan", "assessment", assessment_id,
                                     {"plan": plan_id, "person_days": person_days, "team": [m["id"] for m in team],
                                      "starts_on": row["starts_on"], "ends_on": row["ends_on"]})
        return self.require_plan(assessment_id)

    def latest(self, assessment_id: int) -> dict[str, Any] | None:
        """The assessment's plan, with its working days and the table it was sized from."""
        rows = list(self.store.db.query("SELECT * FROM audit_plans WHERE assessment_id = ? ORDER BY id DESC LIMIT 1",
                                        [int(assessment_id)]))
        if not rows:
            return None
        plan = rows[0]
        plan["team"] = json.loads(plan["team"])
        calendar = self.store.calendar.working()
        start, end = dt.date.fromisoformat(plan["starts_on"]), dt.date.fromisoformat(plan["ends_on"])
        plan["days"] = [start.isoformat()] + [
            d.isoformat() for d in (start + dt.timedelta(days=n) for n in range(1, (end - start).days + 1))
            if calendar.is_working_day(d)]
        pack = self.store.assessments.pack_for(assessment_id)
        table = pack.process.audit
        plan["clause"] = table.clause if table else ""
        programme = assign(plan["team"], plan["days"], audited_sections(pack), plan["person_days"])
        plan["programme"] = [{**asdict(row), "item_ids": list(row.item_ids)} for row in programme]
        plan["loads"] = loads(plan["team"], plan["days"], programme)
        return plan

    def require_plan(self, assessment_id: int) -> dict[str, Any]:
        plan = self.latest(assessment_id)
        if plan is None:
            raise RefusedInput.of("audit.no_plan", ("assessment",), assessment=assessment_id)
        return plan
