"""Assessments in the store: frozen packs, answers, findings, evidence, decisions, atomicity."""

from __future__ import annotations

import hashlib

import pytest

from brandmark.errors import NotFound, RefusedInput
from brandmark.packs import load_pack
from brandmark.scoring.scorer import score_assessment
from support import (MINI_GRANT, MINI_PACK, TEST_PASSPHRASE, accepted_application, evidence_bytes,
                     new_certification_assessment, refused_with)
from test_store import counts

ASSESSOR, DECIDER = "张三", "李四"


@pytest.fixture
def assessment(mini_store, applicant):
    return new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)


def answer_all(store, assessment_id, **changes):
    answers = {**MINI_GRANT, **changes}
    return store.assessments.answer_many(assessment_id, answers, by=ASSESSOR)


# -- creating ---------------------------------------------------------------------------------

def test_new_assessment_is_frozen_to_the_pack_version_and_hash(mini_store, applicant):
    assessment_id = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR,
                                                 product="电水壶", models="K1", standard="T/ZZB 0123-2024")
    row = mini_store.assessments.get(assessment_id)
    assert (row["scheme_id"], row["scheme_version"]) == ("mini", "1")
    assert row["scheme_hash"] == hashlib.sha256(MINI_PACK.read_bytes()).hexdigest()
    assert (row["status"], row["stage"], row["mode"]) == ("open", "application", "certification")
    assert row["product_name"] == "电水壶" and row["product_standard"] == "T/ZZB 0123—2024"
    assert mini_store.events.list("assessment", assessment_id)[0]["action"] == "assessment.new"


@pytest.mark.parametrize("changes,error,message", [
    ({"applicant_id": 999}, NotFound, "#999"),
    ({"scheme_id": "nope"}, NotFound, "nope"),
    ({"scheme_version": "7"}, NotFound, "version 7"),
    ({"mode": "audit"}, RefusedInput, "mode"),
    ({"assessor": "  "}, RefusedInput, "assessor"),
    ({"product": "电水壶", "standard": "GB 1234"}, RefusedInput, "T/ZZB"),
])
def test_refused_new_writes_nothing(mini_store, applicant, changes, error, message):
    before = counts(mini_store)
    arguments = {"applicant_id": applicant, "scheme_id": "mini", "assessor": ASSESSOR, **changes}
    with pytest.raises(error, match=message):
        new_certification_assessment(mini_store, **arguments)
    assert counts(mini_store) == before


def test_product_of_another_applicant_is_refused(mini_store, applicant):
    from brandmark.uscc import make_uscc

    other = mini_store.applicants.add(name="乙", uscc=make_uscc())
    product = mini_store.applicants.add_product(other, name="水杯")
    application = accepted_application(mini_store, applicant, "mini")
    before = counts(mini_store)
    with refused_with("assessment.foreign_product"):
        mini_store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor=ASSESSOR,
                                   product_id=product, application_id=application)
    assert counts(mini_store) == before


def test_error_in_the_middle_of_new_leaves_no_product(mini_store, applicant, monkeypatch):
    before = counts(mini_store)
    original = mini_store.events.record

    def failing(actor, action, *args, **kwargs):
        if action == "assessment.new":      # after the product and the assessment rows
            raise RuntimeError("disk full")
        return original(actor, action, *args, **kwargs)

    monkeypatch.setattr(mini_store.events, "record", failing)
    with pytest.raises(RuntimeError):
        new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR,
                                     product="电水壶")
    assert counts(mini_store) == before


# -- answers ----------------------------------------------------------------------------------

def test_answers_are_stored_normalised_with_codes(mini_store, assessment):
    saved = answer_all(mini_store, assessment, V1=" Pass ", P1="3")
    assert saved["V1"]["value"] == "pass" and saved["P1"]["value"] == 3
    stored = mini_store.assessments.answers(assessment)
    assert stored["T2"]["value"] == ["0.20", "0.21"] and stored["T2"]["code"] == 2
    assert stored["V1"]["answered_by"] == ASSESSOR
    result = mini_store.assessments.score(assessment)
    assert result.total == score_assessment(load_pack(MINI_PACK), MINI_GRANT).total
    assert result.verdict == "grant"


@pytest.mark.parametrize("bad", [
    {"X9": "pass"},                               # unknown item
    {"P1": 9},                                    # invalid level
    {"T1": 96.96},                                # a float, not a decimal string
    {"T1": "1E+200"},                             # absurd measurement
    {"C1": {"value": "conform", "colour": 1}},    # unknown key
    {"C1": {"value": "conform", "evidence": "/nonexistent/file.pdf"}},
    {"C1": {"value": "conform", "evidence": ["/nonexistent/file.pdf"]}},
    {"C1": {"value": "conform", "note": "a\x00b"}},
    {"C1": {"value": "conform", "note": 5}},         # a note is text (was kept as "5")
    {"C1": {"value": "conform", "note": {"a": 1}}},
    {"C1": {"value": "conform", "evidence": [5]}},  # a path is text
])
def test_a_refused_answer_refuses_the_whole_set_and_writes_nothing(mini_store, assessment, bad):
    answer_all(mini_store, assessment)
    before = counts(mini_store)
    stored_before = mini_store.assessments.answers(assessment)
    with pytest.raises(RefusedInput):
        mini_store.assessments.answer_many(assessment, {"V1": "fail", "C2": "major", **bad}, by=ASSESSOR)
    assert counts(mini_store) == before
    assert mini_store.assessments.answers(assessment) == stored_before


def test_all_problems_are_named_at_once(mini_store, assessment):
    with pytest.raises(RefusedInput) as info:
        mini_store.assessments.answer_many(assessment, {"X9": "pass", "P1": 9, "V1": "maybe"}, by=ASSESSOR)
    message = str(info.value)
    assert "X9" in message and "P1" in message and "V1" in message


def test_error_in_the_middle_of_answer_many_leaves_nothing(mini_store, assessment, monkeypatch):
    before = counts(mini_store)
    original = mini_store.events.record
    calls = []

    def failing(actor, action, *args, **kwargs):
        calls.append(action)
        if calls.count("answer") == 4:        # three answers (and a finding) already written
            raise RuntimeError("power cut")
        return original(actor, action, *args, **kwargs)

    monkeypatch.setattr(mini_store.events, "record", failing)
    with pytest.raises(RuntimeError):
        answer_all(mini_store, assessment, C1="minor")
    assert counts(mini_store) == before
    assert mini_store.assessments.answers(assessment) == {}


def test_huge_measurement_is_judged_not_crashed(mini_store, assessment):
    answer_all(mini_store, assessment, T1="1E+30")
    assert mini_store.assessments.score(assessment).verdict == "grant"


def test_clearing_an_answer(mini_store, assessment):
    answer_all(mini_store, assessment)
    mini_store.assessments.answer(assessment, "C1", None, by=ASSESSOR)
    assert "C1" not in mini_store.assessments.answers(assessment)
    assert mini_store.assessments.score(assessment).verdict == "incomplete"


def test_note_is_kept_when_only_the_value_changes(mini_store, assessment):
    mini_store.assessments.answer(assessment, "C1", "conform", by=ASSESSOR, note="记录齐全")
    mini_store.assessments.answer(assessment, "C1", "conform", by=ASSESSOR)
    assert mini_store.assessments.answers(assessment)["C1"]["note"] == "记录齐全"


def test_every_answer_is_logged_with_old_and_new(mini_store, assessment):
    mini_store.assessments.answer(assessment, "P1", 1, by=ASSESSOR)
    mini_store.assessments.answer(assessment, "P1", 2, by=ASSESSOR)
    events = [e for e in mini_store.events.list("assessment", assessment) if e["action"] == "answer"]
    assert events[0]["details"] == {"item": "P1", "old": 1, "new": 2}


# -- evidence ---------------------------------------------------------------------------------

def test_evidence_is_stored_with_sha256(mini_store, assessment, tmp_path):
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg \x00\x01")
    mini_store.assessments.answer(assessment, "C1", "conform", by=ASSESSOR, evidence=[str(photo)])
    evidence_id = mini_store.assessments.add_evidence(assessment, "C2", "记录.pdf", b"%PDF-1.4", by=ASSESSOR)
    rows = mini_store.assessments.evidence(assessment)
    assert [(r["item_id"], r["file_name"]) for r in rows] == [("C1", "现场照片.jpg"), ("C2", "记录.pdf")]
    assert rows[0]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert rows[0]["size"] == photo.stat().st_size
    assert evidence_bytes(mini_store, evidence_id) == b"%PDF-1.4"
    assert rows[1]["sha256"] == hashlib.sha256(b"%PDF-1.4").hexdigest()
    with refused_with("answer.not_in_pack"):
        mini_store.assessments.add_evidence(assessment, "X9", "a.txt", b"a", by=ASSESSOR)


# -- findings ---------------------------------------------------------------------------------

def test_minor_answer_opens_a_finding_with_a_deadline(mini_store, assessment):
    answer_all(mini_store, assessment, C1={"value": "minor", "note": "记录不全"})
    [finding] = mini_store.assessments.findings(assessment)
    assert (finding["item_id"], finding["grade"], finding["status"]) == ("C1", "minor", "open")
    assert finding["clause"] == "4.2" and finding["description"] == "记录不全"
    assert finding["deadline"] == "2026-03-31"       # fixed clock 2026-03-01 + 30 days
    assert mini_store.assessments.score(assessment).verdict == "conditional"


def test_changing_the_answer_withdraws_the_finding(mini_store, assessment):
    answer_all(mini_store, assessment, C1="minor")
    mini_store.assessments.answer(assessment, "C1", "major", by=ASSESSOR)
    findings = mini_store.assessments.findings(assessment, include_withdrawn=True)
    assert [(f["grade"], f["status"]) for f in findings] == [("minor", "withdrawn"), ("major", "open")]
    mini_store.assessments.answer(assessment, "C1", "conform", by=ASSESSOR)
    assert mini_store.assessments.findings(assessment) == []


def test_closing_the_finding_grants(mini_store, assessment):
    answer_all(mini_store, assessment, C1="minor")
    [finding] = mini_store.assessments.findings(assessment)
    with refused_with("assessment.no_corrective_action"):
        mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, checked="复核进货检验记录", evidence="整改后的检验记录")
    mini_store.assessments.update_finding(finding["id"], by=ASSESSOR, corrective_action="补全记录",
                                          deadline="2026-04-15")
    closed = mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, checked="复核进货检验记录", evidence="整改后的检验记录")
    assert (closed["status"], closed["closed_by"], closed["deadline"]) == ("closed", ASSESSOR, "2026-04-15")
    assert mini_store.assessments.score(assessment).verdict == "grant"
    with refused_with("assessment.finding_not_open"):
        mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, checked="复核进货检验记录", evidence="整改后的检验记录")


def test_editing_the_note_of_a_verified_minor_nc_does_not_reopen_it(mini_store, assessment):
    answer_all(mini_store, assessment, C1="minor")
    [finding] = mini_store.assessments.findings(assessment)
    mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, corrective_action="补全记录", checked="复核进货检验记录", evidence="整改后的检验记录")
    mini_store.assessments.answer(assessment, "C1", "minor", by=ASSESSOR, note="补充说明")
    assert [f["status"] for f in mini_store.assessments.findings(assessment)] == ["closed"]
    assert mini_store.assessments.score(assessment).verdict == "grant"


def test_bad_deadline_is_refused(mini_store, assessment):
    answer_all(mini_store, assessment, C1="minor")
    [finding] = mini_store.assessments.findings(assessment)
    with refused_with("dates.not_a_date"):
        mini_store.assessments.update_finding(finding["id"], by=ASSESSOR, deadline="next week")


# -- deciding ---------------------------------------------------------------------------------

def _assessor_who_may_decide(store):
    """Someone with both roles: only impartiality, not a missing role, can stop them deciding."""
    return store.people.add(name="周七", roles=["assessor", "decider", "authoriser"], schemes=["mini"],
                            passphrase=TEST_PASSPHRASE, by="tests")


@pytest.mark.parametrize("ref", ["name", "id", "#id", "id text"])
def test_the_assessor_cannot_decide_however_named(mini_store, applicant, ref):
    person = _assessor_who_may_decide(mini_store)
    mini_store.people.unlock(person["id"], TEST_PASSPHRASE)
    assessment_id = new_certification_assessment(mini_store, applicant, "mini", assessor="周七")
    mini_store.assessments.answer_many(assessment_id, MINI_GRANT, by=person["id"])
    decider = {"name": "周七", "id": person["id"], "#id": f"#{person['id']}", "id text": str(person["id"])}[ref]
    before = counts(mini_store)
    with pytest.raises(RefusedInput, match="17065 7.6.2") as refused:
        mini_store.assessments.decide(assessment_id, "grant", by=decider)
    assert refused.value.problems[0].code == "people.decider_took_part"
    assert refused.value.problems[0].params["parts"] == "assessor, answers"
    assert counts(mini_store) == before
    assert mini_store.assessments.get(assessment_id)["status"] == "open"


@pytest.mark.parametrize("lookalike", ["周\u200b七", "周七\u2060", "\u202e周七", "周\u00ad七", " 周 七 ", "週七"])
def test_a_lookalike_of_the_assessor_is_no_one_and_cannot_decide(mini_store, applicant, lookalike):
    _assessor_who_may_decide(mini_store)
    assessment_id = new_certification_assessment(mini_store, applicant, "mini", assessor="周七")
    mini_store.assessments.answer_many(assessment_id, MINI_GRANT, by="周七")
    before = counts(mini_store)
    with pytest.raises(RefusedInput) as refused:
        mini_store.assessments.decide(assessment_id, "grant", by=lookalike)
    assert refused.value.problems[0].code == "people.unknown"
    assert counts(mini_store) == before


def test_whoever_recorded_answers_cannot_decide(mini_store, assessment):
    answer_all(mini_store, assessment)
    zhao = mini_store.people.find("赵六")
    mini_store.assessments.answer(assessment, "P2", 1, by="赵六")
    with pytest.raises(RefusedInput, match="赵六") as refused:
        mini_store.assessments.decide(assessment, "grant", by=zhao["id"])
    assert refused.value.problems[0].code == "people.decider_took_part"
    assert mini_store.assessments.evaluators(assessment) == [ASSESSOR, "赵六"]


def test_whoever_verified_a_corrective_action_cannot_decide(mini_store, assessment):
    answer_all(mini_store, assessment, C1="minor")
    [finding] = mini_store.assessments.findings(assessment)
    mini_store.assessments.close_finding(finding["id"], by="赵六", corrective_action="补全", checked="复核进货检验记录", evidence="整改后的检验记录")
    with pytest.raises(RefusedInput, match="赵六") as refused:
        mini_store.assessments.decide(assessment, "grant", by="赵六")
    assert refused.value.problems[0].params["parts"] == "verification"


def test_whoever_added_evidence_cannot_decide(mini_store, assessment):
    answer_all(mini_store, assessment)
    mini_store.assessments.add_evidence(assessment, "C1", "photo.jpg", b"jpg", by="赵六")
    with pytest.raises(RefusedInput) as refused:
        mini_store.assessments.decide(assessment, "grant", by="赵六")
    assert refused.value.problems[0].params["parts"] == "evidence"


def test_grant_is_recorded_and_freezes_the_assessment(mini_store, assessment):
    answer_all(mini_store, assessment)
    decision = mini_store.assessments.decide(assessment, "grant", by=DECIDER, note="同意")
    assert (decision["decision"], decision["decided_by"], decision["verdict"]) == ("grant", DECIDER, "grant")
    assert decision["total"] == mini_store.assessments.score(assessment).total
    row = mini_store.assessments.get(assessment)
    assert (row["status"], row["stage"]) == ("decided", "summary")
    before = counts(mini_store)
    with refused_with("assessment.already_decided"):
        mini_store.assessments.decide(assessment, "grant", by="王五")
    with refused_with("assessment.decided"):
        mini_store.assessments.answer(assessment, "P1", 0, by=ASSESSOR)
    with refused_with("assessment.decided"):
        mini_store.assessments.add_evidence(assessment, "C1", "a.txt", b"a", by=ASSESSOR)
    assert counts(mini_store) == before


def test_deciding_an_incomplete_assessment_is_refused(mini_store, assessment):
    answer_all(mini_store, assessment, C1=None)
    mini_store.assessments.answer(assessment, "C1", None, by=ASSESSOR)
    before = counts(mini_store)
    for decision in ("grant", "conditional", "refuse"):
        with refused_with("assessment.incomplete_verdict"):
            mini_store.assessments.decide(assessment, decision, by=DECIDER)
    assert counts(mini_store) == before


@pytest.mark.parametrize("changes,allowed,refused", [
    ({}, ["grant", "refuse"], ["conditional"]),
    ({"C1": "minor"}, ["conditional", "refuse"], ["grant"]),
    ({"V1": "fail"}, ["refuse"], ["grant", "conditional"]),
])
def test_the_verdict_limits_the_decision(mini_store, applicant, changes, allowed, refused):
    for decision in refused:
        assessment_id = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
        answer_all(mini_store, assessment_id, **changes)
        with refused_with("assessment.decision_not_allowed"):
            mini_store.assessments.decide(assessment_id, decision, by=DECIDER)
    for decision in allowed:
        assessment_id = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
        answer_all(mini_store, assessment_id, **changes)
        assert mini_store.assessments.decide(assessment_id, decision, by=DECIDER)["decision"] == decision


def test_unknown_decision_is_refused(mini_store, assessment):
    answer_all(mini_store, assessment)
    with refused_with("assessment.unknown_decision"):
        mini_store.assessments.decide(assessment, "approve", by=DECIDER)


def test_self_assessment_gaps_and_no_decision(mini_store, applicant):
    assessment_id = mini_store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="企业自评人",
                                               mode="self")
    mini_store.assessments.answer_many(assessment_id, {**MINI_GRANT, "P1": 1, "C2": "minor"}, by="企业自评人")
    result = mini_store.assessments.score(assessment_id)
    assert [g.item for g in result.gaps] == ["C2", "P1"]
    assert not result.decision_possible
    with refused_with("assessment.self_no_decision"):
        mini_store.assessments.decide(assessment_id, "grant", by=DECIDER)


# -- frozen packs -----------------------------------------------------------------------------

def test_a_newer_pack_version_does_not_change_an_existing_assessment(mini_store, assessment, tmp_path):
    answer_all(mini_store, assessment, P1=1)
    before = mini_store.assessments.score(assessment)
    old_hash = mini_store.assessments.get(assessment)["scheme_hash"]
    v2 = tmp_path / "mini-v2.toml"
    v2.write_text(MINI_PACK.read_text(encoding="utf-8")
                  .replace('version = "1"', 'version = "2"')
                  .replace("pass_score = 60", "pass_score = 90")
                  .replace("weight = 40", "weight = 10"), encoding="utf-8")
    mini_store.schemes.import_file(v2)
    assert mini_store.schemes.latest_version("mini") == "2"
    after = mini_store.assessments.score(assessment)
    assert (after.total, after.verdict) == (before.total, before.verdict)
    row = mini_store.assessments.get(assessment)
    assert (row["scheme_version"], row["scheme_hash"]) == ("1", old_hash)
    assert mini_store.assessments.pack_for(assessment).content_hash == old_hash
    # A new assessment takes the new version, and the same answers score differently.
    newer = new_certification_assessment(mini_store, row["applicant_id"], "mini", assessor=ASSESSOR)
    answer_all(mini_store, newer, P1=1)
    assert mini_store.assessments.get(newer)["scheme_version"] == "2"
    assert mini_store.assessments.score(newer).total != before.total


def test_ranking_agrees_with_single_scores(mini_store, applicant):
    variants = [{}, {"C1": "minor"}, {"V1": "fail"}, {"P1": 0, "P2": 0, "C2": "minor"}, {"C1": None}]
    ids = []
    for changes in variants:
        assessment_id = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
        answers = {**MINI_GRANT, **changes}
        mini_store.assessments.answer_many(assessment_id, {k: v for k, v in answers.items() if v is not None},
                                           by=ASSESSOR)
        ids.append(assessment_id)
    # Verify one minor NC's corrective action: ranking must see it closed.
    [finding] = mini_store.assessments.findings(ids[1])
    mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, corrective_action="补全", checked="复核进货检验记录", evidence="整改后的检验记录")
    ranking = {row["id"]: row for row in mini_store.assessments.ranking("mini")}
    assert set(ranking) == set(ids)
    for assessment_id in ids:
        single = mini_store.assessments.score(assessment_id)
        assert ranking[assessment_id]["total"] == round(single.total, 2)
        assert ranking[assessment_id]["verdict"] == single.verdict
    totals = [row["total"] for row in mini_store.assessments.ranking("mini")]
    assert totals == sorted(totals, reverse=True)
