"""What arrives in exchange bundles, written to the register (``store.exchange``).

The bundle itself (reading it safely, checking who signed it) is ``brandmark.exchange``;
this manager holds the SQL: assignments sent and received, imports, conflicts and the
applicants' attached self-assessments.

Merging work that comes back is three-way, per item: ``base`` is the answer both
registers last agreed on (the assignment's, then each import's). An item only the
assessor changed is taken; one only the body changed is kept; one changed on both sides
to different answers is a conflict: recorded, listed, left as the register has it until
someone chooses (``resolve_conflict``). Nothing is merged silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from brandmark.errors import Cancelled, NotFound, Problem, RefusedInput
from brandmark.packs.model import CONFORMITY
from brandmark.scoring.encoding import encode
from brandmark.store.evidence_files import HashMismatch
from brandmark.store.evidence_intake import check_file_name
from brandmark.store.people import Actor
from brandmark.text import clean_text

if TYPE_CHECKING:
    from brandmark.packs.model import Item, Pack
    from brandmark.store import Store
    from brandmark.store.people import PersonRef

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
CACHE_MARGIN_BYTES = 4 * 1024 * 1024


def agreed(answer: dict[str, Any] | None) -> dict[str, Any] | None:
    """The part of an answer two registers compare: its value and note."""
    if answer is None or (answer.get("value") is None and not answer.get("note")):
        return None
    return {"value": answer.get("value"), "note": answer.get("note") or ""}


def _rows(rows: object) -> list[dict[str, Any]]:
    # Assessments has a method named ``list``, which its own annotations then name: the
    # type checker reads their ``list[dict]`` as that method. The rows are what they say.
    return cast("list[dict[str, Any]]", rows)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _counting_bytes(progress: Callable[[int, int], object] | None,
                    total: int) -> Callable[[Iterable[bytes]], Iterator[bytes]]:
    """A wrapper for each file's chunks that counts the bytes of all of them together and
    reports ``(done, total)`` to ``progress``; ``progress`` returning False cancels
    (``Cancelled``)."""
    done = 0

    def counted(chunks: Iterable[bytes]) -> Iterator[bytes]:
        nonlocal done
        for chunk in chunks:
            done += len(chunk)
            if progress is not None and progress(done, total) is False:
                raise Cancelled(done, total)
            yield chunk
    return counted


class Exchange:
    def __init__(self, store: Store):
        self.store = store

    # -- assignments -------------------------------------------------------------------
    def record_assignment(self, *, assignment_id: str, direction: str, assessment_id: int,
                          body_assessment_id: int, assessor_id: int, body_key_id: str, scheme_hash: str,
                          base: dict[str, Any], bundle_id: str, by: str, previous: dict[str, Any] | None = None,
                          certificate_number: str | None = None) -> None:
        """Keep an assignment sent (at the body) or received (on the laptop); call inside
        the transaction that made it. ``certificate_number``: the certificate at the body the
        assessment is about (a surveillance visit, a recertification, a scope change)."""
        self.store.db.table("exchange_assignments").insert({
            "certificate_number": certificate_number,
            "id": assignment_id, "direction": direction, "assessment_id": assessment_id,
            "body_assessment_id": body_assessment_id, "assessor_id": assessor_id, "body_key_id": body_key_id,
            "scheme_hash": scheme_hash, "base": _json(base), "previous": _json(previous), "bundle_id": bundle_id, "created_by": by,
            "created_at": self.store.now()})

    def assignment(self, assignment_id: str) -> dict[str, Any] | None:
        rows = [dict(r) for r in self.store.db.query("SELECT * FROM exchange_assignments WHERE id = ?", [str(assignment_id)])]
        if not rows:
            return None
        rows[0]["base"] = json.loads(rows[0]["base"])
        rows[0]["previous"] = json.loads(rows[0]["previous"])
        return rows[0]

    def assignments(self, assessment_id: int, direction: str | None = None) -> list[dict[str, Any]]:
        """The assessment's assignments, newest first."""
        sql = "SELECT * FROM exchange_assignments WHERE assessment_id = ?"
        params: list[object] = [assessment_id]
        if direction:
            sql += " AND direction = ?"
            params.append(direction)
        rows = [dict(r) for r in self.store.db.query(sql + " ORDER BY created_at DESC, rowid DESC", params)]
        for row in rows:
            row["base"] = json.loads(row["base"])
            row["previous"] = json.loads(row["previous"])
        return rows

    _CERTIFICATE_COLUMNS = ("SELECT number, assessment_id, holder_name, holder_uscc, product, models, scope, "
                            "standard, scheme_id, scheme_version, issued_on, expires_on, status, "
                            "surveillance_months FROM certificates ")

    def previous_work(self, assessment_id: int) -> dict[str, Any] | None:
        """For surveillance, recertification or a scope change: the certificate the assessment
        names (else the applicant's latest in the scheme from another assessment) and the
        findings of its earlier assessments (``store.surveillance.previous_findings``); None
        when there is no certificate."""
        a = self.store.assessments.get(assessment_id)
        if a.get("certificate_number"):
            rows = [dict(r) for r in self.store.db.query(self._CERTIFICATE_COLUMNS + "WHERE number = ?",
                                                         [a["certificate_number"]])]
        else:
            rows = [dict(r) for r in self.store.db.query(
                self._CERTIFICATE_COLUMNS + "WHERE applicant_id = ? AND scheme_id = ? AND assessment_id != ? "
                "ORDER BY issued_on DESC, number DESC LIMIT 1", [a["applicant_id"], a["scheme_id"], assessment_id])]
        if not rows:
            return None
        findings = [{k: f[k] for k in ("assessment_id", "item_id", "grade", "clause", "description",
                                        "corrective_action", "deadline", "status", "closed_at")}
                    for f in _rows(self.store.surveillance.previous_findings(
                        rows[0]["number"], before=assessment_id if a.get("certificate_number") else None))]
        return {"certificate": rows[0], "assessment": rows[0]["assessment_id"], "findings": findings}

    def certificate_number(self, assessment_id: int) -> str | None:
        """The certificate an assessment is about: its own ``certificate_number`` at the body,
        else (on the laptop) the one its received assignment names, held at the body."""
        own: str | None = self.store.assessments.get(assessment_id).get("certificate_number")
        if own:
            return own
        row = self.store.db.execute(
            "SELECT certificate_number FROM exchange_assignments WHERE assessment_id = ? AND direction = 'received' "
            "ORDER BY created_at DESC, rowid DESC LIMIT 1", [assessment_id]).fetchone()
        return row[0] if row else None

    def write_received(self, assessment_id: int, answers: dict[str, Any], findings: list[Any], via: dict[str, Any], *,
                       by: str) -> int:
        """On the laptop: the body's answers and findings an assignment carries, written into the
        assessment made from it, in the caller's transaction: an assessment assigned again after
        partial work goes on from where the body is. Each answer is credited to the body's person
        who recorded it, by name (they are not registered here, so no person id), with an
        ``answer`` event; findings the answers open take the body's description, corrective
        action, deadline and closing. Returns how many answers were written."""
        pack = self.store.assessments.pack_for(assessment_id)
        items = {item.id: item for item in pack.items()}
        written = 0
        for item_id, answer in sorted(answers.items()):
            if item_id not in items or not isinstance(answer, dict) or agreed(answer) is None:
                continue
            encoded = encode(items[item_id], answer.get("value"))
            note = answer.get("note") or ""
            recorder = Actor(" ".join(str(answer.get("answered_by") or "").split())[:100] or "-")
            self._write_answers(assessment_id, {item_id: {
                "value": encoded.value, "code": encoded.code, "note": clean_text(note, ("answers", item_id),
                                                                                  max_length=5000, multiline=True),
                "answered_at": str(answer.get("answered_at") or self.store.now())}}, items, recorder, pack, via)
            written += 1
        ours = {(f["item_id"], f["grade"]): f for f in _rows(self.store.assessments.findings(assessment_id))}
        for finding in findings if isinstance(findings, list) else []:
            mine = ours.get((finding.get("item"), finding.get("grade"))) if isinstance(finding, dict) else None
            if mine is None:
                continue
            changes = {key: finding[key] for key in ("description", "corrective_action", "deadline")
                       if isinstance(finding.get(key), str) and finding[key] != mine[key]}
            if finding.get("status") == "closed":
                changes.update({"status": "closed", "closed_by": str(finding.get("closed_by") or "")[:100],
                                "closed_at": finding.get("closed_at")})
                for key in ("verification_checked", "verification_evidence"):
                    if isinstance(finding.get(key), str):
                        changes[key] = finding[key]
            if changes:
                self.store.db.table("findings").update(mine["id"], changes)
                self.store.events.record(by, "finding.update", "finding", mine["id"], {**changes, **via})
        return written

    def set_received_kind(self, assessment_id: int, kind: str) -> None:
        """On the laptop: an assigned surveillance visit, recertification or scope change is
        that kind here too (so it answers the same items), though the certificate it names
        lives only at the body (``certificate_number`` stays empty). In the caller's transaction."""
        from brandmark.packs.model import STAGES
        self.store.db.table("assessments").update(assessment_id, {"kind": kind})
        pack = self.store.assessments.pack_for(assessment_id)
        first = next((s for s in STAGES if any(section.stage == s for section in pack.sections)), STAGES[0])
        self.store.db.table("assessments").update(assessment_id, {"stage": first})

    def pack_known(self, scheme_hash: str) -> bool:
        return self.store.db.execute("SELECT 1 FROM schemes WHERE hash = ?", [str(scheme_hash)]).fetchone() is not None

    def evidence_chunks(self, evidence_id: int, chunk_size: int = 1024 * 1024) -> Iterator[bytes]:
        """An evidence file's bytes in chunks (``store.assessments.evidence_chunks``)."""
        return self.store.assessments.evidence_chunks(evidence_id, chunk_size)

    # -- work coming back --------------------------------------------------------------
    def apply_work(self, assignment: dict[str, Any], content: dict[str, Any], *, signer: Actor, bundle_id: str,
                   key_id: str,
                   evidence_chunks: Callable[[str], Iterable[bytes]],
                   progress: Callable[[int, int], object] | None = None, evidence_total: int = 0) -> dict[str, Any]:
        """Write an assessor's work into the assessment ``assignment`` names, in the caller's
        transaction. Returns ``{"assessment", "imported": {answers, evidence, findings},
        "unchanged", "conflicts": [...]}``; writes nothing when nothing is new."""
        store = self.store
        assessments = store.assessments
        assessment_id = assignment["assessment_id"]
        assessment = assessments.get(assessment_id)
        if assessment["status"] != "open":
            raise RefusedInput.of("exchange.assessment_decided", assessment=assessment_id)
        pack = assessments.pack_for(assessment_id)
        items = {item.id: item for item in pack.items()}
        theirs = self._bundle_answers(content, items)
        current = {k: agreed(v) for k, v in assessments.answers(assessment_id).items()}
        base = dict(assignment["base"])
        open_conflicts = {(c["item_id"], _json(c["register_answer"]), _json(c["bundle_answer"])): c["id"]
                          for c in self.conflicts(assessment_id)}
        take, conflicts, still_open, new_base = {}, [], [], dict(base)
        for item_id, answer in theirs.items():
            mine, was, incoming = current.get(item_id), base.get(item_id), agreed(answer)
            if incoming == mine:
                new_base[item_id] = incoming
            elif mine == was:
                take[item_id] = answer
                new_base[item_id] = incoming
            elif incoming == was:
                continue                       # only the body changed it since: the body's stands
            elif (item_id, _json(mine), _json(incoming)) in open_conflicts:
                still_open.append({"id": open_conflicts[(item_id, _json(mine), _json(incoming))], "item": item_id,
                                   "register": mine, "bundle": incoming})
            else:
                conflicts.append({"item": item_id, "register": mine, "bundle": incoming})
        evidence = self._new_evidence(assessment_id, content, items)
        finding_updates = self._finding_updates(assessment_id, content, take)
        changed = bool(take or conflicts or evidence or finding_updates or new_base != base)
        report = {"assessment": assessment_id,
                  "imported": {"answers": len(take), "evidence": len(evidence), "findings": len(finding_updates)},
                  "unchanged": not (take or conflicts or evidence or finding_updates), "conflicts": still_open}
        if not changed:
            return report
        with store.atomic():
            import_id = store.db.table("exchange_imports").insert({
                "assignment_id": assignment["id"], "kind": "work", "bundle_id": bundle_id, "signer_key_id": key_id,
                "signer_id": signer.person_id, "counts": _json(report["imported"]),
                "imported_at": store.now()}).last_pk
            via = {"via": "exchange.import", "import": import_id}
            self._write_answers(assessment_id, take, items, signer, pack, via)
            counted = _counting_bytes(progress, evidence_total)
            inside = [meta["size"] for meta in evidence if not store.evidence_files.outside(meta["size"])]
            with self._cache_room(max(inside, default=0)):
                for meta in evidence:
                    self._write_evidence(assessment_id, meta, counted(evidence_chunks(meta["sha256"])), signer,
                                         via)
            self._write_finding_updates(assessment_id, content, signer, via)
            for conflict in conflicts:
                conflict["id"] = store.db.table("exchange_conflicts").insert({
                    "import_id": import_id, "assessment_id": assessment_id, "item_id": conflict["item"],
                    "register_answer": _json(conflict["register"]), "bundle_answer": _json(conflict["bundle"]),
                    "status": "open"}).last_pk
            store.db.table("exchange_assignments").update(assignment["id"], {"base": _json(new_base)})
            store.db.table("assessments").update(assessment_id, {"updated_at": store.now()})
            store.events.record(signer.name, "exchange.import", "assessment", assessment_id, {
                **via, "assignment": assignment["id"], "bundle": bundle_id, "key_id": key_id,
                "counts": report["imported"], "conflicts": [c["item"] for c in conflicts]})
        report["conflicts"] = sorted(still_open + [{"id": c["id"], "item": c["item"], "register": c["register"],
                                                     "bundle": c["bundle"]} for c in conflicts], key=lambda c: c["id"])
        return report

    @contextlib.contextmanager
    def _cache_room(self, size: int) -> Iterator[None]:
        """SQLite's page cache made big enough for one evidence file of ``size`` bytes while it
        is written, then put back. A file is inserted as zeros (``zeroblob``) and then written
        chunk by chunk; when it is larger than the cache, SQLite spills the zero pages to the
        write-ahead log and writes them again with the bytes (the 50 MB import took about 1.6
        times as long). Bounded by the evidence limit (50 MiB) plus a margin; durability is
        unchanged (the same commit, the same sync)."""
        conn = self.store.conn
        before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        page = int(conn.execute("PRAGMA page_size").fetchone()[0])
        held = -before * 1024 if before < 0 else before * page
        wanted = min(size, MAX_EVIDENCE_BYTES) + CACHE_MARGIN_BYTES
        if size == 0 or held >= wanted:
            yield
            return
        conn.execute(f"PRAGMA cache_size = {-(wanted // 1024)}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA cache_size = {before}")

    def _bundle_answers(self, content: dict[str, Any], items: dict[str, Item]) -> dict[str, dict[str, Any]]:
        answers = content.get("answers")
        if not isinstance(answers, dict):
            raise RefusedInput.of("exchange.malformed", why="answers is not an object")
        out, problems = {}, []
        for item_id, answer in answers.items():
            field = ("answers", item_id)
            if item_id not in items:
                problems.append(Problem("exchange.unknown_item", field, {"item": str(item_id)[:80]}))
                continue
            if not isinstance(answer, dict) or not isinstance(answer.get("answered_at", ""), str):
                problems.append(Problem("exchange.malformed", field, {"why": f"answer to {item_id}"}))
                continue
            try:
                encoded = encode(items[item_id], answer.get("value"))
                note = answer.get("note") or ""
                if not isinstance(note, str):
                    raise RefusedInput.of("exchange.malformed", field, why=f"note of {item_id}")
                note = clean_text(note, field, max_length=5000, multiline=True)
            except RefusedInput as exc:
                problems.extend(exc.problems)
                continue
            out[item_id] = {"value": encoded.value, "code": encoded.code, "note": note,
                            "answered_at": answer.get("answered_at") or self.store.now()}
        if problems:
            raise RefusedInput(problems=problems)
        return out

    def _write_answers(self, assessment_id: int, take: dict[str, Any], items: dict[str, Item], actor: Actor, pack: Pack,
                       via: dict[str, Any]) -> None:
        previous = self.store.assessments.answers(assessment_id)
        for item_id, answer in take.items():
            old = previous.get(item_id)
            if answer["value"] is None and not answer["note"]:
                self.store.db.execute("DELETE FROM answers WHERE assessment_id = ? AND item_id = ?",
                                      [assessment_id, item_id])
            else:
                self.store.conn.execute(
                    "INSERT INTO answers (assessment_id, item_id, value, code, note, answered_by, answered_by_id, "
                    "answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, item_id) DO UPDATE SET "
                    "value = excluded.value, code = excluded.code, note = excluded.note, "
                    "answered_by = excluded.answered_by, answered_by_id = excluded.answered_by_id, "
                    "answered_at = excluded.answered_at",
                    [assessment_id, item_id,
                     None if answer["value"] is None else json.dumps(answer["value"], ensure_ascii=False),
                     answer["code"], answer["note"], actor.name, actor.person_id, answer["answered_at"]])
            if items[item_id].kind == CONFORMITY:
                self.store.assessments._sync_finding(assessment_id, items[item_id], answer["code"],
                                                     old["code"] if old else None, answer["note"] or None,
                                                     actor, pack)
            self.store.events.record(actor.name, "answer", "assessment", assessment_id, {
                "item": item_id, "old": old["value"] if old else None, "new": answer["value"], **via})

    def _new_evidence(self, assessment_id: int, content: dict[str, Any],
                      items: dict[str, Item]) -> list[dict[str, Any]]:
        have = {(r["item_id"], r["sha256"]) for r in _rows(self.store.assessments.evidence(assessment_id))}
        return self.checked_evidence(content, items, have)

    def checked_evidence(self, content: dict[str, Any], items: dict[str, Item],
                         have: set[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
        """The bundle's evidence list, each entry checked (its item in the pack, its size, its
        name as a file name); those not in ``have`` (``(item, sha256)`` pairs), each once.
        Refused with every problem at once."""
        listed = content.get("evidence", [])
        if not isinstance(listed, list):
            raise RefusedInput.of("exchange.malformed", why="evidence is not a list")
        have = set() if have is None else set(have)
        out, problems = [], []
        for index, meta in enumerate(listed):
            field = ("evidence", index)
            if not isinstance(meta, dict) or not isinstance(meta.get("sha256"), str) \
                    or not isinstance(meta.get("size"), int) or not isinstance(meta.get("name"), str):
                problems.append(Problem("exchange.malformed", field, {"why": f"evidence #{index}"}))
                continue
            if meta.get("item") not in items:
                problems.append(Problem("exchange.unknown_item", field, {"item": str(meta.get("item"))[:80]}))
                continue
            if meta["size"] > MAX_EVIDENCE_BYTES:
                problems.append(Problem("evidence.too_large", field, {"name": meta["name"][:80], "size": meta["size"],
                                                                      "limit": MAX_EVIDENCE_BYTES}))
                continue
            try:
                name = check_file_name(meta["name"], field)
            except RefusedInput as exc:
                problems.extend(exc.problems)
                continue
            if (meta["item"], meta["sha256"]) not in have:
                have.add((meta["item"], meta["sha256"]))
                out.append({**meta, "name": name})
        if problems:
            raise RefusedInput(problems=problems)
        return out

    def _write_evidence(self, assessment_id: int, meta: dict[str, Any], chunks: Iterable[bytes], actor: Actor,
                        via: dict[str, Any]) -> int:
        """One evidence file of an assessor's work, with its ``evidence.add`` event."""
        evidence_id = self._stream_row("evidence", {
            "assessment_id": assessment_id, "item_id": meta["item"], "file_name": meta["name"],
            "sha256": meta["sha256"], "size": meta["size"], "added_by": actor.name, "added_by_id": actor.person_id,
            "added_at": meta.get("added_at") or self.store.now()}, chunks)
        self.store.events.record(actor.name, "evidence.add", "assessment", assessment_id, {
            "item": meta["item"], "file": meta["name"], "sha256": meta["sha256"], "evidence": evidence_id, **via})
        return evidence_id

    def _stream_row(self, table: str, row: dict[str, Any], chunks: Iterable[bytes]) -> int:
        """Insert an evidence row of ``table`` and stream its bytes where they are kept, in the
        caller's transaction; memory holds one chunk, whatever the file's size. A large file
        goes into the evidence folder first, durably, then the row that names it; a small one
        into the row (SQLite's incremental blob I/O). Bytes that do not hash to
        ``row["sha256"]`` are refused (``exchange.evidence_hash``) inside the transaction."""
        conn = self.store.conn
        files = self.store.evidence_files
        columns = ", ".join([*row, "content", "stored"])
        marks = ", ".join("?" * len(row))
        if files.outside(row["size"]):
            try:
                files.write(chunks, row["sha256"])
            except HashMismatch as exc:
                raise RefusedInput.of("exchange.evidence_hash", sha256=row["sha256"], found=exc.found) from None
            cursor = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks}, x'', 'file')", list(row.values()))
            return int(cursor.lastrowid or 0)
        cursor = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks}, zeroblob(?), 'database')",
                              [*row.values(), row["size"]])
        row_id = int(cursor.lastrowid or 0)
        digest = hashlib.sha256()
        with conn.blobopen(table, "content", row_id) as blob:
            for chunk in chunks:
                digest.update(chunk)
                blob.write(chunk)
        if digest.hexdigest() != row["sha256"]:
            raise RefusedInput.of("exchange.evidence_hash", sha256=row["sha256"], found=digest.hexdigest())
        return row_id

    def _bundle_findings(self, content: dict[str, Any]) -> list[dict[str, Any]]:
        findings = content.get("findings", [])
        if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
            raise RefusedInput.of("exchange.malformed", why="findings is not a list of objects")
        return findings

    def _finding_updates(self, assessment_id: int, content: dict[str, Any], take: dict[str, Any]) -> list[str]:
        """Which of the bundle's findings would change the register's (by item and grade)."""
        ours = {(f["item_id"], f["grade"]): f for f in _rows(self.store.assessments.findings(assessment_id))
                if f["status"] != "withdrawn"}
        changes = []
        for finding in self._bundle_findings(content):
            key = (finding.get("item"), finding.get("grade"))
            mine = ours.get(key)
            if mine is None:
                if key[0] in take:
                    changes.append(str(key[0]))       # the answer taken opens it; its text follows
                continue
            if any(finding.get(k) not in (None, mine[k]) for k in ("description", "corrective_action", "deadline")) \
                    or (finding.get("status") == "closed" and mine["status"] == "open"):
                changes.append(str(key[0]))
        return changes

    def _write_finding_updates(self, assessment_id: int, content: dict[str, Any], actor: Actor,
                               via: dict[str, Any]) -> None:
        ours = {(f["item_id"], f["grade"]): f for f in _rows(self.store.assessments.findings(assessment_id))
                if f["status"] != "withdrawn"}
        for index, finding in enumerate(self._bundle_findings(content)):
            mine = ours.get((finding.get("item"), finding.get("grade")))
            if mine is None:
                continue
            field = ("findings", index)
            changes: dict[str, object] = {}
            for key in ("description", "corrective_action"):
                if isinstance(finding.get(key), str) and finding[key] != mine[key]:
                    changes[key] = clean_text(finding[key], field, max_length=5000, multiline=True)
            if isinstance(finding.get("deadline"), str) and finding["deadline"] != mine["deadline"]:
                changes["deadline"] = finding["deadline"][:10]
            if finding.get("status") == "closed" and mine["status"] == "open":
                # Verified on the assessor's laptop; the signed bundle is the record of it.
                changes.update({"status": "closed", "closed_by": actor.name, "closed_by_id": actor.person_id,
                                "closed_at": str(finding.get("closed_at") or self.store.now())})
                for key in ("verification_checked", "verification_evidence"):
                    if isinstance(finding.get(key), str):
                        changes[key] = clean_text(finding[key], field, max_length=5000, multiline=True)
            if changes:
                self.store.db.table("findings").update(mine["id"], changes)
                self.store.events.record(actor.name, "finding.update", "finding", mine["id"], {**changes, **via})

    # -- conflicts ---------------------------------------------------------------------
    def conflicts(self, assessment_id: int | None = None, *, status: str | None = "open") -> list[dict[str, Any]]:
        where: list[str] = []
        params: list[object] = []
        if assessment_id is not None:
            where.append("assessment_id = ?")
            params.append(assessment_id)
        if status:
            where.append("status = ?")
            params.append(status)
        rows = [dict(r) for r in self.store.db.query(
            "SELECT * FROM exchange_conflicts" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id",
            params)]
        for row in rows:
            row["register_answer"] = json.loads(row["register_answer"])
            row["bundle_answer"] = json.loads(row["bundle_answer"])
        return rows

    def conflict(self, conflict_id: int) -> dict[str, Any]:
        rows = self.conflicts(status=None)
        for row in rows:
            if row["id"] == int(conflict_id):
                return row
        raise NotFound.of("exchange.no_conflict", id=conflict_id)

    def resolve_conflict(self, conflict_id: int, choice: str, *, by: PersonRef | None) -> dict[str, Any]:
        """Settle one conflict: ``choice`` ``"register"`` keeps the register's answer,
        ``"bundle"`` takes the assessor's. Logged (``exchange.conflict_resolve``) with who chose."""
        if choice not in ("register", "bundle"):
            raise RefusedInput.of("exchange.bad_choice", choice=str(choice))
        conflict = self.conflict(conflict_id)
        if conflict["status"] != "open":
            raise RefusedInput.of("exchange.conflict_settled", id=conflict_id, status=conflict["status"])
        actor = self.store.people.actor(by, field=("by",), action="resolve")
        assessment_id = conflict["assessment_id"]
        item_id = conflict["item_id"]
        assessment = self.store.assessments.get(assessment_id)
        if assessment["status"] != "open":
            raise RefusedInput.of("exchange.assessment_decided", assessment=assessment_id)
        chosen = conflict["register_answer"] if choice == "register" else conflict["bundle_answer"]
        with self.store.atomic():
            if choice == "bundle":
                current = agreed(self.store.assessments.answers(assessment_id).get(item_id))
                if current != conflict["register_answer"]:
                    raise RefusedInput.of("exchange.conflict_moved", id=conflict_id, item=item_id)
                pack = self.store.assessments.pack_for(assessment_id)
                items = {item.id: item for item in pack.items()}
                answer = chosen or {"value": None, "note": ""}
                encoded = encode(items[item_id], answer["value"])
                self._write_answers(assessment_id, {item_id: {
                    "value": encoded.value, "code": encoded.code, "note": answer["note"],
                    "answered_at": self.store.now()}}, items, actor, pack,
                    {"via": "exchange.conflict", "conflict": conflict["id"]})
            for row in self.assignments(assessment_id, "sent")[:1]:
                base = dict(row["base"])
                # Either way the two registers now agree on the assessor's answer as seen: the
                # same bundle again changes nothing (a kept answer is not overwritten), and only a
                # later change by the assessor raises the item again.
                base[item_id] = conflict["bundle_answer"]
                self.store.db.table("exchange_assignments").update(row["id"], {"base": _json(base)})
            self.store.db.table("exchange_conflicts").update(conflict["id"], {
                "status": "kept" if choice == "register" else "taken", "resolved_by": actor.name,
                "resolved_by_id": actor.person_id, "resolved_at": self.store.now()})
            self.store.events.record(actor.name, "exchange.conflict_resolve", "assessment", assessment_id, {
                "conflict": conflict["id"], "item": item_id, "choice": choice, "answer": chosen})
        return self.conflict(conflict_id)

    # -- imports -----------------------------------------------------------------------
    def imported(self, bundle_id: str) -> bool:
        """Whether a bundle with this identity changed something here before."""
        return self.store.db.execute("SELECT 1 FROM exchange_imports WHERE bundle_id = ?",
                                     [str(bundle_id)]).fetchone() is not None

    def imports(self, assessment_id: int | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT i.* FROM exchange_imports i LEFT JOIN exchange_assignments a ON a.id = i.assignment_id"
               + (" WHERE a.assessment_id = ?" if assessment_id is not None else "") + " ORDER BY i.id")
        rows = [dict(r) for r in self.store.db.query(sql, [assessment_id] if assessment_id is not None else [])]
        for row in rows:
            row["counts"] = json.loads(row["counts"])
        return rows

    # -- self-assessments attached to an applicant ------------------------------------
    def attach_self_assessment(self, applicant_id: int, *, bundle_id: str, scheme_id: str, scheme_version: str,
                               scheme_hash: str, declared_by: str, content: dict[str, Any], by: str,
                               evidence: list[dict[str, Any]] | None = None,
                               evidence_chunks: Callable[[str], Iterable[bytes]] | None = None,
                               progress: Callable[[int, int], object] | None = None) -> tuple[int, bool]:
        """Attach an enterprise's self-assessment to its applicant, with its evidence files
        (``evidence``: checked entries ``{"item", "name", "sha256", "size", "added_by",
        "added_at"}``, their bytes from ``evidence_chunks(sha256)``); ``(id, created)``. The
        same bundle twice is one attachment."""
        row = self.store.db.execute("SELECT id FROM applicant_attachments WHERE applicant_id = ? AND bundle_id = ?",
                                    [applicant_id, bundle_id]).fetchone()
        if row:
            return int(row[0]), False
        evidence = evidence or []
        total = sum(meta["size"] for meta in evidence)
        with self.store.atomic():
            attachment_id = int(self.store.db.table("applicant_attachments").insert({
                "applicant_id": applicant_id, "kind": "self-assessment", "bundle_id": bundle_id,
                "scheme_id": scheme_id, "scheme_version": scheme_version, "scheme_hash": scheme_hash,
                "declared_by": declared_by, "content": _json(content), "imported_by": by,
                "imported_at": self.store.now()}).last_pk or 0)
            counted, files = _counting_bytes(progress, total), []
            inside = [meta["size"] for meta in evidence if not self.store.evidence_files.outside(meta["size"])]
            with self._cache_room(max(inside, default=0)):
                for meta in evidence:
                    assert evidence_chunks is not None
                    evidence_id = self._stream_row("applicant_attachment_evidence", {
                        "attachment_id": attachment_id, "item_id": meta["item"], "file_name": meta["name"],
                        "sha256": meta["sha256"], "size": meta["size"],
                        "added_by": " ".join(str(meta.get("added_by") or "").split())[:100],
                        "added_at": str(meta.get("added_at") or self.store.now())[:40]},
                        counted(evidence_chunks(meta["sha256"])))
                    files.append({"evidence": evidence_id, "item": meta["item"], "file": meta["name"],
                                  "sha256": meta["sha256"]})
            self.store.events.record(by, "applicant.attach_self_assessment", "applicant", applicant_id, {
                "attachment": attachment_id, "bundle": bundle_id, "scheme": f"{scheme_id}@{scheme_version}",
                "declared_by": declared_by, "self_declared": True, **({"evidence": files} if files else {})})
        return attachment_id, True

    def attachment_evidence(self, attachment_id: int) -> list[dict[str, Any]]:
        """The evidence files a self-assessment carried: ``id``, ``item_id``, ``file_name``,
        ``sha256``, ``size``, ``added_by``, ``added_at`` (as the enterprise recorded them)."""
        return [dict(r) for r in self.store.db.query(
            "SELECT id, item_id, file_name, sha256, size, added_by, added_at FROM applicant_attachment_evidence "
            "WHERE attachment_id = ? ORDER BY id", [attachment_id])]

    def attachment_evidence_chunks(self, evidence_id: int, chunk_size: int = 1024 * 1024) -> Iterator[bytes]:
        """One attached evidence file's bytes in chunks, wherever they are kept."""
        return self.store.evidence_files.row_chunks("applicant_attachment_evidence", evidence_id, chunk_size)

    def attachments(self, applicant_id: int) -> list[dict[str, Any]]:
        rows = [dict(r) for r in self.store.db.query(
            "SELECT * FROM applicant_attachments WHERE applicant_id = ? ORDER BY id", [applicant_id])]
        for row in rows:
            row["content"] = json.loads(row["content"])
        return rows

    def attachment(self, attachment_id: int) -> dict[str, Any]:
        rows = [dict(r) for r in self.store.db.query("SELECT * FROM applicant_attachments WHERE id = ?", [attachment_id])]
        if not rows:
            raise NotFound.of("exchange.no_attachment", id=attachment_id)
        rows[0]["content"] = json.loads(rows[0]["content"])
        return rows[0]
