"""Backups in the window: File → Back up now, File → Restore from backup…, a quiet notice.

The core does the work (``brandmark.store.backup``); this module asks, shows and runs it
off the GUI thread. Opening the window starts the day's automatic backup in the
background (the first write would make it otherwise), and the status bar says so quietly
when the last backup is more than a day old.

Restoring closes the window's own connection first (SQLite refuses to swap a register
that any connection still holds), restores, then restarts brandmark on the restored
register. If another brandmark window or command has the register open, the restore is
refused and the window goes on with its register.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.formatting import format_size
from brandmark.store import Store
from brandmark.store import backup
from brandmark.ui.qt_saved import announce_saved


class _QuietSignals(QObject):
    done = Signal(object)


class _DailyBackupJob(QRunnable):
    """Today's automatic backup on its own connection, without a progress dialog."""

    def __init__(self, db_path: Path, clock, signals: _QuietSignals):
        super().__init__()
        self.db_path, self.clock, self.signals = db_path, clock, signals

    @Slot()
    def run(self) -> None:
        result = None
        try:
            with Store(self.db_path, clock=self.clock, load_bundled_packs=False, auto_backup=False) as store:
                result = backup.ensure_daily_backup(store)
        except Exception as exc:  # noqa: BLE001 — the notice in the status bar tells the user
            result = exc
        self.signals.done.emit(result)


class QtBackupActions(QObject):
    """The backup menu actions and the status-bar notice of one main window."""

    changed = Signal()          # a backup was made (the notice refreshes)

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.back_up_action = None
        self.restore_action = None
        self.notice = QLabel()
        self.notice.setObjectName("backupNotice")
        self.notice.hide()
        window.statusBar().addPermanentWidget(self.notice)
        self._jobs: set[_DailyBackupJob] = set()
        self.changed.connect(self.update_notice)

    @property
    def context(self):
        return self.window.context

    def add_to(self, menu) -> None:
        self.back_up_action = menu.addAction(self.tr("&Back up now"))
        self.back_up_action.setObjectName("backUpNow")
        self.back_up_action.triggered.connect(self.back_up_now)
        self.restore_action = menu.addAction(self.tr("&Restore from backup…"))
        self.restore_action.setObjectName("restoreFromBackup")
        self.restore_action.triggered.connect(self.ask_restore)

    def attach(self) -> None:
        """The window has a register: enable the actions, start today's backup, show the notice."""
        in_memory = self.context.db_path is None
        for action in (self.back_up_action, self.restore_action):
            if action is not None:
                action.setEnabled(not in_memory)
        self.update_notice()
        if not in_memory:
            # Once the first page is painted: the backup's thread would take the interpreter from it.
            self.window.after_first_page(self._start_daily_backup_if_due)

    def _start_daily_backup_if_due(self) -> None:
        if self.context is not None and self.context.store.daily_backup_due():
            self.start_daily_backup()

    # -- the automatic backup -----------------------------------------------------------------
    def start_daily_backup(self) -> None:
        signals = _QuietSignals()
        job = _DailyBackupJob(self.context.db_path, self.context.store.clock, signals)
        job.setAutoDelete(False)
        self._jobs.add(job)
        # A slot of this object, not a closure: a window closed before the backup ends is
        # never called back.
        signals.done.connect(self._daily_backup_finished)
        job.signals = signals
        QThreadPool.globalInstance().start(job)

    def wait_for_daily_backup(self, seconds: float = 120) -> None:
        """Until the start-up backup is done: its connection would make a restore refuse."""
        import time

        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + seconds
        while self._jobs and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)

    @Slot(object)
    def _daily_backup_finished(self, _result) -> None:
        self._jobs = {job for job in self._jobs if job.signals is not self.sender()}
        self.changed.emit()

    def update_notice(self) -> None:
        if self.context is None or self.context.db_path is None:
            self.notice.hide()
            return
        try:
            late, last = backup.overdue(self.context.store)
        except Exception:  # noqa: BLE001 — a notice must never take the window down
            late, last = False, None
        if not late:
            self.notice.hide()
            return
        if last is None:
            self.notice.setText(self.tr("No backup yet — File → Back up now"))
        else:
            self.notice.setText(self.tr("Last backup {0} — File → Back up now").format(
                last.made_at.strftime("%Y-%m-%d %H:%M")))
        self.notice.setToolTip(self.tr("brandmark backs the register up on the first change of each day; "
                                       "the last backup is more than a day old."))
        self.notice.show()

    # -- back up now ----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        title = self.tr("Back up now")

        def done(path: Path) -> None:
            announce_saved(self.window, title, [path])      # status bar and message, as every save
            self.changed.emit()

        self.context.run_operation(self.window, self.tr("Backing up the register…"),
                                   lambda store, _progress: backup.make_backup(store), on_done=done,
                                   on_error=lambda exc: self._refused(title, exc))

    def _refused(self, title: str, exc: Exception) -> None:
        if isinstance(exc, RefusedInput):
            self.context.show_refusal(self.window, title, exc)
        else:
            QMessageBox.critical(self.window, title, self.tr("Unexpected error: {0}").format(exc))

    # -- restore ----------------------------------------------------------------------------------
    def ask_restore(self) -> None:
        dialog = QtRestoreDialog(self.context, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.restore(dialog.chosen, dialog.chosen_label)

    def restore(self, source: Path, label: str, *, confirm: bool = True) -> None:
        title = self.tr("Restore from backup")
        db_path = self.context.db_path
        if confirm:
            answer = QMessageBox.question(
                self.window, title,
                self.tr("Restore the register from the backup of {0}?\n\nThe current register is kept beside it "
                        "(renamed, never deleted), and brandmark restarts on the restored one. Close other "
                        "brandmark windows on this register first.").format(label),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.wait_for_daily_backup()
        clock, actor = self.context.store.clock, self.context.user_name
        # The window's own connection would make the restore refuse the register as in use;
        # while it is closed no page may read, so the pages give way to a plain label.
        shown = self._set_pages_aside(self.tr("Restoring the register…"))
        self.context.store.close()

        def work(_store, _progress):
            return backup.restore(db_path, source, clock=clock, actor=actor)

        def done(restored: backup.Restored) -> None:
            kept = (self.tr("The previous register is kept as {0}.").format(restored.set_aside)
                    if restored.set_aside else "")
            QMessageBox.information(self.window, title,
                                    self.tr("The register was restored from {0}. {1}\n\nbrandmark restarts now.")
                                    .format(restored.source.name, kept))
            self.window.restart()

        def failed(exc: Exception) -> None:
            self.context.store.reopen()          # go on with the register as it was
            self._bring_pages_back(shown)
            self._refused(title, exc)

        self.context.run_operation(self.window, self.tr("Restoring the register…"), work, on_done=done,
                                   on_error=failed, open_store=False)


    def _set_pages_aside(self, text: str):
        window = self.window
        shown = window.stack.currentWidget()
        window.loading.setText(text)
        window.stack.setCurrentWidget(window.loading)
        window.sidebar.setEnabled(False)
        window.menuBar().setEnabled(False)
        return shown

    def _bring_pages_back(self, shown) -> None:
        window = self.window
        window.stack.setCurrentWidget(shown)
        window.sidebar.setEnabled(True)
        window.menuBar().setEnabled(True)


class QtRestoreDialog(QDialog):
    """The database's backups with their dates, sizes and checks; one is chosen to restore."""

    COLUMNS = 4

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.chosen: Path | None = None
        self.chosen_label = ""
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(760, 420)
        intro = QLabel(self.tr("Backups of {0}, newest first. Only a backup that checks out (integrity and "
                               "schema version) can be restored.").format(context.db_path))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("backupList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Made"), self.tr("Size"), self.tr("Check"), self.tr("Kept as")])
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(1, 90)
        self.tree.setColumnWidth(2, 260)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda *_args: self._accept_selected())
        self.status = QLabel(self.tr("Checking the backups…"))
        self.status.setObjectName("backupListStatus")
        other = QPushButton(self.tr("Other file…"))
        other.clicked.connect(self._choose_file)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self._accept_selected)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(other)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        db_path = context.db_path
        context.run_operation(self, self.tr("Checking the backups…"),
                              lambda _store, _progress: backup.list_backups(db_path),
                              on_done=self.show_backups, modal=False, open_store=False)

    def show_backups(self, found: list[backup.BackupInfo]) -> None:
        self.tree.clear()
        kept_names = {"daily": self.tr("daily"), "monthly": self.tr("monthly")}
        for info in found:
            check = self.check_text(info.check)
            kept = ", ".join(kept_names.get(reason, reason) for reason in info.kept_as)
            item = QTreeWidgetItem([info.made_at.strftime("%Y-%m-%d %H:%M:%S"), format_size(info.size), check, kept])
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(0, str(info.path))
            if not info.check.ok:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                item.setForeground(2, Qt.GlobalColor.darkRed)
            self.tree.addTopLevelItem(item)
        self.status.setText(self.tr("%n backup(s) in {0}", "", len(found)).format(
            backup.backups_folder(self.context.db_path)) if found else
            self.tr("No backups yet in {0}.").format(backup.backups_folder(self.context.db_path)))

    def check_text(self, check: backup.BackupCheck) -> str:
        if check.ok:
            return self.tr("checks out (schema {0})").format(check.schema_version)
        reasons = {
            "backup.damaged": self.tr("damaged"),
            "backup.newer": self.tr("made by a newer brandmark (schema {0})").format(check.schema_version),
            "backup.not_brandmark": self.tr("not a brandmark register"),
            "backup.not_a_file": self.tr("not a file"),
        }
        return reasons.get(check.problem, check.problem or "")

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def _accept_selected(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        self.chosen = Path(items[0].data(0, Qt.ItemDataRole.UserRole))
        self.chosen_label = items[0].text(0)
        self.accept()

    def _choose_file(self) -> None:
        from brandmark.ui.qt_file_dialogs import open_file_name

        # The shared dialog never reads the register's files (and refuses them when chosen);
        # the backups of this register are in the list above.
        path, _ = open_file_name(self, self.tr("Restore from a backup file"), "",
                                 self.tr("brandmark backups (*.db);;All files (*)"))
        if not path:
            return
        check = backup.check_backup(path)
        if not check.ok:
            QMessageBox.warning(self, self.windowTitle(), self.tr("{0} cannot be restored: {1}.").format(
                Path(path).name, self.check_text(check)))
            return
        self.chosen = Path(path)
        self.chosen_label = Path(path).name
        self.accept()
