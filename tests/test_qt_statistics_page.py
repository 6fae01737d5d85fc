"""The statistics page (issue 12 §3): the charts and tables show ``store.stats.compute()``,
the year and scheme filters recompute, every chart saves as PNG and every table as a
workbook, the main window has the page with its own Ctrl+number, and it reads in both
languages."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")

from stats_support import fill_register  # noqa: E402
from support import FIXED_NOW  # noqa: E402

from brandmark.regions import REGIONS, region_label  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.workbooks import read_table  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def context(tmp_path):
    store = Store(tmp_path / "stats.db", clock=lambda: FIXED_NOW)
    fill_register(store.conn, applicants=150, assessments=500, seed=5)
    context = QtAppContext(store)
    yield context
    store.close()


def make_page(context, qtbot):
    from brandmark.ui.qt_statistics_page import QtStatisticsPage

    page = QtStatisticsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    return page


def test_the_charts_and_tables_show_the_store_figures(context, qtbot):
    page = make_page(context, qtbot)
    figures = context.store.stats.compute()
    regions = page.tabs_by_key["regions"]
    assert regions.chart.labels == [region_label(k) or "未填地区" for k in REGIONS] or \
        regions.chart.labels[:len(REGIONS)] == [region_label(k) for k in REGIONS]
    assert regions.chart.series[0][1] == [n for _k, n in figures["assessments"]["by_region"]]
    assert regions.chart.series[1][1] == [n for _k, n in figures["certificates"]["by_region"]]
    assert regions.table.rowCount() == len(figures["applicants"]["by_region"])
    assert regions.table.item(0, 1).text() == str(figures["applicants"]["by_region"][0][1])
    trend = page.tabs_by_key["trend"]
    assert [year for year, _rate, _note in trend.chart.points] == [r["year"] for r in figures["pass_rate_by_year"]]
    assert all(p is not None for p in trend.chart.point_positions())
    failed = page.tabs_by_key["failed_tests"]
    assert failed.chart.series[0][1] == [n for _k, n in figures["failed_tests"]["by_item"][:10]]
    assert failed.table.rowCount() == len(figures["failed_tests"]["by_item"])
    index = page.tabs_by_key["index"]
    assert index.chart.series[0][1] == [g["index"] for g in figures["brand_index"]["by_region"]]
    assert index.chart.maximum == 100.0
    bars = page.tabs_by_key["nonconformities"].chart.bar_rects()
    widths = [rects[0].width() for rects in bars]
    assert widths == sorted(widths, reverse=True) and widths[0] > widths[-1], "most frequent first, longest bar"
    assert "申请企业" in page.summary.text() or "applicants" in page.summary.text()


def test_the_filters_recompute(context, qtbot):
    page = make_page(context, qtbot)
    years = [page.year_box.itemData(i) for i in range(page.year_box.count())]
    assert years[0] is None and 2025 in years
    page.year_box.setCurrentIndex(years.index(2025))
    expected = context.store.stats.compute(year=2025)
    assert page.figures == expected
    assert page.tabs_by_key["trend"].table.rowCount() == len(expected["pass_rate_by_year"])
    schemes = [page.scheme_box.itemData(i) for i in range(page.scheme_box.count())]
    page.scheme_box.setCurrentIndex(schemes.index("zhejiang-made"))
    assert page.figures == context.store.stats.compute(year=2025, scheme="zhejiang-made")
    assert page.tabs_by_key["schemes"].chart.labels == [page._scheme_title("zhejiang-made")]


def test_every_chart_saves_as_png_and_every_table_as_a_workbook(context, qtbot, tmp_path):
    page = make_page(context, qtbot)
    page.show()
    qtbot.waitExposed(page)
    for index, key in enumerate(page.tabs_by_key):
        page.tabs.setCurrentIndex(index)
        tab = page.tabs_by_key[key]
        png = page.save_chart_png(key, tmp_path / f"{key}.png")
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        assert width == 2 * tab.chart.width() > 0, key
        book = page.save_table_xlsx(key, tmp_path / f"{key}.xlsx")
        table = read_table(book)
        assert table.headers == tab.headers, key
        assert len(table.rows) == tab.table.rowCount() == len(tab.rows), key
        for (_number, cells), row in zip(table.rows, tab.rows):
            assert cells == pytest.approx([("" if v is None else v) for v in row][:len(cells)]), key


def test_the_main_window_lists_the_page_with_its_shortcut(context, qtbot, tmp_path):
    from brandmark.ui.qt_main_window import PAGES, QtMainWindow
    from brandmark.ui.qt_settings import QtPreferences, open_settings

    keys = [spec.key for spec in PAGES]
    assert "statistics" in keys
    window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.show()
    window.attach(context)
    action = window.page_actions["statistics"]
    assert action.shortcut().toString() == f"Ctrl+{keys.index('statistics') + 1}"
    action.trigger()
    assert type(window.stack.currentWidget()).__name__ == "QtStatisticsPage"


def test_the_keyboard_reaches_the_filters_and_the_saves(context, qtbot):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QLabel

    page = make_page(context, qtbot)
    buddies = {label.buddy(): QKeySequence.mnemonic(label.text()).toString()
               for label in page.findChildren(QLabel) if label.buddy() is not None}
    assert buddies[page.year_box] and buddies[page.scheme_box]
    assert QKeySequence.mnemonic(page.save_png.text()).toString()
    assert QKeySequence.mnemonic(page.save_table.text()).toString()
    for tab in page.tabs_by_key.values():
        assert tab.chart.accessibleName() and tab.table.accessibleName()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_both_languages(context, qtbot, qapp, language):
    from brandmark.ui.qt_i18n import install_translators

    install_translators(qapp, language)
    try:
        context.language = language
        page = make_page(context, qtbot)
        titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
        if language == "zh_CN":
            assert titles[0] == "按地区" and "杭州市" in page.tabs_by_key["regions"].chart.labels
        else:
            assert titles[0] == "By region" and "Hangzhou" in page.tabs_by_key["regions"].chart.labels
        shots = os.environ.get("BRANDMARK_SCREENSHOTS")
        if shots:
            page.show()
            qtbot.waitExposed(page)
            for index, key in enumerate(page.tabs_by_key):
                page.tabs.setCurrentIndex(index)
                qtbot.wait(20)
                page.grab().save(os.path.join(shots, f"statistics-{key}-{language}.png"))
    finally:
        install_translators(qapp, "en")
