"""Issue 8 §3 and §8 (first bullet) through brandmark-cli: a refused command creates
nothing, a read-only command never creates a register, ``db check`` says 0 sound, 3 damaged."""

from __future__ import annotations

import json

import pytest

from brandmark.cli import READ_ONLY_ACTIONS, build_parser, main
from test_store_open import damage_index, small_register

CODE = "91350100M000100Y43"


@pytest.fixture
def run(capsys):
    def cli(*args):
        code = main([*map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err
    return cli


def test_a_refused_first_command_leaves_no_file(tmp_path, run):
    code, _out, err = run("--db", tmp_path / "new.db", "applicants", "add", "--name", "x", "--uscc", "123")
    assert code == 2 and "18" in err
    assert list(tmp_path.iterdir()) == []        # no new.db, no -wal/-shm, no temporary file


def test_a_first_command_that_succeeds_keeps_its_register(tmp_path, run):
    db = tmp_path / "new.db"
    assert run("--db", db, "applicants", "add", "--name", "杭州测试电器有限公司", "--uscc", CODE)[0] == 0
    code, _out, _err = run("--db", db, "applicants", "add", "--name", "again", "--uscc", CODE)
    assert code == 2                              # refused (duplicate): the register it found stays
    code, out, _err = run("--db", db, "applicants", "list", "--json")
    assert code == 0 and json.loads(out)["total"] == 1


@pytest.mark.parametrize("argv", [
    ["applicants", "list"], ["schemes", "list"], ["certificates", "list"],
    ["certificates", "verify", "--payload", "BM1:nothing"], ["keys", "show"], ["keys", "list"],
    ["applicants", "show", "1"],
])
def test_a_read_only_command_never_creates_a_register(tmp_path, run, argv, isolated_user_dirs):
    code, _out, err = run("--db", tmp_path / "missing.db", *argv)
    assert code in (0, 2, 3), err
    assert list(tmp_path.iterdir()) == []
    assert not (isolated_user_dirs / "default.db").exists()


def test_a_read_only_command_on_a_missing_register_says_it_shows_an_empty_one(tmp_path, run):
    code, out, err = run("--db", tmp_path / "missing.db", "applicants", "list", "--json")
    assert code == 0 and json.loads(out)["total"] == 0
    assert "no register at" in err and "nothing was created" in err


@pytest.mark.parametrize("argv", [("stats", "--json"), ("export", "applicants", "-o", "OUT"),
                                  ("value", "publish", "-o", "OUT.xlsx")])
def test_statistics_and_exports_of_a_missing_register_create_nothing(tmp_path, run, argv):
    argv = [str(tmp_path / "out.csv") if part == "OUT" else str(tmp_path / "out.xlsx") if part == "OUT.xlsx"
            else part for part in argv]
    code, _out, err = run("--db", tmp_path / "missing.db", *argv)
    assert code == 0, err
    assert not list(tmp_path.glob("missing.db*"))
    assert "nothing was created" in err


def test_every_read_only_action_exists():
    parser = build_parser()
    groups = {action.dest: action for action in parser._subparsers._group_actions}["command"].choices
    for group, actions in READ_ONLY_ACTIONS.items():
        command = groups[group]
        if command._subparsers is not None:
            sub = {action.dest: action for action in command._subparsers._group_actions}["action"].choices
        else:       # one parser with an optional first word (``value [history|show|publish]``)
            sub = next(action for action in command._actions if action.dest == "action").choices
        assert actions <= set(sub), group


def test_db_check_sound_damaged_missing(tmp_path, run):
    good = small_register(tmp_path / "good.db")
    code, out, _err = run("--db", good, "db", "check", "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "path": str(good), "problems": [], "restore": None,
                                           "repair": [], "evidence_orphans": []}

    bad = small_register(tmp_path / "bad.db")
    damage_index(bad)
    code, out, _err = run("--db", bad, "db", "check", "--json")
    report = json.loads(out)
    assert code == 3 and report["ok"] is False
    assert {problem["check"] for problem in report["problems"]} == {"integrity"}
    assert report["restore"] == "brandmark-cli db restore FILE"

    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100)
    code, out, _err = run("--db", notes, "db", "check", "--json")
    assert code == 3 and json.loads(out)["ok"] is False

    code, _out, err = run("--db", tmp_path / "missing.db", "db", "check")
    assert code == 2 and "no register at" in err
    assert not (tmp_path / "missing.db").exists()


def test_db_check_runs_added_checks(tmp_path, run, monkeypatch):
    from brandmark.store import checks

    monkeypatch.setattr(checks, "CHECKS", list(checks.CHECKS))
    checks.add_check(lambda conn: [{"check": "chain", "message": "event 7 does not follow event 6"}])
    code, out, _err = run("--db", small_register(tmp_path / "a.db"), "db", "check", "--json")
    assert code == 3 and json.loads(out)["problems"] == [{"check": "chain", "message": "event 7 does not follow event 6"}]


def test_a_damaged_register_is_read_with_a_warning_and_writes_are_refused(tmp_path, run):
    bad = small_register(tmp_path / "bad.db")
    damage_index(bad)
    before = bad.read_bytes()
    code, out, err = run("--db", bad, "applicants", "list", "--json")
    assert code == 0 and json.loads(out)["total"] == 1
    assert "brandmark-cli db restore FILE" in err and "read-only" in err
    code, _out, err = run("--db", bad, "applicants", "add", "--name", "宁波测试电器有限公司", "--uscc", "91330200MA2AGJ5P59")
    assert code == 2 and "brandmark-cli db restore FILE" in err
    assert bad.read_bytes() == before


def test_an_empty_file_is_refused_by_every_command(tmp_path, run):
    empty = tmp_path / "empty.db"
    empty.touch()
    for argv in (["applicants", "add", "--name", "x", "--uscc", CODE], ["applicants", "list"], ["demo"]):
        code, _out, err = run("--db", empty, *argv)
        assert code == 2 and "empty file" in err
    assert empty.stat().st_size == 0
