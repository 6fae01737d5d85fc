"""Backups and restore (issue 8, section 4): consistent copies while others write, one a day
on the first write, pruning, checks, and a restore that keeps the register it replaces."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.store import Store
from brandmark.store import backup
from brandmark.store.migrations import LATEST
from support import REPO

UTC = dt.timezone.utc


def clock_at(*moment):
    return lambda: dt.datetime(*moment, tzinfo=UTC)


def add_applicant(store, serial: int) -> int:
    from brandmark.uscc import make_uscc
    return store.applicants.add(name=f"测试公司{serial}", uscc=make_uscc("91", "330100", f"B{serial:07d}"),
                                region="杭州", actor="tester")


def count(path: Path, table: str = "applicants") -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def register(tmp_path):
    """A register made yesterday (so today's first write is due a backup) with two applicants."""
    path = tmp_path / "register.db"
    with Store(path, clock=clock_at(2026, 3, 1, 2), load_bundled_packs=False) as store:
        add_applicant(store, 1)
        add_applicant(store, 2)
    return path


def backup_names(db: Path) -> list[str]:
    folder = backup.backups_folder(db)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


# -- making one ---------------------------------------------------------------------------
def test_a_backup_is_a_sound_single_file_with_the_whole_register(register, tmp_path):
    with Store(register, clock=clock_at(2026, 3, 2, 1), load_bundled_packs=False, auto_backup=False) as store:
        store.settings.set("certificates.number_pattern", "X-{seq}", actor="admin")
        (tmp_path / "out").mkdir()
        target = backup.make_backup(store, tmp_path / "out" / "copy.db")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["copy.db"]      # no -wal, no -shm
    assert backup.check_backup(target) == backup.BackupCheck(True, LATEST)
    assert count(target) == 2
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT value FROM settings WHERE key = 'certificates.number_pattern'").fetchone() == \
        ("X-{seq}",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


WRITER = """
import sys, time
from pathlib import Path
from brandmark.store import Store
from brandmark.uscc import make_uscc
db, stop = sys.argv[1], Path(sys.argv[2])
with Store(db, load_bundled_packs=False, auto_backup=False) as store:
    serial = 1000
    while not stop.exists():
        serial += 1
        store.applicants.add(name=f"并发公司{serial}", uscc=make_uscc("91", "330100", f"W{serial:07d}"),
                             region="杭州", actor="writer")
        if serial == 1001:
            print("writing", flush=True)
    print(serial - 1000, flush=True)
"""


def test_a_backup_while_another_process_writes_is_consistent_and_the_writer_goes_on(register, tmp_path):
    stop = tmp_path / "stop"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(register), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert writer.stdout.readline().strip() == "writing"
        counts = []
        with Store(register, load_bundled_packs=False, auto_backup=False) as store:
            for index in range(5):
                copy = backup.make_backup(store, tmp_path / f"during-{index}.db")
                assert backup.check_backup(copy).ok
                counts.append(count(copy))
                conn = sqlite3.connect(copy)
                # One instant of the register: every applicant's creation event is there too.
                assert conn.execute("SELECT count(*) FROM events WHERE action = 'applicant.add'").fetchone()[0] \
                    == counts[-1]
                conn.close()
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    written = int(out.split()[-1])
    assert counts == sorted(counts) and 2 <= counts[0] and counts[-1] <= 2 + written
    assert count(register) == 2 + written


# -- one a day, on the first write ------------------------------------------------------------
def test_the_first_write_of_the_day_backs_the_register_up_before_it_writes(register):
    with Store(register, clock=clock_at(2026, 3, 2, 1), load_bundled_packs=False) as store:
        assert backup_names(register) == []           # opening and reading make none
        store.applicants.count()
        assert backup_names(register) == []
        add_applicant(store, 3)
        add_applicant(store, 4)
    # 01:00 UTC is 09:00 in Shanghai; the backup holds the register before that day's writes.
    assert backup_names(register) == ["register-2026-03-02T090000.db"]
    assert count(backup.backups_folder(register) / "register-2026-03-02T090000.db") == 2
    with Store(register, clock=clock_at(2026, 3, 2, 8), load_bundled_packs=False) as store:
        add_applicant(store, 5)
    assert len(backup_names(register)) == 1           # the same day: no second backup


def test_the_day_is_the_bodys_local_day(register):
    # 17:00 UTC on 2 March is already 01:00 on 3 March in Shanghai.
    with Store(register, clock=clock_at(2026, 3, 2, 17), load_bundled_packs=False) as store:
        add_applicant(store, 3)
    assert backup_names(register) == ["register-2026-03-03T010000.db"]
    with Store(register, clock=clock_at(2026, 3, 2, 18), load_bundled_packs=False) as store:
        store.settings.set("body.time_zone", "Europe/London", actor="admin")
    with Store(register, clock=clock_at(2026, 3, 2, 18), load_bundled_packs=False) as store:
        add_applicant(store, 4)
    # Still 2 March in London, and 2 March has no backup yet.
    assert backup_names(register) == ["register-2026-03-02T180000.db", "register-2026-03-03T010000.db"]


def test_a_window_left_open_overnight_backs_up_on_the_next_days_first_write(register):
    now = {"value": dt.datetime(2026, 3, 2, 1, tzinfo=UTC)}
    with Store(register, clock=lambda: now["value"], load_bundled_packs=False) as store:
        add_applicant(store, 3)
        now["value"] += dt.timedelta(days=1)
        add_applicant(store, 4)
    assert backup_names(register) == ["register-2026-03-02T090000.db", "register-2026-03-03T090000.db"]


def test_a_register_created_by_this_open_and_an_in_memory_one_are_not_backed_up(tmp_path):
    with Store(tmp_path / "new.db", load_bundled_packs=False) as store:
        add_applicant(store, 1)
    assert not (tmp_path / "backups").exists()
    with Store(":memory:", load_bundled_packs=False) as store:
        add_applicant(store, 1)
        with pytest.raises(RefusedInput) as refused:
            backup.make_backup(store)
        assert refused.value.problems[0].code == "backup.in_memory"


def test_a_failed_daily_backup_never_stops_the_write(register, capsys):
    (register.parent / "backups").write_text("a file where the folder should be")
    with Store(register, clock=clock_at(2026, 3, 2, 1), load_bundled_packs=False) as store:
        add_applicant(store, 3)
        assert store.applicants.count() == 3
    assert "daily backup failed" in capsys.readouterr().err


def test_each_database_has_its_own_backups_folder(tmp_path):
    for name in ("register.db", "demo.db"):
        with Store(tmp_path / name, clock=clock_at(2026, 3, 1, 1), load_bundled_packs=False) as store:
            add_applicant(store, 1)
        with Store(tmp_path / name, clock=clock_at(2026, 3, 2, 1), load_bundled_packs=False) as store:
            add_applicant(store, 2)
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == ["demo", "register"]
    assert backup_names(tmp_path / "demo.db") == ["demo-2026-03-02T090000.db"]


# -- keeping some -----------------------------------------------------------------------------
def test_pruning_keeps_14_days_with_a_backup_and_the_first_of_12_months():
    start = dt.datetime(2025, 1, 1, 9)
    made = [start + dt.timedelta(days=n) for n in range(500)]
    keep = backup.kept(made, 14, 12)
    daily = sorted(m for m, why in keep.items() if "daily" in why)
    monthly = sorted(m for m, why in keep.items() if "monthly" in why)
    assert daily == made[-14:]
    assert len(monthly) == 12 and all(m.day == 1 for m in monthly)
    assert monthly[-1] == dt.datetime(2026, 5, 1, 9)
    assert len(keep) == 14 + 12                       # no overlap here: the last day is 15 May


def test_a_long_holiday_never_empties_the_folder():
    made = [dt.datetime(2026, 1, day, 9) for day in range(1, 21)]
    keep = backup.kept(made, 14, 12)
    assert sorted(m for m, why in keep.items() if "daily" in why) == made[-14:]


def test_pruning_follows_the_settings_and_leaves_other_files_alone(register):
    now = {"value": dt.datetime(2026, 3, 2, 1, tzinfo=UTC)}
    with Store(register, clock=lambda: now["value"], load_bundled_packs=False) as store:
        store.settings.set("backup.keep_daily", "3", actor="admin")
        store.settings.set("backup.keep_monthly", "1", actor="admin")
    folder = backup.backups_folder(register)
    (folder / "notes.txt").write_text("mine")
    with Store(register, clock=lambda: now["value"], load_bundled_packs=False) as store:
        for _ in range(6):
            now["value"] += dt.timedelta(days=1)
            add_applicant(store, 10 + now["value"].day)
    names = backup_names(register)
    # 2 March (the first of March's backups, kept as monthly) and the three most recent days.
    assert names == ["notes.txt", "register-2026-03-02T090000.db", "register-2026-03-06T090000.db",
                     "register-2026-03-07T090000.db", "register-2026-03-08T090000.db"]


def test_a_killed_backups_leftover_is_swept_once_stale(register):
    folder = backup.backups_folder(register)
    folder.mkdir(parents=True)
    stale = folder / ".register-2026-02-01T090000.db.abcdef012345.part"
    stale.write_bytes(b"half a copy")
    fresh = folder / ".register-2026-03-02T090000.db.abcdef012346.part"
    fresh.write_bytes(b"a copy being made")
    old = dt.datetime(2026, 2, 1).timestamp()
    os.utime(stale, (old, old))
    backup.prune(folder, 14, 12)
    assert sorted(p.name for p in folder.iterdir()) == [fresh.name]


# -- checking ---------------------------------------------------------------------------------
def test_listing_shows_date_size_and_check(register):
    with Store(register, clock=clock_at(2026, 3, 2, 1), load_bundled_packs=False) as store:
        add_applicant(store, 3)
    [info] = backup.list_backups(register)
    assert info.made_at == dt.datetime(2026, 3, 2, 9) and info.size > 0
    assert info.check.ok and info.check.schema_version == LATEST
    assert info.kept_as == ("daily", "monthly")


def damage(path: Path) -> None:
    """Overwrite the middle of a table page with noise (the header stays readable)."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'applicants'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(os.urandom(page_size - 16))


def newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.commit()
    conn.close()


def not_brandmark(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("spoil, code", [
    (damage, "backup.damaged"),
    (newer, "backup.newer"),
    (not_brandmark, "backup.not_brandmark"),
    (lambda path: path.write_bytes(b"not a database at all " * 300), "backup.not_brandmark"),
    (lambda path: path.write_bytes(b""), "backup.not_brandmark"),
])
def test_a_bad_backup_is_named_for_what_is_wrong(register, tmp_path, spoil, code):
    with Store(register, load_bundled_packs=False, auto_backup=False) as store:
        copy = backup.make_backup(store, tmp_path / "copy.db")
    spoil(copy)
    result = backup.check_backup(copy)
    assert not result.ok and result.problem == code


# -- restoring --------------------------------------------------------------------------------
def test_a_restore_keeps_the_current_register_aside_and_puts_the_backup_in_place(register, tmp_path):
    with Store(register, load_bundled_packs=False, auto_backup=False) as store:
        saved = backup.make_backup(store, tmp_path / "saved.db")
        add_applicant(store, 3)                   # after the backup: lost by the restore, kept aside
    restored = backup.restore(register, saved, clock=clock_at(2026, 3, 5, 1), actor="李四")
    assert restored.set_aside is not None and restored.set_aside.name.startswith("register.db.before-restore-")
    assert count(restored.set_aside) == 3
    assert count(register) == 2
    assert not register.with_name("register.db-wal").exists() or count(register) == 2
    with Store(register, load_bundled_packs=False, auto_backup=False) as store:
        [event] = [e for e in store.events.list() if e["action"] == "database.restore"]
        assert event["actor"] == "李四"
        assert event["details"]["set_aside"] == str(restored.set_aside)
        add_applicant(store, 4)                   # the restored register goes on working
        assert store.applicants.count() == 3


def test_a_restore_removes_the_old_registers_wal(register, tmp_path):
    with Store(register, load_bundled_packs=False, auto_backup=False) as store:
        saved = backup.make_backup(store, tmp_path / "saved.db")
    # A -wal left by a crash belongs to the old register; replayed into the restored one it
    # would corrupt it.
    holder = sqlite3.connect(register)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("DELETE FROM settings")
    holder.commit()
    wal = register.with_name("register.db-wal")
    stale = wal.read_bytes()
    holder.close()
    wal.write_bytes(stale)
    backup.restore(register, saved, clock=clock_at(2026, 3, 5, 1))
    assert backup.check_backup(register).ok and count(register) == 2


HOLDER = """
import sys, time
from brandmark.store import Store
with Store(sys.argv[1], load_bundled_packs=False, auto_backup=False) as store:
    store.applicants.count()
    print("open", flush=True)
    sys.stdin.readline()
"""


def test_a_register_open_in_another_process_is_not_restored_over(register, tmp_path):
    with Store(register, load_bundled_packs=False, auto_backup=False) as store:
        saved = backup.make_backup(store, tmp_path / "saved.db")
        add_applicant(store, 3)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(register)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(RefusedInput) as refused:
            backup.restore(register, saved, clock=clock_at(2026, 3, 5, 1))
        assert refused.value.problems[0].code == "backup.in_use"
    finally:
        holder.communicate("\n", timeout=30)
    assert count(register) == 3
    assert sorted(p.name for p in tmp_path.iterdir() if "register" in p.name) == ["register.db"]


@pytest.mark.parametrize("spoil, code", [(damage, "backup.damaged"), (newer, "backup.newer"),
                                         (not_brandmark, "backup.not_brandmark")])
def test_a_bad_backup_is_refused_and_the_register_is_untouched(register, tmp_path, spoil, code):
    with Store(register, load_bundled_packs=False, auto_backup=False) as store:
        saved = backup.make_backup(store, tmp_path / "saved.db")
    spoil(saved)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(RefusedInput) as refused:
        backup.restore(register, saved, clock=clock_at(2026, 3, 5, 1))
    assert refused.value.problems[0].code == code
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert count(register) == 2


def test_restoring_onto_a_new_machine_needs_no_current_register(register, tmp_path):
    with Store(register, load_bundled_packs=False, auto_backup=False) as store:
        saved = backup.make_backup(store, tmp_path / "saved.db")
    (tmp_path / "new").mkdir()
    restored = backup.restore(tmp_path / "new" / "register.db", saved, clock=clock_at(2026, 3, 5, 1))
    assert restored.set_aside is None and count(restored.database) == 2


def test_the_register_cannot_be_restored_over_itself(register):
    with pytest.raises(RefusedInput) as refused:
        backup.restore(register, register, clock=clock_at(2026, 3, 5, 1))
    assert refused.value.problems[0].code == "backup.same_file"


# -- the CLI ------------------------------------------------------------------------------------
def run(capsys, *args):
    code = main([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_backup_backups_and_restore(register, tmp_path, capsys, monkeypatch):
    code, out, _ = run(capsys, "--db", register, "db", "backup", "--json")
    assert code == 0
    made = Path(json.loads(out)["path"])
    assert made.parent == backup.backups_folder(register) and backup.check_backup(made).ok
    assert backup_names(register) == [made.name]          # no automatic one beside it
    code, out, _ = run(capsys, "--db", register, "db", "backup", "-o", tmp_path / "usb.db", "--json")
    assert code == 0 and json.loads(out) == {"path": str(tmp_path / "usb.db")}

    code, out, _ = run(capsys, "--db", register, "db", "backups", "--json")
    listed = json.loads(out)
    assert code == 0 and [b["path"] for b in listed["backups"]] == [str(made)]
    assert listed["backups"][0]["ok"] is True and listed["backups"][0]["size"] == made.stat().st_size
    code, out, _ = run(capsys, "--db", register, "db", "backups")
    assert "ok (schema" in out and made.name in out

    monkeypatch.setattr(sys, "stdin", open(os.devnull))      # a script: no one to ask
    code, _, err = run(capsys, "--db", register, "db", "restore", tmp_path / "usb.db")
    assert code == 2 and "--yes" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if "before-restore" in p.name) == []
    code, out, _ = run(capsys, "--db", register, "db", "restore", tmp_path / "usb.db", "--yes", "--json",
                       "--by", "李四")
    assert code == 0
    data = json.loads(out)
    assert data["restored"] == str(register) and Path(data["set_aside"]).exists()


def test_cli_refuses_a_damaged_backup_in_one_line_with_exit_2(register, tmp_path, capsys):
    with Store(register, load_bundled_packs=False, auto_backup=False) as store:
        saved = backup.make_backup(store, tmp_path / "saved.db")
    damage(saved)
    code, _, err = run(capsys, "--db", register, "db", "restore", saved, "--yes")
    assert code == 2 and "damaged" in err and "已损坏" in err and len(err.strip().splitlines()) == 1


def test_cli_never_creates_a_database_to_back_up(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "missing.db", "db", "backup")
    assert code == 2 and "there is no database" in err
    code, _, err = run(capsys, "--db", tmp_path / "missing.db", "db", "backups")
    assert code == 2
    assert list(tmp_path.iterdir()) == []


def test_cli_backup_settings(register, capsys):
    code, out, _ = run(capsys, "--db", register, "db", "backup-settings", "--keep-daily", "30",
                       "--keep-monthly", "24", "--by", "admin", "--json")
    assert code == 0 and json.loads(out) == {"keep_daily": 30, "keep_monthly": 24, "time_zone": "Asia/Shanghai"}
    code, _, err = run(capsys, "--db", register, "db", "backup-settings", "--keep-daily", "0")
    assert code == 2


def test_a_backup_is_never_written_over_the_live_register(register, capsys):
    for target in (register, register.with_name("register.db-wal")):
        code, _, err = run(capsys, "--db", register, "db", "backup", "-o", target)
        assert code == 2 and len(err.strip().splitlines()) == 1
    assert backup.check_backup(register).ok and count(register) == 2
