"""The certificates page's surveillance and renewal actions, through the real widgets."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QInputDialog, QMessageBox  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.store.certificates import add_months  # noqa: E402
from support import FIXTURES, register_staff  # noqa: E402
from test_certificates_support import decided_assessment  # noqa: E402
from test_surveillance import Clock  # noqa: E402


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def page(qtbot, tmp_path, clock, monkeypatch):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage
    from brandmark.ui.qt_context import QtAppContext

    store = Store(tmp_path / "page.db", clock=clock, load_bundled_packs=False)
    store.schemes.import_file(FIXTURES / "mini.toml", actor="tester")
    store.schemes.import_file(FIXTURES / "mini-marked.toml", actor="tester")
    register_staff(store)
    context = QtAppContext(store)
    context.user_name = "李四"          # the clerk signed in: a decider and authoriser
    refusals = []
    monkeypatch.setattr(context, "show_refusal", lambda parent, title, exc: refusals.append(exc.problems[0].code))
    # Nothing asks a question the test cannot answer: "open the walk-through now?" → No.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    widget = QtCertificatesPage(context)
    widget.refusals = refusals
    qtbot.addWidget(widget)
    yield widget
    store.close()


def surveillance_dialog(page, qtbot):
    from brandmark.ui.qt_surveillance_dialog import QtSurveillanceDialog
    dialog = QtSurveillanceDialog(page)
    qtbot.addWidget(dialog)
    return dialog


def test_the_due_list_shows_the_next_90_days_overdue_in_red(page, qtbot, clock):
    store = page.context.store
    late = store.certificates.issue(decided_assessment(store))
    clock.move_to(add_months(store.today(), 2))
    soon = store.certificates.issue(decided_assessment(store))
    later = store.certificates.issue(decided_assessment(store))
    clock.move_to(dt.date.fromisoformat(late["next_surveillance"]) + dt.timedelta(days=5))
    store.certificates.withdraw(later["number"], reason="注销申请", by="李四")
    page.refresh()
    assert page.surveillance_button.isEnabled()
    # The register's "next surveillance" column is red where the visit is overdue.
    from brandmark.ui.qt_surveillance_dialog import OVERDUE_COLOUR
    colours = {number: page.model.data(page.model.index(i, 6), Qt.ItemDataRole.ForegroundRole)
               for i, number in enumerate(page.shown_numbers())}
    assert colours == {late["number"]: OVERDUE_COLOUR, soon["number"]: None, later["number"]: None}
    dialog = surveillance_dialog(page, qtbot)
    assert [r["number"] for r in dialog.rows] == [late["number"], soon["number"]]
    assert dialog.overdue_rows() == [0]
    assert dialog.table.item(1, 0).text() == soon["next_surveillance"]
    assert "1" in dialog.heading.text()
    dialog.grab().save(str(page.context.store.path.parent / "due.png"))


def test_open_a_visit_then_record_a_suspension_from_the_window(page, qtbot, monkeypatch, clock):
    from brandmark.ui.qt_surveillance_dialog import QtSurveillanceResultDialog
    store = page.context.store
    cert = store.certificates.issue(decided_assessment(store))
    assert cert["scheme_version"] == "2"
    clock.move_to(dt.date.fromisoformat(cert["next_surveillance"]) - dt.timedelta(days=20))
    page.refresh()
    dialog = surveillance_dialog(page, qtbot)
    assert dialog.open_button.isEnabled() and not dialog.result_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, names, *a: (
        next(n for n in names if n.startswith("王五")), True))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    visit = dialog.selected()
    assert visit["assessment_id"] and dialog.result_button.isEnabled()
    assert store.assessments.get(visit["assessment_id"])["kind"] == "surveillance"
    store.assessments.answer_many(visit["assessment_id"], {"T1": "96.0", "C1": "conform"}, by="王五")
    result = QtSurveillanceResultDialog(dialog, visit)
    qtbot.addWidget(result)
    assert "#%d" % visit["assessment_id"] in result.verdict_label.text()
    result.result_combo.setCurrentIndex(result.result_combo.findData("maintain"))
    result.accept()                                   # a failed sampling cannot be maintained
    assert page.refusals == ["surveillance.result_not_allowed"]
    result.result_combo.setCurrentIndex(result.result_combo.findData("suspend"))
    result.reason_edit.setPlainText("热效率抽样不合格")
    result.accept()
    assert store.certificates.get(cert["number"])["status"] == "suspended"
    assert page.model.data(page.model.index(0, 5)) == page.status_labels["suspended"]
    # The failed sampling's follow-up visit is on the list now.
    assert [r["reason"] for r in dialog.rows] == ["failed_sampling"]


def test_an_extra_visit_after_a_complaint(page, qtbot):
    from brandmark.ui.qt_surveillance_dialog import QtExtraVisitDialog
    store = page.context.store
    cert = store.certificates.issue(decided_assessment(store))
    page.refresh()
    page.select_number(cert["number"])
    dialog = surveillance_dialog(page, qtbot)
    assert dialog.rows == []                          # its yearly visit is months away
    assert dialog.extra_button.isEnabled() and dialog.extra_visit_number() == cert["number"]
    extra = QtExtraVisitDialog(dialog, dialog.extra_visit_number())
    qtbot.addWidget(extra)
    extra.note_edit.setPlainText("投诉经查实")
    extra.accept()
    assert [(r["number"], r["reason"]) for r in dialog.rows] == [(cert["number"], "complaint")]
    assert dialog.table.item(0, 3).text() == dialog.reasons["complaint"]


def renew_dialog(page, qtbot, number):
    from brandmark.ui.qt_recertify_dialog import QtRenewDialog
    page.refresh()
    page.select_number(number)
    assert page.renew_button.isEnabled()
    dialog = QtRenewDialog(page, number)
    qtbot.addWidget(dialog)
    return dialog


def test_start_a_recertification_and_a_scope_extension_from_the_window(page, qtbot):
    store = page.context.store
    cert = store.certificates.issue(decided_assessment(store))
    dialog = renew_dialog(page, qtbot, cert["number"])
    dialog.radios["recertify"].setChecked(True)
    dialog.replace_combo.setCurrentIndex(dialog.replace_combo.findData("now"))
    dialog.recert_assessor.setCurrentIndex(dialog.recert_assessor.findText("王五", Qt.MatchFlag.MatchStartsWith))
    dialog.accept()
    renewal = store.assessments.get(dialog.result)
    assert (renewal["kind"], renewal["replace_at"], renewal["certificate_number"]) == \
        ("recertification", "now", cert["number"])
    other = store.certificates.issue(decided_assessment(store))
    dialog = renew_dialog(page, qtbot, other["number"])
    dialog.radios["extend"].setChecked(True)
    assert dialog.stack.currentIndex() == 1
    dialog.extend_models.setText("K-1, K-2, K-3")
    dialog.accept()
    assert store.assessments.get(dialog.result)["scope_models"] == "K-1, K-2, K-3"


def test_reduce_the_scope_and_reissue_from_the_window(page, qtbot):
    store = page.context.store
    cert = store.certificates.issue(decided_assessment(store))
    dialog = renew_dialog(page, qtbot, cert["number"])
    dialog.radios["reduce"].setChecked(True)
    dialog.reduce_models.setText("K-1")
    dialog.reduce_reason.setPlainText("K-2 停产")
    dialog.accept()
    reduced = dialog.result
    assert reduced["models"] == "K-1" and page.selected_numbers() == [reduced["number"]]
    assert store.certificates.get(cert["number"])["status"] == "cancelled"
    dialog = renew_dialog(page, qtbot, reduced["number"])
    dialog.radios["reissue"].setChecked(True)
    dialog.accept()                                  # no reason: refused, nothing changes
    assert page.refusals == ["text.required"]
    dialog.reissue_reason.setPlainText("持证人更名")
    dialog.accept()
    assert dialog.result["replaces"] == reduced["number"]
