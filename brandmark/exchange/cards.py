"""A person's card: their public identity, carried to another register.

Made where the person's key lives (``people export-card``) and signed with that key, so
the card proves its maker holds the private half. Imported elsewhere (``people
import-card``) by an admin, who gives the roles and schemes there: the person then has
the same key in both registers, and what they sign on their laptop verifies at the body.

The file is JSON (docs/exchange.md)::

    {"format": "brandmark-person-card", "version": 1, "payload": "<canonical JSON text>",
     "signature": "<base64url Ed25519 over b'BMPC1\\n' + payload>"}

with the payload ``{"type": "brandmark-person-card", "name", "key_id", "public_key"
(PEM), "made_at"}`` and, when the person's key replaced earlier ones with their word,
``"rotations"``: the statements, oldest first, in which each earlier key named the next
(``people_keys.rotation_link``). A register that knows one of those keys as the person's
current key takes the card's key on that word (``update_card``); otherwise an admin must
accept it explicitly.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from cryptography.exceptions import InvalidSignature

from brandmark import people_keys
from brandmark.errors import NotFound
from brandmark.atomic_files import write_text
from brandmark.errors import RefusedInput
from brandmark.exchange.bundle import b64url, canonical_bytes, unb64url

if TYPE_CHECKING:
    from brandmark.store import Store
    from brandmark.store.people import Names, PersonRef

FORMAT = "brandmark-person-card"
VERSION = 1
DOMAIN = b"BMPC1\n"
MAX_CARD_BYTES = 64 * 1024
MAX_ROTATIONS = 16


def build_card(store: Store, ref: PersonRef | None) -> str:
    """The card of ``ref`` (a signed-in person of ``store``), as text."""
    person = store.people.find(ref, ("person",))
    from brandmark.store.people import Actor
    key_id, private = store.people.unlocked_key(Actor(person["name"], person["id"]))
    # The key a person is signed in with is registered to them: key() finds its row.
    public_pem = cast("dict[str, Any]", store.people.key(key_id))["public_key"]
    fields: dict[str, Any] = {"type": FORMAT, "name": person["name"], "key_id": key_id, "public_key": public_pem,
              "made_at": store.now()}
    rotations = store.people.rotations(person["id"])
    if rotations:
        fields["rotations"] = rotations
    payload = canonical_bytes(fields).decode("utf-8")
    signature = b64url(private.sign(DOMAIN + payload.encode("utf-8")))
    return json.dumps({"format": FORMAT, "version": VERSION, "payload": payload, "signature": signature},
                      ensure_ascii=False, indent=1) + "\n"


def export_card(store: Store, ref: PersonRef | None, path: str | os.PathLike[str]) -> dict[str, Any]:
    """Write ``ref``'s card to ``path`` (atomically); returns name, key id and file."""
    from brandmark.store.guard import refuse_if_register_file
    refuse_if_register_file(path, field=("output",))
    text = build_card(store, ref)
    write_text(path, text)
    card = read_card_text(text)
    return {"name": card["name"], "key_id": card["key_id"], "file": str(path)}


def read_card_text(text: str) -> dict[str, Any]:
    """The card's payload once its signature by its own key verified; else ``people.card_*``."""
    try:
        envelope = json.loads(text)
        if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
            raise RefusedInput.of("people.card_malformed", ("card",), why=f"not a {FORMAT} file")
        if envelope.get("version") != VERSION:
            raise RefusedInput.of("people.card_malformed", ("card",),
                                  why=f"version {str(envelope.get('version'))[:20]} is not {VERSION}")
        payload = envelope["payload"]
        card = json.loads(payload)
        if not isinstance(card, dict) or card.get("type") != FORMAT:
            raise RefusedInput.of("people.card_malformed", ("card",), why="the signed part is not a card")
        public = people_keys.load_public(card["public_key"])
        if people_keys.key_id_of(public) != card["key_id"]:
            raise RefusedInput.of("people.card_malformed", ("card",), why="key id does not match the key")
        public.verify(unb64url(envelope["signature"]), DOMAIN + payload.encode("utf-8"))
        if not isinstance(card.get("name"), str):
            raise RefusedInput.of("people.card_malformed", ("card",), why="no name")
        rotations = card.get("rotations", [])
        if not isinstance(rotations, list) or len(rotations) > MAX_ROTATIONS:
            raise RefusedInput.of("people.card_malformed", ("card",), why="rotations is not a short list")
        card["rotations"] = rotations
        card["statements"] = [people_keys.parse_rotation_link(link) for link in rotations]
        for before, after in zip(card["statements"], card["statements"][1:] + [None]):
            following = card["key_id"] if after is None else after["old_key_id"]
            if before["new_key_id"] != following:
                raise RefusedInput.of("people.card_malformed", ("card",), why="the rotations do not lead to the card's key")
    except RefusedInput:
        raise
    except InvalidSignature:
        raise RefusedInput.of("people.card_signature", ("card",)) from None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise RefusedInput.of("people.card_malformed", ("card",), why=f"{type(exc).__name__}: {exc}"[:200]) from None
    return card


def _read_card_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    from brandmark.store.guard import refuse_if_register_file
    refuse_if_register_file(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise RefusedInput.of("file.unreadable", what="card", path=str(path), why=exc.strerror or str(exc)) from None
    if len(data) > MAX_CARD_BYTES:
        raise RefusedInput.of("people.card_malformed", ("card",), why=f"larger than {MAX_CARD_BYTES} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RefusedInput.of("people.card_malformed", ("card",), why="not UTF-8") from None
    return read_card_text(text)


def import_card(store: Store, path: str | os.PathLike[str], *, roles: Names, schemes: Names | None = None,
                by: PersonRef | None) -> dict[str, Any]:
    """Register the person of the card at ``path`` here, with the same key. ``by`` must be
    an active admin. Refused: a bad card (``people.card_malformed``, ``people.card_signature``),
    a key already registered (``people.card_key_taken``), a name that is or looks like a
    registered one (``people.name_taken``, ``people.lookalike``): a registered person's new
    key comes in with ``update_card``."""
    admin = store.people.actor(by, field=("by",), role="admin", action="import-card")
    card = _read_card_file(path)
    return store.people.add_with_public_key(name=card["name"], roles=roles, schemes=schemes, key_id=card["key_id"],
                                            public_pem=card["public_key"], by=admin,
                                            source=f"card:{Path(path).name}")


def update_card(store: Store, path: str | os.PathLike[str], *, by: PersonRef | None, person: PersonRef | None = None,
                accept_new_key: bool = False) -> dict[str, Any]:
    """Take the new key on a registered person's card (``people update-card``), in one
    transaction, logged as ``person.key_update`` by ``by`` (an active admin).

    The person is the one the card's rotations start from (the key this register holds for
    them), else ``person``, else the card's name. The new key is believed when the card
    carries a chain of rotation statements from the person's current key here, each signed
    by the key before (``"how": "rotation"``), or when the admin accepts it explicitly with
    ``accept_new_key`` after checking with the person (``"how": "admin"``). The old key
    stays registered, retired: what it signed before still verifies.

    Returns the person with ``"unchanged"`` (the card's key is already their current one)
    and ``"how"``. Refused: ``people.card_inactive`` (a deactivated person),
    ``people.card_replayed`` (the card's key is one they had before), ``people.card_key_taken``
    (someone else's key), ``people.rotation_signature`` (a statement its key did not sign),
    ``people.rotation_not_current`` (the statements start from a key of theirs, or anyone's,
    that is not their current key here), ``people.key_unconfirmed`` (no statement from their
    current key and no ``accept_new_key``).
    """
    admin = store.people.actor(by, field=("by",), role="admin", action="update-card")
    card = _read_card_file(path)
    statements = card["statements"]
    known = {s["old_key_id"]: store.people.key(s["old_key_id"]) for s in statements}
    mine = store.people.key(card["key_id"])
    if mine is not None and person is not None and str(person).strip() \
            and store.people.find(person, ("person",))["id"] != mine["person_id"]:
        other = store.people.get(mine["person_id"])
        raise RefusedInput.of("people.card_key_taken", ("card",), key_id=card["key_id"], other=other["name"],
                              other_id=other["id"])
    target = _card_person(store, card, known, person)
    if not target["active"]:
        raise RefusedInput.of("people.card_inactive", ("card",), name=target["name"], id=target["id"],
                              since=target["since"])
    if mine is not None:
        if mine["person_id"] != target["id"]:
            other = store.people.get(mine["person_id"])
            raise RefusedInput.of("people.card_key_taken", ("card",), key_id=card["key_id"], other=other["name"],
                                  other_id=other["id"])
        if mine["retired_at"] is not None:
            raise RefusedInput.of("people.card_replayed", ("card",), key_id=card["key_id"], name=target["name"],
                                  id=target["id"], since=mine["retired_at"])
        return {**target, "unchanged": True, "how": None}
    current = target["key_id"]
    # Every statement whose signing key this register holds must verify with it; those
    # after the first one it can check verify with the key the statement before named.
    public_of = {k: row["public_key"] for k, row in known.items() if row is not None}
    for statement, link in zip(statements, card["rotations"]):
        pem = public_of.get(statement["old_key_id"])
        if pem is None:
            continue
        try:
            people_keys.read_rotation_link(link, old_public_pem=pem)
        except (InvalidSignature, ValueError):
            raise RefusedInput.of("people.rotation_signature", ("card",), key_id=statement["old_key_id"]) from None
        public_of[statement["new_key_id"]] = statement["new_public_key"]
    from_current = [i for i, s in enumerate(statements) if s["old_key_id"] == current]
    if from_current:
        how = "rotation"
        chain = card["rotations"][from_current[0]:]
    else:
        stale = [s["old_key_id"] for s in statements if known.get(s["old_key_id"]) is not None]
        if stale:
            raise RefusedInput.of("people.rotation_not_current", ("card",), key_id=stale[-1], name=target["name"],
                                  id=target["id"], current=current or "-")
        if not accept_new_key:
            raise RefusedInput.of("people.key_unconfirmed", ("card",), name=target["name"], id=target["id"],
                                  key_id=card["key_id"], current=current or "-")
        how, chain = "admin", []
    vouched = {"how": how, "rotations": chain, "accepted_by": admin.name, "accepted_by_id": admin.person_id,
               "card_made_at": card.get("made_at")}
    updated = store.people.replace_key(target["id"], key_id=card["key_id"], public_pem=card["public_key"],
                                       vouched=vouched, by=admin, details={
                                           "how": how, "rotations": len(chain), "card_made_at": card.get("made_at"),
                                           "card_name": card["name"], "source": f"card:{Path(path).name}"})
    return {**updated, "unchanged": False, "how": how}


def _card_person(store: Store, card: dict[str, Any], known: dict[str, dict[str, Any] | None],
                 ref: PersonRef | None) -> dict[str, Any]:
    """Whose new key the card brings: the owner of the key its rotations start from, which
    must agree with ``ref`` when given; else ``ref``; else the card's name."""
    owners = {row["person_id"] for row in known.values() if row is not None}
    if ref is not None and str(ref).strip():
        target = store.people.find(ref, ("person",))
        if owners - {target["id"]}:
            other = store.people.get(sorted(owners - {target["id"]})[0])
            stale = next(k for k, row in known.items() if row is not None and row["person_id"] == other["id"])
            raise RefusedInput.of("people.rotation_not_current", ("card",), key_id=stale, name=target["name"],
                                  id=target["id"], current=target["key_id"] or "-")
        return target
    if len(owners) == 1:
        return store.people.get(owners.pop())
    try:
        return store.people.find(card["name"], ("card",))
    except NotFound:
        raise RefusedInput.of("people.card_unknown_person", ("card",), name=card["name"]) from None
