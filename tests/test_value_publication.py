"""``value publish``: the dated, ranked list of each applicant's latest brand-value estimate
(``store.valuations.publication``, ``reports/value_publication.py``, ``cli/value.py``)."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess

import pytest
from python_calamine import CalamineWorkbook

from brandmark.cli import main
from brandmark.messages import catalogue
from brandmark.reports.value_publication import STATEMENT_EN, STATEMENT_ZH, write_value_publication
from brandmark.scoring.valuation import parse_inputs, run_monte_carlo
from brandmark.store import Store
from support import refused_with
from valuation_support import new_applicant, valuation_input

STRANGE = '=HYPERLINK("http://x")<b>&amp; "引号"\u3000杭州 O\'Brien & 联合体'


def save(store, applicant_id, date, revenue=12000, **overrides):
    data = valuation_input(valuation_date=date, revenues=[revenue, revenue * 1.1, revenue * 1.2], **overrides)
    inputs = parse_inputs(data)
    return store.valuations.save(applicant_id, inputs, run_monte_carlo(inputs, trials=200, seed=3), by="王五")


def names(listing):
    return [row["applicant_name"] for row in listing["rows"]]


def test_the_latest_estimate_of_each_applicant_is_ranked_by_its_p50(bare_store):
    small, big, middle = (new_applicant(bare_store, n) for n in ("小公司", "大公司", "中公司"))
    save(bare_store, small, "2026-01-10", revenue=1000)
    save(bare_store, big, "2025-06-30", revenue=1000)
    newest_big = save(bare_store, big, "2026-02-01", revenue=90000)     # the latest counts, not the first
    save(bare_store, middle, "2026-02-15", revenue=20000)
    listing = bare_store.valuations.publication()
    assert listing["as_of"] == "2026-03-01"                             # the body's today
    assert names(listing) == ["大公司", "中公司", "小公司"]
    assert [row["rank"] for row in listing["rows"]] == [1, 2, 3]
    top = listing["rows"][0]
    assert top["id"] == newest_big and top["valuation_date"] == "2026-02-01"
    assert top["p10"] <= top["p50"] <= top["p90"] and top["method"] == "relief-from-royalty"
    assert all(a["p50"] >= b["p50"] for a, b in zip(listing["rows"], listing["rows"][1:]))


def test_estimates_in_other_units_rank_converted_and_others_follow_unranked(bare_store):
    yuan, wan, dollars = (new_applicant(bare_store, n) for n in ("元公司", "万元公司", "美元公司"))
    save(bare_store, wan, "2026-01-01", revenue=12000)
    # 12,000 万元 of revenue written in 元 is the same brand; ten times it ranks first.
    save(bare_store, yuan, "2026-01-01", revenue=12000 * 10000 * 10, unit="元")
    save(bare_store, dollars, "2026-01-01", revenue=999999, currency="USD")
    listing = bare_store.valuations.publication()
    assert names(listing) == ["元公司", "万元公司", "美元公司"]
    assert [row["rank"] for row in listing["rows"]] == [1, 2, None]
    assert listing["rows"][0]["p50_in_wan"] == pytest.approx(listing["rows"][0]["p50"] / 10000)


def test_estimates_older_than_the_age_limit_are_left_out_and_counted(bare_store):
    fresh, edge, old, older = (new_applicant(bare_store, n) for n in ("新公司", "边界公司", "旧公司", "更旧公司"))
    save(bare_store, fresh, "2026-02-01")
    save(bare_store, edge, "2024-03-01")           # exactly 24 months before 2026-03-01: kept
    save(bare_store, old, "2024-02-29")            # one day older: left out
    save(bare_store, older, "2020-01-01")
    listing = bare_store.valuations.publication()
    assert listing["max_age_months"] == 24 and listing["oldest_date"] == "2024-03-01"
    assert sorted(names(listing)) == sorted(["新公司", "边界公司"])
    assert listing["left_out_old"] == 2

    bare_store.valuations.set_publish_max_age_months(6, actor="李四")
    listing = bare_store.valuations.publication()
    assert names(listing) == ["新公司"] and listing["left_out_old"] == 3
    assert listing["oldest_date"] == "2025-09-01"
    event = list(bare_store.db.query("SELECT * FROM events WHERE action = 'setting.change' ORDER BY id DESC"))[0]
    assert event["entity_id"] == "valuation.publish_max_age_months" and event["actor"] == "李四"


@pytest.mark.parametrize("months", ["0", "601", "two", "1.5", ""])
def test_an_age_limit_that_is_not_1_to_600_whole_months_is_refused(bare_store, months):
    with refused_with("publication.max_age"):
        bare_store.valuations.set_publish_max_age_months(months)
    assert bare_store.valuations.publish_max_age_months() == 24


def test_as_of_takes_each_applicants_latest_estimate_dated_by_that_day(bare_store):
    firm, late, later = new_applicant(bare_store, "甲公司"), new_applicant(bare_store, "晚公司"), \
        new_applicant(bare_store, "后公司")
    early = save(bare_store, firm, "2024-12-31", revenue=5000)
    save(bare_store, firm, "2026-01-31", revenue=50000)
    back_dated = save(bare_store, late, "2025-01-04")      # saved later, dated the day itself: listed
    save(bare_store, later, "2025-01-05")
    then = bare_store.valuations.publication("2025-01-04")
    assert [(r["applicant_name"], r["id"]) for r in then["rows"]] == [("晚公司", back_dated), ("甲公司", early)]
    assert then["as_of"] == "2025-01-04" and then["oldest_date"] == "2023-01-04"
    now = bare_store.valuations.publication(dt.date(2026, 2, 1))
    assert {r["applicant_name"]: r["valuation_date"] for r in now["rows"]} == \
        {"甲公司": "2026-01-31", "晚公司": "2025-01-04", "后公司": "2025-01-05"}
    with refused_with("publication.as_of"):
        bare_store.valuations.publication("2026-13-01")


def test_demo_applicants_are_left_out_and_counted(bare_store):
    real, demo = new_applicant(bare_store, "真公司"), new_applicant(bare_store, "演示公司")
    bare_store.db.execute("UPDATE applicants SET demo = 1 WHERE id = ?", [demo])
    save(bare_store, real, "2026-01-01")
    save(bare_store, demo, "2026-01-01")
    listing = bare_store.valuations.publication()
    assert names(listing) == ["真公司"] and listing["left_out_demo"] == 1 and listing["left_out_old"] == 0


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_fonts(path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout


def test_the_pdf_lists_ranks_explains_and_says_these_are_estimates(bare_store, tmp_path):
    firm, strange, old = (new_applicant(bare_store, n) for n in ("大公司", STRANGE, "旧公司"))
    save(bare_store, firm, "2026-02-01", revenue=90000)
    save(bare_store, strange, "2026-01-15")
    save(bare_store, old, "2023-01-01")
    out = write_value_publication(bare_store, tmp_path / "list.pdf")
    assert out["pages"] >= 1 and out["left_out_old"] == 1
    body = " ".join(pdf_text(tmp_path / "list.pdf").split())
    assert "品牌价值发布名单" in body and "Published brand values" in body and "2026-03-01" in body
    assert "估算，非认证价值" in body and "not a certified value" in body
    assert "提成率节省法" in body and "Multi-period excess earnings" in body and "P10–P90" in body
    assert body.index("大公司") < body.index("O'Brien")
    assert '=HYPERLINK("http://x")<b>&amp;' in body and "O'Brien & 联合体" in body   # as written, not markup
    assert "旧公司" not in body
    fonts = pdf_fonts(tmp_path / "list.pdf").splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)             # every font embedded


def test_the_workbook_reads_back_with_numbers_dates_and_notes(bare_store, tmp_path):
    firm, strange, old = (new_applicant(bare_store, n) for n in ("大公司", STRANGE, "旧公司"))
    big = save(bare_store, firm, "2026-02-01", revenue=90000)
    save(bare_store, strange, "2026-01-15")
    save(bare_store, old, "2023-01-01")
    listing = write_value_publication(bare_store, tmp_path / "list.xlsx", as_of="2026-03-01")
    book = CalamineWorkbook.from_path(str(tmp_path / "list.xlsx"))
    assert book.sheet_names == ["名单 List", "说明 Notes", "品牌发展指数 Index"]
    rows = book.get_sheet_by_name("名单 List").to_python()
    assert rows[0][:3] == ["排名 Rank", "企业名称 Applicant", "统一社会信用代码 Credit code"]
    assert [r[1] for r in rows[1:]] == ["大公司", STRANGE]           # a formula-looking name stays text
    first = rows[1]
    assert first[0] == 1 and first[12] == big
    assert first[5] == pytest.approx(listing["rows"][0]["p50"]) and isinstance(first[6], float)
    assert first[11] == dt.date(2026, 2, 1)
    notes = {r[0]: r[1:] for r in book.get_sheet_by_name("说明 Notes").to_python()[1:]}
    assert notes["估算，非认证价值 Estimates, not certified"] == [STATEMENT_ZH, STATEMENT_EN]
    assert notes["因过期未列入 Left out: too old"][0] == 1
    assert notes["截至日期 As of"][0] == "2026-03-01"


def test_the_brand_development_index_of_the_day_is_in_the_pdf_and_the_workbook(store, tmp_path):
    from test_certificates_support import issued

    certificate = issued(store, name="持证品牌有限公司")
    holder = store.certificates.get(certificate["number"])["applicant_id"]
    save(store, holder, "2026-02-01", revenue=50000)
    save(store, new_applicant(store, "未持证公司"), "2026-02-01")
    out = write_value_publication(store, tmp_path / "list.pdf")
    index = store.stats.brand_index(as_of=dt.date(2026, 3, 1), max_estimate_age_days=(dt.date(2026, 3, 1)
                                                                                      - dt.date(2024, 3, 1)).days)
    assert out["brand_index"] == index
    overall = index["overall"]
    assert overall["holders"] == 1 and overall["valued"] == 1 and overall["index"] is not None
    body = " ".join(pdf_text(tmp_path / "list.pdf").split())
    assert "品牌发展指数" in body and "Brand development index" in body
    assert f"{overall['index']:.1f}" in body and re.search(r"1\s*/\s*1", body)

    write_value_publication(store, tmp_path / "list.xlsx")
    sheet = CalamineWorkbook.from_path(str(tmp_path / "list.xlsx")).get_sheet_by_name("品牌发展指数 Index").to_python()
    assert sheet[1][:3] == ["全部 All", "全部 All", 1]
    assert sheet[1][9] == pytest.approx(overall["index"])
    hangzhou = next(row for row in sheet[1:] if row[1] == "杭州市 Hangzhou")
    assert hangzhou[2] == 1 and hangzhou[9] == pytest.approx(overall["index"])


def test_an_old_estimate_left_out_of_the_list_is_left_out_of_the_index_too(store, tmp_path):
    from test_certificates_support import issued

    certificate = issued(store, name="旧估值持证公司")
    save(store, store.certificates.get(certificate["number"])["applicant_id"], "2023-01-01")
    out = write_value_publication(store, tmp_path / "list.xlsx")
    assert out["left_out_old"] == 1
    assert out["brand_index"]["overall"]["stale"] == 1 and out["brand_index"]["overall"]["index"] is None


def test_an_empty_register_publishes_an_empty_list(bare_store, tmp_path):
    for name in ("empty.pdf", "empty.xlsx"):
        out = write_value_publication(bare_store, tmp_path / name)
        assert out["rows"] == [] and out["left_out_old"] == 0
    assert "No brand-value estimate can be published" in " ".join(pdf_text(tmp_path / "empty.pdf").split())
    rows = CalamineWorkbook.from_path(str(tmp_path / "empty.xlsx")).get_sheet_by_index(0).to_python()
    assert len(rows) == 1


# -- the command ---------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path, clock):
    path = tmp_path / "cli.db"
    with Store(path, clock=clock, load_bundled_packs=False) as store:
        save(store, new_applicant(store, "大公司"), "2026-02-01", revenue=90000)
        save(store, new_applicant(store, "小公司"), "2025-01-01", revenue=1000)
    return path


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_value_publish_writes_the_list_and_prints_its_counts(capsys, db, tmp_path):
    code, out, _ = run(capsys, db, "value", "publish", "-o", str(tmp_path / "l.pdf"), "--json")
    assert code == 0
    result = json.loads(out)
    assert [r["applicant_name"] for r in result["rows"]] == ["大公司", "小公司"]
    assert result["file"] == str(tmp_path / "l.pdf") and result["pages"] >= 1
    code, out, _ = run(capsys, db, "value", "publish", "--as-of", "2025-06-30", "-o", str(tmp_path / "l.xlsx"))
    # As of mid-2025 the big company's estimate (dated 2026-02-01) is not yet there.
    assert code == 0 and "小公司" in out and "大公司" not in out and (tmp_path / "l.xlsx").exists()


def test_value_publish_settings_show_and_change_the_age_limit(capsys, db, tmp_path):
    code, out, _ = run(capsys, db, "value", "publish-settings", "--json")
    assert code == 0 and json.loads(out) == {"max_age_months": 24}
    code, out, _ = run(capsys, db, "value", "publish-settings", "--max-age-months", "12", "--json")
    assert code == 0 and json.loads(out) == {"max_age_months": 12}
    code, out, _ = run(capsys, db, "value", "publish", "-o", str(tmp_path / "l.pdf"), "--json")
    result = json.loads(out)
    assert [r["applicant_name"] for r in result["rows"]] == ["大公司"] and result["left_out_old"] == 1


@pytest.mark.parametrize("args, code_name", [
    (["--as-of", "yesterday", "-o", "x.pdf"], "as_of"),
    (["-o", "x.docx"], "output_suffix"),
    ([], "output_required"),
])
def test_value_publish_refusals_exit_2_and_write_nothing(capsys, db, tmp_path, monkeypatch, args, code_name):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, db, "value", "publish", *args, "--json")
    english = catalogue("en")["publication"][code_name].split("{")[0]
    assert code == 2 and english in err
    assert not list(tmp_path.glob("x.*"))


def test_a_bad_age_limit_from_the_command_exits_2(capsys, db):
    code, _, err = run(capsys, db, "value", "publish-settings", "--max-age-months", "0", "--json")
    assert code == 2 and catalogue("en")["publication"]["max_age"].split("{")[0] in err
