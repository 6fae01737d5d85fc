"""The body's keys live in its register: made once, sealed, restored with a backup, never
silently replaced; rotation keeps old certificates genuine, revocation marks forgeries;
the demo data set numbers and signs apart from the real register."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key

from brandmark.certificates.keys import (
    key_id, load_public_key, raw_public_bytes, unseal_private_key)
from brandmark.certificates.payload import PayloadContent, decode_payload, sign_payload
from brandmark.demo import load_demo
from brandmark.errors import RefusedInput
from brandmark.store import Store
from brandmark.store.body_keys import DEMO_BODY_CODE
from support import FIXED_NOW
from test_certificates_support import BODY_PASSPHRASE, decided_assessment, ensure_body_key, issued

PASSPHRASE = BODY_PASSPHRASE


def code_of(excinfo) -> str:
    return excinfo.value.problems[0].code


def at(day: dt.date):
    return lambda: dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)


def sealed_of(store, kid: str) -> str:
    return store.conn.execute("SELECT sealed_private_key FROM body_keys WHERE key_id = ?", [kid]).fetchone()[0]


# -- made once, in the register ----------------------------------------------------------
def test_a_new_register_has_no_key_and_asking_never_makes_one(mini_store):
    with pytest.raises(RefusedInput) as refused:
        mini_store.body_keys.signing_key()
    assert code_of(refused) == "keys.not_initialised"
    assert mini_store.body_keys.list() == []


def test_init_makes_the_key_once_sealed_inside_the_database(mini_store, tmp_path):
    row = mini_store.body_keys.init(PASSPHRASE, by="admin", work_factor=2 ** 10)
    with pytest.raises(RefusedInput) as again:
        mini_store.body_keys.init(PASSPHRASE, by="admin", work_factor=2 ** 10)
    assert code_of(again) == "keys.already_initialised"
    private = mini_store.body_keys.signing_key()
    assert key_id(private.public_key()) == row["key_id"]
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    mini_store.conn.commit()
    assert raw not in (tmp_path / "bare.db").read_bytes(), "the private key must not be stored in the clear"
    with pytest.raises(RefusedInput) as short:
        Store(tmp_path / "other.db", load_bundled_packs=False).body_keys.init("short", by="admin")
    assert code_of(short) == "keys.passphrase_too_short"


def test_a_copy_of_the_database_carries_the_key_and_another_database_has_none(store, tmp_path):
    cert = issued(store)
    store.close()
    shutil.copy(tmp_path / "test.db", tmp_path / "restored.db")
    with Store(tmp_path / "restored.db", load_bundled_packs=False) as restored:
        assert restored.body_keys.current()["key_id"] == cert["key_id"]
        assert restored.certificates.verify(cert["payload"])["genuine"]
        with pytest.raises(RefusedInput) as locked:
            restored.body_keys.signing_key()
        assert code_of(locked) == "keys.locked"
        with pytest.raises(RefusedInput) as wrong:
            restored.body_keys.unlock("not the passphrase")
        assert code_of(wrong) == "keys.wrong_passphrase"
        assert restored.body_keys.unlock(PASSPHRASE) == cert["key_id"]
    with Store(tmp_path / "elsewhere.db", load_bundled_packs=False) as elsewhere:
        assert elsewhere.body_keys.current() is None
        assert elsewhere.certificates.verify(cert["payload"])["genuine"] is False


def test_a_sealed_key_moved_to_another_keys_record_does_not_open(mini_store):
    ensure_body_key(mini_store)
    first = mini_store.body_keys.current()["key_id"]
    second = mini_store.body_keys.rotate(PASSPHRASE, by="admin", work_factor=2 ** 10)["key_id"]
    swapped = sealed_of(mini_store, first).replace(first, second)
    with pytest.raises(Exception):
        unseal_private_key(swapped, PASSPHRASE)


# -- never silently replaced ---------------------------------------------------------------
def _old_register_with_certificates(path, kid: str) -> None:
    """A register as an older brandmark left it: certificates signed by ``kid``, no key inside
    (the key row the helper made is removed behind the store's back)."""
    with Store(path, clock=lambda: FIXED_NOW) as store:
        assessment_id = decided_assessment(store)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER body_keys_never_deleted")
    conn.execute("DELETE FROM body_keys")
    conn.execute(
        "INSERT INTO certificates (number, assessment_id, applicant_id, holder_name, holder_uscc, product, "
        "scheme_id, scheme_version, issued_on, expires_on, issuing_body, authorised_by, key_id, created_at) "
        "SELECT 'BM-MINI-2025-00001', a.id, a.applicant_id, 'x', ap.uscc, '电水壶', 'mini', '1', '2025-05-01', "
        "'2028-04-30', '示例认证机构', '李四', ?, '2025-05-01T08:00:00+00:00' FROM assessments a "
        "JOIN applicants ap ON ap.id = a.applicant_id WHERE a.id = ?", [kid, assessment_id])
    conn.commit()
    conn.close()


def test_a_register_whose_key_is_lost_refuses_to_issue_and_names_the_restore(tmp_path):
    lost = key_id(Ed25519PrivateKey.generate().public_key())
    _old_register_with_certificates(tmp_path / "old.db", lost)
    with Store(tmp_path / "old.db", clock=lambda: FIXED_NOW) as store:
        with pytest.raises(RefusedInput) as refused:
            store.body_keys.signing_key()
        assert code_of(refused) == "keys.missing"
        assert lost in str(refused.value) and "brandmark-cli db restore FILE" in str(refused.value)
        with pytest.raises(RefusedInput) as init:
            store.body_keys.init(PASSPHRASE, by="admin", work_factor=2 ** 10)
        assert code_of(init) == "keys.missing", "a lost key is never replaced by a new one"
        assert store.body_keys.list() == []


def test_the_old_key_file_is_imported_once_into_the_register_it_signed(tmp_path, isolated_user_dirs):
    legacy = Ed25519PrivateKey.generate()
    folder = isolated_user_dirs / "keys"
    folder.mkdir()
    (folder / "signing-key.pem").write_bytes(legacy.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    kid = key_id(legacy.public_key())
    _old_register_with_certificates(tmp_path / "old.db", kid)
    with Store(tmp_path / "demo.db") as other:
        with pytest.raises(RefusedInput) as hint:
            other.body_keys.signing_key()
        assert code_of(hint) == "keys.legacy_not_imported"
    with Store(tmp_path / "old.db", clock=lambda: FIXED_NOW) as store:
        row = store.body_keys.init(PASSPHRASE, by="admin", work_factor=2 ** 10)
        assert row["key_id"] == kid and row["imported_from"] == str(folder / "signing-key.pem")
        assert row["valid_from"] == "2025-05-01"
        assert [e["action"] for e in store.db.query("SELECT action FROM events WHERE action LIKE 'keys.%'")][-1] \
            == "keys.import_legacy"
    assert not (folder / "signing-key.pem").exists(), "the old place must not hand the key to another database"
    assert (folder / f"signing-key.imported-{kid}.pem").is_file()
    with Store(tmp_path / "demo.db") as other:
        fresh = other.body_keys.init(PASSPHRASE, by="admin", work_factor=2 ** 10)
        assert fresh["key_id"] != kid


def test_the_old_key_file_is_not_taken_by_a_register_it_never_signed(mini_store, isolated_user_dirs):
    folder = isolated_user_dirs / "keys"
    folder.mkdir()
    legacy = Ed25519PrivateKey.generate()
    (folder / "signing-key.pem").write_bytes(legacy.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    row = mini_store.body_keys.init(PASSPHRASE, by="admin", work_factor=2 ** 10)
    assert row["key_id"] != key_id(legacy.public_key()) and row["legacy_key_left"]
    assert (folder / "signing-key.pem").is_file()


def test_a_corrupt_old_key_file_is_refused_and_left_as_it_is(mini_store, isolated_user_dirs):
    folder = isolated_user_dirs / "keys"
    folder.mkdir()
    (folder / "signing-key.pem").write_bytes(b"not a key")
    with pytest.raises(RefusedInput) as refused:
        mini_store.body_keys.init(PASSPHRASE, by="admin", work_factor=2 ** 10)
    assert code_of(refused) == "keys.unreadable_private"
    assert (folder / "signing-key.pem").read_bytes() == b"not a key"


# -- rotation and revocation --------------------------------------------------------------------
def _forge(store, kid: str, template: dict, issued_on: dt.date) -> str:
    """A payload signed with an old key of ours, dated ``issued_on`` (what a thief could make)."""
    private = unseal_private_key(sealed_of(store, kid), PASSPHRASE)
    return sign_payload(PayloadContent(number="BM-MINI-2026-09999", uscc=template["holder_uscc"],
                                       holder="伪造公司", product="电水壶", standard="T/ZZB 0001—2026",
                                       issued_on=issued_on, expires_on=issued_on + dt.timedelta(days=900)), private)


def test_rotation_keeps_old_certificates_genuine_and_signs_new_ones_with_the_new_key(tmp_path):
    store = Store(tmp_path / "r.db", clock=at(dt.date(2026, 3, 1)))
    before = issued(store)
    old = before["key_id"]
    new = store.body_keys.rotate(PASSPHRASE, by="admin", work_factor=2 ** 10)
    assert new["key_id"] != old and store.body_keys.get(old)["valid_until"] == "2026-03-01"
    after = issued(store)
    assert after["key_id"] == new["key_id"]
    for cert in (before, after):
        assert store.certificates.verify(cert["payload"])["genuine"], cert["number"]
    store.clock = at(dt.date(2026, 6, 1))
    late = store.certificates.verify(_forge(store, old, before, dt.date(2026, 6, 1)))
    assert late["genuine"] is False and "retired" in late["reason"]
    with pytest.raises(RefusedInput) as wrong:
        store.body_keys.rotate("not the passphrase", by="admin")
    assert code_of(wrong) == "keys.wrong_passphrase"
    store.close()


def test_revocation_makes_what_the_key_signed_since_the_date_not_genuine(tmp_path):
    store = Store(tmp_path / "v.db", clock=at(dt.date(2026, 3, 1)))
    early = issued(store)
    old = early["key_id"]
    store.clock = at(dt.date(2026, 5, 1))
    with pytest.raises(RefusedInput) as current:
        store.body_keys.revoke(old, since=dt.date(2026, 4, 1), reason="laptop stolen", by="admin",
                               passphrase=PASSPHRASE)
    assert code_of(current) == "keys.revoke_current"
    forged = _forge(store, old, early, dt.date(2026, 4, 20))     # retired 2026-05-01: still in its period
    assert store.certificates.verify(forged)["genuine"] is True, "before the revocation a stolen key forges"
    store.body_keys.rotate(PASSPHRASE, by="admin", work_factor=2 ** 10)
    with pytest.raises(RefusedInput) as wrong:
        store.body_keys.revoke(old, since=dt.date(2026, 4, 1), reason="laptop stolen", by="admin",
                               passphrase="not it at all")
    assert code_of(wrong) == "keys.wrong_passphrase"
    store.body_keys.revoke(old, since=dt.date(2026, 4, 1), reason="laptop stolen", by="admin",
                           passphrase=PASSPHRASE)
    result = store.certificates.verify(forged)
    assert result["genuine"] is False and "laptop stolen" in result["reason"] and "2026-04-01" in result["reason"]
    assert store.certificates.verify(early["payload"])["genuine"] is True, "signed before the date: still genuine"
    with pytest.raises(RefusedInput) as twice:
        store.body_keys.revoke(old, since=dt.date(2026, 4, 1), reason="x", by="admin", passphrase=PASSPHRASE)
    assert code_of(twice) == "keys.already_revoked"
    store.close()


# -- demo and real registers -------------------------------------------------------------------
def test_demo_certificates_have_their_own_body_code_and_key(tmp_path):
    real = Store(tmp_path / "real.db", clock=lambda: FIXED_NOW)
    demo = Store(tmp_path / "demo.db", clock=lambda: FIXED_NOW)
    real_cert = issued(real)
    load_demo(demo)
    granted = [row["id"] for row in demo.certificates.issuable() if not row["blocker"]]
    demo_cert = demo.certificates.issue(granted[0])
    assert demo_cert["number"].startswith(f"{DEMO_BODY_CODE}-") and real_cert["number"].startswith("BM-")
    assert demo_cert["key_id"] != real_cert["key_id"]
    assert demo.body_keys.current() is None, "the demo data set never makes the body's key"
    assert demo.body_keys.current("demo")["key_id"] == demo_cert["key_id"]
    assert real.certificates.verify(demo_cert["payload"])["genuine"] is False
    assert demo.certificates.verify(real_cert["payload"])["genuine"] is False
    shown = demo.certificates.verify(demo_cert["payload"])
    assert shown["genuine"] and "DEMO" in shown["reason"]
    # Loaded into the real register, the demo still numbers and signs apart.
    load_demo(real)
    granted = [row["id"] for row in real.certificates.issuable() if not row["blocker"] and row["scheme_id"] != "mini"]
    mixed = real.certificates.issue(granted[0])
    assert mixed["number"].startswith("DEMO-") and mixed["key_id"] == real.body_keys.current("demo")["key_id"]
    assert mixed["number"] not in real.certificates.export_status_list()
    with pytest.raises(RefusedInput) as reserved:
        real.certificates.configure(by="admin", body_code="demo")
    assert code_of(reserved) == "keys.demo_code_reserved"
    real.close()
    demo.close()


# -- other bodies' public keys ---------------------------------------------------------------------
def test_export_then_import_trusts_the_other_bodys_key(tmp_path):
    ours, theirs = Store(tmp_path / "ours.db"), Store(tmp_path / "theirs.db")
    ensure_body_key(theirs)
    exported = theirs.body_keys.export_public(tmp_path / "theirs.pem")
    assert exported not in ours.body_keys.known_keys()
    assert ours.body_keys.import_public(tmp_path / "theirs.pem") == exported
    assert ours.body_keys.known_keys()[exported].owner == "other"
    assert raw_public_bytes(load_public_key((tmp_path / "theirs.pem").read_bytes()))
    ours.close()
    theirs.close()


def test_keys_an_older_version_trusted_are_imported(tmp_path, isolated_user_dirs):
    other = Ed25519PrivateKey.generate().public_key()
    folder = isolated_user_dirs / "keys" / "trusted"
    folder.mkdir(parents=True)
    (folder / "x.pem").write_bytes(other.public_bytes(serialization.Encoding.PEM,
                                                      serialization.PublicFormat.SubjectPublicKeyInfo))
    (folder / "stray.pem").write_text("hello")
    with Store(tmp_path / "v.db", load_bundled_packs=False) as store:
        assert store.body_keys.known_keys()[key_id(other)].owner == "other"


def test_import_refuses_what_is_not_an_ed25519_public_key(tmp_path):
    keys = Store(tmp_path / "k.db", load_bundled_packs=False).body_keys
    (tmp_path / "junk.pem").write_text("hello")
    with pytest.raises(RefusedInput) as junk:
        keys.import_public(tmp_path / "junk.pem")
    assert code_of(junk) == "keys.not_pem"
    rsa = generate_private_key(public_exponent=65537, key_size=2048).public_key()
    (tmp_path / "rsa.pem").write_bytes(rsa.public_bytes(serialization.Encoding.PEM,
                                                        serialization.PublicFormat.SubjectPublicKeyInfo))
    with pytest.raises(RefusedInput) as not_ed:
        keys.import_public(tmp_path / "rsa.pem")
    assert code_of(not_ed) == "keys.not_ed25519"
    with pytest.raises(RefusedInput) as missing:
        keys.import_public(tmp_path / "missing.pem")
    assert code_of(missing) == "keys.cannot_read"


def test_a_payload_names_the_key_that_signed_it(store):
    cert = issued(store)
    assert decode_payload(cert["payload"]).key_id == store.body_keys.current()["key_id"]
