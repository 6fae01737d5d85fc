"""Scheme packs in the database: every imported version kept, never overwritten."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.errors import NotFound, RefusedInput
from brandmark.packs import Pack, bundled_pack_paths, load_pack, parse_pack
from brandmark.store.guard import refuse_if_register_file
from brandmark.store.schema_pack_items import INSERT_ITEM, item_rows

if TYPE_CHECKING:
    from brandmark.store import Store


def _version_key(version: str) -> list[tuple[int, int, str]]:
    """Sort "2026.10" after "2026.9": numeric parts compare as numbers."""
    parts = []
    for part in version.replace("-", ".").split("."):
        parts.append((0, int(part), "") if part.isdigit() else (1, 0, part))
    return parts


class Schemes:
    def __init__(self, store: Store):
        self.store = store
        self._cache: dict[tuple[str, str], Pack] = {}

    def ensure_bundled(self) -> None:
        """Import the shipped reference packs that this database does not have yet."""
        rows = list(self.store.db.query("SELECT id, version, hash FROM schemes"))
        have = {(r["id"], r["version"]) for r in rows}
        known_hashes = {r["hash"] for r in rows}
        for path in bundled_pack_paths():
            # A pack already stored under its exact content hash needs no parsing (start-up time).
            if hashlib.sha256(path.read_bytes()).hexdigest() in known_hashes:
                continue
            pack = load_pack(path)
            if (pack.id, pack.version) not in have:
                self._insert(pack, source="bundled", actor="brandmark")

    def import_file(self, path: str | Path, actor: str = "") -> Pack:
        """Import a pack file. The same id and version with other content is refused:
        a version, once used, never changes (bump ``version`` instead)."""
        refuse_if_register_file(path)
        return self.import_pack(load_pack(path), actor=actor, source=str(Path(path).name))

    def import_text(self, text: str | bytes, actor: str = "", source: str = "<pack>") -> Pack:
        return self.import_pack(parse_pack(text, source=source), actor=actor, source=source)

    def import_pack(self, pack: Pack, actor: str = "", source: str = "imported") -> Pack:
        self._insert(pack, source=source, actor=actor)
        return pack

    def _insert(self, pack: Pack, source: str, actor: str) -> None:
        """Store ``pack`` unless this exact version is there already; the check is made
        inside the write transaction, so two processes importing at once store it once."""
        with self.store.atomic():
            existing = self.store.db.execute(
                "SELECT hash FROM schemes WHERE id = ? AND version = ?", [pack.id, pack.version]).fetchone()
            if existing:
                if existing[0] == pack.content_hash:
                    return
                raise RefusedInput.of("scheme.version_taken", ("version",), pack=pack.id, version=pack.version)
            self.store.db.table("schemes").insert({
                "id": pack.id, "version": pack.version, "hash": pack.content_hash,
                "family": pack.family, "title": pack.title, "reference": int(pack.reference),
                "content": pack.source_text, "source": source, "imported_at": self.store.now(),
            })
            self.store.conn.executemany(INSERT_ITEM, item_rows(pack))
            self.store.events.record(actor, "scheme.import", "scheme", f"{pack.id}@{pack.version}",
                                     {"hash": pack.content_hash, "source": source})

    def list(self) -> list[dict[str, Any]]:
        """Every pack version, newest version of each id marked ``latest``.

        ``title`` is the Chinese title, ``title_en`` the English one ("" when the pack has
        none; the window then shows the Chinese).

        >>> from brandmark.store import Store
        >>> store = Store(":memory:")
        >>> [(row["id"], row["title_en"]) for row in store.schemes.list()][:1]
        [('zhejiang-agri', 'Zhejiang Agri (品字标浙江农产) reference pack')]
        """
        rows = list(self.store.db.query(
            "SELECT id, version, hash, family, title, reference, source, imported_at FROM schemes"))
        latest: dict[str, str] = {}
        for row in rows:
            if row["id"] not in latest or _version_key(row["version"]) > _version_key(latest[row["id"]]):
                latest[row["id"]] = row["version"]
        for row in rows:
            row["reference"] = bool(row["reference"])
            row["latest"] = latest[row["id"]] == row["version"]
            row["title_en"] = self._english_title(row["id"], row["version"])
        rows.sort(key=lambda r: (r["id"], _version_key(r["version"])))
        return rows

    def _english_title(self, scheme_id: str, version: str) -> str:
        """The pack's English title. The table has no column for it (adding one would need a
        migration for one string), so it comes from the parsed pack: a few milliseconds per
        pack the first time, then from the parse cache that scoring shares."""
        try:
            return self.get(scheme_id, version).title_en or ""
        except RefusedInput:     # stored content a newer parser rejects: the list still shows
            return ""

    def proposed_for(self, industry: str | None) -> str | None:
        """The scheme (latest versions only) whose ``industries`` words fit an applicant's
        industry, or None (``brandmark.packs.industries.propose_scheme``)."""
        from brandmark.packs.industries import propose_scheme

        latest = [self.get(row["id"], row["version"]) for row in self.list() if row["latest"]]
        return propose_scheme(latest, industry)

    def latest_version(self, scheme_id: str) -> str:
        versions = [r["version"] for r in self.store.db.query(
            "SELECT version FROM schemes WHERE id = ?", [scheme_id])]
        if not versions:
            known = ", ".join(sorted({r["id"] for r in self.store.db.query("SELECT id FROM schemes")}))
            raise NotFound.of("scheme.not_found", pack=scheme_id, known=known)
        return str(max(versions, key=_version_key))

    def get(self, scheme_id: str, version: str | None = None, expected_hash: str | None = None) -> Pack:
        """The pack as stored; with ``expected_hash`` a mismatch is refused (a frozen
        assessment must be scored against exactly the content it started with)."""
        version = version or self.latest_version(scheme_id)
        key = (scheme_id, version)
        if key not in self._cache:
            row = self.store.db.execute(
                "SELECT content FROM schemes WHERE id = ? AND version = ?", [scheme_id, version]).fetchone()
            if not row:
                raise NotFound.of("scheme.no_version", pack=scheme_id, version=version)
            self._cache[key] = parse_pack(row[0].encode("utf-8"), source=f"{scheme_id}@{version}",
                                          check_limits=False)
        pack = self._cache[key]
        if expected_hash and pack.content_hash != expected_hash:
            raise RefusedInput.of("scheme.hash_mismatch", pack=scheme_id, version=version, hash=expected_hash[:12])
        return pack
