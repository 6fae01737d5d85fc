"""A certificate replaced "at expiry" by a recertification is cancelled as superseded when the
day comes: every view shows it so from the day after its expiry, and the first write of that
(or any later) body's day records it in the legal record, once."""

from __future__ import annotations

import datetime as dt

import pytest

from brandmark.store.renewals import SETTLED_BY
from brandmark.uscc import make_uscc
from support import MINI_GRANT
from test_certificates_support import DECIDER, decided_assessment
from test_surveillance import VISITOR, Clock, register  # noqa: F401 — the fixtures

clock = pytest.fixture(lambda: Clock())


def replaced_at_expiry(store, clock) -> tuple[dict, dict]:
    old = store.certificates.issue(decided_assessment(store))
    clock.move_to(dt.date.fromisoformat(old["expires_on"]) - dt.timedelta(days=60))
    renewal = store.renewals.start_recertification(old["number"], assessor=VISITOR)
    store.assessments.answer_many(renewal, dict(MINI_GRANT), by=VISITOR)
    store.assessments.decide(renewal, "grant", by=DECIDER)
    return old, store.certificates.issue(renewal)


_writes = iter(range(1, 10_000))


def write_something(store) -> None:
    """Any write at all: the body's day is settled before the first one."""
    store.applicants.add(name=f"写入测试公司{next(_writes)}", uscc=make_uscc("91", "330100", f"W{next(_writes):07d}"),
                         region="杭州", actor="tester")


def superseded_events(store, number: str) -> list[dict]:
    return [e for e in store.events.list("certificate", number) if e["action"] == "certificate.superseded"]


def test_the_first_write_of_the_day_after_expiry_records_the_cancellation(register, clock):
    store = register
    old, new = replaced_at_expiry(store, clock)
    expiry = dt.date.fromisoformat(old["expires_on"])
    clock.move_to(expiry)
    write_something(store)
    assert store.certificates.get(old["number"])["stored_status"] == "valid"        # its last day
    assert superseded_events(store, old["number"]) == []
    # The day after: shown cancelled before anything is written ...
    clock.move_to(expiry + dt.timedelta(days=1))
    before = store.certificates.get(old["number"])
    assert (before["status"], before["stored_status"]) == ("cancelled", "valid")
    assert store.certificates.count("cancelled") == 1 and store.certificates.count("expired") == 0
    # ... and the day's first write records it: stored status, status change, event.
    write_something(store)
    after = store.certificates.get(old["number"])
    assert (after["status"], after["stored_status"]) == ("cancelled", "cancelled")
    change = store.certificates.history(old["number"])[-1]
    assert (change["action"], change["previous_status"], change["status"], change["changed_by"]) == \
        ("cancel", "valid", "cancelled", SETTLED_BY)
    assert new["number"] in change["reason"] and (expiry + dt.timedelta(days=1)).isoformat() in change["reason"]
    [event] = superseded_events(store, old["number"])
    assert event["actor"] == SETTLED_BY
    assert event["details"]["effective_on"] == (expiry + dt.timedelta(days=1)).isoformat()
    assert store.certificates.get(new["number"])["status"] == "valid"
    # Settled once: later writes, and a later day, add nothing.
    changes = len(store.certificates.history(old["number"]))
    write_something(store)
    clock.move_to(expiry + dt.timedelta(days=9))
    write_something(store)
    assert len(superseded_events(store, old["number"])) == 1
    assert len(store.certificates.history(old["number"])) == changes


def test_a_write_weeks_later_names_the_day_it_took_effect(register, clock):
    store = register
    old, _new = replaced_at_expiry(store, clock)
    expiry = dt.date.fromisoformat(old["expires_on"])
    clock.move_to(expiry + dt.timedelta(days=40))
    assert store.certificates.get(old["number"])["status"] == "cancelled"
    write_something(store)
    assert store.renewals.settle_replacements() == []            # settled already, once
    [event] = superseded_events(store, old["number"])
    assert event["details"]["effective_on"] == (expiry + dt.timedelta(days=1)).isoformat()


def test_a_certificate_not_replaced_still_expires(register, clock):
    store = register
    cert = store.certificates.issue(decided_assessment(store))
    clock.move_to(dt.date.fromisoformat(cert["expires_on"]) + dt.timedelta(days=1))
    write_something(store)
    row = store.certificates.get(cert["number"])
    assert (row["status"], row["stored_status"]) == ("expired", "valid")
    assert superseded_events(store, cert["number"]) == []


def test_the_register_still_verifies_and_the_cli_lists_it_cancelled(register, clock, capsys):
    import json

    from brandmark.cli import main
    store = register
    old, _new = replaced_at_expiry(store, clock)
    clock.move_to(dt.date.fromisoformat(old["expires_on"]) + dt.timedelta(days=3))
    write_something(store)
    db = store.path
    store.close()
    assert main(["--db", str(db), "db", "verify"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "certificates", "show", old["number"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "cancelled"


def test_replacements_are_looked_up_by_an_index(register, clock):
    """Reading a page of the register asks, per certificate, which one replaces it."""
    from brandmark.store.certificates import _EFFECTIVE
    from brandmark.store.migrations import MIGRATIONS
    from brandmark.store.schema_replacements import REPLACES_INDEX
    step = next(i for i, s in enumerate(MIGRATIONS, start=1)
                if getattr(s, "__closure__", None) and any(c.cell_contents == REPLACES_INDEX for c in s.__closure__))
    assert step <= register.schema_version
    plans = [" ".join(str(part) for part in row) for row in register.conn.execute(
        f"EXPLAIN QUERY PLAN SELECT c.number, {_EFFECTIVE} FROM certificates c", {"today": "2030-01-01"})]
    assert any("certificates_replaces" in line for line in plans), plans
    plans = [" ".join(str(part) for part in row) for row in register.conn.execute(
        "EXPLAIN QUERY PLAN " + register.certificates._select() + " WHERE c.number = 'X'", {"today": "2030-01-01"})]
    assert any("certificates_replaces" in line for line in plans), plans
