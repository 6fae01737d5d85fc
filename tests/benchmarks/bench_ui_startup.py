"""Cold start of the desktop app until it is ready, against a bare PySide6 QMainWindow
started the same way in the same run. Goal: ready at most 2 times the bare window.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_ui_startup.py [runs]

Each run is a fresh interpreter (``python -c``), timed by this process from spawn until the
child prints at a paint event (the clock therefore includes Python start-up and every
import); runs interleaved, medians. The headline is "ready": the database open and the
first page painted with its data (welcome on an empty database), what a user waits for.
The first paint of the still-empty window is printed for reference only.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import report  # noqa: E402

FIRST_PAINT_HOOK = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def __init__(self, want_ready):
        super().__init__()
        self.want_ready = want_ready
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and hasattr(obj, "window") and isinstance(obj.window(), QMainWindow):
            ready = getattr(obj.window(), "context", None) is not None
            if not self.want_ready or (ready and obj is not getattr(obj.window(), "loading", None)):
                print("PAINTED", flush=True)
                os._exit(0)
        return False

app = QApplication(sys.argv[:1])
hook = FirstPaint(sys.argv[1] == "ready")
app.installEventFilter(hook)
"""

BARE = FIRST_PAINT_HOOK + r"""
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
window.show()
app.exec()
"""

BRANDMARK = FIRST_PAINT_HOOK + r"""
from brandmark.ui.app import main
main(["--db", sys.argv[2]])
"""


def time_child(code: str, *arguments: str, env: dict) -> float:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *arguments], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=30)
    if line.strip() != "PAINTED":
        raise RuntimeError(f"child did not paint (exit {process.returncode})")
    return elapsed


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "XDG_CONFIG_HOME": folder, "BRANDMARK_DATA_DIR": folder, "PYTHONDONTWRITEBYTECODE": "0"}
        db = str(Path(folder) / "bench.db")
        # Warm the OS file cache and create the database once, so every timed run is alike.
        time_child(BRANDMARK, "ready", db, env=env)
        time_child(BARE, "paint", env=env)
        bare, first, ready = [], [], []
        for _ in range(runs):          # interleaved, so drift in machine load hits all three alike
            bare.append(time_child(BARE, "paint", env=env))
            first.append(time_child(BRANDMARK, "paint", db, env=env))
            ready.append(time_child(BRANDMARK, "ready", db, env=env))
    bare_s, first_s, ready_s = (statistics.median(v) for v in (bare, first, ready))
    ok = report("ui_startup", "brandmark window ready (database open, first page painted)", ready_s,
                "a bare PySide6 QMainWindow's first paint", bare_s, goal=2, runs=runs)
    report("ui_startup", "brandmark window first paint (not yet ready; for reference)", first_s,
           "a bare PySide6 QMainWindow's first paint", bare_s, goal=None, runs=runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
