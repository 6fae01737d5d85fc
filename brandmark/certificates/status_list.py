"""A signed, dated list of certificate statuses, for offices that check offline.

The file is JSON::

    {"format": "brandmark-status-list", "version": 2, "key_id": "<16 hex>",
     "payload": "<the signed JSON text>", "signature": "<base64url Ed25519 signature>"}

The signature covers ``b"BMSL1\\n" + payload.encode("utf-8")``; the payload is kept as
the exact text that was signed, so a verifier never has to re-serialise JSON. The signed
content says when the list was issued (``issued_at``), until when it may be relied on
(``next_update``) and its ``sequence`` (one more for every list the body issues): a list past
its next update gives no status, and a list older than one already seen never overrides it.

>>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
>>> key = Ed25519PrivateKey.generate()
>>> text = build_status_list({"BM-1": ("valid", "2029-01-01")}, body={"code": "BM"},
...                          as_of="2026-05-01", generated_at="2026-05-01T08:00:00+00:00",
...                          next_update="2026-05-08T08:00:00+00:00", sequence=3, private_key=key)
>>> from brandmark.certificates.keys import key_id
>>> listing = verify_status_list(text, {key_id(key.public_key()): key.public_key()})
>>> listing.status_of("BM-1", dt.date(2026, 6, 1)), listing.status_of("BM-1", dt.date(2030, 1, 1))
('valid', 'expired')
>>> listing.sequence, listing.expired(dt.datetime(2026, 5, 8, 8, 0, 1, tzinfo=dt.timezone.utc))
(3, True)
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from brandmark.atomic_files import write_text
from brandmark.certificates.keys import key_id
from brandmark.errors import RefusedInput

FORMAT = "brandmark-status-list"
VERSION = 2
DEFAULT_VALIDITY_DAYS = 7
MAX_VALIDITY_DAYS = 366
DOMAIN = b"BMSL1\n"
LISTED = ("valid", "suspended", "withdrawn", "cancelled", "expired")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def build_status_list(entries: dict[str, tuple[str, str]], *, body: dict[str, Any], as_of: str, generated_at: str,
                      next_update: str, sequence: int, private_key: Ed25519PrivateKey) -> str:
    """The signed list file's text. ``entries``: number → (status as of ``as_of``, expires_on).

    ``generated_at`` and ``next_update`` are ISO 8601 moments with their UTC offset.
    """
    kid = key_id(private_key.public_key())
    content: dict[str, Any] = {"type": FORMAT, "version": VERSION, "key_id": kid, "body": body, "as_of": as_of,
                     "generated_at": generated_at, "issued_at": generated_at, "next_update": next_update,
                     "sequence": sequence}
    for status in LISTED:
        chosen = sorted(n for n, (s, _) in entries.items() if s == status)
        # valid and suspended carry their expiry, so a reader can tell when they lapse
        content[status] = ({n: entries[n][1] for n in chosen} if status in ("valid", "suspended") else chosen)
    payload = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signature = private_key.sign(DOMAIN + payload.encode("utf-8"))
    return json.dumps({"format": FORMAT, "version": VERSION, "key_id": kid, "payload": payload,
                       "signature": _b64(signature)}, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class StatusList:
    key_id: str
    body: dict[str, Any]
    as_of: dt.date
    generated_at: str
    entries: dict[str, tuple[str, str | None]]   # number → (status, expires_on or None)
    next_update: dt.datetime | None = None
    sequence: int = 0

    def expired(self, now: dt.datetime) -> bool:
        """Past its next update: no longer to be relied on for any status."""
        return self.next_update is None or now > self.next_update

    def status_of(self, number: str, today: dt.date) -> str:
        """The number's status on ``today`` per this list; ``unknown`` if it is not listed."""
        if number not in self.entries:
            return "unknown"
        status, expires = self.entries[number]
        if status in ("valid", "suspended") and expires and dt.date.fromisoformat(expires) < today:
            return "expired"
        return status

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in LISTED}
        for status, _ in self.entries.values():
            out[status] += 1
        return out


def verify_status_list(text: str, trusted: dict[str, Ed25519PublicKey]) -> StatusList:
    """Check the signature and parse; ``RefusedInput`` says why a list is not trustworthy."""
    try:
        envelope = json.loads(text)
    except (json.JSONDecodeError, TypeError) as exc:
        raise RefusedInput.of("status_list.not_json", why=str(exc)) from None
    except RecursionError:
        raise RefusedInput.of("status_list.too_deep") from None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise RefusedInput.of("status_list.wrong_format", format=FORMAT)
    if envelope.get("version") == 1:
        raise RefusedInput.of("status_list.version_1")
    if envelope.get("version") != VERSION:
        raise RefusedInput.of("status_list.unsupported_version", version=repr(envelope.get("version")),
                              supported=VERSION)
    payload, signature, kid = envelope.get("payload"), envelope.get("signature"), envelope.get("key_id")
    if not (isinstance(payload, str) and isinstance(signature, str) and isinstance(kid, str)):
        raise RefusedInput.of("status_list.not_strings")
    if kid not in trusted:
        raise RefusedInput.of("status_list.untrusted_key", key_id=kid)
    try:
        trusted[kid].verify(_unb64(signature), DOMAIN + payload.encode("utf-8"))
    except (InvalidSignature, ValueError):
        raise RefusedInput.of("status_list.bad_signature") from None
    # Genuine, but possibly written by another body's software: its shape is still checked.
    try:
        content = json.loads(payload)
        if not isinstance(content, dict):
            raise TypeError("the signed content is not an object")
        if content.get("key_id") != kid or content.get("type") != FORMAT:
            raise RefusedInput.of("status_list.content_mismatch")
        entries: dict[str, tuple[str, str | None]] = {}
        for status in LISTED:
            listed = content.get(status) or {}
            if isinstance(listed, dict):
                entries.update({str(n): (status, exp if isinstance(exp, str) else None) for n, exp in listed.items()})
            else:
                entries.update({str(n): (status, None) for n in listed})
        next_update = dt.datetime.fromisoformat(content["next_update"])
        if next_update.tzinfo is None:
            raise ValueError("next_update has no UTC offset")
        sequence = content["sequence"]
        if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
            raise ValueError(f"sequence {sequence!r} is not a positive whole number")
        return StatusList(kid, content.get("body") or {}, dt.date.fromisoformat(content["as_of"]),
                          content.get("issued_at") or content.get("generated_at", ""), entries,
                          next_update, sequence)
    except RefusedInput:
        raise
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise RefusedInput.of("status_list.malformed", why=f"{type(exc).__name__}: {exc}") from None


def issue_status_list(entries: dict[str, tuple[str, str]], *, body: dict[str, Any], today: dt.date, now: dt.datetime,
                      validity_days: int, sequence: int, private_key: Ed25519PrivateKey,
                      path: str | Path | None = None) -> str:
    """The list as of ``today``, good for ``validity_days`` from ``now``; written to ``path`` when given."""
    text = build_status_list(entries, body=body, as_of=today.isoformat(), generated_at=now.isoformat(),
                             next_update=(now + dt.timedelta(days=validity_days)).isoformat(), sequence=sequence,
                             private_key=private_key)
    if path is not None:
        write_text(path, text)
    return text


def read_status_list(path: str | Path, trusted: dict[str, Ed25519PublicKey]) -> StatusList:
    """Read a status list file and check it against the ``trusted`` keys."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RefusedInput.of("status_list.unreadable", path=str(path), why=str(exc)) from None
    return verify_status_list(text, trusted)
