"""Status lists go stale: each carries issued-at, next-update and a sequence, all signed; a list
past its date gives no status, and an older list never overrides a newer one already seen."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.store import Store
from test_certificates_support import BODY_PASSPHRASE, issued
from support import refused_with

DAY = dt.date(2026, 3, 1)


def at(day: dt.date, hour: int = 9):
    return lambda: dt.datetime.combine(day, dt.time(hour), tzinfo=dt.timezone.utc)


@pytest.fixture
def body_and_office(tmp_path):
    """The issuing body, and another office that trusts its key and checks offline."""
    body = Store(tmp_path / "body.db", clock=at(DAY))
    office = Store(tmp_path / "office.db", clock=at(DAY))
    cert = issued(body)
    body.body_keys.export_public(tmp_path / "body.pem")
    office.body_keys.import_public(tmp_path / "body.pem")
    yield body, office, cert
    body.close()
    office.close()


def test_a_list_carries_its_dates_and_sequence_signed(body_and_office, tmp_path):
    body, office, _ = body_and_office
    first = office.certificates.load_status_list(_export(body, tmp_path / "1.json"))
    second = office.certificates.load_status_list(_export(body, tmp_path / "2.json"))
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.next_update == dt.datetime(2026, 3, 8, 9, tzinfo=dt.timezone.utc)
    assert first.generated_at == "2026-03-01T09:00:00+00:00"
    body.certificates.configure(by="admin", status_list_days=1)
    third = office.certificates.load_status_list(_export(body, tmp_path / "3.json"))
    assert third.next_update == dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
    with pytest.raises(RefusedInput) as refused:
        body.certificates.configure(by="admin", status_list_days=0)
    assert refused.value.problems[0].code == "status_list.bad_validity"
    text = (tmp_path / "1.json").read_text(encoding="utf-8")
    (tmp_path / "1.json").write_text(text.replace("2026-03-08T09", "2027-03-08T09"), encoding="utf-8")
    with refused_with("status_list.bad_signature"):
        office.certificates.load_status_list(tmp_path / "1.json")


def _export(store, path):
    store.certificates.export_status_list(path)
    return path


def test_a_list_past_its_next_update_gives_status_unknown_never_valid(body_and_office, tmp_path):
    body, office, cert = body_and_office
    listing = office.certificates.load_status_list(_export(body, tmp_path / "list.json"))
    assert office.certificates.verify(cert["payload"], status_list=listing)["status"] == "valid"
    office.clock = at(DAY + dt.timedelta(days=7), hour=10)          # an hour past its next update
    result = office.certificates.verify(cert["payload"], status_list=listing)
    assert result["genuine"] is True and result["status"] == "unknown"
    assert "expired on 2026-03-08 17:00 +0800" in result["reason"]


def test_an_older_list_never_overrides_a_newer_one_seen(body_and_office, tmp_path):
    body, office, cert = body_and_office
    old = _export(body, tmp_path / "old.json")
    body.certificates.withdraw(cert["number"], reason="监督不合格", by="李四")
    new = _export(body, tmp_path / "new.json")
    newer = office.certificates.load_status_list(new)
    assert office.certificates.verify(cert["payload"], status_list=newer)["status"] == "withdrawn"
    replayed = office.certificates.load_status_list(old)        # genuine, signed, and out of date
    result = office.certificates.verify(cert["payload"], status_list=replayed)
    assert result["status"] == "unknown" and "sequence 1" in result["reason"] and "sequence 2" in result["reason"]
    # The memory is the office's register: a new session remembers it too.
    office.close()
    with Store(office.path, clock=at(DAY)) as reopened:
        again = reopened.certificates.verify(cert["payload"], status_list=reopened.certificates.load_status_list(old))
        assert again["status"] == "unknown"


def test_a_version_1_list_without_dates_is_refused(body_and_office, tmp_path):
    body, office, _ = body_and_office
    path = _export(body, tmp_path / "list.json")
    envelope = json.loads(path.read_text(encoding="utf-8"))
    envelope["version"] = 1
    path.write_text(json.dumps(envelope), encoding="utf-8")
    with refused_with("status_list.version_1"):
        office.certificates.load_status_list(path)


def test_cli_verify_with_an_expired_list_reports_unknown(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    with Store(tmp_path / "body.db", clock=at(dt.date(2020, 1, 1))) as body:
        cert = issued(body)
    # The CLI's clock is today's: a list made for "2020-01-01 + 7 days" is long past its date.
    with Store(tmp_path / "body.db", clock=at(dt.date(2020, 1, 1))) as body:
        body.body_keys.unlock(BODY_PASSPHRASE)
        body.certificates.export_status_list(tmp_path / "old.json")
    code = main(["--db", str(tmp_path / "body.db"), "certificates", "verify", "--payload", cert["payload"],
                 "--status-list", str(tmp_path / "old.json"), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["genuine"] and result["status"] == "unknown"
    assert "status list expired on 2020-01-08" in result["reason"]
    code = main(["--db", str(tmp_path / "body.db"), "certificates", "status-list", "--check",
                 str(tmp_path / "old.json"), "--json"])
    checked = json.loads(capsys.readouterr().out)
    assert code == 0 and checked["expired"] is True and checked["sequence"] == 1
