"""Issue 8 §3: opening a register. Only a missing path is created; anything else that is
not a brandmark register is refused untouched; a damaged one opens read-only."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from brandmark.errors import RefusedInput
from brandmark.store import RegisterMissing, Store
from brandmark.store.opening import RESTORE_COMMAND
from support import MINI_PACK

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refusal(path: Path, **options) -> str:
    with pytest.raises(RefusedInput) as refused:
        Store(path, load_bundled_packs=False, **options)
    return refused.value.problems[0].code


def test_a_missing_path_is_created_whole_and_nothing_else_is_left(tmp_path):
    path = tmp_path / "new" / "register.db"
    with Store(path, load_bundled_packs=False) as store:
        assert store.created and store.schema_version == store.latest_schema_version
        assert not store.damage
    assert sorted(p.name for p in path.parent.iterdir() if not p.name.startswith("register.db")) == []
    with Store(path, load_bundled_packs=False) as again:
        assert not again.created


def test_create_false_refuses_a_missing_path_and_creates_nothing(tmp_path):
    with pytest.raises(RegisterMissing) as missing:
        Store(tmp_path / "none.db", create=False)
    assert missing.value.problems[0].code == "db.missing"
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_is_refused_and_left_empty(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    assert refusal(path) == "db.empty_file"
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n" * 100)
    before = digest(path)
    assert refusal(path) == "db.not_sqlite"
    assert digest(path) == before


def test_an_sqlite_database_of_another_program_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    before = digest(path)
    assert refusal(path) == "db.not_brandmark"
    assert digest(path) == before
    with sqlite3.connect(path) as other:
        assert other.execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "folder.db").mkdir()
    assert refusal(tmp_path / "folder.db") == "db.not_a_file"


def small_register(path: Path) -> Path:
    """A small real register, all in its main file (journal mode DELETE, no WAL)."""
    with Store(path, load_bundled_packs=False) as store:
        store.schemes.import_file(MINI_PACK, actor="tester")
        store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", region="杭州",
                             address="杭州市西湖区文三路 1 号", actor="tester")
        store.settings.set("body_name", "浙江测试认证有限公司", actor="tester")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    return path


def damage_index(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'applicants_name'").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(page - 1) * PAGE + 8: page * PAGE] = bytes(PAGE - 8)
    path.write_bytes(bytes(data))


def test_a_damaged_register_opens_read_only_and_is_never_written(tmp_path):
    path = small_register(tmp_path / "damaged.db")
    damage_index(path)
    before = digest(path)
    with Store(path) as store:
        assert store.read_only and store.damage
        assert store.applicants.count() == 1                       # reads still work
        with pytest.raises(RefusedInput) as refused:
            store.applicants.add(name="宁波测试电器有限公司", uscc="91330200MA2AGJ5P59", actor="tester")
        problem = refused.value.problems[0]
        assert problem.code == "db.damaged" and problem.params["restore"] == RESTORE_COMMAND
        assert RESTORE_COMMAND in problem.message("en") and RESTORE_COMMAND in problem.message("zh_CN")
        with pytest.raises(RefusedInput):
            store.settings.set("x", "1")
    assert digest(path) == before


def open_outcome(path: Path) -> str:
    """How Store treats the file: "refused", "read-only" or "writable"."""
    try:
        store = Store(path, load_bundled_packs=False)
    except RefusedInput as exc:
        assert exc.problems[0].code.startswith("db."), exc.problems[0]
        return "refused"
    try:
        return "read-only" if store.read_only else "writable"
    finally:
        store.close()


def sqlite_sees_damage(path: Path) -> bool:
    """Whether SQLite's own checks (quick_check, then the full integrity_check) see it."""
    conn = sqlite3.connect(path)
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        return (conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
                or conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)])
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return True
    finally:
        conn.close()


def corrupt_every_page(tmp_path, damage) -> dict:
    source = small_register(tmp_path / "source.db")
    data = source.read_bytes()
    pages = len(data) // PAGE
    rng = random.Random(17)
    outcomes = {"pages": pages, "detectable": 0, "refused": 0, "read-only": 0, "writable": 0, "missed": []}
    copy = tmp_path / "copy.db"
    for page in range(pages):
        corrupted = bytearray(data)
        damage(corrupted, page * PAGE, rng)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        copy.write_bytes(bytes(corrupted))
        detectable = sqlite_sees_damage(copy)
        outcome = open_outcome(copy)
        outcomes[outcome] += 1
        outcomes["detectable"] += detectable
        if detectable and outcome == "writable":
            outcomes["missed"].append(page + 1)
    return outcomes


def random_page(data: bytearray, offset: int, rng: random.Random) -> None:
    data[offset: offset + PAGE] = bytes(rng.randrange(256) for _ in range(PAGE))


def sixteen_bytes_inside(data: bytearray, offset: int, rng: random.Random) -> None:
    start = offset + PAGE // 2
    data[start: start + 16] = bytes(rng.randrange(256) for _ in range(16))


@pytest.mark.parametrize("damage", [random_page, sixteen_bytes_inside], ids=["whole page", "16 bytes"])
def test_every_single_page_corruption_sqlite_can_see_stops_writing(tmp_path, damage, capsys):
    """Each page of a small register damaged in turn: every damage SQLite's checks can see
    leaves the register refused or read-only, never writable. (Damage inside a record's
    bytes that keeps the page's structure is invisible to SQLite, which keeps no page
    checksums: those copies open writable, and the counts below say how many.)"""
    outcomes = corrupt_every_page(tmp_path, damage)
    with capsys.disabled():
        print(f"\n{damage.__name__}: {outcomes['pages']} pages; SQLite sees {outcomes['detectable']}; "
              f"refused {outcomes['refused']}, read-only {outcomes['read-only']}, writable {outcomes['writable']}")
    assert outcomes["missed"] == []
    assert outcomes["refused"] + outcomes["read-only"] >= outcomes["detectable"] > 0


def test_an_unfinished_check_leaves_the_register_writable_and_says_so(tmp_path, monkeypatch):
    from brandmark.store import opening

    path = small_register(tmp_path / "big.db")
    monkeypatch.setattr(opening, "OPEN_CHECK_SECONDS", 0.0)
    monkeypatch.setattr(opening, "PROGRESS_STEPS", 1)
    with Store(path, load_bundled_packs=False) as store:
        assert not store.check_finished and not store.read_only


def test_a_copy_of_a_register_opens_like_the_original(tmp_path):
    path = small_register(tmp_path / "a.db")
    shutil.copy(path, tmp_path / "b.db")
    with Store(tmp_path / "b.db", load_bundled_packs=False) as store:
        assert store.applicants.count() == 1 and not store.created and not store.damage
