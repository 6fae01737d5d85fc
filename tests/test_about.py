"""What an installation says about itself (``brandmark --version``, Help → About): the
version, the database, the data folder and the key id, without creating any of them."""

from __future__ import annotations

from brandmark import __version__
from brandmark.about import body_key_id, installation, version_text


def test_asking_before_anything_exists_creates_nothing(tmp_path, monkeypatch):
    data = tmp_path / "not-yet"
    monkeypatch.setenv("BRANDMARK_DATA_DIR", str(data))
    monkeypatch.delenv("BRANDMARK_DB")
    facts = installation()
    assert facts.version == __version__
    assert facts.database == data / "brandmark.db" and not facts.database_exists
    assert facts.data_folder == data and facts.key_id is None
    assert not data.exists(), "asking where things are made the data folder"
    assert "key id: none yet" in version_text(facts)


def test_the_key_id_is_the_registers_once_keys_init_made_it(tmp_path):
    import hashlib

    from brandmark.store import Store

    path = tmp_path / "register.db"
    with Store(path, load_bundled_packs=False) as store:
        assert body_key_id(store) is None and installation(store).key_id is None
        made = store.body_keys.init("the body's passphrase", by="admin", work_factor=2 ** 10)
        assert body_key_id(store) == made["key_id"]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    facts = installation(db_path=path)
    assert facts.key_id == made["key_id"] and facts.database_exists
    assert f"key id: {made['key_id']}" in version_text(facts)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "asking changed the register"


def test_a_file_that_is_no_register_has_no_key(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100)
    assert installation(db_path=notes).key_id is None
    assert notes.read_text().startswith("not a database")


def test_an_open_store_answers_for_its_own_database(store):
    facts = installation(store)
    assert facts.database == store.path and facts.database_exists
    assert facts.key_id is None


def test_the_window_entry_prints_the_facts_without_opening_a_window(isolated_user_dirs, capsys, tmp_path):
    from brandmark.ui import app as app_module

    chosen = tmp_path / "chosen.db"
    assert app_module.main(["--version", "--db", str(chosen)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"brandmark {__version__}"
    assert lines[1] == f"database: {chosen} (not created yet)"
    assert lines[2] == f"data folder: {isolated_user_dirs}"
    assert lines[3].startswith("key id: none yet")
    assert not chosen.exists()


def test_the_command_line_answers_version_before_importing_the_store():
    import subprocess
    import sys

    probe = ("import sys; from brandmark.cli import main; code = main(['--version']); "
             "print(code, sorted(m for m in ('brandmark.store', 'numpy', 'reportlab') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == [f"brandmark {__version__}", "0 []"], result.stdout + result.stderr
