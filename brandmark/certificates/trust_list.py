"""A body's signed list of its public keys, with their validity periods and revocations.

Other offices import it (``keys import-trust-list FILE``) to check the body's certificates
and status lists offline, and import the next one after every rotation or revocation. The
file is JSON (format in docs/certificate-payload.md)::

    {"format": "brandmark-trust-list", "version": 1, "payload": "<the signed JSON text>",
     "signatures": [{"key_id": "<16 hex>", "signature": "<base64url Ed25519>"}, ...]}

Every signature covers ``b"BMTL1\\n" + payload.encode("utf-8")`` and is made by one of the
listed keys that is not revoked: the current key and the retired ones. So an office that
trusts any of the body's earlier keys can follow it through a rotation.

>>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
>>> key = Ed25519PrivateKey.generate()
>>> entry = key_entry(key.public_key(), valid_from="2026-01-01")
>>> text = build_trust_list([entry], body={"code": "BM"}, issued_at="2026-05-01T08:00:00+00:00",
...                         sequence=1, signers=[key])
>>> listing = verify_trust_list(text)
>>> listing.sequence, [k["key_id"] for k in listing.keys] == [entry["key_id"]], listing.signed_by == [entry["key_id"]]
(1, True, True)
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from brandmark.certificates.keys import key_id, public_from_raw, raw_public_bytes
from brandmark.errors import RefusedInput

FORMAT = "brandmark-trust-list"
VERSION = 1
DOMAIN = b"BMTL1\n"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_entry(public_key: Ed25519PublicKey, *, valid_from: str, valid_until: str | None = None,
              revoked_since: str | None = None, revoked_reason: str | None = None) -> dict[str, Any]:
    """One key as the list states it (dates as YYYY-MM-DD; ``valid_until`` None while current)."""
    return {"key_id": key_id(public_key), "public_key": _b64(raw_public_bytes(public_key)),
            "valid_from": valid_from, "valid_until": valid_until, "revoked_since": revoked_since,
            "revoked_reason": revoked_reason}


def build_trust_list(keys: list[dict[str, Any]], *, body: dict[str, Any], issued_at: str, sequence: int,
                     signers: list[Ed25519PrivateKey]) -> str:
    content = {"type": FORMAT, "version": VERSION, "body": body, "issued_at": issued_at, "sequence": sequence,
               "keys": keys}
    payload = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signatures = [{"key_id": key_id(s.public_key()), "signature": _b64(s.sign(DOMAIN + payload.encode("utf-8")))}
                  for s in signers]
    return json.dumps({"format": FORMAT, "version": VERSION, "payload": payload, "signatures": signatures},
                      ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class TrustList:
    body: dict[str, Any]
    issued_at: str
    sequence: int
    keys: list[dict[str, Any]]    # as key_entry() makes them, each checked against its key id
    signed_by: list[str]          # key ids whose signature verified

    def public_key(self, kid: str) -> Ed25519PublicKey:
        entry = next(k for k in self.keys if k["key_id"] == kid)
        return public_from_raw(_unb64(entry["public_key"]))


def verify_trust_list(text: str) -> TrustList:
    """Parse and check a trust list on its own terms: every signature by a listed, unrevoked key,
    the current key among the signers. Whether to believe the *body* is the importer's question."""
    try:
        envelope = json.loads(text)
        if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
            raise RefusedInput.of("trust_list.wrong_format", format=FORMAT)
        if envelope.get("version") != VERSION:
            raise RefusedInput.of("trust_list.unsupported_version", version=repr(envelope.get("version")),
                                  supported=VERSION)
        payload, signatures = envelope.get("payload"), envelope.get("signatures")
        if not isinstance(payload, str) or not isinstance(signatures, list) or not signatures:
            raise RefusedInput.of("trust_list.bad_envelope")
        content = json.loads(payload)
        if not isinstance(content, dict) or content.get("type") != FORMAT:
            raise RefusedInput.of("trust_list.not_a_trust_list")
        sequence = content["sequence"]
        if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
            raise RefusedInput.of("trust_list.bad_sequence", sequence=repr(sequence))
        keys = content["keys"]
        by_id: dict[str, Ed25519PublicKey] = {}
        for entry in keys:
            public = public_from_raw(_unb64(entry["public_key"]))
            if key_id(public) != entry["key_id"]:
                raise RefusedInput.of("trust_list.key_mismatch", key_id=entry["key_id"])
            by_id[entry["key_id"]] = public
        signed_by = []
        for item in signatures:
            kid = item["key_id"]
            entry = next((k for k in keys if k["key_id"] == kid), None)
            if entry is None:
                raise RefusedInput.of("trust_list.unlisted_signer", key_id=kid)
            if entry.get("revoked_since"):
                raise RefusedInput.of("trust_list.revoked_signer", key_id=kid)
            try:
                by_id[kid].verify(_unb64(item["signature"]), DOMAIN + payload.encode("utf-8"))
            except (InvalidSignature, ValueError):
                raise RefusedInput.of("trust_list.bad_signature", key_id=kid) from None
            signed_by.append(kid)
        current = [k["key_id"] for k in keys if not k.get("valid_until")]
        if len(current) != 1 or current[0] not in signed_by:
            raise RefusedInput.of("trust_list.current_key")
        return TrustList(content.get("body") or {}, str(content["issued_at"]), sequence, list(keys), signed_by)
    except RefusedInput:
        raise
    except (json.JSONDecodeError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise RefusedInput.of("trust_list.malformed", why=f"{type(exc).__name__}: {exc}") from None
