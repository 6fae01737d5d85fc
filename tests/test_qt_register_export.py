"""The Export-table buttons of the registers: the file holds exactly the rows the table
shows, in its order (search, status filter and sort applied), with the headers in the
window's language, written through the core exporter the CLI uses."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui import qt_file_dialogs  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402
from test_certificates_support import issued  # noqa: E402

NAMES = ["杭州甲电器有限公司", "宁波乙电器有限公司", "杭州丙电器有限公司", "温州丁电器有限公司", "杭州阿尔法电器有限公司"]


@pytest.fixture
def dialogs(monkeypatch):
    class Dialogs:
        answer: Path | None = None
        asked: list[tuple[str, str, str, str]] = []

    record = Dialogs()
    record.asked = []

    def save_file_name(_parent, caption, proposed, file_filter="", *args, **kwargs):
        record.asked.append((caption, proposed, file_filter, kwargs.get("purpose")))
        return (str(record.answer), "") if record.answer else ("", "")

    monkeypatch.setattr(qt_file_dialogs, "save_file_name", save_file_name)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: pytest.fail(f"refused: {text}"))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: pytest.fail(f"error: {text}"))
    return record


@pytest.fixture
def store(tmp_path, clock):
    with Store(tmp_path / "export.db", clock=clock) as opened:
        yield opened


def context_for(store, language="zh_CN"):
    context = QtAppContext(store)
    context.user_name, context.language = "王五", language
    return context


def rows_of(path: Path) -> list[list]:
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def wait_saved(qtbot, page):
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "fileSaved") is not None, timeout=30_000)
    return page.findChild(QMessageBox, "fileSaved")


def shown_ids(model) -> list:
    return [model.row_id(position) for position in range(model.rowCount())]


def test_applicants_export_is_the_searched_and_sorted_table(qtbot, store, dialogs, tmp_path):
    from brandmark.ui.qt_applicants_page import QtApplicantsPage

    for serial, name in enumerate(NAMES):
        store.applicants.add(name=name, uscc=make_uscc("91", "330100", f"X{serial:07d}"), actor="tester")
    page = QtApplicantsPage(context_for(store))
    qtbot.addWidget(page)
    page.register.search_edit.setText("杭州")
    page.register.apply_search()
    names_column = [c.key for c in page.model.columns].index("name")
    page.register.table.sortByColumn(names_column, Qt.SortOrder.AscendingOrder)      # by pinyin
    expected = shown_ids(page.model)
    assert len(expected) == 3 and page.model.order_by == "name"

    dialogs.answer = tmp_path / "申请企业.xlsx"
    page.export_button.click()
    box = wait_saved(qtbot, page)
    assert "3" in box.text()
    caption, proposed, file_filter, purpose = dialogs.asked[0]
    assert proposed.endswith(".xlsx") and "*.csv" in file_filter and purpose == "exports"
    rows = rows_of(dialogs.answer)
    assert rows[0][:3] == ["编号", "企业名称", "统一社会信用代码"]                 # the window is Chinese
    assert [int(row[0]) for row in rows[1:]] == expected
    # By pinyin: a'erfa (阿尔法), bing (丙), jia (甲), not in the order they were added.
    assert [row[1] for row in rows[1:]] == ["杭州阿尔法电器有限公司", "杭州丙电器有限公司", "杭州甲电器有限公司"]


def test_assessments_export_in_english_follows_the_table_and_the_button_has_its_own_letter(qtbot, store, dialogs,
                                                                                           tmp_path):
    from brandmark.ui.qt_assessments_page import QtAssessmentsPage

    for _ in range(3):
        issued(store)
    page = QtAssessmentsPage(context_for(store, language="en"))
    qtbot.addWidget(page)
    page.register.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    expected = shown_ids(page.model)
    assert expected == sorted(expected) and len(expected) == 3
    assert "&t" in page.export_table_button.text().lower() and "&x" in page.export_button.text().lower()

    dialogs.answer = tmp_path / "assessments.csv"
    page.export_table_button.click()
    wait_saved(qtbot, page)
    rows = rows_of(dialogs.answer)
    assert rows[0][:2] == ["id", "applicant"]
    assert [int(row[0]) for row in rows[1:]] == expected


def test_certificates_export_takes_the_status_filter_and_order(qtbot, store, dialogs, tmp_path):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage

    numbers = [issued(store, name=f"证书企业{n}有限公司")["number"] for n in range(3)]
    store.certificates.suspend(numbers[1], reason="监督抽查不合格", by="王五")
    context = context_for(store)
    page = QtCertificatesPage(context)
    qtbot.addWidget(page)
    page.set_status_filter("valid")
    number_column = [c.key for c in page.model.columns].index("number")
    page.register.table.sortByColumn(number_column, Qt.SortOrder.AscendingOrder)
    shown = page.shown_numbers()
    assert shown == sorted([numbers[0], numbers[2]])

    dialogs.answer = tmp_path / "certificates.xlsx"
    page.export_table_button.click()
    wait_saved(qtbot, page)
    rows = rows_of(dialogs.answer)
    assert rows[0][0] == "证书编号" and "状态（今日）" in rows[0]
    assert [row[0] for row in rows[1:]] == shown
    status = rows[0].index("状态（今日）")
    assert {row[status] for row in rows[1:]} == {"有效"}


def test_cancelling_the_file_dialog_writes_nothing(qtbot, store, dialogs, tmp_path):
    from brandmark.ui.qt_applicants_page import QtApplicantsPage

    page = QtApplicantsPage(context_for(store))
    qtbot.addWidget(page)
    dialogs.answer = None
    assert page.exporter.export() is False
    assert list(tmp_path.glob("*.xlsx")) == [] and page.findChild(QMessageBox, "fileSaved") is None
