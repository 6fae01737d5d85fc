"""``brandmark-cli certificates …`` and ``keys …``: JSON shapes, exit codes, files written."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from brandmark.cli import main
from brandmark.store import Store
from test_certificates_support import BODY_PASSPHRASE, decided_assessment


@pytest.fixture
def db(tmp_path, clock, monkeypatch, passphrase):
    """A register with its key made (the body's passphrase in the environment) and decided assessments."""
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    path = tmp_path / "cli.db"
    with Store(path, clock=clock) as store:
        ids = [decided_assessment(store) for _ in range(2)]
        self_id = decided_assessment(store, mode="self", decision=None)
    return path, ids, self_id


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, db_path, *args):
    code, out, err = run(capsys, db_path, *args, "--json")
    return code, (json.loads(out) if out.strip() else None), err


def test_issue_show_list_and_status_changes(capsys, db, tmp_path):
    path, (first, second), self_id = db
    code, cert, _ = run_json(capsys, path, "certificates", "issue", str(first), "--authorised-by", "赵六",
                             "-o", str(tmp_path / "c.pdf"))
    assert code == 0 and cert["number"].startswith("BM-MINI-") and cert["authorised_by"] == "赵六"
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    number = cert["number"]

    code, _, err = run(capsys, path, "certificates", "issue", str(self_id))
    assert code == 2 and "self-assessment" in err and "自我评价" in err

    code, changed, _ = run_json(capsys, path, "certificates", "suspend", number, "--reason", "抽样不合格",
                                "--by", "王五")
    assert code == 0 and changed["status"] == "suspended"
    code, _, err = run(capsys, path, "certificates", "suspend", number, "--reason", "again", "--by", "王五")
    assert code == 2 and "suspend" in err

    code, rows, _ = run_json(capsys, path, "certificates", "list", "--status", "suspended")
    assert [r["number"] for r in rows] == [number]
    code, shown, _ = run_json(capsys, path, "certificates", "show", number)
    assert [h["action"] for h in shown["history"]] == ["issue", "suspend"]
    code, text, _ = run(capsys, path, "certificates", "show", number)
    assert "抽样不合格" in text and "suspended" in text


def test_verify_json_and_exit_codes(capsys, db, tmp_path):
    path, (first, _), _ = db
    _, cert, _ = run_json(capsys, path, "certificates", "issue", str(first))
    run(capsys, path, "certificates", "pdf", cert["number"], "-o", str(tmp_path / "one.pdf"))
    code, result, _ = run_json(capsys, path, "certificates", "verify", "--pdf", str(tmp_path / "one.pdf"))
    assert code == 0
    assert set(result) >= {"genuine", "reason", "status", "number", "holder", "uscc", "product", "valid_until"}
    assert (result["genuine"], result["status"], result["number"]) == (True, "valid", cert["number"])
    assert result["uscc"] == cert["holder_uscc"] and result["valid_until"] == cert["expires_on"]

    tampered = cert["payload"][:10] + ("Z" if cert["payload"][10] != "Z" else "Y") + cert["payload"][11:]
    code, result, _ = run_json(capsys, path, "certificates", "verify", "--payload", tampered)
    assert code == 3 and result["genuine"] is False and result["status"] == "unknown"

    code, _, err = run(capsys, path, "certificates", "verify", "--pdf", str(tmp_path / "missing.pdf"))
    assert code == 2 and "cannot read" in err


def test_pdf_all_valid_writes_every_valid_certificate(capsys, db, tmp_path):
    path, ids, _ = db
    numbers = [run_json(capsys, path, "certificates", "issue", str(i))[1]["number"] for i in ids]
    run(capsys, path, "certificates", "cancel", numbers[1], "--reason", "holder asked", "--by", "王五")
    code, data, _ = run_json(capsys, path, "certificates", "pdf", "--all-valid", "-o", str(tmp_path / "all"))
    assert code == 0 and data["count"] == 1
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == [f"{numbers[0]}.pdf"]


def test_status_list_export_and_check(capsys, db, tmp_path):
    path, (first, _), _ = db
    run_json(capsys, path, "certificates", "issue", str(first))
    code, data, _ = run_json(capsys, path, "certificates", "status-list", "-o", str(tmp_path / "list.json"))
    assert code == 0 and data["counts"]["valid"] == 1 and data["verified"]
    code, data, _ = run_json(capsys, path, "certificates", "status-list", "--check", str(tmp_path / "list.json"))
    assert code == 0 and data["counts"]["valid"] == 1
    (tmp_path / "list.json").write_text((tmp_path / "list.json").read_text().replace("valid", "vaIid"))
    code, _, err = run(capsys, path, "certificates", "status-list", "--check", str(tmp_path / "list.json"))
    assert code == 2 and "status list refused" in err


def test_keys_export_and_import(capsys, db, tmp_path, isolated_user_dirs, monkeypatch):
    path, (first, _), _ = db
    code, shown, _ = run_json(capsys, path, "keys", "show")
    code, exported, _ = run_json(capsys, path, "keys", "export-public", "-o", str(tmp_path / "pub.pem"))
    assert code == 0 and exported["key_id"] == shown["key_id"]
    assert b"BEGIN PUBLIC KEY" in (tmp_path / "pub.pem").read_bytes()
    # Another office (its own data folder) imports our key and checks our certificate.
    _, cert, _ = run_json(capsys, path, "certificates", "issue", str(first))
    monkeypatch.setenv("BRANDMARK_DATA_DIR", str(tmp_path / "office"))
    other_db = tmp_path / "office.db"
    code, result, _ = run_json(capsys, other_db, "certificates", "verify", "--payload", cert["payload"])
    assert code == 3 and "unknown key" in result["reason"]
    code, imported, _ = run_json(capsys, other_db, "keys", "import-public", str(tmp_path / "pub.pem"))
    assert imported["key_id"] == shown["key_id"]
    code, result, _ = run_json(capsys, other_db, "certificates", "verify", "--payload", cert["payload"])
    assert code == 0 and result["genuine"] and result["status"] == "unknown"


def test_settings_change_the_number_pattern(capsys, db):
    path, (first, _), _ = db
    code, data, _ = run_json(capsys, path, "certificates", "settings", "--body-code", "ZQC",
                             "--number-pattern", "{body}-{year}-{seq:04d}", "--by", "admin")
    assert code == 0 and data["code"] == "ZQC"
    _, cert, _ = run_json(capsys, path, "certificates", "issue", str(first))
    assert cert["number"] == f"ZQC-{dt.datetime.now(dt.timezone.utc).year}-0001"   # the CLI's clock is real
    code, _, err = run(capsys, path, "certificates", "settings", "--number-pattern", "{body}")
    assert code == 2 and "{seq}" in err


def test_keys_init_once_show_never_creates_and_a_wrong_passphrase_exits_2(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("BRANDMARK_BODY_PASSPHRASE", raising=False)
    path = tmp_path / "fresh.db"
    code, _, err = run(capsys, path, "keys", "show")
    assert code == 2 and "keys init" in err
    code, _, err = run(capsys, path, "keys", "init")
    assert code == 2 and "BRANDMARK_BODY_PASSPHRASE" in err
    secret = tmp_path / "body-passphrase.txt"
    secret.write_text("a long body passphrase\n", encoding="utf-8")
    code, made, _ = run_json(capsys, path, "keys", "init", "--passphrase-file", str(secret))
    assert code == 0 and len(made["key_id"]) == 16
    code, _, err = run(capsys, path, "keys", "init", "--passphrase-file", str(secret))
    assert code == 2 and made["key_id"] in err
    code, shown, _ = run_json(capsys, path, "keys", "show")
    assert shown["key_id"] == made["key_id"]
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", "the wrong passphrase")
    code, _, err = run(capsys, path, "keys", "rotate")
    assert code == 2 and "passphrase" in err
    code, rotated, _ = run_json(capsys, path, "keys", "rotate", "--passphrase-file", str(secret))
    assert code == 0 and rotated["previous"] == made["key_id"]
    code, revoked, _ = run_json(capsys, path, "keys", "revoke", made["key_id"], "--since", "2026-01-01",
                                "--reason", "stolen", "--passphrase-file", str(secret))
    assert code == 0 and revoked["revoked_since"] == "2026-01-01"
    code, _, err = run(capsys, path, "keys", "revoke", made["key_id"], "--since", "soon", "--reason", "x",
                       "--passphrase-file", str(secret))
    assert code == 2 and "soon" in err
    code, listed, _ = run_json(capsys, path, "keys", "list")
    assert [(k["key_id"], bool(k["revoked_since"])) for k in listed] == [(made["key_id"], True),
                                                                       (rotated["key_id"], False)]


def test_issue_without_the_body_passphrase_is_refused_and_writes_nothing(capsys, db, monkeypatch):
    path, (first, _), _ = db
    monkeypatch.delenv("BRANDMARK_BODY_PASSPHRASE")
    code, _, err = run(capsys, path, "certificates", "issue", str(first))
    assert code == 2 and "locked" in err
    code, listed, _ = run_json(capsys, path, "certificates", "list")
    assert listed == []
