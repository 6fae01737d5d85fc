"""The statistics page (issue 12 §3): the charts and tables show ``store.stats.compute()``,
the year and scheme filters recompute, every chart saves as PNG and every table as a
workbook, the main window has the page with its own Ctrl+number, and it reads in both
languages. The figures are counted off the GUI thread with a busy sign, a newer request
outdates an earlier one (never shown), and a change made while the page is hidden is
counted when it is shown."""

from __future__ import annotations

import os
import threading

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


def counted(page, qtbot) -> None:
    """Wait for the figures asked for (they are counted in a worker thread)."""
    qtbot.waitUntil(lambda: not page.computing, timeout=60_000)


def make_page(context, qtbot, *, wait: bool = True):
    from brandmark.ui.qt_statistics_page import QtStatisticsPage

    page = QtStatisticsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    if wait:
        counted(page, qtbot)
    return page


class HeldCounts:
    """``Stats.compute`` made to wait for ``release`` (and to note its thread and filters)."""

    def __init__(self, monkeypatch):
        from brandmark.store.stats import Stats

        self.real = Stats.compute
        self.release, self.started = threading.Event(), threading.Event()
        self.calls: list[tuple[int, int | None]] = []
        held = self

        def compute(store_stats, **filters):
            held.calls.append((threading.get_ident(), filters.get("year")))
            held.started.set()
            held.release.wait(30)
            return held.real(store_stats, **filters)

        monkeypatch.setattr(Stats, "compute", compute)

    def expected(self, store, **filters) -> dict:
        return self.real(store.stats, **filters)


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
    counted(page, qtbot)
    expected = context.store.stats.compute(year=2025)
    assert page.figures == expected
    assert page.tabs_by_key["trend"].table.rowCount() == len(expected["pass_rate_by_year"])
    schemes = [page.scheme_box.itemData(i) for i in range(page.scheme_box.count())]
    page.scheme_box.setCurrentIndex(schemes.index("zhejiang-made"))
    counted(page, qtbot)
    assert page.figures == context.store.stats.compute(year=2025, scheme="zhejiang-made")
    assert page.tabs_by_key["schemes"].chart.labels == [page._scheme_title("zhejiang-made")]


def test_the_figures_are_counted_off_the_gui_thread_with_a_busy_sign(context, qtbot, monkeypatch):
    held = HeldCounts(monkeypatch)
    page = make_page(context, qtbot, wait=False)
    page.show()
    qtbot.waitUntil(held.started.is_set)
    assert held.calls[0][0] != threading.get_ident(), "counted in a worker thread"
    assert page.computing and page.busy.isVisible() and page.busy_label.isVisible()
    assert page.busy_label.text() and page.busy.accessibleName()
    page.tabs.setCurrentIndex(2)                       # the page answers meanwhile
    assert page.tabs.currentIndex() == 2 and page.figures == {}
    held.release.set()
    counted(page, qtbot)
    assert not page.busy.isVisible() and not page.busy_label.isVisible()
    assert page.figures == held.expected(context.store)
    assert page.tabs_by_key["trend"].table.rowCount() == len(page.figures["pass_rate_by_year"])


def test_a_newer_choice_outdates_the_count_running_and_its_figures_are_never_shown(context, qtbot, monkeypatch):
    page = make_page(context, qtbot)
    years = [page.year_box.itemData(i) for i in range(page.year_box.count())]
    shown: list = []
    show = page._show
    monkeypatch.setattr(page, "_show", lambda figures: (shown.append(figures["filters"]["year"]), show(figures)))
    held = HeldCounts(monkeypatch)
    page.year_box.setCurrentIndex(years.index(2025))
    qtbot.waitUntil(held.started.is_set)               # the 2025 count is running...
    page.year_box.setCurrentIndex(years.index(2024))   # ...when the user picks 2024
    held.release.set()
    counted(page, qtbot)
    assert shown == [2024], "the 2025 figures never reached the page"
    assert page.figures == held.expected(context.store, year=2024)
    assert [year for _thread, year in held.calls][0] == 2025


def test_a_change_while_hidden_is_counted_when_the_page_is_shown(context, qtbot, monkeypatch):
    page = make_page(context, qtbot)
    calls: list = []
    from brandmark.store.stats import Stats

    real = Stats.compute
    monkeypatch.setattr(Stats, "compute", lambda self, **f: (calls.append(f), real(self, **f))[1])
    context.store.conn.execute("UPDATE assessments SET created_at = '2019-05-06T02:00:00+00:00' WHERE id = 1")
    context.notify("assessments")
    assert not page.computing and calls == [], "a hidden page does not count"
    page.show()
    qtbot.waitExposed(page)
    counted(page, qtbot)
    assert len(calls) == 1
    assert 2019 in [page.year_box.itemData(i) for i in range(page.year_box.count())], "the years are read again"
    assert page.figures == real(context.store.stats)


def test_figures_arriving_after_the_window_closed_its_register_are_shown_without_it(context, qtbot, monkeypatch):
    """A restore closes the window's register: the count in flight must not read it, and
    a count whose turn comes then does not open the register."""
    page = make_page(context, qtbot)
    held = HeldCounts(monkeypatch)
    years = [page.year_box.itemData(i) for i in range(page.year_box.count())]
    page.year_box.setCurrentIndex(years.index(2025))
    qtbot.waitUntil(held.started.is_set)
    expected = held.expected(context.store, year=2025)
    context.store.close()
    held.release.set()
    counted(page, qtbot)
    assert page.figures == expected
    page.year_box.setCurrentIndex(years.index(2024))
    counted(page, qtbot)
    assert page.figures == expected and len(held.calls) == 1, "no count while the register is closed"


def test_an_in_memory_register_is_counted_at_once(qtbot):
    store = Store(":memory:", clock=lambda: FIXED_NOW)
    try:
        fill_register(store.conn, applicants=20, assessments=40, seed=5)
        page = make_page(QtAppContext(store), qtbot, wait=False)
        assert not page.computing and page.figures == store.stats.compute()
    finally:
        store.close()


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
    page = window.stack.currentWidget()
    assert type(page).__name__ == "QtStatisticsPage"
    counted(page, qtbot)
    assert page.figures == context.store.stats.compute()


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
