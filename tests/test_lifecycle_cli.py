"""``assessments new --surveillance|--recertify|--scope-change``, ``surveillance …`` and
``certificates reduce-scope`` through the CLI: exit codes, JSON, the report PDF."""

from __future__ import annotations

import json

import pytest

from brandmark.cli import main
from brandmark.store import Store
from support import FIXTURES, MINI_GRANT, register_staff
from test_certificates_support import BODY_PASSPHRASE, decided_assessment, have, pdf_to_png


@pytest.fixture
def db(tmp_path, clock, monkeypatch, passphrase):
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    path = tmp_path / "cli.db"
    with Store(path, clock=clock) as store:
        store.schemes.import_file(FIXTURES / "mini-marked.toml", actor="tester")
        register_staff(store)
        number = store.certificates.issue(decided_assessment(store))["number"]
    return path, number


def run(capsys, path, *args):
    code = main(["--db", str(path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, path, *args):
    code, out, err = run(capsys, path, *args, "--json")
    return code, (json.loads(out) if out.strip() else None), err


def test_a_visit_from_the_command_line_suspends_and_reports(capsys, db, tmp_path):
    path, number = db
    code, visit, _ = run_json(capsys, path, "assessments", "new", "--surveillance", number, "--assessor", "王五")
    assert code == 0 and visit["kind"] == "surveillance" and visit["items"] == ["T1", "C1"]
    answers = tmp_path / "visit.json"
    answers.write_text(json.dumps({"answers": {"T1": "96.0", "C1": "conform"}}), encoding="utf-8")
    assert run(capsys, path, "assessments", "answer", str(visit["id"]), "--file", str(answers))[0] == 0
    code, _, err = run(capsys, path, "surveillance", "decide", str(visit["id"]), "--result", "maintain",
                       "--by", "李四")
    assert code == 2 and "refuse" in err
    code, out, _ = run_json(capsys, path, "surveillance", "decide", str(visit["id"]), "--result", "suspend",
                            "--reason", "热效率抽样不合格", "--by", "李四")
    assert code == 0 and out["certificate"]["status"] == "suspended"
    code, due, _ = run_json(capsys, path, "surveillance", "due")
    assert [d["reason"] for d in due if d["number"] == number][0] == "failed_sampling"
    code, shown, _ = run_json(capsys, path, "surveillance", "show", number)
    assert [v["result"] for v in shown["visits"] if v["done_on"]] == ["suspend"]
    pdf = tmp_path / "visit.pdf"
    code, written, _ = run_json(capsys, path, "surveillance", "report", str(visit["id"]), "-o", str(pdf))
    assert code == 0 and written["pages"] >= 2 and pdf.read_bytes().startswith(b"%PDF")
    if have("pdftotext"):
        import subprocess
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert number in text and "热效率抽样不合格" in text and "监督报告" in text
    if have("pdftoppm"):
        assert pdf_to_png(pdf, tmp_path / "visit-page").stat().st_size > 0
    # The initial assessment is not a visit: refused with its code, exit 2.
    code, _, err = run(capsys, path, "surveillance", "report", "1", "-o", str(tmp_path / "x.pdf"))
    assert code == 2


def test_complaint_recertification_and_scope_from_the_command_line(capsys, db, tmp_path):
    path, number = db
    code, visit, _ = run_json(capsys, path, "surveillance", "schedule", number, "--reason", "complaint",
                              "--note", "投诉查实", "--by", "王五")
    assert code == 0 and visit["reason"] == "complaint"
    code, _, err = run(capsys, path, "assessments", "new", "--scope-change", number, "--assessor", "王五")
    assert code == 2 and "--models" in err
    code, change, _ = run_json(capsys, path, "assessments", "new", "--scope-change", number,
                               "--models", "K-1, K-2, K-3", "--assessor", "王五")
    assert code == 0 and change["kind"] == "scope" and change["items"] == ["T1", "T2"]
    answers = tmp_path / "scope.json"
    answers.write_text(json.dumps({"answers": {"T1": "97.5", "T2": ["0.2", "0.2"]}}), encoding="utf-8")
    assert run(capsys, path, "assessments", "answer", str(change["id"]), "--file", str(answers))[0] == 0
    assert run(capsys, path, "assessments", "decide", str(change["id"]), "--decision", "grant", "--by", "李四")[0] == 0
    code, new, _ = run_json(capsys, path, "certificates", "issue", str(change["id"]))
    assert code == 0 and new["replaces"] == number and new["models"] == "K-1, K-2, K-3"
    code, reduced, _ = run_json(capsys, path, "certificates", "reduce-scope", new["number"], "--models", "K-3",
                                "--reason", "K-1/K-2 停产", "--by", "李四")
    assert code == 0 and reduced["models"] == "K-3" and reduced["replaces"] == new["number"]
    code, renewal, _ = run_json(capsys, path, "assessments", "new", "--recertify", reduced["number"],
                                "--assessor", "王五", "--replace-at", "now")
    assert code == 0 and renewal["kind"] == "recertification" and renewal["replace_at"] == "now"
    full = tmp_path / "full.json"
    full.write_text(json.dumps({"answers": MINI_GRANT}), encoding="utf-8")
    assert run(capsys, path, "assessments", "answer", str(renewal["id"]), "--file", str(full))[0] == 0
    assert run(capsys, path, "assessments", "decide", str(renewal["id"]), "--decision", "grant", "--by", "李四")[0] == 0
    code, renewed, _ = run_json(capsys, path, "certificates", "issue", str(renewal["id"]))
    assert code == 0 and renewed["replaces"] == reduced["number"]
    code, shown, _ = run_json(capsys, path, "certificates", "show", reduced["number"])
    assert shown["status"] == "cancelled" and shown["replaced_by"] == renewed["number"]
    # The chain of replacements keeps each number.
    code, rows, _ = run_json(capsys, path, "certificates", "list")
    assert {r["number"] for r in rows} >= {number, new["number"], reduced["number"], renewed["number"]}
