"""The append-only event log: who changed what, and when, as a hash chain.

Triggers forbid editing or deleting an event; the chain makes a change made behind the
triggers' back (they can be dropped with raw SQL) visible to ``db verify``.

An event's hash is the SHA-256 (lower-case hex) of its canonical serialisation: the JSON
object with exactly the keys ``id`` (integer), ``at``, ``actor``, ``action``, ``entity``,
``entity_id``, ``details`` (the stored details *text*, not re-parsed) and ``prev_hash``
(strings), keys sorted, no spaces (``separators=(",", ":")``), non-ASCII characters
written as themselves, encoded as UTF-8.

>>> event = {"id": 7, "at": "2026-03-01T09:30:00+00:00", "actor": "zhang", "action": "answer",
...          "entity": "assessment", "entity_id": "1", "details": '{"item":"C1"}'}
>>> print(canonical_event(event, "0" * 4).decode())
{"action":"answer","actor":"zhang","at":"2026-03-01T09:30:00+00:00","details":"{\\"item\\":\\"C1\\"}","entity":"assessment","entity_id":"1","id":7,"prev_hash":"0000"}

The chain starts with a ``chain.start`` event (``prev_hash`` = 64 zeros). Events recorded
before the chain existed (a database migrated to schema step 6) keep NULL hashes; the
start event's details carry their count, their last id and ``legacy_digest`` over them,
so they are covered too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from brandmark.store.schema_chain import GENESIS_HASH

if TYPE_CHECKING:
    from brandmark.store import Store

CONTENT_COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "details")
CHAIN_START = "chain.start"
CHAIN_ACTOR = "brandmark"
# One encoder for every event: json.dumps with options builds a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_DETAILS = json.JSONEncoder(ensure_ascii=False, default=str)      # as json.dumps(..., ensure_ascii=False, default=str)


def canonical_event(event: Mapping[str, Any], prev_hash: str | None) -> bytes:
    """The bytes an event's hash is taken over (see the module's docstring)."""
    content = {column: event[column] for column in CONTENT_COLUMNS}
    content["prev_hash"] = prev_hash
    return _CANONICAL.encode(content).encode("utf-8")


def event_hash(event: Mapping[str, Any], prev_hash: str) -> str:
    return hashlib.sha256(canonical_event(event, prev_hash)).hexdigest()


def legacy_digest(events: Iterable[Mapping[str, Any]]) -> str:
    """SHA-256 over the events recorded before the chain: each one's canonical content
    (``prev_hash`` null) followed by a newline, in id order. JSON escapes newlines inside
    strings, so the separator cannot be forged by a field's content."""
    digest = hashlib.sha256()
    for event in events:
        digest.update(canonical_event(event, None))
        digest.update(b"\n")
    return digest.hexdigest()


def _rows(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))


def start_chain(conn: sqlite3.Connection) -> None:
    """Record the ``chain.start`` event (the migration step calls this in its transaction)."""
    legacy = list(_rows(conn, f"SELECT {', '.join(CONTENT_COLUMNS)} FROM events ORDER BY id"))
    details = {"legacy_events": len(legacy), "legacy_last_id": legacy[-1]["id"] if legacy else 0,
               "legacy_digest": legacy_digest(legacy)}
    at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    append(conn, {"at": at, "actor": CHAIN_ACTOR, "action": CHAIN_START, "entity": "events",
                  "entity_id": "", "details": json.dumps(details, sort_keys=True)})


def append(conn: sqlite3.Connection, event: Mapping[str, Any]) -> int:
    """Append ``event`` (every content column but ``id``) to the chain; returns its id.

    Must run inside the transaction that writes the change the event records (the
    store's transactions begin IMMEDIATE, so the write lock is held when the head is
    read): two writers can never both extend the same head. Even on a connection whose
    transaction began deferred, SQLite refuses to turn a read snapshot another writer has
    moved past into a write, and the ``events_chain_link`` trigger refuses such an insert.
    """
    head = conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    event = {**event, "id": (head[0] if head else 0) + 1}
    prev_hash = head[1] if head and head[1] is not None else GENESIS_HASH
    digest = event_hash(event, prev_hash)
    conn.execute("INSERT INTO events (id, at, actor, action, entity, entity_id, details, prev_hash, hash) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [event[c] for c in CONTENT_COLUMNS] + [prev_hash, digest])
    return cast(int, event["id"])


class EventLog:
    def __init__(self, store: Store):
        self.store = store

    def record(self, actor: str, action: str, entity: str, entity_id: object,
               details: Mapping[str, Any] | None = None) -> int:
        """Append one event; call inside the transaction of the change it describes (alone,
        it makes its own: the head must be read in the transaction that writes)."""
        event = {"at": self.store.now(), "actor": actor or "", "action": action, "entity": entity,
                 "entity_id": str(entity_id), "details": _DETAILS.encode(details or {})}
        if self.store.conn.in_transaction:
            return append(self.store.conn, event)
        with self.store.atomic():
            return append(self.store.conn, event)

    def head(self) -> dict[str, Any] | None:
        """The newest event's id and hash (what a later ``db verify`` can be compared with)."""
        row = self.store.conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
        return {"id": row[0], "hash": row[1]} if row else None

    def list(self, entity: str | None = None, entity_id: object = None, limit: int = 200) -> list[dict[str, Any]]:
        where, params = [], []
        if entity:
            where.append("entity = ?")
            params.append(entity)
        if entity_id is not None:
            where.append("entity_id = ?")
            params.append(str(entity_id))
        sql = "SELECT * FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        rows = [dict(r) for r in self.store.db.query(sql, params + [limit])]
        for row in rows:
            row["details"] = json.loads(row["details"])
        return rows
