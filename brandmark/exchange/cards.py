"""A person's card: their public identity, carried to another register.

Made where the person's key lives (``people export-card``) and signed with that key, so
the card proves its maker holds the private half. Imported elsewhere (``people
import-card``) by an admin, who gives the roles and schemes there: the person then has
the same key in both registers, and what they sign on their laptop verifies at the body.

The file is JSON (docs/exchange.md)::

    {"format": "brandmark-person-card", "version": 1, "payload": "<canonical JSON text>",
     "signature": "<base64url Ed25519 over b'BMPC1\\n' + payload>"}

with the payload ``{"type": "brandmark-person-card", "name", "key_id", "public_key"
(PEM), "made_at"}``.
"""

from __future__ import annotations

import json
from pathlib import Path

from cryptography.exceptions import InvalidSignature

from brandmark import people_keys
from brandmark.atomic_files import write_text
from brandmark.errors import RefusedInput
from brandmark.exchange.bundle import b64url, canonical_bytes, unb64url

FORMAT = "brandmark-person-card"
VERSION = 1
DOMAIN = b"BMPC1\n"
MAX_CARD_BYTES = 64 * 1024


def build_card(store, ref) -> str:
    """The card of ``ref`` (a signed-in person of ``store``), as text."""
    person = store.people.find(ref, ("person",))
    from brandmark.store.people import Actor
    key_id, private = store.people.unlocked_key(Actor(person["name"], person["id"]))
    public_pem = store.people.key(key_id)["public_key"]
    payload = canonical_bytes({"type": FORMAT, "name": person["name"], "key_id": key_id,
                               "public_key": public_pem, "made_at": store.now()}).decode("utf-8")
    signature = b64url(private.sign(DOMAIN + payload.encode("utf-8")))
    return json.dumps({"format": FORMAT, "version": VERSION, "payload": payload, "signature": signature},
                      ensure_ascii=False, indent=1) + "\n"


def export_card(store, ref, path) -> dict:
    """Write ``ref``'s card to ``path`` (atomically); returns name, key id and file."""
    from brandmark.store.guard import refuse_if_register_file
    refuse_if_register_file(path, field=("output",))
    text = build_card(store, ref)
    write_text(path, text)
    card = read_card_text(text)
    return {"name": card["name"], "key_id": card["key_id"], "file": str(path)}


def read_card_text(text: str) -> dict:
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
    except RefusedInput:
        raise
    except InvalidSignature:
        raise RefusedInput.of("people.card_signature", ("card",)) from None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise RefusedInput.of("people.card_malformed", ("card",), why=f"{type(exc).__name__}: {exc}"[:200]) from None
    return card


def import_card(store, path, *, roles, schemes=None, by) -> dict:
    """Register the person of the card at ``path`` here, with the same key. ``by`` must be
    an active admin. Refused: a bad card (``people.card_malformed``, ``people.card_signature``),
    a key already registered (``people.card_key_taken``), a name that is or looks like a
    registered one (``people.name_taken``, ``people.lookalike``)."""
    from brandmark.store.guard import refuse_if_register_file
    refuse_if_register_file(path)
    admin = store.people.actor(by, field=("by",), role="admin", action="import-card")
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
    card = read_card_text(text)
    return store.people.add_with_public_key(name=card["name"], roles=roles, schemes=schemes, key_id=card["key_id"],
                                            public_pem=card["public_key"], by=admin,
                                            source=f"card:{Path(path).name}")
