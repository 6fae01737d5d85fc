"""``db verify`` at open, off the GUI thread: the window warns when the register was altered.

The walk takes about a second at 100,000 events, so it runs in the thread pool on its
own read-only connection (``verify_file``); the window keeps working meanwhile and shows
a quiet banner only if something is broken.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from brandmark.store.verify import Verification, verify_file


class _Signals(QObject):
    finished = Signal(object)


# Checks started and not yet reported. The pool does not own them (``setAutoDelete(False)``)
# and the window may close first: held here, a job and its signals outlive the window (one
# small object stays behind if the window went away before the result came).
_RUNNING: set[_Check] = set()


class _Check(QRunnable):
    def __init__(self, path: Path, signals: _Signals):
        super().__init__()
        self.path, self.signals = path, signals

    @Slot()
    def run(self) -> None:
        try:
            result: object = verify_file(self.path)
        except Exception as exc:  # noqa: BLE001 — an unreadable file is not this check's to report
            result = exc
        try:
            self.signals.finished.emit((self, result))
        except RuntimeError:
            # The application was torn down before the walk ended (the window closed at
            # once, e.g. ``--screenshot``): no one is left to warn, and nothing to report.
            _RUNNING.discard(self)


class QtRegisterCheck(QObject):
    """Start with ``start(path)``; ``on_result(verification)`` runs on the GUI thread."""

    def __init__(self, on_result: Callable[[Verification], None], parent: QObject | None = None):
        super().__init__(parent)
        self.on_result = on_result
        self.running = False

    def start(self, path: Path) -> None:
        self.running = True
        signals = _Signals()            # no parent: the job keeps it alive, not the window
        signals.finished.connect(self._finished)
        job = _Check(Path(path), signals)
        job.setAutoDelete(False)
        _RUNNING.add(job)
        QThreadPool.globalInstance().start(job)

    def _finished(self, reported: tuple) -> None:
        job, result = reported
        _RUNNING.discard(job)
        self.running = False
        if isinstance(result, Verification):
            self.on_result(result)
