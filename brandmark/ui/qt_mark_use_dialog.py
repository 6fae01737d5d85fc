"""The mark use of one certificate (标志使用): what its holder reported, year by year, and a form
to record the next report (``store.mark_use``, the same as ``brandmark-cli certificates
mark-use``). Opened from the certificates page (Mark use…, Alt+M).

A refusal (a year the certificate was not in force, a record already there…) is shown in
the window's language and nothing is written; ticking "Replace" corrects a record.

>>> QtMarkUseDialog(page, "BM-ZJM-2026-00001").record(2026, "packaging", 1200, "礼盒")   # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.certificates.mark_uses import FIRST_YEAR, MAX_MARKS, USE_LABELS, USES
from brandmark.ui.qt_register_export import QtRegisterExporter


class QtMarkUseDialog(QDialog):
    def __init__(self, page: QWidget, number: str):
        super().__init__(page)
        self.page, self.context, self.number = page, page.context, number
        self.setWindowTitle(self.tr("Mark use: {0}").format(number))
        self.english = getattr(self.context, "language", "zh_CN") != "zh_CN"
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("markUseTable")
        self.table.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Used on"), self.tr("Marks"), self.tr("Note"),
                                              self.tr("Recorded by")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)    # the note
        self.table.setAccessibleName(self.tr("Mark use recorded"))

        this_year = self.context.store.today().year
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, this_year)
        self.year.setValue(this_year)
        self.used_on = QComboBox()
        for key in USES:
            zh, en = USE_LABELS[key]
            self.used_on.addItem(en if self.english else zh, key)
        self.marks = QSpinBox()
        self.marks.setRange(0, min(MAX_MARKS, 2**31 - 1))
        self.marks.setGroupSeparatorShown(True)
        self.note = QLineEdit()
        self.by = QLineEdit(getattr(self.context, "user_name", "") or "")
        self.replace = QCheckBox(self.tr("&Replace the record of that year and use"))
        form = QFormLayout()
        for text, field in ((self.tr("&Year"), self.year), (self.tr("Used &on"), self.used_on),
                            (self.tr("Marks printed or applie&d"), self.marks), (self.tr("No&te"), self.note),
                            (self.tr("Recorded &by"), self.by)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.replace)
        self.record_button = QPushButton(self.tr("Re&cord"))
        self.record_button.clicked.connect(self._record_clicked)
        # This certificate's records as the table lists them, through the register export.
        self.export_button = QPushButton(self.tr("&Export table…"))
        self.export_button.setToolTip(self.tr("Save the mark use this table lists to an Excel workbook or a CSV file"))
        self.exporter = QtRegisterExporter(self.context, self, "mark-use", lambda: {"number": self.number})
        self.export_button.clicked.connect(lambda: self.exporter.export())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("What the holder reported: the marks it printed or applied in the year, on each use. "
                              "A year the certificate was not in force on any day (suspended, withdrawn, cancelled "
                              "or expired the whole year) is refused."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6a737d;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(640, 460)
        self.refresh()

    def records(self) -> list[dict]:
        return self.context.store.mark_use.list(number=self.number)

    def refresh(self) -> None:
        rows = self.records()
        self.export_button.setEnabled(bool(rows))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            zh, en = USE_LABELS.get(row["used_on"], (row["used_on"], row["used_on"]))
            for c, value in enumerate((str(row["year"]), en if self.english else zh, f"{row['marks']:,}",
                                       row["note"], row["recorded_by"])):
                cell = QTableWidgetItem(value)
                if c in (0, 2):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)

    def record(self, year: int, used_on: str, marks: int, note: str = "", *, by: str | None = None,
               replace: bool = False) -> dict | None:
        """Record one report (by the person in the form, the one signed in at first); None, and
        the refusal shown, when it is refused."""
        by = self.by.text() if by is None else by
        try:
            saved = self.context.store.mark_use.record(self.number, year=year, used_on=used_on, marks=marks,
                                                       note=note, by=by, replace=replace)
        except RefusedInput as exc:
            self.context.show_refusal(self, self.tr("Mark use"), exc)
            return None
        self.refresh()
        self.context.notify("certificates")
        return saved

    def _record_clicked(self) -> None:
        if self.record(self.year.value(), self.used_on.currentData(), self.marks.value(), self.note.text(),
                       replace=self.replace.isChecked()) is not None:
            self.note.clear()
            self.replace.setChecked(False)
