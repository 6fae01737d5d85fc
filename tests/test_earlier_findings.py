"""Earlier nonconformities for the assessor of a visit, a recertification or a scope change
(``Surveillance.earlier_findings``, issue 16's walk-through leftover)."""

from __future__ import annotations

import datetime as dt

import pytest

from brandmark.store import Store
from support import FIXTURES, MINI_GRANT, register_staff
from test_certificates_support import ASSESSOR, DECIDER, decided_assessment
from test_surveillance import Clock

VISITOR = "王五"


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def register(tmp_path, clock):
    with Store(tmp_path / "earlier.db", clock=clock, load_bundled_packs=False) as store:
        store.schemes.import_file(FIXTURES / "mini.toml", actor="tester")
        store.schemes.import_file(FIXTURES / "mini-marked.toml", actor="tester")
        register_staff(store)
        yield store


def certificate_with_history(store) -> tuple[dict, int, int]:
    """A certificate granted on condition (its C1 finding verified closed), whose first visit
    found C1 again and maintained it (that finding still open); returns the certificate, the
    initial assessment and the first visit's assessment."""
    initial = decided_assessment(store, answers={**MINI_GRANT, "C1": "minor"}, decision="conditional")
    finding = store.assessments.findings(initial)[0]
    store.assessments.close_finding(finding["id"], by=ASSESSOR, checked="文件控制程序已修订",
                                    evidence="修订版 QP-01 第 3 版", corrective_action="修订文件控制程序")
    cert = store.certificates.issue(initial)
    first = store.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    store.assessments.answer_many(first, {"T1": "97.2", "C1": "minor"}, by=VISITOR)
    store.assessments.update_finding(store.assessments.findings(first)[0]["id"], by=VISITOR,
                                     description="受控文件清单未更新", corrective_action="更新清单并培训")
    store.surveillance.decide(first, "maintain", by=DECIDER, reason="一般不符合，限期整改")
    return cert, initial, first


def test_a_later_visit_lists_every_earlier_finding_with_its_state(register, clock):
    cert, initial, first = certificate_with_history(register)
    open_finding = register.assessments.findings(first)[0]
    second = register.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    rows = register.surveillance.earlier_findings(second)
    assert [(r["assessment_id"], r["assessment_kind"], r["item_id"], r["state"]) for r in rows] == [
        (initial, "initial", "C1", "closed"), (first, "surveillance", "C1", "open")]
    assert rows[0]["verification_checked"] == "文件控制程序已修订"
    assert rows[1]["description"] == "受控文件清单未更新"
    assert all(r["in_this_assessment"] for r in rows)            # C1 is surveyed again
    assert rows[0]["item_title"] == register.schemes.get("mini", "2").item("C1").title
    # Past its corrective-action deadline the open one reads overdue.
    clock.move_to(dt.date.fromisoformat(open_finding["deadline"]) + dt.timedelta(days=1))
    assert [r["state"] for r in register.surveillance.earlier_findings(second)] == ["closed", "overdue"]


def test_the_first_visit_sees_the_initial_findings_and_none_of_its_own(register):
    cert, initial, first = certificate_with_history(register)
    assert [r["assessment_id"] for r in register.surveillance.earlier_findings(first)] == [initial]


def test_an_initial_assessment_has_no_earlier_findings(register):
    cert, initial, _first = certificate_with_history(register)
    assert register.surveillance.earlier_findings(initial) == []


def test_a_recertification_sees_the_findings_of_the_certificate_it_renews(register):
    cert, initial, first = certificate_with_history(register)
    renewal = register.renewals.start_recertification(cert["number"], assessor=VISITOR)
    rows = register.surveillance.earlier_findings(renewal)
    assert [(r["assessment_id"], r["state"]) for r in rows] == [(initial, "closed"), (first, "open")]
    # A recertification answers the whole pack; a visit's items not surveyed are flagged.
    assert all(r["in_this_assessment"] for r in rows)
