"""The main window: welcome on an empty database, the demo load in the background, page
navigation (Ctrl+1..5), guarded pages, geometry kept between runs."""

from __future__ import annotations

import sys
import types

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QKeySequence  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_main_window import PAGES, PageSpec, QtMainWindow, QtPlaceholderPage  # noqa: E402
from brandmark.ui.qt_settings import QtPreferences, open_settings  # noqa: E402
from support import new_certification_assessment

pytestmark = pytest.mark.gui


@pytest.fixture
def preferences(tmp_path):
    return QtPreferences(open_settings(tmp_path / "settings.ini"))


@pytest.fixture
def make_window(qtbot, tmp_path, preferences):
    stores = []

    def make(db_name: str = "main.db", language: str = "en"):
        store = Store(tmp_path / db_name)
        stores.append(store)
        context = QtAppContext(store)
        context.language = language
        window = QtMainWindow(preferences)
        qtbot.addWidget(window)
        window.show()
        window.attach(context)
        return window

    yield make
    for store in stores:
        store.close()


def test_empty_database_opens_on_the_welcome(make_window):
    from brandmark.ui.qt_welcome import QtWelcomePage

    window = make_window()
    assert isinstance(window.stack.currentWidget(), QtWelcomePage)
    assert window.sidebar.currentRow() == 0 and window.sidebar.isEnabled()
    assert window.demo_badge.isHidden()


def test_demo_load_runs_in_the_background_then_shows_the_register(make_window, qtbot):
    from brandmark.demo import DEMO_PREFIX
    from brandmark.ui.qt_applicants_page import QtApplicantsPage

    window = make_window()
    welcome = window.stack.currentWidget()
    welcome.demo_button.click()
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), QtApplicantsPage), timeout=20_000)
    page = window.stack.currentWidget()
    count = window.context.store.applicants.count()
    assert count > 0 and page.model.rowCount() == count
    assert page.model.data(page.model.index(0, 1)).startswith(DEMO_PREFIX)
    assert not window.demo_badge.isHidden()


def test_window_opens_on_demo_data_with_registers_filled(make_window, tmp_path):
    from brandmark.demo import load_demo

    with Store(tmp_path / "demo.db") as store:
        load_demo(store)
        applicants, assessments = store.applicants.count(), store.assessments.count()
    window = make_window("demo.db")
    assert window.show_page("applicants").model.rowCount() == applicants
    assert window.show_page("assessments").model.rowCount() == assessments
    assert not window.demo_badge.isHidden()


def test_view_menu_has_ctrl_1_to_5_in_sidebar_order(make_window):
    window = make_window()
    assert list(window.page_actions) == [spec.key for spec in PAGES]
    for number, action in enumerate(window.page_actions.values(), start=1):
        assert action.shortcut() == QKeySequence(f"Ctrl+{number}")
    window.page_actions["schemes"].trigger()
    assert window.current_key == "schemes" and window.sidebar.currentRow() == 4
    window.sidebar.setCurrentRow(1)
    assert window.current_key == "assessments" and window.page_actions["assessments"].isChecked()


def test_a_missing_page_shows_a_placeholder(make_window):
    window = make_window()
    page = window._build_page(PageSpec("nothing", "Nothing", "brandmark.ui.qt_no_such_page", "QtNoSuchPage"))
    assert isinstance(page, QtPlaceholderPage)
    assert "not available yet" in page.findChild(type(window.loading), "placeholderMessage").text()


def test_a_page_that_fails_to_start_shows_a_placeholder_with_the_reason(make_window, monkeypatch):
    broken = types.ModuleType("brandmark.ui.qt_broken_page")

    class QtBrokenPage:
        def __init__(self, context, parent):
            raise RuntimeError("schema too old")

    broken.QtBrokenPage = QtBrokenPage
    monkeypatch.setitem(sys.modules, "brandmark.ui.qt_broken_page", broken)
    window = make_window()
    page = window._build_page(PageSpec("broken", "Broken", "brandmark.ui.qt_broken_page", "QtBrokenPage"))
    assert isinstance(page, QtPlaceholderPage)
    assert "schema too old" in window.page_errors["broken"]


def test_every_sidebar_page_opens_without_crashing(make_window):
    window = make_window()
    window.context.store.applicants.add(name="甲公司", uscc="91350100M000100Y43")
    for spec in PAGES:
        assert window.show_page(spec.key) is window.stack.currentWidget()


def test_opening_an_assessment_shows_the_walk_through_host(make_window, tmp_path):
    from brandmark.demo import load_demo

    with Store(tmp_path / "walk.db") as store:
        load_demo(store)
    window = make_window("walk.db")
    page = window.show_page("assessments")
    first = page.model.row_id(0)
    with_signal = []
    page.open_requested.connect(with_signal.append)
    page.register.table.selectRow(0)
    page.open_selected()
    assert with_signal == [first]
    host = window.pages["assessment"]
    assert window.stack.currentWidget() is host
    if hasattr(host.page, "menu_actions"):          # the walk-through's commands get a menu
        assert window.assessment_menu_action.isVisible()
        assert window.assessment_menu_widget.actions() == host.page.menu_actions
        window.show_page("applicants")
        assert not window.assessment_menu_action.isVisible()


def test_geometry_and_page_are_kept_for_the_next_start(make_window, preferences):
    window = make_window()
    window.context.store.applicants.add(name="甲公司", uscc="91350100M000100Y43")
    window.resize(640, 480)          # inside the offscreen 800x600 screen
    window.show_page("schemes")
    window.close()
    assert preferences.window_geometry() is not None and preferences.current_page == "schemes"
    again = make_window()
    assert again.current_key == "schemes"
    assert (again.width(), again.height()) == (640, 480)


def test_choosing_a_language_is_remembered(make_window, preferences, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    window = make_window(language="zh_CN")
    window.language_actions["en"].trigger()
    assert preferences.language == "en" and len(asked) == 1


def test_about_names_the_version_the_database_the_data_folder_and_the_key(make_window, isolated_user_dirs):
    from brandmark import __version__

    window = make_window("about.db")
    text = window.about_text()
    assert f"brandmark {__version__}" in text and str(window.context.store.path) in text
    assert str(isolated_user_dirs) in text and "none yet" in text
    made = window.context.store.body_keys.init("the body's passphrase", by="admin", work_factor=2 ** 10)
    assert made["key_id"] in window.about_text()


def test_file_remove_the_demo_data_empties_the_registers_and_says_so(make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from brandmark.demo import load_demo

    with Store(tmp_path / "demo.db") as store:
        real = store.applicants.add(name="杭州真实电器有限公司", uscc="91350100M000100Y43", region="杭州",
                                    actor="tester")
        load_demo(store)
    window = make_window("demo.db")
    applicants = window.show_page("applicants")
    assert window.remove_demo_action.isEnabled() and applicants.model.rowCount() == 12
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window.remove_demo_action.trigger()
    assert asked and "DEMO" in asked[0]
    assert applicants.model.rowCount() == 1 and applicants.model.row_id(0) == real
    assert window.demo_badge.isHidden() and not window.remove_demo_action.isEnabled()
    assert "11" in window.statusBar().currentMessage()


def test_a_refused_demo_removal_shows_the_reason_and_removes_nothing(make_window, tmp_path):
    from brandmark.demo import ASSESSOR, load_demo
    from support import register_staff

    with Store(tmp_path / "demo.db") as store:
        register_staff(store)
        load_demo(store)
        real = store.applicants.add(name="杭州真实电器有限公司", uscc="91350100M000100Y43", region="杭州",
                                    actor="tester")
        new_certification_assessment(store, real, "zhejiang-made", assessor=ASSESSOR)
    window = make_window("demo.db")
    refusals = []
    window.context.show_refusal = lambda parent, title, exc: refusals.append(exc.problems[0].code)
    assert window.remove_demo(confirm=False) is None
    assert refusals == ["demo.referenced"] and window.context.store.applicants.demo_loaded()


def test_help_user_guide_opens_the_guide(make_window):
    window = make_window()
    assert window.guide_action.shortcut().toString() == "F1"
    window.guide_action.trigger()
    assert window.guide.isVisible() and "使用指南" in window.guide.browser.toPlainText()
    assert "A body clerk's day" in window.guide.browser.toPlainText()


def test_the_register_check_waits_for_the_first_page_to_paint(qtbot, tmp_path, preferences):
    """Start-up work that would compete with the first page (the register check's thread, the
    day's backup, the sign-in prompt) runs once that page has painted."""
    from PySide6.QtCore import QEvent, QObject

    with Store(tmp_path / "main.db") as store:
        store.applicants.add(name="杭州示例电器有限公司", uscc="91350100M000100Y43", region="hangzhou")
        context = QtAppContext(store)
        window = QtMainWindow(preferences)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window._painted)
        seen_at_page_paint = []

        class PagePaint(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 — Qt API
                if event.type() == QEvent.Type.Paint and not seen_at_page_paint:
                    seen_at_page_paint.append(window.register_check)
                return False

        window.attach(context)
        assert window.register_check is None          # not yet: the page has not painted
        watcher = PagePaint()
        window.stack.currentWidget().installEventFilter(watcher)
        later = []
        window.after_first_page(lambda: later.append(window.register_check))
        qtbot.waitUntil(lambda: window.register_check is not None and not window.register_check.running,
                        timeout=30_000)
        assert seen_at_page_paint == [None]           # the page painted before the check began
        assert later == [window.register_check]       # work queued after attach runs after the check starts
        ran = []
        window.after_first_page(lambda: ran.append(True))
        assert ran == [True]                          # after that moment, at once


def test_a_window_that_never_paints_still_does_its_start_up_work(qtbot, tmp_path, preferences):
    with Store(tmp_path / "main.db") as store:
        window = QtMainWindow(preferences)             # never shown
        qtbot.addWidget(window)
        window.attach(QtAppContext(store))
        ran = []
        window.after_first_page(lambda: ran.append(True))
        assert ran == []
        qtbot.waitUntil(lambda: ran == [True], timeout=5_000)
        assert window.register_check is not None
