"""Small key/value preferences kept in the database (body name, number pattern, ...)."""

from __future__ import annotations


class Settings:
    def __init__(self, store):
        self.store = store

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.store.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str, actor: str = "") -> None:
        with self.store.atomic():
            self.store.db["settings"].upsert({"key": key, "value": str(value)}, pk="key")
            self.store.events.record(actor, "setting.change", "setting", key, {"value": str(value)})
