"""The applications page (issue 16 §1 in the window): the list with status and clock, a new
application, each material received with its file or marked not applicable, the acceptance
decision by the person signed in (refusals shown as the core's message), and the
new-assessment dialog starting from what was accepted."""

from __future__ import annotations

import datetime as dt
import os

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from support import APPLICATION_MATERIAL, register_staff  # noqa: E402
from test_applications import Clock  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui import qt_context, qt_file_dialogs  # noqa: E402
from brandmark.ui.qt_applications_page import (  # noqa: E402
    QtApplicationsDialog, QtApplicationsPage, QtNewApplicationDialog,
)
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_deadlines_page import OVERDUE_RED  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def clock():
    return Clock(dt.datetime(2026, 2, 12, 2, 0, tzinfo=dt.timezone.utc))      # 10:00 in Hangzhou


@pytest.fixture
def context(tmp_path, clock, qapp):
    store = Store(tmp_path / "window.db", clock=clock)
    register_staff(store)
    store.applicant_id = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", region="杭州",
                                              industry="家用电器", actor="t")
    context = QtAppContext(store)
    context.language = "en"
    yield context
    store.close()


def sign_in(context, name: str) -> None:
    """What the window's sign-in does for the context (the staff are unlocked already)."""
    context.person = context.store.people.find(name)
    context.user_name = name


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(qt_context.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


def new_application(context, qtbot, **fields) -> int:
    dialog = QtNewApplicationDialog(context, applicant_id=context.store.applicant_id)
    qtbot.addWidget(dialog)
    assert dialog.scheme_combo.currentData() == "zhejiang-made"          # proposed for 家用电器
    dialog.product_edit.setText(fields.get("product", "电水壶"))
    dialog.models_edit.setText("SK-1701")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_label.text()
    return dialog.application_id


def choose_material(page, item_id: str) -> None:
    row = [i["id"] for i in page.current["items"]].index(item_id)
    page.materials.selectRow(row)


def test_a_new_application_lists_its_materials_as_missing(context, qtbot):
    application = new_application(context, qtbot)
    page = QtApplicationsPage(context)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == f"#{application}" and page.table.item(0, 4).text() == "open"
    assert page.table.item(0, 3).text() == "电水壶"
    assert "Acceptance" in page.table.item(0, 6).text() and "working days left" in page.table.item(0, 6).text()
    statuses = {page.materials.item(r, 2).text() for r in range(page.materials.rowCount())}
    assert statuses == {"missing"}
    assert page.materials.item(0, 0).text().startswith("Application form")          # English titles
    # Nobody signed in: the decision buttons say why they cannot sign.
    assert "Sign in" in page.decider_note.text()


def test_receiving_each_material_then_accepting(context, qtbot, monkeypatch, messages, tmp_path):
    application = new_application(context, qtbot)
    page = QtApplicationsPage(context)
    qtbot.addWidget(page)
    sign_in(context, "李四")
    page.refresh()
    # Accepting too early: the core's refusal, as its message; nothing changes.
    page.accept_button.click()
    assert messages and "required materials missing" in messages[-1]
    assert context.store.applications.get(application)["status"] == "open"
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(b"%PDF-1.4 licence")
    monkeypatch.setattr(qt_file_dialogs, "open_file_name", lambda *a, **k: (str(licence), ""))
    for item in ("form", "licence", "product", "commitment", "factory"):
        choose_material(page, item)
        page.receive_button.click()
    choose_material(page, "ccc")
    page.na_button.click()
    row = context.store.applications.get(application)
    by_id = {i["id"]: i for i in row["items"]}
    assert by_id["licence"]["status"] == "received" and by_id["licence"]["file_name"] == "营业执照.pdf"
    assert by_id["ccc"]["status"] == "na"
    choose_material(page, "licence")
    assert page.materials.item(page.materials.currentRow(), 3).text() == "营业执照.pdf"
    page.accept_button.click()
    row = context.store.applications.get(application)
    assert row["status"] == "accepted" and row["decisions"][-1]["decided_by"] == "李四"
    assert context.store.people.verify_signatures() == []
    # The decision's clock now runs, and the application can start an assessment.
    assert "Certification decision" in page.table.item(0, 6).text()
    assert page.start_button.isEnabled() and not page.accept_button.isEnabled()
    with qtbot.waitSignal(page.new_assessment_requested) as asked:
        page.start_button.click()
    assert asked.args == [context.store.applicant_id]


def test_a_received_file_can_be_saved_back_from_the_register(context, qtbot, monkeypatch, tmp_path):
    application = new_application(context, qtbot)
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(b"%PDF-1.4 licence, as received")
    context.store.applications.receive(application, "licence", licence, by="前台")
    licence.unlink()                                    # the register's copy is the one kept
    page = QtApplicationsPage(context)
    qtbot.addWidget(page)
    choose_material(page, "form")
    assert not page.save_copy_button.isEnabled()        # nothing received for it yet
    choose_material(page, "licence")
    assert page.save_copy_button.isEnabled()
    proposed = []
    target = tmp_path / "copy" / "执照副本.pdf"
    target.parent.mkdir()

    def save_file_name(_parent, _caption, name, *_args, **_kwargs):
        proposed.append(name)
        return str(target), ""

    monkeypatch.setattr(qt_file_dialogs, "save_file_name", save_file_name)
    assert page.save_copy() == target
    assert proposed == ["营业执照.pdf"] and target.read_bytes() == b"%PDF-1.4 licence, as received"


def test_a_file_the_evidence_rules_refuse_is_shown_and_not_recorded(context, qtbot, monkeypatch, messages, tmp_path):
    application = new_application(context, qtbot)
    page = QtApplicationsPage(context)
    qtbot.addWidget(page)
    monkeypatch.setattr(qt_file_dialogs, "open_file_name", lambda *a, **k: (str(tmp_path), ""))   # a folder
    choose_material(page, "licence")
    page.receive_button.click()
    assert messages and "regular file" in messages[-1]
    assert {i["status"] for i in context.store.applications.get(application)["items"]} == {"missing"}


def test_return_and_refuse_need_a_reason(context, qtbot, messages):
    application = new_application(context, qtbot)
    page = QtApplicationsPage(context)
    qtbot.addWidget(page)
    sign_in(context, "李四")
    page.refresh()
    page.return_button.click()
    assert messages and "needs a reason" in messages[-1]
    page.reason_edit.setPlainText("缺少营业执照副本")
    page.return_button.click()
    row = context.store.applications.get(application)
    assert row["status"] == "returned" and row["decisions"][-1]["reason"] == "缺少营业执照副本"
    assert page.table.item(0, 4).text() == "returned for completion"
    assert "缺少营业执照副本" in page.decisions.text() and page.reason_edit.toPlainText() == ""
    page.reason_edit.setPlainText("不在认证范围内")
    page.refuse_button.click()
    assert context.store.applications.get(application)["status"] == "refused"
    assert not page.receive_button.isEnabled() and not page.accept_button.isEnabled()


def test_only_the_person_signed_in_decides(context, qtbot, monkeypatch):
    application = new_application(context, qtbot)
    page = QtApplicationsPage(context)
    qtbot.addWidget(page)
    told: list[str] = []
    monkeypatch.setattr("brandmark.ui.qt_applications_page.QMessageBox.information",
                        lambda _parent, _title, text: told.append(text))
    page.reason_edit.setPlainText("不在认证范围内")
    page.refuse_button.click()
    assert told and "Sign in first" in told[0]
    assert context.store.applications.get(application)["status"] == "open"


def test_an_overdue_acceptance_is_red(context, qtbot, clock):
    new_application(context, qtbot)
    clock.local_day(dt.date(2026, 3, 20))
    page = QtApplicationsPage(context)
    qtbot.addWidget(page)
    assert "overdue" in page.table.item(0, 6).text()
    assert page.table.item(0, 6).foreground().color().name() == OVERDUE_RED.lower()


def test_the_status_filter_and_the_keyboard(context, qtbot):
    new_application(context, qtbot)
    page = QtApplicationsPage(context)
    qtbot.addWidget(page)
    page.status_filter.setCurrentIndex(page.status_filter.findData("accepted"))
    assert page.table.rowCount() == 0
    page.status_filter.setCurrentIndex(0)
    assert page.table.rowCount() == 1
    # Every button has its own Alt letter; Ctrl+N on the page is a new application.
    letters = [QKeySequence.mnemonic(b.text()).toString() for b in
               (page.new_button, page.receive_button, page.na_button, page.accept_button, page.return_button,
                page.refuse_button, page.start_button)]
    assert all(letters) and len(set(letters)) == len(letters)
    assert page.reason_edit.tabChangesFocus()


def test_the_new_assessment_dialog_starts_from_an_application_accepted_in_its_window(context, qtbot, monkeypatch,
                                                                                      tmp_path):
    """"New application…" in the new-assessment dialog: the applications window opens on a new
    application; accepted there, it is listed and chosen on return."""
    from brandmark.ui.qt_new_assessment_dialog import QtNewAssessmentDialog

    sign_in(context, "李四")
    dialog = QtNewAssessmentDialog(context, applicant_id=context.store.applicant_id)
    qtbot.addWidget(dialog)
    assert dialog.application_combo.currentData() is None

    def work_in_the_window(window: QtApplicationsDialog) -> int:
        new = QtNewApplicationDialog(context, window.page, applicant_id=context.store.applicant_id)
        new.product_edit.setText("电水壶")
        new.save()
        window.page.refresh(select=new.application_id)
        for item in window.page.current["items"]:
            if item["required"]:
                context.store.applications.receive(new.application_id, item["id"], APPLICATION_MATERIAL)
        window.page.refresh()
        window.page.accept_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtApplicationsDialog, "new_application", lambda self: None)
    monkeypatch.setattr(QtApplicationsDialog, "exec", work_in_the_window)
    dialog.new_application()
    accepted = context.store.applications.list(status="accepted")
    assert len(accepted) == 1 and dialog.application_combo.currentData() == accepted[0]["id"]
    dialog.assessor_edit.setText("张三")
    dialog.save()
    assert context.store.applications.get(accepted[0]["id"])["assessment_id"] == dialog.assessment_id


def test_the_main_window_has_the_page_with_its_shortcut(context, qtbot, tmp_path):
    from brandmark.ui.qt_main_window import PAGES, QtMainWindow
    from brandmark.ui.qt_settings import QtPreferences, open_settings

    window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.attach(context)
    number = [spec.key for spec in PAGES].index("applications") + 1
    assert window.page_actions["applications"].shortcut().toString() == f"Ctrl+{number}"
    window.page_actions["applications"].trigger()
    assert isinstance(window.stack.currentWidget(), QtApplicationsPage)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots(context, qtbot, tmp_path, language, qapp, clock):
    """The page in both languages, one application accepted and one open (saved when
    BRANDMARK_SCREENSHOTS names a folder)."""
    from brandmark.ui.qt_i18n import install_translators

    install_translators(qapp, language)
    try:
        context.language = language
        first = new_application(context, qtbot)
        for item in context.store.applications.get(first)["items"]:
            context.store.applications.receive(first, item["id"], APPLICATION_MATERIAL, by="前台")
        context.store.applications.decide(first, "accept", by="李四")
        second = new_application(context, qtbot, product="电热水瓶")
        context.store.applications.receive(second, "form", APPLICATION_MATERIAL, by="前台")
        sign_in(context, "李四")
        page = QtApplicationsPage(context)
        qtbot.addWidget(page)
        page.resize(1180, 760)
        page.show()
        qtbot.waitExposed(page)
        page.refresh(select=second)
        shots = os.environ.get("BRANDMARK_SCREENSHOTS")
        if shots:
            page.grab().save(os.path.join(shots, f"applications-{language}.png"))
        texts = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
        assert ("申请企业" in texts) == (language == "zh_CN")
    finally:
        install_translators(qapp, "en")
