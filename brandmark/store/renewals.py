"""Recertification (再认证) and scope changes (扩展/缩小): a certificate replaced by a new one.

* **Recertification** before expiry is a full assessment of kind ``recertification`` linked
  to the certificate, against the scheme's newest pack version (``start_recertification``).
  Decided like any assessment, its grant issues a new certificate (``issue``, reached
  through ``Certificates.issue``) that names the old one in ``replaces``. The body chooses
  when it takes over: ``replace_at="expiry"`` — the new certificate's validity runs on from
  the day after the old one expires (the old one stays valid until then and expires by
  its date), or ``"now"`` — a full validity from today, and the old one is cancelled as
  superseded at once.
  Once the old one's last day has passed it reads as cancelled (superseded) on every view,
  and the first write of the body's next day records that (``settle_replacements``): its
  stored status, a status change and a ``certificate.superseded`` event, all naming the
  day it took effect, whenever the write happens.
* **Scope extension** (new models) is a reduced assessment of kind ``scope``: the test items
  of the certificate's frozen pack, for the new models (``start_scope_change``). Its grant
  reissues the certificate with the new models, same expiry; the old one is cancelled as
  superseded and its open surveillance visits move to the new number.
* **Scope reduction** (models dropped) needs no assessment: ``reduce_scope`` reissues with the
  remaining models at once.

A scope change also writes the new model list to the product row (the product as now
certified), which is where a later reissue reads its models from; the event keeps the
list it replaced, and every assessment's report still names the models it certified
(``Assessments.models_assessed``: a scope change's own list, or the first certificate
an assessment issued).

Numbers are never reused: each new certificate takes the next number, and the chain of
``replaces`` keeps the history (``certificates show`` lists it).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from brandmark.errors import RefusedInput
from brandmark.packs.reduced import SCOPE
from brandmark.store.certificates import expiry_for, surveillance_dates
from brandmark.text import clean_text

if TYPE_CHECKING:
    from brandmark.packs.model import Pack
    from brandmark.store import Store
    from brandmark.store.people import Actor, PersonRef

RECERTIFICATION = "recertification"
RENEWAL_KINDS = (RECERTIFICATION, SCOPE)
REPLACE_AT = ("expiry", "now")
SETTLED_BY = "brandmark"        # the register itself: what the date alone settles names no person
_MODEL_SEPARATORS = re.compile(r"[,，;；、\n]+")


def parse_models(text: str) -> list[str]:
    """Models as a list: split at commas (also full-width), semicolons, 、 and line breaks.

    >>> parse_models("K-1, K-2，K-3、SD-1701 Pro")
    ['K-1', 'K-2', 'K-3', 'SD-1701 Pro']
    """
    seen: list[str] = []
    for part in _MODEL_SEPARATORS.split(text or ""):
        model = " ".join(part.split())
        if model and model not in seen:
            seen.append(model)
    return seen


def join_models(models: list[str]) -> str:
    return ", ".join(models)


class Renewals:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _replaceable(self, number: str) -> dict[str, Any]:
        cert = self.store.certificates.get(number)
        if cert["status"] != "valid":
            raise RefusedInput.of("renewals.not_valid", ("certificate",), number=cert["number"], status=cert["status"])
        if cert["replaced_by"]:
            raise RefusedInput.of("renewals.already_replaced", ("certificate",), number=cert["number"],
                                  new=cert["replaced_by"])
        pending = self.store.db.execute(
            "SELECT id FROM assessments WHERE certificate_number = ? AND kind IN ('recertification', 'scope') "
            "AND status = 'open'", [cert["number"]]).fetchone()
        if pending:
            raise RefusedInput.of("renewals.pending", ("certificate",), number=cert["number"], assessment=pending[0])
        return cert

    def _new_assessment(self, cert: dict[str, Any], *, kind: str, assessor: PersonRef,
                        scheme_version: str | None, **columns: str) -> int:
        issued_from = self.store.assessments.get(cert["assessment_id"])
        with self.store.atomic():
            assessment_id = self.store.assessments.new(
                applicant_id=cert["applicant_id"], scheme_id=cert["scheme_id"], scheme_version=scheme_version,
                assessor=assessor, product_id=issued_from["product_id"], kind=kind,
                certificate_number=cert["number"])
            if columns:
                self.store.db.table("assessments").update(assessment_id, columns)
            self.store.events.record(self.store.assessments.get(assessment_id)["assessor"], f"certificate.{kind}.start",
                                     "certificate", cert["number"], {"assessment": assessment_id, **columns})
        return assessment_id

    # -- the day itself ---------------------------------------------------------
    def settle_replacements(self, today: dt.date | None = None) -> list[str]:
        """Cancel as superseded every certificate in force whose last day has passed and which a
        recertification replaced at expiry; returns their numbers. Called before the first
        write of each body's day (``Store._settle_the_day``); safe to call again."""
        today = today or self.store.today()
        certificates = self.store.certificates
        # Read inside the transaction: opening it may settle the day first (Store._settle_the_day).
        with self.store.atomic():
            due = list(self.store.db.query(
                "SELECT c.number, c.status, c.expires_on, r.number AS new FROM certificates c "
                "JOIN certificates r ON r.replaces = c.number "
                "WHERE c.status IN ('valid', 'suspended') AND c.expires_on < ? ORDER BY c.number",
                [today.isoformat()]))
            for row in due:
                took_effect = (dt.date.fromisoformat(row["expires_on"]) + dt.timedelta(days=1)).isoformat()
                self.store.db.execute("UPDATE certificates SET status = 'cancelled' WHERE number = ?", [row["number"]])
                certificates._log_status(
                    row["number"], "cancel", row["status"], "cancelled",
                    f"到期后由 {row['new']} 接替，自 {took_effect} 起注销 / superseded by {row['new']} at expiry, "
                    f"cancelled from {took_effect}", SETTLED_BY)
                self.store.events.record(SETTLED_BY, "certificate.superseded", "certificate", row["number"], {
                    "replaced_by": row["new"], "previous_status": row["status"], "effective_on": took_effect,
                    "expired_on": row["expires_on"]})
        return [row["number"] for row in due]

    # -- starting ---------------------------------------------------------------
    def start_recertification(self, number: str, *, assessor: PersonRef, replace_at: str = "expiry") -> int:
        """A full assessment of the certificate's holder and product against the scheme's newest
        pack version; returns its id. ``replace_at``: ``expiry`` or ``now`` (see the module)."""
        if replace_at not in REPLACE_AT:
            raise RefusedInput.of("renewals.bad_replace_at", ("replace_at",), value=replace_at,
                                  choices=", ".join(REPLACE_AT))
        cert = self._replaceable(number)
        return self._new_assessment(cert, kind=RECERTIFICATION, assessor=assessor, scheme_version=None,
                                    replace_at=replace_at)

    def start_scope_change(self, number: str, *, models: str, assessor: PersonRef) -> int:
        """A reduced assessment (the test items) for a certificate's new model list; returns its id.
        ``models`` is the whole list the new certificate will name; at least one must be new."""
        cert = self._replaceable(number)
        wanted = parse_models(models)
        added = [m for m in wanted if m not in parse_models(cert["models"])]
        if not added:
            raise RefusedInput.of("renewals.no_new_models", ("models",), number=cert["number"], models=cert["models"])
        return self._new_assessment(cert, kind=SCOPE, assessor=assessor, scheme_version=cert["scheme_version"],
                                    scope_models=join_models(wanted))

    # -- issuing ----------------------------------------------------------------
    def issue(self, assessment_id: int, *, authorised_by: PersonRef | None = None,
              by: PersonRef | None = None) -> dict[str, Any]:
        """The new certificate of a decided recertification or scope assessment (called by
        ``Certificates.issue``); returns it."""
        certificates = self.store.certificates
        a = certificates.check_issuable(assessment_id)
        old = certificates.get(a["certificate_number"])
        if a["kind"] == SCOPE and old["status"] != "valid" or old["stored_status"] not in ("valid", "suspended"):
            raise RefusedInput.of("renewals.not_valid", ("certificate",), number=old["number"], status=old["status"])
        if old["replaced_by"]:
            raise RefusedInput.of("renewals.already_replaced", ("certificate",), number=old["number"],
                                  new=old["replaced_by"])
        authoriser = certificates._authoriser(assessment_id, authorised_by if authorised_by not in (None, "")
                                              else (a["decision"]["decided_by_id"] or a["decision"]["decided_by"]))
        actor = self.store.people.actor(by, field=("by",)).name if by not in (None, "") else authoriser.name
        content, pack = certificates._content(a)
        today = self.store.today()
        old_expiry = dt.date.fromisoformat(old["expires_on"])
        if a["kind"] == SCOPE:
            content["models"] = a["scope_models"]
            starts, expires_on, supersede_now = today, old_expiry, True
            why = f"范围变更（评审 #{assessment_id}）/ scope change (assessment #{assessment_id}): {a['scope_models']}"
        elif a["replace_at"] == "expiry" and old["status"] == "valid":
            starts = old_expiry + dt.timedelta(days=1)
            expires_on, supersede_now = expiry_for(starts, pack.rules.certificate_validity_years), False
            why = (f"再认证（评审 #{assessment_id}），{old['expires_on']} 到期后接替 / recertification (assessment "
                   f"#{assessment_id}), takes over when {old['number']} expires on {old['expires_on']}")
        else:
            starts, supersede_now = today, old["status"] in ("valid", "suspended")
            expires_on = expiry_for(today, pack.rules.certificate_validity_years)
            why = f"再认证（评审 #{assessment_id}）/ recertification (assessment #{assessment_id})"
        return self._replace(old, assessment_id, content, pack, authoriser, actor, starts=starts,
                             expires_on=expires_on, supersede_now=supersede_now, why=why,
                             action=a["kind"], keep_visits=a["kind"] == SCOPE)

    def reduce_scope(self, number: str, *, models: str, reason: str, by: PersonRef | None,
                     authorised_by: PersonRef | None = None) -> dict[str, Any]:
        """Reissue a valid certificate for fewer models (no assessment needed); the old one is
        cancelled as superseded. Returns the new certificate."""
        certificates = self.store.certificates
        reason = clean_text(reason, "reason", required=True, max_length=1000)
        old = self._replaceable(number)
        wanted = parse_models(models)
        current = parse_models(old["models"])
        if not wanted or any(m not in current for m in wanted) or len(wanted) == len(current):
            raise RefusedInput.of("renewals.not_a_reduction", ("models",), number=old["number"], models=old["models"])
        a = self.store.assessments.get(old["assessment_id"])
        authoriser = certificates._authoriser(a["id"], authorised_by if authorised_by not in (None, "")
                                              else (old["authorised_by_id"] or old["authorised_by"]))
        actor = self.store.people.actor(by, field=("by",)).name
        content, pack = certificates._content(a)
        content["models"] = join_models(wanted)
        # The scope shrinks; the assessment and the pack the certificate stands on stay the old one's.
        for key in ("scope", "standard", "implementation_rule", "scheme_id", "scheme_version"):
            content[key] = old[key]
        return self._replace(old, a["id"], content, pack, authoriser, actor, starts=self.store.today(),
                             expires_on=dt.date.fromisoformat(old["expires_on"]), supersede_now=True,
                             why=f"缩小范围 / scope reduced to {content['models']}: {reason}", action="scope",
                             keep_visits=True)

    def _replace(self, old: dict[str, Any], assessment_id: int, content: dict[str, Any], pack: Pack, authoriser: Actor,
                 actor: str, *,
                 starts: dt.date, expires_on: dt.date, supersede_now: bool, why: str, action: str,
                 keep_visits: bool) -> dict[str, Any]:
        certificates = self.store.certificates
        issued_on = self.store.today()
        private_key, body = certificates._signer(content["applicant_id"])
        interval = pack.rules.surveillance_interval_months
        with self.store.durable():
            new = certificates._next_number(pack.id, pack.family, issued_on.year, body["code"])
            certificates._insert(new, assessment_id, content, issued_on, expires_on, authoriser, body,
                                 private_key, interval, replaces=old["number"])
            certificates._log_status(new, action, None, "valid", f"替代 {old['number']} / replaces {old['number']}; "
                                     f"{why}", actor)
            if content["models"] != old["models"]:
                # The product row is the product as now certified: a later reissue reads it.
                # The models each earlier assessment certified stay on its first certificate
                # (``Assessments.models_assessed``); the event keeps what the row said before.
                product_id = self.store.assessments.get(assessment_id)["product_id"]
                before = self.store.applicants.product(product_id).get("models") or ""
                self.store.db.table("products").update(product_id, {"models": content["models"]})
                self.store.events.record(actor, "product.models", "product", product_id,
                                         {"models": content["models"], "previous": before, "certificate": new,
                                          "replaces": old["number"]})
            if supersede_now:
                self.store.db.execute("UPDATE certificates SET status = 'cancelled' WHERE number = ?", [old["number"]])
                certificates._log_status(old["number"], "cancel", old["stored_status"], "cancelled",
                                         f"已被 {new} 取代 / superseded by {new}; {why}", actor)
            else:
                certificates._log_status(old["number"], action, old["stored_status"], old["stored_status"],
                                         f"到期后由 {new} 接替 / replaced by {new} at expiry; {why}", actor)
            if keep_visits:
                self.store.db.execute(
                    "INSERT INTO surveillance (number, due_on, reason, reason_note) SELECT ?, due_on, reason, "
                    "reason_note FROM surveillance WHERE number = ? AND done_on IS NULL AND assessment_id IS NULL "
                    "ORDER BY due_on", [new, old["number"]])
            else:
                for due in surveillance_dates(starts, expires_on, interval):
                    self.store.db.table("surveillance").insert({"number": new, "due_on": due.isoformat()})
            self.store.events.record(actor, f"certificate.{action}", "certificate", new, {
                "replaces": old["number"], "assessment": assessment_id, "expires_on": expires_on.isoformat(),
                "superseded_now": supersede_now})
        return certificates.get(new)
