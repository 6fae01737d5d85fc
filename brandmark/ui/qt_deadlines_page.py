"""The deadlines page (认证时限): every open clock, overdue first in red, and an assessment's clock.

Rows come from ``store.deadlines.list`` (the same list as ``brandmark-cli deadlines``);
the page only shows them. Double-clicking an assessment's row opens its walk-through.

>>> page = QtDeadlinesPage(context)          # doctest: +SKIP
>>> clock = QtAssessmentClock(context)       # doctest: +SKIP
>>> clock.show_for(assessment_id)            # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from brandmark.errors import Problem
from brandmark.ui.qt_i18n import problem_message, window_language

OVERDUE_RED = "#b22a2a"
SOON_AMBER = "#9a6700"
SOON_DAYS = 5

def step_name(step: str) -> str:
    names = {"acceptance": QCoreApplication.translate("QtDeadlinesPage", "Acceptance"),
             "decision": QCoreApplication.translate("QtDeadlinesPage", "Certification decision"),
             "corrective_action": QCoreApplication.translate("QtDeadlinesPage", "Corrective action"),
             "surveillance": QCoreApplication.translate("QtDeadlinesPage", "Surveillance visit")}
    return names.get(step, step)


def subject(row: dict) -> str:
    kind = row["kind"]
    if kind == "application":
        return QCoreApplication.translate("QtDeadlinesPage", "Application #{0}").format(row["id"])
    if kind == "assessment":
        return QCoreApplication.translate("QtDeadlinesPage", "Assessment #{0}").format(row["id"])
    if kind == "corrective_action":
        return QCoreApplication.translate("QtDeadlinesPage", "Finding #{0} ({1})").format(row["id"], row.get("item", ""))
    if kind == "surveillance":
        return QCoreApplication.translate("QtDeadlinesPage", "Certificate {0}").format(row.get("certificate", ""))
    return f"{kind} #{row['id']}"


def due_text(row: dict) -> str:
    """The due date; one counted Monday to Friday past the calendar's data says it is provisional."""
    if row.get("due_provisional"):
        return QCoreApplication.translate("QtDeadlinesPage", "{0} (provisional)").format(row["due_on"])
    return row["due_on"] or "?"


def days_left_text(row: dict) -> str:
    if row.get("problem"):
        return QCoreApplication.translate("QtDeadlinesPage", "calendar does not cover the date")
    left = row.get("working_days_left")
    if left is None:
        return "—"
    if row["overdue"]:
        text = QCoreApplication.translate("QtDeadlinesPage", "overdue by {0} working days").format(-left)
    else:
        text = QCoreApplication.translate("QtDeadlinesPage", "{0} working days left").format(left)
    if row.get("provisional"):
        text = QCoreApplication.translate("QtDeadlinesPage", "about {0}").format(text)
    return text


def explanation(row: dict) -> str:
    """The tooltip: why a date is missing or provisional, in the window's language, else the rule."""
    if row.get("problem"):
        return row["problem"]["message"]
    note = row.get("provisional_note")
    if note:
        return problem_message(Problem(note["code"], ("date",), {"year": note["year"]}), window_language())
    return row.get("clause") or ""


def colour_for(row: dict) -> str | None:
    if row["overdue"]:
        return OVERDUE_RED
    left = row.get("working_days_left")
    if left is not None and left <= SOON_DAYS:
        return SOON_AMBER
    return None


class QtDeadlinesPage(QWidget):
    open_assessment_requested = Signal(int)

    COLUMNS = 6

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.rows: list[dict] = []
        title = QLabel(self.tr("Deadlines"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("deadlinesSummary")
        self.only_overdue = QCheckBox(self.tr("Only overdue"))
        self.only_overdue.toggled.connect(self.refresh)
        self.within = QSpinBox()
        self.within.setRange(0, 1000)
        self.within.setSpecialValueText(self.tr("any time"))
        self.within.setSuffix(self.tr(" working days"))
        self.within.valueChanged.connect(self.refresh)
        within_label = QLabel(self.tr("Due within"))
        self.calendar_button = QPushButton(self.tr("Working &calendar…"))
        self.calendar_button.setObjectName("workingCalendar")
        self.calendar_button.setToolTip(self.tr("The body's closure days, and a later year's official schedule"))
        self.calendar_button.clicked.connect(lambda: self.open_calendar())
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Due"), self.tr("Time left"), self.tr("Step"), self.tr("For"), self.tr("Applicant"),
            self.tr("Rule")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 200, 150, 170, 240)):
            self.table.setColumnWidth(column, width)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.note = QLabel(self.tr("Working days follow the mainland China calendar (public holidays and adjusted "
                                   "working weekends) with the body's own closure days (brandmark-cli calendar)."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6a737d;")
        self.provisional_note = QLabel()
        self.provisional_note.setObjectName("provisionalNote")
        self.provisional_note.setWordWrap(True)
        self.provisional_note.setStyleSheet(f"color: {SOON_AMBER};")
        self.provisional_note.hide()

        filters = QHBoxLayout()
        filters.addWidget(self.only_overdue)
        filters.addSpacing(16)
        filters.addWidget(within_label)
        filters.addWidget(self.within)
        filters.addStretch(1)
        filters.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.provisional_note)
        layout.addWidget(self.note)
        context.changed.connect(lambda _topic: self.refresh())
        self.refresh()

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self, *_args) -> None:
        within = self.within.value() or None
        self.rows = self.context.store.deadlines.list(overdue=self.only_overdue.isChecked(), within=within)
        overdue = sum(r["overdue"] for r in self.rows)
        self.summary.setText(self.tr("Today {0} · {1} open · {2} overdue").format(
            self.context.store.today().isoformat(), len(self.rows), overdue))
        provisional = next((r for r in self.rows if r.get("provisional")), None)
        self.provisional_note.setVisible(provisional is not None)
        if provisional is not None:
            self.provisional_note.setText(explanation(provisional))
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            values = (due_text(row), days_left_text(row), step_name(row["step"]), subject(row),
                      row.get("applicant_name") or "", row.get("clause") or "")
            colour = colour_for(row)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(str(value))
                if colour:
                    cell.setForeground(QBrush(QColor(colour)))
                if row.get("problem") or row.get("provisional"):
                    cell.setToolTip(explanation(row))
                if row.get("provisional") and column < 2:
                    font = cell.font()
                    font.setItalic(True)
                    cell.setFont(font)
                self.table.setItem(index, column, cell)

    def open_calendar(self):
        """The body's working calendar (``qt_calendar_dialog``); returns the dialog."""
        from brandmark.ui.qt_calendar_dialog import QtCalendarDialog

        self.calendar_dialog = QtCalendarDialog(self.context, parent=self)
        self.calendar_dialog.open()
        return self.calendar_dialog

    def _double_clicked(self, index: int, _column: int) -> None:
        row = self.rows[index]
        assessment_id = row.get("assessment_id")
        if assessment_id:
            self.open_assessment_requested.emit(int(assessment_id))


class QtAssessmentClock(QLabel):
    """One assessment's decision clock ("decision due 2026-06-30 · 12 working days left")."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("assessmentClock")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_for(self, assessment_id: int | None) -> None:
        row = None if assessment_id is None else self.context.store.deadlines.for_assessment(assessment_id)
        if row is None:
            self.clear()
            self.hide()
            return
        self.setText(self.tr("Decision due {0} · {1}").format(due_text(row), days_left_text(row)))
        colour = colour_for(row) or "#24292f"
        self.setStyleSheet(f"color: {colour}; font-weight: {'bold' if row['overdue'] else 'normal'};")
        self.setToolTip(explanation(row))
        self.show()
