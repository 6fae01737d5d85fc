"""Small key/value preferences kept in the database (body name, number pattern, time zone, ...)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from brandmark.errors import RefusedInput

if TYPE_CHECKING:
    from brandmark.store import Store

SETTING_TIME_ZONE = "body.time_zone"
DEFAULT_TIME_ZONE = "Asia/Shanghai"


@functools.lru_cache(maxsize=16)
def body_zone(name: str | None) -> ZoneInfo:
    """The IANA zone ``name`` (default Asia/Shanghai); the ``tzdata`` package supplies the data on Windows."""
    return ZoneInfo(name or DEFAULT_TIME_ZONE)


def check_time_zone(name: str) -> str:
    name = (name or "").strip()
    try:
        if not name or name.startswith(("/", ".")) or ".." in name:
            raise ValueError(name)
        body_zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise RefusedInput.of("dates.unknown_time_zone", field=("time_zone",), value=name) from None
    return name


class Settings:
    def __init__(self, store: Store):
        self.store = store

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.store.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str, actor: str = "") -> None:
        with self.store.atomic():
            self.store.db.table("settings").upsert({"key": key, "value": str(value)}, pk="key")
            self.store.events.record(actor, "setting.change", "setting", key, {"value": str(value)})
