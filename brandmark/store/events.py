"""The append-only event log: who changed what, and when (triggers forbid edits)."""

from __future__ import annotations

import json


class EventLog:
    def __init__(self, store):
        self.store = store

    def record(self, actor: str, action: str, entity: str, entity_id, details: dict | None = None) -> None:
        """Append one event; call inside the transaction of the change it describes."""
        self.store.db["events"].insert({
            "at": self.store.now(), "actor": actor or "", "action": action, "entity": entity,
            "entity_id": str(entity_id),
            "details": json.dumps(details or {}, ensure_ascii=False, default=str),
        })

    def list(self, entity: str | None = None, entity_id=None, limit: int = 200) -> list[dict]:
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
