"""Qt's own dialogs in Chinese in a Chinese window, and file dialogs that start where a user
expects (issue 11 §4): the last folder used for the same purpose, else the documents
folder; never the working directory or the register's folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QLibraryInfo, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QPushButton  # noqa: E402

from brandmark.ui import qt_file_dialogs  # noqa: E402
from brandmark.ui.qt_i18n import install_translators  # noqa: E402

pytestmark = pytest.mark.gui
CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield qapp
    install_translators(qapp, "en")        # later tests see the English source strings


def texts(dialog, kind) -> list[str]:
    return [w.text() for w in dialog.findChildren(kind) if w.isVisibleTo(dialog) and w.text()]


def test_qts_own_translations_ship_with_pyside6():
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_the_file_dialog_reads_chinese_in_a_chinese_window(chinese, tmp_path):
    dialog = qt_file_dialogs.make_file_dialog(None, "打开", str(tmp_path), "PDF (*.pdf)")
    dialog.show()
    chinese.processEvents()
    labels, buttons = texts(dialog, QLabel), texts(dialog, QPushButton)
    # Every label and button, "Look in" and "Files of type" included: PySide6 6.11 says
    # "&Look in:" and "Files of &type:", which its own qtbase_zh_CN.qm does not have.
    assert labels and all(CJK.search(text) for text in labels), labels
    assert "打开(&O)" in buttons and "取消" in buttons, buttons
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    chinese.processEvents()
    assert "保存(&S)" in texts(dialog, QPushButton)
    dialog.close()


def test_the_print_dialog_reads_chinese_in_a_chinese_window(chinese):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    dialog.show()
    chinese.processEvents()
    assert dialog.windowTitle() == "打印"
    buttons = texts(dialog, QPushButton)
    assert "取消" in buttons and any("打印" in text for text in buttons), buttons
    dialog.close()


# -- where file dialogs start ------------------------------------------------------------

def answer_next_dialog(answer):
    """Run ``answer(dialog)`` on the next file dialog shown, then return."""
    def poke():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, poke)
            return
        answer(dialogs[0])
    QTimer.singleShot(20, poke)


def start_of(call) -> tuple[str, str]:
    """Where the dialog ``call`` opens started, and what it returned after accepting a name there."""
    seen = {}

    def answer(dialog):
        seen["folder"] = dialog.directory().absolutePath()
        dialog.reject()
    answer_next_dialog(answer)
    call()
    return seen["folder"]


def choose(call, path: Path):
    def answer(dialog):
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))      # typed in full, as a user may
        dialog.accept()
    answer_next_dialog(answer)
    return call()


@pytest.fixture
def remembered(tmp_path, monkeypatch):
    """A settings file of its own; the working directory and the register elsewhere."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    qt_file_dialogs.use_settings(settings)
    yield settings
    qt_file_dialogs.use_settings(None)


def test_dialogs_start_in_the_documents_folder_then_where_the_same_purpose_was_last(qapp, tmp_path, remembered):
    documents = str(qt_file_dialogs.documents_folder())
    report = lambda: qt_file_dialogs.save_file_name(None, "报告", "报告.pdf", "PDF (*.pdf)",  # noqa: E731
                                                    purpose="reports")
    first = start_of(report)
    assert first == documents and first != str(Path.cwd())
    reports = tmp_path / "我的报告"
    reports.mkdir()
    chosen, _ = choose(report, reports / "评审报告.pdf")
    assert chosen == str(reports / "评审报告.pdf")
    assert start_of(report) == str(reports)
    # Another purpose keeps its own folder; the choice is in the settings, so it outlives the window.
    assert start_of(lambda: qt_file_dialogs.open_file_name(None, "导入", "", "", purpose="imports")) == documents
    assert remembered.value("files/reports") == str(reports)
    qt_file_dialogs.use_settings(QSettings(remembered.fileName(), QSettings.Format.IniFormat))
    assert start_of(report) == str(reports)


def test_a_bare_suggested_name_is_not_put_in_the_working_directory(qapp, remembered):
    seen = {}

    def answer(dialog):
        seen["files"] = dialog.selectedFiles()
        dialog.reject()
    answer_next_dialog(answer)
    qt_file_dialogs.save_file_name(None, "证书", "BM-ZJM-2026-00001.pdf", "PDF (*.pdf)", purpose="certificates")
    assert Path(seen["files"][0]).parent == qt_file_dialogs.documents_folder()
    assert Path(seen["files"][0]).parent != Path.cwd()


def test_a_pages_dialogs_take_its_purpose(qapp, tmp_path, remembered):
    from brandmark.store import Store
    from brandmark.ui.qt_context import QtAppContext
    from brandmark.ui.qt_schemes_page import QtSchemesPage

    with Store(tmp_path / "register.db", load_bundled_packs=False) as store:
        page = QtSchemesPage(QtAppContext(store))
        packs = tmp_path / "packs"
        packs.mkdir()
        (packs / "mine.toml").write_text("format = 1\n", encoding="utf-8")
        assert start_of(lambda: page._ask_file("导入方案")) == str(qt_file_dialogs.documents_folder())
        assert choose(lambda: page._ask_file("导入方案"), packs / "mine.toml") == str(packs / "mine.toml")
        assert remembered.value("files/packs") == str(packs)
        page.close()
