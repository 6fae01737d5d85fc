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

Where a dialog starts: in the folder last used for the same *purpose* (reports,
certificates, imports, packs, evidence, backups…; kept in the settings, ``files/<purpose>``),
else in the user's documents folder (``QStandardPaths.DocumentsLocation``, else the home
folder); never in the program's working directory, where Qt would resolve a bare file
name, nor in the register's folder. A caller gives a suggested file name, or a full path
when it knows better. Without ``purpose`` the page the dialog belongs to names it
(``_PURPOSE_OF_PAGE``).

>>> path, _ = save_file_name(page, page.tr("Export status list"), "status-list.json",
...                          page.tr("Status lists (*.json)"), purpose="certificates")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QFileInfo, QLocale, QModelIndex, QSettings, QSortFilterProxyModel,
                            QStandardPaths)
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


# -- where a dialog starts --------------------------------------------------------------
# The purpose of a dialog opened by a page that does not name one (by class name, so the
# pages need not import this table).
_PURPOSE_OF_PAGE = {"QtCertificatesPage": "certificates", "QtItemForm": "evidence", "QtAssessmentPage": "evidence",
                    "QtValuationPage": "reports", "QtAssessmentsPage": "reports", "QtSchemesPage": "packs",
                    "QtRestoreDialog": "backups"}
_settings: list[QSettings] = []              # the window's settings (``use_settings``)
_remembered: dict[str, str] = {}             # without settings (tests, a dialog with no window)


def use_settings(settings: QSettings | None) -> None:
    """Remember folders in ``settings`` (the window's preferences); None: in memory only."""
    _settings[:] = [settings] if settings is not None else []


def documents_folder() -> Path:
    """The user's documents folder (home when the platform names none or it is missing)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def remembered_folder(purpose: str) -> Path | None:
    value = _settings[0].value(f"files/{purpose}", "") if _settings else _remembered.get(purpose, "")
    return Path(str(value)) if value and Path(str(value)).is_dir() else None


def remember_folder(purpose: str, chosen: str | Path) -> None:
    path = Path(chosen)
    folder = str(path if path.is_dir() else path.parent)
    if _settings:
        _settings[0].setValue(f"files/{purpose}", folder)
        _settings[0].sync()
    else:
        _remembered[purpose] = folder


def start_folder(purpose: str) -> Path:
    """Where a dialog for ``purpose`` opens: the last folder used for it, else the documents folder."""
    return remembered_folder(purpose) or documents_folder()


def purpose_of(parent: QWidget | None) -> str:
    widget = parent
    while widget is not None:
        purpose = _PURPOSE_OF_PAGE.get(type(widget).__name__)
        if purpose:
            return purpose
        widget = widget.parent() if hasattr(widget, "parent") else None
    return "files"


def _starting_path(directory: str, purpose: str) -> str:
    """A full path stays; a bare name (or nothing) goes in the purpose's start folder, not
    the working directory Qt would put it in."""
    if directory and Path(directory).is_absolute():
        return directory
    folder = start_folder(purpose)
    return str(folder / directory) if directory else str(folder)


def make_file_dialog(parent: QWidget | None, caption: str, directory: str = "", filter: str = "",  # noqa: A002
                     *, purpose: str | None = None) -> QFileDialog:
    """A ``QFileDialog`` that reads no file's content and lists none of the register's files,
    starting where ``purpose``'s dialogs last were (``directory``: a suggested name or a full path)."""
    purpose = purpose or purpose_of(parent)
    dialog = QFileDialog(parent, caption, _starting_path(directory, purpose), filter)
    dialog.setProperty("purpose", purpose)
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
    if _refuse_register_files(parent, caption, chosen):
        return []
    if chosen:
        remember_folder(dialog.property("purpose"), chosen[0])
    return chosen


def open_file_name(parent: QWidget | None, caption: str, directory: str = "",
                   filter: str = "", *, purpose: str | None = None) -> tuple[str, str]:  # noqa: A002 — QFileDialog's name
    """Like ``QFileDialog.getOpenFileName``: ``(path, chosen filter)``, ``""`` when cancelled."""
    dialog = make_file_dialog(parent, caption, directory, filter, purpose=purpose)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog, parent, caption)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def open_file_names(parent: QWidget | None, caption: str, directory: str = "",
                    filter: str = "", *, purpose: str | None = None) -> tuple[list[str], str]:  # noqa: A002
    """Like ``QFileDialog.getOpenFileNames``: ``([paths], chosen filter)``."""
    dialog = make_file_dialog(parent, caption, directory, filter, purpose=purpose)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    chosen = _run(dialog, parent, caption)
    return (chosen, dialog.selectedNameFilter()) if chosen else ([], "")


def save_file_name(parent: QWidget | None, caption: str, directory: str = "",
                   filter: str = "", *, purpose: str | None = None) -> tuple[str, str]:  # noqa: A002
    """Like ``QFileDialog.getSaveFileName`` (asks before replacing a file)."""
    dialog = make_file_dialog(parent, caption, directory, filter, purpose=purpose)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog, parent, caption)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def existing_directory(parent: QWidget | None, caption: str, directory: str = "", *,
                       purpose: str | None = None) -> str:
    """Like ``QFileDialog.getExistingDirectory``."""
    dialog = make_file_dialog(parent, caption, directory, purpose=purpose)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog, parent, caption)
    return chosen[0] if chosen else ""


__all__ = ["QtHideRegisterFiles", "QtNameOnlyIconProvider", "documents_folder", "existing_directory",
           "make_file_dialog", "open_file_name", "open_file_names", "remember_folder", "save_file_name",
           "start_folder", "use_settings"]
