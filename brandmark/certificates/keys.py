"""The Ed25519 key material of a body: key ids, PEM exchange, and the sealed private key.

The body's keys live in its register (``brandmark.store.body_keys``): the private key
sealed with the body's passphrase (scrypt, then AES-256-GCM), so a backup of the
database carries it and another database never shares it. This module is the pure part.

>>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
>>> key = Ed25519PrivateKey.generate()
>>> sealed = seal_private_key(key, "correct horse battery", work_factor=2 ** 10)
>>> key_id(unseal_private_key(sealed, "correct horse battery").public_key()) == key_id(key.public_key())
True
>>> unseal_private_key(sealed, "wrong")
Traceback (most recent call last):
...
brandmark.certificates.keys.WrongPassphrase
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from brandmark.errors import Problem, RefusedInput

KEY_ID_BYTES = 8
# scrypt's cost: 2**15 × 8 × 128 bytes = 32 MiB and ~0.1 s per derivation; a guessed
# passphrase costs an attacker the same. Kept with each sealed key, so it can be raised.
WORK_FACTOR = 2 ** 15
SEAL_FORMAT = "brandmark-sealed-ed25519"

# Where brandmark before 0.2 kept the body's key: beside the user, not the register.
LEGACY_KEY_DIR = "keys"
LEGACY_PRIVATE_KEY_FILE = "signing-key.pem"
LEGACY_TRUSTED_DIR = "trusted"


@dataclass(frozen=True)
class KnownKey:
    """A public key this register believes, with the dates it may be believed on."""

    key_id: str
    public_key: Ed25519PublicKey
    owner: str                      # "body" (ours), "demo" (our demo key) or "other" (another body's)
    body_code: str = ""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    revoked_since: dt.date | None = None
    revoked_reason: str = ""

    def distrust(self, signed_on: dt.date) -> Problem | None:
        """Why a signature dated ``signed_on`` by this key is not to be believed, or None."""
        if self.revoked_since is not None and signed_on >= self.revoked_since:
            return Problem("keys.signed_while_revoked", (), {
                "key_id": self.key_id, "since": self.revoked_since.isoformat(), "reason": self.revoked_reason})
        if self.valid_until is not None and signed_on > self.valid_until:
            return Problem("keys.signed_after_retirement", (), {
                "key_id": self.key_id, "until": self.valid_until.isoformat(), "date": signed_on.isoformat()})
        return None


class WrongPassphrase(Exception):
    """The passphrase does not open the sealed key (or the sealed key was damaged)."""


def raw_public_bytes(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id_bytes(public_key: Ed25519PublicKey) -> bytes:
    """The first 8 bytes of SHA-256 over the raw 32-byte public key."""
    return hashlib.sha256(raw_public_bytes(public_key)).digest()[:KEY_ID_BYTES]


def key_id(public_key: Ed25519PublicKey) -> str:
    """The key id as 16 lower-case hex digits (what people see and compare)."""
    return key_id_bytes(public_key).hex()


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def public_from_raw(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def load_public_key(data: bytes, source: str = "public key") -> Ed25519PublicKey:
    """A PEM (SubjectPublicKeyInfo) Ed25519 public key, or a clear refusal."""
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise RefusedInput.of("keys.not_pem", source=source, why=str(exc)) from None
    if not isinstance(key, Ed25519PublicKey):
        raise RefusedInput.of("keys.not_ed25519", source=source, kind=type(key).__name__)
    return key


def load_private_pem(data: bytes, source: str) -> Ed25519PrivateKey:
    """An unencrypted PKCS#8 PEM Ed25519 private key (the legacy key file), or a refusal."""
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise RefusedInput.of("keys.unreadable_private", source=source, why=str(exc)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise RefusedInput.of("keys.not_ed25519", source=source, kind=type(key).__name__)
    return key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _kdf(passphrase: str, salt: bytes, n: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(passphrase.encode("utf-8"))


def seal_private_key(private_key: Ed25519PrivateKey, passphrase: str, *, work_factor: int = WORK_FACTOR) -> str:
    """The private key sealed with ``passphrase`` as JSON text: scrypt → AES-256-GCM.

    The key id is the GCM associated data, so a sealed key moved to another key's record
    does not open.
    """
    raw = private_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
    salt, nonce = os.urandom(16), os.urandom(12)
    kid = key_id(private_key.public_key())
    sealed = AESGCM(_kdf(passphrase, salt, work_factor)).encrypt(nonce, raw, kid.encode("ascii"))
    return json.dumps({"format": SEAL_FORMAT, "key_id": kid, "kdf": "scrypt", "n": work_factor, "r": 8, "p": 1,
                       "salt": _b64(salt), "nonce": _b64(nonce), "ciphertext": _b64(sealed)}, sort_keys=True)


def unseal_private_key(sealed: str, passphrase: str) -> Ed25519PrivateKey:
    """Open a sealed key; ``WrongPassphrase`` when the passphrase (or the record) is wrong."""
    try:
        record = json.loads(sealed)
        if record.get("format") != SEAL_FORMAT or record.get("kdf") != "scrypt":
            raise WrongPassphrase()
        key = _kdf(passphrase, base64.b64decode(record["salt"]), int(record["n"]))
        raw = AESGCM(key).decrypt(base64.b64decode(record["nonce"]), base64.b64decode(record["ciphertext"]),
                                  record["key_id"].encode("ascii"))
        private = Ed25519PrivateKey.from_private_bytes(raw)
    except (InvalidTag, ValueError, KeyError, TypeError, AttributeError):
        raise WrongPassphrase() from None
    if key_id(private.public_key()) != record["key_id"]:
        raise WrongPassphrase()
    return private


def legacy_key_dir() -> Path:
    """The folder older versions kept the key in (``<user data dir>/keys``; not created here)."""
    from brandmark.paths import user_data_dir
    return user_data_dir() / LEGACY_KEY_DIR
