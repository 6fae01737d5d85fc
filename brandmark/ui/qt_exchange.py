"""Exchange bundles (``.bmx``) in the window: Assessments → Assign to assessor…, File →
Export for the register…, File → Import…, bundles dropped onto the window, the import
report with its conflicts, and the self-assessments an enterprise sent with its application.

The core does the work (``brandmark.exchange``). Imports and exports run off the GUI thread
with progress (evidence can be tens of megabytes). An import is one transaction, so Cancel
writes nothing; an export writes its file in one rename, so Cancel leaves no file. The
report says what was imported, that nothing changed, or which items are in conflict; each
conflict is settled on its own, keeping the register's answer or taking the assessor's, and
the core logs each choice with the person signed in. Several bundles (dropped together, or
chosen together in File → Import…) are imported one after another, each in its own
transaction: one refused does not stop or touch the others, and one report lists them all.

Exporting signs the bundle with the signed-in assessor's key, which is open only in the
window's own session: the key is taken from it on the GUI thread and handed to the worker's
store for that one export (``People.sign_in_with_key``). The body's assignment is signed with
the body's key, asked for once per session; it carries no evidence and is written at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from brandmark.errors import Cancelled, RefusedInput
from brandmark.formatting import format_size, local_date
from brandmark.ui.qt_file_dialogs import open_file_names, save_file_name
from brandmark.ui.qt_i18n import localized, localized_message

BUNDLE_SUFFIX = ".bmx"
MEGABYTE = 1024 * 1024


class _Stopped:
    """What a worker returns when the user cancelled: ``run_operation`` drops a ``Cancelled``
    silently, and a batch must still learn of it to say so and stop."""

    def __init__(self, cancelled: Cancelled):
        self.cancelled = cancelled


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
    exported = Signal(dict)        # an export's summary, once its file is there
    batch_done = Signal(list)      # several bundles imported: [{"path", "report", "error"}]

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.export_action = None
        self.import_action = None
        self.report_dialog: QtImportReportDialog | None = None
        self.batch_dialog: QtBatchImportDialog | None = None
        self.batch: list[dict] = []
        self.last_error: Exception | None = None
        self.last_export: dict | None = None
        self.saved_box = None

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

    def export_for_register(self, assessment_id: int | None = None, path: str | None = None) -> bool:
        """Write the assessment's bundle for the body's register off the GUI thread, with
        progress; ``exported`` carries the core's summary once the file is there. False when
        nothing was started (no assessment, nobody signed in, no file chosen, refused)."""
        title = self.tr("Export for the register")
        assessment_id = assessment_id if assessment_id is not None else self.current_assessment_id()
        if assessment_id is None:
            self._tell(title, self.tr("Open an assessment, or select one in the assessments register, "
                                      "then export it for the register."))
            return False
        store = self.context.store
        assessment = store.assessments.get(assessment_id)
        self_mode = assessment["mode"] == "self"
        person = self.context.person
        if not self_mode and not person:
            self._tell(title, self.tr("Sign in as the assessment's assessor first: the bundle is signed with "
                                      "your key."))
            self.window.ask_sign_in(self.tr("Sign in to sign the bundle for the register."))
            return False
        if path is None:
            stem = "self-assessment" if self_mode else "assessment"
            path, _ = save_file_name(self.window, title, f"{stem}-{assessment_id}{BUNDLE_SUFFIX}",
                                     self.tr("Exchange bundles (*.bmx)"), purpose="exchange")
            if not path:
                return False
        if not path.lower().endswith(BUNDLE_SUFFIX):
            path += BUNDLE_SUFFIX
        by = assessment["assessor"] if self_mode else person["id"]
        signing: tuple | None = None
        if not self_mode:
            try:
                # The key is open in the window's session only: taken here, on the GUI thread,
                # and handed to the worker's own store for this one export.
                key_id, private = store.people.unlocked_key(store.people.actor(person["id"]))
            except RefusedInput as exc:
                self.last_error = exc
                self.context.show_refusal(self.window, title, exc)
                return False
            signing = (person["id"], key_id, private)
        writing = self.tr("Writing the evidence: {0:.1f} of {1:.1f} MB")

        def work(worker_store, progress):
            from brandmark import exchange

            if signing is not None and worker_store is not store:
                worker_store.people.sign_in_with_key(*signing)

            def evidence_written(done: int, total: int) -> bool:
                return progress(done, total, writing.format(done / MEGABYTE, total / MEGABYTE))

            try:
                return exchange.export_assessment(worker_store, assessment_id, path=path, by=by,
                                                  progress=evidence_written)
            except Cancelled as exc:
                return _Stopped(exc)
            finally:
                if signing is not None and worker_store is not store:
                    worker_store.people.lock(signing[0])

        def failed(exc: Exception) -> None:
            self.last_error = exc
            self._show_failure(title, exc)

        self.last_error = None
        self.last_export = None
        self.context.run_operation(self.window, self.tr("Exporting assessment {0}…").format(assessment_id), work,
                                   on_done=self._exported, on_error=failed)
        return True

    def _exported(self, result) -> None:
        if isinstance(result, _Stopped):
            self.last_error = result.cancelled
            return
        self.last_export = result
        self.context.notify("assessments")
        self.window.statusBar().showMessage(self.tr(
            "Exported assessment {0} to {1}: {2} answers, {3} evidence files").format(
            result.get("assessment", ""), result["file"], result.get("answers", 0), result.get("evidence", 0)), 20_000)
        self.exported.emit(result)

    # -- the body's assignment ------------------------------------------------------------
    def assign_to_assessor(self, assessment_id: int | None = None, path: str | None = None) -> dict | None:
        """Write the body's signed assignment of a certification assessment for its assessor's
        laptop (asks for the body's passphrase when its key is not open, and for the file)."""
        title = self.tr("Assign to assessor")
        assessment_id = assessment_id if assessment_id is not None else self.current_assessment_id()
        if assessment_id is None:
            self._tell(title, self.tr("Select an assessment in the assessments register, then assign it."))
            return None
        store = self.context.store
        assessment = store.assessments.get(assessment_id)
        keys = store.body_keys
        if keys.current() is not None and not keys.is_unlocked() and not self._ask_body_passphrase(title):
            return None
        if path is None:
            assessor = assessment.get("assessor") or ""
            path, _ = save_file_name(self.window, title, f"assignment-{assessment_id}-{assessor}{BUNDLE_SUFFIX}",
                                     self.tr("Exchange bundles (*.bmx)"), purpose="exchange")
            if not path:
                return None
        if not path.lower().endswith(BUNDLE_SUFFIX):
            path += BUNDLE_SUFFIX
        from brandmark import exchange

        by = (self.context.person or {}).get("name", "") or self.context.user_name or ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = exchange.assign(store, assessment_id, to=assessment["assessor_id"] or assessment["assessor"],
                                     path=path, by=by)
        except RefusedInput as exc:
            QApplication.restoreOverrideCursor()
            self.last_error = exc
            self.context.show_refusal(self.window, title, exc)
            return None
        QApplication.restoreOverrideCursor()
        self.context.notify("assessments")
        from brandmark.ui.qt_saved import announce_saved

        self.saved_box = announce_saved(self.window, title, [result["file"]], note=self.tr(
            "Assessment {0} is assigned to {1}. Give them the file: their laptop imports it with "
            "File → Import….").format(assessment_id, result["assessor"]))
        return result

    def _ask_body_passphrase(self, title: str) -> bool:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        passphrase, ok = QInputDialog.getText(self.window, title, self.tr(
            "The body's passphrase (opens its signing key for this session):"), QLineEdit.EchoMode.Password)
        if not ok:
            return False
        try:
            self.context.store.body_keys.unlock(passphrase)
        except RefusedInput as exc:
            self.context.show_refusal(self.window, title, exc)
            return False
        return True

    # -- import ---------------------------------------------------------------------------
    def ask_import(self) -> None:
        paths, _ = open_file_names(self.window, self.tr("Import bundles"), "", self.tr("Exchange bundles (*.bmx)"),
                                   purpose="exchange")
        if paths:
            self.import_files(paths)

    def import_file(self, path: str) -> None:
        """Import ``path`` off the GUI thread with progress; its report opens when it is done."""
        self.import_files([path])

    def import_files(self, paths: list[str]) -> None:
        """Import ``paths`` one after another, each in its own transaction, off the GUI thread.
        One bundle: its report (or its refusal) as soon as it is done. Several: one report
        listing each bundle's outcome, a refused one beside those that went in."""
        self.last_error = None
        self.batch = [{"path": str(path), "report": None, "error": None} for path in paths]
        self._import_next(0)

    def _import_next(self, index: int) -> None:
        if index >= len(self.batch):
            self._batch_done()
            return
        entry = self.batch[index]
        path = entry["path"]
        by = (self.context.person or {}).get("name", "")
        name = Path(path).name
        reading = self.tr("Reading the evidence: {0:.1f} of {1:.1f} MB")
        label = (self.tr("Importing {0}…").format(name) if len(self.batch) == 1
                 else self.tr("Importing {0} ({1} of {2})…").format(name, index + 1, len(self.batch)))

        def work(store, progress):
            from brandmark import exchange

            def evidence_read(done: int, total: int) -> bool:
                return progress(done, total, reading.format(done / MEGABYTE, total / MEGABYTE))

            try:
                return exchange.import_bundle(store, path, by=by, progress=evidence_read)
            except Cancelled as exc:
                return _Stopped(exc)

        def done(report) -> None:
            if isinstance(report, _Stopped):
                failed(report.cancelled)
                return
            entry["report"] = report
            self.context.notify("all")
            self.imported.emit(report)
            self._import_next(index + 1)

        def failed(exc: Exception) -> None:
            entry["error"] = exc
            self.last_error = exc
            if isinstance(exc, Cancelled):
                for later in self.batch[index + 1:]:
                    later["error"] = exc          # the user stopped the batch: the rest is not read
                self._batch_done()
                return
            self._import_next(index + 1)

        self.context.run_operation(self.window, label, work, on_done=done, on_error=failed)

    def _batch_done(self) -> None:
        batch = self.batch
        if len(batch) == 1:
            entry = batch[0]
            if entry["report"] is not None:
                self.show_report(entry["report"])
            else:
                self._show_failure(self.tr("Import a bundle"), entry["error"])
            return
        self.batch_dialog = QtBatchImportDialog(self, batch, self.window)
        self.batch_dialog.open()
        self.batch_done.emit(batch)

    def show_report(self, report: dict) -> QDialog:
        self.report_dialog = QtImportReportDialog(self.context, report, self.window)
        self.report_dialog.open_assessment_requested.connect(self.window.open_assessment)
        self.report_dialog.open()
        return self.report_dialog

    def _show_failure(self, title: str, exc: Exception | None) -> None:
        if isinstance(exc, RefusedInput):
            self.context.show_refusal(self.window, title, exc)
        elif exc is not None and not isinstance(exc, Cancelled):
            self.context.show_refusal(self.window, title, RefusedInput.of("exchange.failed", why=str(exc)[:300]))

    def outcome_text(self, entry: dict) -> str:
        """One bundle of a batch, in words: what went in, that nothing changed, or why not."""
        report, error = entry["report"], entry["error"]
        if report is not None:
            if report.get("unchanged"):
                return self.tr("Imported before: nothing changed")
            counts = ", ".join(self.tr("{0}: {1}").format(self._count_word(key), count) for key, count in
                               (report.get("imported") or {}).items() if count)
            conflicts = len(report.get("conflicts") or [])
            text = self.tr("Imported: {0}").format(counts or "—")
            return text + (self.tr("; {0} conflicts to settle").format(conflicts) if conflicts else "")
        if isinstance(error, Cancelled):
            return self.tr("Not imported: cancelled")
        if isinstance(error, RefusedInput):
            return self.tr("Refused: {0}").format(localized_message(error, self.context.language))
        return self.tr("Failed: {0}").format(error)

    def _count_word(self, key: str) -> str:
        words = {"answers": self.tr("answers"), "evidence": self.tr("evidence files"), "findings": self.tr("findings"),
                 "assessments": self.tr("assessments"), "self_assessments": self.tr("self-assessments")}
        return words.get(key, key)

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


class QtBatchImportDialog(QDialog):
    """Several bundles imported one after another: one row each, with what it did or why it
    was refused, and its own report (conflicts to settle) a click away."""

    def __init__(self, actions: QtExchangeActions, batch: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.actions = actions
        self.batch = batch
        self.setWindowTitle(self.tr("Import of {0} bundles").format(len(batch)))
        self.resize(860, 360)
        layout = QVBoxLayout(self)
        went_in = sum(1 for entry in batch if entry["report"] is not None)
        self.summary = QLabel(self.tr("{0} of {1} bundles were imported, each on its own: a refused one changed "
                                      "nothing and did not stop the others.").format(went_in, len(batch)))
        self.summary.setObjectName("batchSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(batch), 3, self)
        self.table.setObjectName("batchBundles")
        self.table.setHorizontalHeaderLabels([self.tr("Bundle"), self.tr("Outcome"), self.tr("Report")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.report_buttons: dict[int, QPushButton] = {}
        for row, entry in enumerate(batch):
            name = QTableWidgetItem(Path(entry["path"]).name)
            name.setToolTip(entry["path"])
            self.table.setItem(row, 0, name)
            outcome = QTableWidgetItem(actions.outcome_text(entry))
            outcome.setToolTip(outcome.text())
            self.table.setItem(row, 1, outcome)
            if entry["report"] is not None:
                button = QPushButton(self.tr("Show the report…"))
                button.setObjectName(f"report-{row}")
                button.clicked.connect(lambda _checked=False, r=row: self.show_report(r))
                self.table.setCellWidget(row, 2, button)
                self.report_buttons[row] = button
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def outcome(self, row: int) -> str:
        item = self.table.item(row, 1)
        return item.text() if item is not None else ""

    def show_report(self, row: int) -> QDialog:
        return self.actions.show_report(self.batch[row]["report"])


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
        self.resize(760, 660)
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
        zone = context.store.time_zone()
        for entry in self.entries:
            scheme = titles.get(entry["scheme"], entry["scheme"])
            row = QTreeWidgetItem(self.list, [scheme, entry["declared_by"], local_date(entry["imported_at"], zone),
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
        layout.addWidget(QLabel(self.tr("Evidence files sent with it (checked by their SHA-256)")))
        self.evidence = QTreeWidget(self)
        self.evidence.setObjectName("attachedEvidence")
        self.evidence.setHeaderLabels([self.tr("Item"), self.tr("File"), self.tr("Size"), self.tr("SHA-256"),
                                       self.tr("Added by")])
        self.evidence.setRootIsDecorated(False)
        self.evidence.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.evidence.setMaximumHeight(110)
        layout.addWidget(self.evidence)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save a copy…"), self)
        self.save_button.setObjectName("saveEvidence")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_copy)
        self.save_message = QLabel(self)
        self.save_message.setObjectName("saveMessage")
        self.save_message.setWordWrap(True)
        row.addWidget(self.save_button)
        row.addWidget(self.save_message, 1)
        layout.addLayout(row)
        self.evidence.currentItemChanged.connect(
            lambda current, _previous: self.save_button.setEnabled(current is not None))
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
        self.evidence.clear()
        self.save_button.setEnabled(False)
        if row is None:
            return
        entry = next(e for e in self.entries if e["id"] == row.data(0, Qt.ItemDataRole.UserRole))
        for file in entry.get("evidence") or []:
            line = QTreeWidgetItem(self.evidence, [file["item_id"], file["file_name"], format_size(file["size"]),
                                                   file["sha256"][:12] + "…", file["added_by"] or "—"])
            line.setToolTip(3, f"SHA-256 {file['sha256']}\n{file['added_at']}")
            line.setData(0, Qt.ItemDataRole.UserRole, file["id"])
        if not entry.get("evidence"):
            QTreeWidgetItem(self.evidence, ["", self.tr("No evidence files were sent with it."), "", "", ""])
            self.evidence.setEnabled(False)
        else:
            self.evidence.setEnabled(True)
        self.readiness.setText(self.tr("Readiness {0:.0f} % ({1} answers), declared by {2}.").format(
            entry["readiness"], entry["answers"], entry["declared_by"] or "—"))
        language = self.context.language
        for gap in entry["gaps"]:
            current = self.tr("unanswered") if gap["current"] is None else str(gap["current"])
            QTreeWidgetItem(self.gaps, [f"{gap['item']} · {localized(gap['title'], gap['title_en'], language)}",
                                        current, str(gap["target"]), f"{gap['shortfall']:.2f}"])
        if not entry["gaps"]:
            QTreeWidgetItem(self.gaps, [self.tr("No gaps: every item meets its target."), "", "", ""])

    def save_copy(self, path: str | None = None) -> None:
        """Write the selected evidence file where the user chooses (checked as it is written)."""
        current = self.evidence.currentItem()
        evidence_id = None if current is None else current.data(0, Qt.ItemDataRole.UserRole)
        if evidence_id is None:
            return
        if path is None:
            path, _ = save_file_name(self, self.tr("Save a copy of the evidence file"), current.text(1),
                                     purpose="evidence")
            if not path:
                return
        from brandmark import exchange
        try:
            saved = exchange.save_attached_evidence(self.context.store, int(evidence_id), path)
        except RefusedInput as exc:
            self.save_message.setText(localized_message(exc, self.context.language))
            return
        self.save_message.setText(self.tr("Saved to {0}").format(saved["file"]))
