"""``Store(check_while_reading=True)`` (the ``stats`` command): the open's quick_check runs
beside the reads, and nothing is written before its verdict; a damaged register is read with
a warning after the output and never written."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.store import Store, background_check
from test_store_open import damage_index, small_register


def wal_register(path: Path) -> Path:
    small_register(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_nothing_is_written_before_the_verdict_and_a_sound_register_then_takes_writes(tmp_path):
    path = wal_register(tmp_path / "sound.db")
    with Store(path, load_bundled_packs=False, check_while_reading=True) as store:
        assert store.applicants.count() == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            # A write outside any transaction, before anyone asked for the verdict.
            store.conn.execute("UPDATE settings SET value = 'x' WHERE key = 'body_name'")
        store.settings.set("body_name", "浙江另一认证有限公司", actor="tester")     # waits for the verdict
        assert not store.damage and not store.read_only
    with Store(path, load_bundled_packs=False) as store:
        assert store.settings.get("body_name") == "浙江另一认证有限公司"


def test_a_damaged_register_read_beside_its_check_is_read_only_and_never_written(tmp_path):
    path = wal_register(tmp_path / "damaged.db")
    damage_index(path)
    before = digest(path)
    with Store(path, check_while_reading=True) as store:
        assert store.applicants.count() == 1
        with pytest.raises(RefusedInput) as refused:
            store.applicants.add(name="宁波测试电器有限公司", uscc="91330200MA2AGJ5P59", actor="tester")
        assert refused.value.problems[0].code == "db.damaged"
        assert store.read_only and store.damage
    assert digest(path) == before


def test_a_register_the_open_would_write_is_checked_first(tmp_path, monkeypatch):
    """A register not in WAL yet (or one needing a migration) is written by the open itself:
    its check is made before, as for every other command."""
    def no_thread(_path):
        raise AssertionError("the check ran beside the reads of a register the open writes")

    monkeypatch.setattr(background_check, "BackgroundCheck", no_thread)
    path = small_register(tmp_path / "delete-journal.db")      # journal mode DELETE
    damage_index(path)
    before = digest(path)
    with Store(path, check_while_reading=True) as store:
        assert store.read_only and store.damage
    assert digest(path) == before


def test_stats_on_a_damaged_register_prints_its_figures_then_the_warning(tmp_path, capsys):
    path = wal_register(tmp_path / "damaged.db")
    damage_index(path)
    before = digest(path)
    code = main(["--db", str(path), "stats", "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and '"applicants"' in out
    assert "brandmark-cli db restore FILE" in err and "read-only" in err
    assert digest(path) == before
