"""Recertification and scope changes: a certificate replaced by a new one (issue 16 §5)."""

from __future__ import annotations

import datetime as dt

import pytest

from brandmark.certificates.status_list import verify_status_list
from brandmark.errors import RefusedInput
from brandmark.store.certificates import add_months, expiry_for
from support import MINI_GRANT
from test_certificates_support import DECIDER, decided_assessment
from test_surveillance import VISITOR, Clock, register  # noqa: F401 — the fixtures

clock = pytest.fixture(lambda: Clock())


def decide_grant(store, assessment_id: int, answers: dict) -> None:
    store.assessments.answer_many(assessment_id, answers, by=VISITOR)
    store.assessments.decide(assessment_id, "grant", by=DECIDER)


def test_recertification_replaces_at_expiry(register, clock):
    store = register
    old = store.certificates.issue(decided_assessment(store))
    old_expiry = dt.date.fromisoformat(old["expires_on"])
    clock.move_to(old_expiry - dt.timedelta(days=60))
    renewal = store.renewals.start_recertification(old["number"], assessor=VISITOR)
    a = store.assessments.get(renewal)
    assert (a["kind"], a["certificate_number"], a["replace_at"]) == ("recertification", old["number"], "expiry")
    assert len(store.assessments.pack_for(renewal).items()) == len(store.schemes.get("mini").items())   # full
    with pytest.raises(RefusedInput) as exc:
        store.renewals.start_recertification(old["number"], assessor=VISITOR)
    assert exc.value.problems[0].code == "renewals.pending"
    decide_grant(store, renewal, dict(MINI_GRANT))
    new = store.certificates.issue(renewal)
    assert new["number"] != old["number"] and new["replaces"] == old["number"]
    # The new one runs on from the day after the old one's expiry; the old one stays valid until then.
    assert new["expires_on"] == expiry_for(old_expiry + dt.timedelta(days=1), 3).isoformat()
    assert store.certificates.get(old["number"])["status"] == "valid"
    assert store.certificates.get(old["number"])["replaced_by"] == new["number"]
    assert store.surveillance.visits(new["number"])[0]["due_on"] == \
        add_months(old_expiry + dt.timedelta(days=1), 12).isoformat()
    assert "replaced by" in store.certificates.history(old["number"])[-1]["reason"]
    clock.move_to(old_expiry + dt.timedelta(days=1))
    # Superseded, not merely expired (tests/test_replacement_at_expiry.py has the record of it).
    assert store.certificates.get(old["number"])["status"] == "cancelled"
    assert store.certificates.get(new["number"])["status"] == "valid"
    with pytest.raises(RefusedInput) as exc:          # already replaced: no second renewal
        store.renewals.start_recertification(old["number"], assessor=VISITOR)
    assert exc.value.problems[0].code in ("renewals.not_valid", "renewals.already_replaced")


def test_recertification_replaces_at_once(register, clock):
    store = register
    old = store.certificates.issue(decided_assessment(store))
    clock.move_to(dt.date.fromisoformat(old["expires_on"]) - dt.timedelta(days=90))
    renewal = store.renewals.start_recertification(old["number"], assessor=VISITOR, replace_at="now")
    decide_grant(store, renewal, dict(MINI_GRANT))
    new = store.certificates.issue(renewal)
    today = store.today()
    assert (new["issued_on"], new["expires_on"]) == (today.isoformat(), expiry_for(today, 3).isoformat())
    gone = store.certificates.get(old["number"])
    assert gone["status"] == "cancelled" and gone["replaced_by"] == new["number"]
    assert "superseded by" in store.certificates.history(old["number"])[-1]["reason"]
    # Status list: the old one cancelled, the new one valid; the old one's visits are off the due list.
    listing = store.certificates.export_status_list()
    parsed = verify_status_list(listing, store.body_keys.trusted_public())
    assert parsed.status_of(old["number"], today) == "cancelled"
    assert parsed.status_of(new["number"], today) == "valid"
    assert {v["number"] for v in store.surveillance.due_visits()} == {new["number"]}


def test_a_scope_extension_tests_the_new_models_and_reissues(register):
    store = register
    old = store.certificates.issue(decided_assessment(store))
    assert old["models"] == "K-1, K-2"
    with pytest.raises(RefusedInput) as exc:
        store.renewals.start_scope_change(old["number"], models="K-1", assessor=VISITOR)
    assert exc.value.problems[0].code == "renewals.no_new_models"
    change = store.renewals.start_scope_change(old["number"], models="K-1, K-2，K-3", assessor=VISITOR)
    a = store.assessments.get(change)
    assert (a["kind"], a["scope_models"]) == ("scope", "K-1, K-2, K-3")
    # Only the test items are answered.
    assert [i.id for i in store.assessments.pack_for(change).items()] == ["T1", "T2"]
    decide_grant(store, change, {"T1": "97.4", "T2": ["0.18", "0.19"]})
    new = store.certificates.issue(change)
    assert (new["models"], new["replaces"], new["expires_on"]) == ("K-1, K-2, K-3", old["number"], old["expires_on"])
    assert store.certificates.get(old["number"])["status"] == "cancelled"
    # The open visits move to the new number.
    assert [v["due_on"] for v in store.surveillance.visits(new["number"])] == \
        [v["due_on"] for v in store.surveillance.visits(old["number"]) if v["done_on"] is None]


def test_a_scope_reduction_reissues_at_once(register):
    store = register
    old = store.certificates.issue(decided_assessment(store))
    for models in ("K-1, K-2", "K-9", ""):
        with pytest.raises(RefusedInput) as exc:
            store.renewals.reduce_scope(old["number"], models=models, reason="停产", by=DECIDER)
        assert exc.value.problems[0].code == "renewals.not_a_reduction"
    new = store.renewals.reduce_scope(old["number"], models="K-2", reason="K-1 停产", by=DECIDER)
    assert (new["models"], new["replaces"]) == ("K-2", old["number"])
    assert store.certificates.get(old["number"])["status"] == "cancelled"


def test_a_suspended_certificate_cannot_change_scope(register):
    store = register
    old = store.certificates.issue(decided_assessment(store))
    store.certificates.suspend(old["number"], reason="监督拒绝", by=DECIDER)
    with pytest.raises(RefusedInput) as exc:
        store.renewals.start_scope_change(old["number"], models="K-1, K-2, K-3", assessor=VISITOR)
    assert exc.value.problems[0].code == "renewals.not_valid"


def test_a_reissue_after_a_scope_change_keeps_the_new_scope(register):
    store = register
    old = store.certificates.issue(decided_assessment(store))
    reduced = store.renewals.reduce_scope(old["number"], models="K-2", reason="K-1 停产", by=DECIDER)
    again = store.certificates.reissue(reduced["number"], reason="持证人地址变更", by=DECIDER)
    assert (again["models"], again["replaces"]) == ("K-2", reduced["number"])
