"""The body's working calendar in the window (from the deadlines page): closure days, a later
year's official days, declaring the year; the deadlines follow at once."""

from __future__ import annotations

import datetime as dt
import os

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from brandmark.workdays import library_years  # noqa: E402
from test_qt_deadlines_provisional import NEXT, context  # noqa: E402,F401


@pytest.fixture
def dialog(context, qtbot, monkeypatch):
    from brandmark.ui.qt_deadlines_page import QtDeadlinesPage
    page = QtDeadlinesPage(context)
    qtbot.addWidget(page)
    refusals = []
    monkeypatch.setattr(context, "show_refusal", lambda parent, title, exc: refusals.append(exc.problems[0].code))
    opened = page.open_calendar()
    qtbot.addWidget(opened)
    opened.page, opened.refusals = page, refusals
    return opened


def test_declaring_the_next_year_turns_the_provisional_date_real(dialog, context):
    page = dialog.page
    assert page.rows[0]["provisional"]
    provisional = page.rows[0]["due_on"]
    assert str(library_years().stop - 1) in dialog.coverage.text()
    festival = dt.date(NEXT, 2, 8)
    assert dialog.add_days(festival, festival + dt.timedelta(days=4), "holiday", "春节（测试）")
    assert dialog.days.rowCount() == 5 and dialog.days.item(0, 0).text() == festival.isoformat()
    dialog.year.setValue(NEXT)
    dialog.year_note.setText("国务院办公厅通知（测试）")
    assert dialog.declare_from_form()
    assert dialog.years.rowCount() == 1 and dialog.years.item(0, 0).text() == str(NEXT)
    row = page.rows[0]                                # the page followed: real, and later by the holidays
    assert not row["provisional"] and row["due_on"] > provisional
    assert dialog.refusals == []


def test_a_closure_day_is_added_and_removed(dialog, context):
    day = context.store.today() + dt.timedelta(days=3)
    dialog.first_day.setDate(dialog.first_day.date().addDays(3))
    dialog.kind.setCurrentIndex(dialog.kind.findData("closure"))
    dialog.note.setText("机构停业")
    assert dialog.add_from_form()
    assert [d["day"] for d in context.store.calendar.days()] == [day.isoformat()]
    dialog.days.selectRow(0)
    assert dialog.remove_button.isEnabled() and dialog.remove_selected()
    assert context.store.calendar.days() == [] and dialog.days.rowCount() == 0


def test_an_official_year_refuses_holidays(dialog, context):
    assert not dialog.add_days(dt.date(NEXT - 1, 12, 30), dt.date(NEXT - 1, 12, 30), "holiday", "")
    assert dialog.refusals == ["calendar.official_year"]
    assert context.store.calendar.days() == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_dialog_in_both_languages(context, qtbot, qapp, language):
    from brandmark.ui.qt_calendar_dialog import QtCalendarDialog
    from brandmark.ui.qt_i18n import install_translators
    context.store.calendar.add([dt.date(NEXT, 2, 8)], "holiday", note="春节", by="管理员")
    install_translators(qapp, language)
    try:
        dialog = QtCalendarDialog(context)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        title = dialog.windowTitle()
        shots = os.environ.get("BRANDMARK_SCREENSHOTS")
        if shots:
            dialog.grab().save(os.path.join(shots, f"calendar-{language}.png"))
    finally:
        install_translators(qapp, "en")
    assert title == ("工作日历" if language == "zh_CN" else "Working calendar")
