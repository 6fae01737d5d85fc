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
        self.signals.finished.emit(result)


class QtRegisterCheck(QObject):
    """Start with ``start(path)``; ``on_result(verification)`` runs on the GUI thread."""

    def __init__(self, on_result: Callable[[Verification], None], parent: QObject | None = None):
        super().__init__(parent)
        self.on_result = on_result
        self.signals = _Signals(self)
        self.signals.finished.connect(self._finished)
        self.running = False
        self._job: _Check | None = None

    def start(self, path: Path) -> None:
        self.running = True
        self._job = _Check(Path(path), self.signals)
        self._job.setAutoDelete(False)
        QThreadPool.globalInstance().start(self._job)

    def _finished(self, result: object) -> None:
        self.running = False
        self._job = None
        if isinstance(result, Verification):
            self.on_result(result)
