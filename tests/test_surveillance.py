"""Surveillance visits as reduced assessments of a certificate (issue 16 §4)."""

from __future__ import annotations

import datetime as dt

import pytest

from brandmark.errors import RefusedInput
from brandmark.store import Store
from brandmark.store.certificates import add_months
from support import FIXTURES, FIXED_NOW, MINI_GRANT, register_staff
from test_certificates_support import ASSESSOR, DECIDER, decided_assessment, ensure_body_key, ensure_mini

MARKED = FIXTURES / "mini-marked.toml"
VISITOR = "王五"        # assessor of the visits: not the initial assessor, never the decider


class Clock:
    """A clock a test can move on (the body's date follows it)."""

    def __init__(self, now: dt.datetime = FIXED_NOW):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def move_to(self, day: dt.date) -> None:
        self.now = dt.datetime.combine(day, dt.time(2, 0), tzinfo=dt.timezone.utc)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def register(tmp_path, clock):
    with Store(tmp_path / "surveillance.db", clock=clock, load_bundled_packs=False) as store:
        ensure_mini(store)
        yield store


def issue_marked(store) -> dict:
    """A certificate from the mini pack version that marks T1 and C1 for surveillance."""
    store.schemes.import_file(MARKED, actor="tester")
    register_staff(store)
    cert = store.certificates.issue(decided_assessment(store))
    assert cert["scheme_version"] == "2"
    return cert


def test_the_first_visit_falls_due_in_the_12th_month_then_yearly(register):
    cert = store_cert = register.certificates.issue(decided_assessment(register))
    issued = dt.date.fromisoformat(cert["issued_on"])
    due = [v["due_on"] for v in register.surveillance.visits(store_cert["number"])]
    assert due == [add_months(issued, 12).isoformat(), add_months(issued, 24).isoformat()]
    assert all(v["reason"] == "scheduled" for v in register.surveillance.visits(cert["number"]))
    assert register.certificates.get(cert["number"])["next_surveillance"] == due[0]


def test_a_substantiated_complaint_brings_a_visit_forward_with_its_reason(register):
    cert = register.certificates.issue(decided_assessment(register))
    visit = register.surveillance.schedule(cert["number"], reason="complaint", by=ASSESSOR,
                                           note="投诉 2026-017 经查实：壶盖开裂")
    today = register.today()
    assert visit["due_on"] == add_months(today, 2).isoformat()         # the pack's default follow-up
    assert (visit["reason"], visit["reason_note"]) == ("complaint", "投诉 2026-017 经查实：壶盖开裂")
    # It comes first on the due list and on the certificate.
    assert register.certificates.get(cert["number"])["next_surveillance"] == visit["due_on"]
    due = register.surveillance.due_visits(add_months(today, 6))
    assert [(v["number"], v["reason"]) for v in due] == [(cert["number"], "complaint")]
    with pytest.raises(RefusedInput) as exc:
        register.surveillance.schedule(cert["number"], reason="rumour", by=ASSESSOR, note="x")
    assert exc.value.problems[0].code == "surveillance.bad_reason"
    with pytest.raises(RefusedInput) as exc:
        register.surveillance.schedule(cert["number"], reason="complaint", by=ASSESSOR, note="x",
                                       due_on=today - dt.timedelta(days=1))
    assert exc.value.problems[0].code == "surveillance.due_in_past"


def test_due_visits_marks_the_overdue_and_leaves_out_certificates_not_in_force(register, clock):
    kept = register.certificates.issue(decided_assessment(register))
    gone = register.certificates.issue(decided_assessment(register))
    register.certificates.withdraw(gone["number"], reason="申请注销", by=DECIDER)
    first_due = dt.date.fromisoformat(kept["next_surveillance"])
    clock.move_to(first_due + dt.timedelta(days=10))
    rows = register.surveillance.due_visits(register.today() + dt.timedelta(days=90))
    assert [(r["number"], r["overdue"]) for r in rows] == [(kept["number"], True)]
    clock.move_to(first_due - dt.timedelta(days=10))
    assert [r["overdue"] for r in register.surveillance.due_visits(first_due)] == [False]


def test_a_visit_answers_only_the_marked_items_and_shows_earlier_findings(register):
    store = register
    cert = issue_marked(store)
    visit = store.surveillance.open_visit(cert["number"], assessor=VISITOR)
    visit_id = visit["assessment_id"]
    a = store.assessments.get(visit_id)
    assert (a["kind"], a["certificate_number"], a["scheme_version"]) == ("surveillance", cert["number"], "2")
    assert [item.id for item in store.assessments.pack_for(visit_id).items()] == ["T1", "C1"]
    assert a["stage"] == "testing"                   # the first stage holding a surveyed item
    with pytest.raises(RefusedInput):                # an item the visit does not survey
        store.assessments.answer(visit_id, "P1", 3, by=VISITOR)
    # Unanswered marked items hold the verdict: nothing can be decided yet.
    assert store.assessments.score(visit_id).verdict == "incomplete"
    with pytest.raises(RefusedInput) as exc:
        store.surveillance.decide(visit_id, "maintain", by=DECIDER)
    assert exc.value.problems[0].code == "surveillance.result_not_allowed"
    # The second visit's assessor sees the first visit's nonconformity.
    store.assessments.answer_many(visit_id, {"T1": "97.2", "C1": "minor"}, by=VISITOR)
    store.surveillance.decide(visit_id, "maintain", by=DECIDER, reason="一般不符合，限期整改")
    later = store.surveillance.previous_findings(cert["number"])
    assert [(f["item_id"], f["grade"], f["assessment_kind"]) for f in later] == [("C1", "minor", "surveillance")]
    with pytest.raises(RefusedInput) as exc:
        store.surveillance.open_visit(cert["number"], assessor=VISITOR, visit_id=visit["id"])
    assert exc.value.problems[0].code == "surveillance.visit_closed"


def test_a_pack_without_marks_surveys_every_item(register):
    cert = register.certificates.issue(decided_assessment(register))
    assert cert["scheme_version"] == "1"
    visit = register.surveillance.open_visit(cert["number"], assessor=VISITOR)
    pack = register.assessments.pack_for(visit["assessment_id"])
    full = register.schemes.get("mini", "1")
    assert [i.id for i in pack.items()] == [i.id for i in full.items()]
    register.assessments.answer_many(visit["assessment_id"], dict(MINI_GRANT), by=VISITOR)
    # Same scoring function, same answers: the same total as the initial assessment.
    assert register.assessments.score(visit["assessment_id"]).total == \
        register.assessments.score(cert["assessment_id"]).total


def test_a_visit_with_a_failed_sampling_suspends_the_certificate_with_the_reason(register):
    store = register
    cert = issue_marked(store)
    visit = store.surveillance.open_visit(cert["number"], assessor=VISITOR)
    visit_id = visit["assessment_id"]
    store.assessments.answer_many(visit_id, {"T1": "96.4", "C1": "conform"}, by=VISITOR)
    score = store.assessments.score(visit_id)
    assert score.verdict == "refuse"
    # A failed sampling cannot be maintained.
    with pytest.raises(RefusedInput) as exc:
        store.surveillance.decide(visit_id, "maintain", by=DECIDER)
    assert exc.value.problems[0].code == "surveillance.result_not_allowed"
    # Impartiality: who carried out the visit cannot decide it (the existing rule, reused).
    store.people.edit(store.people.find(VISITOR)["id"], roles=["assessor", "decider"], by="tests")
    with pytest.raises(RefusedInput) as exc:
        store.surveillance.decide(visit_id, "suspend", by=VISITOR, reason="x")
    assert exc.value.problems[0].code == "people.decider_took_part"
    # A suspension needs its reason.
    with pytest.raises(RefusedInput):
        store.surveillance.decide(visit_id, "suspend", by=DECIDER, reason="")
    done = store.surveillance.decide(visit_id, "suspend", by=DECIDER, reason="热效率抽样不合格")
    assert (done["result"], done["recorded_by"], done["note"]) == ("suspend", DECIDER, "热效率抽样不合格")
    after = store.certificates.get(cert["number"])
    assert after["status"] == "suspended"
    last = store.certificates.history(cert["number"])[-1]
    assert (last["action"], last["status"]) == ("suspend", "suspended") and "热效率抽样不合格" in last["reason"]
    assert store.assessments.get(visit_id)["status"] == "decided"
    # The failed sampling adds a follow-up visit, due sooner, with its reason.
    follow = [v for v in store.surveillance.visits(cert["number"]) if v["reason"] == "failed_sampling"]
    assert len(follow) == 1 and follow[0]["due_on"] == add_months(store.today(), 2).isoformat()
    assert "T1" in follow[0]["reason_note"]
    # The decision is signed and checks out.
    assert store.people.signatures("surveillance", done["id"])
    assert store.people.verify_signatures() == []
    # The follow-up visit passes: maintain reinstates the certificate.
    follow_up = store.surveillance.open_visit(cert["number"], assessor=VISITOR)
    assert follow_up["reason"] == "failed_sampling"
    store.assessments.answer_many(follow_up["assessment_id"], {"T1": "97.3", "C1": "conform"}, by=VISITOR)
    store.surveillance.decide(follow_up["assessment_id"], "maintain", by=DECIDER, reason="复检合格")
    assert store.certificates.get(cert["number"])["status"] == "valid"


def test_a_withdrawn_certificate_has_no_visits_to_open(register):
    cert = register.certificates.issue(decided_assessment(register))
    register.certificates.withdraw(cert["number"], reason="违规使用标志", by=DECIDER)
    with pytest.raises(RefusedInput) as exc:
        register.surveillance.open_visit(cert["number"], assessor=VISITOR)
    assert exc.value.problems[0].code == "surveillance.not_in_force"


def test_a_visit_refused_leaves_nothing_written(register):
    cert = register.certificates.issue(decided_assessment(register))
    before = register.db.execute("SELECT count(*) FROM assessments").fetchone()[0]
    with pytest.raises(RefusedInput):
        register.surveillance.open_visit(cert["number"], assessor=DECIDER)    # not an assessor
    assert register.db.execute("SELECT count(*) FROM assessments").fetchone()[0] == before
    assert all(v["assessment_id"] is None for v in register.surveillance.visits(cert["number"]))


def test_a_visit_is_never_decided_as_a_certification_nor_issued_from(register):
    cert = register.certificates.issue(decided_assessment(register))
    visit = register.surveillance.open_visit(cert["number"], assessor=VISITOR)
    register.assessments.answer_many(visit["assessment_id"], dict(MINI_GRANT), by=VISITOR)
    with pytest.raises(RefusedInput) as exc:
        register.assessments.decide(visit["assessment_id"], "grant", by=DECIDER)
    assert exc.value.problems[0].code == "surveillance.decide_as_visit"
    with pytest.raises(RefusedInput) as exc:
        register.certificates.issue(visit["assessment_id"])
    assert exc.value.problems[0].code == "surveillance.no_certificate"
    assert visit["assessment_id"] not in [row["id"] for row in register.certificates.issuable()]
    # The one-word result of before still works, for visits not carried out as assessments.
    after = register.certificates.record_surveillance(cert["number"], by=DECIDER, result="maintain")
    visits = register.surveillance.visits(cert["number"])
    assert [(v["assessment_id"] is not None, v["done_on"] is not None) for v in visits] == [(True, False), (False, True)]
    assert after["status"] == "valid"


def test_the_registers_show_a_visit_against_the_items_it_surveys(register):
    """A visit answering every surveyed item stands at the summary with the reduced pack's
    score (issue 11 §3), not at a stage of items it never answers."""
    store = register
    cert = issue_marked(store)
    visit_id = store.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    row = next(r for r in store.assessments.register() if r["id"] == visit_id)
    assert (row["stage"], row["verdict"]) == ("testing", "incomplete")
    store.assessments.answer_many(visit_id, {"T1": MINI_GRANT["T1"], "C1": "conform"}, by=VISITOR)
    score = store.assessments.score(visit_id)
    for row in (next(r for r in store.assessments.register() if r["id"] == visit_id),
                next(r for r in store.assessments.list() if r["id"] == visit_id)):
        assert (row["stage"], row["total"], row["verdict"]) == ("summary", score.total, score.verdict)
    assert score.verdict != "incomplete"
