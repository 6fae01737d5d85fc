"""The certificates page's Mark use… (标志使用): the holder's reports listed, the next one
recorded through the store, a refusal shown and nothing written, in both languages."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from brandmark.store import Store  # noqa: E402
from test_certificates_support import issued  # noqa: E402


@pytest.fixture
def page(qtbot, tmp_path, clock, monkeypatch):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage
    from brandmark.ui.qt_context import QtAppContext

    store = Store(tmp_path / "page.db", clock=clock)
    context = QtAppContext(store)
    context.user_name = "王五"
    refusals: list[str] = []
    monkeypatch.setattr(context, "show_refusal", lambda parent, title, exc: refusals.append(exc.problems[0].code))
    widget = QtCertificatesPage(context)
    widget.refusals = refusals
    qtbot.addWidget(widget)
    yield widget
    store.close()


def open_dialog(page, qtbot, number):
    from brandmark.ui.qt_mark_use_dialog import QtMarkUseDialog

    dialog = QtMarkUseDialog(page, number)
    qtbot.addWidget(dialog)
    return dialog


def test_the_button_needs_one_certificate_and_the_dialog_records_through_the_store(page, qtbot):
    store = page.context.store
    number = issued(store)["number"]
    page.refresh()
    page.table.clearSelection()
    assert not page.mark_use_button.isEnabled()
    page.select_number(number)
    assert page.mark_use_button.isEnabled()
    dialog = open_dialog(page, qtbot, number)
    assert dialog.table.rowCount() == 0 and dialog.by.text() == "王五"
    assert dialog.year.value() == store.today().year
    dialog.year.setValue(2026)
    dialog.used_on.setCurrentIndex(dialog.used_on.findData("packaging"))
    dialog.marks.setValue(12000)
    dialog.note.setText("礼盒包装")
    dialog.record_button.click()
    assert page.refusals == []
    [saved] = store.mark_use.list(number=number)
    assert (saved["year"], saved["used_on"], saved["marks"], saved["note"], saved["recorded_by"]) == \
        (2026, "packaging", 12000, "礼盒包装", "王五")
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "12,000"
    assert dialog.note.text() == "", "the form is ready for the next use"


def test_a_refusal_is_shown_and_nothing_written_then_replace_corrects(page, qtbot):
    store = page.context.store
    number = issued(store)["number"]
    dialog = open_dialog(page, qtbot, number)
    assert dialog.record(2025, "product", 10) is None            # issued in 2026: not in force in 2025
    assert dialog.record(2026, "product", 10, by="") is None
    assert page.refusals == ["mark_use.not_in_force", "text.required"] and store.mark_use.list() == []
    assert dialog.record(2026, "product", 10) is not None
    assert dialog.record(2026, "product", 20) is None
    assert page.refusals[-1] == "mark_use.already_recorded"
    assert dialog.record(2026, "product", 20, replace=True)["marks"] == 20
    assert [r["marks"] for r in store.mark_use.list()] == [20] and dialog.table.item(0, 2).text() == "20"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_both_languages(page, qtbot, qapp, language):
    from brandmark.ui.qt_i18n import install_translators

    install_translators(qapp, language)
    try:
        page.context.language = language
        store = page.context.store
        number = issued(store)["number"]
        store.mark_use.record(number, year=2026, used_on="advertising", marks=300, note="海报", by="王五")
        dialog = open_dialog(page, qtbot, number)
        uses = [dialog.used_on.itemText(i) for i in range(dialog.used_on.count())]
        if language == "zh_CN":
            assert uses == ["产品", "包装", "广告宣传", "其他"] and dialog.table.item(0, 1).text() == "广告宣传"
            assert dialog.record_button.text() == "登记(&C)" and dialog.windowTitle().startswith("标志使用")
        else:
            assert uses == ["product", "packaging", "advertising", "other"]
            assert dialog.record_button.text() == "Re&cord"
        shots = os.environ.get("BRANDMARK_SCREENSHOTS")
        if shots:
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.grab().save(os.path.join(shots, f"mark-use-{language}.png"))
    finally:
        install_translators(qapp, "en")
