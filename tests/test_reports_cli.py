"""``brandmark-cli reports assessment|self``: exit codes, JSON, refusals."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from brandmark.cli import main
from brandmark.store import Store
from support import FIXED_NOW
from test_reports_support import mixed_assessment


@pytest.fixture
def db(tmp_path):
    """A database file with one certification and one self-assessment (mini pack)."""
    path = tmp_path / "cli.db"
    with Store(path, clock=lambda: FIXED_NOW, load_bundled_packs=False) as store:
        ids = {"certification": mixed_assessment(store), "self": mixed_assessment(store, mode="self")}
    return path, ids


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_assessment_report_json(db, tmp_path, capsys):
    path, ids = db
    pdf = tmp_path / "a.pdf"
    code, out, err = run(capsys, "--db", path, "reports", "assessment", ids["certification"], "-o", pdf, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data == {"path": str(pdf), "pages": len(PdfReader(str(pdf)).pages)}


def test_self_report_text_output(db, tmp_path, capsys):
    path, ids = db
    pdf = tmp_path / "s.pdf"
    code, out, _ = run(capsys, "--db", path, "reports", "self", ids["self"], "--output", pdf)
    assert code == 0
    assert out.strip() == f"wrote {pdf} ({len(PdfReader(str(pdf)).pages)} pages)"


def test_self_report_of_a_certification_assessment_is_allowed(db, tmp_path, capsys):
    path, ids = db
    code, _, err = run(capsys, "--db", path, "reports", "self", ids["certification"], "-o", tmp_path / "g.pdf")
    assert code == 0, err


def test_assessment_report_of_a_self_assessment_is_refused(db, tmp_path, capsys):
    path, ids = db
    pdf = tmp_path / "a.pdf"
    code, out, err = run(capsys, "--db", path, "reports", "assessment", ids["self"], "-o", pdf)
    assert code == 2
    assert "self-assessment" in err and "reports self" in err
    assert err.count("\n") == 1 and out == ""
    assert not pdf.exists()


@pytest.mark.parametrize("target, message", [("missing/a.pdf", "does not exist"), (".", "is a folder")])
def test_a_bad_output_path_is_refused(db, tmp_path, capsys, target, message):
    path, ids = db
    code, _, err = run(capsys, "--db", path, "reports", "assessment", ids["certification"], "-o",
                       tmp_path / target)
    assert code == 2
    assert message in err


def test_an_unknown_assessment_is_refused(db, tmp_path, capsys):
    path, _ = db
    code, _, err = run(capsys, "--db", path, "reports", "self", 999, "-o", tmp_path / "x.pdf")
    assert code == 2
    assert "#999" in err
    assert not (tmp_path / "x.pdf").exists()


def test_output_is_required(db, capsys):
    path, ids = db
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(path), "reports", "assessment", str(ids["certification"])])
    assert exit_info.value.code == 2


def test_help_explains_which_report_fits_which_assessment(capsys):
    with pytest.raises(SystemExit):
        main(["reports", "self", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "certification assessment" in help_text and "gap list" in help_text
    with pytest.raises(SystemExit):
        main(["reports", "assessment", "--help"])
    assert "Refused for a self-assessment" in " ".join(capsys.readouterr().out.split())
