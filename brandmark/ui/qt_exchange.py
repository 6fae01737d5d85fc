"""Exchange bundles (``.bmx``) in the window: File → Export for the register…, File → Import…,
a bundle dropped onto the window, the import report with its conflicts, and the
self-assessments an enterprise sent with its application.

The core does the work (``brandmark.exchange``). An import runs off the GUI thread with
progress (evidence can be tens of megabytes): it is one transaction, so Cancel writes
nothing. The report says what was imported, that nothing changed, or which items are in
conflict; each conflict is settled on its own, keeping the register's answer or taking
the assessor's, and the core logs each choice with the person signed in.

Exporting signs the bundle with the signed-in assessor's key, which lives in the window's
own session; it runs on the GUI thread for that reason (a worker's store has nobody
signed in), with a busy cursor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.ui.qt_file_dialogs import open_file_name, save_file_name
from brandmark.ui.qt_item_editors import localized

BUNDLE_SUFFIX = ".bmx"
MEGABYTE = 1024 * 1024


def bundle_paths(mime) -> list[str]:
    """The local ``.bmx`` files a drag carries (anything else is not for the window)."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls() if isinstance(url, QUrl) and url.isLocalFile()]
    return [path for path in paths if path.lower().endswith(BUNDLE_SUFFIX)]


def answer_text(answer: dict | None) -> str:
    """An answer as the report shows it: its value (a list joined), its note after a line break."""
    if answer is None:
        return "—"
    value = answer.get("value")
    shown = "—" if value is None else ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    note = (answer.get("note") or "").strip()
    return f"{shown}\n{note}" if note else shown


class QtExchangeActions(QObject):
    """File → Export for the register… and File → Import… of one main window, and its drops."""

    imported = Signal(dict)        # an import's report, once it is written

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.export_action = None
        self.import_action = None
        self.report_dialog: QtImportReportDialog | None = None
        self.last_error: Exception | None = None

    @property
    def context(self):
        return self.window.context

    def add_to(self, menu) -> None:
        self.export_action = menu.addAction(self.tr("&Export for the register…"))
        self.export_action.setObjectName("exportForRegister")
        self.export_action.triggered.connect(lambda: self.export_for_register())
        self.import_action = menu.addAction(self.tr("&Import…"))
        self.import_action.setObjectName("importBundle")
        self.import_action.triggered.connect(lambda: self.ask_import())
        self.attach()

    def attach(self) -> None:
        ready = self.context is not None
        for action in (self.export_action, self.import_action):
            if action is not None:
                action.setEnabled(ready)

    # -- export ---------------------------------------------------------------------------
    def current_assessment_id(self) -> int | None:
        """The assessment open in the walk-through, else the one selected in the register."""
        pages = self.window.pages
        host = pages.get("assessment")
        if host is not None and self.window.stack.currentWidget() is host:
            return getattr(host.page, "assessment_id", None)
        register = getattr(pages.get("assessments"), "register", None)
        return register.selected_id() if register is not None else None

    def export_for_register(self, assessment_id: int | None = None, path: str | None = None) -> dict | None:
        """Write the assessment's bundle for the body's register; returns the core's summary."""
        title = self.tr("Export for the register")
        assessment_id = assessment_id if assessment_id is not None else self.current_assessment_id()
        if assessment_id is None:
            self._tell(title, self.tr("Open an assessment, or select one in the assessments register, "
                                      "then export it for the register."))
            return None
        store = self.context.store
        assessment = store.assessments.get(assessment_id)
        self_mode = assessment["mode"] == "self"
        person = self.context.person
        if not self_mode and not person:
            self._tell(title, self.tr("Sign in as the assessment's assessor first: the bundle is signed with "
                                      "your key."))
            self.window.ask_sign_in(self.tr("Sign in to sign the bundle for the register."))
            return None
        if path is None:
            stem = "self-assessment" if self_mode else "assessment"
            suggested = str(Path.home() / f"{stem}-{assessment_id}{BUNDLE_SUFFIX}")
            path, _ = save_file_name(self.window, title, suggested, self.tr("Exchange bundles (*.bmx)"))
            if not path:
                return None
        if not path.lower().endswith(BUNDLE_SUFFIX):
            path += BUNDLE_SUFFIX
        from brandmark import exchange

        by = assessment["assessor"] if self_mode else person["id"]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = exchange.export_assessment(store, assessment_id, path=path, by=by)
        except RefusedInput as exc:
            QApplication.restoreOverrideCursor()
            self.last_error = exc
            self.context.show_refusal(self.window, title, exc)
            return None
        QApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(self.tr(
            "Exported assessment {0} to {1}: {2} answers, {3} evidence files").format(
            assessment_id, result["file"], result.get("answers", 0), result.get("evidence", 0)), 20_000)
        return result

    # -- import ---------------------------------------------------------------------------
    def ask_import(self) -> None:
        path, _ = open_file_name(self.window, self.tr("Import a bundle"), str(Path.home()),
                                 self.tr("Exchange bundles (*.bmx)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import ``path`` off the GUI thread with progress; the report opens when it is done."""
        title = self.tr("Import a bundle")
        by = (self.context.person or {}).get("name", "")
        name = Path(path).name
        reading = self.tr("Reading the evidence: {0:.1f} of {1:.1f} MB")

        def work(store, progress):
            from brandmark import exchange

            def evidence_read(done: int, total: int) -> bool:
                return progress(done, total, reading.format(done / MEGABYTE, total / MEGABYTE))

            return exchange.import_bundle(store, path, by=by, progress=evidence_read)

        def failed(exc: Exception) -> None:
            self.last_error = exc
            if isinstance(exc, RefusedInput):
                self.context.show_refusal(self.window, title, exc)
            else:
                from brandmark.errors import Cancelled
                if not isinstance(exc, Cancelled):
                    self.context.show_refusal(self.window, title, RefusedInput(str(exc)))

        self.last_error = None
        self.context.run_operation(self.window, self.tr("Importing {0}…").format(name), work,
                                   on_done=self._imported, on_error=failed)

    def _imported(self, report: dict) -> None:
        self.context.notify("all")
        self.imported.emit(report)
        self.report_dialog = QtImportReportDialog(self.context, report, self.window)
        self.report_dialog.open_assessment_requested.connect(self.window.open_assessment)
        self.report_dialog.open()

    def _tell(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.window, title, text)


class QtImportReportDialog(QDialog):
    """What an import did: imported counts, or unchanged; the open conflicts, each settled here."""

    open_assessment_requested = Signal(int)

    KEEP, TAKE = "register", "bundle"

    def __init__(self, context, report: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.report = report
        self.assessment_id = report.get("assessment")
        self.setWindowTitle(self.tr("Import report"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)

        self.summary = QLabel(self._summary_text())
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.counts = QTreeWidget(self)
        self.counts.setObjectName("importCounts")
        self.counts.setHeaderLabels([self.tr("Imported"), self.tr("Count")])
        self.counts.setRootIsDecorated(False)
        for key, count in (report.get("imported") or {}).items():
            QTreeWidgetItem(self.counts, [self._count_name(key), str(count)])
        self.counts.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows = max(self.counts.topLevelItemCount(), 1)
        row_height = self.counts.sizeHintForRow(0) if self.counts.topLevelItemCount() else 18
        self.counts.setFixedHeight(self.counts.header().sizeHint().height() + rows * row_height
                                   + 2 * self.counts.frameWidth() + 4)
        layout.addWidget(self.counts)

        self.conflicts_title = QLabel()
        self.conflicts_title.setObjectName("conflictsTitle")
        self.conflicts_title.setWordWrap(True)
        layout.addWidget(self.conflicts_title)
        self.conflicts = QTableWidget(0, 4, self)
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setHorizontalHeaderLabels([self.tr("Item"), self.tr("The register's answer"),
                                                  self.tr("The assessor's answer"), self.tr("Choice")])
        self.conflicts.verticalHeader().hide()
        self.conflicts.setWordWrap(True)
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.conflicts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.conflicts, 1)
        self._filler = layout.count()           # a stretch that takes the table's room when there is no conflict
        layout.addStretch(0)
        self._layout = layout
        self.rows: dict[int, int] = {}          # conflict id → table row
        self.choice_buttons: dict[int, tuple[QPushButton, QPushButton]] = {}
        self.choices: dict[int, str] = {}       # conflict id → the choice made, as the cell shows it

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.open_button = buttons.addButton(self.tr("Open the assessment"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(self.assessment_id is not None)
        self.open_button.clicked.connect(self._open_assessment)
        self.self_assessment_button = buttons.addButton(self.tr("Show the self-assessment…"),
                                                        QDialogButtonBox.ButtonRole.ActionRole)
        self.self_assessment_button.setVisible(report.get("kind") == "self-assessment")
        self.self_assessment_button.clicked.connect(self.show_self_assessment)
        layout.addWidget(buttons)
        self.self_assessment_dialog = None
        self._fill_conflicts()

    # -- what the import did ------------------------------------------------------------
    def _summary_text(self) -> str:
        report, kind = self.report, self.report.get("kind")
        if report.get("unchanged"):
            return self.tr("This bundle was imported before: nothing changed in the register.")
        if kind == "assignment":
            return self.tr("The assignment was imported as assessment {0}: it is ready for the "
                           "walk-through.").format(self.assessment_id)
        if kind == "self-assessment":
            applicant = self.context.store.applicants.get(report.get("applicant"))
            return self.tr("The self-assessment was attached to {0}. It is self-declared: it never becomes "
                           "answers of a certification assessment.").format(applicant["name"])
        return self.tr("The assessor's work was imported into assessment {0}.").format(self.assessment_id)

    def _count_name(self, key: str) -> str:
        names = {"answers": self.tr("Answers"), "evidence": self.tr("Evidence files"),
                 "findings": self.tr("Findings"), "assessments": self.tr("Assessments"),
                 "self_assessments": self.tr("Self-assessments")}
        return names.get(key, key)

    # -- conflicts ------------------------------------------------------------------------
    def open_conflicts(self) -> list[dict]:
        """The assessment's open conflicts (those of this import and any left from earlier ones)."""
        if self.assessment_id is None or self.report.get("kind") != "work":
            return []
        from brandmark import exchange

        return exchange.conflicts(self.context.store, self.assessment_id)

    def _fill_conflicts(self) -> None:
        conflicts = self.open_conflicts()
        self.conflicts.setRowCount(len(conflicts))
        titles = self._item_titles() if conflicts else {}
        for row, conflict in enumerate(conflicts):
            conflict_id = conflict["id"]
            self.rows[conflict_id] = row
            item = QTableWidgetItem(titles.get(conflict["item_id"], conflict["item_id"]))
            item.setToolTip(conflict["item_id"])
            self.conflicts.setItem(row, 0, item)
            self.conflicts.setItem(row, 1, QTableWidgetItem(answer_text(conflict["register_answer"])))
            self.conflicts.setItem(row, 2, QTableWidgetItem(answer_text(conflict["bundle_answer"])))
            cell = QWidget()
            cell_layout = QHBoxLayout(cell)
            cell_layout.setContentsMargins(4, 2, 4, 2)
            keep = QPushButton(self.tr("Keep the register's"))
            keep.setObjectName(f"keep-{conflict_id}")
            take = QPushButton(self.tr("Take the assessor's"))
            take.setObjectName(f"take-{conflict_id}")
            keep.clicked.connect(lambda _checked=False, cid=conflict_id: self.resolve(cid, self.KEEP))
            take.clicked.connect(lambda _checked=False, cid=conflict_id: self.resolve(cid, self.TAKE))
            for widget in (keep, take):
                cell_layout.addWidget(widget)
            self.conflicts.setCellWidget(row, 3, cell)
            self.choice_buttons[conflict_id] = (keep, take)
        self.conflicts.resizeRowsToContents()
        self.conflicts.setVisible(bool(conflicts))
        self._layout.setStretch(self._filler, 0 if conflicts else 1)
        if not conflicts:
            self.resize(620, 320)
        self._update_conflicts_title()

    def _item_titles(self) -> dict[str, str]:
        try:
            pack = self.context.store.assessments.pack_for(self.assessment_id)
        except Exception:  # noqa: BLE001 — without the pack the item ids still say which
            return {}
        return {item.id: f"{item.id} · {localized(item.title, item.title_en, self.context.language)}"
                for item in pack.items()}

    def unsettled(self) -> list[int]:
        return [cid for cid, (keep, _) in self.choice_buttons.items() if keep.isEnabled()]

    def _update_conflicts_title(self) -> None:
        total, left = len(self.choice_buttons), len(self.unsettled())
        if not total:
            self.conflicts_title.setText(self.tr("No conflicts."))
        elif left:
            self.conflicts_title.setText(self.tr(
                "{0} of {1} items were changed both here and by the assessor since the assignment. Nothing was "
                "merged: choose for each which answer stands. Each choice is logged.").format(left, total))
        else:
            self.conflicts_title.setText(self.tr("Every conflict is settled."))

    def resolve(self, conflict_id: int, choice: str) -> bool:
        """Settle one conflict as the person signed in; True when the core took the choice."""
        title = self.tr("Settle a conflict")
        person = self.context.person
        if not person:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, title, self.tr("Sign in first: the choice is logged with your name."))
            return False
        from brandmark import exchange

        try:
            settled = exchange.resolve_conflict(self.context.store, conflict_id, choice, by=person["id"])
        except RefusedInput as exc:
            self.context.show_refusal(self, title, exc)
            return False
        keep, take = self.choice_buttons[conflict_id]
        keep.setEnabled(False)
        take.setEnabled(False)
        text = (self.tr("Kept the register's answer ({0})") if choice == self.KEEP
                else self.tr("Took the assessor's answer ({0})")).format(settled.get("resolved_by") or person["name"])
        self.choices[conflict_id] = text
        # The buttons give way to plain text in the cell, so the table lays the column out itself.
        row = self.rows[conflict_id]
        self.conflicts.cellWidget(row, 3).hide()      # removed later (deleteLater): not drawn meanwhile
        self.conflicts.removeCellWidget(row, 3)
        self.conflicts.setItem(row, 3, QTableWidgetItem(text))
        self.conflicts.resizeColumnToContents(3)
        self._update_conflicts_title()
        self.context.notify("assessments")
        return True

    # -- the buttons ------------------------------------------------------------------------
    def _open_assessment(self) -> None:
        if self.assessment_id is not None:
            self.open_assessment_requested.emit(self.assessment_id)
            self.accept()

    def show_self_assessment(self) -> QDialog | None:
        applicant_id = self.report.get("applicant")
        if applicant_id is None:
            return None
        self.self_assessment_dialog = QtSelfAssessmentsDialog(self.context, applicant_id, self,
                                                              chosen=self.report.get("attachment"))
        self.self_assessment_dialog.open()
        return self.self_assessment_dialog


class QtSelfAssessmentsDialog(QDialog):
    """The self-assessments an applicant sent: readiness, verdict and gap list of each, worked
    out here from its answers and frozen pack. Self-declared, shown as such."""

    def __init__(self, context, applicant_id: int, parent: QWidget | None = None, chosen: int | None = None):
        super().__init__(parent)
        self.context = context
        from brandmark import exchange

        applicant = context.store.applicants.get(applicant_id)
        self.entries = exchange.self_assessments(context.store, applicant_id)
        self.setWindowTitle(self.tr("Self-assessments of {0}").format(applicant["name"]))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Self-declared by the enterprise: shown for the application's review, never "
                              "answers of a certification assessment."))
        note.setObjectName("selfDeclaredNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QTreeWidget(self)
        self.list.setObjectName("selfAssessments")
        self.list.setHeaderLabels([self.tr("Scheme"), self.tr("Declared by"), self.tr("Imported"),
                                   self.tr("Readiness"), self.tr("Answers")])
        self.list.setRootIsDecorated(False)
        titles = {f"{scheme['id']}@{scheme['version']}": localized(scheme["title"], scheme.get("title_en") or "",
                                                                   context.language)
                  for scheme in context.store.schemes.list()}
        for entry in self.entries:
            scheme = titles.get(entry["scheme"], entry["scheme"])
            row = QTreeWidgetItem(self.list, [scheme, entry["declared_by"], (entry["imported_at"] or "")[:10],
                                              f"{entry['readiness']:.0f} %", str(entry["answers"])])
            row.setData(0, Qt.ItemDataRole.UserRole, entry["id"])
        self.list.setMaximumHeight(140)
        layout.addWidget(self.list)
        self.readiness = QLabel()
        self.readiness.setObjectName("readiness")
        self.readiness.setWordWrap(True)
        layout.addWidget(self.readiness)
        gaps_title = QLabel(self.tr("Gap list: items below their target, largest first"))
        layout.addWidget(gaps_title)
        self.gaps = QTreeWidget(self)
        self.gaps.setObjectName("gaps")
        self.gaps.setHeaderLabels([self.tr("Item"), self.tr("Now"), self.tr("Target"), self.tr("Shortfall")])
        self.gaps.setRootIsDecorated(False)
        self.gaps.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.gaps, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda current, _previous: self._show(current))
        if not self.entries:
            self.readiness.setText(self.tr("This applicant has sent no self-assessment."))
        else:
            ids = [entry["id"] for entry in self.entries]
            position = ids.index(chosen) if chosen in ids else len(ids) - 1
            self.list.setCurrentItem(self.list.topLevelItem(position))

    def _show(self, row: QTreeWidgetItem | None) -> None:
        self.gaps.clear()
        if row is None:
            return
        entry = next(e for e in self.entries if e["id"] == row.data(0, Qt.ItemDataRole.UserRole))
        self.readiness.setText(self.tr("Readiness {0:.0f} % ({1} answers), declared by {2}.").format(
            entry["readiness"], entry["answers"], entry["declared_by"] or "—"))
        language = self.context.language
        for gap in entry["gaps"]:
            current = self.tr("unanswered") if gap["current"] is None else str(gap["current"])
            QTreeWidgetItem(self.gaps, [f"{gap['item']} · {localized(gap['title'], gap['title_en'], language)}",
                                        current, str(gap["target"]), f"{gap['shortfall']:.2f}"])
        if not entry["gaps"]:
            QTreeWidgetItem(self.gaps, [self.tr("No gaps: every item meets its target."), "", "", ""])
