"""Dates are the body's: issue and expiry, the year of the number, deadlines, surveillance and
what reports print are in its time zone (default Asia/Shanghai); stored moments keep UTC."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.reports.common import load_record, meta_for, when
from brandmark.store import Store
from test_certificates_support import decided_assessment

# 07:30 on 1 January in Hangzhou is still 31 December in UTC.
NEW_YEAR_MORNING_IN_HANGZHOU = dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def new_year_store(tmp_path):
    with Store(tmp_path / "tz.db", clock=lambda: NEW_YEAR_MORNING_IN_HANGZHOU) as store:
        yield store


def test_at_0730_on_1_january_beijing_time_a_certificate_is_dated_1_january_in_the_new_series(new_year_store):
    store = new_year_store
    assert store.time_zone().key == "Asia/Shanghai"
    assert store.today() == dt.date(2026, 1, 1)
    cert = store.certificates.issue(decided_assessment(store))
    assert cert["issued_on"] == "2026-01-01" and cert["number"] == "BM-MINI-2026-00001"
    assert cert["expires_on"] == "2028-12-31"
    assert [s["due_on"] for s in store.certificates.surveillance(cert["number"])] == ["2027-01-01", "2028-01-01"]
    assert cert["created_at"] == "2025-12-31T23:30:00+00:00", "a stored moment keeps its UTC offset"


def test_the_body_time_zone_decides_the_date(new_year_store):
    store = new_year_store
    store.certificates.configure(by="admin", time_zone="UTC")
    cert = store.certificates.issue(decided_assessment(store))
    assert cert["issued_on"] == "2025-12-31" and cert["number"] == "BM-MINI-2025-00001"
    store.certificates.configure(by="admin", time_zone="Asia/Shanghai")
    assert store.certificates.body()["time_zone"] == "Asia/Shanghai"
    with pytest.raises(RefusedInput) as refused:
        store.certificates.configure(by="admin", time_zone="Mars/Olympus")
    assert refused.value.problems[0].code == "dates.unknown_time_zone"
    with pytest.raises(RefusedInput):
        store.certificates.configure(by="admin", time_zone="../../etc/passwd")


def test_a_finding_deadline_counts_from_the_body_date(new_year_store):
    store = new_year_store
    assessment_id = decided_assessment(store, decision=None)
    store.assessments.answer(assessment_id, "C1", "minor", by="张三")
    finding = store.assessments.findings(assessment_id)[0]
    assert finding["deadline"] == (dt.date(2026, 1, 1) + dt.timedelta(days=30)).isoformat()


def test_reports_print_local_time_with_the_zone_not_utc(new_year_store):
    store = new_year_store
    assessment_id = decided_assessment(store)
    meta = meta_for(load_record(store, assessment_id), "评审报告", "Assessment report")
    assert meta.footer_left == "生成 Generated 2026-01-01 07:30 +08:00"
    assert "UTC" not in meta.footer_left
    assert when("2025-12-31T23:30:00+00:00", zone="Asia/Shanghai", date_only=True) == "2026-01-01"


def test_cli_settings_time_zone(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert main(["--db", str(path), "certificates", "settings", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["time_zone"] == "Asia/Shanghai"
    assert main(["--db", str(path), "certificates", "settings", "--time-zone", "Europe/Berlin", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["time_zone"] == "Europe/Berlin"
    assert main(["--db", str(path), "certificates", "settings", "--time-zone", "Nowhere/Town"]) == 2
    assert "Nowhere/Town" in capsys.readouterr().err
