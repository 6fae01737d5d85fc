"""Where an assessment stands, as the registers show it (issue 11 §3): the stage worked out
from the answers (a fully answered self-assessment is not at 申请受理), the score and verdict
the scorer gives, the scheme's title and the product."""

from __future__ import annotations

import json

import pytest

from brandmark.cli import main
from support import MINI_GRANT, new_certification_assessment

ASSESSOR, DECIDER = "张三", "李四"


def register_row(store, assessment_id):
    return next(r for r in store.assessments.register(limit=1000) if r["id"] == assessment_id)


def list_row(store, assessment_id):
    return next(r for r in store.assessments.list() if r["id"] == assessment_id)


def test_a_fully_answered_self_assessment_stands_at_the_summary(mini_store, applicant):
    aid = mini_store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="企业自评员", mode="self",
                                     product="电水壶", models="K1")
    assert register_row(mini_store, aid)["stage"] == "application"
    mini_store.assessments.answer_many(aid, MINI_GRANT, by="企业自评员")
    for row in (register_row(mini_store, aid), list_row(mini_store, aid)):
        assert row["stage"] == "summary"             # was 申请受理: the stored column never moved
        score = mini_store.assessments.score(aid)
        assert (row["total"], row["verdict"]) == (score.total, score.verdict) == (score.total, "grant")
    row = register_row(mini_store, aid)
    assert row["scheme_title"] == "最小测试方案" and row["product_name"] == "电水壶"
    assert mini_store.assessments.get(aid)["stage"] == "application"   # the walk-through's place is its own


def test_the_stage_is_the_first_with_a_required_item_unanswered(mini_store, applicant):
    aid = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
    mini_store.assessments.answer_many(aid, {"V1": "pass", "C1": "conform"}, by=ASSESSOR)
    assert register_row(mini_store, aid)["stage"] == "testing"
    mini_store.assessments.answer_many(aid, {"T1": "97.0", "T2": ["0.20", "0.21"]}, by=ASSESSOR)
    assert register_row(mini_store, aid)["stage"] == "audit"
    mini_store.assessments.answer_many(aid, {"C2": "conform"}, by=ASSESSOR)
    row = register_row(mini_store, aid)
    assert (row["stage"], row["verdict"]) == ("characteristics", "incomplete")


def test_scores_with_an_open_corrective_action_match_the_scorer(mini_store, applicant):
    aid = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
    mini_store.assessments.answer_many(aid, {**MINI_GRANT, "C1": "minor"}, by=ASSESSOR)
    score = mini_store.assessments.score(aid)
    row = register_row(mini_store, aid)
    assert (row["total"], row["verdict"]) == (score.total, score.verdict)
    assert score.verdict == "conditional"
    finding = mini_store.assessments.findings(aid)[0]
    mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, corrective_action="已整改",
                                        checked="复核整改记录", evidence="整改后的记录")
    score = mini_store.assessments.score(aid)
    assert (register_row(mini_store, aid)["verdict"], score.verdict) == (score.verdict, "grant")


def test_a_decided_assessment_shows_the_decision_figures(mini_store, applicant):
    aid = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
    mini_store.assessments.answer_many(aid, MINI_GRANT, by=ASSESSOR)
    decision = mini_store.assessments.decide(aid, "grant", by=DECIDER)
    row = register_row(mini_store, aid)
    assert (row["stage"], row["total"], row["verdict"], row["decision"]) == (
        "summary", decision["total"], "grant", "grant")
    assert row["decided_at"] == decision["decided_at"]


def test_cli_list_shows_the_worked_out_stage(tmp_path, capsys, passphrase):
    from brandmark.store import Store
    from support import MINI_PACK, register_staff

    db = tmp_path / "cli.db"
    with Store(db) as store:
        store.schemes.import_file(MINI_PACK)
        register_staff(store)
        applicant = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43")
        aid = store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="自评员", mode="self")
        store.assessments.answer_many(aid, MINI_GRANT, by="自评员")
    assert main(["--db", str(db), "--json", "assessments", "list"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["stage"], r["verdict"]) for r in rows] == [(aid, "summary", "grant")]


def test_the_export_has_the_worked_out_stage_score_and_verdict(mini_store, applicant, tmp_path):
    from python_calamine import CalamineWorkbook

    from brandmark.exports import export_register

    aid = mini_store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="企业自评员", mode="self")
    mini_store.assessments.answer_many(aid, MINI_GRANT, by="企业自评员")
    export_register(mini_store, "assessments", tmp_path / "a.xlsx", language="zh_CN")
    header, row = CalamineWorkbook.from_path(str(tmp_path / "a.xlsx")).get_sheet_by_index(0).to_python()[:2]
    got = dict(zip(header, row))
    assert (got["阶段"], got["评分结论"]) == ("汇总", "批准")
    assert got["得分"] == pytest.approx(mini_store.assessments.score(aid).total)
