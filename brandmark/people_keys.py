"""A person's own signing key (Ed25519), kept encrypted with their passphrase.

The private key never rests in clear: its 32 raw bytes are sealed with AES-256-GCM under
a key derived from the passphrase by scrypt (RFC 7914), with a random salt and nonce.
The sealed form records its KDF parameters, so a register made with one cost opens with
another (tests use a small cost; see ``SCRYPT_N``). A wrong passphrase fails the GCM tag
and is refused (``people.wrong_passphrase``), never mistaken for another key.

What a person signs is *canonical JSON*: UTF-8, keys sorted, no spaces, non-ASCII kept
(``canonical``). The same content always gives the same bytes, so a verifier can rebuild
them from the register's rows and check the signature.

>>> sealed = new_key("correct horse battery", cost=2 ** 10)
>>> key = open_key(sealed.sealed_private, "correct horse battery")
>>> signature = sign(key, {"decision": "grant", "assessment": 3})
>>> verify(sealed.public_pem, canonical({"assessment": 3, "decision": "grant"}), signature)
True
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from brandmark.errors import RefusedInput

# cryptography is imported by the functions that sign, seal or verify, not with this module:
# the store imports it to list people, and the window's start-up need not wait for it.
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

# scrypt cost: 2**15 with r=8 takes 32 MiB and about 0.1 s, once per sign-in.
SCRYPT_N = 2 ** 15
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE_LENGTH = 8
SEAL_FORMAT = "brandmark-sealed-ed25519/1"


@dataclass(frozen=True)
class NewKey:
    key_id: str
    public_pem: str
    sealed_private: str


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def key_id_of(public: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def check_passphrase(passphrase: object) -> str:
    if not isinstance(passphrase, str) or not passphrase:
        raise RefusedInput.of("people.passphrase_missing", ("passphrase",))
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise RefusedInput.of("people.passphrase_short", ("passphrase",), minimum=MIN_PASSPHRASE_LENGTH)
    return passphrase


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(private: Ed25519PrivateKey, passphrase: str, *, cost: int | None = None) -> str:
    """The private key sealed with ``passphrase`` (JSON text)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    n = cost or SCRYPT_N
    salt, nonce = os.urandom(16), os.urandom(12)
    key_id = key_id_of(private.public_key())
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    sealed = AESGCM(_derive(passphrase, salt, n, SCRYPT_R, SCRYPT_P)).encrypt(nonce, raw, key_id.encode())
    return json.dumps({"format": SEAL_FORMAT, "key_id": key_id, "kdf": "scrypt", "n": n, "r": SCRYPT_R,
                       "p": SCRYPT_P, "salt": _b64(salt), "cipher": "aes-256-gcm", "nonce": _b64(nonce),
                       "sealed": _b64(sealed)}, sort_keys=True)


def new_key(passphrase: str, *, cost: int | None = None) -> NewKey:
    """A fresh key pair, the private half sealed with ``passphrase``."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
    return NewKey(key_id_of(private.public_key()), public_pem, seal(private, passphrase, cost=cost))


def sealed_parameters(sealed_text: str) -> dict[str, Any]:
    data = json.loads(sealed_text)
    return {k: data[k] for k in ("format", "key_id", "kdf", "n", "r", "p", "cipher")}


def open_key(sealed_text: str, passphrase: object) -> Ed25519PrivateKey:
    """The private key, or ``RefusedInput`` (``people.wrong_passphrase``)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not isinstance(passphrase, str) or not passphrase:
        raise RefusedInput.of("people.passphrase_missing", ("passphrase",))
    data = json.loads(sealed_text)
    if data.get("format") != SEAL_FORMAT or data.get("kdf") != "scrypt":
        raise RefusedInput.of("people.key_format", format=str(data.get("format")))
    try:
        key = _derive(passphrase, base64.b64decode(data["salt"]), int(data["n"]), int(data["r"]), int(data["p"]))
        raw = AESGCM(key).decrypt(base64.b64decode(data["nonce"]), base64.b64decode(data["sealed"]),
                                  data["key_id"].encode())
    except InvalidTag:
        raise RefusedInput.of("people.wrong_passphrase", ("passphrase",)) from None
    return Ed25519PrivateKey.from_private_bytes(raw)


def canonical(content: dict[str, Any]) -> str:
    """The text that is signed: JSON, keys sorted, no spaces, non-ASCII as it is."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sign(private: Ed25519PrivateKey, content: dict[str, Any]) -> str:
    return _b64(private.sign(canonical(content).encode("utf-8")))


def load_public(public_pem: str) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def verify(public_pem: str, content_text: str, signature: str) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        load_public(public_pem).verify(base64.b64decode(signature), content_text.encode("utf-8"))
    except (InvalidSignature, ValueError):
        return False
    return True


# -- key rotation: the old key vouches for the new one --------------------------------------

ROTATION_TYPE = "brandmark-key-rotation"
ROTATION_DOMAIN = b"BMKR1\n"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def rotation_link(old_private: Ed25519PrivateKey, *, name: str, new_key_id: str, new_public_pem: str,
                  made_at: str) -> dict[str, str]:
    """The statement ``{"statement", "signature"}`` in which a person's old key names the
    key that replaces it: ``statement`` is canonical JSON (``type``, ``name``,
    ``old_key_id``, ``new_key_id``, ``new_public_key``, ``made_at``), ``signature`` Ed25519
    by the old key over ``b"BMKR1\\n"`` + the statement (UTF-8), base64url without padding.

    >>> from cryptography.hazmat.primitives import serialization
    >>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    >>> old, new = Ed25519PrivateKey.generate(), new_key("correct horse battery", cost=2 ** 10)
    >>> link = rotation_link(old, name="张三", new_key_id=new.key_id, new_public_pem=new.public_pem,
    ...                      made_at="2026-03-01T09:30:00+00:00")
    >>> public = old.public_key().public_bytes(serialization.Encoding.PEM,
    ...                                        serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    >>> read_rotation_link(link, old_public_pem=public)["new_key_id"] == new.key_id
    True
    """
    statement = canonical({"type": ROTATION_TYPE, "name": name, "old_key_id": key_id_of(old_private.public_key()),
                           "new_key_id": new_key_id, "new_public_key": new_public_pem, "made_at": made_at})
    return {"statement": statement,
            "signature": _b64url(old_private.sign(ROTATION_DOMAIN + statement.encode("utf-8")))}


def parse_rotation_link(link: object) -> dict[str, Any]:
    """The statement of a link, its form checked (not its signature): ``ValueError`` when
    it is not one, or when its new key does not have the key id it claims."""
    if not isinstance(link, dict) or not isinstance(link.get("statement"), str) \
            or not isinstance(link.get("signature"), str):
        raise ValueError("a rotation is not {statement, signature}")
    statement = json.loads(link["statement"])
    if not isinstance(statement, dict) or statement.get("type") != ROTATION_TYPE:
        raise ValueError("a rotation's statement is not a key rotation")
    for key in ("name", "old_key_id", "new_key_id", "new_public_key", "made_at"):
        if not isinstance(statement.get(key), str):
            raise ValueError(f"a rotation's statement has no {key}")
    if key_id_of(load_public(statement["new_public_key"])) != statement["new_key_id"]:
        raise ValueError("a rotation's new key id does not match its key")
    return statement


def read_rotation_link(link: object, *, old_public_pem: str) -> dict[str, Any]:
    """The statement of ``link`` once its signature by the old key verified; ``ValueError``
    when malformed, ``InvalidSignature`` when the old key did not sign it."""
    statement = parse_rotation_link(link)
    # parse_rotation_link refused anything but a dict whose statement and signature are text.
    checked = cast("dict[str, str]", link)
    old = load_public(old_public_pem)
    if key_id_of(old) != statement["old_key_id"]:
        raise ValueError("the old key given is not the one the rotation names")
    old.verify(_unb64url(checked["signature"]), ROTATION_DOMAIN + checked["statement"].encode("utf-8"))
    return statement
