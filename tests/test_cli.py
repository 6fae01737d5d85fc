"""brandmark-cli end to end on a temporary database: every issue-2 command, JSON, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from brandmark.cli import main
from support import MINI_GRANT, MINI_PACK, REPO, cli_certification_assessment, register_staff

CODE = "91350100M000100Y43"


@pytest.fixture
def cli(tmp_path, capsys, passphrase):
    """``cli(*args)`` runs brandmark-cli on a temporary database; returns (exit code, stdout, stderr).

    ``cli.staff()`` registers the test personnel (support.STAFF), competent for the schemes
    loaded by then; their passphrase is in $BRANDMARK_PASSPHRASE.
    """
    db = tmp_path / "cli.db"

    def staff():
        from brandmark.store import Store

        with Store(db) as store:
            return register_staff(store, unlock=False)

    def run(*args, db_path=db):
        code = main(["--db", str(db_path), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    run.db = db
    run.staff = staff
    return run


@pytest.fixture
def cli_json(cli):
    def run(*args):
        code, out, err = cli(*args, "--json")
        assert code == 0, err
        return json.loads(out)
    return run


@pytest.fixture
def started(cli, cli_json):
    """The mini pack imported, one applicant, one assessment by 张三; returns the assessment id."""
    cli_json("schemes", "import", MINI_PACK)
    cli.staff()
    applicant = cli_json("applicants", "add", "--name", "杭州测试电器有限公司", "--uscc", CODE, "--region", "杭州")
    assessment = cli_certification_assessment(cli_json, applicant["id"], "mini", assessor="张三", product="电水壶")
    return assessment["id"]


def write_answers(tmp_path, answers, name="answers.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps({"answers": answers}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def table_counts(db) -> dict:
    from brandmark.store import Store

    with Store(db, load_bundled_packs=False) as store:
        return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("applicants", "products", "assessments", "answers", "findings", "decisions", "events",
                          "schemes")}


# -- schemes ----------------------------------------------------------------------------------

def test_schemes_list_and_show(cli, cli_json):
    rows = cli_json("schemes", "list")
    assert any(r["id"] == "zhejiang-made" and r["latest"] and r["reference"] for r in rows)
    code, out, _ = cli("schemes", "list")
    assert code == 0 and "zhejiang-made" in out
    shown = cli_json("schemes", "show", "zhejiang-made")
    assert shown["id"] == "zhejiang-made" and len(shown["hash"]) == 64
    assert sum(len(s["items"]) for s in shown["sections"]) >= 50
    code, out, _ = cli("schemes", "show", "zhejiang-made")
    assert code == 0 and "sha256" in out
    code, _, err = cli("schemes", "show", "nope")
    assert code == 2 and "nope" in err and len(err.strip().splitlines()) == 1


def test_schemes_validate(cli, cli_json, tmp_path):
    data = cli_json("schemes", "validate", MINI_PACK)
    assert data == {"valid": True, "id": "mini", "version": "1", "hash": data["hash"], "items": 7}
    bad = tmp_path / "bad.toml"
    bad.write_text(MINI_PACK.read_text(encoding="utf-8").replace('kind = "veto"', 'kind = "yes"')
                   .replace('limit = ">=97.0"', 'limit = "about"'), encoding="utf-8")
    code, out, err = cli("schemes", "validate", bad)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("bad.toml: item ") for line in lines)
    assert "Traceback" not in err
    code, _, err = cli("schemes", "validate", tmp_path / "missing.toml")
    assert code == 2 and "cannot read" in err


def test_schemes_import_prints_id_and_refuses_changed_content(cli, cli_json, tmp_path):
    data = cli_json("schemes", "import", MINI_PACK, "--by", "管理员")
    assert (data["id"], data["version"]) == ("mini", "1")
    changed = tmp_path / "changed.toml"
    changed.write_text(MINI_PACK.read_text(encoding="utf-8").replace("pass_score = 60", "pass_score = 61"),
                       encoding="utf-8")
    before = table_counts(cli.db)
    code, _, err = cli("schemes", "import", changed)
    assert code == 2 and "version" in err
    assert table_counts(cli.db) == before


# -- applicants -------------------------------------------------------------------------------

def test_applicants_add_and_list(cli, cli_json):
    created = cli_json("applicants", "add", "--name", "宁波甬江电器", "--uscc", CODE.lower(), "--region", "ningbo")
    assert isinstance(created["id"], int) and created["uscc"] == CODE and created["region"] == "ningbo"
    listing = cli_json("applicants", "list", "--search", "甬江")
    assert listing["total"] == 1 and listing["applicants"][0]["id"] == created["id"]
    assert cli_json("applicants", "list", "--search", "没有")["total"] == 0
    code, out, _ = cli("applicants", "list")
    assert code == 0 and "宁波甬江电器" in out and "(1 of 1)" in out
    shown = cli_json("applicants", "show", created["id"])
    assert shown["products"] == [] and shown["assessments"] == []


@pytest.mark.parametrize("args,message", [
    (["--name", "甲", "--uscc", CODE[:17] + "4"], "check character"),
    (["--name", "甲", "--uscc", "12345"], "18"),
    (["--name", "甲", "--uscc", CODE, "--region", "北京"], "region"),
    (["--name", " ", "--uscc", CODE], "name"),
])
def test_refused_applicant_exit_2_one_line_nothing_written(cli, args, message):
    cli("schemes", "import", MINI_PACK)          # a command that writes creates the register
    before = table_counts(cli.db)
    code, out, err = cli("applicants", "add", *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1 and err.startswith("brandmark-cli: ")
    assert table_counts(cli.db) == before


# -- assessments ------------------------------------------------------------------------------

def test_whole_certification_flow(cli, cli_json, started, tmp_path):
    answers = write_answers(tmp_path, {**MINI_GRANT, "C1": {"value": "minor", "note": "记录不全"}})
    saved = cli_json("assessments", "answer", started, "--file", answers)
    assert saved == {"id": started, "saved": 7}
    score = cli_json("assessments", "score", started)
    assert {"total", "sections", "verdict", "reasons", "gaps"} <= set(score)
    assert all({"id", "score", "max"} <= set(s) for s in score["sections"])
    assert score["verdict"] == "conditional"
    assert score["reasons"] == [{"item": "C1", "rule": "minor_nc", "message": score["reasons"][0]["message"]}]
    assert isinstance(score["gaps"], list)
    # Verify the corrective action, then decide.
    [finding] = cli_json("assessments", "findings", started)
    closed = cli_json("assessments", "close-finding", finding["id"], "--by", "张三", "--corrective-action", "补全",
                      "--checked", "复核记录", "--evidence", "补全后的记录")
    assert closed["status"] == "closed"
    assert cli_json("assessments", "score", started)["verdict"] == "grant"
    decision = cli_json("assessments", "decide", started, "--decision", "grant", "--by", "李四")
    assert decision["decision"] == "grant" and decision["decided_by"] == "李四"
    assert cli_json("assessments", "show", started)["status"] == "decided"
    assert [r["id"] for r in cli_json("assessments", "list", "--status", "decided")] == [started]
    ranking = cli_json("assessments", "ranking", "--scheme", "mini")
    assert ranking[0]["id"] == started and ranking[0]["verdict"] == "grant"
    code, out, _ = cli("assessments", "score", started)
    assert code == 0 and "verdict grant" in out


def test_text_output_of_score_and_new(cli, started, tmp_path):
    code, out, _ = cli("assessments", "answer", started, "--file", write_answers(tmp_path, MINI_GRANT))
    assert code == 0 and out.strip() == "saved 7 answers"
    code, out, _ = cli("assessments", "score", started)
    assert code == 0 and out.startswith("total ")


@pytest.mark.parametrize("content,message", [
    (json.dumps({"answers": {**MINI_GRANT, "X9": "pass"}}), "X9"),
    (json.dumps({"answers": {**MINI_GRANT, "P1": 7}}), "P1"),
    (json.dumps({"answers": {**MINI_GRANT, "T1": 96.96}}), "T1"),
    ('{"answers": {"V1": "pass",', "not valid JSON"),
    (json.dumps({"V1": "pass"}), "must be an object"),
    (json.dumps([1, 2]), "must be an object"),
    ("\udcff", "not valid JSON"),
])
def test_a_refused_answers_file_writes_nothing(cli, started, tmp_path, content, message):
    path = tmp_path / "answers.json"
    if content == "\udcff":
        path.write_bytes(b"\xff\xfe{")
    else:
        path.write_text(content, encoding="utf-8")
    before = table_counts(cli.db)
    code, out, err = cli("assessments", "answer", started, "--file", path)
    assert code == 2 and out == "" and message in err
    assert table_counts(cli.db) == before


def test_missing_answers_file(cli, started, tmp_path):
    code, _, err = cli("assessments", "answer", started, "--file", tmp_path / "nope.json")
    assert code == 2 and "cannot read" in err


@pytest.mark.parametrize("command", [("schemes", "list"), ("keys", "show")])
def test_a_data_folder_that_cannot_be_created_is_refused(tmp_path, monkeypatch, capsys, command):
    # A file where the data folder should be ended as 'unexpected error: FileExistsError' (exit 1).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("BRANDMARK_DATA_DIR", str(blocker / "brandmark"))
    monkeypatch.delenv("BRANDMARK_DB", raising=False)
    assert main(list(command)) == 2
    err = capsys.readouterr().err
    assert "cannot create the data folder" in err and "BRANDMARK_DATA_DIR" in err
    assert len(err.strip().splitlines()) == 1


def test_an_answers_file_nested_too_deeply_is_refused(cli, started, tmp_path):
    # json's recursion limit used to surface as 'unexpected error: RecursionError' (exit 1).
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = cli("assessments", "answer", started, "--file", deep)
    assert code == 2 and "nests too deeply" in err and len(err.strip().splitlines()) == 1


@pytest.fixture
def by_one_who_may_decide(cli, cli_json):
    """An assessment whose assessor 周七 also holds the decider and authoriser roles, so only
    impartiality can stop them deciding it; returns (assessment id, person id)."""
    cli_json("schemes", "import", MINI_PACK)
    cli.staff()
    person = cli_json("people", "add", "--name", "周七", "--roles", "assessor,decider,authoriser",
                      "--schemes", "mini")
    applicant = cli_json("applicants", "add", "--name", "杭州测试电器有限公司", "--uscc", CODE, "--region", "杭州")
    assessment = cli_certification_assessment(cli_json, applicant["id"], "mini", assessor=person["id"],
                                              product="电水壶")
    assert assessment["assessor"] == "周七" and assessment["assessor_id"] == person["id"]
    return assessment["id"], person["id"]


@pytest.mark.parametrize("ref", ["周七", "{id}", "#{id}", "周七\u3000"])
def test_the_assessor_cannot_decide(cli, by_one_who_may_decide, tmp_path, ref):
    assessment, person = by_one_who_may_decide
    cli("assessments", "answer", assessment, "--file", write_answers(tmp_path, MINI_GRANT))
    before = table_counts(cli.db)
    code, _, err = cli("assessments", "decide", assessment, "--decision", "grant", "--by", ref.format(id=person))
    assert code == 2 and "ISO/IEC 17065 7.6.2" in err and "周七" in err
    assert table_counts(cli.db) == before


@pytest.mark.parametrize("lookalike", ["周 七", "周\u200b七", "週七", "周\u2067七"])
def test_a_lookalike_of_the_assessor_is_nobody_and_cannot_decide(cli, by_one_who_may_decide, tmp_path,
                                                                 lookalike):
    assessment, _ = by_one_who_may_decide
    cli("assessments", "answer", assessment, "--file", write_answers(tmp_path, MINI_GRANT))
    before = table_counts(cli.db)
    code, _, err = cli("assessments", "decide", assessment, "--decision", "grant", "--by", lookalike)
    assert code == 2 and "no registered person" in err
    assert table_counts(cli.db) == before


def test_the_assessor_cannot_decide_with_latin_names(cli, cli_json, tmp_path):
    cli_json("schemes", "import", MINI_PACK)
    cli_json("people", "add", "--name", "Zhou Qi", "--roles", "assessor,decider", "--schemes", "mini")
    applicant = cli_json("applicants", "add", "--name", "甲", "--uscc", CODE)
    assessment = cli_certification_assessment(cli_json, applicant["id"], "mini", assessor="Zhou Qi",
                                              accepted_by="Zhou Qi")
    cli_json("assessments", "answer", assessment["id"], "--file", write_answers(tmp_path, MINI_GRANT))
    before = table_counts(cli.db)
    for decider, says in (("Zhou Qi", "7.6.2"), ("Ｚｈｏｕ Ｑｉ", "7.6.2"), ("zhou qi", "no registered person"),
                          ("ZHOUQI", "no registered person"), ("Zhоu Qi", "no registered person")):
        code, _, err = cli("assessments", "decide", assessment["id"], "--decision", "grant", "--by", decider)
        assert code == 2 and says in err, decider
    assert table_counts(cli.db) == before


def test_deciding_an_incomplete_assessment_is_refused(cli, started, tmp_path):
    partial = {k: v for k, v in MINI_GRANT.items() if k != "C1"}
    cli("assessments", "answer", started, "--file", write_answers(tmp_path, partial))
    before = table_counts(cli.db)
    code, _, err = cli("assessments", "decide", started, "--decision", "refuse", "--by", "李四")
    assert code == 2 and "incomplete" in err
    assert table_counts(cli.db) == before


def test_self_assessment_gaps_and_no_decision(cli, cli_json, tmp_path):
    applicant = cli_json("applicants", "add", "--name", "甲", "--uscc", CODE)
    cli_json("schemes", "import", MINI_PACK)
    assessment = cli_json("assessments", "new", "--applicant", applicant["id"], "--scheme", "mini",
                          "--assessor", "企业", "--mode", "self")
    cli_json("assessments", "answer", assessment["id"], "--file",
             write_answers(tmp_path, {**MINI_GRANT, "P1": 1, "C2": "minor"}))
    score = cli_json("assessments", "score", assessment["id"])
    assert [g["item"] for g in score["gaps"]] == ["C2", "P1"]
    assert score["decision_possible"] is False
    code, out, _ = cli("assessments", "score", assessment["id"])
    assert "readiness" in out and "gaps" in out
    code, _, err = cli("assessments", "decide", assessment["id"], "--decision", "grant", "--by", "李四")
    assert code == 2 and "self-assessment" in err


def test_a_frozen_assessment_keeps_its_score_after_a_new_pack_version(cli, cli_json, started, tmp_path):
    cli_json("assessments", "answer", started, "--file", write_answers(tmp_path, {**MINI_GRANT, "P1": 1}))
    before = cli_json("assessments", "score", started)
    frozen = cli_json("assessments", "show", started)
    v2 = tmp_path / "mini-v2.toml"
    v2.write_text(MINI_PACK.read_text(encoding="utf-8").replace('version = "1"', 'version = "2"')
                  .replace("weight = 40", "weight = 5").replace("pass_score = 60", "pass_score = 95"),
                  encoding="utf-8")
    imported = cli_json("schemes", "import", v2)
    assert imported["version"] == "2" and imported["hash"] != frozen["scheme_hash"]
    after = cli_json("assessments", "score", started)
    assert (after["total"], after["verdict"], after["sections"]) == (before["total"], before["verdict"],
                                                                     before["sections"])
    shown = cli_json("assessments", "show", started)
    assert (shown["scheme_version"], shown["scheme_hash"]) == ("1", frozen["scheme_hash"])
    newer = cli_certification_assessment(cli_json, shown["applicant_id"], "mini", assessor="张三")
    assert newer["scheme_version"] == "2"


def test_unknown_ids_exit_2(cli, cli_json):
    cli_json("schemes", "list")
    for args in (["assessments", "score", 99], ["assessments", "show", 99], ["applicants", "show", 99],
                 ["assessments", "new", "--applicant", 99, "--scheme", "mini", "--assessor", "x"]):
        code, _, err = cli(*args)
        assert code == 2 and "99" in err, args


# -- judge, demo, global options, exit codes --------------------------------------------------

def test_judge(cli, cli_json):
    assert cli_json("judge", "--limit", ">=97.0", "--value", "96.96", "--method", "rounded") == {
        "verdict": "pass", "compared": "97.0", "method": "rounded"}
    assert cli_json("judge", "--limit", ">=97.0", "--value", "96.96")["verdict"] == "fail"
    code, out, _ = cli("judge", "--limit", "1.2~1.6", "--value", "1.6")
    assert code == 0 and out.startswith("pass")
    code, _, err = cli("judge", "--limit", "about 97", "--value", "1")
    assert code == 2 and "not understood" in err
    code, _, err = cli("judge", "--limit", ">=97", "--value", "abc")
    assert code == 2 and "not a number" in err


def test_judge_opens_no_database(tmp_path, capsys):
    db = tmp_path / "never.db"
    assert main(["--db", str(db), "judge", "--limit", "<3", "--value", "2"]) == 0
    assert not db.exists()


def test_demo(cli, cli_json):
    created = cli_json("demo")
    assert len(created["applicants"]) == 11 and created["assessments"]
    listing = cli_json("applicants", "list", "--search", "【演示】")
    assert listing["total"] == 11
    code, _, err = cli("demo")
    assert code == 2 and "already" in err


def test_global_options_before_or_after_the_command(cli, tmp_path, capsys):
    db = tmp_path / "options.db"
    assert main(["--db", str(db), "schemes", "import", str(MINI_PACK)]) == 0     # the register, made once
    capsys.readouterr()
    assert main(["--json", "--db", str(db), "schemes", "list"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert main(["schemes", "list", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == before


def test_environment_database(isolated_user_dirs, capsys):
    assert main(["applicants", "add", "--name", "甲", "--uscc", CODE, "--json"]) == 0
    capsys.readouterr()
    assert (isolated_user_dirs / "default.db").exists()


def test_usage_errors_exit_2(capsys):
    for args in ([], ["nope"], ["assessments", "decide", "1", "--decision", "maybe", "--by", "x"],
                 ["applicants", "add", "--name", "x"]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2
    capsys.readouterr()


def test_unexpected_error_exit_1_one_line(cli, monkeypatch):
    from brandmark.store import applicants

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(applicants.Applicants, "list", broken)
    code, out, err = cli("applicants", "list")
    assert code == 1 and out == ""
    assert err.strip() == "brandmark-cli: unexpected error: RuntimeError: disk on fire"


def test_every_command_has_help(capsys):
    from brandmark.cli import build_parser

    parser = build_parser()
    groups = parser._subparsers._group_actions[0].choices
    for name in ("schemes", "applicants", "assessments", "judge", "demo"):
        assert name in groups
    for name, group in groups.items():
        assert group.description or group.format_help(), name
        with pytest.raises(SystemExit) as info:
            main([name, "--help"])
        assert info.value.code == 0
    capsys.readouterr()


def test_real_subprocess_python_m_brandmark(tmp_path):
    env = {**os.environ, "BRANDMARK_DB": str(tmp_path / "sub.db"), "BRANDMARK_DATA_DIR": str(tmp_path),
           "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    ok = subprocess.run([sys.executable, "-m", "brandmark", "applicants", "add", "--name", "甲", "--uscc", CODE,
                         "--json"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["id"] == 1
    refused = subprocess.run([sys.executable, "-m", "brandmark", "applicants", "add", "--name", "乙", "--uscc",
                              CODE], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert refused.returncode == 2 and "already registered" in refused.stderr
    assert refused.stdout == "" and len(refused.stderr.strip().splitlines()) == 1
