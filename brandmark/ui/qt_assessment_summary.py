"""The walk-through's last stage: test results, findings, then the decision or the gap list.

Certification mode ends in the decision button (``decide_requested``); self-assessment
mode ends in the readiness figure and the gap list (largest shortfall first).
Clicking a row emits ``item_requested(item_id)``; the export buttons emit
``export_requested(kind)`` (``qt_report_export.ASSESSMENT_REPORT`` or ``SELF_REPORT``).

>>> summary = QtAssessmentSummary()                                     # doctest: +SKIP
>>> summary.show_summary(assessment, result, pack, findings, decision=None,  # doctest: +SKIP
...                      read_only=False, language="zh_CN")
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from brandmark.formatting import local_date
from brandmark.packs.model import Pack
from brandmark.scoring.gbt8170 import ROUNDED
from brandmark.scoring.scorer import SELF, ScoreResult
from brandmark.ui.qt_item_editors import COLOURS, localized
from brandmark.ui.qt_report_export import ASSESSMENT_REPORT, SELF_REPORT, SURVEILLANCE_REPORT, report_kind_for
from brandmark.ui.qt_score_panel import verdict_name

ITEM_ROLE = Qt.ItemDataRole.UserRole


def assessment_purpose(assessment: dict) -> str:
    """What an assessment is for, in the window's words (a surveillance visit's page must not
    say "certification"), with the certificate a visit, renewal or scope change is for."""
    if assessment["mode"] == SELF:
        return QCoreApplication.translate("QtAssessmentPage", "self-assessment")
    kind = assessment.get("kind")
    if kind == "surveillance":
        name = QCoreApplication.translate("QtAssessmentPage", "surveillance visit")
    elif kind == "recertification":
        name = QCoreApplication.translate("QtAssessmentPage", "recertification")
    elif kind == "scope":
        name = QCoreApplication.translate("QtAssessmentPage", "scope change")
    else:
        name = QCoreApplication.translate("QtAssessmentPage", "certification")
    if assessment.get("certificate_number"):
        name = QCoreApplication.translate("QtAssessmentPage", "{0} of certificate {1}").format(
            name, assessment["certificate_number"])
    return name


class QtAssessmentSummary(QWidget):
    decide_requested = Signal()
    item_requested = Signal(str)
    export_requested = Signal(str)      # ASSESSMENT_REPORT or SELF_REPORT
    export_findings_requested = Signal()   # the nonconformities table to a workbook

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.heading = QLabel(self)
        self.heading.setObjectName("summary-heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)

        bold = self.heading.font()
        bold.setPointSizeF(self.font().pointSizeF())
        self.tests_title = QLabel(self.tr("Product tests (GB/T 8170)"), self)
        self.tests_title.setFont(bold)
        self.tests = self._table([self.tr("Item"), self.tr("Measured"), self.tr("Compared"),
                                  self.tr("Limit"), self.tr("Method"), self.tr("Result")])
        self.findings_title = QLabel(self.tr("Nonconformities"), self)
        self.findings_title.setFont(bold)
        self.findings = self._table([self.tr("Item"), self.tr("Grade"), self.tr("Status"), self.tr("Due"),
                                     self.tr("Corrective action")])
        self.findings.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # The table's findings (withdrawn ones left out, in its order) through the register export.
        self.export_findings_button = QPushButton(self.tr("&Export nonconformities…"), self)
        self.export_findings_button.setObjectName("export-findings")
        self.export_findings_button.setToolTip(self.tr(
            "Save the nonconformities this table lists, in its order, to an Excel workbook or a CSV file"))
        self.export_findings_button.clicked.connect(self.export_findings_requested.emit)
        findings_heading = QHBoxLayout()
        findings_heading.addWidget(self.findings_title)
        findings_heading.addStretch(1)
        findings_heading.addWidget(self.export_findings_button)
        layout.addWidget(self.tests_title)
        layout.addWidget(self.tests, 2)
        layout.addLayout(findings_heading)
        layout.addWidget(self.findings, 1)

        # Certification: the decision. Self-assessment: readiness and the gap list.
        self.decision_label = QLabel(self)
        self.decision_label.setObjectName("decision-state")
        self.decision_label.setWordWrap(True)
        self.decide_button = QPushButton(self.tr("Decide…"), self)
        self.decide_button.setObjectName("decide")
        self.decide_button.setToolTip(self.tr("Record the certification decision (Ctrl+Shift+D). "
                                              "The decider must not be the assessor."))
        self.decide_button.clicked.connect(self.decide_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.decision_label, 1)
        row.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.gaps_title = QLabel(self.tr("Gap list: items below their target, largest first"), self)
        self.gaps_title.setFont(bold)
        self.gaps = QListWidget(self)
        self.gaps.setObjectName("gaps")
        self.gaps.itemActivated.connect(self._gap_activated)
        self.gaps.itemClicked.connect(self._gap_activated)
        layout.addWidget(self.gaps_title)
        layout.addWidget(self.gaps, 2)

        # The report, whatever the stage of the decision; a certification also its gap list.
        self.export_button = QPushButton(self.tr("Export report…"), self)
        self.export_button.setObjectName("export-report")
        self.export_gaps_button = QPushButton(self.tr("Export gap list…"), self)
        self.export_gaps_button.setObjectName("export-gaps")
        self.export_gaps_button.setToolTip(self.tr(
            "The self-assessment report of these answers: readiness and every item below its target, "
            "for the enterprise (Ctrl+Shift+G)"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self._report_kind))
        self.export_gaps_button.clicked.connect(lambda: self.export_requested.emit(SELF_REPORT))
        self._report_kind = ASSESSMENT_REPORT
        exports = QHBoxLayout()
        exports.addWidget(self.export_button)
        exports.addWidget(self.export_gaps_button)
        exports.addStretch(1)
        layout.addLayout(exports)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The item column takes what is left (its full title is in the tooltip); the
        # short columns, the verdict included, always show whole.
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.cellActivated.connect(lambda row, _col, t=table: self._row_activated(t, row))
        table.cellClicked.connect(lambda row, _col, t=table: self._row_activated(t, row))
        return table

    def _row_activated(self, table: QTableWidget, row: int) -> None:
        cell = table.item(row, 0)
        if cell is not None and cell.data(ITEM_ROLE):
            self.item_requested.emit(cell.data(ITEM_ROLE))

    def _gap_activated(self, entry: QListWidgetItem) -> None:
        if entry.data(ITEM_ROLE):
            self.item_requested.emit(entry.data(ITEM_ROLE))

    # -- showing --------------------------------------------------------------
    def show_summary(self, assessment: dict, result: ScoreResult, pack: Pack, findings: list[dict], *,
                     decision: dict | None, read_only: bool, language: str = "zh_CN",
                     zone: dt.tzinfo | None = None) -> None:
        def title_of(item_id: str) -> str:
            try:
                item = pack.item(item_id)
            except KeyError:
                return item_id
            return localized(item.title, item.title_en, language)

        mode = assessment_purpose(assessment)
        self.heading.setText(self.tr("Summary: {0}").format(assessment["applicant_name"]))
        product = assessment.get("product_name") or self.tr("(no product recorded)")
        self.facts.setText(self.tr(
            "Product: {0} · Pack: {1} {2} (SHA-256 {3}…) · Mode: {4} · Assessor: {5}").format(
            product, localized(pack.title, pack.title_en, language), pack.version,
            assessment["scheme_hash"][:12], mode, assessment["assessor"]))

        self.tests.setRowCount(0)
        for test in result.tests:
            row = self.tests.rowCount()
            self.tests.insertRow(row)
            verdict = {"pass": self.tr("pass"), "fail": self.tr("fail"), "na": self.tr("not applicable"),
                       "unanswered": self.tr("not measured")}.get(test.verdict, test.verdict)
            method = self.tr("rounded") if test.method == ROUNDED else self.tr("full value")
            cells = [title_of(test.item), ", ".join(test.measured), ", ".join(test.compared),
                     f"{test.limit} {test.unit}".strip(), method, verdict]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text if column else f"{test.item} {text}")
                if column == 0:
                    cell.setData(ITEM_ROLE, test.item)
                if column == 5 and test.verdict in ("pass", "fail"):
                    cell.setForeground(QColor(COLOURS[test.verdict]))
                self.tests.setItem(row, column, cell)
        self.tests_title.setVisible(bool(result.tests))
        self.tests.setVisible(bool(result.tests))

        self.findings.setRowCount(0)
        for finding in findings:
            row = self.findings.rowCount()
            self.findings.insertRow(row)
            grade = {"minor": self.tr("minor"), "major": self.tr("major")}.get(finding["grade"], finding["grade"])
            status = {"open": self.tr("open"), "closed": self.tr("closed (verified)")}.get(
                finding["status"], finding["status"])
            # Numbered within the assessment, as the report and the item form number it.
            cells = [f"#{finding['number']} {title_of(finding['item_id'])}", grade, status, finding["deadline"] or "",
                     finding["corrective_action"] or ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text if column else f"{finding['item_id']} {text}")
                if column == 0:
                    cell.setData(ITEM_ROLE, finding["item_id"])
                if column == 1:
                    cell.setForeground(QColor(COLOURS["nc" if finding["grade"] == "minor" else "fail"]))
                self.findings.setItem(row, column, cell)
        self.export_findings_button.setEnabled(bool(findings))
        if not findings:
            self.findings.insertRow(0)
            self.findings.setItem(0, 0, QTableWidgetItem(self.tr("No nonconformities recorded.")))

        self_mode = assessment["mode"] == SELF
        self._report_kind = report_kind_for(assessment["mode"], assessment.get("kind"))
        self.export_button.setToolTip(self.tr(
            "Save the self-assessment report as a PDF (Ctrl+Shift+R)") if self_mode else self.tr(
            "Save the surveillance visit report as a PDF (Ctrl+Shift+R)")
            if self._report_kind == SURVEILLANCE_REPORT else self.tr(
            "Save the certification assessment report as a PDF (Ctrl+Shift+R)"))
        self.export_gaps_button.setVisible(not self_mode)
        self.decide_button.setVisible(not self_mode and decision is None)
        self.gaps_title.setVisible(self_mode)
        self.gaps.setVisible(self_mode)
        if self_mode:
            self.decision_label.setText(self.tr(
                "Self-assessment: readiness {0:.0f} %. No certification decision is made; close the gaps "
                "below, then apply.").format(result.readiness))
            self.gaps.clear()
            for gap in result.gaps:
                current = self.tr("unanswered") if gap.current is None else str(gap.current)
                entry = QListWidgetItem(self.tr("{0} · now {1}, target {2} · shortfall {3:.2f}").format(
                    title_of(gap.item), current, gap.target, gap.shortfall))
                entry.setData(ITEM_ROLE, gap.item)
                self.gaps.addItem(entry)
            if not result.gaps:
                self.gaps.addItem(self.tr("No gaps: every item meets its target."))
        elif decision is not None:
            self.decision_label.setText(self.tr("Decided: {0} by {1} on {2}. The assessment is read-only.").format(
                verdict_name(decision["decision"]), decision["decided_by"], local_date(decision["decided_at"], zone)))
            self.decision_label.setStyleSheet("")
        else:
            possible = result.decision_possible and not read_only
            self.decide_button.setEnabled(possible)
            self.decision_label.setText(
                self.tr("Verdict preview: {0}. A person who did not carry out this assessment records "
                        "the decision.").format(verdict_name(result.verdict)) if possible else
                self.tr("No decision yet: the assessment is incomplete ({0} of {1} items answered).").format(
                    result.answered, result.items))
