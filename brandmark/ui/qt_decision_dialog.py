"""The certification decision: by someone other than the assessor, within what the verdict allows.

ISO/IEC 17065 7.6.2: the person who decides must not have carried out the
evaluation. The store refuses it whatever the caller (by person id); this dialog
explains it as soon as the name is known, before calling the store. The decider is
the person signed in (qt_sign_in): the decision is signed with their key.

>>> dialog = QtDecisionDialog(store, assessment_id, result, parent=page)  # doctest: +SKIP
>>> if dialog.exec():                                                    # doctest: +SKIP
...     print(dialog.decision["decision"])
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QListWidget,
    QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.people_names import same_person_name
from brandmark.scoring.decisions import ALLOWED_DECISIONS, DECISIONS
from brandmark.scoring.scorer import Reason, ScoreResult
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_item_editors import COLOURS
from brandmark.ui.qt_score_panel import VERDICT_COLOURS, verdict_name


class QtDecisionDialog(QDialog):
    """Records the decision through ``store.assessments.decide``; ``decision`` holds the stored row."""

    def __init__(self, store, assessment_id: int, result: ScoreResult, *, decider: str = "",
                 describe: Callable[[Reason], str] | None = None, language: str = "zh_CN",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.assessment_id = store, assessment_id
        self.score_result = result      # not ``result``: QDialog.result() is the dialog's outcome
        self.assessment = store.assessments.get(assessment_id)
        self.decision: dict | None = None
        self.language = language
        describe = describe or (lambda reason: reason.message)
        self.setWindowTitle(self.tr("Certification decision"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        heading = QLabel(self.tr("Assessment #{0} · {1} · assessor {2}").format(
            assessment_id, self.assessment["applicant_name"], self.assessment["assessor"]), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.verdict_label = QLabel(self.tr("Verdict: {0} · total {1:.1f}").format(
            verdict_name(result.verdict), result.total), self)
        self.verdict_label.setObjectName("decision-verdict")
        font = self.verdict_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.verdict_label.setFont(font)
        self.verdict_label.setStyleSheet(f"color: {VERDICT_COLOURS.get(result.verdict, '')}")
        layout.addWidget(self.verdict_label)
        self.reasons = QListWidget(self)
        self.reasons.setWordWrap(True)
        self.reasons.setMaximumHeight(120)
        for reason in result.reasons:
            self.reasons.addItem(describe(reason))
        if not result.reasons:
            self.reasons.addItem(self.tr("No reasons against granting."))
        layout.addWidget(self.reasons)

        self.allowed = ALLOWED_DECISIONS.get(result.verdict, ())
        choice_box = QGroupBox(self.tr("Decision"), self)
        choice_layout = QVBoxLayout(choice_box)
        self.group = QButtonGroup(self)
        names = {"grant": self.tr("Grant the certificate"),
                 "conditional": self.tr("Grant after the corrective actions are verified"),
                 "refuse": self.tr("Refuse")}
        self.choices: dict[str, QRadioButton] = {}
        for decision in DECISIONS:
            button = QRadioButton(names[decision], choice_box)
            button.setObjectName(f"decision-{decision}")
            allowed = decision in self.allowed
            button.setEnabled(allowed)
            if not allowed:
                button.setToolTip(self.tr("The verdict does not allow this decision."))
            self.group.addButton(button)
            self.choices[decision] = button
            choice_layout.addWidget(button)
        if len(self.allowed) == 1:
            self.choices[self.allowed[0]].setChecked(True)
        if not self.allowed:
            hint = QLabel(self.tr("The assessment is incomplete: answer every required item first."), choice_box)
            hint.setWordWrap(True)
            choice_layout.addWidget(hint)
        layout.addWidget(choice_box)

        form = QFormLayout()
        self.decider = QLineEdit(self)
        self.decider.setObjectName("decider")
        self.decider.setPlaceholderText(self.tr("Full name of the person deciding"))
        if decider and not same_person_name(decider, self.assessment["assessor"]):
            self.decider.setText(decider)
        # The decision is signed with the decider's key, which only the person signed in has
        # open: the window decides as them, and no typed name changes who that is.
        signed_in = getattr(store.people, "unlocked", lambda: [])()
        self.decider.setReadOnly(bool(decider) and len(signed_in) == 1)
        self.note = QPlainTextEdit(self)
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        form.addRow(self.tr("Decided by"), self.decider)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.warning = QLabel(self)
        self.warning.setObjectName("decision-warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {COLOURS['fail']}")
        layout.addWidget(self.warning)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record decision"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.decider.textChanged.connect(self._check)
        self.group.buttonToggled.connect(lambda *_: self._check())
        self._check()

    def chosen(self) -> str | None:
        for decision, button in self.choices.items():
            if button.isChecked():
                return decision
        return None

    def problem(self) -> str:
        """Why the decision cannot be recorded yet ("" when it can)."""
        name = self.decider.text().strip()
        if not self.allowed:
            return self.tr("The assessment is incomplete; no decision is possible yet.")
        if not name:
            return self.tr("Enter the name of the person deciding.")
        if same_person_name(name, self.assessment["assessor"]):
            return self.tr("{0} carried out this assessment and cannot decide it. ISO/IEC 17065 (7.6) "
                           "requires the decision to be made by a person who did not take part in the "
                           "evaluation, so that the decision is impartial.").format(self.assessment["assessor"])
        if self.chosen() is None:
            return self.tr("Choose a decision.")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        # Only a name the rules forbid is shown in red at once; the rest are gentle hints.
        name = self.decider.text().strip()
        self.warning.setText(problem if (name and problem) or not self.allowed else "")
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.warning.setText(problem)
            return
        try:
            self.decision = self.store.assessments.decide(
                self.assessment_id, self.chosen(), by=self.decider.text().strip(),
                note=self.note.toPlainText())
        except RefusedInput as exc:
            self.warning.setText(localized_message(exc, self.language))
            return
        super().accept()
