"""Issue 10's merge limits, closed: a surveillance visit on the laptop knows its certificate,
the laptop receives the body's answers (an assessment assigned again after partial work
goes on from where the body is), and an answer cleared on the laptop is cleared at the body.

Two registers, the body and the assessor's laptop (``exchange_support``)."""

from __future__ import annotations

import pytest

from brandmark import exchange
from brandmark.store.verify import verify
from exchange_support import make_world
from support import MINI_GRANT, TEST_PASSPHRASE, new_certification_assessment, refused_with


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    made.body.people.unlock(made.clerk, TEST_PASSPHRASE)
    yield made
    made.close()


def certified(world) -> str:
    """A certificate at the body, from an assessment its clerk made and 李四 decided."""
    body = world.body
    decider = body.people.add(name="李四", roles=["decider", "authoriser"], schemes=["mini"],
                              passphrase=TEST_PASSPHRASE, by="x")
    body.people.unlock(decider["id"], TEST_PASSPHRASE)
    first = new_certification_assessment(body, world.applicant, "mini", assessor=world.clerk, product="电热水壶",
                                         standard="T/ZZB 0001—2026", implementation_rule="ZJM-006-0001-2026",
                                         accepted_by=decider["id"])
    body.assessments.answer_many(first, dict(MINI_GRANT), by=world.clerk)
    body.assessments.decide(first, "grant", by=decider["id"])
    return body.certificates.issue(first)["number"]


# -- a surveillance visit on the laptop names its certificate ----------------------------------

def test_a_surveillance_visit_on_the_laptop_knows_the_certificate_it_is_about(world):
    number = certified(world)
    visit = world.body.surveillance.open_visit(number, assessor=world.assessor_at_body)
    world.assessment = visit["assessment_id"]
    laptop_id = world.receive("visit.bmx")
    assert world.laptop.exchange.certificate_number(laptop_id) == number
    # The register's own column still names only its own certificates: the laptop has none.
    assert world.laptop.assessments.get(laptop_id)["certificate_number"] is None
    assert world.body.exchange.certificate_number(world.assessment) == number
    world.laptop.assessments.answer(laptop_id, "C1", "conform", by=world.assessor_on_laptop)
    work = world.export_work(laptop_id, "visit-work.bmx")
    assert exchange.import_bundle(world.body, work)["imported"]["answers"] == 1


def test_work_that_names_another_certificate_is_refused(world):
    number = certified(world)
    visit = world.body.surveillance.open_visit(number, assessor=world.assessor_at_body)
    world.assessment = visit["assessment_id"]
    laptop_id = world.receive("visit.bmx")
    world.laptop.assessments.answer(laptop_id, "C1", "conform", by=world.assessor_on_laptop)
    # The laptop believes the visit is about another certificate (its received row altered).
    world.laptop.db.execute("UPDATE exchange_assignments SET certificate_number = 'BM-OTHER-1' "
                            "WHERE assessment_id = ?", [laptop_id])
    work = world.export_work(laptop_id, "visit-work.bmx")
    with refused_with("exchange.certificate_mismatch"):
        exchange.import_bundle(world.body, work)
    assert world.body.exchange.imports(world.assessment) == []


def test_an_initial_assessment_names_no_certificate_on_either_side(world):
    laptop_id = world.receive()
    assert world.laptop.exchange.certificate_number(laptop_id) is None
    world.laptop.assessments.answer(laptop_id, "V1", "pass", by=world.assessor_on_laptop)
    assert exchange.import_bundle(world.body, world.export_work(laptop_id))["imported"]["answers"] == 1


# -- the laptop receives the body's answers ----------------------------------------------------

def test_the_laptop_receives_the_answers_the_body_holds(world):
    world.body.assessments.answer(world.assessment, "V1", "pass", by=world.clerk, note="营业执照已核对")
    world.body.assessments.answer(world.assessment, "C2", "minor", by=world.clerk, note="记录不全")
    [finding] = [f for f in world.body.assessments.findings(world.assessment) if f["item_id"] == "C2"]
    world.body.assessments.update_finding(finding["id"], by=world.clerk, corrective_action="补全记录")
    report = exchange.import_bundle(world.laptop, world.assign())
    assert report["imported"] == {"assessments": 1, "answers": 2}
    laptop_id = report["assessment"]
    answers = world.laptop.assessments.answers(laptop_id)
    assert (answers["V1"]["value"], answers["V1"]["note"], answers["V1"]["answered_by"]) == ("pass", "营业执照已核对",
                                                                                             "王五")
    assert answers["V1"]["answered_by_id"] is None      # 王五 is not registered on the laptop
    [on_laptop] = [f for f in world.laptop.assessments.findings(laptop_id) if f["item_id"] == "C2"]
    assert (on_laptop["grade"], on_laptop["corrective_action"]) == ("minor", "补全记录")
    history = world.laptop.assessments.history(laptop_id)
    assert {(h["item"], h["by"]) for h in history} == {("V1", "王五"), ("C2", "王五")}
    assert verify(world.laptop.conn).intact

    # The assessor goes on from there; what the body recorded comes back unchanged.
    world.laptop.assessments.answer_many(laptop_id, {k: v for k, v in MINI_GRANT.items() if k not in ("V1", "C2")},
                                         by=world.assessor_on_laptop)
    back = exchange.import_bundle(world.body, world.export_work(laptop_id))
    assert back["imported"]["answers"] == len(MINI_GRANT) - 2 and back["conflicts"] == []
    at_body = world.body.assessments.answers(world.assessment)
    assert at_body["V1"]["answered_by"] == "王五" and at_body["C2"]["value"] == "minor"
    [still] = [f for f in world.body.assessments.findings(world.assessment) if f["item_id"] == "C2"]
    assert still["corrective_action"] == "补全记录"


def test_assigned_again_after_partial_work_the_laptop_starts_from_the_body(world):
    first = world.receive("first.bmx")
    world.laptop.assessments.answer_many(first, {"V1": "pass", "T1": "97.0"}, by=world.assessor_on_laptop)
    exchange.import_bundle(world.body, world.export_work(first, "partial.bmx"))
    world.body.assessments.answer(world.assessment, "P1", 3, by=world.clerk)
    # The body assigns the assessment again (the laptop's copy was lost, or another visit).
    report = exchange.import_bundle(world.laptop, world.assign("second.bmx"))
    second = report["assessment"]
    assert second != first and report["imported"]["answers"] == 3
    answers = world.laptop.assessments.answers(second)
    assert {k: answers[k]["value"] for k in ("V1", "T1", "P1")} == {"V1": "pass", "T1": "97.0", "P1": 3}
    world.laptop.assessments.answer(second, "C1", "conform", by=world.assessor_on_laptop)
    back = exchange.import_bundle(world.body, world.export_work(second, "rest.bmx"))
    assert back["imported"]["answers"] == 1 and back["conflicts"] == []


# -- a cleared answer is cleared at the body ----------------------------------------------------

def test_an_answer_cleared_on_the_laptop_is_cleared_at_the_body(world):
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT, C2="minor"), by=world.assessor_on_laptop)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    assert world.body.assessments.answers(world.assessment)["C2"]["value"] == "minor"
    assert [f["item_id"] for f in world.body.assessments.findings(world.assessment)] == ["C2"]
    world.laptop.assessments.answer(laptop_id, "C2", None, by=world.assessor_on_laptop)
    report = exchange.import_bundle(world.body, world.export_work(laptop_id, "cleared.bmx"))
    assert report["imported"]["answers"] == 1
    assert "C2" not in world.body.assessments.answers(world.assessment)
    assert world.body.assessments.findings(world.assessment) == []       # its finding withdrawn
    cleared = [h for h in world.body.assessments.history(world.assessment) if h["item"] == "C2"][-1]
    assert (cleared["old"], cleared["new"], cleared["by"]) == ("minor", None, "张三")
    # Again: nothing more to do.
    assert exchange.import_bundle(world.body, world.export_work(laptop_id, "again.bmx"))["unchanged"] is True


def test_an_answer_cleared_on_the_laptop_but_changed_at_the_body_is_a_conflict(world):
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    world.body.assessments.answer(world.assessment, "P1", 1, by=world.clerk)
    world.laptop.assessments.answer(laptop_id, "P1", None, by=world.assessor_on_laptop)
    report = exchange.import_bundle(world.body, world.export_work(laptop_id, "cleared.bmx"))
    [conflict] = report["conflicts"]
    assert (conflict["item"], conflict["register"]["value"], conflict["bundle"]) == ("P1", 1, None)
    assert world.body.assessments.answers(world.assessment)["P1"]["value"] == 1
    exchange.resolve_conflict(world.body, conflict["id"], "bundle", by=world.clerk)
    assert "P1" not in world.body.assessments.answers(world.assessment)


def test_an_item_never_answered_on_the_laptop_is_left_as_the_body_has_it(world):
    laptop_id = world.receive()
    world.body.assessments.answer(world.assessment, "P2", 2, by=world.clerk)     # after the assignment
    world.laptop.assessments.answer(laptop_id, "V1", "pass", by=world.assessor_on_laptop)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    assert world.body.assessments.answers(world.assessment)["P2"]["value"] == 2
