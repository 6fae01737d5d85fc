"""The window's file dialogs read no file's content and list none of the register's files
(issue 8 §1; why in ``docs/data-safety.md``)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import struct
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog, QFileSystemModel  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui import qt_file_dialogs  # noqa: E402
from support import REPO  # noqa: E402

pytestmark = pytest.mark.gui

IN_OPEN = 0x20
IN_NONBLOCK = 0o4000


class OpenWatch:
    """Every open(2) of a file in ``folder`` by anyone, as inotify reports it (Linux)."""

    def __init__(self, folder: Path):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self.fd = libc.inotify_init1(IN_NONBLOCK)
        if self.fd < 0 or libc.inotify_add_watch(self.fd, os.fsencode(folder), IN_OPEN) < 0:
            pytest.skip("inotify is not available")

    def opened(self) -> list[str]:
        names = []
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return names
        offset = 0
        while offset < len(data):
            _wd, _mask, _cookie, length = struct.unpack_from("iIII", data, offset)
            name = data[offset + 16: offset + 16 + length].rstrip(b"\0").decode()
            if name:                     # an empty name is the folder itself, listed
                names.append(name)
            offset += 16 + length
        return names

    def close(self) -> None:
        os.close(self.fd)


def look_at_every_row(qtbot, dialog: QFileDialog, folder: Path, names: list[str]) -> QFileSystemModel:
    dialog.setDirectory(str(folder))
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    for name in names:
        qtbot.waitUntil(lambda name=name: model.index(str(folder / name)).isValid(), timeout=10_000)
        index = model.index(str(folder / name))
        qtbot.waitUntil(lambda index=index: bool(model.type(index)), timeout=10_000)
        model.fileIcon(index)
    dialog.grab()
    qtbot.wait(100)
    return model


@pytest.fixture
def register_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    store = Store(folder / "brandmark.db", load_bundled_packs=False)
    store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", region="杭州", actor="tester")
    (folder / "notes.txt").write_text("a note", encoding="utf-8")
    yield folder
    store.close()


REGISTER_FILES = ["brandmark.db", "brandmark.db-wal", "brandmark.db-shm"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_qts_own_dialog_opens_the_database_files_to_guess_their_type(qtbot, register_folder):
    """The hazard, shown: without our icon provider the dialog opens every file it lists."""
    watch = OpenWatch(register_folder)
    dialog = QFileDialog(None, "plain", str(register_folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    look_at_every_row(qtbot, dialog, register_folder, REGISTER_FILES)
    opened = set(watch.opened())
    watch.close()
    assert opened & set(REGISTER_FILES)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_our_dialog_never_opens_a_file_and_hides_the_register(qtbot, register_folder):
    watch = OpenWatch(register_folder)
    dialog = qt_file_dialogs.make_file_dialog(None, "safe", str(register_folder))
    qtbot.addWidget(dialog)
    model = look_at_every_row(qtbot, dialog, register_folder, [*REGISTER_FILES, "notes.txt"])
    opened = watch.opened()
    watch.close()
    assert opened == []
    assert model.type(model.index(str(register_folder / "notes.txt"))) == "TXT file"
    proxy = dialog.proxyModel()
    root = proxy.mapFromSource(model.index(str(register_folder)))
    listed = {proxy.data(proxy.index(row, 0, root)) for row in range(proxy.rowCount(root))}
    assert listed == {"notes.txt"}
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)


def test_a_register_file_typed_in_full_is_refused(qtbot, register_folder, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(register_folder / "brandmark.db")])
    assert qt_file_dialogs.save_file_name(None, "Export status list", "status-list.json") == ("", "")
    assert warnings and "brandmark.db" in warnings[0]
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(register_folder / "notes.txt")])
    assert qt_file_dialogs.open_file_name(None, "Open")[0] == str(register_folder / "notes.txt")


def test_no_window_module_opens_a_file_dialog_of_its_own():
    """Qt's static QFileDialog.get… functions use the platform's dialog and Qt's icon
    provider: every dialog goes through qt_file_dialogs instead."""
    offenders = []
    for path in sorted((REPO / "brandmark" / "ui").glob("*.py")):
        if path.name == "qt_file_dialogs.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"QFileDialog\s*[.(]", text):
            offenders.append(path.name)
    assert offenders == []
