"""The personnel register: who may do what, and what each person signed.

>>> from brandmark.store import Store
>>> store = Store(":memory:")
>>> li = store.people.add(name="李四", roles=["decider", "authoriser"],
...                       schemes=["zhejiang-made"], passphrase="li-si passphrase", by="admin")
>>> store.people.unlock(li["id"], "li-si passphrase")["roles"]
['decider', 'authoriser']

Rules (ISO/IEC 17065 as brandmark models them):

* every actor of a certification assessment is a registered, active person (6.1.2):
  the assessor has the ``assessor`` role and competence for the scheme; the decider the
  ``decider`` role and competence for the scheme; the authoriser the ``authoriser`` role;
* neither the decider nor the authoriser took part in the evaluation (7.6.2): compared
  by person id, never by typed name;
* a name is registered once: a look-alike of a registered name (``brandmark.people_names``)
  is refused, naming the person it imitates;
* a decision, an authorisation and the closing of a nonconformity are signed by the
  person who acts, with their own key (``brandmark.people_keys``), unlocked by their
  passphrase for this session only (``unlock``); ``verify_signatures`` checks them all.

Self-assessments by enterprises need no personnel: their people stay free text,
self-declared, and never lead to a certificate.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from brandmark import people_keys
from brandmark.errors import FieldPath, NotFound, Problem, RefusedInput
from brandmark.people_names import (
    case_skeleton, clean_person_name, lookalike_key, looks_like_id, normalised,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from brandmark.store import Store

ROLES = ("assessor", "decider", "authoriser", "admin")
CLAUSE_COMPETENCE = "ISO/IEC 17065 6.1.2"
CLAUSE_IMPARTIAL_DECISION = "ISO/IEC 17065 7.6.2"


@dataclass(frozen=True)
class Actor:
    """Who acts: a registered person (``person_id``), or a self-declared name (``None``)."""

    name: str
    person_id: int | None = None

    @property
    def self_declared(self) -> bool:
        return self.person_id is None


# A person named by id (``3``, ``"3"``, ``"#3"``), exact registered name, Actor or row.
PersonRef: TypeAlias = int | str | Actor | dict[str, Any]
# Roles or schemes as a list, or as one comma-separated text (the CLI's form).
Names: TypeAlias = str | Iterable[str]


def _row(row: Mapping[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["roles"] = json.loads(row["roles"])
    row["schemes"] = json.loads(row["schemes"])
    row["active"] = bool(row["active"])
    row["review"] = bool(row["review"])
    return row


class People:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._unlocked: dict[int, tuple[str, Ed25519PrivateKey]] = {}      # person id → (key id, private key)

    # -- reading --------------------------------------------------------------------
    _SELECT = ("SELECT p.*, (SELECT k.key_id FROM person_keys k WHERE k.person_id = p.id AND k.retired_at IS NULL "
               "ORDER BY k.created_at DESC LIMIT 1) AS key_id FROM people p")

    def get(self, person_id: int) -> dict[str, Any]:
        rows = list(self.store.db.query(self._SELECT + " WHERE p.id = ?", [int(person_id)]))
        if not rows:
            raise NotFound(problems=[Problem("people.unknown", ("person",), {"ref": f"#{person_id}"})])
        return _row(rows[0])

    def find(self, ref: PersonRef | None, field: FieldPath = ("person",)) -> dict[str, Any]:
        """A person by id (``3``, ``"3"``, ``"#3"``) or exact registered name."""
        if isinstance(ref, dict) and "id" in ref:
            ref = ref["id"]
        if isinstance(ref, Actor):
            ref = ref.person_id if ref.person_id is not None else ref.name
        if isinstance(ref, bool) or ref is None or (isinstance(ref, str) and not ref.strip()):
            raise RefusedInput.of("text.empty", field)
        if isinstance(ref, int) or (isinstance(ref, str) and looks_like_id(ref)):
            person_id = ref if isinstance(ref, int) else int(str(ref).strip().removeprefix("#"))
            try:
                return self.get(person_id)
            except NotFound:
                raise NotFound(problems=[Problem("people.unknown", field, {"ref": f"#{person_id}"})]) from None
        name = " ".join(unicodedata.normalize("NFKC", str(ref)).split())
        rows = list(self.store.db.query(self._SELECT + " WHERE p.name = ?", [name]))
        if not rows:
            raise NotFound(problems=[Problem("people.unknown", field, {"ref": name})])
        return _row(rows[0])

    def list(self, *, active: bool | None = None, role: str | None = None) -> list[dict[str, Any]]:
        where: builtins.list[str] = []
        params: builtins.list[object] = []
        if active is not None:
            where.append("p.active = ?")
            params.append(1 if active else 0)
        sql = self._SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY p.id"
        rows = [_row(r) for r in self.store.db.query(sql, params)]
        return [r for r in rows if role is None or role in r["roles"]]

    def count(self) -> int:
        count: int = self.store.db.execute("SELECT count(*) FROM people").fetchone()[0]
        return count

    # -- registering and changing ---------------------------------------------------------
    def _check_roles(self, roles: Names) -> builtins.list[str]:
        if isinstance(roles, str):
            roles = [r for r in roles.replace("，", ",").split(",")]
        cleaned: builtins.list[str] = []
        for role in roles:
            role = str(role).strip().lower()
            if not role:
                continue
            if role not in ROLES:
                raise RefusedInput.of("people.unknown_role", ("roles",), role=role, roles=", ".join(ROLES))
            if role not in cleaned:
                cleaned.append(role)
        if not cleaned:
            raise RefusedInput.of("people.no_roles", ("roles",), roles=", ".join(ROLES))
        return [r for r in ROLES if r in cleaned]

    def _check_schemes(self, schemes: Names | None) -> builtins.list[str]:
        if schemes is None:
            return []
        if isinstance(schemes, str):
            schemes = schemes.replace("，", ",").split(",")
        known = {row["id"] for row in self.store.schemes.list()}
        cleaned: builtins.list[str] = []
        for scheme in schemes:
            scheme = str(scheme).strip()
            if not scheme:
                continue
            if scheme not in known:
                raise RefusedInput.of("people.unknown_scheme", ("schemes",), scheme=scheme)
            if scheme not in cleaned:
                cleaned.append(scheme)
        return sorted(cleaned)

    def _refuse_lookalike(self, name: str, *, except_id: int | None = None) -> dict[str, str]:
        keys = {"lookalike_key": lookalike_key(name), "case_skeleton": case_skeleton(name)}
        for other in self.store.db.query("SELECT id, name FROM people WHERE lookalike_key = ? OR case_skeleton = ? "
                                         "ORDER BY id", [keys["lookalike_key"], keys["case_skeleton"]]):
            if other["id"] == except_id:
                continue
            code = "people.name_taken" if normalised(other["name"]) == name else "people.lookalike"
            raise RefusedInput.of(code, ("person_name",), name=name, other=other["name"], other_id=other["id"])
        return keys

    def add(self, *, name: str, roles: Names, schemes: Names | None = None, passphrase: str,
            by: PersonRef | None = "", active: bool = True, demo: bool = False) -> dict[str, Any]:
        """Register a person with a new key sealed by ``passphrase``; returns ``get``.
        ``demo`` marks one of the demo data set's people (removed with it)."""
        name = clean_person_name(name)
        role_list = self._check_roles(roles)
        scheme_list = self._check_schemes(schemes)
        keys = self._refuse_lookalike(name)
        made = people_keys.new_key(passphrase)          # before the transaction: scrypt takes a moment
        now = self.store.now()
        with self.store.atomic():
            person_id = cast(int, self.store.db.table("people").insert({
                "name": name, **keys, "roles": json.dumps(role_list), "schemes": json.dumps(scheme_list),
                "active": 1 if active else 0, "since": now, "review": 0, "review_note": "",
                "created_at": now, "updated_at": now, "demo": 1 if demo else 0}).last_pk)
            self._insert_key(person_id, made, now)
            self.store.events.record(self._actor_text(by), "person.add", "person", person_id, {
                "name": name, "roles": role_list, "schemes": scheme_list, "active": active, "key_id": made.key_id})
        return self.get(person_id)

    def add_with_public_key(self, *, name: str, roles: Names, schemes: Names | None = None, key_id: str,
                            public_pem: str, by: PersonRef | None, source: str = "card") -> dict[str, Any]:
        """Register a person whose key lives elsewhere (their card: ``people import-card``): the
        same public key, no private half here, so they sign only on their own machine.
        Refused: a key already registered (``people.card_key_taken``), a look-alike name."""
        name = clean_person_name(name)
        role_list = self._check_roles(roles)
        scheme_list = self._check_schemes(schemes)
        keys = self._refuse_lookalike(name)
        taken = self.by_key_id(key_id)
        if taken is not None:
            raise RefusedInput.of("people.card_key_taken", ("card",), key_id=key_id, other=taken["name"],
                                  other_id=taken["id"])
        now = self.store.now()
        with self.store.atomic():
            person_id = cast(int, self.store.db.table("people").insert({
                "name": name, **keys, "roles": json.dumps(role_list), "schemes": json.dumps(scheme_list),
                "active": 1, "since": now, "review": 0, "review_note": "",
                "created_at": now, "updated_at": now}).last_pk)
            self.store.db.table("person_keys").insert({"key_id": key_id, "person_id": person_id,
                                                       "public_key": public_pem, "sealed_private": None,
                                                       "created_at": now, "retired_at": None})
            self.store.events.record(self._actor_text(by), "person.import_card", "person", person_id, {
                "name": name, "roles": role_list, "schemes": scheme_list, "key_id": key_id, "source": source})
        return self.get(person_id)

    def by_key_id(self, key_id: str) -> dict[str, Any] | None:
        """The person a public key (current or retired) belongs to, or None."""
        row = self.store.db.execute("SELECT person_id FROM person_keys WHERE key_id = ?", [str(key_id)]).fetchone()
        return None if row is None else self.get(row[0])

    def key(self, key_id: str) -> dict[str, Any] | None:
        """A person's key row without its sealed half: key_id, person_id, public_key, created_at, retired_at."""
        rows = list(self.store.db.query("SELECT key_id, person_id, public_key, created_at, retired_at "
                                        "FROM person_keys WHERE key_id = ?", [str(key_id)]))
        return rows[0] if rows else None

    def unlocked_key(self, actor: Actor) -> tuple[str, Ed25519PrivateKey]:
        """``(key id, private key)`` of a signed-in person, for signing a file they send."""
        person_id = self.require_signed_in(actor)
        return self._unlocked[person_id]

    def _insert_key(self, person_id: int, made: people_keys.NewKey, now: str,
                    vouched: dict[str, Any] | None = None) -> None:
        self.store.db.execute("UPDATE person_keys SET retired_at = ?, sealed_private = NULL "
                              "WHERE person_id = ? AND retired_at IS NULL", [now, person_id])
        self.store.db.table("person_keys").insert({"key_id": made.key_id, "person_id": person_id,
                                                   "public_key": made.public_pem, "sealed_private": made.sealed_private,
                                                   "created_at": now, "retired_at": None,
                                                   "vouched": None if vouched is None else
                                                   json.dumps(vouched, ensure_ascii=False, sort_keys=True)})

    def _actor_text(self, by: PersonRef | None) -> str:
        if by is None or (isinstance(by, str) and not by.strip()):
            return ""
        if isinstance(by, (int, Actor, dict)) or looks_like_id(str(by)):
            person = self.find(by, ("by",))
            return str(person["name"])
        return " ".join(str(by).split())

    def edit(self, ref: PersonRef, *, by: PersonRef | None = "", name: str | None = None, roles: Names | None = None,
             schemes: Names | None = None, reviewed: bool | None = None) -> dict[str, Any]:
        """Change a person's name, roles, schemes or review flag (one transaction, logged)."""
        person = self.find(ref)
        changes: dict[str, Any] = {}
        if name is not None:
            name = clean_person_name(name)
            if name != person["name"]:
                changes.update(self._refuse_lookalike(name, except_id=person["id"]))
                changes["name"] = name
        if roles is not None and (checked := self._check_roles(roles)) != person["roles"]:
            changes["roles"] = json.dumps(checked)
        if schemes is not None and (checked := self._check_schemes(schemes)) != person["schemes"]:
            changes["schemes"] = json.dumps(checked)
        if reviewed is not None and reviewed == person["review"]:
            changes["review"] = 0 if reviewed else 1
        if not changes:
            return person
        changes["updated_at"] = self.store.now()
        with self.store.atomic():
            self.store.db.table("people").update(person["id"], changes)
            logged = {k: (json.loads(v) if k in ("roles", "schemes") else v) for k, v in changes.items()
                      if k not in ("lookalike_key", "case_skeleton", "updated_at")}
            logged["before"] = {k: person[k] for k in ("name", "roles", "schemes", "review") if k in changes}
            self.store.events.record(self._actor_text(by), "person.edit", "person", person["id"], logged)
        return self.get(person["id"])

    def set_active(self, ref: PersonRef, active: bool, *, by: PersonRef | None = "",
                   reason: str = "") -> dict[str, Any]:
        person = self.find(ref)
        if person["active"] == active:
            return person
        now = self.store.now()
        with self.store.atomic():
            self.store.db.table("people").update(person["id"], {"active": 1 if active else 0, "since": now,
                                                                "updated_at": now})
            self.store.events.record(self._actor_text(by), "person.activate" if active else "person.deactivate",
                                     "person", person["id"], {"reason": reason})
        if not active:
            self.lock(person["id"])
        return self.get(person["id"])

    def deactivate(self, ref: PersonRef, *, by: PersonRef | None = "", reason: str = "") -> dict[str, Any]:
        return self.set_active(ref, False, by=by, reason=reason)

    def activate(self, ref: PersonRef, *, by: PersonRef | None = "", reason: str = "") -> dict[str, Any]:
        return self.set_active(ref, True, by=by, reason=reason)

    def change_passphrase(self, ref: PersonRef, *, old: str, new: str, by: PersonRef | None = "") -> dict[str, Any]:
        """Seal the same key under a new passphrase (the old one must open it)."""
        person = self.find(ref)
        row = self._key_row(person)
        private = people_keys.open_key(row["sealed_private"], old)
        sealed = people_keys.seal(private, new)
        with self.store.atomic():
            self.store.db.execute("UPDATE person_keys SET sealed_private = ? WHERE key_id = ?",
                                  [sealed, row["key_id"]])
            self.store.events.record(self._actor_text(by) or person["name"], "person.passphrase", "person",
                                     person["id"], {"key_id": row["key_id"]})
        return self.get(person["id"])

    def new_key(self, ref: PersonRef, *, passphrase: str, by: PersonRef | None = "",
                old_passphrase: str | None = None) -> dict[str, Any]:
        """A new key for a person who has none (migrated) or lost their passphrase, or a
        routine change; the old public key stays, so what they signed before still verifies.

        With ``old_passphrase`` the old key is opened first and signs a statement naming the
        new one (``people_keys.rotation_link``), kept with the new key: their card then
        carries it, and another register that knows the old key takes the new one on that
        word (``people update-card``). Without it, another register's admin must accept the
        new key explicitly."""
        person = self.find(ref)
        old_private = None
        if old_passphrase is not None:
            row = self._key_row(person)
            old_private = people_keys.open_key(row["sealed_private"], old_passphrase)
        made = people_keys.new_key(passphrase)
        now = self.store.now()
        vouched: dict[str, Any] | None = None
        if old_private is not None:
            vouched = {"how": "rotation", "rotations": [people_keys.rotation_link(
                old_private, name=person["name"], new_key_id=made.key_id, new_public_pem=made.public_pem,
                made_at=now)]}
        with self.store.atomic():
            self._insert_key(person["id"], made, now, vouched=vouched)
            self.store.events.record(self._actor_text(by), "person.new_key", "person", person["id"],
                                     {"key_id": made.key_id, "replaces": person["key_id"],
                                      "rotation": vouched is not None})
        self.lock(person["id"])
        return self.get(person["id"])

    def keys(self, person_id: int) -> builtins.list[dict[str, Any]]:
        """Every key the person has had, newest first: key_id, public_key, created_at,
        retired_at and ``vouched`` (None, or how it replaced the key before: schema_key_rotation)."""
        rows = [dict(r) for r in self.store.db.query(
            "SELECT key_id, public_key, created_at, retired_at, vouched FROM person_keys WHERE person_id = ? "
            "ORDER BY created_at DESC, rowid DESC", [int(person_id)])]
        for row in rows:
            row["vouched"] = json.loads(row["vouched"]) if row["vouched"] else None
        return rows

    MAX_ROTATIONS = 16

    def rotations(self, person_id: int) -> builtins.list[dict[str, Any]]:
        """The chain of rotation statements that leads from the person's earliest key this
        register can vouch for to their current one, oldest first (what their card carries)."""
        by_key = {row["key_id"]: row for row in self.keys(person_id)}
        current = next((row for row in by_key.values() if row["retired_at"] is None), None)
        chain: builtins.list[dict[str, Any]] = []
        seen: set[str] = set()
        while current is not None and len(chain) < self.MAX_ROTATIONS:
            vouched = current["vouched"] or {}
            links = vouched.get("rotations") if vouched.get("how") == "rotation" else None
            if not links:
                break
            fresh = [link for link in links if people_keys.parse_rotation_link(link)["old_key_id"] not in seen]
            if not fresh:
                break
            chain = fresh + chain
            first = people_keys.parse_rotation_link(fresh[0])["old_key_id"]
            seen.update(people_keys.parse_rotation_link(link)["old_key_id"] for link in fresh)
            current = by_key.get(first)
        return chain[-self.MAX_ROTATIONS:]

    def replace_key(self, person_id: int, *, key_id: str, public_pem: str, vouched: dict[str, Any], by: Actor,
                    details: dict[str, Any]) -> dict[str, Any]:
        """Take a key that lives elsewhere as the person's current one (``people
        update-card``), retiring the one before; logged as ``person.key_update`` by ``by``."""
        person = self.get(person_id)
        now = self.store.now()
        with self.store.atomic():
            self.store.db.execute("UPDATE person_keys SET retired_at = ?, sealed_private = NULL "
                                  "WHERE person_id = ? AND retired_at IS NULL", [now, person_id])
            self.store.db.table("person_keys").insert({"key_id": key_id, "person_id": person_id,
                                                       "public_key": public_pem,
                                                 "sealed_private": None, "created_at": now, "retired_at": None,
                                                 "vouched": json.dumps(vouched, ensure_ascii=False, sort_keys=True)})
            self.store.events.record(by.name, "person.key_update", "person", person_id, {
                "key_id": key_id, "replaces": person["key_id"], **details})
        self.lock(person_id)
        return self.get(person_id)

    def believed_until(self, key_id: str) -> str | None:
        """For a retired key: until when what it signed is still believed here, the moment of
        the person's own statement (signed with that key) naming its successor; None when it
        was replaced without such a statement (an admin's acceptance, a lost passphrase),
        after which nothing new it signs is believed."""
        for row in self.store.db.query("SELECT vouched FROM person_keys WHERE vouched IS NOT NULL AND person_id = "
                                       "(SELECT person_id FROM person_keys WHERE key_id = ?)", [str(key_id)]):
            vouched = json.loads(row["vouched"])
            if vouched.get("how") != "rotation":
                continue
            for link in vouched.get("rotations") or []:
                statement = people_keys.parse_rotation_link(link)
                if statement["old_key_id"] == key_id:
                    return str(statement["made_at"])
        return None

    # -- signing in -------------------------------------------------------------------
    def _key_row(self, person: Mapping[str, Any]) -> dict[str, str]:
        row = self.store.db.execute(
            "SELECT key_id, sealed_private FROM person_keys WHERE person_id = ? AND retired_at IS NULL "
            "ORDER BY created_at DESC LIMIT 1", [person["id"]]).fetchone()
        if row is None or row[1] is None:
            raise RefusedInput.of("people.no_key", ("person",), name=person["name"], id=person["id"])
        return {"key_id": row[0], "sealed_private": row[1]}

    def unlock(self, ref: PersonRef, passphrase: str) -> dict[str, Any]:
        """Open the person's key with their passphrase for this session (signing in)."""
        person = self.find(ref)
        if not person["active"]:
            raise RefusedInput.of("people.inactive", ("person",), name=person["name"], id=person["id"],
                                  since=person["since"], clause=CLAUSE_COMPETENCE)
        row = self._key_row(person)
        self._unlocked[person["id"]] = (row["key_id"], people_keys.open_key(row["sealed_private"], passphrase))
        return person

    def sign_in_with_key(self, person_id: int, key_id: str, private: Ed25519PrivateKey) -> None:
        """Sign a person in with a key already opened in another session of this register (the
        window hands its signed-in assessor's key to the worker that writes their bundle). The
        key must be the person's current one and the person active; else ``RefusedInput``."""
        person = self.get(person_id)
        if not person["active"]:
            raise RefusedInput.of("people.inactive", ("person",), name=person["name"], id=person["id"],
                                  since=person["since"], clause=CLAUSE_COMPETENCE)
        if key_id != person["key_id"] or people_keys.key_id_of(private.public_key()) != key_id:
            raise RefusedInput.of("people.no_key", ("person",), name=person["name"], id=person["id"])
        self._unlocked[person["id"]] = (key_id, private)

    def lock(self, person_id: int | None = None) -> None:
        """Forget an unlocked key (or all of them): signing out, or the session locking."""
        if person_id is None:
            self._unlocked.clear()
        else:
            self._unlocked.pop(int(person_id), None)

    def unlocked(self) -> builtins.list[int]:
        return list(self._unlocked)

    # -- the people behind an act ------------------------------------------------------
    def actor(self, ref: PersonRef | None, *, field: FieldPath = ("by",), role: str | None = None,
              scheme: str | None = None,
              action: str = "") -> Actor:
        """The registered, active person ``ref`` names, with ``role`` and competence for
        ``scheme`` when asked; else ``RefusedInput`` naming the rule and the clause."""
        person = self.find(ref, field)
        if not person["active"]:
            raise RefusedInput.of("people.inactive", field, name=person["name"], id=person["id"],
                                  since=person["since"], clause=CLAUSE_COMPETENCE)
        if role is not None and role not in person["roles"]:
            raise RefusedInput.of("people.missing_role", field, name=person["name"], id=person["id"], role=role,
                                  action=action or role, clause=CLAUSE_COMPETENCE)
        if scheme is not None and scheme not in person["schemes"]:
            raise RefusedInput.of("people.not_competent", field, name=person["name"], id=person["id"],
                                  scheme=scheme, role=role or "", clause=CLAUSE_COMPETENCE)
        return Actor(person["name"], person["id"])

    def require_signed_in(self, actor: Actor, *, field: FieldPath = ("by",), action: str = "") -> int:
        """The actor's person id, when they are signed in; else ``people.not_signed_in``."""
        if actor.person_id is None or actor.person_id not in self._unlocked:
            raise RefusedInput.of("people.not_signed_in", field, name=actor.name, id=actor.person_id,
                                  action=action)
        return actor.person_id

    def sign(self, actor: Actor, action: str, entity: str, entity_id: object, content: dict[str, Any]) -> int:
        """Sign ``content`` with the actor's unlocked key and store it (inside the caller's
        transaction, so the act and its signature are written together or not at all)."""
        person_id = self.require_signed_in(actor, action=action)
        key_id, private = self._unlocked[person_id]
        return cast(int, self.store.db.table("signatures").insert({
            "action": action, "entity": entity, "entity_id": str(entity_id), "person_id": actor.person_id,
            "key_id": key_id, "content": people_keys.canonical(content),
            "signature": people_keys.sign(private, content), "signed_at": self.store.now()}).last_pk)

    def signatures(self, entity: str | None = None, entity_id: object = None) -> builtins.list[dict[str, Any]]:
        where: builtins.list[str] = []
        params: builtins.list[object] = []
        if entity:
            where.append("s.entity = ?")
            params.append(entity)
        if entity_id is not None:
            where.append("s.entity_id = ?")
            params.append(str(entity_id))
        return list(self.store.db.query(
            "SELECT s.*, p.name AS person_name FROM signatures s JOIN people p ON p.id = s.person_id"
            + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY s.id", params))

    def verify_signatures(self) -> builtins.list[dict[str, Any]]:
        """Every stored signature checked: made by the key of the person it names, over
        exactly the content the register holds now. Returns one problem dict per failure
        (``{"signature", "action", "entity", "entity_id", "problem"}``); ``[]`` = all good."""
        problems: builtins.list[dict[str, Any]] = []
        for row in self.store.db.query(
                "SELECT s.*, k.public_key, k.person_id AS key_person FROM signatures s "
                "LEFT JOIN person_keys k ON k.key_id = s.key_id ORDER BY s.id"):
            where = {"signature": row["id"], "action": row["action"], "entity": row["entity"],
                     "entity_id": row["entity_id"], "person_id": row["person_id"]}
            if row["public_key"] is None or row["key_person"] != row["person_id"]:
                problems.append({**where, "problem": "key_not_the_persons"})
                continue
            if not people_keys.verify(row["public_key"], row["content"], row["signature"]):
                problems.append({**where, "problem": "signature_invalid"})
                continue
            builder = SIGNED_CONTENT.get(row["action"])
            try:
                current = builder(self.store, row["entity_id"]) if builder else None
            except (NotFound, LookupError):
                current = None
            if current is None or people_keys.canonical(current) != row["content"]:
                problems.append({**where, "problem": "record_changed"})
        return problems


# -- what each act signs, rebuilt from the register's rows ------------------------------

def decision_content(store: Store, assessment_id: int | str) -> dict[str, Any]:
    row = store.db.execute(
        "SELECT d.assessment_id, d.decision, d.decided_by, d.decided_by_id, d.decided_at, d.verdict, d.total, "
        "d.note, a.scheme_id, a.scheme_version, a.scheme_hash, ap.uscc FROM decisions d "
        "JOIN assessments a ON a.id = d.assessment_id JOIN applicants ap ON ap.id = a.applicant_id "
        "WHERE d.assessment_id = ?", [int(assessment_id)]).fetchone()
    if row is None:
        raise LookupError(assessment_id)
    (aid, decision, name, person_id, at, verdict, total, note, scheme, version, scheme_hash, uscc) = row
    return {"kind": "brandmark.decision/1", "assessment": aid, "applicant_uscc": uscc, "scheme": scheme,
            "scheme_version": version, "scheme_hash": scheme_hash, "decision": decision, "verdict": verdict,
            "total": repr(float(total)), "note": note, "decided_by": person_id, "decided_by_name": name,
            "decided_at": at}


def finding_close_content(store: Store, finding_id: int | str) -> dict[str, Any]:
    """What a verifier signs on closing a finding. Closings since the findings schema step
    (``schema_findings``) carry the verification (what was checked, the evidence) and sign
    version 2; earlier ones keep version 1, so their stored signatures still verify."""
    row = store.db.execute(
        "SELECT id, assessment_id, item_id, grade, clause, corrective_action, closed_by, closed_by_id, closed_at, "
        "verification_checked, verification_evidence, number "
        "FROM findings WHERE id = ? AND status = 'closed'", [int(finding_id)]).fetchone()
    if row is None:
        raise LookupError(finding_id)
    (fid, aid, item, grade, clause, action, name, person_id, at, checked, evidence, number) = row
    content = {"kind": "brandmark.finding-close/1", "finding": fid, "assessment": aid, "item": item, "grade": grade,
               "clause": clause, "corrective_action": action, "closed_by": person_id, "closed_by_name": name,
               "closed_at": at}
    if checked is not None or evidence is not None:
        content.update({"kind": "brandmark.finding-close/2", "number": number, "verification_checked": checked,
                        "verification_evidence": evidence})
    return content


def authorisation_content(store: Store, number: str) -> dict[str, Any]:
    row = store.db.execute(
        "SELECT number, assessment_id, holder_uscc, holder_name, product, issued_on, expires_on, payload, "
        "authorised_by, authorised_by_id, replaces FROM certificates WHERE number = ?", [str(number)]).fetchone()
    if row is None:
        raise LookupError(number)
    (num, aid, uscc, holder, product, issued, expires, payload, name, person_id, replaces) = row
    return {"kind": "brandmark.authorisation/1", "certificate": num, "assessment": aid, "holder_uscc": uscc,
            "holder_name": holder, "product": product, "issued_on": issued, "expires_on": expires,
            "replaces": replaces, "payload_sha256": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
            "authorised_by": person_id, "authorised_by_name": name}


def visit_decision_content(store: Store, visit_id: int | str) -> dict[str, Any]:
    from brandmark.store.surveillance import visit_decision_content as content
    return content(store, visit_id)


def _application_decision_content(store: Store, decision_id: int | str) -> dict[str, Any]:
    from brandmark.store.applications import application_decision_content
    return application_decision_content(store, decision_id)


SIGNED_CONTENT: dict[str, Callable[[Store, str], dict[str, Any]]] = {
    "application.decide": _application_decision_content,
    "assessment.decide": decision_content,
    "surveillance.decide": visit_decision_content,
    "finding.close": finding_close_content,
    "certificate.authorise": authorisation_content,
}
