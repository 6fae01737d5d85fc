"""What every page of the window gets: the store, background operations, change notices.

Pages are ``QWidget`` subclasses constructed as ``QtSomethingPage(context, parent)``.
They read through ``context.store`` (GUI thread) and run anything long through
``context.run_operation``, which opens its own ``Store`` on the same database in a
worker thread (SQLite connections stay in the thread that made them; WAL lets the
two read and write side by side), shows progress, then calls back on the GUI thread.
After changing data a page calls ``context.notify(topic)`` so other pages refresh.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from brandmark.errors import Cancelled, RefusedInput
from brandmark.store import Store
from brandmark.ui.qt_i18n import localized_message

# Topics passed to ``notify``: what kind of record changed.
TOPICS = ("applicants", "applications", "assessments", "schemes", "certificates", "valuations", "all")


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, db_path: Path | None, work: Callable, signals: _Signals):
        super().__init__()
        self.db_path, self.work, self.signals = db_path, work, signals
        self.cancelled = False

    def progress(self, done: int, total: int, message: str = "") -> bool:
        if self.cancelled:
            raise Cancelled(done, total)
        self.signals.progress.emit(int(done), int(total), str(message))
        return True

    @Slot()
    def run(self) -> None:
        try:
            # The window's own store and its start-up job make the day's backup, not each operation.
            store = Store(self.db_path, auto_backup=False) if self.db_path else None
            try:
                result = self.work(store, self.progress)
            finally:
                if store is not None:
                    store.close()
            self.signals.done.emit(result)
        except Exception as exc:  # noqa: BLE001 — reported to the user on the GUI thread
            self.signals.failed.emit(exc, traceback.format_exc())


class QtAppContext(QObject):
    """Shared by every page. ``changed`` carries a topic from ``TOPICS``."""

    changed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.db_path: Path | None = store.path
        self.language = "zh_CN"
        self.user_name = ""        # the name of the person signed in (qt_sign_in), "" when nobody is
        self.person: dict | None = None    # the registered person signed in, if any
        self._jobs: set[_Job] = set()

    def notify(self, topic: str = "all") -> None:
        self.changed.emit(topic)

    def busy(self) -> bool:
        """Whether a background operation is still running or its result not yet handled."""
        return bool(self._jobs)

    def run_operation(self, parent: QWidget | None, title: str,
                      work: Callable[[Store, Callable[[int, int, str], bool]], Any],
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[Exception], None] | None = None,
                      modal: bool = True, open_store: bool = True) -> None:
        """Run ``work(store, progress)`` off the GUI thread with a progress dialog.

        ``work`` gets its own ``Store`` on the same database and ``progress(done, total,
        message)``, which raises ``Cancelled`` once the user cancels. ``on_done(result)``
        runs on the GUI thread; a failure goes to ``on_error`` (or is shown).

        An in-memory database cannot be opened again in a worker: there ``work`` runs on
        the GUI thread with the window's own store (no progress dialog, no Cancel).
        ``open_store=False`` gives ``work`` no store (a restore needs the register closed).
        """
        if self.db_path is None:
            try:
                result = work(self.store, lambda *_args: True)
            except Exception as exc:  # noqa: BLE001 — reported as a background failure would be
                self._failed(parent, title, exc, traceback.format_exc(), on_error)
            else:
                if on_done:
                    on_done(result)
            return
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(300)
        signals = _Signals()
        job = _Job(self.db_path if open_store else None, work, signals)
        job.setAutoDelete(False)
        self._jobs.add(job)

        def on_progress(done: int, total: int, message: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if message:
                dialog.setLabelText(f"{title}\n{message}")

        def finish() -> None:
            self._jobs.discard(job)
            dialog.reset()
            dialog.deleteLater()

        def succeeded(result: Any) -> None:
            finish()
            if on_done:
                on_done(result)

        def failed(exc: Exception, trace: str) -> None:
            finish()
            self._failed(parent, title, exc, trace, on_error)

        dialog.canceled.connect(lambda: setattr(job, "cancelled", True))
        signals.progress.connect(on_progress)
        signals.done.connect(succeeded)
        signals.failed.connect(failed)
        job.signals = signals
        QThreadPool.globalInstance().start(job)

    def _failed(self, parent: QWidget | None, title: str, exc: Exception, trace: str,
                on_error: Callable[[Exception], None] | None) -> None:
        if isinstance(exc, Cancelled):
            return
        if on_error:
            on_error(exc)
        elif isinstance(exc, RefusedInput):
            self.show_refusal(parent, title, exc)
        else:
            QMessageBox.critical(parent, title, self.tr("Unexpected error: {0}").format(exc)
                                 + "\n\n" + trace[-2000:])

    def show_refusal(self, parent: QWidget | None, title: str, exc: Exception) -> None:
        """One clear message for an input the core refused, in the window's language (the
        core's messages carry both: "操作人不能为空 / by must not be empty")."""
        QMessageBox.warning(parent, title, localized_message(exc, self.language))
