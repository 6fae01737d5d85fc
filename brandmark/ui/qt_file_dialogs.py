"""The window's file dialogs: they never open a file to look at it, and never show the
register's own files.

Qt's file dialog (and the GTK, KDE and macOS ones, which run inside our process) guess
each listed file's type by *opening it and reading its first bytes*. Done to the
database, its ``-wal`` or ``-shm``, that open-and-close drops every SQLite lock this
process holds on the file (POSIX locks belong to the process, and any ``close`` of the
file releases them all); the next ``brandmark-cli`` run then deletes the WAL the window is
still writing to, and the register corrupts ("invalid rootpage"). See
``docs/data-safety.md``, "The register's file and its locks".

So every dialog of the window comes from here: Qt's own widget dialog (never the
platform's), an icon provider that names a file's icon and type from its name alone,
and a filter that hides the database and its sidecar files. A path chosen anyway (typed
in full) that is one of the register's files is refused with the core's message.
``tests/test_qt_file_dialogs.py`` checks that no module calls ``QFileDialog.get…``.

>>> path, _ = save_file_name(page, page.tr("Export status list"), "status-list.json",
...                          page.tr("Status lists (*.json)"))    # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFileInfo, QLocale, QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import (QApplication, QFileDialog, QFileIconProvider, QFileSystemModel, QMessageBox, QStyle,
                               QWidget)

from brandmark.errors import RefusedInput
from brandmark.store import guard

_OPTIONS = (QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.DontUseCustomDirectoryIcons)


class QtNameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file's name and kind, never from its content.

    Qt's default provider asks ``QMimeDatabase`` (and the platform theme, GIO on GNOME),
    which open a file whose name does not settle its type: exactly the database files.
    """

    def __init__(self) -> None:
        super().__init__()
        style = QApplication.style()
        pixmap = QStyle.StandardPixmap
        self._file = style.standardIcon(pixmap.SP_FileIcon)
        self._folder = style.standardIcon(pixmap.SP_DirIcon)
        self._drive = style.standardIcon(pixmap.SP_DriveHDIcon)
        self._computer = style.standardIcon(pixmap.SP_ComputerIcon)
        self._desktop = style.standardIcon(pixmap.SP_DesktopIcon)
        self._trash = style.standardIcon(pixmap.SP_TrashIcon)
        self._network = style.standardIcon(pixmap.SP_DriveNetIcon)

    def icon(self, what):  # noqa: D401 — Qt's overloads: icon(IconType) and icon(QFileInfo)
        kinds = QFileIconProvider.IconType
        if isinstance(what, QFileInfo):
            # isDir/isRoot read the directory entry (stat), never the file.
            if what.isRoot():
                return self._drive
            return self._folder if what.isDir() else self._file
        return {kinds.Computer: self._computer, kinds.Desktop: self._desktop, kinds.Trashcan: self._trash,
                kinds.Network: self._network, kinds.Drive: self._drive,
                kinds.Folder: self._folder}.get(what, self._file)

    def type(self, info: QFileInfo) -> str:  # noqa: A003 — Qt's name
        if info.isRoot():
            return QCoreApplication.translate("QtFileDialogs", "Drive")
        if info.isDir():
            return QCoreApplication.translate("QtFileDialogs", "Folder")
        suffix = info.suffix()
        if suffix:
            return QCoreApplication.translate("QtFileDialogs", "{0} file").format(suffix.upper())
        return QCoreApplication.translate("QtFileDialogs", "File")


class QtHideRegisterFiles(QSortFilterProxyModel):
    """Leaves out the rows of the register's database and its ``-wal``/``-shm``/``-journal``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.guarded = guard.Guarded()
        self._names = {path.name for path in self.guarded.files}

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 — Qt's name
        model = self.sourceModel()
        if not isinstance(model, QFileSystemModel):
            return True
        index = model.index(source_row, 0, source_parent)
        if model.fileName(index) not in self._names:      # the cheap test first: most rows end here
            return True
        return not self.guarded.is_live_database_file(model.filePath(index))


def make_file_dialog(parent: QWidget | None, caption: str, directory: str = "", filter: str = "") -> QFileDialog:  # noqa: A002
    """A ``QFileDialog`` that reads no file's content and lists none of the register's files."""
    dialog = QFileDialog(parent, caption, directory, filter)
    dialog.setOptions(dialog.options() | _OPTIONS)
    dialog.setIconProvider(QtNameOnlyIconProvider())
    dialog.setProxyModel(QtHideRegisterFiles(dialog))
    return dialog


def _language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def _refuse_register_files(parent: QWidget | None, caption: str, paths: list[str]) -> bool:
    """True (after telling the user) when one of ``paths`` is the register's own."""
    for path in paths:
        try:
            guard.refuse_if_register_file(path)
        except RefusedInput as exc:
            QMessageBox.warning(parent, caption, exc.message(_language()))
            return True
    return False


def _run(dialog: QFileDialog, parent: QWidget | None, caption: str) -> list[str]:
    if not dialog.exec():
        return []
    chosen = dialog.selectedFiles()
    return [] if _refuse_register_files(parent, caption, chosen) else chosen


def open_file_name(parent: QWidget | None, caption: str, directory: str = "",
                   filter: str = "") -> tuple[str, str]:  # noqa: A002 — QFileDialog's name
    """Like ``QFileDialog.getOpenFileName``: ``(path, chosen filter)``, ``""`` when cancelled."""
    dialog = make_file_dialog(parent, caption, directory, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog, parent, caption)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def open_file_names(parent: QWidget | None, caption: str, directory: str = "",
                    filter: str = "") -> tuple[list[str], str]:  # noqa: A002
    """Like ``QFileDialog.getOpenFileNames``: ``([paths], chosen filter)``."""
    dialog = make_file_dialog(parent, caption, directory, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    chosen = _run(dialog, parent, caption)
    return (chosen, dialog.selectedNameFilter()) if chosen else ([], "")


def save_file_name(parent: QWidget | None, caption: str, directory: str = "",
                   filter: str = "") -> tuple[str, str]:  # noqa: A002
    """Like ``QFileDialog.getSaveFileName`` (asks before replacing a file)."""
    dialog = make_file_dialog(parent, caption, directory, filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog, parent, caption)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """Like ``QFileDialog.getExistingDirectory``."""
    dialog = make_file_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog, parent, caption)
    return chosen[0] if chosen else ""


__all__ = ["QtHideRegisterFiles", "QtNameOnlyIconProvider", "existing_directory", "make_file_dialog",
           "open_file_name", "open_file_names", "save_file_name"]
