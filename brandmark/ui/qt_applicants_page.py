"""The applicants page (申请企业): the searchable register, add, edit, start an assessment.

>>> page = QtApplicantsPage(context)                 # doctest: +SKIP
>>> page.new_assessment_requested.connect(start)     # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brandmark.ui.qt_models import QtApplicantsModel
from brandmark.ui.qt_register_export import QtRegisterExporter, model_view
from brandmark.ui.qt_register_view import QtRegisterView


class QtApplicantsPage(QWidget):
    """``new_assessment_requested(applicant_id)`` asks the window to start an assessment."""

    new_assessment_requested = Signal(int)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = QtApplicantsModel(context.store, language=context.language, parent=self)
        self.register = QtRegisterView(self.model, self.tr("Search by name or credit code fragment"))
        self.register.set_column_widths({"id": 70, "uscc": 190, "region": 110, "industry": 160,
                                         "created_at": 110}, stretch="name")
        self.new_button = QPushButton(self.tr("&New applicant…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.assess_button = QPushButton(self.tr("New &assessment…"))
        # An enterprise's self-assessments, imported with File → Import… (self-declared).
        self.self_assessments_button = QPushButton(self.tr("Self-assess&ments…"))
        self.self_assessments_dialog = None
        # What the table shows (search and order) to a workbook; M is the self-assessments' letter.
        self.export_button = QPushButton(self.tr("E&xport table…"))
        self.export_button.setToolTip(self.tr("Save the rows the table shows, searched and sorted as they are, "
                                              "to an Excel workbook or a CSV file"))
        self.exporter = QtRegisterExporter(context, self, "applicants", model_view(self.model))
        for button in (self.new_button, self.edit_button, self.assess_button, self.self_assessments_button,
                       self.export_button):
            self.register.tools.addWidget(button)
        self.export_button.clicked.connect(lambda: self.exporter.export())
        self.new_button.clicked.connect(self.add_applicant)
        self.edit_button.clicked.connect(self.edit_selected)
        self.assess_button.clicked.connect(self._request_assessment)
        self.self_assessments_button.clicked.connect(self.show_self_assessments)
        self.register.activated.connect(self.edit_applicant)
        self.register.selection_changed.connect(self._update_buttons)

        title = QLabel(self.tr("Applicants"))
        title.setObjectName("pageTitle")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.register, 1)
        context.changed.connect(self._on_changed)
        self._update_buttons()

    def _on_changed(self, topic: str) -> None:
        if topic in ("applicants", "all"):
            self.model.refresh()

    def _update_buttons(self) -> None:
        selected = self.register.selected_id() is not None
        self.edit_button.setEnabled(selected)
        self.assess_button.setEnabled(selected)
        self.self_assessments_button.setEnabled(selected)

    def add_applicant(self) -> int | None:
        from brandmark.ui.qt_applicant_dialog import QtApplicantDialog     # when first used (start-up time)

        dialog = QtApplicantDialog(self.context, self)
        if dialog.exec():
            self.register.select_id(dialog.applicant_id)
            return dialog.applicant_id
        return None

    def edit_selected(self) -> None:
        applicant_id = self.register.selected_id()
        if applicant_id is not None:
            self.edit_applicant(applicant_id)

    def edit_applicant(self, applicant_id: int) -> None:
        from brandmark.ui.qt_applicant_dialog import QtApplicantDialog

        dialog = QtApplicantDialog(self.context, self, applicant_id=applicant_id)
        dialog.exec()

    def _request_assessment(self) -> None:
        applicant_id = self.register.selected_id()
        if applicant_id is not None:
            self.new_assessment_requested.emit(applicant_id)

    def show_self_assessments(self) -> None:
        applicant_id = self.register.selected_id()
        if applicant_id is None:
            return
        from brandmark.ui.qt_exchange import QtSelfAssessmentsDialog

        self.self_assessments_dialog = QtSelfAssessmentsDialog(self.context, applicant_id, self)
        self.self_assessments_dialog.open()
