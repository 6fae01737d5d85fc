"""Saying where a saved file went, the same way for every save in the window.

Each save (a certificate PDF, a batch of them, a report, a brand-value report, a status
list) ends with ``announce_saved``: the status bar names the place for a while, and a
message box names it in full with buttons to open the file and its folder. Before, some
saves said nothing (under Xvfb an export just finished), others each said it their own way.

>>> announce_saved(page, page.tr("Save certificate"), [Path("/home/me/BM-1.pdf")])   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

OBJECT_NAME = "fileSaved"     # tests find the message box by it


class QtSaved(QObject):
    """The words of the message (a QObject for ``tr``: lupdate reads plural forms only there)."""

    def saved_text(self, paths: Sequence[Path], folder: Path | None = None) -> str:
        """"Saved to …" for one file, or the count and the folder for several."""
        if len(paths) == 1 and folder is None:
            return self.tr("Saved to {0}").format(paths[0])
        where = folder if folder is not None else (paths[0].parent if paths else Path())
        return self.tr("%n file(s) saved in {0}", "", len(paths)).format(where)

    def open_file(self) -> str:
        return self.tr("Open file")

    def open_folder(self) -> str:
        return self.tr("Open folder")


def announce_saved(parent: QWidget, title: str, paths: Sequence[str | Path], *, folder: str | Path | None = None,
                   note: str = "") -> QMessageBox:
    """Tell the user where ``paths`` went (``folder`` when they were written into one); ``note``
    adds a line (a cancelled batch says how far it got). Returns the (non-modal) box."""
    paths = [Path(p) for p in paths]
    folder_path = Path(folder) if folder is not None else None
    words = QtSaved()
    text = words.saved_text(paths, folder_path)
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 15_000)
    box = QMessageBox(QMessageBox.Icon.Information, title, text + (f"\n\n{note}" if note else ""),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName(OBJECT_NAME)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if len(paths) == 1 and folder_path is None:
        open_file = box.addButton(words.open_file(),
                                  QMessageBox.ButtonRole.ActionRole)
        open_file.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0]))))
    place = folder_path or (paths[0].parent if paths else None)
    if place is not None:
        open_folder = box.addButton(words.open_folder(),
                                    QMessageBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(place))))
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.open()
    return box
