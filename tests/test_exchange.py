"""Issue 10 §1-4 end to end: three registers (body, assessor's laptop, enterprise) exchanging
signed bundles: cards, the assignment, offline work, its import, re-import, conflicts,
tampering of each part, wrong and deactivated signers, self-assessments."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from brandmark import exchange
from brandmark.errors import RefusedInput
from exchange_support import ASSESSOR, USCC, flip_byte, make_world, rewrite_zip
from support import MINI_GRANT, MINI_PACK, TEST_PASSPHRASE, evidence_bytes, new_certification_assessment


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(RefusedInput) as caught:
        call(*args, **kwargs)
    return caught.value.problems[0].code


def body_snapshot(world) -> tuple:
    """Everything an import could write at the body."""
    conn = world.body.conn
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("answers", "evidence", "findings", "events", "exchange_imports", "exchange_conflicts",
                           "applicant_attachments"))


def work_on_laptop(world, answers=None, evidence=b"photo of the licence"):
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(answers or MINI_GRANT), by=world.assessor_on_laptop)
    if evidence is not None:
        world.laptop.assessments.add_evidence(laptop_id, "V1", "licence.jpg", evidence, by=world.assessor_on_laptop)
    return laptop_id


# -- §1 cards ------------------------------------------------------------------------------

def test_the_card_registers_the_same_key_at_the_body(world):
    at_body = world.body.people.get(world.assessor_at_body)
    on_laptop = world.laptop.people.get(world.assessor_on_laptop)
    assert at_body["name"] == on_laptop["name"] == ASSESSOR
    assert at_body["key_id"] == on_laptop["key_id"]
    assert at_body["roles"] == ["assessor"] and at_body["schemes"] == ["mini"]
    # The body holds no private half: the assessor signs only on the laptop.
    assert world.body.conn.execute("SELECT sealed_private FROM person_keys WHERE key_id = ?",
                                   [at_body["key_id"]]).fetchone()[0] is None
    assert world.body.events.list("person", at_body["id"])[0]["action"] == "person.import_card"


def test_a_card_twice_or_a_look_alike_name_is_refused(world, tmp_path):
    card = tmp_path / "zhang.card"
    assert refused(exchange.import_card, world.body, card, roles="assessor", by=world.admin) in (
        "people.name_taken", "people.card_key_taken")
    # The same key under another name: refused by its key.
    world.body.people.edit(world.assessor_at_body, name="张三丰", by=world.admin)
    assert refused(exchange.import_card, world.body, card, roles="assessor", by=world.admin) == "people.card_key_taken"


@pytest.mark.parametrize("name, code", [("王五", "people.name_taken"), ("張三", "people.lookalike")])
def test_a_card_with_a_registered_or_lookalike_name_is_refused(world, tmp_path, name, code):
    from brandmark.store import Store
    with Store(tmp_path / "other-laptop.db", load_bundled_packs=False) as other:
        person = other.people.add(name=name, roles=["assessor"], passphrase=TEST_PASSPHRASE, by="x")
        other.people.unlock(person["id"], TEST_PASSPHRASE)
        exchange.export_card(other, person["id"], tmp_path / "other.card")
    before = world.body.people.count()
    assert refused(exchange.import_card, world.body, tmp_path / "other.card", roles="assessor", by=world.admin) == code
    assert world.body.people.count() == before


def test_a_tampered_card_and_a_non_admin_are_refused(world, tmp_path):
    card = json.loads((tmp_path / "zhang.card").read_text(encoding="utf-8"))
    card["payload"] = card["payload"].replace(ASSESSOR, "李雷")
    (tmp_path / "forged.card").write_text(json.dumps(card), encoding="utf-8")
    assert refused(exchange.import_card, world.body, tmp_path / "forged.card", roles="assessor",
                   by=world.admin) == "people.card_signature"
    (tmp_path / "junk.card").write_text("[[[[", encoding="utf-8")
    assert refused(exchange.import_card, world.body, tmp_path / "junk.card", roles="assessor",
                   by=world.admin) == "people.card_malformed"
    assert refused(exchange.import_card, world.body, tmp_path / "zhang.card", roles="assessor",
                   by=world.clerk) == "people.missing_role"


# -- §2 the assignment -----------------------------------------------------------------------

def test_the_laptop_makes_the_assessment_from_the_assignment(world):
    laptop_id = world.receive()
    made = world.laptop.assessments.get(laptop_id)
    body = world.body.assessments.get(world.assessment)
    assert made["applicant_uscc"] == USCC and made["product_name"] == "电热水壶"
    assert (made["scheme_id"], made["scheme_version"], made["scheme_hash"]) == \
        (body["scheme_id"], body["scheme_version"], body["scheme_hash"])
    assert made["assessor_id"] == world.assessor_on_laptop and made["status"] == "open"
    received = world.laptop.exchange.assignments(laptop_id, "received")[0]
    assert received["body_assessment_id"] == world.assessment
    # Ready to walk: the assessor answers there.
    world.laptop.assessments.answer(laptop_id, "V1", "pass", by=world.assessor_on_laptop)


def test_importing_the_same_assignment_twice_changes_nothing(world):
    path = world.assign()
    first = exchange.import_bundle(world.laptop, path)
    again = exchange.import_bundle(world.laptop, path)
    assert again["unchanged"] is True and again["assessment"] == first["assessment"]
    assert world.laptop.conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 1


def test_an_assignment_from_an_untrusted_body_is_refused(world, tmp_path):
    from brandmark.store import Store
    path = world.assign()
    with Store(tmp_path / "stranger.db", load_bundled_packs=False) as stranger:
        assert refused(exchange.import_bundle, stranger, path) == "exchange.unknown_signer"
        assert stranger.conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 0


def test_the_assignment_names_only_the_assessments_assessor(world):
    assert refused(exchange.assign, world.body, world.assessment, to=world.clerk,
                   path=world.path("x.bmx")) == "exchange.not_the_assessor"
    assert not world.path("x.bmx").exists()


def test_assigning_needs_the_bodys_key_open(world):
    world.body.body_keys._open.clear()
    assert refused(world.assign) == "keys.locked"


# -- §3 the work comes back ---------------------------------------------------------------------

def test_the_work_is_imported_with_who_and_when(world):
    laptop_id = work_on_laptop(world)
    work = world.export_work(laptop_id)
    report = exchange.import_bundle(world.body, work)
    assert report["assessment"] == world.assessment
    assert report["imported"] == {"answers": len(MINI_GRANT), "evidence": 1, "findings": 0}
    assert report["unchanged"] is False and report["conflicts"] == []
    answers = world.body.assessments.answers(world.assessment)
    assert answers["C1"]["value"] == "conform"
    assert {a["answered_by_id"] for a in answers.values()} == {world.assessor_at_body}
    laptop_answers = world.laptop.assessments.answers(laptop_id)
    assert answers["T1"]["answered_at"] == laptop_answers["T1"]["answered_at"]
    evidence = world.body.assessments.evidence(world.assessment)
    assert [(e["file_name"], e["sha256"]) for e in evidence] == [
        ("licence.jpg", hashlib.sha256(b"photo of the licence").hexdigest())]
    assert evidence_bytes(world.body, evidence[0]["id"]) == b"photo of the licence"
    # Every change is an event by the assessor, marked as an import.
    events = [e for e in world.body.events.list("assessment", world.assessment) if e["action"] in ("answer",
                                                                                                    "evidence.add")]
    assert len(events) == len(MINI_GRANT) + 1
    assert {e["actor"] for e in events} == {ASSESSOR}
    assert {e["details"]["via"] for e in events} == {"exchange.import"}
    # The body can now score and decide as for work done at the body; its chain, evidence and
    # signatures check out (db verify).
    assert world.body.assessments.score(world.assessment).verdict == "grant"
    from brandmark.store.verify import verify
    assert verify(world.body.conn).intact


def test_importing_the_same_work_twice_says_unchanged_and_writes_nothing(world):
    work = world.export_work(work_on_laptop(world))
    exchange.import_bundle(world.body, work)
    before = body_snapshot(world)
    again = exchange.import_bundle(world.body, work)
    assert again["unchanged"] is True
    assert again["imported"] == {"answers": 0, "evidence": 0, "findings": 0}
    assert body_snapshot(world) == before
    # A fresh export of the same work (another file, same content) is unchanged too.
    assert exchange.import_bundle(world.body, world.export_work(1, "again.bmx"))["unchanged"] is True


def test_a_later_bundle_updates_the_assessment(world):
    laptop_id = work_on_laptop(world)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    world.laptop.assessments.answer(laptop_id, "C2", "minor", by=world.assessor_on_laptop, note="记录不全")
    finding = [f for f in world.laptop.assessments.findings(laptop_id) if f["item_id"] == "C2"][0]
    world.laptop.assessments.update_finding(finding["id"], by=world.assessor_on_laptop, corrective_action="补全记录")
    report = exchange.import_bundle(world.body, world.export_work(laptop_id, "second.bmx"))
    assert report["imported"]["answers"] == 1 and report["imported"]["findings"] == 1
    body_finding = [f for f in world.body.assessments.findings(world.assessment) if f["item_id"] == "C2"][0]
    assert body_finding["grade"] == "minor" and body_finding["corrective_action"] == "补全记录"
    assert len(world.body.exchange.imports(world.assessment)) == 2
    # The corrective action verified on the laptop: closed at the body, with what was checked.
    world.laptop.assessments.close_finding(finding["id"], by=world.assessor_on_laptop, checked="记录已补全",
                                           evidence="记录表 2026-03")
    report = exchange.import_bundle(world.body, world.export_work(laptop_id, "third.bmx"))
    assert report["imported"]["findings"] == 1
    body_finding = world.body.assessments.finding(body_finding["id"])
    assert body_finding["status"] == "closed" and body_finding["closed_by_id"] == world.assessor_at_body
    assert (body_finding["verification_checked"], body_finding["verification_evidence"]) == ("记录已补全",
                                                                                             "记录表 2026-03")
    from brandmark.store.verify import verify
    assert verify(world.body.conn).intact


def test_a_conflict_is_listed_item_by_item_and_not_merged(world):
    laptop_id = work_on_laptop(world)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    # Both sides change C1 since they last agreed, to different answers; C2 only on the laptop.
    world.body.assessments.answer(world.assessment, "C1", "minor", by=world.clerk, note="body saw it")
    world.laptop.assessments.answer(laptop_id, "C1", "major", by=world.assessor_on_laptop, note="laptop saw it")
    world.laptop.assessments.answer(laptop_id, "C2", "minor", by=world.assessor_on_laptop)
    work = world.export_work(laptop_id, "conflict.bmx")
    preview = exchange.preview(world.body, work)
    assert [c["item"] for c in preview["conflicts"]] == ["C1"]
    report = exchange.import_bundle(world.body, work)
    assert report["imported"]["answers"] == 1                 # C2 only
    [conflict] = report["conflicts"]
    assert conflict["item"] == "C1"
    assert conflict["register"] == {"value": "minor", "note": "body saw it"}
    assert conflict["bundle"] == {"value": "major", "note": "laptop saw it"}
    answers = world.body.assessments.answers(world.assessment)
    assert answers["C1"]["value"] == "minor" and answers["C2"]["value"] == "minor"
    # Importing it again records no new conflict and writes nothing; the open one is listed.
    before = body_snapshot(world)
    again = exchange.import_bundle(world.body, work)
    assert again["unchanged"] is True and [c["id"] for c in again["conflicts"]] == [conflict["id"]]
    assert body_snapshot(world) == before
    # Settled item by item, each choice logged.
    settled = exchange.resolve_conflict(world.body, conflict["id"], "bundle", by=world.admin)
    assert settled["status"] == "taken" and settled["resolved_by"] == "管理员"
    assert world.body.assessments.answers(world.assessment)["C1"]["value"] == "major"
    logged = [e for e in world.body.events.list("assessment", world.assessment)
              if e["action"] == "exchange.conflict_resolve"]
    assert logged[0]["details"]["choice"] == "bundle" and logged[0]["actor"] == "管理员"
    assert exchange.conflicts(world.body, world.assessment) == []
    assert refused(exchange.resolve_conflict, world.body, conflict["id"], "register",
                   by=world.admin) == "exchange.conflict_settled"


def test_keeping_the_registers_answer(world):
    laptop_id = work_on_laptop(world)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    world.body.assessments.answer(world.assessment, "P1", 1, by=world.clerk)
    world.laptop.assessments.answer(laptop_id, "P1", 2, by=world.assessor_on_laptop)
    [conflict] = exchange.import_bundle(world.body, world.export_work(laptop_id, "c.bmx"))["conflicts"]
    settled = exchange.resolve_conflict(world.body, conflict["id"], "register", by=world.admin)
    assert settled["status"] == "kept"
    assert world.body.assessments.answers(world.assessment)["P1"]["value"] == 1
    # Agreed now: the same bundle again is no conflict.
    assert exchange.import_bundle(world.body, world.export_work(laptop_id, "c.bmx"))["conflicts"] == []


def test_only_the_body_changed_an_item_the_body_keeps_it(world):
    laptop_id = work_on_laptop(world)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    world.body.assessments.answer(world.assessment, "P2", 1, by=world.clerk)
    report = exchange.import_bundle(world.body, world.export_work(laptop_id, "again.bmx"))
    assert report["conflicts"] == [] and report["unchanged"] is True
    assert world.body.assessments.answers(world.assessment)["P2"]["value"] == 1


# -- refusals: signers, packs, tampering -------------------------------------------------------

def test_a_deactivated_signer_is_refused_whole(world):
    work = world.export_work(work_on_laptop(world))
    world.body.people.deactivate(world.assessor_at_body, by=world.admin, reason="left")
    before = body_snapshot(world)
    assert refused(exchange.import_bundle, world.body, work) == "exchange.signer_inactive"
    assert body_snapshot(world) == before


def test_work_signed_by_another_person_is_refused(world, tmp_path):
    laptop_id = work_on_laptop(world)
    # Another registered assessor, whose card the body also imported, signs a bundle for
    # the same assignment (they have the laptop's database).
    intruder = world.laptop.people.add(name="李雷", roles=["assessor"], schemes=["mini"], passphrase=TEST_PASSPHRASE,
                                       by="x")
    world.laptop.people.unlock(intruder["id"], TEST_PASSPHRASE)
    exchange.export_card(world.laptop, intruder["id"], tmp_path / "li.card")
    exchange.import_card(world.body, tmp_path / "li.card", roles="assessor", schemes="mini", by=world.admin)
    assert refused(exchange.export_assessment, world.laptop, laptop_id, path=tmp_path / "li.bmx",
                   by=intruder["id"]) == "exchange.not_the_assessor"
    # Forge it: the assessor's own content, signed with the intruder's key.
    from brandmark.exchange import bundle as bmx
    good = bmx.read_bundle(world.export_work(laptop_id))
    key_id, private = world.laptop.people.unlocked_key(world.laptop.people.actor(intruder["id"]))
    with open(tmp_path / "forged.bmx", "wb") as out:
        bmx.write_bundle(out, kind="work", content=good.content, signer=bmx.Signer("person", key_id, private.sign),
                         created_at=good.manifest["created_at"],
                         evidence=[bmx.EvidenceSource(s, e.size, lambda s=s: good.iter_evidence(s))
                                   for s, e in good.evidence.items()])
    before = body_snapshot(world)
    assert refused(exchange.import_bundle, world.body, tmp_path / "forged.bmx") == "exchange.wrong_signer"
    assert body_snapshot(world) == before


@pytest.mark.parametrize("part, code", [
    ("manifest.json", "exchange.bad_signature"),
    ("content.json", "exchange.content_hash"),
    ("evidence", "exchange.evidence_hash"),
    ("signature.json", "exchange.bad_signature"),
])
def test_a_byte_changed_in_any_part_refuses_the_whole_bundle(world, tmp_path, part, code):
    work = world.export_work(work_on_laptop(world, evidence=b"x" * 100_000))

    def change(name, data):
        if name == part or (part == "evidence" and name.startswith("evidence/")):
            if part == "signature.json":
                signature = json.loads(data)
                signature["signature"] = flip_byte(signature["signature"].encode()).decode()
                return json.dumps(signature).encode()
            return flip_byte(data)
        return data

    tampered = rewrite_zip(work, tmp_path / "tampered.bmx", change)
    before = body_snapshot(world)
    assert refused(exchange.import_bundle, world.body, tampered) == code
    assert body_snapshot(world) == before


def test_a_flipped_byte_in_the_file_itself_is_refused(world, tmp_path):
    work = world.export_work(work_on_laptop(world, evidence=b"y" * 50_000))
    data = bytearray(work.read_bytes())
    data[len(data) // 3] ^= 0x20
    (tmp_path / "flipped.bmx").write_bytes(bytes(data))
    before = body_snapshot(world)
    assert refused(exchange.import_bundle, world.body, tmp_path / "flipped.bmx") in (
        "exchange.malformed", "exchange.evidence_hash", "exchange.not_a_bundle", "exchange.bad_signature")
    assert body_snapshot(world) == before


def test_an_unknown_pack_hash_is_refused(world, tmp_path):
    work = world.export_work(work_on_laptop(world))
    from brandmark.exchange import bundle as bmx
    good = bmx.read_bundle(work)
    content = json.loads(json.dumps(good.content))
    content["assessment"]["scheme_hash"] = "0" * 64
    key_id, private = world.laptop.people.unlocked_key(world.laptop.people.actor(world.assessor_on_laptop))
    with open(tmp_path / "other-pack.bmx", "wb") as out:
        bmx.write_bundle(out, kind="work", content=content, signer=bmx.Signer("person", key_id, private.sign),
                         created_at=good.manifest["created_at"],
                         evidence=[bmx.EvidenceSource(s, e.size, lambda s=s: good.iter_evidence(s))
                                   for s, e in good.evidence.items()])
    assert refused(exchange.import_bundle, world.body, tmp_path / "other-pack.bmx") == "exchange.unknown_pack"


def test_the_body_does_not_import_its_own_assignment(world):
    assert refused(exchange.import_bundle, world.body, world.assign()) == "exchange.own_assignment"


def test_progress_is_reported_and_cancel_writes_nothing(world):
    from brandmark.errors import Cancelled
    work = world.export_work(work_on_laptop(world, evidence=b"z" * (3 * 1024 * 1024)))
    seen = []
    exchange.preview(world.body, work)
    before = body_snapshot(world)
    with pytest.raises(Cancelled):
        exchange.import_bundle(world.body, work, progress=lambda done, total: seen.append((done, total)) or False)
    assert body_snapshot(world) == before
    report = exchange.import_bundle(world.body, work, progress=lambda done, total: seen.append((done, total)))
    assert report["imported"]["evidence"] == 1
    assert seen[-1] == (3 * 1024 * 1024, 3 * 1024 * 1024)


def test_a_decided_assessment_takes_no_more_work(world):
    work = world.export_work(work_on_laptop(world))
    exchange.import_bundle(world.body, work)
    world.laptop.assessments.answer(1, "P1", 2, by=world.assessor_on_laptop)
    later = world.export_work(1, "later.bmx")
    decider = world.body.people.add(name="李四", roles=["decider"], schemes=["mini"], passphrase=TEST_PASSPHRASE,
                                    by="x")
    world.body.people.unlock(decider["id"], TEST_PASSPHRASE)
    world.body.assessments.decide(world.assessment, "grant", by=decider["id"])
    assert refused(exchange.import_bundle, world.body, later) == "exchange.assessment_decided"


# -- §4 self-assessments ---------------------------------------------------------------------

def test_a_self_assessment_is_attached_to_the_applicant_never_answers(world):
    enterprise = world.enterprise
    applicant = enterprise.applicants.add(name="杭州测试电器有限公司", uscc=USCC, region="杭州", actor="企业")
    own = enterprise.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="企业质量部 陈工", mode="self")
    enterprise.assessments.answer_many(own, {"V1": "pass", "C1": "conform", "P1": 1}, by="陈工")
    path = world.path("self.bmx")
    result = exchange.export_assessment(enterprise, own, path=path, by="陈工")
    assert result["kind"] == "self-assessment"
    with zipfile.ZipFile(path) as archive:
        assert "signature.json" not in archive.namelist()
    before = world.body.conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    report = exchange.import_bundle(world.body, path)
    assert report["assessment"] is None and report["unchanged"] is False
    assert world.body.conn.execute("SELECT count(*) FROM answers").fetchone()[0] == before
    [attached] = exchange.self_assessments(world.body, world.applicant)
    assert attached["self_declared"] is True and attached["declared_by"] == "陈工"
    expected = enterprise.assessments.score(own)
    assert attached["readiness"] == round(expected.readiness, 2)
    assert [g["item"] for g in attached["gaps"]] == [g.item for g in expected.gaps]
    assert exchange.import_bundle(world.body, path)["unchanged"] is True
    assert len(exchange.self_assessments(world.body, world.applicant)) == 1


def test_a_self_assessment_of_an_unknown_applicant_is_refused(world, tmp_path):
    enterprise = world.enterprise
    applicant = enterprise.applicants.add(name="杭州测试电器有限公司", uscc=USCC, region="杭州", actor="企业")
    own = enterprise.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="陈工", mode="self")
    path = tmp_path / "self.bmx"
    exchange.export_assessment(enterprise, own, path=path, by="陈工")
    from brandmark.store import Store
    with Store(tmp_path / "empty-body.db", load_bundled_packs=False) as empty:
        empty.schemes.import_file(MINI_PACK, actor="t")
        assert refused(exchange.import_bundle, empty, path) == "exchange.unknown_applicant"


def test_a_surveillance_assignment_carries_the_previous_certificate_and_findings(world):
    body = world.body
    decider = body.people.add(name="李四", roles=["decider", "authoriser"], schemes=["mini"],
                              passphrase=TEST_PASSPHRASE, by="x")
    body.people.unlock(decider["id"], TEST_PASSPHRASE)
    body.people.unlock(world.clerk, TEST_PASSPHRASE)
    first = new_certification_assessment(body, world.applicant, "mini", assessor=world.clerk,
                                         product="电热水壶", standard="T/ZZB 0001—2026",
                                         implementation_rule="ZJM-006-0001-2026")
    body.assessments.answer_many(first, {**MINI_GRANT, "C2": "minor"}, by=world.clerk)
    [finding] = [f for f in body.assessments.findings(first) if f["item_id"] == "C2"]
    body.assessments.update_finding(finding["id"], by=world.clerk, corrective_action="补全记录")
    body.assessments.close_finding(finding["id"], by=world.clerk, checked="记录已补全", evidence="记录表 2026-03")
    body.assessments.decide(first, "grant", by=decider["id"])
    certificate = body.certificates.issue(first)
    laptop_id = world.receive()
    previous = world.laptop.exchange.assignments(laptop_id, "received")[0]["previous"]
    assert previous["certificate"]["number"] == certificate["number"]
    assert previous["assessment"] == first
    assert [(f["item_id"], f["grade"], f["status"]) for f in previous["findings"]] == [("C2", "minor", "closed")]


def test_a_surveillance_visit_is_a_surveillance_visit_on_the_laptop_too(world):
    body = world.body
    decider = body.people.add(name="李四", roles=["decider", "authoriser"], schemes=["mini"],
                              passphrase=TEST_PASSPHRASE, by="x")
    body.people.unlock(decider["id"], TEST_PASSPHRASE)
    first = new_certification_assessment(body, world.applicant, "mini", assessor=world.clerk,
                                         product="电热水壶", standard="T/ZZB 0001—2026",
                                         implementation_rule="ZJM-006-0001-2026")
    body.assessments.answer_many(first, dict(MINI_GRANT), by=world.clerk)
    body.assessments.decide(first, "grant", by=decider["id"])
    number = body.certificates.issue(first)["number"]
    visit = body.surveillance.open_visit(number, assessor=world.assessor_at_body)
    world.assessment = visit["assessment_id"]
    laptop_id = world.receive("visit.bmx")
    made = world.laptop.assessments.get(laptop_id)
    assert made["kind"] == "surveillance" and made["certificate_number"] is None
    assert [i.id for i in world.laptop.assessments.pack_for(laptop_id).items()] == \
        [i.id for i in body.assessments.pack_for(world.assessment).items()]
    previous = world.laptop.exchange.assignments(laptop_id, "received")[0]["previous"]
    assert previous["certificate"]["number"] == number
    # The visit's work comes back into the visit.
    world.laptop.assessments.answer(laptop_id, "C1", "conform", by=world.assessor_on_laptop)
    report = exchange.import_bundle(body, world.export_work(laptop_id, "visit-work.bmx"))
    assert report["assessment"] == world.assessment and report["imported"]["answers"] == 1
