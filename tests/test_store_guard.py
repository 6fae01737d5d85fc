"""The register's own files are refused wherever brandmark opens a path a person chose
(issue 8 §1): by name, through a symlink, through a hard link, in the keys and backups."""

from __future__ import annotations

import os

import pytest

from brandmark.errors import RefusedInput
from brandmark.store import Store, guard
from support import new_certification_assessment


@pytest.fixture
def open_register(tmp_path):
    with Store(tmp_path / "reg" / "brandmark.db", load_bundled_packs=False) as store:
        store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", region="杭州", actor="t")
        yield store


def refused_code(path) -> str | None:
    try:
        guard.refuse_if_register_file(path)
    except RefusedInput as exc:
        return exc.problems[0].code
    return None


def test_the_open_database_and_its_sidecars_are_refused(open_register):
    db = open_register.path
    for suffix in ("", "-wal", "-shm", "-journal"):
        assert refused_code(f"{db}{suffix}") == "db.register_file", suffix
    assert refused_code(db.parent / "other.txt") is None


def test_links_to_the_database_are_refused(open_register, tmp_path):
    db = open_register.path
    (tmp_path / "link.db").symlink_to(db)
    os.link(db, tmp_path / "hard.db")
    assert refused_code(tmp_path / "link.db") == "db.register_file"
    assert refused_code(tmp_path / "hard.db") == "db.register_file"
    assert refused_code(db.parent / ".." / "reg" / "brandmark.db") == "db.register_file"


def test_a_closed_store_is_no_longer_guarded(tmp_path):
    path = tmp_path / "closed.db"
    Store(path, load_bundled_packs=False).close()
    assert refused_code(path) is None


def test_the_default_database_keys_and_backups_are_guarded_before_any_store_opens(isolated_user_dirs):
    data = isolated_user_dirs
    assert refused_code(data / "default.db") == "db.register_file"      # BRANDMARK_DB, not created
    (data / "keys").mkdir()
    (data / "keys" / "signing-key.pem").write_text("secret")
    os.link(data / "keys" / "signing-key.pem", data / "copy.pem")
    assert refused_code(data / "keys" / "signing-key.pem") == "db.register_file"
    assert refused_code(data / "copy.pem") == "db.register_file"
    assert refused_code(data / "backups" / "brandmark-2026-03-01.db") == "db.register_file"
    assert not (data / "default.db").exists()


def test_the_database_is_refused_as_evidence(mini_store, applicant):
    assessment = new_certification_assessment(mini_store, applicant, "mini", assessor="张三")
    with pytest.raises(RefusedInput) as refused:
        mini_store.assessments.add_evidence(assessment, "V1", f"{mini_store.path}-wal", by="张三")
    assert refused.value.problems[0].code == "db.register_file"
    assert mini_store.assessments.evidence(assessment, "V1") == []


def test_the_cli_refuses_to_read_or_write_the_register(tmp_path, capsys):
    from brandmark.cli import main

    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "applicants", "add", "--name", "甲公司", "--uscc", "91350100M000100Y43"]) == 0
    size = db.stat().st_size
    capsys.readouterr()
    for argv in (["schemes", "import", str(db)],
                 ["certificates", "status-list", "-o", str(db)],
                 ["certificates", "verify", "--pdf", f"{db}-wal"],
                 ["keys", "export-public", "-o", str(db)]):
        assert main(["--db", str(db), *argv]) == 2, argv
        assert "register's own files" in capsys.readouterr().err, argv
    assert db.stat().st_size == size
    with Store(db, load_bundled_packs=False) as store:
        assert store.applicants.count() == 1
