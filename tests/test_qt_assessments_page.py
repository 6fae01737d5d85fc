"""The assessments register and the new-assessment dialog."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_assessments_page import QtAssessmentsPage  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_new_assessment_dialog import QtNewAssessmentDialog  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

from support import accepted_application, new_certification_assessment, register_staff  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def context(qapp):
    store = Store(":memory:")
    register_staff(store)
    context = QtAppContext(store)
    context.language = "en"
    context.user_name = "王敏"
    context.store.applicants.add(name="杭州西湖电器有限公司", uscc=make_uscc("91", "330106", "00000001"), industry="电器")
    context.store.applicants.add(name="宁波甬江纺织有限公司", uscc=make_uscc("91", "330203", "00000002"), industry="纺织")
    yield context
    store.close()


def test_dialog_offers_latest_packs_and_finds_applicants(context, qtbot):
    dialog = QtNewAssessmentDialog(context)
    qtbot.addWidget(dialog)
    latest = sorted(row["id"] for row in context.store.schemes.list() if row["latest"])
    assert dialog.scheme_combo.itemData(0) is None                   # "(choose the scheme)"
    assert sorted(dialog.scheme_combo.itemData(i) for i in range(1, dialog.scheme_combo.count())) == latest
    assert dialog.applicant_combo.count() == 2
    dialog.applicant_search.setText("甬江")
    dialog.find_applicants()
    assert dialog.applicant_combo.count() == 1 and "甬江" in dialog.applicant_combo.currentText()
    assert dialog.assessor_edit.text() == "王敏"


def test_bad_standard_number_is_shown_and_refused(context, qtbot):
    dialog = QtNewAssessmentDialog(context, applicant_id=1)
    qtbot.addWidget(dialog)
    dialog.mode_self.setChecked(True)       # a certification's standard is its application's
    dialog.product_edit.setText("电水壶")
    dialog.standard_edit.setText("GB 123")
    assert "T/ZZB" in dialog.standard_message.text()
    dialog.save()
    assert dialog.result() == 0 and not dialog.error_label.isHidden()
    assert context.store.assessments.count() == 0
    assert context.store.applicants.products(1) == []


def test_missing_assessor_is_refused(context, qtbot):
    accepted_application(context.store, 1, "zhejiang-made")
    dialog = QtNewAssessmentDialog(context, applicant_id=1)
    qtbot.addWidget(dialog)
    dialog.assessor_edit.setText(" ")
    dialog.save()
    assert "assessor" in dialog.error_label.text()
    assert context.store.assessments.count() == 0


def test_good_dialog_creates_a_frozen_assessment(context, qtbot):
    dialog = QtNewAssessmentDialog(context, applicant_id=2)
    qtbot.addWidget(dialog)
    dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("zhejiang-made"))
    dialog.mode_self.setChecked(True)
    dialog.product_edit.setText("电水壶")
    dialog.models_edit.setText("SK-1")
    dialog.standard_edit.setText("t/zzb 0123-2024")
    dialog.save()
    assert dialog.result() == 1
    row = context.store.assessments.get(dialog.assessment_id)
    assert (row["applicant_id"], row["scheme_id"], row["mode"], row["assessor"]) == (2, "zhejiang-made", "self", "王敏")
    assert row["scheme_version"] == context.store.schemes.latest_version("zhejiang-made")
    assert row["product_standard"] == "T/ZZB 0123—2024" and row["product_models"] == "SK-1"


def test_register_refreshes_and_opening_emits_the_id(context, qtbot):
    page = QtAssessmentsPage(context)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and not page.open_button.isEnabled()
    new_id = new_certification_assessment(context.store, 1, "zhejiang-made", assessor="王敏")
    context.notify("assessments")
    assert page.model.rowCount() == 1
    page.register.table.selectRow(0)
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.open_requested) as opened:
        page.open_button.click()
    assert opened.args == [new_id]


def test_the_log_credits_who_starts_an_assessment_not_the_assessor_named(context, qtbot):
    """Issue 11 §1: the new-assessment dialog's assessor field changed who the event log
    credited with starting the assessment (the clerk 王敏 naming 张三 was logged as 张三)."""
    accepted_application(context.store, 1, "zhejiang-made", product="电水壶")
    dialog = QtNewAssessmentDialog(context, applicant_id=1)
    qtbot.addWidget(dialog)
    dialog.assessor_edit.setText("张三")
    dialog.save()
    assessment = context.store.assessments.get(dialog.assessment_id)
    assert assessment["assessor"] == "张三"
    [event] = context.store.events.list("assessment", dialog.assessment_id)
    assert (event["actor"], event["details"]["assessor"]) == ("王敏", "张三")


# -- a certification assessment starts from an accepted application (issue 16 §1) ----------------

def test_the_dialog_lists_accepted_applications_without_an_assessment(context, qtbot):

    waiting = accepted_application(context.store, 2, "zhejiang-made", product="电水壶")
    started = new_certification_assessment(context.store, 2, "zhejiang-made", assessor="张三")
    context.store.applications.new(applicant_id=2, scheme_id="zhejiang-made")            # open, not accepted
    dialog = QtNewAssessmentDialog(context, applicant_id=2)
    qtbot.addWidget(dialog)
    assert dialog.mode_certification.isChecked()
    listed = [dialog.application_combo.itemData(i) for i in range(dialog.application_combo.count())]
    assert listed == [waiting]
    assert context.store.applications.for_assessment(started)["id"] not in listed
    assert "电水壶" in dialog.application_combo.currentText()
    # Another applicant's dialog does not offer it.
    other = QtNewAssessmentDialog(context, applicant_id=1)
    qtbot.addWidget(other)
    assert [other.application_combo.itemData(i) for i in range(other.application_combo.count())] == [None]
    other.save()
    assert other.result() == 0 and not other.error_label.isHidden()
    dialog.assessor_edit.setText("张三")
    dialog.save()
    assert dialog.result() == 1
    row = context.store.assessments.get(dialog.assessment_id)
    assert (row["applicant_id"], row["scheme_id"], row["mode"], row["product_name"]) == (
        2, "zhejiang-made", "certification", "电水壶")
    assert context.store.applications.for_assessment(dialog.assessment_id)["id"] == waiting


def test_the_self_assessment_fields_show_only_in_self_mode(context, qtbot):
    dialog = QtNewAssessmentDialog(context, applicant_id=1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.application_combo.isVisible() and not dialog.scheme_combo.isVisible()
    dialog.mode_self.setChecked(True)
    assert not dialog.application_combo.isVisible() and dialog.scheme_combo.isVisible()
    assert dialog.product_edit.isVisible() and dialog.standard_edit.isVisible()
