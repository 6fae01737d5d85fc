"""The certificate register: who may get one, numbers never reused, statuses, reissue, surveillance."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest

from brandmark.certificates import numbering
from brandmark.errors import RefusedInput
from brandmark.store import Store
from brandmark.store.certificates import add_months, expiry_for, surveillance_dates
from support import FIXED_NOW, MINI_GRANT, REPO, refused_with
from test_certificates_support import ASSESSOR, BODY_PASSPHRASE, DECIDER, decided_assessment, ensure_mini, issued


def at(day: dt.date):
    return lambda: dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)


# -- who may get a certificate ------------------------------------------------------
def test_issue_from_a_granted_assessment_states_the_17065_content(store):
    assessment_id = decided_assessment(store)
    cert = store.certificates.issue(assessment_id)
    assert cert["number"] == f"BM-MINI-{FIXED_NOW.year}-00001"
    assert cert["holder_name"] == "杭州测试电器有限公司"
    assert cert["holder_address"] == "杭州市西湖区文三路 1 号"
    assert cert["factory_address"] == "杭州市余杭区 工厂路 2 号"
    assert cert["product"] == "电水壶" and cert["models"] == "K-1, K-2"
    assert cert["standard"] == "T/ZZB 0001—2026" and cert["implementation_rule"] == "ZJM-006-0001-2026"
    assert cert["issued_on"] == "2026-03-01" and cert["expires_on"] == "2029-02-28"
    assert cert["authorised_by"] == DECIDER
    assert cert["issuing_body"] and cert["status"] == "valid"
    assert cert["next_surveillance"] == "2027-03-01"
    assert store.certificates.verify(cert["payload"])["genuine"]


def test_a_self_assessment_never_gets_a_certificate(store):
    self_id = decided_assessment(store, mode="self", decision=None)
    with refused_with("certificate.self_assessment") as refused:
        store.certificates.issue(self_id)
    assert "自我评价" in str(refused.value)
    assert store.certificates.count() == 0


def test_undecided_and_refused_assessments_get_none(store):
    open_id = decided_assessment(store, decision=None)
    with refused_with("certificate.no_decision"):
        store.certificates.issue(open_id)
    refused_id = decided_assessment(store, decision="refuse")
    with refused_with("certificate.decided_refuse"):
        store.certificates.issue(refused_id)
    assert [r["id"] for r in store.certificates.issuable()] == []


def test_conditional_waits_for_every_corrective_action_to_be_closed(store):
    answers = {**MINI_GRANT, "C1": {"value": "minor", "note": "记录不全"}}
    assessment_id = decided_assessment(store, answers=answers, decision="conditional")
    with refused_with("certificate.corrective_actions_open"):
        store.certificates.issue(assessment_id)
    row = store.certificates.issuable()[0]
    assert row["id"] == assessment_id and "C1" in row["blocker"]
    # The assessments store does not yet allow verifying after a conditional decision;
    # record the verification directly, as that workflow will.
    store.db.execute("UPDATE findings SET status = 'closed', closed_by = '王五' WHERE assessment_id = ?",
                     [assessment_id])
    assert store.certificates.issuable()[0]["blocker"] == ""
    assert store.certificates.issue(assessment_id)["status"] == "valid"


def test_one_certificate_per_assessment(store):
    cert = issued(store)
    with refused_with("certificate.already_issued") as refused:
        store.certificates.issue(cert["assessment_id"])
    assert refused.value.problems[0].params["number"] == cert["number"]


def test_the_authorising_person_may_not_be_the_assessor(store):
    assessment_id = decided_assessment(store)
    with pytest.raises(RefusedInput, match="17065"):
        store.certificates.issue(assessment_id, authorised_by=" " + ASSESSOR)
    assert store.certificates.issue(assessment_id, authorised_by="赵六")["authorised_by"] == "赵六"


def test_a_holder_without_an_address_is_refused_and_nothing_is_numbered(store):
    assessment_id = decided_assessment(store, address="")
    with refused_with("certificate.no_address"):
        store.certificates.issue(assessment_id)
    assert store.db.execute("SELECT count(*) FROM certificate_sequences").fetchone()[0] == 0


def test_a_certificate_must_name_its_standard_and_rule(store):
    assessment_id = decided_assessment(store, standard=None, rule="")
    with refused_with("certificate.no_basis"):
        store.certificates.issue(assessment_id)


# -- numbers --------------------------------------------------------------------------
def test_numbers_follow_the_pattern_and_count_up(store):
    store.certificates.configure(by="admin", body_code="ZJQC", number_pattern="{body}-{year}-{seq:04d}")
    first, second = issued(store), issued(store)
    assert (first["number"], second["number"]) == ("ZJQC-2026-0001", "ZJQC-2026-0002")


def test_sequence_restarts_per_year_when_the_pattern_has_the_year(store):
    issued(store)
    store.clock = at(dt.date(2027, 1, 5))
    assert issued(store)["number"] == "BM-MINI-2027-00001"


def test_a_changed_pattern_never_reuses_an_existing_number(store):
    store.certificates.configure(by="admin", number_pattern="X-{seq}")
    assert issued(store)["number"] == "X-1"
    store.certificates.configure(by="admin", number_pattern="{body}-{seq}")   # new prefix, new counter
    store.certificates.configure(by="admin", body_code="X")                   # ... that meets X-1 again
    assert issued(store)["number"] == "X-2"


@pytest.mark.parametrize("pattern, problem", [
    ("{body}-{year}", "exactly once"), ("{seq}-{seq}", "exactly once"), ("{nope}-{seq}", "unknown fields"),
    ("{body} {seq}", "ASCII"), ("{seq", "malformed"), ("{seq:zz}", "cannot be rendered"),
])
def test_bad_patterns_are_refused(store, pattern, problem):
    with pytest.raises(RefusedInput, match=problem):
        store.certificates.configure(by="admin", number_pattern=pattern)
    assert store.certificates.number_pattern() == numbering.DEFAULT_PATTERN


def test_a_crash_after_the_commit_and_before_the_pdf_never_reuses_the_number(tmp_path, passphrase):
    """A real process dies (os._exit) while writing the PDF; the reopened register goes on at 2."""
    db = tmp_path / "crash.db"
    with Store(db, clock=at(FIXED_NOW.date())) as store:
        first = decided_assessment(store)
        second = decided_assessment(store)
    script = textwrap.dedent(f"""
        import os, sys
        import brandmark.certificates.pdf as pdf
        def die(*args, **kwargs):
            os._exit(9)          # the power goes off: no cleanup, no commit afterwards
        pdf.render_certificate = die
        from brandmark.cli import main
        sys.exit(main(["--db", {str(db)!r}, "certificates", "issue", "{first}", "-o", {str(tmp_path / "c.pdf")!r}]))
    """)
    env = {**os.environ, "PYTHONPATH": str(REPO), "BRANDMARK_BODY_PASSPHRASE": BODY_PASSPHRASE}
    crashed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert crashed.returncode == 9, crashed.stderr
    assert not (tmp_path / "c.pdf").exists()
    with Store(db, clock=at(FIXED_NOW.date())) as store:
        ensure_mini(store)         # signs the staff in again: a new session
        survivor = store.certificates.list()
        assert [c["number"] for c in survivor] == ["BM-MINI-2026-00001"]
        store.body_keys.unlock(BODY_PASSPHRASE)
        assert store.certificates.issue(second)["number"] == "BM-MINI-2026-00002"
        with refused_with("certificate.already_issued"):
            store.certificates.issue(first)


def test_issuing_commits_with_synchronous_full(store, monkeypatch):
    seen = []
    original = store.certificates._next_number

    def spy(*args):
        seen.append(store.conn.execute("PRAGMA synchronous").fetchone()[0])
        return original(*args)

    monkeypatch.setattr(store.certificates, "_next_number", spy)
    issued(store)
    assert seen == [2]   # 2 = FULL


def test_certificates_cannot_be_deleted(store):
    cert = issued(store)
    with pytest.raises(Exception, match="never deleted"):
        store.db.execute("DELETE FROM certificates WHERE number = ?", [cert["number"]])


# -- statuses ---------------------------------------------------------------------------
def test_status_changes_are_recorded_with_reason_who_and_when(store):
    number = issued(store)["number"]
    store.certificates.suspend(number, reason="监督抽样不合格", by="王五")
    store.certificates.reinstate(number, reason="整改验证通过", by="王五")
    store.certificates.withdraw(number, reason="再次不合格", by="赵六")
    history = store.certificates.history(number)
    assert [(h["action"], h["previous_status"], h["status"]) for h in history] == [
        ("issue", None, "valid"), ("suspend", "valid", "suspended"), ("reinstate", "suspended", "valid"),
        ("withdraw", "valid", "withdrawn")]
    assert history[1]["reason"] == "监督抽样不合格" and history[1]["changed_by"] == "王五"
    assert history[1]["changed_at"].startswith("2026-03-01")
    actions = [e["action"] for e in store.events.list(entity="certificate", entity_id=number)]
    assert actions[:3] == ["certificate.withdraw", "certificate.reinstate", "certificate.suspend"]
    with pytest.raises(Exception, match="append-only"):
        store.db.execute("DELETE FROM certificate_status_changes")


@pytest.mark.parametrize("path, refused", [
    (["reinstate"], "certificate.action_not_allowed"),
    (["suspend", "suspend"], "certificate.action_not_allowed"),
    (["withdraw", "reinstate"], "certificate.final_status"),
    (["cancel", "suspend"], "certificate.final_status"),
    (["withdraw", "cancel"], "certificate.final_status"),
])
def test_only_sensible_transitions(store, path, refused):
    number = issued(store)["number"]
    *allowed, last = path
    for action in allowed:
        store.certificates.change_status(number, action, reason="r", by="p")
    before = store.certificates.get(number)["status"]
    with refused_with(refused):
        store.certificates.change_status(number, last, reason="r", by="p")
    assert store.certificates.get(number)["status"] == before


def test_a_reason_and_a_person_are_required(store):
    number = issued(store)["number"]
    with pytest.raises(RefusedInput, match="reason"):
        store.certificates.suspend(number, reason="  ", by="p")
    with pytest.raises(RefusedInput, match="by"):
        store.certificates.suspend(number, reason="r", by="")
    with refused_with("certificate.not_found"):
        store.certificates.suspend("NOPE-1", reason="r", by="p")


def test_expired_is_computed_from_the_date(store):
    cert = issued(store)
    store.certificates.suspend(issued(store)["number"], reason="r", by="p")
    assert store.certificates.count("valid") == 1
    store.clock = at(dt.date(2029, 2, 28))
    assert store.certificates.get(cert["number"])["status"] == "valid"
    store.clock = at(dt.date(2029, 3, 1))
    assert store.certificates.get(cert["number"])["status"] == "expired"
    assert store.certificates.get(cert["number"])["stored_status"] == "valid"
    assert store.certificates.count("expired") == 2 and store.certificates.count("valid") == 0
    with refused_with("certificate.expired_action"):
        store.certificates.suspend(cert["number"], reason="r", by="p")


def test_list_filters_by_status_and_text(store):
    a, b = issued(store, name="甲公司"), issued(store, name="乙公司")
    store.certificates.cancel(b["number"], reason="holder asked", by="p")
    assert [c["number"] for c in store.certificates.list("valid")] == [a["number"]]
    assert [c["number"] for c in store.certificates.list("cancelled")] == [b["number"]]
    assert [c["number"] for c in store.certificates.list(search="乙")] == [b["number"]]
    assert store.certificates.list(search="%") == []
    with refused_with("certificate.unknown_status"):
        store.certificates.list("lost")


# -- reissue and surveillance ---------------------------------------------------------
def test_reissue_gets_a_new_number_names_the_old_one_and_cancels_it(store):
    old = issued(store)
    store.applicants.update(old["applicant_id"], name="杭州测试电器股份有限公司", actor="p")
    store.clock = at(dt.date(2026, 9, 1))
    new = store.certificates.reissue(old["number"], reason="企业更名", by="王五")
    assert new["number"] != old["number"] and new["replaces"] == old["number"]
    assert new["holder_name"] == "杭州测试电器股份有限公司"
    assert new["issued_on"] == "2026-09-01" and new["expires_on"] == old["expires_on"]
    old_now = store.certificates.get(old["number"])
    assert old_now["status"] == "cancelled" and old_now["replaced_by"] == new["number"]
    assert new["number"] in store.certificates.history(old["number"])[-1]["reason"]
    assert store.certificates.verify(new["payload"])["holder"] == "杭州测试电器股份有限公司"
    with refused_with("certificate.reissue_not_valid"):
        store.certificates.reissue(old["number"], reason="again", by="王五")


def test_surveillance_dates_follow_the_pack_interval(store):
    cert = issued(store)
    assert [s["due_on"] for s in store.certificates.surveillance(cert["number"])] == ["2027-03-01", "2028-03-01"]
    assert store.certificates.due_surveillance() == []
    assert [r["number"] for r in store.certificates.due_surveillance(dt.date(2027, 3, 1))] == [cert["number"]]
    after = store.certificates.record_surveillance(cert["number"], by="王五", done_on=dt.date(2027, 2, 20))
    assert after["next_surveillance"] == "2028-03-01"
    suspended = store.certificates.record_surveillance(cert["number"], by="王五", result="suspend",
                                                       note="抽样不合格")
    assert suspended["status"] == "suspended" and suspended["next_surveillance"] is None
    with pytest.raises(RefusedInput, match="note"):
        store.certificates.record_surveillance(issued(store)["number"], by="王五", result="withdraw")


def test_date_arithmetic():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert expiry_for(dt.date(2028, 2, 29), 3) == dt.date(2031, 2, 27)
    assert expiry_for(dt.date(2026, 1, 1), 3) == dt.date(2028, 12, 31)
    assert surveillance_dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31), 12) == [dt.date(2027, 1, 1),
                                                                                   dt.date(2028, 1, 1)]
    assert surveillance_dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31), 0) == []


# -- verification and the status list ---------------------------------------------------
def test_verify_reports_the_register_status(store):
    cert = issued(store)
    assert store.certificates.verify(cert["payload"])["status"] == "valid"
    store.certificates.suspend(cert["number"], reason="r", by="p")
    result = store.certificates.verify(cert["payload"])
    assert (result["genuine"], result["status"], result["uscc"]) == (True, "suspended", cert["holder_uscc"])


def test_verify_refuses_a_payload_from_an_untrusted_key_and_a_tampered_one(store, tmp_path):
    cert = issued(store)
    theirs = Store(tmp_path / "other.db", clock=at(FIXED_NOW.date()))     # its own key, in its own register
    foreign = issued(theirs)
    result = store.certificates.verify(foreign["payload"])
    assert result["genuine"] is False and "unknown key" in result["reason"] and result["status"] == "unknown"
    # Once the other body's public key is imported, it is genuine, but not in this register.
    theirs.body_keys.export_public(tmp_path / "theirs.pem")
    store.body_keys.import_public(tmp_path / "theirs.pem")
    result = store.certificates.verify(foreign["payload"])
    assert result["genuine"] is True and result["status"] == "unknown"
    # With their signed status list, the status is known offline.
    theirs.certificates.withdraw(foreign["number"], reason="r", by="p")
    theirs.certificates.export_status_list(tmp_path / "their-list.json")
    listing = store.certificates.load_status_list(tmp_path / "their-list.json")
    assert store.certificates.verify(foreign["payload"], status_list=listing)["status"] == "withdrawn"
    theirs.close()
    tampered = cert["payload"][:-5] + ("A" if cert["payload"][-5] != "A" else "B") + cert["payload"][-4:]
    assert store.certificates.verify(tampered)["genuine"] is False


def test_status_list_is_signed_and_any_edit_is_refused(store, tmp_path):
    valid, suspended = issued(store), issued(store)
    store.certificates.suspend(suspended["number"], reason="r", by="p")
    path = tmp_path / "list.json"
    store.certificates.export_status_list(path)
    listing = store.certificates.load_status_list(path)
    assert listing.as_of == FIXED_NOW.date()
    assert listing.status_of(valid["number"], FIXED_NOW.date()) == "valid"
    assert listing.status_of(suspended["number"], FIXED_NOW.date()) == "suspended"
    assert listing.status_of(valid["number"], dt.date(2030, 1, 1)) == "expired"
    assert listing.status_of("NOPE", FIXED_NOW.date()) == "unknown"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('\\"suspended\\":{\\"', '\\"valid\\":{\\"', 1), encoding="utf-8")
    with refused_with("status_list.bad_signature"):
        store.certificates.load_status_list(path)
    path.write_text("{", encoding="utf-8")
    with refused_with("status_list.not_json"):
        store.certificates.load_status_list(path)
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")     # was a RecursionError
    with refused_with("status_list.too_deep"):
        store.certificates.load_status_list(path)


@pytest.mark.parametrize("content", [
    [1], {"type": "brandmark-status-list"}, {"as_of": "2026-13-01"}, {"as_of": "2026-03-01", "valid": 5},
])
def test_a_genuine_status_list_with_malformed_content_is_refused(store, tmp_path, content):
    # Signed by a trusted key (ours here) but not shaped as a list: it used to end in a
    # KeyError, AttributeError or TypeError instead of a refusal.
    import base64
    import json

    from brandmark.certificates.status_list import DOMAIN, FORMAT, VERSION
    from brandmark.certificates.keys import key_id
    from test_certificates_support import ensure_body_key
    ensure_body_key(store)
    key = store.body_keys.signing_key()
    kid = key_id(key.public_key())
    if isinstance(content, dict):
        content = {"type": FORMAT, "key_id": kid, **content}
    payload = json.dumps(content)
    signature = base64.urlsafe_b64encode(key.sign(DOMAIN + payload.encode())).rstrip(b"=").decode()
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"format": FORMAT, "version": VERSION, "key_id": kid, "payload": payload,
                                "signature": signature}), encoding="utf-8")
    with pytest.raises(RefusedInput) as refused:
        store.certificates.load_status_list(path)
    assert refused.value.problems[0].code in ("status_list.malformed", "status_list.content_mismatch")
