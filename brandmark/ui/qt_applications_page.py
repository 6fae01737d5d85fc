"""The applications page (认证申请与受理): the list with status and clock, a new application,
each material received with its file or marked not applicable, and the acceptance decision.

Everything goes through ``store.applications`` (the same core as ``brandmark-cli
applications``); a refusal of the core is shown as its message. The decision is made and
signed by the person signed in (Settings → Sign in…); return and refuse need a reason. The
clock is the one the deadlines page shows: the acceptance's working days while the
application is open, the decision's once it is accepted (``store.deadlines``).

An accepted application without an assessment offers "Start assessment…", which asks the
window for the new-assessment dialog on its applicant. ``QtApplicationsDialog`` is the page
in a dialog, for the new-assessment dialog's "New application…".

>>> page = QtApplicationsPage(context)                       # doctest: +SKIP
>>> page.new_assessment_requested.connect(window.new_assessment)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from brandmark.atomic_files import write_bytes
from brandmark.errors import RefusedInput
from brandmark.standards import normalise_standard
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_applicant_picker import PicksAnApplicant, QtApplicantPicker
from brandmark.ui.qt_deadlines_page import colour_for, days_left_text, step_name
from brandmark.ui.qt_field_check import error_label, show_field_check
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_item_editors import localized
from brandmark.ui.qt_saved import announce_saved

STATUSES = ("open", "returned", "accepted", "refused")


def status_name(status: str) -> str:
    names = {"open": QCoreApplication.translate("QtApplicationsPage", "open"),
             "returned": QCoreApplication.translate("QtApplicationsPage", "returned for completion"),
             "accepted": QCoreApplication.translate("QtApplicationsPage", "accepted"),
             "refused": QCoreApplication.translate("QtApplicationsPage", "refused")}
    return names.get(status, status)


def material_status_name(status: str) -> str:
    names = {"received": QCoreApplication.translate("QtApplicationsPage", "received"),
             "na": QCoreApplication.translate("QtApplicationsPage", "not applicable"),
             "missing": QCoreApplication.translate("QtApplicationsPage", "missing")}
    return names.get(status, status)


def decision_name(decision: str) -> str:
    names = {"accept": QCoreApplication.translate("QtApplicationsPage", "accepted"),
             "return": QCoreApplication.translate("QtApplicationsPage", "returned for completion"),
             "refuse": QCoreApplication.translate("QtApplicationsPage", "refused")}
    return names.get(decision, decision)


class QtNewApplicationDialog(PicksAnApplicant, QDialog):
    """Record an application received today: applicant, scheme (proposed for the applicant's
    industry), product, models, standard, factory address."""

    def __init__(self, context, parent: QWidget | None = None, applicant_id: int | None = None):
        super().__init__(parent)
        self.context = context
        self.application_id: int | None = None
        self.setWindowTitle(self.tr("New application"))
        self.setMinimumWidth(600)
        self.applicant_picker = QtApplicantPicker(context.store)
        self.scheme_combo = QComboBox()
        self.scheme_combo.addItem(self.tr("(choose the scheme)"), None)
        for row in context.store.schemes.list():
            if row["latest"]:
                title = localized(row["title"], row["title_en"], context.language or "zh_CN")
                self.scheme_combo.addItem(f"{title}  ({row['id']} {row['version']})", row["id"])
        self.scheme_chosen = False
        self.scheme_combo.activated.connect(lambda _index: setattr(self, "scheme_chosen", True))
        self.product_edit = QLineEdit()
        self.product_edit.setPlaceholderText(self.tr("e.g. electric kettle"))
        self.models_edit = QLineEdit()
        self.models_edit.setPlaceholderText(self.tr("e.g. SK-1701, SK-1702"))
        self.standard_edit = QLineEdit()
        self.standard_edit.setPlaceholderText("T/ZZB 0123—2024")
        self.standard_message = QLabel()
        self.standard_message.setWordWrap(True)
        self.standard_edit.textChanged.connect(self.check_standard)
        self.factory_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Applicant"), self.applicant_picker)
        form.addRow(self.tr("&Scheme pack"), self.scheme_combo)
        form.addRow(self.tr("&Product"), self.product_edit)
        form.addRow(self.tr("&Models"), self.models_edit)
        form.addRow(self.tr("S&tandard number"), self.standard_edit)
        form.addRow("", self.standard_message)
        form.addRow(self.tr("&Factory address"), self.factory_edit)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Record application"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Received today ({0}); its materials are then received one by one.").format(
            context.store.today().isoformat())))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.applicant_combo.currentIndexChanged.connect(lambda _index: self.propose_scheme())
        self.applicant_picker.fill(applicant_id)
        self.propose_scheme()
        self.check_standard("")

    def propose_scheme(self) -> None:
        if self.scheme_chosen:
            return
        applicant_id = self.applicant_picker.applicant_id()
        industry = self.context.store.applicants.get(applicant_id)["industry"] if applicant_id is not None else ""
        proposed = self.context.store.schemes.proposed_for(industry)
        self.scheme_combo.setCurrentIndex(max(0, self.scheme_combo.findData(proposed)))

    def check_standard(self, text: str) -> bool:
        return show_field_check(self.standard_message, text, normalise_standard, self.context.language,
                                hint=self.tr("Optional: the 浙江制造 group standard, T/ZZB NNNN—YYYY."),
                                valid=self.tr("Standard: {0}"), empty_ok=True)

    def save(self) -> None:
        applicant_id = self.applicant_picker.applicant_id()
        scheme_id = self.scheme_combo.currentData()
        if applicant_id is None:
            self._error(self.tr("Choose the applicant first."))
            return
        if scheme_id is None:
            self._error(self.tr("Choose the scheme first."))
            return
        try:
            self.application_id = self.context.store.applications.new(
                applicant_id=applicant_id, scheme_id=scheme_id, product=self.product_edit.text().strip() or None,
                models=self.models_edit.text(), standard=self.standard_edit.text().strip() or None,
                factory_address=self.factory_edit.text(), by=self.context.user_name)
        except RefusedInput as exc:
            self._error(localized_message(exc, self.context.language), str(exc))
            return
        self.context.notify("applications")
        self.accept()

    def _error(self, message: str, details: str = "") -> None:
        self.error_label.setText(message)
        self.error_label.setToolTip(details)
        self.error_label.show()


class QtApplicationsPage(QWidget):
    """``new_assessment_requested(applicant_id)`` asks the window to start an assessment."""

    new_assessment_requested = Signal(int)

    def __init__(self, context, parent: QWidget | None = None, applicant_id: int | None = None):
        super().__init__(parent)
        self.context = context
        self.for_applicant = applicant_id
        self.rows: list[dict] = []
        self.current: dict | None = None
        title = QLabel(self.tr("Applications"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("applicationsSummary")
        self.new_button = QPushButton(self.tr("&New application…"))
        self.new_button.clicked.connect(self.new_application)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_name(status), status)
        self.status_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        status_label = QLabel(self.tr("Sh&ow"))
        status_label.setBuddy(self.status_filter)

        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Applicant"), self.tr("Scheme"), self.tr("Product"), self.tr("Status"),
            self.tr("Received"), self.tr("Clock")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((56, 230, 150, 120, 120, 96)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.setAccessibleName(self.tr("Applications"))

        # The chosen application: its materials and the decision.
        self.heading = QLabel()
        self.heading.setObjectName("applicationHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock = QLabel()
        self.clock.setObjectName("applicationClock")
        self.materials = QTableWidget(0, 4)
        self.materials.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Required"), self.tr("Status"),
                                                  self.tr("File")])
        self.materials.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.materials.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.materials.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.materials.verticalHeader().hide()
        self.materials.setWordWrap(True)
        self.materials.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.materials.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.materials.itemSelectionChanged.connect(self._enable)
        self.materials.setAccessibleName(self.tr("Materials"))
        self.receive_button = QPushButton(self.tr("&Receive file…"))
        self.receive_button.setToolTip(self.tr("Record the chosen material as received, with its file"))
        self.receive_button.clicked.connect(self.receive_file)
        self.na_button = QPushButton(self.tr("Not a&pplicable"))
        self.na_button.setToolTip(self.tr("Record the chosen material as not applicable to this applicant"))
        self.na_button.clicked.connect(self.mark_not_applicable)
        # What was received is kept in the register; the body reads it back from there.
        self.save_copy_button = QPushButton(self.tr("Save a cop&y…"))
        self.save_copy_button.setToolTip(self.tr("Save a copy of the file received for the chosen material"))
        self.save_copy_button.clicked.connect(self.save_copy)
        material_buttons = QHBoxLayout()
        material_buttons.addWidget(self.receive_button)
        material_buttons.addWidget(self.na_button)
        material_buttons.addWidget(self.save_copy_button)
        material_buttons.addStretch(1)

        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason (required to return or refuse; the applicant is told)"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(64)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.accept_button = QPushButton(self.tr("A&ccept"))
        self.accept_button.setToolTip(self.tr("Accept the application: its date starts the decision clock"))
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.return_button = QPushButton(self.tr("Re&turn for completion"))
        self.return_button.clicked.connect(lambda: self.decide("return"))
        self.refuse_button = QPushButton(self.tr("Ref&use"))
        self.refuse_button.clicked.connect(lambda: self.decide("refuse"))
        self.start_button = QPushButton(self.tr("Start &assessment…"))
        self.start_button.clicked.connect(self._start_assessment)
        self.decider_note = QLabel()
        self.decider_note.setObjectName("deciderNote")
        self.decider_note.setWordWrap(True)
        self.decider_note.setStyleSheet("color: #5f6368;")
        decision_buttons = QHBoxLayout()
        for button in (self.accept_button, self.return_button, self.refuse_button):
            decision_buttons.addWidget(button)
        decision_buttons.addStretch(1)
        decision_buttons.addWidget(self.start_button)
        self.decisions = QLabel()
        self.decisions.setObjectName("applicationDecisions")
        self.decisions.setWordWrap(True)
        self.decisions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        decision_box = QGroupBox(self.tr("Acceptance decision"))
        decision_layout = QVBoxLayout(decision_box)
        decision_layout.addWidget(self.decider_note)
        decision_layout.addWidget(self.reason_edit)
        decision_layout.addLayout(decision_buttons)
        decision_layout.addWidget(self.decisions)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.clock)
        detail_layout.addWidget(self.materials, 1)
        detail_layout.addLayout(material_buttons)
        detail_layout.addWidget(decision_box)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addSpacing(16)
        top.addWidget(status_label)
        top.addWidget(self.status_filter)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        # Ctrl+N on the page: a new application (the buttons have their Alt letters).
        QShortcut(QKeySequence.StandardKey.New, self, self.new_application,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        context.changed.connect(lambda topic: self.refresh() if topic in ("applications", "assessments", "all")
                                else None)
        self.refresh()

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    # -- the list -------------------------------------------------------------------------
    def _clocks(self) -> dict[int, dict]:
        """Each open application's clock (acceptance, or decision once accepted), by application id."""
        clocks = {}
        for row in self.context.store.deadlines.list(kinds=("application", "assessment")):
            application = row.get("application_id") or (row["id"] if row["kind"] == "application" else None)
            if application is not None:
                clocks[int(application)] = row
        return clocks

    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else (self.current or {}).get("id")
        store = self.context.store
        self.rows = store.applications.list(status=self.status_filter.currentData(), applicant_id=self.for_applicant)
        clocks = self._clocks()
        language = self.context.language or "zh_CN"
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        waiting = 0
        for index, row in enumerate(self.rows):
            pack = store.schemes.get(row["scheme_id"], row["scheme_version"])
            clock = clocks.get(row["id"])
            row["clock"] = clock
            waiting += row["status"] in ("open", "returned")
            clock_text = (f"{step_name(clock['step'])}: {days_left_text(clock)}" if clock else "—")
            values = (f"#{row['id']}", row["applicant_name"], localized(pack.title, pack.title_en, language),
                      row["product_name"] or "", status_name(row["status"]), row["received_on"], clock_text)
            colour = colour_for(clock) if clock else None
            for column, value in enumerate(values):
                cell = QTableWidgetItem(str(value))
                cell.setData(Qt.ItemDataRole.UserRole, row["id"])
                if colour and column == 6:
                    cell.setForeground(QBrush(QColor(colour)))
                if column in (1, 2):
                    cell.setToolTip(str(value))
                self.table.setItem(index, column, cell)
        self.summary.setText(self.tr("Today {0} · {1} applications · {2} waiting for acceptance").format(
            store.today().isoformat(), len(self.rows), waiting))
        ids = [row["id"] for row in self.rows]
        self.table.clearSelection()
        if ids:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self.table.blockSignals(False)
        self._selected()

    def _selected(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.current = None
        else:
            self.current = self.context.store.applications.get(self.rows[selected[0].row()]["id"])
            self.current["clock"] = self.rows[selected[0].row()].get("clock")
        self._show_current()

    def _show_current(self) -> None:
        application = self.current
        language = self.context.language or "zh_CN"
        self.materials.setRowCount(0)
        if application is None:
            self.heading.setText(self.tr("No application chosen."))
            self.clock.clear()
            self.decisions.clear()
            self._enable()
            return
        pack = self.context.store.applications.pack_for(application)
        self.heading.setText(self.tr("#{0} {1} ({2}) · {3} {4} · {5}").format(
            application["id"], application["applicant_name"], application["applicant_uscc"],
            localized(pack.title, pack.title_en, language), pack.version, status_name(application["status"])))
        clock = application.get("clock")
        dates = self.tr("Received {0}").format(application["received_on"])
        if application["accepted_on"]:
            dates += " · " + self.tr("accepted {0}").format(application["accepted_on"])
        if application["assessment_id"]:
            dates += " · " + self.tr("assessment #{0}").format(application["assessment_id"])
        if clock:
            due = clock["due_on"] or "?"
            dates += " · " + self.tr("{0} due {1}: {2}").format(step_name(clock["step"]), due, days_left_text(clock))
        self.clock.setText(dates)
        self.clock.setStyleSheet(f"color: {colour_for(clock)};" if clock and colour_for(clock) else "")
        items = application["items"]
        self.materials.setRowCount(len(items))
        for index, item in enumerate(items):
            title = localized(item["title"], item["title_en"], language)
            values = (title, self.tr("required") if item["required"] else self.tr("optional"),
                      material_status_name(item["status"]), item["file_name"] or "")
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 0 and item["clause"]:
                    cell.setToolTip(f"{title} ({item['clause']})")
                if column == 2 and item["status"] == "missing" and item["required"]:
                    cell.setForeground(QBrush(QColor("#b22a2a")))
                if column == 3 and item["sha256"]:
                    cell.setToolTip(f"SHA-256 {item['sha256']} · {item['size']} B")
                self.materials.setItem(index, column, cell)
        if items:
            self.materials.selectRow(next((i for i, item in enumerate(items)
                                           if item["status"] == "missing" and item["required"]), 0))
        self.materials.resizeRowsToContents()
        lines = [self.tr("{0}: {1} by {2}").format(d["decided_on"], decision_name(d["decision"]), d["decided_by"])
                 + (f" — {d['reason']}" if d["reason"] else "") for d in application["decisions"]]
        self.decisions.setText("\n".join(lines))
        self._enable()

    def _enable(self) -> None:
        application = self.current
        open_now = application is not None and application["status"] in ("open", "returned")
        chosen = bool(self.materials.selectionModel().selectedRows())
        self.receive_button.setEnabled(open_now and chosen)
        self.na_button.setEnabled(open_now and chosen)
        material = self._chosen_material()
        self.save_copy_button.setEnabled(bool(material) and material["status"] == "received"
                                         and bool(material.get("file_name")))
        for button in (self.accept_button, self.return_button, self.refuse_button):
            button.setEnabled(open_now)
        self.reason_edit.setEnabled(open_now)
        self.start_button.setEnabled(application is not None and application["status"] == "accepted"
                                     and application["assessment_id"] is None)
        person = self.context.person
        if not open_now:
            self.decider_note.setText("")
        elif person is None:
            self.decider_note.setText(self.tr("Sign in to decide (Settings → Sign in…): the decision is signed by "
                                              "the person signed in."))
        else:
            self.decider_note.setText(self.tr("Decided and signed by {0}, signed in.").format(person["name"]))

    def _chosen_material(self) -> dict | None:
        selected = self.materials.selectionModel().selectedRows()
        if self.current is None or not selected:
            return None
        return self.current["items"][selected[0].row()]

    # -- acts -------------------------------------------------------------------------------
    def new_application(self) -> int | None:
        dialog = QtNewApplicationDialog(self.context, self, applicant_id=self.for_applicant)
        if not dialog.exec():
            return None
        self.status_filter.setCurrentIndex(0)
        self.refresh(select=dialog.application_id)
        return dialog.application_id

    def receive_file(self) -> None:
        item = self._chosen_material()
        if item is None:
            return
        language = self.context.language or "zh_CN"
        path, _ = qt_file_dialogs.open_file_name(
            self, self.tr("The file received for “{0}”").format(localized(item["title"], item["title_en"], language)),
            purpose="evidence")
        if path:
            self._act(lambda: self.context.store.applications.receive(
                self.current["id"], item["id"], path, by=self.context.user_name))

    def save_copy(self) -> Path | None:
        """Write the chosen material's received file where the user says; returns where it went."""
        item = self._chosen_material()
        if item is None or not item.get("file_name"):
            return None
        language = self.context.language or "zh_CN"
        title = self.tr("Save a copy of “{0}”").format(localized(item["title"], item["title_en"], language))
        path, _ = qt_file_dialogs.save_file_name(self, title, item["file_name"], purpose="evidence")
        if not path:
            return None
        try:
            written = write_bytes(path, self.context.store.applications.content(self.current["id"], item["id"]))
        except RefusedInput as exc:
            self.context.show_refusal(self, title, exc)
            return None
        except OSError as exc:
            QMessageBox.warning(self, title, self.tr("The file could not be written: {0}").format(exc))
            return None
        announce_saved(self, title, [written])
        return written

    def mark_not_applicable(self) -> None:
        item = self._chosen_material()
        if item is not None:
            self._act(lambda: self.context.store.applications.receive(
                self.current["id"], item["id"], not_applicable=True, by=self.context.user_name))

    def decide(self, decision: str) -> None:
        if self.current is None:
            return
        person = self.context.person
        if person is None:
            QMessageBox.information(self, self.tr("Acceptance decision"), self.tr(
                "Sign in first (Settings → Sign in…): the decision is signed by the person signed in."))
            return
        reason = self.reason_edit.toPlainText()
        if self._act(lambda: self.context.store.applications.decide(self.current["id"], decision, by=person["id"],
                                                                    reason=reason)):
            self.reason_edit.clear()

    def _act(self, work) -> bool:
        """Run one act of the core; a refusal is shown as its message. Returns whether it was done."""
        application_id = self.current["id"]
        try:
            work()
        except RefusedInput as exc:
            self.context.show_refusal(self, self.tr("Applications"), exc)
            return False
        self.context.notify("applications")
        self.refresh(select=application_id)
        return True

    def _start_assessment(self) -> None:
        if self.current is not None:
            self.new_assessment_requested.emit(int(self.current["applicant_id"]))


class QtApplicationsDialog(QDialog):
    """The applications page in a dialog (from the new-assessment dialog's "New application…")."""

    def __init__(self, context, parent: QWidget | None = None, applicant_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Applications"))
        self.resize(1000, 700)
        self.page = QtApplicationsPage(context, self, applicant_id=applicant_id)
        # Here an accepted application is started by closing and choosing it in the new-assessment dialog.
        self.page.start_button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)

    def new_application(self) -> int | None:
        return self.page.new_application()
