"""The assessments page (评审): the register, a new assessment, open one to walk it.

Opening emits ``open_requested(assessment_id)``; the main window switches to the
assessment walk-through page and calls its ``open_assessment``. "Export report…" writes
the selected assessment's PDF report (the one its mode calls for) without opening it.
"Assign to assessor…" emits ``assign_requested(assessment_id)``: the window writes the
body's signed assignment (``qt_exchange.QtExchangeActions.assign_to_assessor``).

>>> page = QtAssessmentsPage(context)                 # doctest: +SKIP
>>> page.open_requested.connect(window.open_assessment)  # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brandmark.ui.qt_models import QtAssessmentsModel
from brandmark.ui.qt_new_assessment_dialog import QtNewAssessmentDialog
from brandmark.ui.qt_register_export import QtRegisterExporter, model_view
from brandmark.ui.qt_register_view import QtRegisterView
from brandmark.ui.qt_report_export import QtReportExporter


class QtAssessmentsPage(QWidget):
    open_requested = Signal(int)
    assign_requested = Signal(int)      # the body writes the assignment for the assessor's laptop

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = QtAssessmentsModel(context.store, language=context.language, parent=self)
        self.register = QtRegisterView(self.model, self.tr("Search by applicant, code, assessor, product or scheme"))
        self.register.set_column_widths({"id": 45, "scheme": 170, "product": 90, "mode": 80, "assessor": 75,
                                         "stage": 70, "total": 50, "verdict": 90, "decision": 80,
                                         "created_at": 85, "updated_at": 85}, stretch="applicant")
        self.new_button = QPushButton(self.tr("&New assessment…"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.export_button = QPushButton(self.tr("E&xport report…"))
        self.export_button.setToolTip(self.tr("Save the selected assessment's report as a PDF: the "
                                              "assessment report, or a self-assessment's own report"))
        self.assign_button = QPushButton(self.tr("&Assign to assessor…"))
        self.assign_button.setObjectName("assignToAssessor")
        self.assign_button.setToolTip(self.tr("Write the selected certification assessment's assignment, signed "
                                              "with the body's key, for its assessor to import on their laptop"))
        self.exporter = QtReportExporter(context, self)
        # X is the report's letter here; the table's export takes T.
        self.export_table_button = QPushButton(self.tr("Export &table…"))
        self.export_table_button.setToolTip(self.tr("Save the rows the table shows, searched and sorted as they "
                                                    "are, to an Excel workbook or a CSV file"))
        self.table_exporter = QtRegisterExporter(context, self, "assessments", model_view(self.model))
        self.register.tools.addWidget(self.new_button)
        self.register.tools.addWidget(self.open_button)
        self.register.tools.addWidget(self.export_button)
        self.register.tools.addWidget(self.export_table_button)
        self.export_table_button.clicked.connect(lambda: self.table_exporter.export())
        self.register.tools.addWidget(self.assign_button)
        self.new_button.clicked.connect(lambda: self.new_assessment())
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.assign_button.clicked.connect(self.assign_selected)
        self.register.activated.connect(self.open_requested.emit)
        self.register.selection_changed.connect(self._selection_changed)
        self._selection_changed()

        title = QLabel(self.tr("Assessments"))
        title.setObjectName("pageTitle")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.register, 1)
        context.changed.connect(self._on_changed)

    def _on_changed(self, topic: str) -> None:
        if topic in ("assessments", "applicants", "all"):
            self.model.refresh()

    def _selection_changed(self) -> None:
        selected = self.register.selected_id() is not None
        self.open_button.setEnabled(selected)
        self.export_button.setEnabled(selected)
        self.assign_button.setEnabled(selected)

    def export_selected(self, path=None) -> bool:
        """Export the selected assessment's report (asks for the file when ``path`` is None)."""
        assessment_id = self.register.selected_id()
        return assessment_id is not None and self.exporter.export(assessment_id, path=path)

    def assign_selected(self) -> None:
        assessment_id = self.register.selected_id()
        if assessment_id is not None:
            self.assign_requested.emit(assessment_id)

    def open_selected(self) -> None:
        assessment_id = self.register.selected_id()
        if assessment_id is not None:
            self.open_requested.emit(assessment_id)

    def new_assessment(self, applicant_id: int | None = None) -> int | None:
        """Ask for the details, create the assessment, then open it."""
        dialog = QtNewAssessmentDialog(self.context, self, applicant_id=applicant_id)
        if not dialog.exec():
            return None
        self.open_requested.emit(dialog.assessment_id)
        return dialog.assessment_id
