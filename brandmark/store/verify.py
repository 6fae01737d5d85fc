"""``db verify``: does the register still hold what was recorded?

A list of verifiers (``VERIFIERS``) each walk one kind of record in one read snapshot and
report the first break they find: the event chain, the evidence files and the personal
signatures on decisions, authorisations and closed findings. Another check joins with
``VERIFIERS.append(Verifier(...))`` or by passing its own list to ``verify``.

A break is data like a refusal: a code of the ``[chain]`` or ``[evidence]`` table of the
message catalogues and its parameters, so the CLI and the window each show it in their
language.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field as dataclass_field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from brandmark.errors import Problem, RefusedInput
from brandmark.store.demo_removal import removed_evidence
from brandmark.store.evidence_files import file_path, folder_of, hash_file
from brandmark.store.events import CHAIN_START, canonical_event, event_hash
from brandmark.store.migrations import MIGRATIONS, chain_step
from brandmark.store.schema_chain import GENESIS_HASH

if TYPE_CHECKING:
    from brandmark.store import Store

# The schema version whose migration step started the chain.
CHAIN_SCHEMA_VERSION = MIGRATIONS.index(chain_step) + 1


@dataclass(frozen=True)
class Break:
    """The first thing a verifier found wrong: ``code`` (``"chain.link_broken"``) with ids."""

    code: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.code.rpartition(".")[2]

    def message(self, language: str = "bilingual") -> str:
        return Problem(self.code, (), self.params).message(language)

    def to_dict(self, language: str = "bilingual") -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, **self.params, "message": self.message(language)}


@dataclass
class Outcome:
    """What one verifier saw: how many records it checked, the first break or ``None``,
    and anything worth printing (``head`` for the chain)."""

    name: str
    checked: int = 0
    broken: Break | None = None
    facts: dict[str, Any] = dataclass_field(default_factory=dict)


@dataclass(frozen=True)
class Verifier:
    name: str
    check: Callable[[sqlite3.Connection], Outcome]


@dataclass
class Verification:
    outcomes: list[Outcome]

    @property
    def intact(self) -> bool:
        return all(outcome.broken is None for outcome in self.outcomes)

    @property
    def first_broken(self) -> Break | None:
        return next((o.broken for o in self.outcomes if o.broken is not None), None)

    def to_dict(self, language: str = "bilingual") -> dict[str, Any]:
        first = self.first_broken
        return {"intact": self.intact,
                "first_broken": None if first is None else {"check": self._check_of(first), **first.to_dict(language)},
                "checks": [{"name": o.name, "checked": o.checked, **o.facts,
                            "broken": None if o.broken is None else o.broken.to_dict(language)}
                           for o in self.outcomes]}

    def _check_of(self, broken: Break) -> str:
        return next(o.name for o in self.outcomes if o.broken is broken)


# -- the event chain ------------------------------------------------------------------------
_EVENT_COLUMNS = "id, at, actor, action, entity, entity_id, details, prev_hash, hash"


def verify_chain(conn: sqlite3.Connection) -> Outcome:
    """Walk the events in id order: every chained event re-hashes to its ``hash``, links to
    the one before, no id is skipped, none unchained after the start, and the events from
    before the chain still give the digest the start event recorded."""
    outcome = Outcome("events")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < CHAIN_SCHEMA_VERSION:
        outcome.broken = Break("chain.not_started", {"schema_version": version})
        return outcome
    legacy = hashlib.sha256()
    legacy_count = legacy_last = previous_id = 0
    head_hash: str | None = None
    names = _EVENT_COLUMNS.split(", ")
    for values in conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY id"):
        event = dict(zip(names, values))
        event_id = event["id"]
        outcome.checked += 1
        if head_hash is None:
            if event["hash"] is None:
                legacy.update(canonical_event(event, None))
                legacy.update(b"\n")
                legacy_count, legacy_last, previous_id = legacy_count + 1, event_id, event_id
                continue
            if event["action"] != CHAIN_START:
                outcome.broken = Break("chain.start_missing", {"event_id": event_id})
                return outcome
            outcome.broken = _legacy_break(event, legacy_count, legacy_last, legacy.hexdigest())
            if outcome.broken:
                return outcome
            expected_prev = GENESIS_HASH
        else:
            if event["hash"] is None:
                outcome.broken = Break("chain.unchained_event", {"event_id": event_id})
                return outcome
            if event_id != previous_id + 1:
                outcome.broken = Break("chain.event_missing", {"event_id": previous_id + 1,
                                                               "last_missing": event_id - 1})
                return outcome
            expected_prev = head_hash
        if event_hash(event, event["prev_hash"]) != event["hash"]:
            outcome.broken = Break("chain.content_changed", {"event_id": event_id})
            return outcome
        if event["prev_hash"] != expected_prev:
            outcome.broken = Break("chain.link_broken", {"event_id": event_id, "previous_id": previous_id})
            return outcome
        head_hash, previous_id = event["hash"], event_id
    if head_hash is None:
        outcome.broken = Break("chain.start_missing", {"event_id": previous_id + 1})
        return outcome
    outcome.facts["head"] = {"id": previous_id, "hash": head_hash}
    return outcome


def _legacy_break(start: dict[str, Any], count: int, last_id: int, digest: str) -> Break | None:
    try:
        recorded = json.loads(start["details"])
        expected = (int(recorded["legacy_events"]), int(recorded["legacy_last_id"]), str(recorded["legacy_digest"]))
    except (ValueError, KeyError, TypeError):
        return Break("chain.content_changed", {"event_id": start["id"]})
    if count < expected[0] or last_id < expected[1]:
        return Break("chain.legacy_missing", {"event_id": start["id"], "recorded": expected[0], "found": count})
    if (count, last_id, digest) != expected:
        return Break("chain.legacy_changed", {"event_id": start["id"], "recorded": expected[0], "found": count})
    return None


# -- evidence ---------------------------------------------------------------------------------
def verify_evidence(conn: sqlite3.Connection) -> Outcome:
    """Re-hash every stored evidence file. Its bytes must give the SHA-256 and size stored
    with it and the SHA-256 its ``evidence.add`` event recorded (events name the evidence
    id since the chain began; the chain vouches for the event, so a blob and its hash
    column changed together are caught as well). An event naming evidence that is gone
    counts as missing evidence, unless a ``demo.remove`` event (itself in the chain) lists
    it as removed demo evidence."""
    outcome = Outcome("evidence")
    recorded: dict[int, str] = {}
    for (details,) in conn.execute("SELECT details FROM events WHERE action = 'evidence.add' ORDER BY id"):
        try:
            data = json.loads(details)
            recorded[int(data["evidence"])] = str(data["sha256"])
        except (ValueError, KeyError, TypeError):
            continue   # an event from before evidence ids were recorded
    seen: set[int] = set()
    folder = folder_of(conn)
    where = ("stored" if any(row[1] == "stored" for row in conn.execute("PRAGMA table_info(evidence)"))
             else "'database'")
    for evidence_id, sha256, size, stored, content in conn.execute(
            f"SELECT id, sha256, size, {where}, CASE WHEN {where} = 'file' THEN NULL ELSE content END "
            "FROM evidence ORDER BY id"):
        outcome.checked += 1
        seen.add(evidence_id)
        if recorded.get(evidence_id, sha256) != sha256:
            outcome.broken = Break("evidence.changed", {"evidence_id": evidence_id})
            return outcome
        if stored == "file":
            broken = _file_break(folder, evidence_id, str(sha256), int(size))
            if broken is not None:
                outcome.broken = broken
                return outcome
            continue
        data = bytes(content or b"")
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256 or len(data) != size:
            outcome.broken = Break("evidence.changed", {"evidence_id": evidence_id})
            return outcome
    missing = sorted(set(recorded) - seen - removed_evidence(conn))
    if missing:
        outcome.broken = Break("evidence.missing", {"evidence_id": missing[0]})
        return outcome
    outcome.broken = _attached_break(conn, folder, outcome)
    return outcome


def _attached_break(conn: sqlite3.Connection, folder: Path | None, outcome: Outcome) -> Break | None:
    """The evidence files self-assessments carried (schema step 19): each re-hashes to its
    row's SHA-256 and size, in the database or in the evidence folder."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'applicant_attachment_evidence'").fetchone() is None:
        return None
    for evidence_id, attachment_id, sha256, size, stored, content in conn.execute(
            "SELECT id, attachment_id, sha256, size, stored, CASE WHEN stored = 'file' THEN NULL ELSE content END "
            "FROM applicant_attachment_evidence ORDER BY id"):
        outcome.checked += 1
        if stored == "file":
            broken = _file_break(folder, evidence_id, str(sha256), int(size))
            if broken is not None:
                code = {"evidence.file_missing": "evidence.attached_file_missing",
                        "evidence.file_changed": "evidence.attached_changed"}.get(broken.code,
                                                                                 "evidence.attached_changed")
                return Break(code, {**broken.params, "attachment_id": attachment_id})
            continue
        data = bytes(content or b"")
        if hashlib.sha256(data).hexdigest() != sha256 or len(data) != size:
            return Break("evidence.attached_changed", {"evidence_id": evidence_id, "attachment_id": attachment_id})
    return None


def _file_break(folder: Path | None, evidence_id: int, sha256: str, size: int) -> Break | None:
    """A row whose bytes are in the evidence folder: its file is there, of its size, and
    hashes to its name and the row's SHA-256."""
    try:
        path = file_path(folder, sha256) if folder is not None else None
    except ValueError:
        return Break("evidence.changed", {"evidence_id": evidence_id})
    if path is None or not path.is_file():
        return Break("evidence.file_missing", {"evidence_id": evidence_id, "sha256": sha256,
                                                "path": str(path) if path else ""})
    try:
        actual, found = hash_file(path)
    except OSError:
        return Break("evidence.file_missing", {"evidence_id": evidence_id, "sha256": sha256, "path": str(path)})
    if actual != sha256 or found != size:
        return Break("evidence.file_changed", {"evidence_id": evidence_id, "sha256": sha256, "path": str(path)})
    return None


# -- personal signatures -------------------------------------------------------------------
class _ReadOnlyRegister:
    """What ``People.verify_signatures`` reads through (``.db``), over the snapshot's connection."""

    def __init__(self, conn: sqlite3.Connection):
        from brandmark.store.register_database import RegisterDatabase

        self.conn = conn
        self.db = RegisterDatabase(conn)


def verify_signatures(conn: sqlite3.Connection) -> Outcome:
    """Every signature on a decision, an authorisation or a closed finding still verifies
    with the key of the person it names, over the content the register holds now (the
    same check as ``people verify``)."""
    from brandmark.store.people import People

    outcome = Outcome("signatures")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'signatures'").fetchone() is None:
        return outcome        # a register from before personal signatures
    outcome.checked = conn.execute("SELECT count(*) FROM signatures").fetchone()[0]
    # People reads only ``.db``: the snapshot's connection stands in for the Store.
    problems = cast("list[dict[str, Any]]", People(cast("Store", _ReadOnlyRegister(conn))).verify_signatures())
    if problems:
        first = problems[0]
        outcome.broken = Break(f"signatures.{first['problem']}", {
            "signature_id": first["signature"], "action": first["action"], "entity": first["entity"],
            "entity_id": first["entity_id"]})
    return outcome


VERIFIERS: list[Verifier] = [Verifier("events", verify_chain), Verifier("evidence", verify_evidence),
                             Verifier("signatures", verify_signatures)]


def verify(conn: sqlite3.Connection, verifiers: Iterable[Verifier] | None = None) -> Verification:
    """Run ``verifiers`` (default ``VERIFIERS``) over one consistent snapshot of ``conn``."""
    started = not conn.in_transaction
    if started:
        conn.execute("BEGIN")      # a read transaction: writers elsewhere go on, we see one moment
    try:
        return Verification([verifier.check(conn) for verifier in (VERIFIERS if verifiers is None else verifiers)])
    finally:
        if started:
            conn.execute("ROLLBACK")


def verify_file(path: str | Path, verifiers: Iterable[Verifier] | None = None) -> Verification:
    """Verify the database at ``path``, opened read-only (never created, never migrated)."""
    path = Path(path)
    if not path.is_file():
        raise RefusedInput.of("chain.no_database", path=str(path))
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=15,
                           isolation_level=None, check_same_thread=False)
    try:
        return verify(conn, verifiers)
    except sqlite3.DatabaseError as exc:
        raise RefusedInput.of("chain.unreadable", path=str(path), error=str(exc)) from None
    finally:
        conn.close()
