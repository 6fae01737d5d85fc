"""Questions asked of a register file without opening it as a Store: no migration, no
write, nothing made. For ``brandmark --version``, which must not change the database it
reports on (an older database would otherwise be migrated just by asking)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def current_key_id_at(path: Path, purpose: str = "body") -> str | None:
    """The current key id of the register in the file ``path``. None when the file, its key
    table or a key of that purpose is not there, or the file is no database."""
    if not Path(path).is_file():
        return None
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT key_id FROM body_keys WHERE purpose = ? AND valid_until IS NULL "
                               "ORDER BY created_at, rowid LIMIT 1", [purpose]).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None
