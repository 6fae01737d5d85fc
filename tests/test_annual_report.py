"""``reports annual --year Y -o FILE.pdf`` (issue 12 §3): the year's figures of
``stats.compute(year=Y)`` printed with their charts, Chinese with English beside it, the
font embedded; a year without figures refused with a code, nothing written."""

from __future__ import annotations

import re

import pytest

from brandmark.cli import main
from brandmark.reports.annual_report import TABLE_ROWS, write_annual_report
from stats_support import fill_register
from support import FIXED_NOW, refused_with
from test_reports_support import fonts, page_texts, squeezed


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    from brandmark.store import Store

    path = tmp_path_factory.mktemp("annual") / "annual.db"
    with Store(path, clock=lambda: FIXED_NOW) as store:
        fill_register(store.conn, applicants=200, assessments=700, seed=9)
    return path


def open_store(path):
    from brandmark.store import Store

    return Store(path, clock=lambda: FIXED_NOW)


def test_the_report_prints_the_years_figures(register, tmp_path):
    pdf = tmp_path / "annual-2025.pdf"
    with open_store(register) as store:
        pages = write_annual_report(store, 2025, pdf)
        figures = store.stats.compute(year=2025)
    assert pages >= 3
    text = squeezed("".join(page_texts(pdf)))
    for heading in ("品字标认证年度报告（2025年度）", "证书与标志使用Certificatesandmarkuse", "地区与方案Byregionandscheme",
                    "通过率趋势Passrateovertheyears", "产品检验不合格项Failedproducttests",
                    "品牌发展指数Branddevelopmentindex", "统计口径Whatthefigurescount"):
        assert heading in text, heading
    rate = figures["pass_rate"]
    assert f"通过率Passrate{rate['rate']:.1%}" in text
    assert f"本年发证Certificatesissued{figures['certificates']['total']}" in text
    overall = figures["brand_index"]["overall"]
    assert f"全部All{overall['holders']}{overall['strength']:.1f}" in text
    assert figures["brand_index"]["as_of"] == "2025-12-31" and "2025-12-31" in text
    for city in ("杭州市Hangzhou", "丽水市Lishui", "浙江省外OutsideZhejiang"):
        assert city in text
    failed = figures["failed_tests"]
    assert f"{failed['assessments_failing']}of{failed['assessments_measured']}assessments" in text


def test_long_tables_sum_what_they_leave_out(register, tmp_path):
    pdf = tmp_path / "annual-2025.pdf"
    with open_store(register) as store:
        write_annual_report(store, 2025, pdf)
        clauses = store.stats.compute(year=2025)["nonconformities"]["by_clause"]
    assert len(clauses) > TABLE_ROWS, "the rows give more clauses than a table shows"
    text = squeezed("".join(page_texts(pdf)))
    rest = clauses[TABLE_ROWS:]
    assert f"其余{len(rest)}条theother{len(rest)}clauses{sum(n for _c, n in rest)}" in text


def test_the_font_is_embedded(register, tmp_path):
    pdf = tmp_path / "annual.pdf"
    with open_store(register) as store:
        write_annual_report(store, 2024, pdf)
    used = fonts(pdf)
    assert used
    for font in used:
        name = str(font["/BaseFont"])
        assert re.fullmatch(r"/[A-Z]{6}\+.+", name), f"{name} is not an embedded subset"


def test_a_year_without_figures_is_refused_and_nothing_is_written(register, tmp_path):
    pdf = tmp_path / "none.pdf"
    with open_store(register) as store:
        for year in (1999, FIXED_NOW.year + 1):
            with refused_with("stats.report_year"):
                write_annual_report(store, year, pdf)
    assert not pdf.exists()


def test_the_cli(register, tmp_path, capsys):
    pdf = tmp_path / "cli.pdf"
    assert main(["--db", str(register), "reports", "annual", "--year", "2025", "-o", str(pdf), "--json"]) == 0
    assert '"pages"' in capsys.readouterr().out and pdf.read_bytes()[:5] == b"%PDF-"
    assert main(["--db", str(register), "reports", "annual", "--year", "1999", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "1999" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
