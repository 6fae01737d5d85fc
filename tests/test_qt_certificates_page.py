"""The certificates page on its own (no main window): register, filters, issue, status, print, verify."""

from __future__ import annotations

import datetime as dt
import os

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from brandmark.store import Store  # noqa: E402
from test_certificates_support import decided_assessment, issued  # noqa: E402
from support import register_staff  # noqa: E402


@pytest.fixture
def page(qtbot, tmp_path, clock, monkeypatch):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage
    from brandmark.ui.qt_context import QtAppContext

    store = Store(tmp_path / "page.db", clock=clock)
    context = QtAppContext(store)
    context.user_name = "王五"
    refusals = []
    monkeypatch.setattr(context, "show_refusal", lambda parent, title, exc: refusals.append(str(exc)))
    widget = QtCertificatesPage(context)
    widget.refusals = refusals
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    yield widget
    store.close()


def test_issue_shows_and_selects_the_new_certificate(page):
    store = page.context.store
    assessment_id = decided_assessment(store)
    cert = page.issue(assessment_id)
    assert page.model.rowCount() == 1 and page.selected_numbers() == [cert["number"]]
    assert page.model.data(page.model.index(0, 5)) == page.status_labels["valid"]
    assert cert["number"] in page.details.toPlainText()
    assert page.suspend_button.isEnabled() and not page.reinstate_button.isEnabled()


def test_the_issue_dialog_offers_only_what_may_be_issued(page, qtbot):
    from brandmark.ui.qt_certificates_page import QtIssueDialog
    store = page.context.store
    ready = decided_assessment(store)
    decided_assessment(store, mode="self", decision=None)
    dialog = QtIssueDialog(page)
    qtbot.addWidget(dialog)
    assert [c["id"] for c in dialog.candidates] == [ready]
    dialog.authorised_edit.setText("赵六")
    dialog.accept()
    assert dialog.issued["authorised_by"] == "赵六"
    assert page.model.rowCount() == 1
    again = QtIssueDialog(page)
    qtbot.addWidget(again)
    assert again.candidates == [] and not again.empty_label.isHidden()


def test_a_locked_body_key_is_opened_from_the_issue_dialog(page, qtbot, tmp_path, clock):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage, QtIssueDialog
    from brandmark.ui.qt_context import QtAppContext
    from test_certificates_support import BODY_PASSPHRASE
    ready = decided_assessment(page.context.store)       # the key is made here, then the register reopened
    page.context.store.close()
    store = Store(tmp_path / "page.db", clock=clock)
    register_staff(store)                                # a new session: the staff sign in again
    context = QtAppContext(store)
    refusals = []
    context.show_refusal = lambda parent, title, exc: refusals.append(exc.problems[0].code)
    reopened = QtCertificatesPage(context)
    qtbot.addWidget(reopened)
    assert reopened.body_key_locked()
    dialog = QtIssueDialog(reopened)
    qtbot.addWidget(dialog)
    assert dialog.passphrase_edit.parent() is not None, "a locked key asks for the body's passphrase"
    dialog.passphrase_edit.setText("not the body's passphrase")
    dialog.accept()
    assert refusals == ["keys.wrong_passphrase"] and dialog.issued is None and store.certificates.count() == 0
    dialog.passphrase_edit.setText(BODY_PASSPHRASE)
    dialog.accept()
    assert dialog.issued["assessment_id"] == ready and not reopened.body_key_locked()
    page.context.store = store      # the fixture closes this one


def test_status_filter_and_search(page):
    store = page.context.store
    a, b = issued(store, name="甲公司"), issued(store, name="乙公司")
    page.refresh()
    page.change_status(b["number"], "suspend", "抽样不合格", "王五")
    page.set_status_filter("suspended")
    assert page.shown_numbers() == [b["number"]]
    page.set_status_filter("")
    page.set_search("甲")
    assert page.shown_numbers() == [a["number"]]
    assert "1" in page.count_label.text()


def test_the_register_reads_only_the_pages_the_view_shows(page, monkeypatch):
    """The certificate register is windowed like the others: at 450 certificates the model
    reads the page on screen, not every row (it used to read up to 10,000 at each refresh)."""
    store = page.context.store
    calls = []
    real_list = store.certificates.list
    monkeypatch.setattr(store.certificates, "list", lambda *a, **k: calls.append(k) or real_list(*a, **k))
    monkeypatch.setattr(store.certificates, "count", lambda status=None, search=None: 450)
    page.model.page_size = 50
    page.refresh()
    page.table.resize(800, 300)
    page.model.data(page.model.index(0, 0))
    assert page.model.rowCount() == 450
    assert calls and all(call["limit"] == 50 for call in calls) and page.model.fetched_pages == [0]


def test_the_register_sorts_by_a_column_through_the_store(page):
    store = page.context.store
    late, early = issued(store, name="乙公司"), issued(store, name="甲公司")
    page.refresh()
    assert page.shown_numbers() == [early["number"], late["number"]], "newest first"
    page.model.sort(0)                     # by number, ascending
    assert page.shown_numbers() == sorted([early["number"], late["number"]])
    page.model.sort(1, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.DescendingOrder)
    holders = [store.certificates.get(n)["holder_name"] for n in page.shown_numbers()]
    assert holders == sorted(holders, reverse=True) and holders != sorted(holders)


def test_status_change_dialog_needs_a_reason_and_refuses_impossible_changes(page, qtbot):
    from brandmark.ui.qt_certificates_page import QtStatusChangeDialog
    number = issued(page.context.store)["number"]
    page.refresh()
    dialog = QtStatusChangeDialog(page, number, "withdraw")
    qtbot.addWidget(dialog)
    dialog.accept()                       # no reason: refused, dialog stays, nothing changed
    assert page.refusals and "reason" in page.refusals[-1]
    assert page.context.store.certificates.get(number)["status"] == "valid"
    dialog.reason_edit.setPlainText("企业申请撤销 & <确认>")
    dialog.accept()
    assert page.context.store.certificates.get(number)["status"] == "withdrawn"
    history = page.context.store.certificates.history(number)
    assert history[-1]["reason"] == "企业申请撤销 & <确认>" and history[-1]["changed_by"] == "王五"
    page.select_number(number)
    assert not page.reinstate_button.isEnabled() and not page.suspend_button.isEnabled()
    with pytest.raises(Exception, match="final"):
        page.change_status(number, "reinstate", "r", "p")


def test_print_selected_runs_in_the_background_with_the_register_store(page, qtbot, tmp_path):
    store = page.context.store
    numbers = [issued(store)["number"] for _ in range(3)]
    page.refresh()
    written = []
    page.print_certificates(numbers[:2], tmp_path / "out", on_done=written.extend)
    qtbot.waitUntil(lambda: len(written) == 2, timeout=30_000)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{n}.pdf" for n in numbers[:2])
    page.print_certificates(None, tmp_path / "all", on_done=written.extend)
    qtbot.waitUntil(lambda: len(written) == 5, timeout=30_000)
    assert len(list((tmp_path / "all").iterdir())) == 3


def test_verify_dialog_reads_a_pdf_and_a_pasted_payload(page, qtbot, tmp_path):
    from brandmark.ui.qt_certificates_page import QtVerifyDialog
    store = page.context.store
    cert = issued(store)
    pdf = store.certificates.write_pdf(cert["number"], tmp_path / "c.pdf")
    dialog = QtVerifyDialog(page)
    qtbot.addWidget(dialog)
    dialog.check_pdf(str(pdf))
    assert dialog.result["genuine"] and cert["number"] in dialog.result_label.text()
    changed = "A" if cert["payload"][-5] != "A" else "B"
    dialog.payload_edit.setPlainText(cert["payload"][:-5] + changed + cert["payload"][-4:])
    dialog.check_button.click()
    assert dialog.result["genuine"] is False
    assert dialog.result_label.text().startswith(page.tr("NOT GENUINE"))
    dialog.check_pdf(str(tmp_path / "missing.pdf"))
    assert "cannot read" in page.refusals[-1]


def test_the_verify_result_leads_with_the_status_and_takes_a_status_list(page, qtbot, tmp_path):
    from brandmark.ui.qt_certificates_page import QtVerifyDialog
    store = page.context.store
    cert = issued(store)
    store.certificates.export_status_list(tmp_path / "valid-then.json")
    store.certificates.suspend(cert["number"], reason="监督抽样不合格", by="李四")
    dialog = QtVerifyDialog(page)
    qtbot.addWidget(dialog)
    dialog.payload_edit.setPlainText(cert["payload"])
    dialog.check_button.click()
    assert dialog.result_label.text().splitlines()[0] == page.tr("SUSPENDED"), "not GENUINE first"
    store.certificates.export_status_list(tmp_path / "suspended-now.json")
    dialog.use_status_list(str(tmp_path / "suspended-now.json"))
    assert "2" in dialog.status_list_label.text()
    dialog.check_button.click()
    assert dialog.result["source"].startswith("status list 2") and dialog.result["status"] == "suspended"
    dialog.use_status_list(str(tmp_path / "valid-then.json"))      # an older list, replayed
    dialog.check_button.click()
    assert dialog.result["status"] == "unknown"
    assert dialog.result_label.text().splitlines()[0] == page.tr("STATUS UNKNOWN")
    page.context.store.clock = lambda: dt.datetime(2026, 3, 20, tzinfo=dt.timezone.utc)
    dialog.use_status_list(str(tmp_path / "suspended-now.json"))
    dialog.check_button.click()
    assert dialog.result["status"] == "unknown" and "expired" in dialog.result["reason"]
    dialog.resize(620, 420)
    dialog.grab().save(str(tmp_path / "verify.png"))


def test_screenshot(page, tmp_path):
    store = page.context.store
    for name in ("杭州西溪电器有限公司", "宁波甬江智能家电股份有限公司", "温州瓯越泵阀有限公司"):
        issued(store, name=name)
    page.refresh()
    first, second = page.shown_numbers()[:2]
    page.change_status(first, "suspend", "监督抽样不合格", "王五")
    page.select_number(second)
    page.show()
    target = os.environ.get("BRANDMARK_SCREENSHOT_DIR")
    path = (tmp_path if not target else __import__("pathlib").Path(target)) / "certificates-page.png"
    assert page.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_body_settings_set_the_time_zone_and_status_list_validity(page, qtbot, tmp_path):
    from brandmark.ui.qt_certificates_page import QtBodySettingsDialog
    store = page.context.store
    dialog = QtBodySettingsDialog(page)
    qtbot.addWidget(dialog)
    assert dialog.time_zone_edit.text() == "Asia/Shanghai" and dialog.status_list_days.value() == 7
    dialog.time_zone_edit.setText("Atlantis/Capital")
    dialog.accept()
    assert page.refusals and "Atlantis/Capital" in page.refusals[-1]
    assert store.certificates.body()["time_zone"] == "Asia/Shanghai"
    dialog.time_zone_edit.setText("Europe/Berlin")
    dialog.status_list_days.setValue(3)
    dialog.accept()
    assert store.certificates.body()["time_zone"] == "Europe/Berlin"
    assert store.certificates.body()["status_list_days"] == 3
    dialog.grab().save(str(tmp_path / "body-settings.png"))


@pytest.mark.skipif(not __import__("shutil").which("pdftoppm"), reason="needs poppler-utils")
def test_verify_dialog_reads_a_photo_of_the_certificate(page, qtbot, tmp_path):
    from PIL import Image

    from brandmark.ui.qt_certificates_page import QtVerifyDialog
    from test_certificates_support import pdf_to_png
    store = page.context.store
    cert = issued(store)
    png = pdf_to_png(store.certificates.write_pdf(cert["number"], tmp_path / "c.pdf"), tmp_path / "page", dpi=200)
    photo = tmp_path / "photo.jpg"
    with Image.open(png) as image:
        image.convert("RGB").rotate(8, expand=True, fillcolor="white").save(photo, quality=85)
    dialog = QtVerifyDialog(page)
    qtbot.addWidget(dialog)
    dialog.check_image(str(photo))
    assert dialog.result["genuine"] and cert["number"] in dialog.result_label.text()
    blank = tmp_path / "blank.png"
    Image.new("RGB", (300, 300), "white").save(blank)
    dialog.check_image(str(blank))
    assert page.refusals and ("QR" in page.refusals[-1] or "二维码" in page.refusals[-1])
    dialog.grab().save(str(tmp_path / "verify-photo.png"))
