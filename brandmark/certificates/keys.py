"""The body's Ed25519 signing key and the public keys it trusts.

The private key is created on first use in ``<user data dir>/keys/signing-key.pem``
(PKCS#8 PEM, mode 0600, folder 0700). Public keys of other bodies, imported with
``keys import-public``, live in ``<user data dir>/keys/trusted/<key id>.pem``.

>>> ring = KeyRing(Path("/tmp/example-keys"))       # doctest: +SKIP
>>> ring.own_key_id()                               # doctest: +SKIP
'3f9a0c1d5e7b2a46'
>>> ring.export_public(Path("body-public.pem"))     # doctest: +SKIP
'3f9a0c1d5e7b2a46'
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from brandmark.errors import RefusedInput
from brandmark.paths import make_folder, user_data_dir

KEY_ID_BYTES = 8
PRIVATE_KEY_FILE = "signing-key.pem"
TRUSTED_DIR = "trusted"


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


def load_public_key(data: bytes, source: str = "public key") -> Ed25519PublicKey:
    """A PEM (SubjectPublicKeyInfo) Ed25519 public key, or a clear refusal."""
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise RefusedInput(f"{source} 不是 PEM 格式的公钥 / {source} is not a PEM public key: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise RefusedInput(f"{source} 不是 Ed25519 公钥 / {source} is a {type(key).__name__}, "
                           "not an Ed25519 public key")
    return key


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with mode 0600, atomically; never replace an existing key."""
    handle, temp_name = tempfile.mkstemp(prefix=".signing-key-", dir=str(path.parent))
    try:
        os.fchmod(handle, 0o600)
        os.write(handle, data)
        os.fsync(handle)
    finally:
        os.close(handle)
    try:
        # link() fails if another process created the key first: theirs wins, ours is dropped.
        os.link(temp_name, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(temp_name)


class KeyRing:
    """The signing key and the trusted public keys kept in one folder."""

    def __init__(self, directory: Path | None = None):
        self._directory = Path(directory) if directory is not None else None
        self._private: Ed25519PrivateKey | None = None

    @property
    def directory(self) -> Path:
        path = self._directory if self._directory is not None else user_data_dir() / "keys"
        make_folder(path, "密钥文件夹 keys folder", mode=0o700)
        return path

    @property
    def private_key_path(self) -> Path:
        return self.directory / PRIVATE_KEY_FILE

    def has_signing_key(self) -> bool:
        return self.private_key_path.is_file()

    def signing_key(self) -> Ed25519PrivateKey:
        """The body's private key, created (0600) on first use."""
        if self._private is not None:
            return self._private
        path = self.private_key_path
        if not path.exists():
            fresh = Ed25519PrivateKey.generate()
            _write_private(path, fresh.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            # Somebody loosened it (a copy, a backup restore): tighten, the key is secret.
            path.chmod(0o600)
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
            raise RefusedInput(f"签名私钥文件损坏 / the signing key {path} cannot be read ({exc}); restore it "
                               "from a backup (it is never overwritten automatically)") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise RefusedInput(f"签名私钥不是 Ed25519 / the signing key {path} is not an Ed25519 key")
        self._private = key
        return key

    def public_key(self) -> Ed25519PublicKey:
        return self.signing_key().public_key()

    def own_key_id(self) -> str:
        return key_id(self.public_key())

    def public_pem(self) -> bytes:
        return public_pem(self.public_key())

    def export_public(self, path: Path) -> str:
        """Write the body's public key (PEM) to ``path``; returns its key id."""
        try:
            Path(path).write_bytes(self.public_pem())
        except OSError as exc:
            raise RefusedInput(f"无法写入 / cannot write {path}: {exc.strerror or exc}") from None
        return self.own_key_id()

    # -- trusted keys ---------------------------------------------------------
    def import_public(self, path: Path) -> str:
        """Trust another body's public key (PEM file); returns its key id."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise RefusedInput(f"无法读取 / cannot read {path}: {exc.strerror or exc}") from None
        key = load_public_key(data, str(path))
        kid = key_id(key)
        folder = self.directory / TRUSTED_DIR
        folder.mkdir(exist_ok=True, mode=0o700)
        (folder / f"{kid}.pem").write_bytes(public_pem(key))
        return kid

    def trusted(self) -> dict[str, Ed25519PublicKey]:
        """Key id → public key: the body's own key plus every imported one."""
        keys: dict[str, Ed25519PublicKey] = {}
        folder = self.directory / TRUSTED_DIR
        if folder.is_dir():
            for file in sorted(folder.glob("*.pem")):
                try:
                    key = load_public_key(file.read_bytes(), str(file))
                except RefusedInput:
                    continue  # a stray file in the folder is not a trusted key
                keys[key_id(key)] = key
        own = self.public_key()
        keys[key_id(own)] = own
        return keys
