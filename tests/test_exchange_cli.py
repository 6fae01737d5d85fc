"""``brandmark-cli people export-card|import-card`` and ``exchange assign|import|export|
conflicts|resolve|attachments``: the shell over the core, its --json shape and exit codes."""

from __future__ import annotations

import json

import pytest

from brandmark.cli import main
from exchange_support import BODY_PASSPHRASE, make_world
from support import MINI_GRANT, TEST_PASSPHRASE


@pytest.fixture
def world(tmp_path, monkeypatch):
    monkeypatch.setenv("BRANDMARK_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    made = make_world(tmp_path)
    yield made
    made.close()


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_whole_round_by_the_command_line(world, capsys, tmp_path):
    body, laptop = world.folder / "body.db", world.folder / "laptop.db"
    code, out, err = run(capsys, "--db", body, "exchange", "assign", world.assessment, "--to", world.assessor_at_body,
                         "-o", tmp_path / "a.bmx", "--json")
    assert code == 0, err
    assert json.loads(out)["assessment"] == world.assessment
    code, out, err = run(capsys, "--db", laptop, "exchange", "import", tmp_path / "a.bmx", "--json")
    assert code == 0, err
    laptop_id = json.loads(out)["assessment"]
    world.laptop.assessments.answer_many(laptop_id, MINI_GRANT, by=world.assessor_on_laptop)
    code, out, err = run(capsys, "--db", laptop, "exchange", "export", laptop_id, "-o", tmp_path / "w.bmx",
                         "--by", world.assessor_on_laptop)
    assert code == 0, err
    code, out, err = run(capsys, "--db", body, "exchange", "import", tmp_path / "w.bmx", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report == {"assessment": world.assessment, "imported": {"answers": len(MINI_GRANT), "evidence": 0,
                                                                   "findings": 0},
                      "unchanged": False, "conflicts": []}
    code, out, err = run(capsys, "--db", body, "exchange", "import", tmp_path / "w.bmx", "--json")
    assert json.loads(out)["unchanged"] is True
    code, out, err = run(capsys, "--db", body, "exchange", "conflicts", world.assessment)
    assert code == 0 and "(no conflicts)" in out


def test_a_refused_import_exits_2_with_the_reason(world, capsys, tmp_path):
    (tmp_path / "junk.bmx").write_bytes(b"not a zip")
    code, out, err = run(capsys, "--db", world.folder / "body.db", "exchange", "import", tmp_path / "junk.bmx")
    assert code == 2
    assert "交换包" in err and "not an exchange bundle" in err


def test_cards_by_the_command_line(world, capsys, tmp_path):
    code, out, err = run(capsys, "--db", world.folder / "laptop.db", "people", "export-card", world.assessor_on_laptop,
                         "-o", tmp_path / "me.card")
    assert code == 0, err
    code, out, err = run(capsys, "--db", world.folder / "body.db", "people", "import-card", tmp_path / "me.card",
                         "--roles", "assessor", "--by", world.admin)
    assert code == 2 and "people" not in out
    assert "already registered" in err or "已登记" in err


def test_a_new_key_reaches_the_body_by_the_command_line(world, capsys, tmp_path):
    laptop, body = world.folder / "laptop.db", world.folder / "body.db"
    (tmp_path / "old.txt").write_text(TEST_PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("a new passphrase for the laptop\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", laptop, "people", "new-key", world.assessor_on_laptop,
                         "--passphrase-file", tmp_path / "new.txt", "--old-passphrase-file", tmp_path / "old.txt",
                         "--json")
    assert code == 0, err
    new_key = json.loads(out)["key_id"]
    code, out, err = run(capsys, "--db", laptop, "people", "export-card", world.assessor_on_laptop,
                         "-o", tmp_path / "new.card", "--passphrase-file", tmp_path / "new.txt")
    assert code == 0, err
    code, out, err = run(capsys, "--db", body, "people", "update-card", tmp_path / "new.card", "--by", world.admin,
                         "--json")
    assert code == 0, err
    assert json.loads(out)["key_id"] == new_key and json.loads(out)["how"] == "rotation"
    code, out, err = run(capsys, "--db", body, "people", "update-card", world.folder / "zhang.card", "--by",
                         world.admin, "--accept-new-key")
    assert code == 2 and "旧名片" in err and "old card" in err


def test_a_new_key_without_the_old_ones_word_waits_for_the_admin(world, capsys, tmp_path):
    laptop, body = world.folder / "laptop.db", world.folder / "body.db"
    (tmp_path / "new.txt").write_text("a new passphrase for the laptop\n", encoding="utf-8")
    assert run(capsys, "--db", laptop, "people", "new-key", world.assessor_on_laptop,
               "--passphrase-file", tmp_path / "new.txt")[0] == 0
    assert run(capsys, "--db", laptop, "people", "export-card", world.assessor_on_laptop, "-o", tmp_path / "new.card",
               "--passphrase-file", tmp_path / "new.txt")[0] == 0
    code, out, err = run(capsys, "--db", body, "people", "update-card", tmp_path / "new.card", "--by", world.admin)
    assert code == 2 and "--accept-new-key" in err
    code, out, err = run(capsys, "--db", body, "people", "update-card", tmp_path / "new.card", "--by", world.admin,
                         "--accept-new-key")
    assert code == 0 and "accepted by" in out


def test_people_show_lists_the_keys_and_how_each_came(world, capsys, tmp_path):
    laptop = world.folder / "laptop.db"
    (tmp_path / "old.txt").write_text(TEST_PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("a new passphrase for the laptop\n", encoding="utf-8")
    assert run(capsys, "--db", laptop, "people", "new-key", world.assessor_on_laptop, "--passphrase-file",
               tmp_path / "new.txt", "--old-passphrase-file", tmp_path / "old.txt")[0] == 0
    code, out, err = run(capsys, "--db", laptop, "people", "show", world.assessor_on_laptop, "--json")
    keys = json.loads(out)["keys"]
    assert [k["vouched"] for k in keys] == ["rotation", None] and keys[1]["retired_at"]
