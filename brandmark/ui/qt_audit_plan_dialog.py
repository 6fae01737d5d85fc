"""An assessment's audit plan (审核策划) in the window: size it, see the team and who audits
what, save the plan PDF for the enterprise, and keep the consultancy record behind the team.

Everything is decided by the core (``store.audits``: person-days from the pack's table, the
team of competent assessors none of whom consulted for the applicant, the working days,
the programme); the dialog asks for the figures and shows the plan. The PDF is written off
the GUI thread through ``context.run_operation``, as the reports are.

>>> dialog = QtAuditPlanDialog(context, assessment_id, parent=page)   # doctest: +SKIP
>>> dialog.open()                                                      # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.formatting import local_date
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_item_editors import localized
from brandmark.ui.qt_report_export import safe_file_name
from brandmark.ui.qt_saved import announce_saved


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for index, cells in enumerate(rows):
        for column, value in enumerate(cells):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            table.setItem(index, column, cell)


class QtAuditPlanDialog(QDialog):
    """Plan the audit of one certification assessment and show its latest plan."""

    def __init__(self, context, assessment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditPlanDialog")
        self.context, self.store, self.assessment_id = context, context.store, assessment_id
        self.assessment = self.store.assessments.get(assessment_id)
        self.pack = self.store.assessments.pack_for(assessment_id)
        self.table_rule = self.pack.process.audit
        self.plan: dict | None = None
        self.setWindowTitle(self.tr("Audit plan: assessment #{0}").format(assessment_id))

        self.heading = QLabel(self.tr("Assessment #{0} · {1}").format(assessment_id, self.assessment["applicant_name"]))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.employees = QSpinBox()
        self.employees.setObjectName("employees")
        self.employees.setRange(1, 1_000_000)
        self.employees.setValue(50)
        self.sites = QSpinBox()
        self.sites.setRange(1, 100)
        self.products = QSpinBox()
        self.products.setRange(1, 100)
        self.team_size = QSpinBox()
        self.team_size.setRange(self.table_rule.team_minimum if self.table_rule else 1, 20)
        self.starts = QDateEdit()
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("yyyy-MM-dd")
        tomorrow = self.store.today() + dt.timedelta(days=1)
        self.starts.setMinimumDate(QDate(self.store.today().year, self.store.today().month, self.store.today().day))
        self.starts.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.plan_button = QPushButton(self.tr("Plan the audit"))
        self.plan_button.setObjectName("planAudit")
        self.plan_button.setDefault(True)
        self.plan_button.clicked.connect(self.make_plan)
        form = QFormLayout()
        form.addRow(self.tr("Employees"), self.employees)
        form.addRow(self.tr("Production sites"), self.sites)
        form.addRow(self.tr("Product units in the scope"), self.products)
        form.addRow(self.tr("Assessors in the team"), self.team_size)
        form.addRow(self.tr("First audit day"), self.starts)
        self.rule_note = QLabel()
        self.rule_note.setWordWrap(True)
        self.rule_note.setStyleSheet("color: #6a737d;")
        if self.table_rule is None:
            self.rule_note.setText(self.tr("This pack has no person-day table: its audit cannot be sized here."))
            self.plan_button.setEnabled(False)
        else:
            self.rule_note.setText(self.tr("Person-days from the pack's table ({0}); the team: active assessors "
                                           "competent for the scheme who never consulted for the applicant.")
                                   .format(self.table_rule.clause or self.pack.id))
        inputs = QGroupBox(self.tr("Size"))
        inputs_layout = QVBoxLayout(inputs)
        inputs_layout.addLayout(form)
        inputs_layout.addWidget(self.rule_note)
        inputs_layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignRight)

        self.summary = QLabel(self.tr("No audit planned yet."))
        self.summary.setObjectName("auditPlanSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.team = _table([self.tr("Assessor"), self.tr("Role"), self.tr("Auditing"), self.tr("Meetings"),
                            self.tr("Person-days")], self)
        self.team.setObjectName("auditTeam")
        self.programme = _table([self.tr("Day"), self.tr("Assessor"), self.tr("Section"), self.tr("Items")], self)
        self.programme.setObjectName("auditProgramme")
        self.pdf_button = QPushButton(self.tr("Save the plan PDF…"))
        self.pdf_button.setObjectName("auditPlanPdf")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        plan_box = QGroupBox(self.tr("Plan"))
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(self.summary)
        plan_layout.addWidget(QLabel(self.tr("Team")))
        plan_layout.addWidget(self.team)
        plan_layout.addWidget(QLabel(self.tr("Programme: who audits what, when")))
        plan_layout.addWidget(self.programme, 1)
        plan_layout.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignRight)

        self.consultancies = _table([self.tr("Person"), self.tr("Until"), self.tr("Note")], self)
        self.consultancies.setObjectName("consultancies")
        self.consultancies.setMaximumHeight(110)
        self.consulted_button = QPushButton(self.tr("Record a consultancy…"))
        self.consulted_button.setObjectName("recordConsultancy")
        self.consulted_button.setToolTip(self.tr("A person who gave consultancy to this applicant may not audit it "
                                                 "(ISO/IEC 17065 4.2); they are left out of the team."))
        self.consulted_button.clicked.connect(self.ask_consultancy)
        consult_box = QGroupBox(self.tr("Consultancy for this applicant"))
        consult_layout = QVBoxLayout(consult_box)
        consult_layout.addWidget(self.consultancies)
        consult_layout.addWidget(self.consulted_button, 0, Qt.AlignmentFlag.AlignRight)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(inputs)
        left.addWidget(consult_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(plan_box, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.resize(1100, 620)
        self.refresh()

    # -- showing --------------------------------------------------------------
    def role_name(self, role: str) -> str:
        return {"leader": self.tr("Team leader"), "member": self.tr("Assessor")}.get(role, role)

    def refresh(self) -> None:
        self.plan = self.store.audits.latest(self.assessment_id)
        self.pdf_button.setEnabled(self.plan is not None)
        self._show_consultancies()
        if self.plan is None:
            self.summary.setText(self.tr("No audit planned yet."))
            _fill(self.team, [])
            _fill(self.programme, [])
            return
        plan = self.plan
        self.employees.setValue(plan["employees"])
        self.sites.setValue(plan["sites"])
        self.products.setValue(plan["products"])
        self.team_size.setValue(len(plan["team"]))
        first = dt.date.fromisoformat(plan["starts_on"])
        self.starts.setDate(QDate(first.year, first.month, first.day))
        self.summary.setText(self.tr("{0} person-days · {1} to {2}, {3} working day(s) on site · planned {4} by {5}")
                             .format(f"{plan['person_days']:g}", plan["starts_on"], plan["ends_on"],
                                     len(plan["days"]), local_date(plan["planned_at"], self.context.store.time_zone()), plan["planned_by"] or "—"))
        _fill(self.team, [[f"{load['name']} (#{load['id']})", self.role_name(load["role"]), f"{load['audit_days']:g}",
                           f"{load['meeting_days']:g}", f"{load['person_days']:g}"] for load in plan["loads"]])
        rows_height = sum(self.team.rowHeight(r) for r in range(self.team.rowCount()))
        self.team.setFixedHeight(self.team.horizontalHeader().height() + rows_height + 2 * self.team.frameWidth() + 2)
        language = self.context.language or "zh_CN"
        sections = {s.id: s for s in self.pack.sections}
        rows = []
        for a in sorted(plan["programme"], key=lambda a: (a["day"], a["person_id"] != plan["team"][0]["id"])):
            section = sections.get(a["section_id"])
            title = localized(section.title, section.title_en, language) if section else a["section_id"]
            rows.append([a["day"], a["name"], title, ", ".join(a["item_ids"])])
        _fill(self.programme, rows)
        for index, a in enumerate(sorted(plan["programme"],
                                         key=lambda a: (a["day"], a["person_id"] != plan["team"][0]["id"]))):
            titles = []
            for item_id in a["item_ids"]:
                try:
                    item = self.pack.item(item_id)
                    titles.append(f"{item_id} {localized(item.title, item.title_en, language)}")
                except KeyError:
                    titles.append(item_id)
            self.programme.item(index, 3).setToolTip("\n".join(titles))

    def _show_consultancies(self) -> None:
        rows = self.store.consultancies.list(applicant_id=self.assessment["applicant_id"])
        _fill(self.consultancies, [[f"{r['person_name']} (#{r['person_id']})", r["until"] or self.tr("no end"),
                                    r["note"] or ""] for r in rows])

    # -- acting ---------------------------------------------------------------
    def make_plan(self) -> dict | None:
        """Plan with the figures on the form (the core sizes it and proposes the team)."""
        date = self.starts.date()
        try:
            self.store.audits.plan(self.assessment_id, employees=self.employees.value(), sites=self.sites.value(),
                                   products=self.products.value(), team_size=self.team_size.value(),
                                   starts_on=dt.date(date.year(), date.month(), date.day()),
                                   by=self.context.user_name or "")
        except RefusedInput as exc:
            self.context.show_refusal(self, self.windowTitle(), exc)
            return None
        self.refresh()
        return self.plan

    def proposed_name(self) -> str:
        owner = safe_file_name(self.assessment.get("applicant_name") or "")
        return "-".join([safe_file_name(self.tr("Audit plan")), f"#{self.assessment_id}"] + ([owner] if owner else [])) \
            + ".pdf"

    def save_pdf(self, path: str | Path | None = None) -> bool:
        """Write the plan PDF (asks for the file when ``path`` is None), off the GUI thread."""
        if self.plan is None:
            return False
        if path is None:
            chosen, _filter = qt_file_dialogs.save_file_name(
                self, self.tr("Save the audit plan"), self.proposed_name(), self.tr("PDF files (*.pdf)"),
                purpose="reports")
            if not chosen:
                return False
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
        target = Path(path)
        assessment_id = self.assessment_id

        def work(store, progress) -> Path:
            from brandmark.reports.audit_plan import write_audit_plan   # reportlab: on first use

            write_audit_plan(store, assessment_id, target, progress=progress)
            return target

        self.context.run_operation(self, self.tr("Writing the audit plan"), work,
                                   on_done=lambda written: announce_saved(self, self.tr("Audit plan"), [written]))
        return True

    def ask_consultancy(self) -> None:
        QtConsultancyDialog(self).exec()

    def record_consultancy(self, person_id: int, until: dt.date | None, note: str) -> dict:
        row = self.store.consultancies.add(person_id, self.assessment["applicant_id"],
                                           until=until.isoformat() if until else None, note=note,
                                           by=self.context.user_name or "")
        self.refresh()
        return row


class QtConsultancyDialog(QDialog):
    """Record that a registered person consulted for the plan's applicant."""

    def __init__(self, owner: QtAuditPlanDialog):
        super().__init__(owner)
        self.owner = owner
        self.setWindowTitle(self.tr("Record a consultancy"))
        self.person = QComboBox()
        for person in owner.store.people.list(active=True):
            self.person.addItem(f"{person['name']} (#{person['id']})", person["id"])
        self.has_end = QCheckBox(self.tr("Counts until"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        today = owner.store.today()
        self.until.setDate(QDate(today.year, today.month, today.day))
        self.until.setEnabled(False)
        self.has_end.toggled.connect(self.until.setEnabled)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What the consultancy was"))
        form = QFormLayout()
        form.addRow(self.tr("Person"), self.person)
        end = QHBoxLayout()
        end.addWidget(self.has_end)
        end.addWidget(self.until, 1)
        form.addRow(self.tr("End"), end)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        date = self.until.date()
        until = dt.date(date.year(), date.month(), date.day()) if self.has_end.isChecked() else None
        try:
            self.owner.record_consultancy(self.person.currentData(), until, self.note.text())
        except RefusedInput as exc:
            self.owner.context.show_refusal(self, self.windowTitle(), exc)
            return
        super().accept()


__all__ = ["QtAuditPlanDialog", "QtConsultancyDialog"]
