"""Issue 8 §1: a file dialog on the database's folder must not cost the window its locks.

SQLite's locks are POSIX advisory locks: the kernel drops every lock a process holds on
a file when *any* descriptor of that process on the file is closed. A file dialog that
opens and closes the database (or its ``-wal``/``-shm``) to guess its type leaves the
window holding no lock; the next process to close the database takes it for the last
user, checkpoints and deletes the WAL, and the window goes on writing into a deleted
file. The test plays it with the real window, the real dialog of *Export status list…*
and a real ``brandmark-cli`` process.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLineEdit  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_main_window import QtMainWindow  # noqa: E402
from brandmark.ui.qt_settings import QtPreferences, open_settings  # noqa: E402

pytestmark = pytest.mark.gui


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("brandmark-cli")
    return [str(script)] if script.exists() else [sys.executable, "-m", "brandmark.cli"]


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*cli_command(), "--db", str(db), *args], capture_output=True, text=True, timeout=120)


def browse_and_cancel(qtbot, folder: Path, database: Path, seen: dict) -> None:
    """What a clerk does in the open dialog: go to the database's folder, start typing the
    name, look at the list (every row painted, the details view too), then cancel."""
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QFileDialog)
    seen["dialog"] = dialog
    dialog.setDirectory(str(folder))
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    model = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: model.index(str(database)).isValid(), timeout=10_000)
    for suffix in ("", "-wal", "-shm"):
        index = model.index(str(database) + suffix)
        if index.isValid():
            # The details view asks for the type (the gatherer thread fills it in); wait for it.
            qtbot.waitUntil(lambda index=index: bool(model.type(index)), timeout=10_000)
            model.data(index)                       # the name and icon, as the list paints them
            model.fileIcon(index)
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    name_edit.setText(str(folder / "brand"))        # the completer lists what starts so
    seen["listed"] = [model.data(model.index(row, 0, model.index(str(folder))))
                      for row in range(model.rowCount(model.index(str(folder))))]
    dialog.grab()
    qtbot.wait(200)
    dialog.reject()


def test_a_file_dialog_on_the_database_folder_then_another_process_does_not_corrupt(qtbot, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "brandmark.db"
    store = Store(database)
    store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", region="杭州", actor="tester")
    context = QtAppContext(store)
    context.language = "en"
    window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.show()
    window.attach(context)
    try:
        page = window.show_page("certificates")
        seen: dict = {}
        QTimer.singleShot(0, lambda: browse_and_cancel(qtbot, folder, database, seen))
        page.ask_export_status_list()
        assert "dialog" in seen, "the export dialog did not open"

        listed = run_cli(database, "applicants", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)["total"] == 1

        window.load_demo()
        # Until the load's result is handled on the GUI thread too: its notify refreshes every
        # page, which must not happen after the store below is closed.
        qtbot.waitUntil(lambda: window.context.store.applicants.demo_loaded() and not window.context.busy(),
                        timeout=60_000)
        in_window = window.context.store.applicants.count()
        assert in_window > 1

        seen_by_cli = run_cli(database, "applicants", "list", "--json")
        assert seen_by_cli.returncode == 0, seen_by_cli.stderr
        assert json.loads(seen_by_cli.stdout)["total"] == in_window, "the window's writes went to a deleted WAL"
        added = run_cli(database, "applicants", "add", "--name", "宁波测试电器有限公司",
                        "--uscc", "91330200MA2AGJ5P59", "--region", "宁波")
        assert added.returncode == 0, added.stderr
        window.context.store.applicants.add(name="温州测试电器有限公司", uscc="91330300MA2AGJ5Q39",
                                            region="温州", actor="tester")
    finally:
        window.close()
        store.close()
    with sqlite3.connect(database) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert check.execute("SELECT count(*) FROM applicants").fetchone()[0] == in_window + 2
