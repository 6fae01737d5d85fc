"""The new-assessment dialog: a certification assessment from an accepted application, or an
enterprise self-assessment from an applicant, scheme, product and standard.

A certification assessment starts only from an accepted application (issue 16 §1): the
dialog lists the accepted applications that have no assessment yet (the applicant's only,
when opened for one) and offers "New application…", which opens the applications window
(``qt_applications_page``) on a new application; one accepted there is listed on return.
The applicant, scheme and product are the application's.

For a self-assessment the applicant is found by typing part of its name or code (the
register may be large, so only the first matches are listed). Packs offered are the latest
version of each; the one whose ``industries`` fit the chosen applicant's industry is
proposed (``store.schemes.proposed_for``), else none is, until the assessor picks one.
The standard number is checked as it is typed (``normalise_standard``).

>>> dialog = QtNewAssessmentDialog(context, parent, applicant_id=3)   # doctest: +SKIP
>>> if dialog.exec(): page.open(dialog.assessment_id)                # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.standards import normalise_standard
from brandmark.ui.qt_applicant_picker import PicksAnApplicant, QtApplicantPicker
from brandmark.ui.qt_field_check import error_label, show_field_check
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_item_editors import localized


class QtNewAssessmentDialog(PicksAnApplicant, QDialog):
    def __init__(self, context, parent: QWidget | None = None, applicant_id: int | None = None):
        super().__init__(parent)
        self.context = context
        self.for_applicant = applicant_id
        self.assessment_id: int | None = None
        self.setWindowTitle(self.tr("New assessment"))
        self.setMinimumWidth(600)

        self.applicant_picker = QtApplicantPicker(context.store)

        self.scheme_combo = QComboBox()
        self.scheme_combo.addItem(self.tr("(choose the scheme)"), None)
        self.scheme_chosen = False          # by the assessor; until then it follows the applicant
        self.scheme_note = QLabel()
        self.scheme_note.setObjectName("schemeNote")
        self.scheme_note.setWordWrap(True)
        self.scheme_note.setStyleSheet("color: #5f6368;")
        self.scheme_combo.activated.connect(self._scheme_picked)
        for row in context.store.schemes.list():
            if row["latest"]:
                title = localized(row["title"], row["title_en"], context.language or "zh_CN")
                label = f"{title}  ({row['id']} {row['version']})"
                if row["reference"]:
                    label += "  " + self.tr("[reference pack]")
                self.scheme_combo.addItem(label, row["id"])

        self.mode_certification = QRadioButton(self.tr("&Certification, from an accepted application"))
        self.mode_self = QRadioButton(self.tr("Se&lf-assessment (by the enterprise)"))
        self.mode_certification.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.mode_certification)
        self.mode_group.addButton(self.mode_self)
        modes = QVBoxLayout()  # one per line: the long labels never squeeze each other
        modes.addWidget(self.mode_certification)
        modes.addWidget(self.mode_self)
        modes.addStretch(1)

        self.application_combo = QComboBox()
        self.application_combo.setMinimumContentsLength(30)
        self.application_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.application_combo.currentIndexChanged.connect(
            lambda _index: self.application_combo.setToolTip(self.application_combo.currentText()))
        self.new_application_button = QPushButton(self.tr("&New application…"))
        self.new_application_button.setToolTip(self.tr("Record an application, receive its materials and accept it"))
        self.new_application_button.clicked.connect(self.new_application)
        application_row = QHBoxLayout()
        application_row.addWidget(self.application_combo, 1)
        application_row.addWidget(self.new_application_button)
        self.application_note = QLabel()
        self.application_note.setObjectName("applicationNote")
        self.application_note.setWordWrap(True)
        self.application_note.setStyleSheet("color: #5f6368;")

        self.assessor_edit = QLineEdit(context.user_name)
        self.assessor_edit.setPlaceholderText(self.tr("Who carries out the assessment"))
        # A certification's assessor is a registered assessor: offer their exact names.
        from PySide6.QtWidgets import QCompleter

        assessors = [p["name"] for p in context.store.people.list(active=True, role="assessor")]
        self.assessor_edit.setCompleter(QCompleter(assessors, self.assessor_edit))
        self.product_edit = QLineEdit()
        self.product_edit.setPlaceholderText(self.tr("e.g. electric kettle (optional for a self-assessment)"))
        self.models_edit = QLineEdit()
        self.models_edit.setPlaceholderText(self.tr("e.g. SK-1701, SK-1702"))
        self.standard_edit = QLineEdit()
        self.standard_edit.setPlaceholderText("T/ZZB 0123—2024")
        self.standard_message = QLabel()
        self.standard_message.setWordWrap(True)
        self.standard_edit.textChanged.connect(self.check_standard)

        form = self.form = QFormLayout()
        form.addRow(self.tr("Mode"), modes)
        application_label = QLabel(self.tr("Accepted appl&ication"))
        application_label.setBuddy(self.application_combo)
        form.addRow(application_label, application_row)
        form.addRow("", self.application_note)
        form.addRow(self.tr("&Applicant"), self.applicant_picker)
        form.addRow(self.tr("&Scheme pack"), self.scheme_combo)
        form.addRow("", self.scheme_note)
        form.addRow(self.tr("Ass&essor"), self.assessor_edit)
        form.addRow(self.tr("&Product"), self.product_edit)
        form.addRow(self.tr("&Models"), self.models_edit)
        form.addRow(self.tr("S&tandard number"), self.standard_edit)
        form.addRow("", self.standard_message)
        # Rows that only a self-assessment fills in (a certification's come from its application).
        self._self_rows = [self.applicant_picker, self.scheme_combo, self.scheme_note,
                           self.product_edit, self.models_edit, self.standard_edit, self.standard_message]
        self._certification_rows = [application_row, self.application_note]

        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start assessment"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.applicant_combo.currentIndexChanged.connect(lambda _index: self.propose_scheme())
        self.applicant_picker.fill(applicant_id)
        self.propose_scheme()
        self.check_standard("")
        self.list_applications()
        self.mode_certification.toggled.connect(lambda _checked: self.show_mode())
        self.show_mode()

    # -- a certification: from an accepted application ---------------------------------------
    def list_applications(self, select: int | None = None) -> None:
        """The accepted applications without an assessment (the applicant's, when opened for one)."""
        keep = select if select is not None else self.application_combo.currentData()
        rows = [r for r in self.context.store.applications.startable()
                if self.for_applicant is None or r["applicant_id"] == self.for_applicant]
        self.application_combo.clear()
        language = self.context.language or "zh_CN"
        for row in rows:
            pack = self.context.store.schemes.get(row["scheme_id"], row["scheme_version"])
            title = localized(pack.title, pack.title_en, language)
            label = self.tr("#{0} {1} · {2} · {3} · accepted {4}").format(
                row["id"], row["applicant_name"], title, row["product_name"] or self.tr("(no product named)"),
                row["accepted_on"])
            self.application_combo.addItem(label, row["id"])
        if rows:
            self.application_combo.setCurrentIndex(max(0, self.application_combo.findData(keep)))
            self.application_note.setText(self.tr("The applicant, scheme and product are the application's."))
        else:
            self.application_combo.addItem(self.tr("(no accepted application waits for an assessment)"), None)
            self.application_note.setText(self.tr(
                "A certification assessment starts from an accepted application: record one with "
                "“New application…”, receive its materials and accept it."))

    def new_application(self) -> None:
        """The applications window, on a new application (for the dialog's applicant, if
        opened for one); an application accepted there is listed, and chosen, on return."""
        from brandmark.ui.qt_applications_page import QtApplicationsDialog

        before = {self.application_combo.itemData(i) for i in range(self.application_combo.count())}
        dialog = QtApplicationsDialog(self.context, self, applicant_id=self.for_applicant)
        dialog.show()
        dialog.new_application()
        dialog.exec()
        self.list_applications()
        added = [self.application_combo.itemData(i) for i in range(self.application_combo.count())
                 if self.application_combo.itemData(i) not in before]
        if added and added[0] is not None:
            self.application_combo.setCurrentIndex(self.application_combo.findData(added[0]))

    def show_mode(self) -> None:
        certification = self.mode_certification.isChecked()
        for widget in self._certification_rows:
            self.form.setRowVisible(widget, certification)
        for widget in self._self_rows:
            self.form.setRowVisible(widget, not certification)
        self.error_label.hide()

    def propose_scheme(self) -> None:
        """Select the scheme that fits the applicant's industry, or none (not the first in
        the list), unless the assessor has picked one."""
        if self.scheme_chosen:
            return
        applicant_id = self.applicant_picker.applicant_id()
        industry = self.context.store.applicants.get(applicant_id)["industry"] if applicant_id is not None else ""
        proposed = self.context.store.schemes.proposed_for(industry)
        self.scheme_combo.setCurrentIndex(max(0, self.scheme_combo.findData(proposed)))
        if proposed is not None:
            self.scheme_note.setText(self.tr("Proposed for the applicant's industry ({0}).").format(industry))
        elif industry:
            self.scheme_note.setText(self.tr("No scheme lists the industry {0}: choose one.").format(industry))
        else:
            self.scheme_note.setText(self.tr("The applicant has no industry recorded: choose the scheme."))
        self.scheme_note.setVisible(applicant_id is not None)

    def _scheme_picked(self, _index: int) -> None:
        self.scheme_chosen = True
        self.scheme_note.hide()

    def check_standard(self, text: str) -> bool:
        """Show under the field whether the standard number is usable (empty is: it is optional)."""
        return show_field_check(self.standard_message, text, normalise_standard, self.context.language,
                                hint=self.tr("Optional: the 浙江制造 group standard, T/ZZB NNNN—YYYY."),
                                valid=self.tr("Standard: {0}"), empty_ok=True)

    def save(self) -> None:
        if self.mode_certification.isChecked():
            self._start_from_application()
        else:
            self._start_self_assessment()

    def _start_from_application(self) -> None:
        application_id = self.application_combo.currentData()
        if application_id is None:
            self.show_error(self.tr("Choose an accepted application first, or record one with “New application…”."))
            return
        try:
            self.assessment_id = self.context.store.applications.start_assessment(
                application_id, assessor=self.assessor_edit.text(), by=self.context.user_name or None)
        except RefusedInput as exc:
            self.show_error(localized_message(exc, self.context.language), str(exc))
            return
        self.context.notify("assessments")
        self.context.notify("applications")
        self.accept()

    def _start_self_assessment(self) -> None:
        applicant_id = self.applicant_picker.applicant_id()
        scheme_id = self.scheme_combo.currentData()
        if applicant_id is None:
            self.show_error(self.tr("Choose the applicant first."))
            return
        if scheme_id is None:
            self.show_error(self.tr("Choose the scheme first.") if self.scheme_combo.count() > 1
                            else self.tr("No scheme pack is installed; import one on the Schemes page."))
            return
        try:
            self.assessment_id = self.context.store.assessments.new(
                applicant_id=applicant_id, scheme_id=scheme_id, mode="self", assessor=self.assessor_edit.text(), product=self.product_edit.text().strip() or None,
                models=self.models_edit.text(), standard=self.standard_edit.text().strip() or None,
                by=self.context.user_name or None)     # the log credits who starts it, not the assessor named
        except RefusedInput as exc:
            self.show_error(localized_message(exc, self.context.language), str(exc))
            return
        self.context.notify("assessments")
        self.accept()

    def show_error(self, message: str, details: str = "") -> None:
        self.error_label.setText(message)
        self.error_label.setToolTip(details)
        self.error_label.show()
