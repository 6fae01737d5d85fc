"""The deadlines page and the walk-through's clock mark a date past the calendar's data as
provisional (counted Monday to Friday) and say why, in the window's language."""

from __future__ import annotations

import datetime as dt
import os

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from support import register_staff  # noqa: E402
from test_applications import Clock, complete  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_deadlines_page import QtAssessmentClock, QtDeadlinesPage  # noqa: E402
from brandmark.workdays import library_years  # noqa: E402

NEXT = library_years().stop


@pytest.fixture
def context(tmp_path):
    clock = Clock(dt.datetime(NEXT - 1, 11, 30, 2, 0, tzinfo=dt.timezone.utc))
    store = Store(tmp_path / "provisional.db", clock=clock)
    register_staff(store)
    applicant = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", region="杭州", actor="t")
    application = store.applications.new(applicant_id=applicant, scheme_id="zhejiang-made")
    complete(store, application, tmp_path)
    store.applications.decide(application, "accept", by="李四")
    store.assessment_id = store.applications.start_assessment(application, assessor="张三")
    context = QtAppContext(store)
    yield context
    store.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_provisional_date_is_marked_and_explained(context, qtbot, qapp, language):
    from brandmark.ui.qt_i18n import install_translators
    install_translators(qapp, language)
    try:
        page = QtDeadlinesPage(context)
        qtbot.addWidget(page)
        [row] = page.rows
        due, left = page.table.item(0, 0), page.table.item(0, 1)
        clock = QtAssessmentClock(context)
        qtbot.addWidget(clock)
        clock.show_for(context.store.assessment_id)
        texts = due.text(), left.text(), due.toolTip(), clock.text(), clock.toolTip()
        italic = due.font().italic()
        shots = os.environ.get("BRANDMARK_SCREENSHOTS")
        if shots:
            page.resize(1100, 300)
            page.show()
            qtbot.waitExposed(page)
            page.grab().save(os.path.join(shots, f"deadlines-provisional-{language}.png"))
    finally:
        install_translators(qapp, "en")
    assert row["provisional"] and italic
    marker = "暂定" if language == "zh_CN" else "provisional"
    assert texts[0].startswith(row["due_on"]) and marker in texts[0] and marker in texts[3]
    assert str(NEXT) in texts[2] and texts[2] == texts[4]
    assert ("周一至周五" if language == "zh_CN" else "Monday to Friday") in texts[2]


def test_the_real_date_replaces_it_once_the_year_is_declared(context, qtbot):
    page = QtDeadlinesPage(context)
    qtbot.addWidget(page)
    assert "provisional" in page.table.item(0, 0).text()
    context.store.calendar.declare_year(NEXT, note="测试", by="管理员")
    page.refresh()
    assert page.table.item(0, 0).text() == page.rows[0]["due_on"] and not page.table.item(0, 0).font().italic()
