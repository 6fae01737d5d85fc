"""Exporting the registers: headers in the language asked, dates as dates, numbers as
numbers, and an exported applicant register imports back as the same register."""

from __future__ import annotations

import datetime as dt

import pytest
from python_calamine import CalamineWorkbook

from brandmark.cli import main
from brandmark.demo import load_demo
from brandmark.exports import default_language, export_register
from brandmark.imports import import_applicants
from brandmark.store import Store
from brandmark.uscc import make_uscc

REGISTER_COLUMNS = ("name", "uscc", "region", "address", "industry", "contact")


def sheet(path):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def register_of(store):
    return sorted(tuple(row[c] for c in REGISTER_COLUMNS) for row in store.applicants.list(limit=10_000))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_export_then_import_gives_the_same_register(bare_store, tmp_path, clock, suffix, language):
    bare_store.applicants.add(name="杭州甲（集团）有限公司", uscc=make_uscc(org_body="00000001"), region="杭州",
                              address="西湖区 1 号", industry="电器", contact="张三")
    bare_store.applicants.add(name="Ningbo & Co <Ltd>", uscc=make_uscc(org_body="00000002"), region="ningbo")
    bare_store.applicants.add(name="省外公司", uscc=make_uscc(division="110100", org_body="00000003"),
                              region="outside", contact="0571-12345678")
    bare_store.applicants.add(name="无地区", uscc=make_uscc(org_body="00000004"), contact="13800000000")
    path = tmp_path / f"applicants{suffix}"
    assert export_register(bare_store, "applicants", path, language=language)["rows"] == 4

    with Store(tmp_path / "again.db", clock=clock, load_bundled_packs=False) as again:
        result = import_applicants(again, path)
        assert result.imported == 4
        assert result.unknown_columns == (["编号", "登记时间"] if language == "zh_CN" else ["id", "registered at"])
        assert register_of(again) == register_of(bare_store)


def test_headers_follow_the_language_and_the_locale(bare_store, tmp_path, monkeypatch):
    bare_store.applicants.add(name="甲", uscc=make_uscc(org_body="00000001"), region="温州")
    export_register(bare_store, "applicants", tmp_path / "zh.xlsx", language="zh_CN")
    export_register(bare_store, "applicants", tmp_path / "en.xlsx", language="en")
    zh, en = sheet(tmp_path / "zh.xlsx"), sheet(tmp_path / "en.xlsx")
    assert zh[0][:4] == ["编号", "企业名称", "统一社会信用代码", "地区"] and zh[1][3] == "温州市"
    assert en[0][:4] == ["id", "name", "uscc", "region"] and en[1][3] == "Wenzhou"
    assert isinstance(zh[1][7], dt.datetime)                     # registered at: a date, not text
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert default_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert default_language() == "en"


def test_findings_and_assessments_have_dates_and_words(store, tmp_path):
    load_demo(store)
    export_register(store, "findings", tmp_path / "f.xlsx", language="zh_CN")
    findings = sheet(tmp_path / "f.xlsx")
    assert findings[0][10] == "整改期限" and len(findings) > 1
    assert findings[0][2] == "评审内序号" and {row[2] for row in findings[1:]} == {1.0}   # each demo audit's #1
    deadlines = [row[10] for row in findings[1:] if row[10] != ""]
    assert deadlines and all(isinstance(d, dt.date) for d in deadlines)
    assert {row[6] for row in findings[1:]} <= {"轻微", "严重"}
    export_register(store, "assessments", tmp_path / "a.xlsx", language="en")
    assessments = sheet(tmp_path / "a.xlsx")
    assert len(assessments) - 1 == len(store.assessments.list())
    assert all(isinstance(row[0], float) for row in assessments[1:])     # ids as numbers


def test_cli_export_every_register_and_refuses_other_suffixes(tmp_path, capsys):
    db = tmp_path / "cli.db"
    for kind in ("applicants", "assessments", "certificates", "findings", "valuations", "mark-use"):
        assert main(["--db", str(db), "export", kind, "-o", str(tmp_path / f"{kind}.csv")]) == 0, capsys.readouterr()
        assert (tmp_path / f"{kind}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["--db", str(db), "export", "certificates", "--status", "expired", "-o",
                 str(tmp_path / "c.xlsx")]) == 0
    assert main(["--db", str(db), "export", "applicants", "-o", str(tmp_path / "a.ods")]) == 2
    assert "imports.file_type" not in capsys.readouterr().err          # the text, not the code
    assert main(["--db", str(db), "export", "applicants", "-o", str(db)]) == 2


def test_one_assessments_answers_to_a_workbook(store, tmp_path, capsys):
    load_demo(store)
    assessment = store.assessments.list()[-1]["id"]
    answers = store.assessments.answers(assessment)
    pack = store.assessments.pack_for(assessment)
    path = tmp_path / "answers.xlsx"
    from brandmark.exports import export_assessment_answers

    result = export_assessment_answers(store, assessment, path, language="en")
    rows = sheet(path)
    assert rows[0][:2] == ["section", "item"] and result["rows"] == len(pack.items()) == len(rows) - 1
    by_item = {row[1]: row for row in rows[1:]}
    for item_id, answer in answers.items():
        value = answer["value"]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert by_item[item_id][6] == pytest.approx(value)              # a number, not text
        elif isinstance(value, str):
            assert by_item[item_id][6] == value
    assert all(isinstance(by_item[i][9], dt.datetime) for i in answers)


def test_mark_use_exports_with_chinese_headers_in_a_chinese_setting(store, tmp_path, capsys, monkeypatch):
    from test_certificates_support import issued

    number = issued(store)["number"]
    store.mark_use.record(number, year=2026, used_on="packaging", marks="12,000", note="礼盒包装", by="王芳")
    store.mark_use.record(number, year=2026, used_on="product", marks=0, by="王芳")
    path = store.path
    store.close()
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert main(["--db", str(path), "export", "mark-use", "-o", str(tmp_path / "标志使用.xlsx")]) == 0
    assert "2 mark-use" in capsys.readouterr().out
    rows = sheet(tmp_path / "标志使用.xlsx")
    assert rows[0] == ["编号", "证书编号", "持证企业", "方案", "产品", "年度", "使用方式", "使用数量（枚）", "说明",
                       "记录人", "记录时间"]
    # The mark-use list's order (product before packaging), counts as numbers, the moment a date.
    assert [(row[1], row[5], row[6], row[7], row[8]) for row in rows[1:]] == [
        (number, 2026.0, "产品", 0.0, ""), (number, 2026.0, "包装", 12000.0, "礼盒包装")]
    assert all(isinstance(row[10], dt.datetime) for row in rows[1:])
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert main(["--db", str(path), "export", "mark-use", "--year", "2025", "-o", str(tmp_path / "none.csv")]) == 0
    assert (tmp_path / "none.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "id,certificate,holder,scheme,product,year,used on,marks printed or applied,note,recorded by,recorded at"]
    assert main(["--db", str(path), "export", "mark-use", "--number", number, "--lang", "en",
                 "-o", str(tmp_path / "one.csv")]) == 0
    assert [line.split(",")[6] for line in (tmp_path / "one.csv").read_text(encoding="utf-8-sig").splitlines()[1:]] \
        == ["product", "packaging"]


def save_estimate(store, applicant_id: int, date: str, revenue: float) -> int:
    from brandmark.scoring.valuation import parse_inputs, run_monte_carlo

    inputs = parse_inputs({"method": "relief-from-royalty", "revenues": [revenue, revenue], "royalty_rate": 0.05,
                           "tax_rate": 0.25, "discount_rate": 0.12, "unit": "万元", "valuation_date": date})
    return store.valuations.save(applicant_id, inputs, run_monte_carlo(inputs, trials=200, seed=1), by="赵六")


def test_valuations_newest_first_is_the_brand_value_pages_order(store, tmp_path):
    applicant = store.applicants.add(name="杭州估值电器有限公司", uscc=make_uscc(org_body="00000009"), actor="tester")
    ids = [save_estimate(store, applicant, date, 1000.0) for date in ("2025-06-30", "2026-01-31", "2024-12-31")]
    export_register(store, "valuations", tmp_path / "v.xlsx", language="en", applicant_id=applicant,
                    newest_first=True)
    assert [int(row[0]) for row in sheet(tmp_path / "v.xlsx")[1:]] == \
        [row["id"] for row in store.valuations.history(applicant)] == [ids[1], ids[0], ids[2]]
    export_register(store, "valuations", tmp_path / "saved.xlsx", language="en")
    assert [int(row[0]) for row in sheet(tmp_path / "saved.xlsx")[1:]] == ids
