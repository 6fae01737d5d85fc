"""The brand value page on its own (no main window): prefill, refusals, run, save, history, PDF."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from brandmark.scoring.valuation import parse_inputs, run_monte_carlo  # noqa: E402
from brandmark.store import Store  # noqa: E402
from valuation_support import made_assessment, new_applicant, valuation_input  # noqa: E402


@pytest.fixture
def page(qtbot, tmp_path, clock, monkeypatch):
    from brandmark.ui.qt_context import QtAppContext
    from brandmark.ui.qt_valuation_page import QtValuationPage

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail(f"unexpected error dialog: {a[2]}"))
    store = Store(tmp_path / "page.db", clock=clock)
    context = QtAppContext(store)
    context.user_name = "王五"
    refusals: list[str] = []
    monkeypatch.setattr(context, "show_refusal", lambda parent, title, exc: refusals.append(str(exc)))
    widget = QtValuationPage(context)
    widget.refusals = refusals
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    yield widget
    store.close()


@pytest.fixture
def assessed(page):
    """An applicant granted at full marks except own innovation (strength 100 × 0.75 / 0.9)."""
    store = page.context.store
    applicant = new_applicant(store, "杭州西溪电器有限公司")
    assessment = made_assessment(store, applicant, levels={"own-innovation": 0}, product="电水壶")
    page.refresh_applicants()
    return applicant, assessment


def fill(page, data: dict) -> None:
    """Type an input into the form field by field, as a user would (distributions via set_value)."""
    page.set_form({"method": data["method"]})
    page.years_spin.setValue(len(data.get("revenues") or data.get("after_tax_profits")))
    for field, value in zip(page.revenue_fields, data.get("revenues", [])):
        field.set_value(value) if isinstance(value, dict) else field.edit.setText(str(value))
    page.range_radio.setChecked(True)
    page.range_low_field.edit.setText(str(data["royalty_rate_range"]["low"]))
    page.range_high_field.edit.setText(str(data["royalty_rate_range"]["high"]))
    page.tax_field.edit.setText(str(data["tax_rate"]))
    page.discount_field.set_value(data["discount_rate"])
    page.growth_check.setChecked(True)
    page.growth_field.set_value(data["terminal_growth"])
    page.mid_year_check.setChecked(data["mid_year"])


def run_and_wait(page, qtbot, trials=4000) -> object:
    results = []
    assert page.run(trials=trials, on_done=results.append), page.problems
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    return results[0]


def test_choosing_an_applicant_prefills_brand_and_strength_from_its_assessment(page, assessed):
    applicant, assessment = assessed
    page.select_applicant(applicant)
    expected = round(100.0 * 0.75 / 0.9, 2)
    assert page.strength_field.value() == expected and page.range_radio.isChecked()
    assert page.brand_edit.text() == "杭州西溪电器有限公司 · 电水壶"
    assert page.tax_field.value() == 0.25
    assert f"#{assessment}" in page.strength_source.text()
    assert page.strength_in_use() is not None
    page.strength_field.edit.setText("40")
    page.strength_field.changed.emit()
    assert page.strength_in_use() is None and "40" not in page.strength_source.text()
    page.use_assessment_strength()
    assert page.strength_field.value() == expected and page.strength_in_use() is not None


def test_search_narrows_the_applicant_list(page, assessed):
    new_applicant(page.context.store, "宁波甬江智能家电股份有限公司")
    page.search.setText("宁波")
    names = [page.applicant_combo.itemText(i) for i in range(1, page.applicant_combo.count())]
    assert len(names) == 1 and "宁波甬江" in names[0]


def test_fill_run_show_and_save_with_the_applicant(page, qtbot, assessed):
    applicant, assessment = assessed
    page.select_applicant(applicant)
    data = valuation_input(brand_strength=None)
    fill(page, data)
    page.strength_field.set_value(round(100.0 * 0.75 / 0.9, 2))
    result = run_and_wait(page, qtbot, trials=4000)
    expected = run_monte_carlo(parse_inputs({**data, "brand_strength": round(100.0 * 0.75 / 0.9, 2),
                                             "brand": page.brand_edit.text()}),
                               trials=4000, seed=20261128)
    assert (result.value, result.p10, result.p50, result.p90) == (expected.value, expected.p10, expected.p50,
                                                                  expected.p90)
    assert page.figure_labels["p50"].text() == f"{expected.p50:,.2f}"
    assert page.histogram.bar_rects() and len(page.tornado.bar_spans()) == len(expected.tornado)
    assert page.save_button.isEnabled()

    estimate_id = page.save_estimate()
    stored = page.context.store.valuations.get(estimate_id)
    assert stored["applicant_id"] == applicant and stored["created_by"] == "王五"
    assert stored["assessment_id"] == assessment and stored["p50"] == expected.p50
    assert page.history_ids() == [estimate_id] and page.shown_estimate_id == estimate_id
    assert not page.save_button.isEnabled()          # already saved: no duplicate


def test_editing_after_a_run_blocks_saving_until_run_again(page, qtbot, assessed):
    applicant, _ = assessed
    page.select_applicant(applicant)
    fill(page, valuation_input())
    page.strength_field.edit.setText("60")
    run_and_wait(page, qtbot, trials=1000)
    page.discount_field.set_value(0.2)
    page.discount_field.changed.emit()
    assert page.stale and not page.save_button.isEnabled() and page.save_estimate() is None
    run_and_wait(page, qtbot, trials=1000)
    assert page.save_button.isEnabled() and page.save_estimate() is not None


def test_saving_with_nobody_signed_in_asks_no_name_and_saves_nothing(page, qtbot, assessed, monkeypatch):
    """Issue 11 §1: a name asked here became the window's working person for the rest of the
    session and was credited in the event log; only the sign-in screen changes who works."""
    from PySide6.QtWidgets import QInputDialog

    applicant, _ = assessed
    page.select_applicant(applicant)
    fill(page, valuation_input())
    page.strength_field.edit.setText("60")
    run_and_wait(page, qtbot, trials=1000)
    page.context.user_name = ""
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("冒名顶替", True))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    before = page.context.store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert page.save_estimate() is None
    assert page.context.user_name == ""
    assert page.history_ids() == []
    assert page.context.store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before
    assert told and "Sign in" in told[0]


def test_every_engine_refusal_is_listed_and_its_field_marked(page, assessed):
    applicant, _ = assessed
    page.select_applicant(applicant)
    fill(page, valuation_input())
    page.revenue_fields[1].edit.setText("-5")
    page.revenue_fields[2].set_value(None)
    page.tax_field.edit.setText("0.9")
    page.discount_field.set_value(0.01)
    page.growth_field.set_value(0.05)                 # growth above the discount rate
    page.range_low_field.edit.setText("abc")
    page.strength_field.edit.setText("120")
    page.seed_edit.setText("-1")
    assert page.run(trials=1000) is False
    text = page.problems_label.text()
    for label in ("Brand revenue, year 2", "Brand revenue, year 3", "Tax rate", "Terminal growth",
                  "Royalty range, low", "Brand strength", "Seed"):
        assert label in text, (label, text)
    assert "Brand revenue, year 3: is empty" in text and "'abc' is not a number" in text
    assert len(page.problems) >= 7
    assert page.revenue_fields[1].edit.property("invalid") is True
    assert page.tax_field.edit.property("invalid") is True
    assert page.discount_field.edit.property("invalid") is not True
    assert page.last_result is None and page.context.store.valuations.count() == 0
    # Fixing the form clears the list and the marks.
    fill(page, valuation_input())
    page.strength_field.edit.setText("60")
    page.seed_edit.setText("7")
    assert page.prepare() is not None and page.problems_label.isHidden()
    assert page.tax_field.edit.property("invalid") is False


def test_the_distribution_dialog_checks_with_the_engine(page, qtbot):
    from brandmark.ui.qt_valuation_page import QtDistributionDialog

    dialog = QtDistributionDialog("tax_rate", "Tax rate", 0.25, page)
    qtbot.addWidget(dialog)
    assert dialog.quantity() == {"dist": "triangular", "low": 0.225, "mode": 0.25, "high": 0.275}
    dialog.edits["low"].setText("0.26")               # low above the most likely value
    dialog.accept()
    assert dialog.result() == 0 and "low <= mode <= high" in dialog.problems.text()
    dialog.kind.setCurrentIndex(dialog.KINDS.index("normal"))
    dialog.edits["mean"].setText("0.25")
    dialog.edits["sd"].setText("0")
    assert any("sd must be greater than 0" in p for p in dialog.problems_found())
    dialog.edits["sd"].setText("0.02")
    dialog.edits["min"].setText("0.2")
    assert dialog.problems_found() == []
    assert dialog.quantity() == {"dist": "normal", "mean": 0.25, "sd": 0.02, "min": 0.2}


def test_excess_earnings_form_round_trips_through_the_engine(page, qtbot):
    data = {"method": "excess-earnings", "after_tax_profits": [800, {"dist": "uniform", "low": 850, "high": 950}],
            "contributory_assets": [{"name": "营运资金", "amount": 2000, "return": 0.05}],
            "discount_rate": 0.12, "terminal_growth": None, "mid_year": False, "tax_amortisation_years": 10,
            "tax_rate": 0.25, "valuation_date": "2026-11-28", "currency": "CNY", "unit": "万元"}
    page.set_form(data)
    assert not page.royalty_group.isVisibleTo(page) and page.assets_group.isVisibleTo(page)
    assert parse_inputs(page.form_data()) == parse_inputs(data)
    result = run_and_wait(page, qtbot, trials=2000)
    assert result.method == "excess-earnings" and result.value == run_monte_carlo(parse_inputs(data), 10).value
    assert not page.save_button.isEnabled()          # no applicant chosen: nothing to keep it with


def test_selecting_a_saved_estimate_shows_it(page, assessed):
    applicant, _ = assessed
    store = page.context.store
    inputs = parse_inputs(valuation_input(brand_strength=33, valuation_date="2025-12-31"))
    old = store.valuations.save(applicant, inputs, run_monte_carlo(inputs, trials=800, seed=3), by="赵六")
    page.select_applicant(applicant)
    assert page.history_ids() == [old]
    page.history_table.selectRow(0)
    assert page.shown_estimate_id == old and page.strength_field.value() == 33
    assert page.seed_edit.text() == "3" and "赵六" in page.run_info.text()
    assert page.date_edit.date().toString("yyyy-MM-dd") == "2025-12-31"
    assert page.export_button.isEnabled() and not page.save_button.isEnabled()


def test_export_pdf_of_a_saved_estimate(page, qtbot, assessed, tmp_path):
    applicant, _ = assessed
    store = page.context.store
    inputs = parse_inputs(valuation_input())
    estimate = store.valuations.save(applicant, inputs, run_monte_carlo(inputs, trials=800), by="赵六")
    page.select_applicant(applicant)
    page.show_estimate(estimate)
    written = []
    assert page.export_pdf(tmp_path / "v.pdf", on_done=written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=30_000)
    assert written[0].read_bytes().startswith(b"%PDF")
    assert page.default_report_name() == "品牌价值估算_杭州西溪电器有限公司_2026-11-28.pdf"


def test_cancelling_stops_the_run_and_shows_nothing(page, qtbot, monkeypatch):
    from brandmark.ui import qt_context

    page.set_form({**valuation_input(), "revenues": [1000] * 3})
    started = []
    original = qt_context._Job.progress

    def cancel_at_first_chunk(job, done, total, message=""):
        started.append(done)
        job.cancelled = True
        return original(job, done, total, message)

    monkeypatch.setattr(qt_context._Job, "progress", cancel_at_first_chunk)
    assert page.run(trials=200_000)
    qtbot.waitUntil(lambda: bool(started) and not page.context._jobs, timeout=30_000)
    assert started == [10_000] and page.last_result is None and page.shown_result is None


def test_screenshot(page, qtbot, assessed, tmp_path):
    from PySide6.QtGui import QFontDatabase

    from brandmark.fonts import ui_font_paths
    for path in ui_font_paths():
        QFontDatabase.addApplicationFont(str(path))
    applicant, _ = assessed
    page.select_applicant(applicant)
    fill(page, {**valuation_input(), "revenues": [12000, 13200, {"dist": "triangular", "low": 13000,
                                                                   "mode": 14500, "high": 15500}, 15200, 15800]})
    page.strength_field.set_value(round(100.0 * 0.75 / 0.9, 2))
    page.brand_edit.setText("西溪 · 电水壶")
    run_and_wait(page, qtbot, trials=20_000)
    page.save_estimate()
    page.show()
    qtbot.wait(50)
    target = os.environ.get("BRANDMARK_SCREENSHOT_DIR")
    path = (Path(target) if target else tmp_path) / "valuation-page.png"
    assert page.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_histogram_bars_are_proportional_to_their_counts(qtbot):
    from brandmark.ui.qt_charts import QtHistogramChart

    chart = QtHistogramChart()
    qtbot.addWidget(chart)
    chart.resize(400, 220)
    chart.set_data([2, 0, 4, 8], [0.0, 1.0, 2.0, 3.0, 4.0], {"P50": 2.5})
    rects = chart.bar_rects()
    assert len(rects) == 3                                      # the empty bin draws nothing
    assert rects[2].height() == pytest.approx(2 * rects[1].height()) == pytest.approx(4 * rects[0].height())
    assert rects[0].left() < rects[1].left() < rects[2].left()
    with pytest.raises(ValueError):
        chart.set_data([1, 2], [0.0, 1.0])


def test_tornado_bars_meet_at_the_base_and_an_impossible_end_draws_no_bar(qtbot):
    from brandmark.ui.qt_charts import QtTornadoChart

    chart = QtTornadoChart()
    qtbot.addWidget(chart)
    chart.resize(500, 200)
    chart.set_bars([("Discount rate", 120.0, 80.0), ("Growth", 95.0, None)], base=100.0)
    (low, high), (growth_low, growth_high) = chart.bar_spans()
    assert low.left() == pytest.approx(high.right())            # both bars touch the base line
    assert low.width() == pytest.approx(high.width())           # ±20 around the base
    assert growth_high is None and growth_low.right() == pytest.approx(low.left())
    assert chart.loaded
    chart.clear()
    assert chart.bar_spans() == [] and not chart.loaded


def test_a_run_finishing_after_the_applicant_changed_is_not_kept(page, qtbot, assessed, monkeypatch):
    applicant, _ = assessed
    other = new_applicant(page.context.store, "宁波甬江智能家电股份有限公司")
    page.select_applicant(applicant)
    fill(page, valuation_input())
    page.strength_field.edit.setText("60")
    finished = []
    original = page.context.run_operation

    def switch_before_finishing(parent, title, work, on_done=None, on_error=None, modal=True):
        def done(result):
            page.select_applicant(other)          # the user moved on while the run was going
            on_done(result)
            finished.append(result)
        original(parent, title, work, on_done=done, on_error=on_error, modal=modal)

    monkeypatch.setattr(page.context, "run_operation", switch_before_finishing)
    assert page.run(trials=1000)
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    assert page.applicant_id == other and page.last_result is None and not page.save_button.isEnabled()
