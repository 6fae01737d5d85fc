"""Evidence intake: only regular files, bounded reads, checked names, never brandmark's own files."""

from __future__ import annotations

import json
import os
import sqlite3
import threading

import pytest

from brandmark.errors import RefusedInput
from brandmark.store import Store
from brandmark.store import assessments as assessments_module
from brandmark.store import guard
from brandmark.store.evidence_intake import _read_at_most, read_evidence
from support import MINI_PACK, register_staff, evidence_bytes, new_certification_assessment

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, /dev/zero and symlinks as POSIX has them")


@pytest.fixture
def register(tmp_path, clock):
    path = tmp_path / "register" / "brandmark.db"
    with Store(path, clock=clock, load_bundled_packs=False) as store:
        store.schemes.import_file(MINI_PACK, actor="tester")
        register_staff(store)
        applicant = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", actor="tester")
        store.assessment_id = new_certification_assessment(store, applicant, "mini", assessor="张三")
        yield store


def refusal(store, path) -> str:
    before = evidence_and_events(store)
    with pytest.raises(RefusedInput) as caught:
        store.assessments.add_evidence(store.assessment_id, "C1", path, by="张三")
    assert evidence_and_events(store) == before          # a refusal writes nothing
    return caught.value.problems[0].code


def evidence_and_events(store) -> tuple[int, int]:
    return tuple(store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("evidence", "events"))


def test_an_ordinary_file_is_stored_with_its_resolved_source(register, tmp_path):
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 jpeg bytes")
    evidence_id = register.assessments.add_evidence(register.assessment_id, "C1", str(photo), by="张三")
    assert evidence_bytes(register, evidence_id) == b"\xff\xd8 jpeg bytes"
    event = register.events.list("assessment", register.assessment_id)[0]
    assert event["details"]["file"] == "现场照片.jpg" and event["details"]["source"] == str(photo.resolve())
    assert event["details"]["evidence"] == evidence_id


def test_a_fifo_is_refused_without_hanging(register, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    codes: list[str] = []
    worker = threading.Thread(target=lambda: codes.append(refusal(register, str(fifo))), daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():
        # Unblock the reader so the test process can end, then fail.
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO as evidence hung")
    assert codes == ["evidence.not_regular"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_and_a_folder_are_refused(register, tmp_path):
    assert refusal(register, "/dev/zero") == "evidence.not_regular"
    assert refusal(register, str(tmp_path)) == "evidence.not_regular"


def test_the_size_limit_holds_while_reading_not_after(tmp_path):
    """A source that keeps giving bytes (here a pipe) is cut off at limit + 1 bytes."""
    reader, writer = os.pipe()
    limit = 64 * 1024
    feeder = threading.Thread(target=lambda: (os.write(writer, b"x" * (limit + 4096)), os.close(writer)))
    feeder.start()
    with pytest.raises(RefusedInput) as caught:
        _read_at_most(reader, limit, (), "stream")
    assert caught.value.problems[0].code == "evidence.too_large"
    left = b""
    while chunk := os.read(reader, 65536):
        left += chunk
    feeder.join()
    os.close(reader)
    assert len(left) == 4096 - 1          # exactly limit + 1 bytes were read, no more


def test_a_file_over_the_limit_is_refused(register, tmp_path, monkeypatch):
    monkeypatch.setattr(assessments_module, "MAX_EVIDENCE_BYTES", 10)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 11)
    assert refusal(register, str(big)) == "evidence.too_large"


def test_a_symlink_is_followed_and_the_target_recorded(register, tmp_path):
    target = tmp_path / "real" / "报告.pdf"
    target.parent.mkdir()
    target.write_bytes(b"%PDF-1.7")
    link = tmp_path / "shortcut.pdf"
    link.symlink_to(target)
    register.assessments.add_evidence(register.assessment_id, "C1", str(link), by="张三")
    details = register.events.list("assessment", register.assessment_id)[0]["details"]
    assert details["file"] == "shortcut.pdf" and details["source"] == str(target.resolve())


@pytest.mark.parametrize(("name", "code"), [
    ("line\nbreak.txt", "evidence.name_control"),
    ("esc\x1b[31m.txt", "evidence.name_control"),
    ("invoice\u202efdp.exe", "evidence.name_bidi"),
])
def test_file_names_are_checked_like_text_fields(register, tmp_path, name, code):
    path = tmp_path / name
    path.write_bytes(b"data")
    assert refusal(register, str(path)) == code
    with pytest.raises(RefusedInput) as caught:       # a name given with its bytes, too
        register.assessments.add_evidence(register.assessment_id, "C1", name, b"data", by="张三")
    assert caught.value.problems[0].code == code


def test_a_name_that_is_not_utf8_is_refused(register, tmp_path):
    raw = os.fsencode(tmp_path) + b"/bad-\xff\xfe.txt"
    with open(raw, "wb") as handle:
        handle.write(b"data")
    assert refusal(register, os.fsdecode(raw)) == "evidence.name_not_utf8"


def test_the_register_database_and_its_companions_are_refused(register, tmp_path):
    db = register.path
    assert refusal(register, str(db)) == "db.register_file"
    assert os.path.exists(f"{db}-wal")
    assert refusal(register, f"{db}-wal") == "db.register_file"
    assert refusal(register, f"{db}-shm") == "db.register_file"
    other_name = tmp_path / "innocent.pdf"
    os.link(db, other_name)                     # the same file under another name: caught by inode
    assert refusal(register, str(other_name)) == "db.register_file"
    link = tmp_path / "link.pdf"
    link.symlink_to(db)
    assert refusal(register, str(link)) == "db.register_file"
    assert register.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def legacy_signing_key(data_folder):
    """The private key as brandmark before 0.2 kept it: clear PEM in <data folder>/keys."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = data_folder / "keys" / "signing-key.pem"
    path.parent.mkdir(mode=0o700)
    path.write_bytes(Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return path


def test_the_signing_key_and_backups_are_refused(register, tmp_path, isolated_user_dirs):
    key_path = legacy_signing_key(isolated_user_dirs)
    assert refusal(register, str(key_path)) == "db.register_file"
    copy = tmp_path / "key-hardlink.txt"
    os.link(key_path, copy)
    assert refusal(register, str(copy)) == "db.register_file"
    backups = isolated_user_dirs / "backups"
    backups.mkdir()
    (backups / "brandmark-2026-03-01.db").write_bytes(b"SQLite format 3\x00")
    assert refusal(register, str(backups / "brandmark-2026-03-01.db")) == "db.register_file"


def test_register_files_are_refused_before_anything_opens_them(tmp_path, monkeypatch):
    """Opening and closing the live database in our process would drop SQLite's locks."""
    db = tmp_path / "x.db"
    db.write_bytes(b"")
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda path, *a, **k: (opened.append(path), real_open(path, *a, **k))[1])
    guard.protect(db)
    try:
        with pytest.raises(RefusedInput) as caught:
            read_evidence(str(db), 1000)
    finally:
        guard.release(db)
    assert caught.value.problems[0].code == "db.register_file"
    assert opened == []


# -- through the command line -------------------------------------------------------------------

@pytest.fixture
def run_cli(capsys, passphrase):
    from brandmark.cli import main

    def run(*args):
        code = main([str(a) for a in args])
        return (code, *capsys.readouterr())
    return run


def answers_file(tmp_path, evidence: list[str]) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": {"C1": {"value": "conform", "evidence": evidence}}}), encoding="utf-8")
    return str(path)


def test_an_answers_file_cannot_copy_the_signing_key_into_the_register(register, tmp_path, run_cli,
                                                                       isolated_user_dirs):
    key_path = legacy_signing_key(isolated_user_dirs)
    key_bytes = key_path.read_bytes()
    db = str(register.path)
    code, _, err = run_cli("--db", db, "assessments", "answer", register.assessment_id,
                           "--file", answers_file(tmp_path, [str(key_path)]))
    assert code == 2 and "brandmark" in err and "key" in err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    assert not conn.execute("SELECT 1 FROM evidence WHERE instr(content, ?)", [key_bytes[:40]]).fetchall()


@pytest.mark.parametrize("path", ["bad-\udcff.txt", "bad-\ud800/fine.txt", "bad-\ud800.txt"])
def test_a_non_utf8_name_in_an_answers_file_exits_2(register, tmp_path, run_cli, path):
    code, _, err = run_cli("--db", register.path, "assessments", "answer", register.assessment_id,
                           "--file", answers_file(tmp_path, [str(tmp_path / path)]))
    assert code == 2 and "UTF-8" in err


def test_a_fifo_in_an_answers_file_exits_2(register, tmp_path, run_cli):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = []
    worker = threading.Thread(target=lambda: result.append(run_cli(
        "--db", register.path, "assessments", "answer", register.assessment_id,
        "--file", answers_file(tmp_path, [str(fifo)]))), daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("an answers file naming a FIFO hung the command")
    assert result[0][0] == 2
