"""Issue 8, section 8: absurd input, a read-only register and a full disk exit 2 with one
clear line, never 1, and write nothing; JSON output never holds NaN or Infinity."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from safety_support import cli_subprocess, dump_tables, privilege_dropper, run_cli
from support import MINI_GRANT, MINI_PACK, cli_certification_assessment, new_certification_assessment, register_staff

CODE = "91350100M000100Y43"


def refused(result) -> str:
    """The one line a refusal prints; fails unless the exit code is 2."""
    code, out, err = result
    assert code == 2, (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "unexpected error" not in err
    return lines[0]


def staffed(db) -> None:
    """The test personnel (support.STAFF) registered in ``db``, competent for its schemes."""
    from brandmark.store import Store

    with Store(db) as store:
        register_staff(store, unlock=False)


@pytest.fixture
def register(tmp_path, passphrase):
    """A database with the mini pack, its staff, one applicant and one open assessment (#1)."""
    db = tmp_path / "r.db"
    code, _, err = run_cli("--db", db, "schemes", "import", MINI_PACK)
    assert code == 0, err
    staffed(db)
    code, _, err = run_cli("--db", db, "applicants", "add", "--name", "杭州测试电器有限公司", "--uscc", CODE)
    assert code == 0, err

    def run_json(*args):
        code, out, err = run_cli("--db", db, *map(str, args), "--json")
        assert code == 0, err
        return json.loads(out)

    cli_certification_assessment(run_json, 1, "mini", assessor="张三")
    return db


def answers_file(tmp_path, answers) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": answers}, ensure_ascii=False), encoding="utf-8")
    return path


# -- a NUL character in a path ---------------------------------------------------------

def test_nul_in_an_evidence_path_of_an_answers_file(register, tmp_path):
    before = dump_tables(register)
    path = answers_file(tmp_path, {"V1": {"value": "pass", "evidence": ["evidence\x00.pdf"]}})
    line = refused(run_cli("--db", register, "assessments", "answer", "1", "--file", path))
    assert "NUL" in line
    assert dump_tables(register) == before


def test_nul_in_an_evidence_path_given_to_the_core(register):
    from brandmark.errors import RefusedInput
    from brandmark.store import Store

    with Store(register, load_bundled_packs=False) as store, pytest.raises(RefusedInput) as caught:
        store.assessments.add_evidence(1, "V1", "/tmp/a\x00b", by="张三")
    assert caught.value.problems[0].code == "evidence.nul_in_path"


@pytest.mark.parametrize("args", [
    ("assessments", "answer", "1", "--file", "answers\x00.json"),
    ("applicants", "add", "--name", "某\x00公司", "--uscc", CODE),
    ("reports", "assessment", "1", "-o", "report\x00.pdf"),
    ("certificates", "verify", "--pdf", "cert\x00.pdf"),
])
def test_nul_on_the_command_line(register, args):
    before = dump_tables(register)
    line = refused(run_cli("--db", register, *args))
    assert "NUL" in line
    assert dump_tables(register) == before


def test_nul_in_the_database_path_creates_nothing(tmp_path):
    refused(run_cli("--db", str(tmp_path / "new\x00.db"), "applicants", "list"))
    assert list(tmp_path.iterdir()) == []


# -- a 400-digit number ------------------------------------------------------------------

VALUATION = {"method": "relief-from-royalty", "revenues": [1000, 1100], "royalty_rate": 0.05,
             "tax_rate": 0.25, "discount_rate": 0.12}


@pytest.mark.parametrize("change", [
    {"revenues": [int("9" * 400), 1100]},
    {"revenues": [-int("9" * 400), 1100]},
    {"discount_rate": int("9" * 400)},
    {"royalty_rate": {"dist": "triangular", "low": 0, "mode": int("9" * 400), "high": 1}},
    {"tax_amortisation_years": int("9" * 400)},
])
def test_a_400_digit_number_in_a_valuation_input(tmp_path, change):
    path = tmp_path / "input.json"
    path.write_text(json.dumps({**VALUATION, **change}))
    code, out, err = run_cli("--db", tmp_path / "v.db", "value", "--file", path, "--trials", "100")
    assert code == 2, err
    assert "unexpected error" not in err and out == ""


def test_a_400_digit_number_is_named_as_too_large():
    from brandmark.scoring.valuation import ValuationInputError, parse_inputs

    with pytest.raises(ValuationInputError) as caught:
        parse_inputs({**VALUATION, "revenues": [int("9" * 400), 1100]})
    assert [(p.code, p.field, p.params) for p in caught.value.problems] == [
        ("limits.number_too_large", ("revenues", 0), {"digits": 400})]
    assert "400" in caught.value.message("en") and "400" in caught.value.message("zh_CN")


def test_a_number_longer_than_python_reads(tmp_path):
    path = tmp_path / "input.json"
    path.write_text(json.dumps(VALUATION).replace("1000", "9" * 5000))
    line = refused(run_cli("value", "--file", path))
    assert "4300" in line


# -- pack length limits ------------------------------------------------------------------

def _pack(**fields) -> str:
    """The mini pack with some texts replaced: ``title``, ``item_text``, ``levels``..."""
    text = MINI_PACK.read_text(encoding="utf-8")
    if "title" in fields:
        text = text.replace('title = "最小测试方案"', f'title = "{fields["title"]}"')
    if "item_text" in fields:
        text = text.replace('clause = "4.2"', f'clause = "4.2"\n  text = "{fields["item_text"]}"')
    if "evidence" in fields:
        text = text.replace('clause = "4.2"', f'clause = "4.2"\n  evidence = {fields["evidence"]}')
    if "levels" in fields:
        text = text.replace('levels = ["无", "低", "中", "高", "领先"]',
                            'levels = ["无", ' + ", ".join(f'"L{n}"' for n in range(1, fields["levels"])) + "]")
    if "descriptor" in fields:
        text = text.replace('levels = ["无"', f'levels = ["{fields["descriptor"]}"')
    return text


@pytest.mark.parametrize("fields, expected", [
    ({"title": "标" * 201}, "'title' is too long (201 characters, at most 200)"),
    ({"item_text": "要求" * 2001}, "item C1: 'text' is too long (4002 characters, at most 4000)"),
    ({"descriptor": "无" * 501}, "'level 0 text' is too long (501 characters, at most 500)"),
    ({"evidence": json.dumps(["证据"] * 51, ensure_ascii=False)}, "too many evidence entries (51, at most 50)"),
    ({"evidence": json.dumps(["证" * 501], ensure_ascii=False)}, "'evidence' is too long (501 characters"),
    ({"levels": 22}, "too many levels (22, at most 21)"),
])
def test_a_pack_with_absurdly_long_texts_is_refused(tmp_path, fields, expected):
    path = tmp_path / "long.toml"
    path.write_text(_pack(**fields), encoding="utf-8")
    for command in (("schemes", "validate", path), ("schemes", "import", path)):
        code, out, err = run_cli("--db", tmp_path / "p.db", *command)
        assert code == 2 and expected in err, err
        assert "unexpected error" not in err


def test_a_pack_at_every_limit_is_accepted(tmp_path):
    path = tmp_path / "at-limits.toml"
    path.write_text(_pack(title="标" * 200, item_text="要求" * 2000, descriptor="无" * 500, levels=21,
                          evidence=json.dumps(["证" * 500] * 50, ensure_ascii=False)), encoding="utf-8")
    code, out, err = run_cli("--db", tmp_path / "p.db", "schemes", "validate", path)
    assert code == 0, err


def test_too_many_items_and_a_huge_file_are_refused(tmp_path):
    from brandmark.errors import PackError
    from brandmark.packs import parse_pack
    from support import pack_text

    many = pack_text([{"weight": 1, "items": [{"id": f"I{n}", "kind": "veto"} for n in range(2001)]}])
    with pytest.raises(PackError) as caught:
        parse_pack(many)
    assert any("too many items (2001, at most 2000)" in line for line in caught.value.lines)
    with pytest.raises(PackError) as caught:
        parse_pack(MINI_PACK.read_text(encoding="utf-8") + "#" * (4 * 1024 * 1024))
    assert caught.value.problems[0].code == "limits.pack_file_too_large"


def test_a_stored_pack_beyond_the_limits_still_loads(bare_store):
    """A version already in a register never changes: the limits apply to new packs only."""
    from brandmark.packs import parse_pack

    text = _pack(title="标" * 300)
    bare_store.schemes.import_pack(parse_pack(text, check_limits=False))
    bare_store.schemes._cache.clear()
    assert bare_store.schemes.get("mini", "1").title == "标" * 300


def test_reports_and_certificate_lay_out_texts_at_every_limit(tmp_path):
    """Every text at its limit, in Chinese and as one unbroken Latin word, still prints.

    A note of many short lines is the slowest text to lay out (reportlab splits a tall
    table row again on every page): 300 lines here keep the test quick; 2,500 take
    about 8 s a table and print as well.
    """
    from brandmark.reports import write_assessment_report, write_self_report
    from brandmark.store import Store
    from test_certificates_support import ensure_body_key

    word = "W" * 4000
    pack = _pack(title="标" * 200, item_text="要求很长" * 1000, descriptor="x" * 500, levels=21)
    pack = pack.replace('title_en = "Minimal test pack"',
                        f'title_en = "{"T" * 200}"\nnotice = "{"说明" * 2000}"\nnotice_en = "{word}"\n'
                        f'reference = true\nstandard = "{"S" * 200}"\nimplementation_rule = "{"R" * 100}"')
    with Store(tmp_path / "long.db", load_bundled_packs=False) as store:
        store.schemes.import_text(pack)
        register_staff(store)
        applicant = store.applicants.add(name="名" * 200, uscc=CODE, address="址" * 500,
                                         contact="c" * 500, industry="业" * 500)
        assessment = new_certification_assessment(store, applicant, "mini", assessor="张三",
                                                  product="品" * 200, models="M" * 1000, factory_address="厂" * 500)
        answers = dict(MINI_GRANT, C1={"value": "minor", "note": "\n".join(["注"] * 300) + "注" * 4000}, P1=20)
        store.assessments.answer_many(assessment, answers, by="张三")
        finding = store.assessments.findings(assessment)[0]["id"]
        store.assessments.update_finding(finding, by="张三", corrective_action="措" * 5000, clause="条" * 200)
        store.assessments.close_finding(finding, by="王五", checked="复核进货检验记录", evidence="整改后的检验记录")
        assert write_self_report(store, assessment, tmp_path / "self.pdf") > 1
        store.assessments.decide(assessment, "grant", by="李四", note="理由\n" * 300 + "由" * 4000)
        assert write_assessment_report(store, assessment, tmp_path / "report.pdf") > 1
        ensure_body_key(store)
        certificate = store.certificates.issue(assessment, authorised_by="赵六")
        store.certificates.write_pdf(certificate["number"], tmp_path / "certificate.pdf")
    assert (tmp_path / "certificate.pdf").stat().st_size > 1000


# -- a read-only register ------------------------------------------------------------------

def _demo_register(tmp_path, folder="ro") -> Path:
    db = tmp_path / folder / "r.db"
    db.parent.mkdir(exist_ok=True)
    code, _, err = run_cli("--db", db, "demo")
    assert code == 0, err
    staffed(db)
    return db


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_register_reads_but_refuses_writes(tmp_path, what):
    dropper = privilege_dropper()
    if dropper is None:
        pytest.skip("running as root without setpriv: file permissions cannot bind this process")
    db = _demo_register(tmp_path)
    before = dump_tables(db)
    if what == "file":
        db.chmod(0o444)
    else:
        db.parent.chmod(0o555)
    try:
        listed = cli_subprocess("--db", db, "applicants", "list", "--json", prefix=dropper)
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)["total"] == 11
        shown = cli_subprocess("--db", db, "certificates", "list", prefix=dropper)
        assert shown.returncode == 0, shown.stderr
        added = cli_subprocess("--db", db, "applicants", "add", "--name", "新企业有限公司", "--uscc", CODE,
                               prefix=dropper)
        assert added.returncode == 2, added.stderr
        assert added.stderr.count("\n") == 1 and "read-only" in added.stderr and "只读" in added.stderr
    finally:
        db.parent.chmod(0o755)
        db.chmod(0o644)
    assert dump_tables(db) == before


def test_a_read_only_refusal_is_a_problem_with_a_code(tmp_path):
    from brandmark.errors import RefusedInput
    from brandmark.store.storage_errors import storage_refusal

    refusal = storage_refusal(sqlite3.OperationalError("attempt to write a readonly database"), tmp_path)
    assert isinstance(refusal, RefusedInput) and refusal.problems[0].code == "storage.read_only"
    assert storage_refusal(sqlite3.OperationalError("no such table: x")) is None
    assert storage_refusal(ValueError("readonly database")) is None


# -- a full disk ----------------------------------------------------------------------------

def test_a_full_database_refuses_the_write_and_keeps_what_was_there(tmp_path, passphrase):
    """``PRAGMA max_page_count`` makes SQLite's own SQLITE_FULL without filling a real disk."""
    from brandmark.errors import RefusedInput
    from brandmark.store import Store

    db = _demo_register(tmp_path)
    with Store(db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        for n in range(500):
            before = dump_tables(db)
            try:
                new_certification_assessment(store, 1, "zhejiang-made", assessor="张三",
                                             product=f"电水壶{n}", models="X" * 1000)
            except RefusedInput as exc:
                assert exc.problems[0].code == "storage.disk_full"
                break
        else:
            pytest.fail("the database never filled up")
        assert store.applicants.count() == 11          # reading goes on
    assert dump_tables(db) == before


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if os.geteuid() != 0:
        return False
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


def test_a_real_full_disk_exits_2_and_keeps_the_register_sound(tmp_path, passphrase):
    """A small tmpfs filled up; a write by a real process is refused, the register stays sound."""
    from safety_support import integrity

    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "2m"):
        pytest.skip("cannot mount a small tmpfs here (needs root); the max_page_count test covers SQLITE_FULL")
    try:
        db = _demo_register(disk.parent, folder=disk.name)
        free = os.statvfs(disk)
        filler = disk / "filler"
        # Leave room for the -shm index (32 KiB) and a little more, not for the writes.
        filler.write_bytes(b"\0" * (free.f_bavail * free.f_frsize - 96 * 1024))
        before = dump_tables(db)
        outcomes = []
        for n in range(12):
            # A self-assessment: it needs no accepted application, and writes a product and an assessment.
            done = cli_subprocess("--db", db, "assessments", "new", "--applicant", 1, "--scheme", "zhejiang-made",
                                  "--mode", "self", "--assessor", "张三", "--product", f"电水壶{n}",
                                  "--models", "X" * 1000,
                                  "--factory-address", "址" * 500)
            assert done.returncode in (0, 2), done.stderr
            outcomes.append(done.returncode)
            if done.returncode == 2:
                assert done.stderr.count("\n") == 1 and "full" in done.stderr, done.stderr
        assert 2 in outcomes
        filler.unlink()
        assert integrity(db) == "ok"
        after = dump_tables(db)
        assert len(after["assessments"]) == len(before["assessments"]) + outcomes.count(0)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


# -- JSON without NaN or Infinity --------------------------------------------------------------

def _strict_json(text: str):
    def refuse(name):
        raise AssertionError(f"JSON output holds {name}")
    return json.loads(text, parse_constant=refuse)


def test_emit_never_prints_nan_or_infinity(capsys):
    import argparse

    from brandmark.cli import Context

    ctx = Context(argparse.Namespace(json=True))
    ctx.emit({"mean": float("nan"), "p90": float("inf"), "rows": [{"x": float("-inf")}, 1.5], "t": (2.0,)})
    assert _strict_json(capsys.readouterr().out) == {"mean": None, "p90": None, "rows": [{"x": None}, 1.5],
                                                    "t": [2.0]}


def test_valuation_json_is_strict_json(tmp_path):
    path = tmp_path / "input.json"
    path.write_text(json.dumps({**VALUATION, "revenues": [1e300, 1e300]}))
    code, out, err = run_cli("value", "--file", path, "--trials", "200", "--json")
    assert code in (0, 2), err
    if code == 0:
        _strict_json(out)
