"""File → Import applicants… / products…: the dialog over the core import, with real .xlsx
files (xlsxwriter) and GB18030 CSVs: the preview and the columns found, the problem list
in the window's language, all-or-nothing and skipping bad rows, and a cancelled import
that writes nothing."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtWidgets import QMessageBox, QProgressDialog  # noqa: E402

from brandmark.errors import Problem  # noqa: E402
from brandmark.imports import core as import_core  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.ui import qt_file_dialogs  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from test_imports import HEADERS_ZH, code, write_csv, write_xlsx  # noqa: E402

GOOD = [[code(1), "杭州甲电器有限公司", "杭州", "西湖区1号", "电器", "张三"],
        [code(2), "宁波乙（集团）有限公司", "宁波市", "", "", ""],
        [code(3), "温州丙阀门有限公司", "温州", "", "阀门", ""]]


@pytest.fixture
def store(tmp_path, clock):
    with Store(tmp_path / "import.db", clock=clock, load_bundled_packs=False) as opened:
        yield opened


@pytest.fixture
def chooser(monkeypatch):
    """The open dialog answers with ``chooser.answer``; what it was asked is kept."""
    class Chooser:
        answer = None
        asked: list[dict] = []

    record = Chooser()
    record.asked = []

    def open_file_name(_parent, caption, directory="", file_filter="", *, purpose=None):
        record.asked.append({"caption": caption, "filter": file_filter, "purpose": purpose})
        return (str(record.answer), "") if record.answer else ("", "")

    monkeypatch.setattr(qt_file_dialogs, "open_file_name", open_file_name)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: pytest.fail(f"error: {text}"))
    return record


@pytest.fixture(autouse=True)
def english_after(qapp):
    from brandmark.ui.qt_i18n import install_translators

    yield
    install_translators(qapp, "en")


def make_dialog(qtbot, store, kind="applicants", language="zh_CN"):
    from PySide6.QtWidgets import QApplication

    from brandmark.ui.qt_i18n import install_translators
    from brandmark.ui.qt_import_dialog import QtImportDialog

    install_translators(QApplication.instance(), language)     # Chinese first

    context = QtAppContext(store)
    context.user_name, context.language = "李四", language
    dialog = QtImportDialog(context, kind=kind)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def checked(qtbot, dialog, chooser, path):
    chooser.answer = path
    assert dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=30_000)
    return dialog.checked


def imported(qtbot, dialog):
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None or dialog.cancelled, timeout=30_000)
    return dialog.result


def problem_cells(dialog) -> list[tuple[str, str, str]]:
    model = dialog.problems.model()
    return [tuple(model.data(model.index(r, c)) for c in range(3)) for r in range(model.rowCount())]


def applicant_count(store) -> int:
    return store.conn.execute("SELECT count(*) FROM applicants").fetchone()[0]


def test_an_xlsx_file_is_previewed_with_its_columns_then_imported(qtbot, store, chooser, tmp_path):
    from brandmark.ui.qt_applicants_page import QtApplicantsPage

    path = write_xlsx(tmp_path / "企业名单.xlsx", HEADERS_ZH + ["备注"], [row + ["重点"] for row in GOOD])
    dialog = make_dialog(qtbot, store)
    page = QtApplicantsPage(dialog.context)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    assert dialog.focusWidget() is dialog.choose_button and not dialog.import_button.isEnabled()

    result = checked(qtbot, dialog, chooser, path)
    assert chooser.asked[0]["purpose"] == "imports" and "*.xlsx" in chooser.asked[0]["filter"]
    assert result.dry_run and result.rows == 3 and applicant_count(store) == 0     # the check writes nothing
    headers = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    assert headers[0] == "行号"
    assert "企业名称\n→ 名称" in headers and "统一社会信用代码\n→ 统一社会信用代码" in headers
    assert "备注\n（不导入）" in headers
    assert dialog.preview.rowCount() == 3 and dialog.preview.item(0, 0).text() == "2"
    assert dialog.preview.item(1, headers.index("企业名称\n→ 名称")).text() == "宁波乙（集团）有限公司"
    assert "未知列，不导入：备注" in dialog.columns_label.text()
    assert dialog.problems.model().rowCount() == 0 and "3" in dialog.summary_label.text()
    assert dialog.import_button.isEnabled()

    result = imported(qtbot, dialog)
    assert (result.imported, result.skipped) == (3, 0) and applicant_count(store) == 3
    assert "已导入 3 行" in dialog.result_label.text()
    assert page.model.rowCount() == 3                               # the register refreshed
    assert not dialog.import_button.isEnabled()                     # a second click would import twice
    (event,) = store.events.list(entity="applicant")
    assert event["action"] == "applicant.import" and event["actor"] == "李四"


def test_products_import_the_same_way(qtbot, store, chooser, tmp_path):
    for row in GOOD[:2]:
        store.applicants.add(name=row[1], uscc=row[0], actor="t")
    path = write_xlsx(tmp_path / "产品.xlsx", ["统一社会信用代码", "产品名称", "型号"],
                      [[GOOD[0][0], "电水壶", "K-1"], [GOOD[1][0], "电饭煲", "R-2"]])
    dialog = make_dialog(qtbot, store, kind="products")
    assert dialog.windowTitle() == "导入产品"
    checked(qtbot, dialog, chooser, path)
    result = imported(qtbot, dialog)
    assert result.imported == 2
    assert [p["name"] for p in store.applicants.products(store.applicants.list()[0]["id"])] == ["电水壶"]


def bad_rows():
    wrong = code(5)[:-1] + ("0" if code(5)[-1] != "0" else "1")
    return GOOD + [[wrong, "错误校验位有限公司", "杭州", "", "", ""],        # row 5
                   [code(1), "重复代码有限公司", "杭州", "", "", ""],          # row 6: row 2's code again
                   [code(7), "", "杭州", "", "", ""]]                         # row 7: no name


def test_a_gb18030_csv_with_bad_rows_lists_every_problem_and_imports_nothing_by_default(qtbot, store, chooser,
                                                                                      tmp_path):
    path = write_csv(tmp_path / "名单.csv", HEADERS_ZH, bad_rows(), "gb18030")
    dialog = make_dialog(qtbot, store)
    result = checked(qtbot, dialog, chooser, path)
    assert result.encoding == "gb18030"
    assert "gb18030" in dialog.columns_label.text()
    cells = problem_cells(dialog)
    assert [(row, column) for row, column, _ in cells] == [("5", "统一社会信用代码"), ("6", "统一社会信用代码"),
                                                          ("7", "企业名称")]
    # Each reason is the catalogue's Chinese text of the core's problem.
    assert cells == [(str(e["row"]), e["column"], e["message"]) for e in result.errors("zh_CN")]
    assert "校验" in cells[0][2]
    assert dialog.summary_label.text() == "读取 6 行；其中 3 行有问题；3 行可导入。"
    assert dialog.all_or_nothing.isChecked() and not dialog.import_button.isEnabled()

    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    result = imported(qtbot, dialog)
    assert (result.imported, result.skipped) == (3, 3) and applicant_count(store) == 3
    errors_file = tmp_path / "名单.errors.xlsx"
    assert result.error_file == str(errors_file) and errors_file.exists()
    assert str(errors_file) in dialog.result_label.text() and "跳过 3 行" in dialog.result_label.text()


def test_the_problem_list_speaks_english_in_an_english_window(qtbot, store, chooser, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", HEADERS_ZH, bad_rows())
    dialog = make_dialog(qtbot, store, language="en")
    result = checked(qtbot, dialog, chooser, path)
    cells = problem_cells(dialog)
    assert cells[0][2] == Problem(result.problems[0].code, result.problems[0].field,
                                  result.problems[0].params).message("en")
    assert dialog.summary_label.text().startswith("6 rows read; 3 with problems")


def test_a_file_missing_a_required_column_cannot_be_imported(qtbot, store, chooser, tmp_path):
    path = write_xlsx(tmp_path / "缺列.xlsx", ["企业名称", "地区"], [["甲公司", "杭州"]])
    dialog = make_dialog(qtbot, store)
    checked(qtbot, dialog, chooser, path)
    (row, column, reason) = problem_cells(dialog)[0]
    assert row == "" and "统一社会信用代码" in reason
    dialog.skip_invalid.setChecked(True)
    assert not dialog.import_button.isEnabled()


def test_a_cancelled_import_writes_nothing(qtbot, store, chooser, tmp_path, monkeypatch):
    rows = [[code(100 + n), f"批量测试企业{n}有限公司", "杭州", "", "", ""] for n in range(5000)]
    rows.append([code(100), "重复企业有限公司", "杭州", "", "", ""])         # one bad row: an error file if it ran
    path = write_csv(tmp_path / "大批.csv", HEADERS_ZH, rows, "gb18030")
    dialog = make_dialog(qtbot, store)
    checked(qtbot, dialog, chooser, path)
    dialog.skip_invalid.setChecked(True)

    # The import waits at its first progress call until the test has pressed Cancel.
    real, gate = import_core.import_applicants, threading.Event()

    def held(store_, path_, **options):
        progress = options["progress"]

        def after_cancel(done, total, message=""):
            assert gate.wait(30)
            return progress(done, total, message)

        return real(store_, path_, **{**options, "progress": after_cancel})

    monkeypatch.setattr(import_core, "import_applicants", held)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: any("大批.csv" in p.labelText() and "导入" in p.labelText()
                                for p in dialog.findChildren(QProgressDialog)), timeout=10_000)
    progress_dialog = next(p for p in dialog.findChildren(QProgressDialog) if "导入" in p.labelText())
    progress_dialog.canceled.emit()                                   # the Cancel button
    gate.set()
    qtbot.waitUntil(lambda: dialog.cancelled, timeout=30_000)
    assert dialog.result is None and "已取消" in dialog.result_label.text()
    assert applicant_count(store) == 0
    assert store.conn.execute("SELECT count(*) FROM events WHERE action = 'applicant.import'").fetchone()[0] == 0
    assert not (tmp_path / "大批.errors.xlsx").exists()
    assert dialog.import_button.isEnabled()                           # it can be started again


def test_the_file_menu_opens_the_dialog_for_applicants_and_for_products(qtbot, store, tmp_path):
    from brandmark.ui.qt_import_dialog import QtImportDialog
    from brandmark.ui.qt_main_window import QtMainWindow
    from brandmark.ui.qt_settings import QtPreferences, open_settings

    context = QtAppContext(store)
    window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.show()
    window.attach(context)
    names = [action.objectName() for action in window.file_menu.actions()]
    assert "importApplicants" in names and "importProducts" in names
    assert window.import_applicants_action.isEnabled()
    window.import_products_action.trigger()
    dialog = window.import_dialog
    assert isinstance(dialog, QtImportDialog) and dialog.kind == "products" and dialog.isVisible()
    window.import_applicants_action.trigger()
    assert window.import_dialog is dialog                   # one at a time: the open one comes forward
    dialog.close()
    window.import_applicants_action.trigger()
    assert window.import_dialog.kind == "applicants"
    window.import_dialog.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots(qtbot, store, chooser, tmp_path, language):
    """The dialog with a checked file that has bad rows, in both languages (saved when
    BRANDMARK_SCREENSHOTS names a folder)."""
    import os

    path = write_xlsx(tmp_path / "名单.xlsx", HEADERS_ZH, bad_rows())
    dialog = make_dialog(qtbot, store, language=language)
    checked(qtbot, dialog, chooser, path)
    dialog.resize(980, 640)
    shots = os.environ.get("BRANDMARK_SCREENSHOTS")
    if shots:
        dialog.grab().save(os.path.join(shots, f"import-applicants-{language}.png"))
    reasons = " ".join(cell[2] for cell in problem_cells(dialog))
    assert ("校验" in reasons) == (language == "zh_CN")
