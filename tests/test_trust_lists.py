"""Trust lists: the body's signed list of its keys (validity, revocations) that other offices
import; a rotation is followed, a revocation reaches them, an older list is refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.store import Store
from test_certificates_support import BODY_PASSPHRASE, issued

DAY = dt.date(2026, 3, 1)


def at(day: dt.date):
    return lambda: dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)


def code_of(excinfo) -> str:
    return excinfo.value.problems[0].code


@pytest.fixture
def body_and_office(tmp_path):
    body = Store(tmp_path / "body.db", clock=at(DAY))
    office = Store(tmp_path / "office.db", clock=at(DAY))
    yield body, office
    body.close()
    office.close()


def test_an_office_follows_the_body_through_rotation_and_revocation(body_and_office, tmp_path):
    body, office = body_and_office
    first_cert = issued(body)
    first = body.body_keys.export_trust_list(tmp_path / "1.json", BODY_PASSPHRASE)
    imported = office.body_keys.import_trust_list(tmp_path / "1.json")
    assert imported["first_from_this_body"] and imported["sequence"] == first["sequence"] == 1
    assert office.certificates.verify(first_cert["payload"])["genuine"]
    # The body rotates; the new list is signed by the old key too, so the office follows.
    body.clock = at(DAY + dt.timedelta(days=30))
    body.body_keys.rotate(BODY_PASSPHRASE, by="admin", work_factor=2 ** 10)
    second_cert = issued(body)
    body.body_keys.export_trust_list(tmp_path / "2.json", BODY_PASSPHRASE)
    assert office.certificates.verify(second_cert["payload"])["genuine"] is False, "new key not yet known"
    second = office.body_keys.import_trust_list(tmp_path / "2.json")
    assert not second["first_from_this_body"] and len(second["signed_by"]) == 2
    assert office.certificates.verify(second_cert["payload"])["genuine"]
    assert office.certificates.verify(first_cert["payload"])["genuine"], "old certificates stay genuine"
    # The old key is revoked from its first day: the office learns it from the third list.
    body.body_keys.revoke(first_cert["key_id"], since=DAY, reason="key stolen", by="admin",
                          passphrase=BODY_PASSPHRASE)
    body.body_keys.export_trust_list(tmp_path / "3.json", BODY_PASSPHRASE)
    third = office.body_keys.import_trust_list(tmp_path / "3.json")
    assert third["revoked"] == [first_cert["key_id"]] and len(third["signed_by"]) == 1
    result = office.certificates.verify(first_cert["payload"])
    assert result["genuine"] is False and "key stolen" in result["reason"]
    # An older list (which did not know of the revocation) is refused.
    with pytest.raises(RefusedInput) as older:
        office.body_keys.import_trust_list(tmp_path / "2.json")
    assert code_of(older) == "trust_list.older"
    assert office.certificates.verify(first_cert["payload"])["genuine"] is False


def test_a_list_from_keys_the_office_does_not_trust_for_that_body_is_refused(body_and_office, tmp_path):
    body, office = body_and_office
    issued(body)
    body.body_keys.export_trust_list(tmp_path / "real.json", BODY_PASSPHRASE)
    office.body_keys.import_trust_list(tmp_path / "real.json")
    impostor = Store(tmp_path / "impostor.db", clock=at(DAY))
    issued(impostor)                                     # same default body code BM, another key
    impostor.body_keys.export_trust_list(tmp_path / "fake.json", BODY_PASSPHRASE)
    impostor.body_keys.export_trust_list(tmp_path / "fake.json", BODY_PASSPHRASE)   # sequence 2
    with pytest.raises(RefusedInput) as refused:
        office.body_keys.import_trust_list(tmp_path / "fake.json")
    assert code_of(refused) == "trust_list.unknown_signer"
    impostor.close()


def test_an_altered_list_is_refused(body_and_office, tmp_path):
    body, office = body_and_office
    issued(body)
    path = tmp_path / "list.json"
    body.body_keys.export_trust_list(path, BODY_PASSPHRASE)
    envelope = json.loads(path.read_text(encoding="utf-8"))
    envelope["payload"] = envelope["payload"].replace('"valid_until":null', '"valid_until":"2026-03-02"')
    path.write_text(json.dumps(envelope), encoding="utf-8")
    with pytest.raises(RefusedInput) as refused:
        office.body_keys.import_trust_list(path)
    assert code_of(refused) == "trust_list.bad_signature"      # the signed payload was changed
    with pytest.raises(RefusedInput) as own:
        body.body_keys.export_trust_list(tmp_path / "own.json", BODY_PASSPHRASE)
        body.body_keys.import_trust_list(tmp_path / "own.json")
    assert code_of(own) == "trust_list.own"


def test_cli_export_and_import_trust_list(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    with Store(tmp_path / "body.db") as body:
        issued(body)
    code = main(["--db", str(tmp_path / "body.db"), "keys", "export-trust-list", "-o", str(tmp_path / "t.json"),
                 "--json"])
    exported = json.loads(capsys.readouterr().out)
    assert code == 0 and exported["sequence"] == 1
    code = main(["--db", str(tmp_path / "office.db"), "keys", "import-trust-list", str(tmp_path / "t.json")])
    out = capsys.readouterr().out
    assert code == 0 and exported["keys"][0] in out and "compare" in out
    code = main(["--db", str(tmp_path / "office.db"), "keys", "import-trust-list", str(tmp_path / "missing.json")])
    assert code == 2


def test_the_documented_trust_list_reader_matches_what_brandmark_writes(body_and_office, tmp_path):
    """docs/certificate-payload.md's reader is what third parties copy: it must accept our lists,
    follow a rotation from an earlier key, and apply revocations as brandmark does."""
    import re
    from pathlib import Path

    from cryptography.exceptions import InvalidSignature

    body, _ = body_and_office
    doc = (Path(__file__).resolve().parent.parent / "docs" / "certificate-payload.md").read_text(encoding="utf-8")
    snippet = next(block for block in re.findall(r"```python\n(.+?)```", doc, re.S) if "def read_trust_list" in block)
    namespace: dict = {}
    exec(snippet, namespace)  # noqa: S102 — our own documentation
    read_trust_list, key_allows = namespace["read_trust_list"], namespace["key_allows"]
    first = issued(body)["key_id"]
    body.clock = at(DAY + dt.timedelta(days=10))
    second = body.body_keys.rotate(BODY_PASSPHRASE, by="admin", work_factor=2 ** 10)["key_id"]
    body.body_keys.revoke(first, since=DAY + dt.timedelta(days=5), reason="lost", by="admin",
                          passphrase=BODY_PASSPHRASE)
    path = tmp_path / "list.json"
    body.body_keys.export_trust_list(path, BODY_PASSPHRASE)
    text = path.read_text(encoding="utf-8")
    keys = read_trust_list(text, {second})
    assert set(keys) == {first, second}
    assert key_allows(keys[first], "2026-03-02") and not key_allows(keys[first], "2026-03-06")
    assert key_allows(keys[second], "2026-03-11")
    with pytest.raises(ValueError):
        read_trust_list(text, {first})            # the revoked key no longer signs: no continuity from it
    envelope = json.loads(text)
    envelope["payload"] = envelope["payload"].replace('"lost"', '"found"')
    with pytest.raises(InvalidSignature):
        read_trust_list(json.dumps(envelope), {second})
