"""The deadlines page and an assessment's clock (issue 16 §2): the store's list, overdue first
in red, a double-click opens the assessment; the main window has the page in its sidebar."""

from __future__ import annotations

import datetime as dt
import os

import pytest

pytest.importorskip("PySide6")

from support import register_staff  # noqa: E402
from test_applications import Clock, complete  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_deadlines_page import OVERDUE_RED, QtAssessmentClock, QtDeadlinesPage  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def context(tmp_path, qtbot):
    clock = Clock(dt.datetime(2026, 2, 12, 2, 0, tzinfo=dt.timezone.utc))
    store = Store(tmp_path / "window.db", clock=clock)
    register_staff(store)
    applicant = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", region="杭州", actor="t")
    first = store.applications.new(applicant_id=applicant, scheme_id="zhejiang-made")
    complete(store, first, tmp_path)
    store.applications.decide(first, "accept", by="李四")
    store.assessment_id = store.applications.start_assessment(first, assessor="张三")
    clock.local_day(dt.date(2026, 6, 29))
    store.applications.new(applicant_id=applicant, scheme_id="zhejiang-made")
    clock.local_day(dt.date(2026, 7, 1))
    context = QtAppContext(store)
    yield context
    store.close()


def test_overdue_first_in_red_then_the_rest(context, qtbot):
    page = QtDeadlinesPage(context)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 2
    assert page.table.item(0, 0).text() == "2026-06-30"
    assert page.table.item(0, 0).foreground().color().name() == OVERDUE_RED.lower()
    assert page.table.item(1, 0).text() == "2026-07-06"
    assert page.table.item(1, 0).foreground().color().name() != OVERDUE_RED.lower()
    page.only_overdue.setChecked(True)
    assert page.table.rowCount() == 1
    shots = os.environ.get("BRANDMARK_SCREENSHOTS")
    if shots:
        page.only_overdue.setChecked(False)
        page.resize(1100, 360)
        page.show()
        qtbot.waitExposed(page)
        page.grab().save(os.path.join(shots, "deadlines.png"))


def test_double_click_opens_the_assessment(context, qtbot):
    page = QtDeadlinesPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.open_assessment_requested) as opened:
        page._double_clicked(0, 0)
    assert opened.args == [context.store.assessment_id]


def test_the_assessment_clock(context, qtbot):
    clock = QtAssessmentClock(context)
    qtbot.addWidget(clock)
    clock.show_for(context.store.assessment_id)
    assert "2026-06-30" in clock.text() and "1" in clock.text()
    assert OVERDUE_RED.lower() in clock.styleSheet().lower()
    clock.show_for(None)
    assert clock.isHidden()


def test_the_main_window_has_the_page_and_shows_the_clock_on_the_walk_through(context, qtbot, tmp_path):
    from brandmark.ui.qt_main_window import ASSESSMENT_PAGE, QtMainWindow
    from brandmark.ui.qt_settings import QtPreferences, open_settings

    window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.show()
    window.attach(context)
    page = window.show_page("deadlines")
    assert isinstance(page, QtDeadlinesPage) and page.table.rowCount() == 2
    page.table.cellDoubleClicked.emit(0, 0)             # the overdue decision: its assessment opens
    host = window.pages[ASSESSMENT_PAGE.key]
    assert window.stack.currentWidget() is host
    assert not host.clock.isHidden() and "2026-06-30" in host.clock.text()
