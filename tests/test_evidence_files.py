"""Large evidence kept outside the database (``brandmark.store.evidence_files``): where it
goes, that every reader finds it there (the export's stream, ``db verify``, ``db check``,
backups and restore, the demo removal), that a refused, cancelled or previewed import
leaves no file, and that a process killed before its commit leaves no row without its file."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from brandmark import exchange
from brandmark.cli import main
from brandmark.errors import Cancelled
from brandmark.store import Store
from brandmark.store.backup import make_backup, restore
from brandmark.store.checks import check_register
from brandmark.store.evidence_files import FILE_THRESHOLD, file_path, files_in, temporaries_in
from brandmark.store.verify import verify_file
from exchange_support import make_world
from support import FIXED_NOW, MINI_GRANT, evidence_bytes, refused_with

ROOT = Path(__file__).resolve().parents[1]
BIG = FILE_THRESHOLD                     # the smallest size kept outside
PHOTO = bytes(range(256)) * (BIG // 256) + b"tail"
SMALL = b"a small scan" * 100


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


def laptop_work(world, *files: tuple[str, bytes]) -> int:
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    for name, data in files:
        world.laptop.assessments.add_evidence(laptop_id, "V1", name, data, by=world.assessor_on_laptop)
    return laptop_id


def rows(store) -> list[tuple]:
    return store.conn.execute("SELECT id, stored, length(content), size, sha256 FROM evidence ORDER BY id").fetchall()


def folder(store) -> Path:
    assert store.evidence_files.folder is not None
    return store.evidence_files.folder


def test_a_large_file_goes_to_the_evidence_folder_and_a_small_one_stays_inside(world):
    laptop_id = laptop_work(world, ("photo.jpg", PHOTO), ("scan.pdf", SMALL))
    (big_id, big_stored, big_length, big_size, big_sha), (small_id, small_stored, small_length, *_) = rows(world.laptop)
    assert (big_stored, big_length, big_size) == ("file", 0, len(PHOTO))
    assert (small_stored, small_length) == ("database", len(SMALL))
    assert big_sha == hashlib.sha256(PHOTO).hexdigest()
    path = file_path(world.folder / "laptop.db.evidence", big_sha)
    assert path.read_bytes() == PHOTO
    assert evidence_bytes(world.laptop, big_id) == PHOTO and evidence_bytes(world.laptop, small_id) == SMALL
    # The list of an item's evidence (the window's, the report's) is the same either way.
    assert [e["file_name"] for e in world.laptop.assessments.evidence(laptop_id)] == ["photo.jpg", "scan.pdf"]


def test_an_in_memory_register_keeps_everything_inside():
    store = Store(":memory:", clock=lambda: FIXED_NOW)
    assert store.evidence_files.folder is None and not store.evidence_files.outside(10 * BIG)


def test_the_same_bytes_twice_are_one_file_kept_as_it_is(world):
    laptop_work(world, ("a.jpg", PHOTO))
    path = file_path(folder(world.laptop), hashlib.sha256(PHOTO).hexdigest())
    inode = path.stat().st_ino
    laptop_id = world.laptop.assessments.list()[0]["id"]
    world.laptop.assessments.add_evidence(laptop_id, "C1", "again.jpg", PHOTO, by=world.assessor_on_laptop)
    assert len(files_in(folder(world.laptop))) == 1 and path.stat().st_ino == inode
    assert [r[1] for r in rows(world.laptop)] == ["file", "file"]


def test_a_damaged_file_gives_way_to_the_verified_bytes_when_they_come_again(world):
    laptop_id = laptop_work(world, ("a.jpg", PHOTO))
    path = file_path(folder(world.laptop), hashlib.sha256(PHOTO).hexdigest())
    path.write_bytes(b"x" * len(PHOTO))
    world.laptop.assessments.add_evidence(laptop_id, "C1", "again.jpg", PHOTO, by=world.assessor_on_laptop)
    assert path.read_bytes() == PHOTO


def test_the_round_trip_carries_a_file_kept_outside_and_the_body_keeps_it_outside(world):
    laptop_id = laptop_work(world, ("photo.jpg", PHOTO), ("scan.pdf", SMALL))
    report = exchange.import_bundle(world.body, world.export_work(laptop_id))
    assert report["imported"]["evidence"] == 2
    stored = {r[4]: r[1] for r in rows(world.body)}
    assert stored == {hashlib.sha256(PHOTO).hexdigest(): "file", hashlib.sha256(SMALL).hexdigest(): "database"}
    assert {evidence_bytes(world.body, r[0]) for r in rows(world.body)} == {PHOTO, SMALL}
    assert verify_file(world.folder / "body.db").intact


def test_a_refused_import_leaves_no_file(world, monkeypatch):
    """The second file's bytes do not match its hash: the first file, already in the folder,
    goes with the rolled-back transaction."""
    other = bytes(reversed(PHOTO))
    laptop_id = laptop_work(world, ("photo.jpg", PHOTO), ("other.jpg", other))
    work = world.export_work(laptop_id)
    from brandmark.exchange import bundle as bundle_module
    real = bundle_module.Bundle.iter_evidence

    def damaged(self, sha256, verify=True):
        for chunk in real(self, sha256, verify=verify):
            yield chunk if sha256 != hashlib.sha256(other).hexdigest() else chunk[:-1] + b"!"

    monkeypatch.setattr(bundle_module.Bundle, "iter_evidence", damaged)
    with refused_with("exchange.evidence_hash"):
        exchange.import_bundle(world.body, work)
    assert rows(world.body) == [] and files_in(folder(world.body)) == {}


def test_a_cancelled_import_and_a_preview_leave_no_file(world):
    work = world.export_work(laptop_work(world, ("photo.jpg", PHOTO)))
    with pytest.raises(Cancelled):
        exchange.import_bundle(world.body, work, progress=lambda done, total: done < len(PHOTO))
    assert rows(world.body) == [] and files_in(folder(world.body)) == {}
    assert exchange.preview(world.body, work)["imported"]["evidence"] == 1
    assert rows(world.body) == [] and files_in(folder(world.body)) == {}
    assert exchange.import_bundle(world.body, work)["imported"]["evidence"] == 1
    assert len(files_in(folder(world.body))) == 1


def test_rows_from_before_the_step_read_as_they_always_did(tmp_path):
    """A register of the step before, a large file inside its database: migrated, its row is
    'database', its bytes untouched, and it reads and verifies as before (nothing rewritten)."""
    from brandmark.store import migrations, schema_evidence_files
    step = next(n for n, m in enumerate(migrations.MIGRATIONS, start=1) if getattr(m, "__closure__", None)
                and schema_evidence_files.V20_EVIDENCE_FILES in [c.cell_contents for c in m.__closure__])
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrations.migrate(conn, target=step - 1)
    assert "stored" not in {row[1] for row in conn.execute("PRAGMA table_info(evidence)")}
    conn.execute("INSERT INTO evidence (id, assessment_id, item_id, file_name, sha256, size, content, added_by, "
                 "added_at) VALUES (1, 1, 'C1', 'photo.jpg', ?, ?, ?, '张三', ?)",
                 [hashlib.sha256(PHOTO).hexdigest(), len(PHOTO), PHOTO, FIXED_NOW.isoformat()])
    conn.close()
    with Store(tmp_path / "old.db", clock=lambda: FIXED_NOW, load_bundled_packs=False) as store:
        assert rows(store) == [(1, "database", len(PHOTO), len(PHOTO), hashlib.sha256(PHOTO).hexdigest())]
        assert evidence_bytes(store, 1) == PHOTO
        assert not folder(store).exists()
    assert verify_file(tmp_path / "old.db").outcomes[1].broken is None


def test_db_verify_reports_a_missing_or_changed_file_with_its_code(world):
    laptop_work(world, ("photo.jpg", PHOTO))
    path = file_path(folder(world.laptop), hashlib.sha256(PHOTO).hexdigest())
    assert verify_file(world.folder / "laptop.db").intact
    path.write_bytes(PHOTO[:-1] + b"!")
    broken = verify_file(world.folder / "laptop.db").first_broken
    assert broken.code == "evidence.file_changed" and broken.params["evidence_id"] == 1
    path.unlink()
    broken = verify_file(world.folder / "laptop.db").first_broken
    assert broken.code == "evidence.file_missing"
    with refused_with("evidence.file_missing"):
        evidence_bytes(world.laptop, 1)


def test_db_check_reports_a_missing_file_and_lists_and_removes_orphans(world, capsys):
    laptop_work(world, ("photo.jpg", PHOTO))
    db = world.folder / "laptop.db"
    orphan = file_path(folder(world.laptop), hashlib.sha256(b"o" * BIG).hexdigest())
    orphan.write_bytes(b"o" * BIG)
    report = check_register(db)
    assert report["ok"] and [o["path"] for o in report["evidence_orphans"]] == [str(orphan)]
    assert main(["--db", str(db), "db", "check", "--remove-orphans", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["path"] for o in out["orphans_removed"]] == [str(orphan)] and out["evidence_orphans"] == []
    assert not orphan.exists() and len(files_in(folder(world.laptop))) == 1
    file_path(folder(world.laptop), hashlib.sha256(PHOTO).hexdigest()).unlink()
    report = check_register(db)
    assert not report["ok"] and [p["code"] for p in report["problems"]] == ["evidence.file_missing"]
    assert main(["--db", str(db), "db", "check"]) == 3
    assert "evidence" in capsys.readouterr().out


def test_a_backup_restored_in_another_folder_has_all_its_evidence(world, tmp_path):
    laptop_work(world, ("photo.jpg", PHOTO), ("scan.pdf", SMALL))
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    backup = make_backup(world.laptop, elsewhere / "laptop-copy.db")
    assert len(files_in(elsewhere / "laptop-copy.db.evidence")) == 1
    assert verify_file(backup).intact
    third = tmp_path / "other-machine"
    third.mkdir()
    restore(third / "register.db", backup, clock=lambda: FIXED_NOW)
    with Store(third / "register.db", clock=lambda: FIXED_NOW, load_bundled_packs=False) as restored:
        assert {evidence_bytes(restored, r[0]) for r in rows(restored)} == {PHOTO, SMALL}
    assert verify_file(third / "register.db").intact


def test_a_backup_without_its_evidence_folder_is_not_restored(world, tmp_path):
    import shutil
    laptop_work(world, ("photo.jpg", PHOTO))
    backup = make_backup(world.laptop, tmp_path / "copy.db")
    shutil.rmtree(tmp_path / "copy.db.evidence")
    with refused_with("backup.evidence_missing"):
        restore(tmp_path / "restored.db", backup, clock=lambda: FIXED_NOW)
    assert not (tmp_path / "restored.db").exists()


def test_restore_over_a_register_keeps_the_set_aside_registers_evidence(world, tmp_path):
    laptop_id = laptop_work(world, ("photo.jpg", PHOTO))
    backup = make_backup(world.laptop, tmp_path / "before.db")
    other = bytes(reversed(PHOTO))
    world.laptop.assessments.add_evidence(laptop_id, "C1", "later.jpg", other, by=world.assessor_on_laptop)
    world.close()
    done = restore(world.folder / "laptop.db", backup, clock=lambda: FIXED_NOW)
    assert done.set_aside is not None
    assert hashlib.sha256(other).hexdigest() in files_in(Path(f"{done.set_aside}.evidence"))
    assert verify_file(done.set_aside).intact and verify_file(world.folder / "laptop.db").intact
    world.laptop = world.body = world.enterprise = Store(":memory:")      # closed above


def test_pruned_daily_backups_take_their_evidence_folders_with_them(world):
    from brandmark.store.backup import backups_folder, copy_database, prune
    laptop_work(world, ("photo.jpg", PHOTO))
    target = backups_folder(world.folder / "laptop.db")
    target.mkdir(parents=True, exist_ok=True)
    old = copy_database(world.laptop.conn, target / "laptop-2020-01-01T000000.db")
    new = copy_database(world.laptop.conn, target / "laptop-2026-01-01T000000.db")
    assert Path(f"{old}.evidence").is_dir()
    prune(target, keep_daily=1, keep_monthly=1)
    assert not old.exists() and not Path(f"{old}.evidence").exists() and Path(f"{new}.evidence").is_dir()


def test_removing_the_demo_removes_its_files_outside(tmp_path):
    from brandmark.demo import load_demo
    from brandmark.store.demo_removal import remove_demo
    store = Store(tmp_path / "demo.db", clock=lambda: FIXED_NOW)
    load_demo(store)                                   # its people signed in
    (assessment_id,) = store.conn.execute(
        "SELECT id FROM assessments WHERE status = 'open' AND applicant_id IN "
        "(SELECT id FROM applicants WHERE demo = 1) ORDER BY id LIMIT 1").fetchone()
    item = store.assessments.pack_for(assessment_id).items()[0].id
    store.assessments.add_evidence(assessment_id, item, "photo.jpg", PHOTO, by="陈工")
    assert len(files_in(folder(store))) == 1
    remove_demo(store, by="管理员")
    assert files_in(folder(store)) == {}
    store.close()
    assert verify_file(tmp_path / "demo.db").intact


KILLED = textwrap.dedent("""
    import os, signal, sys
    sys.path[:0] = [{root!r}, {tests!r}]
    from brandmark import exchange
    from brandmark.store import Store
    from brandmark.store import evidence_files
    from support import FIXED_NOW
    point = sys.argv[2]
    real_write, real_commit = evidence_files.EvidenceFiles.write, evidence_files.EvidenceFiles.before_commit
    def write(self, chunks, sha256):
        size = real_write(self, chunks, sha256)
        if point == "after one file":
            os.kill(os.getpid(), signal.SIGKILL)
        return size
    def before_commit(self):
        real_commit(self)
        if point == "before the commit":
            os.kill(os.getpid(), signal.SIGKILL)
    evidence_files.EvidenceFiles.write, evidence_files.EvidenceFiles.before_commit = write, before_commit
    store = Store(sys.argv[1], clock=lambda: FIXED_NOW, load_bundled_packs=False, auto_backup=False)
    exchange.import_bundle(store, sys.argv[3])
""")


@pytest.mark.parametrize("point", ["after one file", "before the commit"])
def test_a_process_killed_during_an_import_leaves_no_row_without_its_file(world, tmp_path, point):
    """kill -9 between the evidence files being written (and, the second case, their folder
    synced) and the commit: the register has no row of the import, the files it wrote are
    orphans that db check lists, and the import then goes in whole."""
    other = bytes(reversed(PHOTO))
    work = world.export_work(laptop_work(world, ("photo.jpg", PHOTO), ("other.jpg", other)))
    world.body.close()
    script = tmp_path / "killed.py"
    script.write_text(KILLED.format(root=str(ROOT), tests=str(ROOT / "tests")))
    db = world.folder / "body.db"
    done = subprocess.run([sys.executable, str(script), str(db), point, str(work)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    left = files_in(db.with_name("body.db.evidence"))
    # Killed after one file: it was written but not yet named (the files of a transaction are
    # synced and named together before its commit); just before the commit: both named.
    assert len(left) == (0 if point == "after one file" else 2)
    report = check_register(db)
    assert report["ok"] and len(report["evidence_orphans"]) == len(left) + len(temporaries_in(db.with_name(
        "body.db.evidence")))
    world.body = Store(db, clock=lambda: FIXED_NOW, load_bundled_packs=False)
    assert rows(world.body) == [] and world.body.exchange.imports() == []
    assert exchange.import_bundle(world.body, work)["imported"]["evidence"] == 2
    assert check_register(db)["evidence_orphans"] == [] and verify_file(db).intact
    assert {evidence_bytes(world.body, r[0]) for r in rows(world.body)} == {PHOTO, other}
    os.sync()


# -- found in review: one folder however the register is reached, and no backup or removal on bad ground ----------
def test_a_register_opened_through_a_symlink_backs_up_and_checks_its_files(tmp_path):
    """Writes used the path as given and backups/checks the file SQLite resolved: through a
    symlink they were two folders, and every backup lacked its large evidence."""
    world = make_world(tmp_path / "real")
    try:
        laptop_work(world, ("photo.jpg", PHOTO))
        real = world.folder / "laptop.db"
    finally:
        world.close()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    with Store(link, clock=lambda: FIXED_NOW, load_bundled_packs=False, auto_backup=False) as through_link:
        assert folder(through_link) == Path(f"{real.resolve()}.evidence")
        backup = make_backup(through_link, tmp_path / "copy.db")
    assert len(files_in(tmp_path / "copy.db.evidence")) == 1
    assert check_register(link)["ok"] and verify_file(backup).intact


def test_no_backup_is_made_of_a_register_missing_an_evidence_file(world, tmp_path):
    laptop_work(world, ("photo.jpg", PHOTO))
    file_path(folder(world.laptop), hashlib.sha256(PHOTO).hexdigest()).unlink()
    with refused_with("backup.register_evidence_missing"):
        make_backup(world.laptop, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists() and not (tmp_path / "copy.db.evidence").exists()


def test_a_backup_that_cannot_be_deleted_keeps_its_evidence_folder(world, monkeypatch):
    from brandmark.store.backup import backups_folder, copy_database, prune
    laptop_work(world, ("photo.jpg", PHOTO))
    target = backups_folder(world.folder / "laptop.db")
    target.mkdir(parents=True, exist_ok=True)
    old = copy_database(world.laptop.conn, target / "laptop-2020-01-01T000000.db")
    copy_database(world.laptop.conn, target / "laptop-2026-01-01T000000.db")
    real_unlink = Path.unlink

    def held_open(self, *args, **kwargs):          # as Windows refuses to delete an open file
        if self == old:
            raise PermissionError(13, "in use", str(self))
        return real_unlink(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", held_open)
    assert old not in prune(target, keep_daily=1, keep_monthly=1)
    assert old.exists() and len(files_in(Path(f"{old}.evidence"))) == 1


def test_orphans_are_not_removed_from_a_damaged_register(world, capsys):
    laptop_work(world, ("photo.jpg", PHOTO))
    db = world.folder / "laptop.db"
    orphan = file_path(folder(world.laptop), hashlib.sha256(b"o" * BIG).hexdigest())
    orphan.write_bytes(b"o" * BIG)
    file_path(folder(world.laptop), hashlib.sha256(PHOTO).hexdigest()).unlink()      # damage: a row lacks its file
    assert main(["--db", str(db), "db", "check", "--remove-orphans", "--json"]) == 3
    out = json.loads(capsys.readouterr().out)
    assert "orphans_removed" not in out and out["orphans_kept"] and orphan.exists()


def test_a_restore_puts_back_the_backups_good_bytes_over_a_damaged_file_of_the_same_size(world, tmp_path):
    laptop_work(world, ("photo.jpg", PHOTO))
    backup = make_backup(world.laptop, tmp_path / "before.db")
    live = file_path(folder(world.laptop), hashlib.sha256(PHOTO).hexdigest())
    world.close()
    damaged = live.with_name("damaged")
    damaged.write_bytes(bytes(len(PHOTO)))              # the same size, other bytes, a file of its own
    damaged.replace(live)
    restore(world.folder / "laptop.db", backup, clock=lambda: FIXED_NOW)
    assert live.read_bytes() == PHOTO and verify_file(world.folder / "laptop.db").intact
    world.laptop = world.body = world.enterprise = Store(":memory:")      # closed above
