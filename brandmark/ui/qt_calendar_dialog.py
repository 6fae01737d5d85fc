"""The body's working calendar in the window: its own closure days, a year's official schedule
the calendar data does not know yet, and the years the body declared complete.

The same actions as ``brandmark-cli calendar add|remove|declare-year`` (``store.calendar``):
closure days may fall in any year; holidays and adjusted working days only in a year the
chinesecalendar data does not cover (the store refuses the others); declaring such a year
turns the deadlines counted in it from provisional into real dates.

>>> dialog = QtCalendarDialog(context, parent=page)     # doctest: +SKIP
>>> dialog.open()                                        # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.workdays import CLOSURE, DAY_KINDS, HOLIDAY, WORKDAY

LONGEST_RANGE = 366


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class QtCalendarDialog(QDialog):
    """The body's own days and declared years, with adding, removing and declaring."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calendarDialog")
        self.context, self.store = context, context.store
        self.setWindowTitle(self.tr("Working calendar"))
        years = self.store.calendar.years()
        first, last = years["library"]
        self.coverage = QLabel(self.tr("The mainland China calendar data covers {0}–{1}. For a later year, enter "
                                       "its official holidays and adjusted working days below, then declare it; "
                                       "until then deadlines in it are provisional (Monday to Friday).")
                               .format(first, last))
        self.coverage.setObjectName("calendarCoverage")
        self.coverage.setWordWrap(True)

        self.days = QTableWidget(0, 4, self)
        self.days.setObjectName("calendarDays")
        self.days.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Note"), self.tr("Added by")])
        self.days.verticalHeader().hide()
        self.days.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.days.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.days.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.days.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.days.itemSelectionChanged.connect(self._selection_changed)
        self.remove_button = QPushButton(self.tr("Remove the selected days"))
        self.remove_button.setObjectName("removeDays")
        self.remove_button.clicked.connect(self.remove_selected)

        today = self.store.today()
        self.first_day = QDateEdit(_qdate(today))
        self.last_day = QDateEdit(_qdate(today))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.first_day.dateChanged.connect(lambda d: self.last_day.setDate(d) if self.last_day.date() < d else None)
        self.kind = QComboBox()
        for kind in DAY_KINDS:
            self.kind.addItem(self.kind_name(kind), kind)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. body closed; Spring Festival holidays"))
        self.add_button = QPushButton(self.tr("Add the days"))
        self.add_button.setObjectName("addDays")
        self.add_button.clicked.connect(self.add_from_form)
        add_form = QFormLayout()
        add_form.addRow(self.tr("From"), self.first_day)
        add_form.addRow(self.tr("To"), self.last_day)
        add_form.addRow(self.tr("Kind"), self.kind)
        add_form.addRow(self.tr("Note"), self.note)
        add_box = QGroupBox(self.tr("Add days"))
        add_layout = QVBoxLayout(add_box)
        add_layout.addLayout(add_form)
        add_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)

        self.years = QTableWidget(0, 3, self)
        self.years.setObjectName("calendarYears")
        self.years.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Note"), self.tr("Declared by")])
        self.years.verticalHeader().hide()
        self.years.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.years.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.years.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.years.setMaximumHeight(120)
        self.year = QSpinBox()
        self.year.setRange(2000, 2200)
        self.year.setValue(max(last + 1, today.year))
        self.year_note = QLineEdit()
        self.year_note.setPlaceholderText(self.tr("e.g. the State Council's notice for that year"))
        self.declare_button = QPushButton(self.tr("Declare the year complete"))
        self.declare_button.setObjectName("declareYear")
        self.declare_button.clicked.connect(self.declare_from_form)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_note, 1)
        year_row.addWidget(self.declare_button)
        years_box = QGroupBox(self.tr("Years the body entered"))
        years_layout = QVBoxLayout(years_box)
        years_layout.addWidget(self.years)
        years_layout.addLayout(year_row)

        days_box = QGroupBox(self.tr("The body's own days"))
        days_layout = QVBoxLayout(days_box)
        days_layout.addWidget(self.days, 1)
        days_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addWidget(days_box, 3)
        columns.addWidget(add_box, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.coverage)
        layout.addLayout(columns, 1)
        layout.addWidget(years_box)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.refresh()

    def kind_name(self, kind: str) -> str:
        return {CLOSURE: self.tr("body closed (closure day)"), HOLIDAY: self.tr("public holiday (entered year)"),
                WORKDAY: self.tr("adjusted working day (entered year)")}.get(kind, kind)

    def refresh(self) -> None:
        rows = self.store.calendar.days()
        self.days.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, value in enumerate((row["day"], self.kind_name(row["kind"]), row["note"] or "",
                                            row["added_by"] or "")):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, row["day"])
                self.days.setItem(index, column, cell)
        declared = self.store.calendar.years()["declared"]
        self.years.setRowCount(len(declared))
        for index, row in enumerate(declared):
            for column, value in enumerate((str(row["year"]), row["note"] or "", row["added_by"] or "")):
                self.years.setItem(index, column, QTableWidgetItem(value))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.selected_days()))

    def selected_days(self) -> list[str]:
        rows = sorted({index.row() for index in self.days.selectedIndexes()})
        return [self.days.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in rows]

    def _changed(self) -> None:
        self.refresh()
        self.context.notify("all")       # the deadlines are counted on this calendar

    # -- acting ---------------------------------------------------------------
    def add_days(self, first: dt.date, last: dt.date, kind: str, note: str) -> bool:
        days = [first + dt.timedelta(days=n) for n in range(min((last - first).days, LONGEST_RANGE) + 1)]
        try:
            self.store.calendar.add(days, kind, note=note, by=self.context.user_name or "")
        except RefusedInput as exc:
            self.context.show_refusal(self, self.windowTitle(), exc)
            return False
        self._changed()
        return True

    def add_from_form(self) -> bool:
        return self.add_days(_date(self.first_day), _date(self.last_day), self.kind.currentData(), self.note.text())

    def remove_selected(self) -> bool:
        days = self.selected_days()
        if not days:
            return False
        try:
            self.store.calendar.remove(days, by=self.context.user_name or "")
        except RefusedInput as exc:
            self.context.show_refusal(self, self.windowTitle(), exc)
            return False
        self._changed()
        return True

    def declare_from_form(self) -> bool:
        try:
            self.store.calendar.declare_year(self.year.value(), note=self.year_note.text(),
                                             by=self.context.user_name or "")
        except RefusedInput as exc:
            self.context.show_refusal(self, self.windowTitle(), exc)
            return False
        self._changed()
        return True


__all__ = ["QtCalendarDialog"]
