"""Every open clock of the register, with its due date and the working days left (认证时限).

Each source in ``DEADLINE_SOURCES`` yields the open clocks of one kind as plain rows:
``kind``, ``id``, ``applicant_id``, ``applicant_name``, ``scheme_id``, ``step``,
``started_on`` and either ``due_on`` (a deadline the register already holds) or
``limit`` (a pack's ``TimeLimit``, counted from ``started_on`` on the body's working
calendar). A later kind of clock plugs in by appending its source; ``Deadlines.list``
does the counting, the filtering and the order (overdue first, then soonest).

A due date or a count that falls in a year the calendar does not cover (chinesecalendar's
data ends with the last year the State Council published) is counted on weekdays only,
with the body's own days, and marked: ``provisional`` is true (``due_provisional`` when the
due date itself was counted so, not only the working days left) and ``provisional_note``
says why. Once the body enters and declares that year (``calendar declare-year``) or a
newer chinesecalendar covers it, the same listing gives the real date. Other refusals
leave ``due_on``/``working_days_left`` empty with the code and text in ``problem``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from brandmark.errors import Problem, RefusedInput
from brandmark.packs.process import WORKING

if TYPE_CHECKING:
    from brandmark.packs.process import Process, TimeLimit
    from brandmark.store import Store
    from brandmark.workdays import WorkingCalendar


def _local_date(store: Store, stamp: str) -> str:
    return dt.datetime.fromisoformat(stamp).astimezone(store.time_zone()).date().isoformat()


class _Packs:
    """Packs by (id, version, hash), each read once per listing."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[tuple[str, str, str], Process] = {}

    def process(self, scheme_id: str, version: str, scheme_hash: str) -> Process:
        key = (scheme_id, version, scheme_hash)
        if key not in self._cache:
            self._cache[key] = self.store.schemes.get(scheme_id, version, expected_hash=scheme_hash).process
        return self._cache[key]


def _applications_to_accept(store: Store, packs: _Packs) -> Iterable[dict[str, Any]]:
    for row in store.db.query(
            "SELECT a.id, a.applicant_id, ap.name AS applicant_name, a.scheme_id, a.scheme_version, a.scheme_hash, "
            "a.received_on, a.status FROM applications a JOIN applicants ap ON ap.id = a.applicant_id "
            "WHERE a.status IN ('open', 'returned')"):
        limit = packs.process(row["scheme_id"], row["scheme_version"], row["scheme_hash"]).time_limit("acceptance")
        if limit is not None:
            yield {"kind": "application", "id": row["id"], "applicant_id": row["applicant_id"],
                   "applicant_name": row["applicant_name"], "scheme_id": row["scheme_id"], "step": "acceptance",
                   "started_on": row["received_on"], "limit": limit, "assessment_id": None}


def _decisions(store: Store, packs: _Packs) -> Iterable[dict[str, Any]]:
    """Accepted applications whose certification decision is not yet made; and open
    certification assessments without an application, whose clock counts from their
    creation date, as the migration of earlier assessments does: recertifications and
    scope changes (they start from a certificate), a laptop's copy of an assigned
    assessment, and initial ones made between schema step 10 and the rule that an initial
    certification assessment starts from an accepted application. A surveillance visit has
    the clock of its ``surveillance`` row instead (``_surveillance_visits``)."""
    for row in store.db.query(
            "SELECT a.id, a.applicant_id, ap.name AS applicant_name, a.scheme_id, a.scheme_version, a.scheme_hash, "
            "a.accepted_on, a.assessment_id FROM applications a JOIN applicants ap ON ap.id = a.applicant_id "
            "LEFT JOIN decisions d ON d.assessment_id = a.assessment_id "
            "WHERE a.status = 'accepted' AND d.id IS NULL"):
        limit = packs.process(row["scheme_id"], row["scheme_version"], row["scheme_hash"]).time_limit("decision")
        if limit is not None:
            yield {"kind": "assessment" if row["assessment_id"] else "application",
                   "id": row["assessment_id"] or row["id"], "application_id": row["id"],
                   "assessment_id": row["assessment_id"], "applicant_id": row["applicant_id"],
                   "applicant_name": row["applicant_name"], "scheme_id": row["scheme_id"], "step": "decision",
                   "started_on": row["accepted_on"], "limit": limit}
    for row in store.db.query(
            "SELECT a.id, a.applicant_id, ap.name AS applicant_name, a.scheme_id, a.scheme_version, a.scheme_hash, "
            "a.created_at FROM assessments a JOIN applicants ap ON ap.id = a.applicant_id "
            "LEFT JOIN applications x ON x.assessment_id = a.id "
            "WHERE a.mode = 'certification' AND a.kind != 'surveillance' AND a.status = 'open' AND x.id IS NULL"):
        limit = packs.process(row["scheme_id"], row["scheme_version"], row["scheme_hash"]).time_limit("decision")
        if limit is not None:
            yield {"kind": "assessment", "id": row["id"], "application_id": None, "assessment_id": row["id"],
                   "applicant_id": row["applicant_id"], "applicant_name": row["applicant_name"],
                   "scheme_id": row["scheme_id"], "step": "decision",
                   "started_on": _local_date(store, row["created_at"]), "limit": limit}


def _corrective_actions(store: Store, packs: _Packs) -> Iterable[dict[str, Any]]:
    """Open minor nonconformities: each carries its own deadline ([rules] corrective_action_days)."""
    for row in store.db.query(
            "SELECT f.id, f.assessment_id, f.item_id, f.deadline, f.created_at, a.applicant_id, "
            "ap.name AS applicant_name, a.scheme_id FROM findings f JOIN assessments a ON a.id = f.assessment_id "
            "JOIN applicants ap ON ap.id = a.applicant_id "
            "WHERE f.status = 'open' AND f.grade = 'minor' AND f.deadline IS NOT NULL AND a.mode = 'certification'"):
        yield {"kind": "corrective_action", "id": row["id"], "assessment_id": row["assessment_id"],
               "applicant_id": row["applicant_id"], "applicant_name": row["applicant_name"],
               "scheme_id": row["scheme_id"], "step": "corrective_action", "item": row["item_id"],
               "started_on": _local_date(store, row["created_at"]), "due_on": row["deadline"]}


def _surveillance_visits(store: Store, packs: _Packs) -> Iterable[dict[str, Any]]:
    """Surveillance visits not yet made, of certificates in force."""
    for row in store.db.query(
            "SELECT s.id, s.number, s.due_on, c.applicant_id, c.holder_name, c.scheme_id, c.assessment_id, "
            "c.issued_on FROM surveillance s JOIN certificates c ON c.number = s.number "
            "WHERE s.done_on IS NULL AND c.status IN ('valid', 'suspended')"):
        yield {"kind": "surveillance", "id": row["id"], "certificate": row["number"],
               "assessment_id": row["assessment_id"], "applicant_id": row["applicant_id"],
               "applicant_name": row["holder_name"], "scheme_id": row["scheme_id"], "step": "surveillance",
               "started_on": row["issued_on"], "due_on": row["due_on"]}


DEADLINE_SOURCES: list[Callable[[Store, _Packs], Iterable[dict[str, Any]]]] = [
    _applications_to_accept, _decisions, _corrective_actions, _surveillance_visits,
]


class Deadlines:
    def __init__(self, store: Store) -> None:
        self.store = store

    def list(self, *, overdue: bool = False, within: int | None = None, kinds: Iterable[str] | None = None,
             today: dt.date | None = None) -> list[dict[str, Any]]:
        """Every open clock, overdue first (most overdue first), then by due date.

        ``overdue`` keeps only those past their due date; ``within`` those due within that
        many working days (overdue ones included)."""
        today = today or self.store.today()
        calendar = self.store.calendar.working()
        packs = _Packs(self.store)
        wanted = set(kinds) if kinds else None
        rows = []
        for source in DEADLINE_SOURCES:
            for row in source(self.store, packs):
                if wanted is None or row["kind"] in wanted:
                    rows.append(self._count(row, today, calendar))
        if overdue:
            rows = [r for r in rows if r["overdue"]]
        if within is not None:
            rows = [r for r in rows if r["overdue"] or (r["working_days_left"] is not None
                                                         and r["working_days_left"] <= within)]
        rows.sort(key=lambda r: (not r["overdue"], r["due_on"] or "9999-12-31", r["kind"], r["id"]))
        return rows

    def _count(self, row: dict[str, Any], today: dt.date, calendar: WorkingCalendar) -> dict[str, Any]:
        limit = row.pop("limit", None)
        row.update(days=None, unit=None, clause="", due_on=row.get("due_on"), working_days_left=None,
                   days_left=None, overdue=False, problem=None, provisional=False, due_provisional=False,
                   provisional_note=None)
        if limit is not None:
            row.update(days=limit.days, unit=limit.unit, clause=limit.clause)
        held = row["due_on"]
        try:
            try:
                self._due_and_left(row, today, calendar, limit)
            except RefusedInput as refusal:
                uncovered = refusal.problems[0]
                if uncovered.code != "calendar.year_not_covered":
                    raise
                # Past the calendar's data: counted on weekdays, said so, until the year is declared.
                row["due_on"] = held
                self._due_and_left(row, today, calendar.weekdays_only(), limit)
                note = Problem("calendar.provisional", ("date",), {"year": uncovered.params["year"]})
                row.update(provisional=True, due_provisional=held is None,
                           provisional_note={"code": note.code, "year": uncovered.params["year"],
                                             "message": note.message("bilingual")})
        except RefusedInput as refusal:
            problem = refusal.problems[0]
            row["problem"] = {"code": problem.code, "message": problem.message("bilingual")}
        except ValueError:
            # A date the register holds that is not one (written by hand): shown, not fatal.
            problem = RefusedInput.of("calendar.not_a_date", ("date",), value=str(row["due_on"])).problems[0]
            row.update(due_on=None, problem={"code": problem.code, "message": problem.message("bilingual")})
        return row

    @staticmethod
    def _due_and_left(row: dict[str, Any], today: dt.date, calendar: WorkingCalendar,
                      limit: TimeLimit | None) -> None:
        if row["due_on"] is None and limit is not None:
            start = dt.date.fromisoformat(row["started_on"])
            row["due_on"] = calendar.due(start, limit.days, limit.unit).isoformat()
        if row["due_on"] is not None:
            due = dt.date.fromisoformat(row["due_on"])
            row["days_left"] = (due - today).days
            row["overdue"] = due < today
            row["working_days_left"] = calendar.working_days_between(today, due)

    def for_assessment(self, assessment_id: int, today: dt.date | None = None) -> dict[str, Any] | None:
        """The decision clock of one assessment (the window shows it on the walk-through)."""
        return next((r for r in self.list(kinds=("assessment",), today=today) if r["id"] == assessment_id), None)


__all__ = ["DEADLINE_SOURCES", "Deadlines", "WORKING"]
