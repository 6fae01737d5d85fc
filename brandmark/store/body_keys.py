"""The body's keys, kept in its register: made once, opened with the body's passphrase,
rotated and revoked, never silently replaced; and the public keys of other bodies it trusts.

>>> from brandmark.store import Store
>>> store = Store(":memory:", load_bundled_packs=False)
>>> store.body_keys.current() is None          # a new register has no key until ``keys init``
True
>>> key = store.body_keys.init("a passphrase of the body", by="admin", work_factor=2 ** 10)
>>> store.body_keys.signing_key() is not None   # init leaves it open for this session
True

Why in the database: a backup of the register is then a backup of its key, and another
database (the demo one) can never sign with it. The private half is sealed with the
body's passphrase (scrypt + AES-256-GCM, ``brandmark.certificates.keys``); whoever copies
the file still needs the passphrase to sign.
"""

from __future__ import annotations

import builtins
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from brandmark.certificates.keys import (
    LEGACY_PRIVATE_KEY_FILE, KnownKey, LEGACY_TRUSTED_DIR, WORK_FACTOR, WrongPassphrase, key_id, legacy_key_dir,
    load_private_pem, load_public_key, public_pem, seal_private_key, unseal_private_key)
from brandmark.errors import NotFound, Problem, RefusedInput
from brandmark.store.guard import refuse_if_register_file

if TYPE_CHECKING:
    from collections.abc import Sequence

    from brandmark.store import Store

# The demo key guards nothing (demo certificates are marked and carry the DEMO body code);
# its passphrase is published so the demo data set works without asking.
DEMO_PASSPHRASE = "brandmark-demo"
DEMO_BODY_CODE = "DEMO"
MIN_PASSPHRASE = 10
RESTORE_COMMAND = "brandmark-cli db restore FILE"
SETTING_LEGACY_TRUSTED = "keys.legacy_trusted_imported"
SETTING_TRUST_LIST_SEQUENCE = "trust_list.sequence"   # the last trust list this body issued
PURPOSES = ("body", "demo")


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def check_new_passphrase(passphrase: str | None) -> str:
    if not passphrase or len(passphrase) < MIN_PASSPHRASE:
        raise RefusedInput.of("keys.passphrase_too_short", minimum=MIN_PASSPHRASE)
    return passphrase


class BodyKeys:
    def __init__(self, store: Store):
        self.store = store
        self._open: dict[str, Ed25519PrivateKey] = {}
        self._register_checked = False

    # -- reading -----------------------------------------------------------------------
    def _query(self, where: str = "", params: Sequence[object] = ()) -> list[dict[str, Any]]:
        return list(self.store.db.query(
            "SELECT key_id, purpose, public_key, valid_from, valid_until, revoked_since, revoked_reason, "
            "revoked_by, revoked_at, origin, created_by, created_at FROM body_keys "
            f"{where} ORDER BY created_at, rowid", params))

    def list(self) -> builtins.list[dict[str, Any]]:
        """Every key this register has had (public halves and dates), oldest first."""
        return self._query()

    def current(self, purpose: str = "body") -> dict[str, Any] | None:
        rows = self._query("WHERE purpose = ? AND valid_until IS NULL", [purpose])
        return rows[0] if rows else None

    def get(self, kid: str) -> dict[str, Any]:
        rows = self._query("WHERE key_id = ?", [kid])
        if not rows:
            raise NotFound(problems=[Problem("keys.unknown_key", ("key_id",), {"key_id": kid})])
        return rows[0]

    def missing_key_ids(self) -> builtins.list[str]:
        """Key ids certificates of this register were signed with that the register does not hold."""
        return [r[0] for r in self.store.conn.execute(
            "SELECT DISTINCT key_id FROM certificates WHERE key_id != '' "
            "AND key_id NOT IN (SELECT key_id FROM body_keys) ORDER BY key_id")]

    def legacy_key_path(self) -> Path:
        return legacy_key_dir() / LEGACY_PRIVATE_KEY_FILE

    # -- making and opening --------------------------------------------------------------
    def _insert(self, private: Ed25519PrivateKey, passphrase: str, *, purpose: str, by: str, origin: str,
                valid_from: dt.date, work_factor: int) -> dict[str, Any]:
        kid = key_id(private.public_key())
        self.store.db.table("body_keys").insert({
            "key_id": kid, "purpose": purpose, "public_key": public_pem(private.public_key()).decode("ascii"),
            "sealed_private_key": seal_private_key(private, passphrase, work_factor=work_factor),
            "valid_from": valid_from.isoformat(), "valid_until": None, "origin": origin, "created_by": by,
            "created_at": self.store.now()})
        self._open[kid] = private
        return self.get(kid)

    def init(self, passphrase: str, *, by: str, import_legacy: bool = False,
             work_factor: int = WORK_FACTOR) -> dict[str, Any]:
        """Make the body's key, once. An older version's key file is imported instead (once,
        and only into the register whose certificates it signed, or with ``import_legacy``)."""
        check_new_passphrase(passphrase)
        existing = self.current()
        if existing is not None:
            raise RefusedInput.of("keys.already_initialised", key_id=existing["key_id"])
        missing = self.missing_key_ids()
        legacy_path = self.legacy_key_path()
        legacy = load_private_pem(legacy_path.read_bytes(), str(legacy_path)) if legacy_path.is_file() else None
        legacy_id = key_id(legacy.public_key()) if legacy is not None else None
        if missing and legacy_id not in missing:
            raise RefusedInput.of("keys.missing", key_ids=", ".join(missing), restore=RESTORE_COMMAND)
        take_legacy = legacy is not None and (legacy_id in missing or import_legacy)
        with self.store.atomic():
            if take_legacy and legacy is not None:
                first = self.store.conn.execute("SELECT min(issued_on) FROM certificates WHERE key_id = ?",
                                                [legacy_id]).fetchone()[0]
                row = self._insert(legacy, passphrase, purpose="body", by=by, origin=f"imported:{legacy_path}",
                                   valid_from=_date(first) or self.store.today(), work_factor=work_factor)
                self.store.events.record(by, "keys.import_legacy", "body_key", row["key_id"],
                                         {"from": str(legacy_path)})
            else:
                row = self._insert(Ed25519PrivateKey.generate(), passphrase, purpose="body", by=by,
                                   origin="generated", valid_from=self.store.today(), work_factor=work_factor)
                self.store.events.record(by, "keys.init", "body_key", row["key_id"], {})
        if take_legacy:
            # Out of the old place, so no other database on this machine imports it too.
            moved = legacy_path.with_name(f"signing-key.imported-{legacy_id}.pem")
            legacy_path.rename(moved)
            row["imported_from"] = str(legacy_path)
            row["old_file_now"] = str(moved)
        elif legacy is not None:
            row["legacy_key_left"] = str(legacy_path)
        return row

    def unlock(self, passphrase: str | None, purpose: str = "body") -> str:
        """Open the current key for this session; returns its key id."""
        row = self._require_current(purpose)
        kid: str = row["key_id"]
        if kid in self._open:
            return kid
        self._open[kid] = self._unseal(kid, passphrase)
        return kid

    def is_unlocked(self, purpose: str = "body") -> bool:
        row = self.current(purpose)
        return row is not None and row["key_id"] in self._open

    def _unseal(self, kid: str, passphrase: str | None) -> Ed25519PrivateKey:
        if not passphrase:
            raise RefusedInput.of("keys.locked", key_id=kid)
        sealed = self.store.conn.execute("SELECT sealed_private_key FROM body_keys WHERE key_id = ?",
                                         [kid]).fetchone()[0]
        try:
            return unseal_private_key(sealed, passphrase)
        except WrongPassphrase:
            raise RefusedInput.of("keys.wrong_passphrase", key_id=kid, restore=RESTORE_COMMAND) from None

    def _require_current(self, purpose: str) -> dict[str, Any]:
        row = self.current(purpose)
        if row is None:
            if purpose == "demo":
                return self._make_demo_key()
            missing = self.missing_key_ids()
            if missing:
                raise RefusedInput.of("keys.missing", key_ids=", ".join(missing), restore=RESTORE_COMMAND)
            if self.legacy_key_path().is_file():
                raise RefusedInput.of("keys.legacy_not_imported", path=str(self.legacy_key_path()))
            raise RefusedInput.of("keys.not_initialised")
        return row

    def _make_demo_key(self) -> dict[str, Any]:
        with self.store.atomic():
            row = self._insert(Ed25519PrivateKey.generate(), DEMO_PASSPHRASE, purpose="demo", by="demo",
                               origin="generated", valid_from=self.store.today(), work_factor=2 ** 12)
            self.store.events.record("demo", "keys.init_demo", "body_key", row["key_id"], {})
        return row

    def signing_key(self, purpose: str = "body") -> Ed25519PrivateKey:
        """The open current key, or a refusal: no key yet, a key the register lost, or locked."""
        if purpose not in PURPOSES:
            raise ValueError(purpose)
        if not self._register_checked:
            missing = self.missing_key_ids()
            if missing:
                raise RefusedInput.of("keys.missing", key_ids=", ".join(missing), restore=RESTORE_COMMAND)
            self._register_checked = True
        row = self._require_current(purpose)
        if row["key_id"] not in self._open:
            if purpose == "demo":
                self._open[row["key_id"]] = self._unseal(row["key_id"], DEMO_PASSPHRASE)
            else:
                raise RefusedInput.of("keys.locked", key_id=row["key_id"])
        return self._open[row["key_id"]]

    # -- rotation and revocation ---------------------------------------------------------
    def rotate(self, passphrase: str, *, by: str, work_factor: int = WORK_FACTOR) -> dict[str, Any]:
        """A new current key (sealed with the same passphrase); the old one signs no more but
        stays, so what it signed still verifies. Returns the new key."""
        old = self._require_current("body")
        self._unseal(old["key_id"], passphrase)          # only the passphrase holder rotates
        today = self.store.today()
        with self.store.atomic():
            self.store.conn.execute("UPDATE body_keys SET valid_until = ? WHERE key_id = ?",
                                    [today.isoformat(), old["key_id"]])
            row = self._insert(Ed25519PrivateKey.generate(), passphrase, purpose="body", by=by, origin="rotated",
                               valid_from=today, work_factor=work_factor)
            self.store.events.record(by, "keys.rotate", "body_key", row["key_id"], {"previous": old["key_id"]})
        self._open.pop(old["key_id"], None)
        return row

    def revoke(self, kid: str, *, since: dt.date, reason: str, by: str, passphrase: str) -> dict[str, Any]:
        """Mark a compromised key: whatever it signed dated ``since`` or later is not genuine."""
        from brandmark.text import clean_text
        reason = clean_text(reason, "原因 reason", required=True, max_length=1000)
        row = self.get(kid)
        if row["purpose"] != "body":
            raise RefusedInput.of("keys.not_a_body_key", key_id=kid)
        if row["revoked_since"]:
            raise RefusedInput.of("keys.already_revoked", key_id=kid, since=row["revoked_since"])
        if row["valid_until"] is None:
            raise RefusedInput.of("keys.revoke_current", key_id=kid)
        self._unseal(self._require_current("body")["key_id"], passphrase)
        with self.store.atomic():
            self.store.conn.execute(
                "UPDATE body_keys SET revoked_since = ?, revoked_reason = ?, revoked_by = ?, revoked_at = ? "
                "WHERE key_id = ?", [since.isoformat(), reason, by, self.store.now(), kid])
            self.store.events.record(by, "keys.revoke", "body_key", kid,
                                     {"since": since.isoformat(), "reason": reason})
        return self.get(kid)

    # -- what a verifier believes ----------------------------------------------------------
    def known_keys(self) -> dict[str, KnownKey]:
        """Key id → ``KnownKey``: this register's own keys, its demo key, and trusted ones."""
        self._import_legacy_trusted()
        keys: dict[str, KnownKey] = {}
        for r in self.store.db.query("SELECT * FROM trusted_keys"):
            keys[r["key_id"]] = KnownKey(
                r["key_id"], load_public_key(r["public_key"].encode("ascii")), "other", r["body_code"],
                _date(r["valid_from"]), _date(r["valid_until"]), _date(r["revoked_since"]),
                r["revoked_reason"] or "")
        body_code = self.store.settings.get("body.code") or "BM"
        for r in self.store.db.query("SELECT * FROM body_keys"):
            keys[r["key_id"]] = KnownKey(
                r["key_id"], load_public_key(r["public_key"].encode("ascii")), r["purpose"],
                DEMO_BODY_CODE if r["purpose"] == "demo" else body_code, _date(r["valid_from"]),
                _date(r["valid_until"]), _date(r["revoked_since"]), r["revoked_reason"] or "")
        return keys

    def trusted_public(self) -> dict[str, Ed25519PublicKey]:
        return {kid: known.public_key for kid, known in self.known_keys().items()}

    def export_public(self, path: str | Path) -> str:
        from brandmark.atomic_files import write_text
        refuse_if_register_file(path, field=("output",))
        row = self._require_current("body")
        write_text(path, row["public_key"], encoding="ascii")
        kid: str = row["key_id"]
        return kid

    def import_public(self, path: str | Path, *, by: str = "", body_code: str = "") -> str:
        """Trust another body's public key (PEM file); returns its key id."""
        refuse_if_register_file(path)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise RefusedInput.of("keys.cannot_read", path=str(path), why=exc.strerror or str(exc)) from None
        key = load_public_key(data, str(path))
        kid = key_id(key)
        with self.store.atomic():
            self._trust(kid, key, source=f"file:{path}", body_code=body_code)
            self.store.events.record(by, "keys.trust", "trusted_key", kid, {"source": str(path)})
        return kid

    def _trust(self, kid: str, key: Ed25519PublicKey, *, source: str, body_code: str = "", body_name: str = "",
               valid_from: str | None = None, valid_until: str | None = None, revoked_since: str | None = None,
               revoked_reason: str | None = None) -> None:
        self.store.db.table("trusted_keys").upsert({
            "key_id": kid, "public_key": public_pem(key).decode("ascii"), "body_code": body_code,
            "body_name": body_name, "valid_from": valid_from, "valid_until": valid_until,
            "revoked_since": revoked_since, "revoked_reason": revoked_reason, "source": source,
            "imported_at": self.store.now()}, pk="key_id")

    def _import_legacy_trusted(self) -> None:
        """Other bodies' keys trusted by an older version (a folder of PEM files): imported once."""
        if self.store.settings.get(SETTING_LEGACY_TRUSTED) is not None:
            return
        folder = legacy_key_dir() / LEGACY_TRUSTED_DIR
        files = sorted(folder.glob("*.pem")) if folder.is_dir() else []
        if not files:
            # Nothing to import: write nothing, so that verifying (a read) stays a read and a
            # refused verification leaves the register as it was (found by tests/test_fuzz.py).
            return
        with self.store.atomic():
            for file in files:
                try:
                    key = load_public_key(file.read_bytes(), str(file))
                except (RefusedInput, OSError):
                    continue   # a stray file in the folder is not a trusted key
                if not self.store.conn.execute("SELECT 1 FROM trusted_keys WHERE key_id = ?",
                                               [key_id(key)]).fetchone():
                    self._trust(key_id(key), key, source=f"legacy:{file}")
            self.store.settings.set(SETTING_LEGACY_TRUSTED, str(len(files)), actor="migration")

    # -- trust lists -----------------------------------------------------------------------
    def build_trust_list(self, passphrase: str) -> str:
        """The body's signed list of its keys (dates, revocations), signed by every unrevoked key
        so an office that trusts any earlier key of the body can follow a rotation."""
        from brandmark.certificates.trust_list import build_trust_list, key_entry
        self._require_current("body")
        rows = [r for r in self.list() if r["purpose"] == "body"]
        signers = [self._unseal(r["key_id"], passphrase) for r in rows if not r["revoked_since"]]
        entries = [key_entry(load_public_key(r["public_key"].encode("ascii")), valid_from=r["valid_from"],
                             valid_until=r["valid_until"], revoked_since=r["revoked_since"],
                             revoked_reason=r["revoked_reason"]) for r in rows]
        settings = self.store.settings
        body = {"code": settings.get("body.code") or "BM", "name": settings.get("body.name") or "",
                "name_en": settings.get("body.name_en") or ""}
        with self.store.atomic():
            sequence = int(settings.get(SETTING_TRUST_LIST_SEQUENCE) or 0) + 1
            settings.set(SETTING_TRUST_LIST_SEQUENCE, str(sequence), actor="trust-list")
            return build_trust_list(entries, body=body, issued_at=self.store.now(), sequence=sequence,
                                    signers=signers)

    def export_trust_list(self, path: str | Path, passphrase: str) -> dict[str, Any]:
        refuse_if_register_file(path, field=("output",))
        with self.store.atomic():
            text = self.build_trust_list(passphrase)
            from brandmark.atomic_files import write_text
            write_text(path, text)
        from brandmark.certificates.trust_list import verify_trust_list
        listing = verify_trust_list(text)
        return {"file": str(path), "sequence": listing.sequence, "keys": [k["key_id"] for k in listing.keys],
                "signed_by": listing.signed_by}

    def import_trust_list(self, path: str | Path, *, by: str = "") -> dict[str, Any]:
        """Trust another body's keys from its signed list. Refused: an older list than one already
        imported from that body, or a list none of whose signers this office trusts for it."""
        from brandmark.certificates.trust_list import verify_trust_list
        refuse_if_register_file(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RefusedInput.of("keys.cannot_read", path=str(path),
                                  why=getattr(exc, "strerror", None) or str(exc)) from None
        listing = verify_trust_list(text)
        code = str(listing.body.get("code") or "")
        if any(r["key_id"] in {k["key_id"] for k in listing.keys} for r in self.list()):
            raise RefusedInput.of("trust_list.own", code=code)
        last = self.store.conn.execute("SELECT max(sequence) FROM trust_lists WHERE body_code = ?",
                                       [code]).fetchone()[0]
        if last is not None and listing.sequence < last:
            raise RefusedInput.of("trust_list.older", code=code, sequence=listing.sequence, last=last)
        known = {r[0] for r in self.store.conn.execute(
            "SELECT key_id FROM trusted_keys WHERE body_code = ? OR body_code = ''", [code])}
        continued = [kid for kid in listing.signed_by if kid in known]
        earlier = self.store.conn.execute("SELECT 1 FROM trusted_keys WHERE body_code = ?", [code]).fetchone()
        if earlier and not continued:
            raise RefusedInput.of("trust_list.unknown_signer", code=code, signers=", ".join(listing.signed_by))
        with self.store.atomic():
            for entry in listing.keys:
                self._trust(entry["key_id"], listing.public_key(entry["key_id"]),
                            source=f"trust-list:{code}#{listing.sequence}", body_code=code,
                            body_name=str(listing.body.get("name") or ""), valid_from=entry.get("valid_from"),
                            valid_until=entry.get("valid_until"), revoked_since=entry.get("revoked_since"),
                            revoked_reason=entry.get("revoked_reason"))
            self.store.db.table("trust_lists").insert({
                "body_code": code, "sequence": listing.sequence, "issued_at": listing.issued_at,
                "signed_by": ",".join(listing.signed_by), "imported_at": self.store.now()})
            self.store.events.record(by, "keys.import_trust_list", "trust_list", code,
                                     {"sequence": listing.sequence, "keys": [k["key_id"] for k in listing.keys]})
        return {"body": listing.body, "sequence": listing.sequence, "keys": [k["key_id"] for k in listing.keys],
                "signed_by": listing.signed_by, "first_from_this_body": not earlier and not continued,
                "revoked": [k["key_id"] for k in listing.keys if k.get("revoked_since")]}
