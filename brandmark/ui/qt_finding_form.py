"""The nonconformity (finding) form under a conformity item: details, corrective action, closing.

A minor or major answer opens a finding in the store; this form edits it
(``update_finding``) and records that the corrective action was verified
(``close_finding``, which needs the corrective action written down first). Closing is
never one click: a dialog asks what was checked and the evidence seen, and names the
verifier, the person signed in. Findings show their number within the assessment.
Edits are saved when a field loses focus and by the Save button.

>>> form = QtFindingForm(context)                 # doctest: +SKIP
>>> form.show_item(assessment_id, "C1", read_only=False)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.formatting import local_date
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_item_editors import COLOURS


class QtFindingForm(QWidget):
    """Shows the open finding of one item (editable) and its earlier, closed ones.

    ``changed`` is emitted after a save or a close (closing a minor finding can
    change the verdict, so the page re-scores).
    """

    changed = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.assessment_id: int | None = None
        self.item_id: str | None = None
        self.finding: dict | None = None
        self.read_only = False
        self.actor = ""
        self.verification_dialog: QtFindingVerificationDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        self.clause = QLineEdit(self.box)
        self.clause.setObjectName("finding-clause")
        self.description = QPlainTextEdit(self.box)
        self.description.setObjectName("finding-description")
        self.description.setPlaceholderText(self.tr("What was found, where, and the objective evidence"))
        self.description.setFixedHeight(70)
        self.description.setTabChangesFocus(True)     # Tab moves on, as in every other field
        self.corrective_action = QPlainTextEdit(self.box)
        self.corrective_action.setObjectName("finding-corrective-action")
        self.corrective_action.setPlaceholderText(self.tr("The applicant's correction and corrective action"))
        self.corrective_action.setFixedHeight(60)
        self.corrective_action.setTabChangesFocus(True)
        deadline_row = QHBoxLayout()
        self.has_deadline = QCheckBox(self.tr("Deadline"), self.box)
        self.deadline = QDateEdit(self.box)
        self.deadline.setObjectName("finding-deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline)
        deadline_row.addStretch(1)
        form.addRow(self.tr("Clause"), self.clause)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Corrective action"), self.corrective_action)
        form.addRow(self.tr("Corrective action due"), deadline_row)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save finding"), self.box)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Verify corrective action and close…"), self.box)
        self.close_button.setToolTip(self.tr("Record what you checked and the evidence you saw: the "
                                             "corrective action is effective. Write the corrective action first."))
        self.close_button.clicked.connect(self.close_finding)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        form.addRow(buttons)
        self.message = QLabel(self.box)
        self.message.setWordWrap(True)
        form.addRow(self.message)
        layout.addWidget(self.box)
        self.history = QLabel(self)
        self.history.setWordWrap(True)
        layout.addWidget(self.history)
        for field in (self.clause, self.description, self.corrective_action, self.deadline):
            field.installEventFilter(self)
        self.corrective_action.textChanged.connect(self._update_buttons)
        self.has_deadline.toggled.connect(lambda _on: self._save_quietly())
        self.deadline.dateChanged.connect(lambda _d: self._save_quietly() if not self.deadline.hasFocus() else None)
        self._loading = False

    def focus_widgets(self) -> list[QWidget]:
        """The inputs in tab order."""
        return [self.clause, self.description, self.corrective_action, self.has_deadline, self.deadline,
                self.save_button, self.close_button]

    # -- showing --------------------------------------------------------------
    def show_item(self, assessment_id: int, item_id: str, *, read_only: bool, actor: str) -> None:
        """Show ``item_id``'s findings; hides itself when there are none."""
        self.assessment_id, self.item_id = assessment_id, item_id
        self.read_only, self.actor = read_only, actor
        self.reload()

    def reload(self) -> None:
        if self.assessment_id is None:
            return
        rows = [f for f in self.context.store.assessments.findings(self.assessment_id)
                if f["item_id"] == self.item_id]
        open_rows = [f for f in rows if f["status"] == "open"]
        self.finding = open_rows[-1] if open_rows else None
        closed = [f for f in rows if f["status"] == "closed"]
        self.setVisible(bool(rows))
        self.box.setVisible(self.finding is not None)
        not_recorded = self.tr("not recorded")
        zone = self.context.store.time_zone()
        self.history.setText("\n".join(
            self.tr("Nonconformity #{0} ({1}) closed by {2} on {3}: {4}\n    checked: {5}; evidence: {6}").format(
                f["number"], self._grade_name(f["grade"]), f["closed_by"] or "", local_date(f["closed_at"], zone),
                f["corrective_action"] or "", f["verification_checked"] or not_recorded,
                f["verification_evidence"] or not_recorded) for f in closed))
        self.history.setVisible(bool(closed))
        self.message.clear()
        if self.finding is None:
            return
        self._loading = True
        f = self.finding
        colour = COLOURS["nc"] if f["grade"] == "minor" else COLOURS["fail"]
        self.box.setTitle(self.tr("Nonconformity #{0}: {1}").format(f["number"], self._grade_name(f["grade"])))
        self.box.setStyleSheet(f"QGroupBox::title {{ color: {colour}; font-weight: bold; }}")
        self.clause.setText(f["clause"] or "")
        self.description.setPlainText(f["description"] or "")
        self.corrective_action.setPlainText(f["corrective_action"] or "")
        self.has_deadline.setChecked(bool(f["deadline"]))
        date = dt.date.fromisoformat(f["deadline"]) if f["deadline"] else self.context.store.today()
        self.deadline.setDate(QDate(date.year, date.month, date.day))
        self.deadline.setEnabled(bool(f["deadline"]))
        for widget in (self.clause, self.description, self.corrective_action, self.has_deadline,
                       self.deadline, self.save_button):
            widget.setEnabled(not self.read_only)
        self.deadline.setEnabled(not self.read_only and bool(f["deadline"]))
        self._loading = False
        self._update_buttons()

    def _grade_name(self, grade: str) -> str:
        return {"minor": self.tr("minor"), "major": self.tr("major")}.get(grade, grade)

    def _update_buttons(self) -> None:
        has_action = bool(self.corrective_action.toPlainText().strip())
        self.close_button.setEnabled(not self.read_only and self.finding is not None and has_action)

    # -- saving ---------------------------------------------------------------
    def _fields(self) -> dict:
        date = self.deadline.date()
        return {
            "clause": self.clause.text(),
            "description": self.description.toPlainText(),
            "corrective_action": self.corrective_action.toPlainText(),
            "deadline": (f"{date.year():04d}-{date.month():02d}-{date.day():02d}"
                         if self.has_deadline.isChecked() else None),
        }

    def is_dirty(self) -> bool:
        if self.finding is None:
            return False
        now = self._fields()
        before = {k: self.finding[k] or "" for k in ("clause", "description", "corrective_action")}
        return any(now[k] != before[k] for k in before) or (
            now["deadline"] is not None and now["deadline"] != self.finding["deadline"])

    def save(self) -> bool:
        """Write the fields to the store (one transaction). False when refused (message shown)."""
        if self.finding is None or self.read_only:
            return False
        fields = self._fields()
        try:
            self.finding = self.context.store.assessments.update_finding(
                self.finding["id"], by=self.actor, clause=fields["clause"], description=fields["description"],
                corrective_action=fields["corrective_action"], deadline=fields["deadline"])
        except RefusedInput as exc:
            self._say(localized_message(exc, self.context.language), COLOURS["fail"])
            return False
        self._say(self.tr("Saved."), COLOURS["pass"])
        self.changed.emit()
        return True

    def _save_quietly(self) -> None:
        if not self._loading and self.is_dirty():
            self.save()

    def commit(self) -> None:
        """Save unsaved edits (called before the page shows another item)."""
        self._save_quietly()

    def close_finding(self):
        """Ask for the verification (what was checked, the evidence seen) in a dialog; the
        finding closes only when the verifier confirms it there. Returns the dialog, or None
        when the finding cannot be closed yet (the reason is shown)."""
        if self.finding is None or self.read_only:
            return None
        if not self.corrective_action.toPlainText().strip():
            self._say(self.tr("Write the corrective action before verifying it."), COLOURS["fail"])
            return None
        if not (self.actor or "").strip():
            self._say(self.tr("Nobody is signed in: sign in to verify a corrective action."), COLOURS["fail"])
            return None
        if self.is_dirty() and not self.save():
            return None
        self.verification_dialog = QtFindingVerificationDialog(self, self.finding, self.actor)
        self.verification_dialog.open()
        return self.verification_dialog

    def verify(self, checked: str, evidence: str) -> bool:
        """Close the finding with its verification (the dialog's OK). False when refused."""
        try:
            self.context.store.assessments.close_finding(
                self.finding["id"], by=self.actor, checked=checked, evidence=evidence,
                corrective_action=self.corrective_action.toPlainText())
        except RefusedInput as exc:
            self._say(localized_message(exc, self.context.language), COLOURS["fail"])
            raise
        self.reload()
        self.changed.emit()
        return True

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt's name
        if event.type() == QEvent.Type.FocusOut:
            self._save_quietly()
        return super().eventFilter(watched, event)


class QtFindingVerificationDialog(QDialog):
    """What the verifier checked and the evidence they saw; the verifier is the person signed
    in, who signs the closing. OK stays disabled until both are written."""

    def __init__(self, form: QtFindingForm, finding: dict, verifier: str):
        super().__init__(form)
        self.form = form
        self.setWindowTitle(self.tr("Verify nonconformity #{0}").format(finding["number"]))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Corrective action: {0}").format(form.corrective_action.toPlainText().strip()), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        fields = QFormLayout()
        self.checked = QPlainTextEdit(self)
        self.checked.setObjectName("verification-checked")
        self.checked.setPlaceholderText(self.tr("What you checked, where, and how (records, the site, a re-test…)"))
        self.checked.setTabChangesFocus(True)
        self.checked.setFixedHeight(70)
        self.evidence = QPlainTextEdit(self)
        self.evidence.setObjectName("verification-evidence")
        self.evidence.setPlaceholderText(self.tr("The evidence you saw (document numbers, photos, records)"))
        self.evidence.setTabChangesFocus(True)
        self.evidence.setFixedHeight(60)
        self.verifier = QLabel(verifier, self)
        self.verifier.setObjectName("verification-verifier")
        self.verifier.setToolTip(self.tr("The person signed in verifies and signs; sign in as someone else "
                                         "to verify in their name."))
        fields.addRow(self.tr("What was checked"), self.checked)
        fields.addRow(self.tr("Evidence"), self.evidence)
        fields.addRow(self.tr("Verified by"), self.verifier)
        layout.addLayout(fields)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {COLOURS['fail']}")
        layout.addWidget(self.warning)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Close as verified"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.checked, self.evidence):
            edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.checked.toPlainText().strip() and self.evidence.toPlainText().strip()))

    def accept(self) -> None:
        try:
            self.form.verify(self.checked.toPlainText(), self.evidence.toPlainText())
        except RefusedInput as exc:
            self.warning.setText(localized_message(exc, self.form.context.language))
            return
        super().accept()
