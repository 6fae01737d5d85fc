"""Removing the demo data: every demo record and only those, one transaction, refused while
real work refers to it; the event log keeps every event and records the removal."""

from __future__ import annotations

import pytest

from brandmark.demo import ASSESSOR as DEMO_ASSESSOR, DECIDER as DEMO_DECIDER, load_demo
from brandmark.errors import RefusedInput
from brandmark.store.demo_removal import PLAN, remove_demo
from brandmark.store.verify import verify
from test_certificates_support import decided_assessment, ensure_body_key, issued

COUNTED = ("applicants", "products", "assessments", "answers", "findings", "evidence", "decisions", "certificates",
           "certificate_status_changes", "surveillance", "signatures", "people", "person_keys", "body_keys",
           "brand_value_estimates", "applications", "application_items", "application_decisions", "audit_plans",
           "consultancies")


def counts(store) -> dict[str, int]:
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def demo_certificate(store) -> dict:
    """A certificate issued from a demo assessment, as a user trying the demo would."""
    ensure_body_key(store)
    for row in store.certificates.issuable():
        if row["applicant_name"].startswith("【演示】") and not row["blocker"]:
            try:
                return store.certificates.issue(row["id"], authorised_by=DEMO_DECIDER, by=DEMO_DECIDER)
            except RefusedInput:
                continue          # a pack without a standard or rule to print
    raise AssertionError("no demo assessment could be issued")


def test_removes_every_demo_record_and_only_those(store, tmp_path):
    real = issued(store, name="杭州真实电器有限公司")         # real work before the demo
    before = counts(store)
    events_before = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    load_demo(store)
    cert = demo_certificate(store)
    # A surveillance visit opened on it: its assessment and the certificate refer to each other.
    visit = store.surveillance.open_visit(cert["number"], assessor=DEMO_ASSESSOR)
    assert store.db.execute("SELECT certificate_number FROM assessments WHERE id = ?",
                            [visit["assessment_id"]]).fetchone()[0] == cert["number"]
    store.certificates.suspend(cert["number"], reason="演示", by=DEMO_DECIDER)
    demo_assessment = store.db.execute("SELECT a.id FROM assessments a JOIN applicants p ON p.id = a.applicant_id "
                                       "WHERE p.demo = 1 AND a.status = 'open' LIMIT 1").fetchone()[0]
    evidence = tmp_path / "photo.txt"
    evidence.write_text("demo evidence")
    item = store.db.execute("SELECT item_id FROM answers WHERE assessment_id = ? LIMIT 1",
                            [demo_assessment]).fetchone()[0]
    store.assessments.add_evidence(demo_assessment, item, evidence, by="王五")
    assert counts(store)["people"] == before["people"] + 2
    events_loaded = store.db.execute("SELECT count(*) FROM events").fetchone()[0]

    removed = remove_demo(store, by="王五")

    assert counts(store) == before, "only the demo's rows went, every one of them"
    assert removed["applicants"] == 11 and removed["certificates"] == 1 and removed["people"] == 2
    assert store.certificates.get(real["number"])["status"] == "valid"
    assert not store.applicants.demo_loaded()
    events = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert events == events_loaded + 1 > events_before, "no event deleted; one records the removal"
    last = store.db.execute("SELECT action, actor, details FROM events ORDER BY id DESC LIMIT 1").fetchone()
    assert last[0] == "demo.remove" and last[1] == "王五" and cert["number"] in last[2]
    outcome = verify(store.conn)
    assert outcome.intact, outcome.first_broken
    load_demo(store)                     # and it can be loaded again
    assert store.applicants.demo_loaded()


def test_refused_while_real_work_is_credited_to_a_demo_person(store):
    load_demo(store)
    assessment = decided_assessment(store, name="宁波真实电器有限公司", decision=None)
    demo_assessor = store.people.find(DEMO_ASSESSOR)["id"]
    store.assessments.answer(assessment, "C1", "conform", by=DEMO_ASSESSOR)   # a real answer by the demo person
    before = counts(store)
    events = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(RefusedInput) as refused:
        remove_demo(store, by="王五")
    problem = refused.value.problems[0]
    assert problem.code == "demo.referenced"
    assert problem.params["table"] == "answers" and problem.params["parent"] == "people"
    assert counts(store) == before and store.db.execute("SELECT count(*) FROM events").fetchone()[0] == events
    assert store.people.get(demo_assessor)["name"] == DEMO_ASSESSOR


def test_refused_when_there_is_no_demo(store):
    with pytest.raises(RefusedInput) as refused:
        remove_demo(store, by="王五")
    assert refused.value.problems[0].code == "demo.not_loaded"


def test_the_keep_forever_rules_still_hold_for_real_records(store):
    real = issued(store)
    load_demo(store)
    for statement in ("DELETE FROM certificates WHERE number = ?", "DELETE FROM certificate_status_changes "
                      "WHERE number = ?"):
        with pytest.raises(Exception, match="never deleted|append-only"):
            store.db.execute(statement, [real["number"]])
    with pytest.raises(Exception, match="append-only"):
        store.db.execute("DELETE FROM signatures WHERE person_id NOT IN (SELECT id FROM people WHERE demo = 1)")
    with pytest.raises(Exception, match="kept"):
        store.db.execute("DELETE FROM person_keys WHERE person_id NOT IN (SELECT id FROM people WHERE demo = 1)")
    with pytest.raises(Exception, match="never deleted"):
        store.db.execute("DELETE FROM body_keys WHERE purpose = 'body'")
    with pytest.raises(Exception, match="append-only"):
        store.db.execute("DELETE FROM events WHERE action = 'demo.load' OR actor = 'demo'")


def test_every_table_that_can_hold_demo_work_is_in_the_plan(store):
    """A table with a foreign key to applicants, assessments or people that the plan does not
    know would refuse removal for ever (its rows are never counted as demo)."""
    planned = {table for table, _ in PLAN}
    referring = set()
    for (table,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for fk in store.db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            if fk[2] in ("applicants", "assessments", "certificates", "findings"):
                referring.add(table)
    assert referring <= planned, referring - planned


def test_the_cli_removes_the_demo(tmp_path, passphrase):
    from safety_support import run_cli
    db = tmp_path / "cli.db"
    code, _, err = run_cli("--db", db, "demo")
    assert code == 0, err
    code, out, err = run_cli("--db", db, "demo", "remove", "--by", "王五")
    assert code == 0, err
    assert "11" in out
    code, _, err = run_cli("--db", db, "demo", "remove")
    assert code == 2 and ("没有演示数据" in err or "no demo data" in err)
