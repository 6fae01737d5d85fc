"""File → Import applicants… / Import products…: a spreadsheet into the register, through
the core import the CLI uses (``brandmark.imports``, ``brandmark-cli applicants import``).

1. The user chooses an ``.xlsx`` or ``.csv`` file (``qt_file_dialogs``, purpose "imports").
2. The file is checked off the GUI thread (a dry run): the first rows are shown with the
   column each header was found as, and the headers the import does not know are named;
   every problem is listed by row, column and reason, in the window's language (the core's
   message catalogue).
3. The user chooses all-or-nothing (one bad row imports nothing) or skipping the bad rows
   (written with their reasons to ``NAME.errors.xlsx`` beside the file, as the CLI does).
4. The import runs off the GUI thread with progress; Cancel writes nothing. The result
   says how many rows were imported and skipped, and the registers are told to refresh.

>>> dialog = QtImportDialog(context, window, kind="applicants")   # doctest: +SKIP
>>> dialog.check_file("/home/me/企业名单.xlsx")                    # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QRadioButton, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from brandmark.errors import Cancelled
from brandmark.messages import catalogue
from brandmark.ui import qt_file_dialogs

KINDS = ("applicants", "products")
CANCELLED = "cancelled"       # what the import's work returns when the user cancelled it


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def problem_place(problem) -> tuple[int | None, str | None]:
    """A problem's data row and field name (None, None for the whole file), as ``ImportResult.errors``."""
    field = problem.field
    if field[:1] == ("row",) and len(field) > 1:
        return field[1], (field[2] if len(field) > 2 else None)
    return None, None


class QtProblemsModel(QAbstractTableModel):
    """The problem list: row, column (the file's header) and reason, each reason put into
    words only when the view shows it (a file can have tens of thousands of bad rows)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.problems: list = []
        self.columns: dict[str, str] = {}
        self.language = "zh_CN"
        self.headers = ["", "", ""]
        self._messages: dict[int, str] = {}

    def set_problems(self, problems, columns: dict[str, str], language: str) -> None:
        self.beginResetModel()
        self.problems, self.columns, self.language, self._messages = list(problems), dict(columns), language, {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 — Qt API
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 — Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return self.headers[section]
        return None

    def text(self, position: int, column: int) -> str:
        problem = self.problems[position]
        row, name = problem_place(problem)
        if column == 0:
            return "" if row is None else str(row)
        if column == 1:
            return "" if name is None else self.columns.get(name, name)
        if position not in self._messages:
            self._messages[position] = problem.message(self.language)
        return self._messages[position]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.problems):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() < 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class QtImportDialog(QDialog):
    """``imported(result)`` once rows went into the register (``ImportResult.to_dict()``)."""

    imported = Signal(dict)

    def __init__(self, context, parent: QWidget | None = None, kind: str = "applicants"):
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.context, self.kind = context, kind
        self.path: Path | None = None
        self.checked = None            # the dry run's ImportResult
        self.bad_rows = 0              # data rows with a problem in it
        self.file_problem = False      # a problem with the whole file (a missing column): nothing can be imported
        self.result = None             # the import's ImportResult, once done
        self.cancelled = False
        self.setObjectName("importDialog")
        self.setWindowTitle(self.title())
        self.resize(900, 640)

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen yet"))
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.clicked.connect(lambda: self.choose_file())
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.choose_button)
        file_row = QHBoxLayout()
        file_row.addWidget(file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)

        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.columns_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = self._table()
        preview_box = QGroupBox(self.tr("First rows and the columns found"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.columns_label)
        preview_layout.addWidget(self.preview)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.problems_model = QtProblemsModel(self)
        self.problems_model.headers = [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        self.problems = QTableView()
        self.problems.setModel(self.problems_model)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setAlternatingRowColors(True)
        self.problems.setWordWrap(False)
        self.problems.verticalHeader().hide()
        # Fixed row heights: the view measures only the rows it shows.
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.problems.setColumnWidth(0, 60)
        self.problems.setColumnWidth(1, 150)
        self.problems.horizontalHeader().setStretchLastSection(True)
        problems_box = QGroupBox(self.tr("Problems"))
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.addWidget(self.summary_label)
        problems_layout.addWidget(self.problems)

        self.all_or_nothing = QRadioButton(self.tr("&All or nothing: import nothing while any row has a problem"))
        self.skip_invalid = QRadioButton(self.tr("&Skip the rows with problems (they are saved with their reasons "
                                                 "beside the file)"))
        self.all_or_nothing.setChecked(True)
        self.choice = QButtonGroup(self)
        for button in (self.all_or_nothing, self.skip_invalid):
            self.choice.addButton(button)
            button.toggled.connect(lambda _on: self._update_buttons())

        self.result_label = QLabel()
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(self.tr("&Import"))
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(lambda: self.start_import())
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(preview_box, 3)
        layout.addWidget(problems_box, 2)
        layout.addWidget(self.all_or_nothing)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._update_buttons()
        self.choose_button.setFocus()

    def title(self) -> str:
        return self.tr("Import applicants") if self.kind == "applicants" else self.tr("Import products")

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 0)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        return table

    def _language(self) -> str:
        return "zh_CN" if self.context.language.startswith("zh") else "en"

    def field_name(self, name: str) -> str:
        """A column the import knows, as the message catalogue names it (名称 / name)."""
        return catalogue(self._language()).get("fields", {}).get(name, name)

    # -- choosing and checking ---------------------------------------------------------
    def choose_file(self) -> bool:
        chosen, _filter = qt_file_dialogs.open_file_name(
            self, self.title(), "", self.tr("Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"),
            purpose="imports")
        if not chosen:
            return False
        self.check_file(chosen)
        return True

    def _import_function(self):
        from brandmark.imports import core

        return core.import_applicants if self.kind == "applicants" else core.import_products

    def check_file(self, path: str | Path) -> None:
        """Read and check the file (a dry run, nothing written), then show what it found."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.checked, self.result, self.cancelled = None, None, False
        self.result_label.clear()
        self.summary_label.setText(self.tr("Checking the file…"))
        self._update_buttons()
        importer = self._import_function()
        target = self.path

        def work(store, progress):
            from brandmark.imports import ImportRefused

            try:
                return importer(store, target, dry_run=True, progress=progress)
            except ImportRefused as refused:
                return refused.result
            except Cancelled:
                return CANCELLED

        self.context.run_operation(self, self.tr("Checking {0}").format(self.path.name), work,
                                   on_done=self.show_check, on_error=self._refused)

    def _refused(self, exc: Exception) -> None:
        """The file could not be read at all (not a spreadsheet, unreadable, no header row)."""
        from brandmark.ui.qt_i18n import localized_message

        self.checked = None
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.problems_model.set_problems([], {}, self._language())
        self.columns_label.clear()
        self.summary_label.setText(localized_message(exc, self._language()))
        self._update_buttons()

    def show_check(self, result) -> None:
        if result == CANCELLED:
            self.summary_label.setText(self.tr("The check was cancelled."))
            self._update_buttons()
            return
        self.checked = result
        places = [problem_place(problem) for problem in result.problems]
        self.bad_rows = len({row for row, _ in places if row is not None})
        self.file_problem = any(row is None for row, _ in places)
        self._show_preview(result)
        self.problems_model.set_problems(result.problems, result.columns, self._language())
        bad = self.bad_rows
        if self.file_problem:
            self.summary_label.setText(self.tr("The file cannot be imported as it is:"))
        elif bad:
            self.summary_label.setText(
                self.tr("%n row(s) read", "", result.rows) + self.tr("; %n with problems", "", bad)
                + self.tr("; %n can be imported.", "", result.rows - bad))
        else:
            self.summary_label.setText(self.tr("%n row(s) read, no problems: all can be imported.", "", result.rows))
        self._update_buttons()

    def _show_preview(self, result) -> None:
        headers = list(result.headers)
        found = {header: name for name, header in result.columns.items()}
        labels = []
        not_imported = self.tr("(not imported)")
        for header in headers:
            if header in found:
                labels.append(f"{header}\n→ {self.field_name(found[header])}")
            elif str(header).strip():
                labels.append(f"{header}\n{not_imported}")
            else:
                labels.append("")
        self.preview.clear()
        self.preview.setColumnCount(len(headers) + 1)
        self.preview.setHorizontalHeaderLabels([self.tr("Row")] + labels)
        self.preview.setRowCount(len(result.preview))
        for position, (number, cells) in enumerate(result.preview):
            self.preview.setItem(position, 0, QTableWidgetItem(str(number)))
            for column, value in enumerate(cells[:len(headers)]):
                self.preview.setItem(position, column + 1, QTableWidgetItem(_cell_text(value)))
        self.preview.resizeColumnsToContents()
        mapped = "、".join(f"{result.columns[name]} → {self.field_name(name)}" for name in result.columns) \
            if self._language() == "zh_CN" else \
            ", ".join(f"{result.columns[name]} → {self.field_name(name)}" for name in result.columns)
        text = self.tr("Columns found: {0}").format(mapped or "—")
        if result.unknown_columns:
            separator = "、" if self._language() == "zh_CN" else ", "
            text += "\n" + self.tr("Not imported (unknown columns): {0}").format(separator.join(result.unknown_columns))
        if result.encoding:
            text += "\n" + self.tr("Text encoding: {0}").format(result.encoding)
        self.columns_label.setText(text)

    def _update_buttons(self) -> None:
        checked = self.checked
        can = checked is not None and not self.file_problem and self.result is None
        if can:
            bad = self.bad_rows
            can = (checked.rows - bad) > 0 and (bad == 0 or self.skip_invalid.isChecked())
        self.import_button.setEnabled(bool(can))

    # -- importing ---------------------------------------------------------------------
    def start_import(self) -> bool:
        """Import the checked file with the chosen way; False when there is nothing to import."""
        if self.path is None or self.checked is None or not self.import_button.isEnabled():
            return False
        importer = self._import_function()
        target, skip = self.path, self.skip_invalid.isChecked()
        actor = self.context.user_name or ""
        self.import_button.setEnabled(False)

        def work(store, progress):
            try:
                return importer(store, target, skip_invalid=skip, actor=actor, progress=progress)
            except Cancelled:
                return CANCELLED

        self.context.run_operation(self, self.tr("Importing {0}").format(target.name), work,
                                   on_done=self.show_result, on_error=self._import_refused)
        return True

    def _import_refused(self, exc: Exception) -> None:
        """The file changed since it was checked, or a row became a duplicate: show again."""
        from brandmark.imports import ImportRefused

        if isinstance(exc, ImportRefused):
            self.show_check(exc.result)
            self.result_label.setText(self.tr("Nothing was imported: the file has problems now."))
        else:
            self._refused(exc)

    def show_result(self, result) -> None:
        if result == CANCELLED:
            self.cancelled = True
            self.result_label.setText(self.tr("Cancelled: nothing was imported."))
            self._update_buttons()
            return
        self.result = result
        text = self.tr("Imported %n row(s)", "", result.imported) + self.tr("; skipped %n.", "", result.skipped)
        if result.error_file:
            text += "\n" + self.tr("The skipped rows and their reasons: {0}").format(result.error_file)
        self.result_label.setText(text)
        self._update_buttons()
        self.context.notify("applicants")
        self.imported.emit(result.to_dict())
