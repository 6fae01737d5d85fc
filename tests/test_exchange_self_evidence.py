"""An enterprise's self-assessment carries its evidence files (issue 10 §4): exported with
their SHA-256 like an assessor's work, kept at the body with the attachment (never as
answers or evidence of a certification assessment), in the database or the evidence folder
by size, readable, verified, backed up, and refused whole when a file was tampered with."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from brandmark import exchange
from brandmark.errors import Cancelled
from brandmark.exchange.bundle import read_bundle
from brandmark.store.backup import make_backup, restore
from brandmark.store.checks import check_register
from brandmark.store.evidence_files import FILE_THRESHOLD, file_path, files_in
from brandmark.store.verify import verify_file
from exchange_support import USCC, make_world, rewrite_zip
from support import FIXED_NOW, refused_with

PHOTO = bytes(range(256)) * (FILE_THRESHOLD // 256) + b"factory floor"
SCAN = b"%PDF-1.4 test report " * 50


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


def self_bundle(world, *files: tuple[str, str, bytes], name: str = "self.bmx"):
    enterprise = world.enterprise
    applicant = enterprise.applicants.add(name="杭州测试电器有限公司", uscc=USCC, region="杭州", actor="企业")
    own = enterprise.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="陈工", mode="self")
    enterprise.assessments.answer_many(own, {"V1": "pass", "C1": "conform", "P1": 1}, by="陈工")
    for item, file_name, data in files:
        enterprise.assessments.add_evidence(own, item, file_name, data, by="陈工")
    result = exchange.export_assessment(enterprise, own, path=world.path(name), by="陈工")
    return world.path(name), result


def attached_rows(store) -> list[tuple]:
    return store.conn.execute("SELECT id, item_id, file_name, stored, length(content), size, sha256 "
                              "FROM applicant_attachment_evidence ORDER BY id").fetchall()


def test_the_export_carries_the_evidence_files_with_their_sha256(world):
    path, result = self_bundle(world, ("C1", "车间.jpg", PHOTO), ("V1", "report.pdf", SCAN))
    assert result["evidence"] == 2
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
    content = read_bundle(path).content
    assert {f"evidence/{hashlib.sha256(d).hexdigest()}" for d in (PHOTO, SCAN)} <= names
    assert "signature.json" not in names
    assert [(e["item"], e["name"], e["size"]) for e in content["evidence"]] == \
        [("C1", "车间.jpg", len(PHOTO)), ("V1", "report.pdf", len(SCAN))]


def test_the_body_keeps_them_with_the_attachment_never_as_assessment_evidence(world):
    path, _ = self_bundle(world, ("C1", "车间.jpg", PHOTO), ("V1", "report.pdf", SCAN))
    report = exchange.import_bundle(world.body, path)
    assert report["imported"] == {"self_assessments": 1, "evidence": 2}
    assert world.body.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    [(big_id, _, _, big_stored, big_length, _, big_sha), (small_id, _, _, small_stored, *_)] = attached_rows(world.body)
    assert (big_stored, big_length, small_stored) == ("file", 0, "database")
    assert file_path(world.folder / "body.db.evidence", big_sha).read_bytes() == PHOTO
    [attached] = exchange.self_assessments(world.body, world.applicant)
    assert [(e["item_id"], e["file_name"], e["added_by"]) for e in attached["evidence"]] == \
        [("C1", "车间.jpg", "陈工"), ("V1", "report.pdf", "陈工")]
    assert b"".join(world.body.exchange.attachment_evidence_chunks(big_id)) == PHOTO
    assert b"".join(world.body.exchange.attachment_evidence_chunks(small_id)) == SCAN
    event = next(e for e in world.body.events.list("applicant", world.applicant)
                 if e["action"] == "applicant.attach_self_assessment")
    assert [f["sha256"] for f in event["details"]["evidence"]] == [big_sha, hashlib.sha256(SCAN).hexdigest()]
    # The same bundle again: nothing new, no second copy.
    again = exchange.import_bundle(world.body, path)
    assert again["unchanged"] is True and again["imported"] == {"self_assessments": 0, "evidence": 0}
    assert len(attached_rows(world.body)) == 2 and len(files_in(world.folder / "body.db.evidence")) == 1
    assert verify_file(world.folder / "body.db").intact


def test_a_copy_is_saved_whole_and_checked(world, tmp_path):
    path, _ = self_bundle(world, ("C1", "车间.jpg", PHOTO))
    exchange.import_bundle(world.body, path)
    [(evidence_id, *_)] = attached_rows(world.body)
    saved = exchange.save_attached_evidence(world.body, evidence_id, tmp_path / "copy.jpg")
    assert (tmp_path / "copy.jpg").read_bytes() == PHOTO and saved["size"] == len(PHOTO)
    with refused_with("db.register_file"):
        exchange.save_attached_evidence(world.body, evidence_id, world.folder / "body.db")


def test_a_tampered_or_missing_evidence_file_refuses_the_whole_bundle(world, tmp_path):
    path, _ = self_bundle(world, ("C1", "车间.jpg", PHOTO), ("V1", "report.pdf", SCAN))
    photo_entry = f"evidence/{hashlib.sha256(PHOTO).hexdigest()}"
    # The manifest lists each entry's size and hash: a changed byte of the same length is
    # refused when the entry is read (the bytes no longer hash to the entry's name).
    tampered = rewrite_zip(path, tmp_path / "tampered.bmx",
                           lambda name, data: data[:-1] + b"!" if name == photo_entry else data)
    with refused_with("exchange.evidence_hash"):
        exchange.import_bundle(world.body, tampered)
    dropped = rewrite_zip(path, tmp_path / "dropped.bmx", lambda name, data: None if name == photo_entry else data)
    with pytest.raises(Exception) as refused:
        exchange.import_bundle(world.body, dropped)
    assert refused.value.problems[0].code in ("exchange.missing_entry", "exchange.unlisted_entry")
    assert attached_rows(world.body) == [] and exchange.self_assessments(world.body, world.applicant) == []
    assert files_in(world.folder / "body.db.evidence") == {}


def test_an_evidence_entry_for_an_item_the_pack_does_not_have_is_refused(world, tmp_path):
    import json

    from brandmark.exchange.bundle import Signer, write_bundle
    path, _ = self_bundle(world)
    content = read_bundle(path).content
    content["evidence"] = [{"item": "NOPE", "name": "x.jpg", "sha256": hashlib.sha256(SCAN).hexdigest(),
                            "size": len(SCAN), "added_by": "陈工", "added_at": FIXED_NOW.isoformat()}]
    from brandmark.exchange.bundle import EvidenceSource
    forged = tmp_path / "forged.bmx"
    with open(forged, "wb") as out:
        write_bundle(out, kind="self-assessment", content=json.loads(json.dumps(content)),
                     signer=Signer("self-declared", "", None, "陈工"), created_at=content["exported_at"],
                     evidence=[EvidenceSource(hashlib.sha256(SCAN).hexdigest(), len(SCAN), lambda: [SCAN])])
    with refused_with("exchange.unknown_item"):
        exchange.import_bundle(world.body, forged)


def test_a_cancelled_import_writes_nothing(world):
    path, _ = self_bundle(world, ("C1", "车间.jpg", PHOTO))
    with pytest.raises(Cancelled):
        exchange.import_bundle(world.body, path, progress=lambda done, total: done < len(PHOTO))
    assert attached_rows(world.body) == [] and files_in(world.folder / "body.db.evidence") == {}
    assert exchange.preview(world.body, path)["imported"]["evidence"] == 1
    assert attached_rows(world.body) == [] and files_in(world.folder / "body.db.evidence") == {}


def test_verify_check_and_backups_know_the_attached_files(world, tmp_path):
    path, _ = self_bundle(world, ("C1", "车间.jpg", PHOTO), ("V1", "report.pdf", SCAN))
    exchange.import_bundle(world.body, path)
    backup = make_backup(world.body, tmp_path / "body-copy.db")
    restore(tmp_path / "restored.db", backup, clock=lambda: FIXED_NOW)
    assert verify_file(tmp_path / "restored.db").intact
    stored = file_path(world.folder / "body.db.evidence", hashlib.sha256(PHOTO).hexdigest())
    stored.write_bytes(PHOTO[:-1] + b"?")
    broken = verify_file(world.folder / "body.db").first_broken
    assert broken.code == "evidence.attached_changed" and broken.params["attachment_id"] == 1
    stored.unlink()
    assert verify_file(world.folder / "body.db").first_broken.code == "evidence.attached_file_missing"
    assert [p["code"] for p in check_register(world.folder / "body.db")["problems"]] == \
        ["evidence.attached_file_missing"]
    stored.write_bytes(PHOTO)
    assert verify_file(world.folder / "body.db").intact
    world.body.conn.execute("UPDATE applicant_attachment_evidence SET content = ? WHERE stored = 'database'",
                            [SCAN[:-1] + b"!"])
    world.body.conn.commit()
    broken = verify_file(world.folder / "body.db").first_broken
    assert broken.code == "evidence.attached_changed" and broken.params["evidence_id"] == 2


def test_the_demo_removal_takes_an_attached_self_assessment_and_its_files(tmp_path):
    from brandmark.demo import load_demo
    from brandmark.store import Store
    from brandmark.store.demo_removal import remove_demo
    store = Store(tmp_path / "demo.db", clock=lambda: FIXED_NOW)
    load_demo(store)
    applicant_id = store.conn.execute("SELECT id FROM applicants WHERE demo = 1 ORDER BY id").fetchone()[0]
    attachment_id, _ = store.exchange.attach_self_assessment(
        applicant_id, bundle_id="b" * 64, scheme_id="x", scheme_version="1", scheme_hash="h", declared_by="陈工",
        content={}, by="t", evidence=[{"item": "C1", "name": "a.jpg", "sha256": hashlib.sha256(PHOTO).hexdigest(),
                                       "size": len(PHOTO)}], evidence_chunks=lambda sha: [PHOTO])
    assert len(files_in(tmp_path / "demo.db.evidence")) == 1
    remove_demo(store, by="管理员")
    assert attached_rows(store) == [] and files_in(tmp_path / "demo.db.evidence") == {}
    store.close()
