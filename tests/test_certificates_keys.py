"""The body's key pair: created once, owner-only, exportable; imported keys are trusted."""

from __future__ import annotations

import stat

import pytest
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from cryptography.hazmat.primitives import serialization

from brandmark.certificates.keys import KeyRing, load_public_key
from brandmark.errors import RefusedInput


def test_key_is_created_on_first_use_in_the_data_dir_with_owner_only_permissions(isolated_user_dirs):
    ring = KeyRing()
    assert not ring.has_signing_key()
    kid = ring.own_key_id()
    path = isolated_user_dirs / "keys" / "signing-key.pem"
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0
    assert KeyRing().own_key_id() == kid, "a second ring must load the same key, not make a new one"


def test_loosened_permissions_are_tightened(tmp_path):
    ring = KeyRing(tmp_path)
    ring.signing_key()
    ring.private_key_path.chmod(0o644)
    KeyRing(tmp_path).signing_key()
    assert stat.S_IMODE(ring.private_key_path.stat().st_mode) == 0o600


def test_a_corrupt_key_is_refused_and_never_overwritten(tmp_path):
    ring = KeyRing(tmp_path)
    ring.private_key_path.write_bytes(b"not a key")
    with pytest.raises(RefusedInput, match="cannot be read"):
        ring.signing_key()
    assert ring.private_key_path.read_bytes() == b"not a key"


def test_export_then_import_trusts_the_other_bodys_key(tmp_path):
    ours, theirs = KeyRing(tmp_path / "ours"), KeyRing(tmp_path / "theirs")
    exported = theirs.export_public(tmp_path / "theirs.pem")
    assert exported not in ours.trusted()
    assert ours.import_public(tmp_path / "theirs.pem") == exported
    assert set(ours.trusted()) == {ours.own_key_id(), exported}
    assert load_public_key((tmp_path / "theirs.pem").read_bytes())


def test_import_refuses_what_is_not_an_ed25519_public_key(tmp_path):
    ring = KeyRing(tmp_path / "ring")
    (tmp_path / "junk.pem").write_text("hello")
    with pytest.raises(RefusedInput, match="not a PEM public key"):
        ring.import_public(tmp_path / "junk.pem")
    rsa = generate_private_key(public_exponent=65537, key_size=2048).public_key()
    (tmp_path / "rsa.pem").write_bytes(rsa.public_bytes(serialization.Encoding.PEM,
                                                        serialization.PublicFormat.SubjectPublicKeyInfo))
    with pytest.raises(RefusedInput, match="not an Ed25519"):
        ring.import_public(tmp_path / "rsa.pem")
    with pytest.raises(RefusedInput, match="cannot read"):
        ring.import_public(tmp_path / "missing.pem")
