"""The brand-value estimate report PDF, read back with pypdf."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from brandmark.errors import RefusedInput
from brandmark.reports.valuation_report import (
    ValuationReport, format_amount, histogram_drawing, input_label, input_rows, tornado_drawing,
    write_valuation_report,
)
from brandmark.scoring.valuation import parse_inputs, run_monte_carlo
from brandmark.valuation_prefill import brand_strength_for_applicant, prefill_brand_strength
from test_reports_support import NASTY_NAME, fonts, page_texts, squeezed
from valuation_support import made_assessment, new_applicant, valuation_input
from support import new_certification_assessment


def _text(pdf) -> str:
    return squeezed("".join(page_texts(pdf)))


@pytest.fixture
def saved(store):
    """A saved estimate whose brand strength came from a granted zhejiang-made assessment."""
    applicant = new_applicant(store)
    assessment = made_assessment(store, applicant, levels={"own-innovation": 0}, product="电水壶")
    data, strength = prefill_brand_strength(store, applicant, valuation_input(brand_strength=None, brand="西溪"))
    inputs = parse_inputs(data)
    result = run_monte_carlo(inputs, trials=4000, seed=5)
    estimate_id = store.valuations.save(applicant, inputs, result, by="王五", strength=strength)
    return store, estimate_id, assessment, result


def test_the_report_states_every_required_part(saved, tmp_path):
    store, estimate_id, assessment, result = saved
    pdf = tmp_path / "v.pdf"
    pages = write_valuation_report(pdf, ValuationReport.from_estimate(store, estimate_id))
    assert pages == len(PdfReader(str(pdf)).pages) >= 2
    whole = _text(pdf)
    expected = [
        "本报告为估算，非认证价值", "This report is an estimate, not a certified value",
        "估算目的", "Purpose", "估值日期", "2026-11-28",
        "品牌所有者", "杭州品牌测试电器有限公司", "西溪", "品字标认证产品", "电水壶", f"评审#{assessment}",
        "提成率节省法", "Relief from royalty", "ISO10668", "估值方法及理由",
        "输入及来源", "第1年收入", "第3年收入", "三角分布", "正态分布", "均匀分布", "折现率", "所得税率", "25%",
        "用户给定", "user-given", "用户给定的分布", f"来自评审#{assessment}", f"fromassessment#{assessment}",
        "假设", "Assumptions", "敏感性分析", "Sensitivity", "蒙特卡洛抽样",
        format_amount(result.value), format_amount(result.p10), format_amount(result.p50),
        format_amount(result.p90), format_amount(result.mean),
        "4,000", "随机种子", "5", "剔除次数", "估算#", "王五",
        "品牌强度", "质量要素", "创新要素", "自主创新",
    ]
    for part in expected:
        assert squeezed(part) in whole, part
    # The reader's language (issue 11 §5): titles, not the pack's ids; no command line; no ISO moment.
    for internal in ("own-innovation", "qa-capability", "zhejiang-made", "brandmark-cli", "--seed"):
        assert squeezed(internal) not in whole, internal
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", whole)


def test_each_input_row_names_its_source(saved):
    store, estimate_id, assessment, _ = saved
    rows = {row["path"]: row for row in input_rows(ValuationReport.from_estimate(store, estimate_id))}
    assert rows["brand_strength"]["source"] == (f"来自评审 #{assessment}", f"from assessment #{assessment}")
    assert rows["revenues[0]"]["source"][1] == "user-given" and not rows["revenues[0]"]["uncertain"]
    assert rows["revenues[2]"]["source"][1] == "distribution given by the user"
    assert rows["discount_rate"]["value"][1] == "normal mean 13% ± 1% (sd) [10%, 18%]"
    assert set(rows) == {"revenues[0]", "revenues[1]", "revenues[2]", "royalty_rate_range.low",
                         "royalty_rate_range.high", "brand_strength", "tax_rate", "discount_rate",
                         "terminal_growth"}


def test_untrusted_text_is_printed_as_text_not_markup(store, tmp_path):
    applicant = new_applicant(store, NASTY_NAME)
    inputs = parse_inputs(valuation_input(brand='<font size="40">大</font> & "品牌"',
                                          notes="第一行 <b>x</b>\n第二行 & y"))
    result = run_monte_carlo(inputs, trials=500)
    pdf = tmp_path / "nasty.pdf"
    write_valuation_report(pdf, ValuationReport.from_run(store, inputs, result, applicant_id=applicant))
    whole = _text(pdf)
    for part in (NASTY_NAME, '<font size="40">大</font> & "品牌"', "第一行<b>x</b>", "第二行&y"):
        assert squeezed(part) in whole, part


def test_only_the_bundled_font_is_used_and_embedded_as_a_subset(saved, tmp_path):
    store, estimate_id, *_ = saved
    pdf = tmp_path / "v.pdf"
    write_valuation_report(pdf, ValuationReport.from_estimate(store, estimate_id))
    used = fonts(pdf)
    assert used
    for font in used:
        name = str(font["/BaseFont"])
        assert re.fullmatch(r"/[A-Z]{6}\+LXGWWenKai-Regular", name), name


def test_excess_earnings_with_rejected_draws_and_no_applicant(tmp_path):
    data = {"method": "excess-earnings", "after_tax_profits": [800, 900, 950],
            "contributory_assets": [{"name": "营运资金 <WC>", "amount": 2000, "return": 0.05}],
            "discount_rate": 0.12,
            # An untruncated normal growth: some draws reach the discount rate and are rejected.
            "terminal_growth": {"dist": "normal", "mean": 0.06, "sd": 0.03}}
    inputs = parse_inputs(data)
    result = run_monte_carlo(inputs, trials=3000, seed=3)
    assert result.rejected > 0
    pdf = tmp_path / "ee.pdf"
    write_valuation_report(pdf, ValuationReport.from_run(None, inputs, result))
    whole = _text(pdf)
    for part in ("多期超额收益法", "GB/T29188", "第1年税后利润", "贡献资产“营运资金<WC>”金额",
                 f"{result.rejected:,}", "不可能的抽样", "提示：terminal_growth"):
        assert squeezed(part) in whole, part
    assert "品牌所有者" not in whole        # no applicant: no owner row


def test_plain_numbers_have_no_sensitivity_to_draw(tmp_path):
    inputs = parse_inputs(valuation_input(revenues=[1000, 1100], discount_rate=0.12, terminal_growth=0.02))
    result = run_monte_carlo(inputs, trials=200)
    report = ValuationReport.from_run(None, inputs, result)
    assert tornado_drawing(report) is None
    pdf = tmp_path / "plain.pdf"
    write_valuation_report(pdf, report)
    assert squeezed("无敏感性可示") in _text(pdf)


def test_histogram_bars_follow_the_counts():
    from reportlab.graphics.shapes import Rect

    result = {"value": 5.0, "mean": 5.0, "p10": 2.0, "p50": 5.0, "p90": 8.0, "unit": "万元",
              "histogram": {"counts": [1, 0, 3, 6], "edges": [0.0, 2.5, 5.0, 7.5, 10.0]}}
    drawing = histogram_drawing(result)
    bars = sorted((r for r in drawing.contents if isinstance(r, Rect)), key=lambda r: r.x)
    assert len(bars) == 3                                    # the empty bin draws nothing
    assert bars[2].height == pytest.approx(2 * bars[1].height) == pytest.approx(6 * bars[0].height)
    assert histogram_drawing({**result, "histogram": {"counts": [], "edges": []}}) is None


def test_tornado_bars_start_at_the_deterministic_value(saved):
    from reportlab.graphics.shapes import Rect

    store, estimate_id, *_ = saved
    report = ValuationReport.from_estimate(store, estimate_id)
    drawing = tornado_drawing(report)
    legend = 2
    bars = [r for r in drawing.contents if isinstance(r, Rect)][:-legend]
    assert len(bars) == 2 * len(report.result["tornado"])
    edges = {round(r.x, 6) for r in bars} | {round(r.x + r.width, 6) for r in bars}
    # Every bar has one end on the base line, so that x appears once per bar.
    base_x = max(edges, key=lambda x: sum(round(r.x, 6) == x or round(r.x + r.width, 6) == x for r in bars))
    assert sum(round(r.x, 6) == base_x or round(r.x + r.width, 6) == base_x for r in bars) == len(bars)


def test_labels_name_inputs_in_both_languages():
    inputs = parse_inputs({"method": "excess-earnings", "after_tax_profits": [1], "discount_rate": 0.1,
                           "contributory_assets": [{"name": "厂房", "amount": 1, "return": 0.1}]})
    assert input_label("after_tax_profits[0]") == ("第1年税后利润", "After-tax profit, year 1")
    assert input_label("contributory_assets[0].return", inputs) == ("贡献资产“厂房”回报率",
                                                                    'Contributory asset "厂房", return')
    assert input_label("discount_rate") == ("折现率", "Discount rate")


def test_an_unwritable_path_is_refused_and_leaves_no_file(saved, tmp_path):
    store, estimate_id, *_ = saved
    report = ValuationReport.from_estimate(store, estimate_id)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RefusedInput, match="does not exist"):
        write_valuation_report(out / "missing" / "v.pdf", report)
    with pytest.raises(RefusedInput, match="folder"):
        write_valuation_report(out, report)
    assert list(out.iterdir()) == []


def test_the_strength_block_shows_the_total_score_fallback(mini_store, applicant, mini_grant_answers, tmp_path):
    assessment = new_certification_assessment(mini_store, applicant, "mini", assessor="张三")
    mini_store.assessments.answer_many(assessment, mini_grant_answers, by="张三")
    strength = brand_strength_for_applicant(mini_store, applicant)
    inputs = parse_inputs(valuation_input(brand_strength=round(strength.value, 2)))
    result = run_monte_carlo(inputs, trials=300)
    pdf = tmp_path / "mini.pdf"
    write_valuation_report(pdf, ValuationReport.from_run(mini_store, inputs, result, applicant_id=applicant,
                                                         strength=strength))
    whole = _text(pdf)
    assert squeezed("评审总分（该评价包的章节未全部对应要素）") in whole
    assert squeezed("暂无该企业的获证评审") in whole          # not decided: no certified product


def test_docstring_examples_stay_true():
    import doctest

    import brandmark.reports.valuation_report as module
    outcome = doctest.testmod(module)
    assert outcome.attempted > 0 and outcome.failed == 0
