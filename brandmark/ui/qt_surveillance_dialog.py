"""Surveillance from the certificates page: the due list, opening a visit, recording its result.

The due list shows every open visit of a certificate in force due within the next 90
days, overdue ones first in red (``store.surveillance.due_visits``). From it a clerk opens
a visit (an assessment of kind ``surveillance`` answering the surveyed items; the
walk-through then opens on it), records a decided visit's result (maintain, suspend,
withdraw, with the reason: the signed-in person decides, under the impartiality rules the
store applies) or adds an extra visit after a substantiated complaint or a failed sampling.

The dialogs are thin: each button calls one method, and those methods are what the tests
drive.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QInputDialog, QLabel, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from brandmark.errors import RefusedInput
from brandmark.certificates.statuses import SURVEILLANCE_RESULTS
from brandmark.ui.qt_score_panel import verdict_name

OVERDUE_COLOUR = QColor("#b3261e")
DUE_WITHIN_DAYS = 90


def acting_person(context):
    """Who acts in the window: the signed-in person (by id), else the name typed at start."""
    person = getattr(context, "person", None)
    return person["id"] if person else context.user_name


def open_walkthrough(widget, assessment_id: int) -> bool:
    """Show the walk-through of ``assessment_id`` when the page sits in the main window."""
    opener = getattr(widget.window(), "open_assessment", None)
    if opener is None:
        return False
    opener(assessment_id)
    return True


class QtSurveillanceDialog(QDialog):
    """The due list and the actions on one of its visits."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.context = page.context
        self.rows: list[dict] = []
        self.setWindowTitle(self.tr("Surveillance due"))
        self.reasons = {"scheduled": self.tr("Yearly"), "complaint": self.tr("Complaint (substantiated)"),
                        "failed_sampling": self.tr("Failed sampling")}
        self.heading = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Certificate"), self.tr("Holder"),
                                              self.tr("Why due"), self.tr("Status"), self.tr("Visit")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (1, 170), (3, 150), (4, 80), (5, 110)):
            self.table.setColumnWidth(column, width)
        self.empty_label = QLabel(self.tr("No surveillance visit is due in the next 90 days."))
        self.open_button = QPushButton(self.tr("&Open visit…"))
        self.result_button = QPushButton(self.tr("&Record result…"))
        self.extra_button = QPushButton(self.tr("&Extra visit…"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.result_button, self.extra_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.open_button.clicked.connect(self.ask_open_visit)
        self.result_button.clicked.connect(self.ask_record_result)
        self.extra_button.clicked.connect(self.ask_extra_visit)
        self.resize(820, 420)
        self.refresh()

    # -- the list ---------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.context.store
        today = store.today()
        self.rows = store.surveillance.due_visits(today + dt.timedelta(days=DUE_WITHIN_DAYS))
        overdue = sum(1 for r in self.rows if r["overdue"])
        self.heading.setText(self.tr("Visits due by {0}: {1}, of which overdue: {2}")
                             .format((today + dt.timedelta(days=DUE_WITHIN_DAYS)).isoformat(), len(self.rows), overdue))
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            visit = (self.tr("#{0} open").format(row["assessment_id"]) if row["assessment_id"]
                     else self.tr("not started"))
            cells = (row["due_on"], row["number"], row["holder_name"], self.reasons.get(row["reason"], row["reason"]),
                     self.page.status_labels.get(row["status"], row["status"]), visit)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row["overdue"]:
                    item.setForeground(OVERDUE_COLOUR)
                    item.setToolTip(self.tr("Overdue since {0}").format(row["due_on"]))
                elif row.get("reason_note"):
                    item.setToolTip(row["reason_note"])
                self.table.setItem(index, column, item)
        self.empty_label.setVisible(not self.rows)
        if self.rows:
            self.table.selectRow(0)
        self._selection_changed()

    def overdue_rows(self) -> list[int]:
        """The rows painted red (for tests and screenshots)."""
        return [i for i in range(self.table.rowCount()) if self.table.item(i, 0).foreground().color() == OVERDUE_COLOUR]

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select_visit(self, visit_id: int) -> None:
        for index, row in enumerate(self.rows):
            if row["id"] == visit_id:
                self.table.selectRow(index)

    def _selection_changed(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(bool(row) and not row["assessment_id"])
        self.result_button.setEnabled(bool(row) and bool(row["assessment_id"]))
        self.extra_button.setEnabled(self.extra_visit_number() is not None)

    # -- actions (one store call each) ---------------------------------------------------
    def open_visit(self, visit: dict, assessor) -> dict:
        opened = self.context.store.surveillance.open_visit(visit["number"], assessor=assessor, visit_id=visit["id"])
        self.context.notify("assessments")
        self.refresh()
        self.select_visit(opened["id"])
        return opened

    def record_result(self, visit: dict, result: str, reason: str) -> dict:
        done = self.context.store.surveillance.decide(visit["assessment_id"], result, by=acting_person(self.context),
                                                      reason=reason)
        self.context.notify("certificates")
        self.page.refresh()
        self.refresh()
        return done

    def schedule(self, number: str, reason: str, note: str, due: dt.date | None = None) -> dict:
        visit = self.context.store.surveillance.schedule(number, reason=reason, note=note, due_on=due,
                                                         by=acting_person(self.context))
        self.context.notify("certificates")
        self.page.refresh()
        self.refresh()
        self.select_visit(visit["id"])
        return visit

    # -- the prompts ---------------------------------------------------------------------
    def assessors(self, scheme_id: str) -> list[dict]:
        return [p for p in self.context.store.people.list(active=True, role="assessor")
                if scheme_id in p["schemes"]]

    def ask_open_visit(self) -> None:
        visit = self.selected()
        if not visit or visit["assessment_id"]:
            return
        cert = self.context.store.certificates.get(visit["number"])
        people = self.assessors(cert["scheme_id"])
        names = [f"{p['name']} (#{p['id']})" for p in people]
        if not names:
            QMessageBox.information(self, self.windowTitle(), self.tr("No active assessor is registered for this "
                                                                      "scheme."))
            return
        choice, ok = QInputDialog.getItem(self, self.tr("Open a surveillance visit"),
                                          self.tr("Assessor of the visit:"), names, 0, False)
        if not ok:
            return
        try:
            opened = self.open_visit(visit, people[names.index(choice)]["id"])
        except RefusedInput as exc:
            self.context.show_refusal(self, self.windowTitle(), exc)
            return
        findings = self.context.store.surveillance.previous_findings(visit["number"], before=opened["assessment_id"])
        text = self.tr("Visit started as assessment #{0}.").format(opened["assessment_id"])
        if findings:
            text += "\n\n" + self.tr("Earlier nonconformities to check again:") + "\n" + "\n".join(
                f"#{f['assessment_id']} {f['item_id']} {f['grade']} — {f['description']}" for f in findings)
        if QMessageBox.question(self, self.windowTitle(), text + "\n\n" + self.tr("Open its walk-through now?")) \
                == QMessageBox.StandardButton.Yes and open_walkthrough(self.page, opened["assessment_id"]):
            self.accept()

    def ask_record_result(self) -> None:
        visit = self.selected()
        if visit and visit["assessment_id"]:
            QtSurveillanceResultDialog(self, visit).exec()

    def extra_visit_number(self) -> str | None:
        """The certificate an extra visit is for: the visit chosen here, else the one chosen on the page."""
        visit = self.selected()
        if visit:
            return visit["number"]
        numbers = self.page.selected_numbers()
        return numbers[0] if len(numbers) == 1 else None

    def ask_extra_visit(self) -> None:
        number = self.extra_visit_number()
        if number:
            QtExtraVisitDialog(self, number).exec()


class QtSurveillanceResultDialog(QDialog):
    """A visit's verdict, then its result and reason; records the decision on OK."""

    def __init__(self, owner: QtSurveillanceDialog, visit: dict):
        super().__init__(owner)
        self.owner, self.visit = owner, visit
        store = owner.context.store
        self.setWindowTitle(self.tr("Surveillance result for {0}").format(visit["number"]))
        score = store.assessments.score(visit["assessment_id"])
        self.verdict_label = QLabel(self.tr("Verdict of visit #{0}: {1} (total {2:.2f}; {3} of {4} items answered)")
                                    .format(visit["assessment_id"], verdict_name(score.verdict), score.total,
                                            score.answered, score.items))
        self.verdict_label.setWordWrap(True)
        self.result_combo = QComboBox()
        names = {"maintain": self.tr("Maintain"), "suspend": self.tr("Suspend"), "withdraw": self.tr("Withdraw")}
        for result in SURVEILLANCE_RESULTS:
            self.result_combo.addItem(names[result], result)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("Why (needed to suspend or withdraw; kept with the status change)"))
        form = QFormLayout()
        form.addRow(self.tr("Result"), self.result_combo)
        form.addRow(self.tr("Reason"), self.reason_edit)
        note = QLabel(self.tr("You decide as the person signed in; whoever carried out the visit cannot."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict_label)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(480, 300)

    def accept(self) -> None:
        try:
            self.owner.record_result(self.visit, self.result_combo.currentData(), self.reason_edit.toPlainText())
        except RefusedInput as exc:
            self.owner.context.show_refusal(self, self.windowTitle(), exc)
            return
        super().accept()


class QtExtraVisitDialog(QDialog):
    """An extra visit after a substantiated complaint or a failed sampling."""

    def __init__(self, owner: QtSurveillanceDialog, number: str):
        super().__init__(owner)
        self.owner, self.number = owner, number
        self.setWindowTitle(self.tr("Extra visit for {0}").format(number))
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(owner.reasons["complaint"], "complaint")
        self.reason_combo.addItem(owner.reasons["failed_sampling"], "failed_sampling")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("What happened (the complaint, the sampling)"))
        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        today = owner.context.store.today()
        due = owner.context.store.surveillance.followup_due(number)
        self.due_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        form = QFormLayout()
        form.addRow(self.tr("Why"), self.reason_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(self.tr("Due"), self.due_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        date = self.due_edit.date()
        try:
            self.owner.schedule(self.number, self.reason_combo.currentData(), self.note_edit.toPlainText(),
                                dt.date(date.year(), date.month(), date.day()))
        except RefusedInput as exc:
            self.owner.context.show_refusal(self, self.windowTitle(), exc)
            return
        super().accept()


__all__ = ["QtSurveillanceDialog", "QtSurveillanceResultDialog", "QtExtraVisitDialog", "acting_person"]
