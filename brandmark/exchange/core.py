"""Assignments out, work back, self-assessments in: the exchange between registers.

The functions the CLI and the window call (names kept stable):

- ``assign(store, assessment_id, to=..., path=...)``: the body's signed assignment;
- ``export_assessment(store, assessment_id, path=..., by=...)``: an assessor's signed work,
  or an enterprise's self-declared self-assessment;
- ``preview(store, path)``: what ``import_bundle`` would do, writing nothing;
- ``import_bundle(store, path, progress=...)``: take a bundle in, in one transaction;
- ``conflicts(store, assessment_id)`` and ``resolve_conflict(store, conflict_id, choice, by=...)``;
- ``self_assessments(store, applicant_id)``: the attached self-assessments with their
  readiness and gap list.

Trust: an assignment is believed when the body key that signed it is in this register's
trust list (``keys import-trust-list``), not revoked or retired at the signing date. Work
is believed when it is signed with the key the assignment's assessor has here (their card,
``people import-card``), and they are still an active assessor competent for the scheme.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

from brandmark import people_keys
from brandmark.atomic_files import atomic_write
from brandmark.errors import RefusedInput
from brandmark.exchange.bundle import Bundle, EvidenceSource, Signer, read_bundle, write_bundle
from brandmark.scoring.scorer import CERTIFICATION, SELF, score_assessment
from brandmark.store.exchange import agreed
from brandmark.store.people import Actor

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from brandmark.errors import FieldPath
    from brandmark.packs.model import Pack
    from brandmark.scoring.scorer import ScoreResult
    from brandmark.store import Store
    from brandmark.store.people import PersonRef

ASSIGNMENT = "brandmark.assignment/1"
WORK = "brandmark.work/1"
SELF_ASSESSMENT = "brandmark.self-assessment/1"
ASSESSMENT_KINDS = ("initial", "surveillance", "recertification", "scope")
Progress = Callable[[int, int], object]
PathArg = str | os.PathLike[str]


def bundle_id(bundle: Bundle) -> str:
    """A bundle's identity: the SHA-256 of its manifest (which holds every other entry's hash)."""
    return hashlib.sha256(bundle.manifest_bytes).hexdigest()


def _guarded(path: PathArg, field: FieldPath = ("output",)) -> None:
    from brandmark.store.guard import refuse_if_register_file
    refuse_if_register_file(path, field=field)


def _answers_out(store: Store, assessment_id: int) -> dict[str, dict[str, Any]]:
    return {item: {"value": a["value"], "note": a["note"] or "", "answered_by": a["answered_by"],
                   "answered_at": a["answered_at"]}
            for item, a in sorted(store.assessments.answers(assessment_id).items())}


def _findings_out(store: Store, assessment_id: int) -> list[dict[str, Any]]:
    return [{"item": f["item_id"], "grade": f["grade"], "clause": f["clause"], "description": f["description"],
             "corrective_action": f["corrective_action"], "deadline": f["deadline"], "status": f["status"],
             "closed_by": f.get("closed_by"), "closed_at": f["closed_at"],
             "verification_checked": f.get("verification_checked"),
             "verification_evidence": f.get("verification_evidence")}
            for f in store.assessments.findings(assessment_id)]


def _cleared_out(store: Store, assessment_id: int, answers: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The items answered on this laptop and cleared since: a ``null`` answer each, so the body
    clears them too (an item never answered here is left out, and left as the body has it)."""
    last: dict[str, dict[str, Any]] = {}
    for change in store.assessments.history(assessment_id):
        last[change["item"]] = change
    return {item: {"value": None, "note": "", "answered_by": change["by"], "answered_at": change["at"]}
            for item, change in sorted(last.items()) if change["new"] is None and item not in answers}


def _applicant_out(store: Store, applicant_id: int) -> dict[str, Any]:
    row = store.applicants.get(applicant_id)
    return {k: row[k] for k in ("name", "uscc", "region", "address", "industry", "contact")}


def _product_out(store: Store, product_id: int | None) -> dict[str, Any] | None:
    if product_id is None:
        return None
    row = store.applicants.product(product_id)
    return {k: row[k] for k in ("name", "models", "standard", "implementation_rule", "factory_address")}


def _pack_out(store: Store, assessment: dict[str, Any]) -> dict[str, Any]:
    pack = store.schemes.get(assessment["scheme_id"], assessment["scheme_version"],
                             expected_hash=assessment["scheme_hash"])
    return {"id": pack.id, "version": pack.version, "hash": pack.content_hash, "source": pack.source_text}


# -- body → assessor --------------------------------------------------------------------

def assign(store: Store, assessment_id: int, *, to: PersonRef | None, path: PathArg, by: str = "") -> dict[str, Any]:
    """Write the signed assignment of a certification assessment to its assessor ``to``.

    The body's key must be open (``store.body_keys.unlock``). Carries the applicant, the
    product, the frozen pack (content and hash), the assessor (name and key id), the
    answers the register holds now (the base a later import compares with) and, when the
    applicant already holds a certificate in the scheme, that certificate and its findings.
    Returns ``{"assignment", "assessment", "assessor", "file", "key_id"}``.
    """
    _guarded(path)
    assessment = store.assessments.get(assessment_id)
    if assessment["mode"] != CERTIFICATION:
        raise RefusedInput.of("exchange.self_not_assigned", assessment=assessment_id)
    if assessment["status"] != "open":
        raise RefusedInput.of("exchange.assessment_decided", assessment=assessment_id)
    actor = store.people.actor(to, field=("to",), role="assessor", scheme=assessment["scheme_id"], action="assess")
    if assessment["assessor_id"] != actor.person_id:
        raise RefusedInput.of("exchange.not_the_assessor", ("to",), name=actor.name, assessment=assessment_id,
                              assessor=assessment["assessor"])
    # people.actor() gives a registered person, so the id is set.
    assessor_id = cast(int, actor.person_id)
    person = store.people.get(assessor_id)
    if not person["key_id"]:
        raise RefusedInput.of("people.no_key", ("to",), name=person["name"], id=person["id"])
    signing = store.body_keys.signing_key()
    # signing_key() refuses unless there is a current body key, so current() finds it.
    body_key_id = cast("dict[str, Any]", store.body_keys.current())["key_id"]
    assignment_id = uuid.uuid4().hex
    settings = store.settings
    answers = _answers_out(store, assessment_id)
    findings = _findings_out(store, assessment_id)
    previous = store.exchange.previous_work(assessment_id)
    content: dict[str, Any] = {
        "kind": ASSIGNMENT, "assignment": assignment_id, "issued_at": store.now(),
        "body": {"code": settings.get("body.code") or "BM", "name": settings.get("body.name") or "",
                 "key_id": body_key_id},
        "assessment": {"id": assessment_id, "mode": assessment["mode"], "stage": assessment["stage"],
                       "kind": assessment.get("kind") or "initial",
                       "certificate_number": assessment.get("certificate_number")},
        "applicant": _applicant_out(store, assessment["applicant_id"]),
        "product": _product_out(store, assessment["product_id"]),
        "pack": _pack_out(store, assessment),
        "assessor": {"name": person["name"], "key_id": person["key_id"]},
        "answers": answers, "findings": findings, "previous": previous,
    }
    with store.atomic():
        with atomic_write(path) as out:
            manifest = write_bundle(out, kind="assignment", content=content,
                                    signer=Signer("body", body_key_id, signing.sign, content["body"]["code"]),
                                    created_at=content["issued_at"])
        from brandmark.exchange.bundle import canonical_bytes
        identity = hashlib.sha256(canonical_bytes(manifest)).hexdigest()
        store.exchange.record_assignment(
            assignment_id=assignment_id, direction="sent", assessment_id=assessment_id,
            body_assessment_id=assessment_id, assessor_id=assessor_id, body_key_id=body_key_id,
            scheme_hash=assessment["scheme_hash"], base={k: agreed(v) for k, v in answers.items()},
            bundle_id=identity, by=by or "", previous=previous,
            certificate_number=assessment.get("certificate_number"))
        store.events.record(by or "", "exchange.assign", "assessment", assessment_id, {
            "assignment": assignment_id, "to": actor.person_id, "key_id": body_key_id, "bundle": identity})
    return {"assignment": assignment_id, "assessment": assessment_id, "assessor": person["name"],
            "file": str(path), "key_id": body_key_id}


# -- assessor → body, enterprise → body -----------------------------------------------------

def export_assessment(store: Store, assessment_id: int, *, path: PathArg, by: PersonRef | None,
                      progress: Progress | None = None) -> dict[str, Any]:
    """Write an assessment's bundle to ``path``.

    A certification assessment (made here by ``import_bundle`` of an assignment) gives the
    assessor's work: answers with who and when, findings and corrective actions, evidence
    with SHA-256, the pack hash and the assignment it answers, signed with ``by``'s key
    (``by`` must be the assessor, signed in). A self-assessment gives a self-declared
    bundle, unsigned: ``by`` is a free-text name. ``progress(done_bytes, total_bytes)`` is
    called as evidence is written (returning False cancels: ``Cancelled``, no file). Returns
    ``{"file", "kind", "assessment", ...counts}``.
    """
    _guarded(path)
    assessment = store.assessments.get(assessment_id)
    answers = _answers_out(store, assessment_id)
    findings = [{k: v for k, v in f.items() if k != "closed_by"} for f in _findings_out(store, assessment_id)]
    if assessment["mode"] == SELF:
        name = " ".join(str(by or assessment["assessor"]).split())
        pack = store.schemes.get(assessment["scheme_id"], assessment["scheme_version"],
                                 expected_hash=assessment["scheme_hash"])
        result = score_assessment(pack, {k: v["value"] for k, v in answers.items() if v["value"] is not None},
                                  mode=SELF)
        evidence_rows = store.assessments.evidence(assessment_id)
        content: dict[str, Any] = {"kind": SELF_ASSESSMENT, "self_declared": True, "exported_at": store.now(),
                   "declared_by": name, "applicant": _applicant_out(store, assessment["applicant_id"]),
                   "product": _product_out(store, assessment["product_id"]),
                   "pack": {"id": pack.id, "version": pack.version, "hash": pack.content_hash},
                   "answers": answers, "findings": findings,
                   "readiness": round(result.readiness, 2), "gaps": [g["item"] for g in result.to_json()["gaps"]],
                   "evidence": _evidence_out(evidence_rows)}
        with atomic_write(path) as out:
            write_bundle(out, kind="self-assessment", content=content, signer=Signer("self-declared", "", None, name),
                         created_at=content["exported_at"], evidence=_evidence_sources(store, evidence_rows),
                         progress=progress)
        store.events.record(name, "exchange.export", "assessment", assessment_id,
                            {"kind": "self-assessment", "self_declared": True, "answers": len(answers),
                             "evidence": len(evidence_rows)})
        return {"file": str(path), "kind": "self-assessment", "assessment": assessment_id, "answers": len(answers),
                "evidence": len(evidence_rows)}
    received = store.exchange.assignments(assessment_id, "received")
    if not received:
        raise RefusedInput.of("exchange.not_assigned", assessment=assessment_id)
    assignment = received[0]
    actor = store.people.actor(by, field=("by",), role="assessor", scheme=assessment["scheme_id"], action="assess")
    if actor.person_id != assignment["assessor_id"]:
        raise RefusedInput.of("exchange.not_the_assessor", ("by",), name=actor.name, assessment=assessment_id,
                              assessor=assessment["assessor"])
    key_id, private = store.people.unlocked_key(actor)
    evidence_rows = store.assessments.evidence(assessment_id)
    content = {
        "kind": WORK, "assignment": assignment["id"], "exported_at": store.now(),
        "assessment": {"body_id": assignment["body_assessment_id"], "scheme_id": assessment["scheme_id"],
                       "scheme_version": assessment["scheme_version"], "scheme_hash": assessment["scheme_hash"],
                       "certificate_number": store.exchange.certificate_number(assessment_id)},
        "assessor": {"name": actor.name, "key_id": key_id},
        "answers": {**answers, **_cleared_out(store, assessment_id, answers)}, "findings": findings,
        "evidence": _evidence_out(evidence_rows),
    }
    with atomic_write(path) as out:
        write_bundle(out, kind="work", content=content, evidence=_evidence_sources(store, evidence_rows),
                     signer=Signer("person", key_id, private.sign, actor.name), created_at=content["exported_at"],
                     progress=progress)
    store.events.record(actor.name, "exchange.export", "assessment", assessment_id, {
        "kind": "work", "assignment": assignment["id"], "answers": len(answers), "evidence": len(evidence_rows)})
    return {"file": str(path), "kind": "work", "assessment": assessment_id, "assignment": assignment["id"],
            "answers": len(answers),
            "evidence": len(evidence_rows), "findings": len(findings)}


def _stored_chunks(store: Store, evidence_id: int) -> Callable[[], Iterator[bytes]]:
    return lambda: store.exchange.evidence_chunks(evidence_id)


def _evidence_out(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"item": e["item_id"], "name": e["file_name"], "sha256": e["sha256"], "size": e["size"],
             "added_by": e["added_by"], "added_at": e["added_at"]} for e in rows]


def _evidence_sources(store: Store, rows: list[dict[str, Any]]) -> list[EvidenceSource]:
    """Each file once (a bundle names an evidence entry by its SHA-256)."""
    unique = {e["sha256"]: e for e in rows}
    return [EvidenceSource(e["sha256"], e["size"], _stored_chunks(store, e["id"])) for e in unique.values()]


# -- taking a bundle in --------------------------------------------------------------------

class _DryRun(Exception):
    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report


def preview(store: Store, path: PathArg) -> dict[str, Any]:
    """What ``import_bundle`` would do with ``path``: the same report (imported counts,
    ``unchanged``, ``conflicts`` item by item with both answers), or the same refusal, with
    nothing written. Evidence is read and hashed as in a real import."""
    return import_bundle(store, path, dry_run=True)


def import_bundle(store: Store, path: PathArg, *, by: str = "", progress: Progress | None = None,
                  dry_run: bool = False) -> dict[str, Any]:
    """Take a bundle in, in one transaction; refused whole with every reason's code.

    - an assignment (on the laptop): creates the assessment, ready for the walk-through;
    - an assessor's work (at the body): answers, findings, evidence into the assigned
      assessment, each change an event by that assessor; conflicts listed, not merged;
    - a self-assessment (at the body): attached to its applicant.

    ``progress(done_bytes, total_bytes)`` is called as evidence is read (returning False
    cancels: ``Cancelled``, nothing written). Returns ``{"assessment", "imported": {...},
    "unchanged", "conflicts": [{"id", "item", "register", "bundle"}]}`` (plus "kind", and
    "attachment" for a self-assessment).
    """
    _guarded(path, field=("file",))
    bundle = read_bundle(path, key_for=lambda key_id: _public_key(store, key_id))
    handlers = {"assignment": _import_assignment, "work": _import_work, "self-assessment": _import_self}
    handler = handlers[bundle.kind]
    try:
        with (store.atomic() if dry_run else contextlib.nullcontext()), \
                (store.evidence_files.hashing_only() if dry_run else contextlib.nullcontext()):
            report = handler(store, bundle, by=by, progress=progress)
            report["kind"] = bundle.kind
            if dry_run:
                raise _DryRun(report)
    except _DryRun as done:
        return done.report
    return report


def _public_key(store: Store, key_id: str) -> Ed25519PublicKey:
    """The public key this register believes for ``key_id``: a trusted body key (never the
    demo key), or a registered person's key; else ``exchange.unknown_signer``."""
    known = store.body_keys.known_keys().get(key_id)
    if known is not None and known.owner != "demo":
        return known.public_key
    key = store.people.key(key_id)
    if key is not None:
        return people_keys.load_public(key["public_key"])
    raise RefusedInput.of("exchange.unknown_signer", key_id=str(key_id)[:40])


def _content_kind(bundle: Bundle, expected: str) -> None:
    if bundle.content.get("kind") != expected:
        raise RefusedInput.of("exchange.malformed", why=f"content kind is not {expected}")


def _signed_on(bundle: Bundle) -> dt.date:
    try:
        return dt.datetime.fromisoformat(str(bundle.manifest.get("created_at"))).date()
    except ValueError:
        raise RefusedInput.of("exchange.malformed", why="created_at is not a date and time") from None


def _import_assignment(store: Store, bundle: Bundle, *, by: str, progress: Progress | None) -> dict[str, Any]:
    if bundle.signer["kind"] != "body":
        raise RefusedInput.of("exchange.wrong_signer_kind", kind=bundle.signer["kind"], expected="body")
    key_id = bundle.signer["key_id"]
    known = store.body_keys.known_keys().get(key_id)
    if known is None or known.owner == "demo":
        raise RefusedInput.of("exchange.unknown_body_key", key_id=key_id)
    if known.owner == "body":
        raise RefusedInput.of("exchange.own_assignment")
    distrust = known.distrust(_signed_on(bundle))
    if distrust is not None:
        raise RefusedInput(problems=[distrust])
    _content_kind(bundle, ASSIGNMENT)
    content = bundle.content
    try:
        assignment_id = str(content["assignment"])
        pack_data, applicant, assessor = content["pack"], content["applicant"], content["assessor"]
        body_assessment = int(content["assessment"]["id"])
        product = content.get("product")
        source, claimed_hash = pack_data["source"], pack_data["hash"]
        uscc = applicant["uscc"]
        assessor_key = assessor["key_id"]
    except (KeyError, TypeError, ValueError) as exc:
        raise RefusedInput.of("exchange.malformed", why=f"assignment: {type(exc).__name__} {exc}"[:200]) from None
    existing = store.exchange.assignment(assignment_id)
    if existing is not None:
        return {"assessment": existing["assessment_id"], "imported": {"assessments": 0, "answers": 0},
                "unchanged": True,
                "conflicts": []}
    person = store.people.by_key_id(assessor_key)
    if person is None:
        raise RefusedInput.of("exchange.assessor_not_here", name=str(assessor.get("name"))[:100], key_id=assessor_key)
    from brandmark.packs import parse_pack
    pack = parse_pack(source.encode("utf-8"), source=f"assignment {assignment_id[:8]}")
    if pack.content_hash != claimed_hash:
        raise RefusedInput.of("exchange.pack_hash", pack=pack.id, version=pack.version)
    with store.atomic():
        store.schemes.import_pack(pack, actor=by or person["name"], source=f"assignment:{assignment_id}")
        found = store.applicants.registered_usccs([uscc])
        if uscc in found:
            applicant_id = found[uscc][0]
        else:
            texts: dict[str, Any] = {k: applicant.get(k) or "" for k in
                                     ("name", "uscc", "address", "industry", "contact")}
            applicant_id = store.applicants.add(**texts, region=applicant.get("region") or None,
                                                actor=person["name"])
        product_id = None
        if isinstance(product, dict):
            product_id = store.applicants.add_product(applicant_id, **{k: product.get(k) or "" for k in
                                                                       ("name", "models", "implementation_rule",
                                                                        "factory_address")},
                                                      standard=product.get("standard") or None, actor=person["name"])
        assessment_id = store.assessments.new(applicant_id=applicant_id, scheme_id=pack.id,
                                              scheme_version=pack.version, assessor=person["id"],
                                              product_id=product_id, received_assignment=assignment_id)
        kind = content["assessment"].get("kind") or "initial"
        if kind not in ASSESSMENT_KINDS:
            raise RefusedInput.of("exchange.malformed", why=f"assessment kind {str(kind)[:20]}")
        if kind != "initial":
            store.exchange.set_received_kind(assessment_id, kind)
        answers = content.get("answers") or {}
        if not isinstance(answers, dict):
            raise RefusedInput.of("exchange.malformed", why="answers is not an object")
        named = content["assessment"].get("certificate_number")
        store.exchange.record_assignment(
            assignment_id=assignment_id, direction="received", assessment_id=assessment_id,
            body_assessment_id=body_assessment, assessor_id=person["id"], body_key_id=key_id,
            scheme_hash=pack.content_hash, base={k: agreed(v) for k, v in answers.items() if isinstance(v, dict)},
            bundle_id=bundle_id(bundle), by=by or person["name"], previous=content.get("previous"),
            certificate_number=str(named)[:60] if named else None)
        written = store.exchange.write_received(assessment_id, answers, content.get("findings") or [],
                                                {"via": "exchange.receive", "assignment": assignment_id},
                                                by=by or person["name"])
        store.events.record(by or person["name"], "exchange.receive", "assessment", assessment_id, {
            "assignment": assignment_id, "body_key": key_id, "body_assessment": body_assessment,
            "bundle": bundle_id(bundle)})
    return {"assessment": assessment_id, "imported": {"assessments": 1, "answers": written}, "unchanged": False,
            "conflicts": []}


def _import_work(store: Store, bundle: Bundle, *, by: str, progress: Progress | None) -> dict[str, Any]:
    if bundle.signer["kind"] != "person":
        raise RefusedInput.of("exchange.wrong_signer_kind", kind=bundle.signer["kind"], expected="person")
    key_id = bundle.signer["key_id"]
    key = store.people.key(key_id)
    if key is None:
        raise RefusedInput.of("exchange.unknown_signer", key_id=key_id)
    _content_kind(bundle, WORK)
    content = bundle.content
    assignment = store.exchange.assignment(str(content.get("assignment")))
    if assignment is None or assignment["direction"] != "sent":
        raise RefusedInput.of("exchange.unknown_assignment", assignment=str(content.get("assignment"))[:40])
    person = store.people.get(key["person_id"])
    if person["id"] != assignment["assessor_id"]:
        named = store.people.get(assignment["assessor_id"])
        raise RefusedInput.of("exchange.wrong_signer", name=person["name"], id=person["id"], assessor=named["name"],
                              assessor_id=named["id"])
    if not person["active"]:
        raise RefusedInput.of("exchange.signer_inactive", name=person["name"], id=person["id"], since=person["since"])
    if key["retired_at"] is not None and not _signed_while_current(store, bundle, key_id):
        raise RefusedInput.of("exchange.key_retired", key_id=key_id, name=person["name"], since=key["retired_at"])
    assessment = store.assessments.get(assignment["assessment_id"])
    signer = store.people.actor(person["id"], field=("signer",), role="assessor", scheme=assessment["scheme_id"],
                                action="assess")
    claimed = (content.get("assessment") or {}).get("scheme_hash") if isinstance(content.get("assessment"), dict) \
        else None
    if not isinstance(claimed, str) or not store.exchange.pack_known(claimed):
        raise RefusedInput.of("exchange.unknown_pack", hash=str(claimed)[:16])
    if claimed != assignment["scheme_hash"]:
        raise RefusedInput.of("exchange.pack_mismatch", hash=claimed[:16], expected=assignment["scheme_hash"][:16])
    about = content["assessment"].get("certificate_number", assignment["certificate_number"])
    if about != assignment["certificate_number"]:
        raise RefusedInput.of("exchange.certificate_mismatch", number=str(about)[:60],
                              expected=str(assignment["certificate_number"]))
    for meta in content.get("evidence") or []:
        if isinstance(meta, dict) and meta.get("sha256") not in bundle.evidence:
            raise RefusedInput.of("exchange.missing_entry", name=f"evidence/{str(meta.get('sha256'))[:64]}")
    return store.exchange.apply_work(assignment, content, signer=Actor(signer.name, signer.person_id),
                                     bundle_id=bundle_id(bundle), key_id=key_id,
                                     evidence_chunks=lambda sha: bundle.iter_evidence(sha, verify=False),
                                     progress=progress,
                                     evidence_total=bundle.evidence_bytes)


def _signed_while_current(store: Store, bundle: Bundle, key_id: str) -> bool:
    """Whether a bundle signed with a person's retired key is still believed: one this
    register imported before (the same bundle again changes nothing), or one made before
    the moment the person's own statement, signed with that key, named its successor. A key
    replaced on an admin's word alone signs nothing new that is believed."""
    if store.exchange.imported(bundle_id(bundle)):
        return True
    until = store.people.believed_until(key_id)
    if until is None:
        return False
    try:
        return dt.datetime.fromisoformat(str(bundle.manifest.get("created_at"))) <= dt.datetime.fromisoformat(until)
    except (TypeError, ValueError):
        return False


def _import_self(store: Store, bundle: Bundle, *, by: str, progress: Progress | None) -> dict[str, Any]:
    _content_kind(bundle, SELF_ASSESSMENT)
    content = bundle.content
    try:
        uscc = content["applicant"]["uscc"]
        pack_data = content["pack"]
        declared_by = str(content.get("declared_by") or "")[:100]
        answers = content["answers"]
        if not isinstance(answers, dict):
            raise TypeError("answers")
    except (KeyError, TypeError) as exc:
        raise RefusedInput.of("exchange.malformed", why=f"self-assessment: {exc}"[:200]) from None
    found = store.applicants.registered_usccs([str(uscc)])
    if str(uscc) not in found:
        raise RefusedInput.of("exchange.unknown_applicant", uscc=str(uscc)[:40])
    if not store.exchange.pack_known(str(pack_data.get("hash"))):
        raise RefusedInput.of("exchange.unknown_pack", hash=str(pack_data.get("hash"))[:16])
    pack = store.schemes.get(str(pack_data.get("id")), str(pack_data.get("version")),
                             expected_hash=str(pack_data.get("hash")))
    _self_score(pack, answers)                     # refuses answers the pack cannot read
    evidence = store.exchange.checked_evidence(content, {item.id: item for item in pack.items()})
    for meta in evidence:
        if meta["sha256"] not in bundle.evidence:
            raise RefusedInput.of("exchange.missing_entry", name=f"evidence/{meta['sha256'][:64]}")
    applicant_id = found[str(uscc)][0]
    attachment_id, created = store.exchange.attach_self_assessment(
        applicant_id, bundle_id=bundle_id(bundle), scheme_id=pack.id, scheme_version=pack.version,
        scheme_hash=pack.content_hash, declared_by=declared_by, content=content, by=by, evidence=evidence,
        evidence_chunks=lambda sha: bundle.iter_evidence(sha, verify=False), progress=progress)
    return {"assessment": None, "imported": {"self_assessments": 1 if created else 0,
                                             "evidence": len(evidence) if created else 0},
            "unchanged": not created, "conflicts": [], "attachment": attachment_id, "applicant": applicant_id}


def _self_score(pack: Pack, answers: dict[str, Any]) -> ScoreResult:
    from brandmark.scoring.encoding import encode
    items = {item.id: item for item in pack.items()}
    values: dict[str, object] = {}
    for item_id, answer in answers.items():
        if item_id not in items or not isinstance(answer, dict):
            raise RefusedInput.of("exchange.unknown_item", ("answers", str(item_id)[:80]), item=str(item_id)[:80])
        if answer.get("value") is not None:
            values[item_id] = encode(items[item_id], answer["value"]).value
    return score_assessment(pack, values, mode=SELF)


def self_assessments(store: Store, applicant_id: int) -> list[dict[str, Any]]:
    """The self-assessments attached to an applicant, newest last, each with its readiness
    and gap list worked out here from its answers and the frozen pack (the enterprise's own
    figures are not taken on trust), and the evidence files it carried (``evidence``; their
    bytes: ``store.exchange.attachment_evidence_chunks(id)``). Self-declared: never
    certification answers."""
    out: list[dict[str, Any]] = []
    for row in store.exchange.attachments(applicant_id):
        pack = store.schemes.get(row["scheme_id"], row["scheme_version"], expected_hash=row["scheme_hash"])
        result = _self_score(pack, row["content"].get("answers") or {}).to_json()
        out.append({"id": row["id"], "applicant": applicant_id, "kind": row["kind"], "self_declared": True,
                    "declared_by": row["declared_by"], "scheme": f"{row['scheme_id']}@{row['scheme_version']}",
                    "imported_at": row["imported_at"], "answers": len(row["content"].get("answers") or {}),
                    "readiness": result["readiness"], "verdict": result["verdict"], "gaps": result["gaps"],
                    "evidence": store.exchange.attachment_evidence(row["id"])})
    return out


def save_attached_evidence(store: Store, evidence_id: int, path: PathArg) -> dict[str, Any]:
    """Write a copy of one evidence file a self-assessment carried to ``path`` (whole or not
    at all), checked against its SHA-256 as it is written (``evidence.attached_changed``).
    Returns ``{"file", "sha256", "size"}``."""
    _guarded(path)
    row = store.conn.execute("SELECT id, attachment_id, sha256, size FROM applicant_attachment_evidence WHERE id = ?",
                             [int(evidence_id)]).fetchone()
    if row is None:
        raise RefusedInput.of("evidence.no_such", id=evidence_id)
    digest = hashlib.sha256()
    with atomic_write(path) as out:
        for chunk in store.exchange.attachment_evidence_chunks(row[0]):
            digest.update(chunk)
            out.write(chunk)
        if digest.hexdigest() != row[2]:
            raise RefusedInput.of("evidence.attached_changed", evidence_id=row[0], attachment_id=row[1])
    return {"file": str(path), "sha256": row[2], "size": row[3]}


def conflicts(store: Store, assessment_id: int | None = None, *, status: str | None = "open") -> list[dict[str, Any]]:
    """The conflicts of an assessment (open ones unless ``status`` says otherwise), each with
    ``item_id``, ``register_answer`` and ``bundle_answer`` (``{"value", "note"}`` or None)."""
    return store.exchange.conflicts(assessment_id, status=status)


def resolve_conflict(store: Store, conflict_id: int, choice: str, *, by: PersonRef | None) -> dict[str, Any]:
    """Settle one conflict item: ``choice="register"`` keeps the register's answer,
    ``"bundle"`` takes the assessor's. ``by`` is a registered person; the choice is logged."""
    return store.exchange.resolve_conflict(conflict_id, choice, by=by)
