"""Schema step 23: each stored pack version's items (id, kind, titles), kept beside its text.

Derived data: the same as parsing the pack's stored TOML, written when the pack is stored
(``Schemes._insert``) and, by this step, for the packs a register already holds. The
statistics read which items are product tests, and the items' titles, from here instead of
parsing every stored pack in each fresh process (0.1-0.2 s at start-up). Each row carries
its pack's content hash: a reader uses only rows whose hash is the stored pack's, and parses
the pack itself when there are none (``Schemes.item_index``).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brandmark.packs.model import Pack

V23_PACK_ITEMS = """
CREATE TABLE pack_items (
    scheme_id TEXT NOT NULL,
    scheme_version TEXT NOT NULL,
    pack_hash TEXT NOT NULL,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (scheme_id, scheme_version, item_id),
    FOREIGN KEY (scheme_id, scheme_version) REFERENCES schemes(id, version)
) WITHOUT ROWID
"""

INSERT_ITEM = ("INSERT OR REPLACE INTO pack_items (scheme_id, scheme_version, pack_hash, item_id, kind, title, "
               "title_en) VALUES (?, ?, ?, ?, ?, ?, ?)")


def item_rows(pack: Pack) -> list[tuple[str, str, str, str, str, str, str]]:
    return [(pack.id, pack.version, pack.content_hash, item.id, item.kind, item.title, item.title_en or "")
            for item in pack.items()]


def pack_items_step(conn: sqlite3.Connection) -> None:
    from brandmark.errors import RefusedInput
    from brandmark.packs.loader import parse_pack

    conn.execute(V23_PACK_ITEMS)
    for scheme_id, version, content in conn.execute("SELECT id, version, content FROM schemes").fetchall():
        try:
            pack = parse_pack(content.encode("utf-8"), source=f"{scheme_id}@{version}", check_limits=False)
        except RefusedInput:
            continue            # a pack this parser cannot read: readers parse it (and say so) themselves
        conn.executemany(INSERT_ITEM, item_rows(pack))
