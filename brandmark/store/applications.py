"""Applications for certification and their acceptance (认证申请与受理).

An application is frozen to the pack version current when it arrives, like an
assessment: the pack's ``[application]`` table lists the materials it must contain
(所需资料). Each is recorded as received (with its file, read through
``evidence_intake``) or not applicable; an item with no record is missing.

Acceptance is a decision by a registered person competent for the scheme, signed like the
certification decision: accept (every required item received or not applicable), return
for completion (补正; the applicant sends what is missing and the acceptance clock starts
again from that day), or refuse. The acceptance date starts the decision clock
(``store.deadlines``). A certification assessment starts from an accepted application
(``start_assessment``), at most one per application.

Refusals carry codes of the ``[application]`` table of the message catalogues.
"""

from __future__ import annotations

import builtins
import hashlib
from typing import TYPE_CHECKING, Any, cast

from brandmark.errors import NotFound, RefusedInput
from brandmark.store.evidence_intake import read_evidence
from brandmark.text import clean_text

if TYPE_CHECKING:
    import os

    from brandmark.packs.model import Pack
    from brandmark.store import Store
    from brandmark.store.people import PersonRef

DECISIONS = ("accept", "return", "refuse")
STATUS_AFTER = {"accept": "accepted", "return": "returned", "refuse": "refused"}
OPEN_STATUSES = ("open", "returned")
MAX_FILE_BYTES = 50 * 1024 * 1024


class Applications:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- creating and reading -------------------------------------------------
    def new(self, *, applicant_id: int, scheme_id: str, scheme_version: str | None = None,
            product_id: int | None = None, product: str | None = None, models: str = "",
            standard: str | None = None, implementation_rule: str | None = None, factory_address: str = "",
            by: str = "") -> int:
        """Record an application received today (the body's date), frozen to the pack version.

        ``product`` (with ``models``, ``standard``, ``implementation_rule``, default the pack's,
        and ``factory_address``) registers the product applied for; ``product_id`` names one
        the applicant has."""
        self.store.applicants.get(applicant_id)
        pack = self.store.schemes.get(scheme_id, scheme_version)
        with self.store.atomic():
            if product_id is None and product:
                product_id = self.store.applicants.add_product(
                    applicant_id, name=product, models=models, standard=standard or None,
                    implementation_rule=implementation_rule if implementation_rule is not None
                    else pack.implementation_rule, factory_address=factory_address, actor=by)
            elif product_id is not None and self.store.applicants.product(product_id)["applicant_id"] != applicant_id:
                raise RefusedInput.of("application.product_of_other", ("product",), product=product_id,
                                      applicant=applicant_id)
            now = self.store.now()
            application_id = self.store.db.table("applications").insert({
                "applicant_id": applicant_id, "product_id": product_id, "scheme_id": pack.id,
                "scheme_version": pack.version, "scheme_hash": pack.content_hash, "status": "open",
                "received_on": self.store.today().isoformat(), "created_by": by or "", "created_at": now,
                "updated_at": now}).last_pk
            self.store.events.record(by, "application.new", "application", application_id,
                                     {"applicant": applicant_id, "scheme": f"{pack.id}@{pack.version}"})
        return cast(int, application_id)  # the new row's id: set by every insert

    def get(self, application_id: int) -> dict[str, Any]:
        """The application with its materials (each ``received``, ``na`` or ``missing``) and decisions."""
        rows = list(self.store.db.query(
            "SELECT a.*, ap.name AS applicant_name, ap.uscc AS applicant_uscc, p.name AS product_name "
            "FROM applications a JOIN applicants ap ON ap.id = a.applicant_id "
            "LEFT JOIN products p ON p.id = a.product_id WHERE a.id = ?", [int(application_id)]))
        if not rows:
            raise NotFound.of("application.not_found", ("application",), id=application_id)
        row = rows[0]
        row["items"] = self.items(row)
        row["decisions"] = list(self.store.db.query(
            "SELECT id, decision, decided_on, decided_by, decided_by_id, reason, decided_at "
            "FROM application_decisions WHERE application_id = ? ORDER BY id", [row["id"]]))
        return row

    def pack_for(self, application: dict[str, Any]) -> Pack:
        return self.store.schemes.get(application["scheme_id"], application["scheme_version"],
                                      expected_hash=application["scheme_hash"])

    def items(self, application: dict[str, Any]) -> list[dict[str, Any]]:
        """The pack's materials in pack order, each with what was recorded for it."""
        recorded = {r["item_id"]: r for r in self.store.db.query(
            "SELECT item_id, status, file_name, sha256, size, recorded_by, recorded_at FROM application_items "
            "WHERE application_id = ?", [application["id"]])}
        out = []
        for item in self.pack_for(application).process.application_items:
            record = recorded.get(item.id, {})
            out.append({"id": item.id, "title": item.title, "title_en": item.title_en, "required": item.required,
                        "clause": item.clause, "status": record.get("status", "missing"),
                        "file_name": record.get("file_name"), "sha256": record.get("sha256"),
                        "size": record.get("size"), "recorded_by": record.get("recorded_by"),
                        "recorded_at": record.get("recorded_at")})
        return out

    def list(self, *, status: str | None = None, applicant_id: int | None = None, limit: int = 500) -> list[dict[str, Any]]:
        where: builtins.list[str] = []
        params: builtins.list[object] = []
        if status:
            where.append("a.status = ?")
            params.append(status)
        if applicant_id is not None:
            where.append("a.applicant_id = ?")
            params.append(applicant_id)
        sql = ("SELECT a.id, a.applicant_id, ap.name AS applicant_name, a.scheme_id, a.scheme_version, a.status, "
               "a.received_on, a.accepted_on, a.assessment_id, a.migrated, p.name AS product_name "
               "FROM applications a JOIN applicants ap ON ap.id = a.applicant_id "
               "LEFT JOIN products p ON p.id = a.product_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        return list(self.store.db.query(sql + " ORDER BY a.id DESC LIMIT ?", params + [limit]))

    def content(self, application_id: int, item_id: str) -> bytes:
        row = self.store.db.execute("SELECT content FROM application_items WHERE application_id = ? AND item_id = ?",
                                    [int(application_id), item_id]).fetchone()
        if row is None or row[0] is None:
            raise NotFound.of("application.no_file", ("material",), id=application_id, item=item_id)
        return cast(bytes, row[0])  # the column holds the file's bytes (NULL refused above)

    # -- materials ------------------------------------------------------------
    def _open(self, application_id: int) -> dict[str, Any]:
        application = self.get(application_id)
        if application["status"] not in OPEN_STATUSES:
            raise RefusedInput.of("application.closed", ("application",), id=application_id,
                                  status=application["status"])
        return application

    def receive(self, application_id: int, item_id: str, path: str | os.PathLike[str] | None = None, *,
                not_applicable: bool = False, by: str = "") -> dict[str, Any]:
        """Record one material as received (``path``: its file) or not applicable.

        A returned application that receives material is open again, and its acceptance
        clock starts from today (the completed application is a new receipt)."""
        application = self._open(application_id)
        if self.pack_for(application).process.application_item(item_id) is None:
            raise RefusedInput.of("application.unknown_item", ("material",), item=item_id,
                                  items=", ".join(i["id"] for i in application["items"]) or "—")
        if not_applicable == (path is not None):
            raise RefusedInput.of("application.file_or_na", ("material",), item=item_id)
        record = {"application_id": application["id"], "item_id": item_id, "recorded_by": by or "",
                  "recorded_at": self.store.now(), "status": "na", "file_name": None, "sha256": None,
                  "size": None, "content": None}
        details: dict[str, Any] = {"item": item_id}
        if path is not None:
            read = read_evidence(path, MAX_FILE_BYTES)
            digest = hashlib.sha256(read.data).hexdigest()
            record.update(status="received", file_name=read.name, sha256=digest, size=len(read.data),
                          content=read.data)
            details.update(file=read.name, sha256=digest, source=read.source)
        else:
            details["na"] = True
        with self.store.atomic():
            self.store.db.table("application_items").upsert(record, pk=("application_id", "item_id"))
            changes = {"updated_at": self.store.now()}
            if application["status"] == "returned":
                changes.update(status="open", received_on=self.store.today().isoformat())
                details["reopened"] = True
            self.store.db.table("applications").update(application["id"], changes)
            self.store.events.record(by, "application.receive", "application", application["id"], details)
        return self.get(application["id"])

    # -- the acceptance decision ----------------------------------------------
    def decide(self, application_id: int, decision: str, *, by: PersonRef | None,
               reason: str = "") -> dict[str, Any]:
        """Accept, return for completion or refuse; signed by ``by`` in the same transaction."""
        if decision not in DECISIONS:
            raise RefusedInput.of("application.unknown_decision", ("decision",), decision=decision,
                                  choices=", ".join(DECISIONS))
        application = self._open(application_id)
        actor = self.store.people.actor(by, field=("by",), scheme=application["scheme_id"],
                                        action="application.decide")
        reason = clean_text(reason or "", ("reason",), max_length=2000)
        if decision != "accept" and not reason:
            raise RefusedInput.of("application.reason_required", ("reason",), decision=decision)
        if decision == "accept":
            missing = [i["id"] for i in application["items"] if i["required"] and i["status"] == "missing"]
            if missing:
                raise RefusedInput.of("application.items_missing", ("material",), id=application["id"],
                                      items=", ".join(missing))
        self.store.people.require_signed_in(actor, action="application.decide")
        today = self.store.today().isoformat()
        with self.store.atomic():
            decision_id = cast(int, self.store.db.table("application_decisions").insert({  # set by every insert
                "application_id": application["id"], "decision": decision, "decided_on": today,
                "decided_by": actor.name, "decided_by_id": actor.person_id, "reason": reason,
                "decided_at": self.store.now()}).last_pk)
            changes = {"status": STATUS_AFTER[decision], "updated_at": self.store.now()}
            if decision == "accept":
                changes["accepted_on"] = today
            self.store.db.table("applications").update(application["id"], changes)
            self.store.people.sign(actor, "application.decide", "application_decision", decision_id,
                                   application_decision_content(self.store, decision_id))
            self.store.events.record(actor.name, f"application.{decision}", "application", application["id"],
                                     {"decision": decision_id, "reason": reason})
        return self.get(application["id"])

    # -- the assessment it leads to ---------------------------------------------
    def start_assessment(self, application_id: int, *, assessor: PersonRef | None, by: str | None = None) -> int:
        """The certification assessment of an accepted application, frozen to its pack version
        (``Assessments.new`` checks the application and links it in the same transaction).

        The assessor must not have consulted for the applicant (``consultancies``)."""
        application = self.get(application_id)
        if application["status"] != "accepted":
            raise RefusedInput.of("application.not_accepted", ("application",), id=application["id"],
                                  status=application["status"])
        if application["assessment_id"] is not None:
            raise RefusedInput.of("application.has_assessment", ("application",), id=application["id"],
                                  assessment=application["assessment_id"])
        person = self.store.people.find(assessor, ("assessor",))
        self.store.consultancies.refuse_if_consulted(person["id"], application["applicant_id"], ("assessor",))
        return self.store.assessments.new(
            applicant_id=application["applicant_id"], scheme_id=application["scheme_id"],
            scheme_version=application["scheme_version"], assessor=person["id"],
            product_id=application["product_id"], application_id=application["id"], by=by)

    def startable(self) -> builtins.list[dict[str, Any]]:
        """Accepted applications that have no assessment yet, oldest acceptance first: what a
        new certification assessment can start from (the window's new-assessment dialog)."""
        return list(self.store.db.query(
            "SELECT a.id, a.applicant_id, ap.name AS applicant_name, ap.uscc AS applicant_uscc, a.product_id, "
            "p.name AS product_name, a.scheme_id, a.scheme_version, a.received_on, a.accepted_on "
            "FROM applications a JOIN applicants ap ON ap.id = a.applicant_id "
            "LEFT JOIN products p ON p.id = a.product_id "
            "WHERE a.status = 'accepted' AND a.assessment_id IS NULL ORDER BY a.accepted_on, a.id"))

    def for_assessment(self, assessment_id: int) -> dict[str, Any] | None:
        row = self.store.db.execute("SELECT id FROM applications WHERE assessment_id = ?",
                                    [int(assessment_id)]).fetchone()
        return None if row is None else self.get(row[0])


def application_decision_content(store: Store, decision_id: int | str) -> dict[str, Any]:
    """What an acceptance decision signs, rebuilt from the register's rows."""
    row = store.db.execute(
        "SELECT d.id, d.application_id, d.decision, d.decided_on, d.decided_by, d.decided_by_id, d.reason, "
        "d.decided_at, a.scheme_id, a.scheme_version, a.scheme_hash, ap.uscc FROM application_decisions d "
        "JOIN applications a ON a.id = d.application_id JOIN applicants ap ON ap.id = a.applicant_id "
        "WHERE d.id = ?", [int(decision_id)]).fetchone()
    if row is None:
        raise LookupError(decision_id)
    (did, aid, decision, on, name, person_id, reason, at, scheme, version, scheme_hash, uscc) = row
    # An accepted application's materials are closed, so the acceptance signs them too; after
    # a return they may still change.
    items = [list(r) for r in store.db.execute(
        "SELECT item_id, status, sha256 FROM application_items WHERE application_id = ? ORDER BY item_id",
        [aid])] if decision == "accept" else []
    return {"kind": "brandmark.application-decision/1", "decision_id": did, "application": aid,
            "applicant_uscc": uscc, "scheme": scheme, "scheme_version": version, "scheme_hash": scheme_hash,
            "decision": decision, "decided_on": on, "reason": reason, "decided_by": person_id,
            "decided_by_name": name, "decided_at": at, "items": items}
