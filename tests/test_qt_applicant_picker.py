"""The applicant picker both new-record dialogs share (``ui/qt_applicant_picker.py``): the
first matches of the text typed, searched once typing pauses, the one chosen kept while it
still matches, the full name as the tooltip, and "no applicant matches" as no choice."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_applicant_picker import MATCHES_SHOWN, QtApplicantPicker  # noqa: E402
from brandmark.ui.qt_applications_page import QtNewApplicationDialog  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_new_assessment_dialog import QtNewAssessmentDialog  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

pytestmark = pytest.mark.gui

HANGZHOU, NINGBO = "杭州西湖电器有限公司", "宁波甬江纺织有限公司"


@pytest.fixture
def context(qapp):
    store = Store(":memory:")
    context = QtAppContext(store)
    context.language, context.user_name = "en", "王敏"
    store.applicants.add(name=HANGZHOU, uscc=make_uscc("91", "330106", "00000001"), industry="电器", actor="t")
    store.applicants.add(name=NINGBO, uscc=make_uscc("91", "330203", "00000002"), industry="纺织", actor="t")
    yield context
    store.close()


@pytest.fixture(params=[QtNewApplicationDialog, QtNewAssessmentDialog])
def dialog(request, context, qtbot):
    opened = request.param(context)
    qtbot.addWidget(opened)
    return opened


def test_both_dialogs_pick_the_applicant_with_the_one_widget(dialog):
    picker = dialog.applicant_picker
    assert isinstance(picker, QtApplicantPicker)
    assert dialog.applicant_search is picker.search and dialog.applicant_combo is picker.combo
    assert [picker.combo.itemData(i) for i in range(picker.combo.count())] == [1, 2]     # by name in pinyin: hang before ning


def test_typing_searches_once_it_pauses_and_keeps_the_choice(dialog, qtbot):
    picker = dialog.applicant_picker
    picker.combo.setCurrentIndex(picker.combo.findData(1))
    picker.search.setText("杭州")                        # as typed: textChanged starts the pause
    assert picker.combo.count() == 2                        # not yet: typing has not paused
    qtbot.waitUntil(lambda: picker.combo.count() == 1)
    assert picker.applicant_id() == 1 and HANGZHOU in picker.combo.toolTip()
    picker.search.setText("上海")
    picker.find()
    assert picker.combo.count() == 1 and picker.applicant_id() is None
    assert picker.combo.currentText() == "(no applicant matches)"


def test_a_dialog_opened_for_one_applicant_lists_only_it(context, qtbot):
    for kind in (QtNewApplicationDialog, QtNewAssessmentDialog):
        opened = kind(context, applicant_id=2)
        qtbot.addWidget(opened)
        assert opened.applicant_combo.count() == 1 and opened.applicant_picker.applicant_id() == 2
        assert NINGBO in opened.applicant_combo.toolTip()


def test_only_the_first_matches_are_listed(qapp, qtbot):
    store = Store(":memory:")
    for i in range(MATCHES_SHOWN + 5):
        store.applicants.add(name=f"测试企业{i:03d}有限公司", uscc=make_uscc("91", "330106", f"{i:08d}"), actor="t")
    picker = QtApplicantPicker(store)
    qtbot.addWidget(picker)
    picker.fill()
    assert picker.combo.count() == MATCHES_SHOWN
    store.close()
