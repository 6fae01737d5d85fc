"""Surveillance visits (获证后监督) as reduced assessments of a certificate.

A certificate's visits fall due every ``surveillance_interval_months`` from issue (the
rule's "at least yearly, from the 12th month"), rows of the ``surveillance`` table made
when it is issued. A substantiated complaint, or a visit whose product sampling failed,
adds a visit due sooner (``surveillance_followup_months``), its reason recorded.

A visit is carried out as an assessment of kind ``surveillance`` (``open_visit``), frozen
to the certificate's pack version and answering only the items the pack marks for
surveillance (every item when it marks none; ``brandmark.packs.reduced``). It is scored
by the same function as any assessment; its decision (``decide``: maintain, suspend or
withdraw) is made by a registered decider who took no part in the visit (ISO/IEC 17065
7.6.2, the same checks as ``Assessments.decide``), signed, and changes the certificate's
status with the reason.

``due_visits(until)`` is the query other views use for their due lists (the ``deadlines``
command, the window's due list): every open visit of a certificate still in force.

A certificate of the agricultural pack, issued in a register of its own (as in
``store.certificates``), then its first visit, whose lead sample fails (the same steps
as ``brandmark.demo.example_failed_visit``, which other examples start from):

>>> from brandmark.demo import demo_value, example_certificate
>>> store, number = example_certificate()    # 张三 assessor, 李四 decider; granted and issued
>>> visit = store.surveillance.open_visit(number, assessor="张三")
>>> surveyed = store.assessments.pack_for(visit["assessment_id"]).items()   # the items marked for surveillance
>>> answers = {item.id: demo_value(item) for item in surveyed} | {"ag-lead": "2.6"}   # limit <=2.0
>>> _ = store.assessments.answer_many(visit["assessment_id"], answers, by="张三")
>>> _ = store.surveillance.decide(visit["assessment_id"], "suspend", by="李四", reason="抽样不合格：铅超标")
>>> store.certificates.get(number)["status"]
'suspended'
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, cast

from brandmark.errors import NotFound, RefusedInput
from brandmark.packs.model import STAGES, Pack
from brandmark.packs.reduced import SURVEILLANCE
from brandmark.scoring.scorer import CONDITIONAL, GRANT, INCOMPLETE, REFUSE
from brandmark.certificates.statuses import SURVEILLANCE_RESULTS
from brandmark.store.certificates import _EFFECTIVE as _LIVE, add_months
from brandmark.store.people import CLAUSE_IMPARTIAL_DECISION
from brandmark.text import clean_text

if TYPE_CHECKING:
    from brandmark.store import Store
    from brandmark.store.people import PersonRef

REASONS = ("scheduled", "complaint", "failed_sampling")
EXTRA_REASONS = ("complaint", "failed_sampling")
# Which results each verdict of a visit allows: a decider may always be stricter.
ALLOWED_RESULTS = {GRANT: SURVEILLANCE_RESULTS, CONDITIONAL: SURVEILLANCE_RESULTS,
                   REFUSE: ("suspend", "withdraw"), INCOMPLETE: ()}
# The certificate status change each result makes, by the certificate's stored status.
_STATUS_ACTION = {("suspend", "valid"): "suspend", ("withdraw", "valid"): "withdraw",
                  ("withdraw", "suspended"): "withdraw", ("maintain", "suspended"): "reinstate"}
RESULT_NAMES = {"maintain": "保持", "suspend": "暂停", "withdraw": "撤销"}
REASON_NAMES = {"scheduled": "例行监督", "complaint": "投诉（经查实）", "failed_sampling": "抽样不合格"}


def visit_decision_content(store: Store, visit_id: int | str) -> dict[str, Any]:
    """What a visit's decider signs: the visit, its result and reason, the certificate."""
    row = store.db.execute(
        "SELECT s.id, s.number, s.due_on, s.done_on, s.result, s.note, s.recorded_by, s.recorded_by_id, "
        "s.decided_at, s.assessment_id, a.scheme_id, a.scheme_version, a.scheme_hash, c.holder_uscc "
        "FROM surveillance s JOIN certificates c ON c.number = s.number "
        "LEFT JOIN assessments a ON a.id = s.assessment_id WHERE s.id = ? AND s.decided_at IS NOT NULL",
        [int(visit_id)]).fetchone()
    if row is None:
        raise LookupError(visit_id)
    keys = ("visit", "certificate", "due_on", "done_on", "result", "reason", "decided_by", "decided_by_id",
            "decided_at", "assessment", "scheme_id", "scheme_version", "scheme_hash", "holder_uscc")
    return dict(zip(keys, row))


class Surveillance:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading --------------------------------------------------------------
    def due_visits(self, until: dt.date | None = None) -> list[dict[str, Any]]:
        """Open visits due on or before ``until`` (every open one when ``None``) of certificates in
        force (valid or suspended, not expired), earliest first.

        Each row: ``id, number, due_on, reason, reason_note, assessment_id`` (the visit's
        assessment once opened, else None), ``holder_name, product, status`` (the certificate's
        effective status) and ``overdue`` (due before today). The ``deadlines`` list and the
        window's due list read this.
        """
        today = self.store.today().isoformat()
        params = {"today": today, "until": until.isoformat() if until else "9999-12-31"}
        rows = list(self.store.db.query(
            f"SELECT s.id, s.number, s.due_on, s.reason, s.reason_note, s.assessment_id, c.holder_name, "
            f"c.product, {_LIVE} AS status FROM surveillance s JOIN certificates c ON c.number = s.number "
            f"WHERE s.done_on IS NULL AND s.due_on <= :until AND {_LIVE} IN ('valid', 'suspended') "
            "ORDER BY s.due_on, s.id", params))
        for row in rows:
            row["overdue"] = row["due_on"] < today
        return rows

    def visits(self, number: str) -> list[dict[str, Any]]:
        """Every visit of a certificate, due or done, earliest due first (rows made before visits
        were assessments keep their one-word result and no assessment)."""
        self.store.certificates.get(number)
        return list(self.store.db.query("SELECT * FROM surveillance WHERE number = ? ORDER BY due_on, id",
                                        [number]))

    def visit(self, visit_id: int) -> dict[str, Any]:
        rows = list(self.store.db.query("SELECT * FROM surveillance WHERE id = ?", [int(visit_id)]))
        if not rows:
            raise NotFound.of("surveillance.no_visit", visit=visit_id)
        return rows[0]

    def visit_of(self, assessment_id: int) -> dict[str, Any]:
        """The visit an assessment of kind ``surveillance`` carries out."""
        rows = list(self.store.db.query("SELECT * FROM surveillance WHERE assessment_id = ?", [assessment_id]))
        if not rows:
            raise RefusedInput.of("surveillance.not_a_visit", ("assessment",), assessment=assessment_id)
        return rows[0]

    def previous_findings(self, number: str, *, before: int | None = None) -> list[dict[str, Any]]:
        """The nonconformities of the certificate's earlier assessments (the one it was issued
        from, earlier visits and renewals; those before assessment ``before`` when given),
        oldest first: what the assessor of the next visit checks again."""
        cert = self.store.certificates.get(number)
        numbers = self._lineage(cert)
        marks = ", ".join("?" * len(numbers))
        sql = (f"SELECT f.*, a.kind AS assessment_kind FROM findings f JOIN assessments a ON a.id = f.assessment_id "
               f"WHERE f.status != 'withdrawn' AND (a.certificate_number IN ({marks}) OR a.id IN "
               f"(SELECT assessment_id FROM certificates WHERE number IN ({marks})))")
        params: list[object] = [*numbers, *numbers]
        if before is not None:
            sql += " AND a.id < ?"
            params.append(before)
        return list(self.store.db.query(sql + " ORDER BY f.assessment_id, f.id", params))

    def earlier_findings(self, assessment_id: int) -> list[dict[str, Any]]:
        """What the assessor of a visit, a recertification or a scope change checks again: the
        nonconformities of the certificate's earlier assessments (``previous_findings``), oldest
        first, each with its ``state`` and the item's titles. An initial assessment has none.

        ``state`` is ``closed`` (verified effective), ``overdue`` (open past its corrective-action
        deadline) or ``open``; ``in_this_assessment`` says whether this assessment answers the
        item again (a visit answers only the surveyed items). The walk-through lists these."""
        a = self.store.assessments.get(assessment_id)
        if not a.get("certificate_number"):
            return []
        rows = self.previous_findings(a["certificate_number"], before=assessment_id)
        answered_here = {item.id for item in self.store.assessments.pack_for(assessment_id).items()}
        today = self.store.today().isoformat()
        packs: dict[int, Pack] = {}
        for row in rows:
            if row["status"] == "closed":
                row["state"] = "closed"
            elif row["deadline"] and row["deadline"] < today:
                row["state"] = "overdue"
            else:
                row["state"] = "open"
            row["in_this_assessment"] = row["item_id"] in answered_here
            if row["assessment_id"] not in packs:
                packs[row["assessment_id"]] = self.store.assessments.pack_for(row["assessment_id"])
            try:
                item = packs[row["assessment_id"]].item(row["item_id"])
                row["item_title"], row["item_title_en"] = item.title, item.title_en
            except KeyError:
                row["item_title"], row["item_title_en"] = row["item_id"], ""
        return rows

    def _lineage(self, cert: dict[str, Any]) -> list[str]:
        """The certificate and every one it replaces, newest first."""
        numbers = [cert["number"]]
        replaces = cert["replaces"]
        while replaces and replaces not in numbers:
            numbers.append(replaces)
            row = self.store.db.execute("SELECT replaces FROM certificates WHERE number = ?", [replaces]).fetchone()
            replaces = row[0] if row else None
        return numbers

    # -- scheduling -----------------------------------------------------------
    def schedule(self, number: str, *, reason: str, by: PersonRef | None, note: str,
                 due_on: dt.date | None = None) -> dict[str, Any]:
        """Add a visit due sooner than the yearly ones: after a substantiated complaint or a failed
        sampling. ``due_on`` defaults to ``surveillance_followup_months`` from today."""
        if reason not in EXTRA_REASONS:
            raise RefusedInput.of("surveillance.bad_reason", ("reason",), reason=reason,
                                  choices=", ".join(EXTRA_REASONS))
        actor = self.store.people.actor(by, field=("by",))
        note = clean_text(note, "note", required=True, max_length=1000, multiline=True)
        with self.store.atomic():
            cert = self._in_force(number)
            due = due_on or self.followup_due(cert["number"])
            if due < self.store.today():
                raise RefusedInput.of("surveillance.due_in_past", ("due",), due=due.isoformat())
            visit_id = self._add_visit(cert["number"], due, reason, note, actor.name)
        return self.visit(visit_id)

    def followup_due(self, number: str) -> dt.date:
        """When an extra visit of this certificate falls due if recorded today (the pack's
        ``surveillance_followup_months``)."""
        cert = self.store.certificates.get(number)
        pack = self.store.schemes.get(cert["scheme_id"], cert["scheme_version"])
        return add_months(self.store.today(), pack.rules.surveillance_followup_months)

    def _add_visit(self, number: str, due: dt.date, reason: str, note: str, actor: str) -> int:
        visit_id = cast(int, self.store.db.table("surveillance").insert({
            "number": number, "due_on": due.isoformat(), "reason": reason, "reason_note": note}).last_pk)
        self.store.events.record(actor, "surveillance.schedule", "certificate", number,
                                 {"visit": visit_id, "due_on": due.isoformat(), "reason": reason, "note": note})
        return visit_id

    def _in_force(self, number: str) -> dict[str, Any]:
        cert = self.store.certificates.get(number)
        if cert["status"] not in ("valid", "suspended"):
            raise RefusedInput.of("surveillance.not_in_force", ("certificate",), number=cert["number"],
                                  status=cert["status"])
        return cert

    # -- the visit ------------------------------------------------------------
    def open_visit(self, number: str, *, assessor: PersonRef, visit_id: int | None = None) -> dict[str, Any]:
        """Start the earliest open visit of a certificate (or ``visit_id``) as an assessment of
        kind ``surveillance``; returns the visit with its ``assessment_id``."""
        with self.store.atomic():
            cert = self._in_force(number)
            number = cert["number"]
            if visit_id is None:
                row = self.store.db.execute(
                    "SELECT id FROM surveillance WHERE number = ? AND done_on IS NULL ORDER BY due_on, id LIMIT 1",
                    [number]).fetchone()
                if row is None:
                    raise RefusedInput.of("surveillance.none_due", ("certificate",), number=number)
                visit_id = row[0]
            visit = self.visit(visit_id)
            if visit["number"] != number or visit["done_on"]:
                raise RefusedInput.of("surveillance.visit_closed", ("visit",), visit=visit_id, number=number)
            if visit["assessment_id"] is not None:
                raise RefusedInput.of("surveillance.already_open", ("visit",), visit=visit_id,
                                      assessment=visit["assessment_id"])
            issued_from = self.store.assessments.get(cert["assessment_id"])
            assessment_id = self.store.assessments.new(
                applicant_id=cert["applicant_id"], scheme_id=cert["scheme_id"], scheme_version=cert["scheme_version"],
                assessor=assessor, product_id=issued_from["product_id"], kind=SURVEILLANCE,
                certificate_number=number)
            pack = self.store.assessments.pack_for(assessment_id)
            first_stage = next((s for s in STAGES if any(sec.stage == s for sec in pack.sections)), STAGES[0])
            self.store.db.table("assessments").update(assessment_id, {"stage": first_stage})
            self.store.db.table("surveillance").update(visit_id, {"assessment_id": assessment_id})
            self.store.events.record(self.store.assessments.get(assessment_id)["assessor"], "surveillance.open",
                                     "certificate", number, {"visit": visit_id, "assessment": assessment_id,
                                                             "due_on": visit["due_on"]})
        return self.visit(visit_id)

    def decide(self, assessment_id: int, result: str, *, by: PersonRef | None, reason: str = "") -> dict[str, Any]:
        """Decide a visit: ``maintain``, ``suspend`` or ``withdraw``, by a registered decider who took
        no part in it, within what the visit's verdict allows; the certificate's status changes
        with the reason (maintain reinstates a suspended one). A visit whose sampling failed adds
        a follow-up visit. Returns the visit."""
        a = self.store.assessments.get(assessment_id)
        if a["kind"] != SURVEILLANCE:
            raise RefusedInput.of("surveillance.not_a_visit", ("assessment",), assessment=assessment_id)
        visit = self.visit_of(assessment_id)
        if a["status"] != "open" or visit["done_on"]:
            raise RefusedInput.of("surveillance.already_decided", ("assessment",), assessment=assessment_id)
        if result not in SURVEILLANCE_RESULTS:
            raise RefusedInput.of("surveillance.bad_result", ("surveillance_result",), result=result,
                                  choices=", ".join(SURVEILLANCE_RESULTS))
        reason = clean_text(reason, "reason", required=result != "maintain", max_length=1000, multiline=True)
        decider = self.store.people.actor(by, field=("by",), role="decider", scheme=a["scheme_id"], action="decide")
        parts = self.store.assessments.took_part(assessment_id, decider)
        if parts:
            raise RefusedInput.of("people.decider_took_part", ("by",), name=decider.name, id=decider.person_id,
                                  parts=", ".join(parts), assessment=assessment_id,
                                  clause=CLAUSE_IMPARTIAL_DECISION)
        self.store.people.require_signed_in(decider, action="decide")
        score = self.store.assessments.score(assessment_id)
        allowed = ALLOWED_RESULTS[score.verdict]
        if result not in allowed:
            raise RefusedInput.of("surveillance.result_not_allowed", ("surveillance_result",), result=result,
                                  verdict=score.verdict, allowed=", ".join(allowed) or "-")
        failed_tests = [t.item for t in score.tests if t.verdict == "fail"]
        now = self.store.now()
        with self.store.atomic():
            cert = self._in_force(visit["number"])
            self.store.db.table("surveillance").update(visit["id"], {
                "done_on": self.store.today().isoformat(), "result": result, "note": reason,
                "recorded_by": decider.name, "recorded_by_id": decider.person_id, "decided_at": now})
            self.store.db.table("assessments").update(assessment_id, {"status": "decided", "stage": "summary",
                                                                      "updated_at": now})
            self.store.people.sign(decider, "surveillance.decide", "surveillance", visit["id"],
                                   visit_decision_content(self.store, visit["id"]))
            self.store.events.record(decider.name, "surveillance.decide", "certificate", cert["number"], {
                "visit": visit["id"], "assessment": assessment_id, "result": result, "reason": reason,
                "verdict": score.verdict, "total": round(score.total, 2), "failed_tests": failed_tests})
            action = _STATUS_ACTION.get((result, cert["stored_status"]))
            if action:
                self.store.certificates.change_status(
                    cert["number"], action, by=decider.name,
                    reason=f"监督 #{visit['id']}（评审 #{assessment_id}）/ surveillance visit #{visit['id']} "
                           f"(assessment #{assessment_id}): {reason or result}")
            if failed_tests and result != "withdraw":
                self._add_visit(cert["number"], self.followup_due(cert["number"]), "failed_sampling",
                                json.dumps(failed_tests, ensure_ascii=False), decider.name)
        return self.visit(visit["id"])
