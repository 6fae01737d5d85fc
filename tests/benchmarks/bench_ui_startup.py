"""Cold start of the desktop app until it is ready, against a bare PySide6 QMainWindow
started the same way in the same run. Goal: ready at most 2 times the bare window.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_ui_startup.py [runs] [--empty]

Each run is a fresh interpreter (``python -c``), timed by this process from spawn until the
child prints at a paint event (the clock therefore includes Python start-up and every
import); runs interleaved, medians. The headline is "ready": the database open and the
first page painted with its data, what a user waits for; the register holds 1,000
applicants (``--empty``: none, and the first page is the welcome). The first paint of the
still-empty window is printed for reference only.
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


def fill(db: str, count: int) -> None:
    """A register of ``count`` applicants, so the first page is the register with its rows."""
    import random

    sys.path.insert(0, str(ROOT))
    from bench_import import varied_names
    from brandmark.store import Store
    from brandmark.uscc import make_uscc

    with Store(db) as store:
        names = varied_names(count, random.Random(2))
        store.applicants.add_many([{"name": name, "uscc": make_uscc(division="330106", org_body=f"{i:08d}"),
                                    "region": "hangzhou"} for i, name in enumerate(names)])


def main() -> int:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    runs = int(numbers[0]) if numbers else 7
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "XDG_CONFIG_HOME": folder, "BRANDMARK_DATA_DIR": folder, "PYTHONDONTWRITEBYTECODE": "0"}
        db = str(Path(folder) / "bench.db")
        if "--empty" not in sys.argv:
            fill(db, 1000)
        # Warm the OS file cache and create the database once, so every timed run is alike.
        time_child(BRANDMARK, "ready", db, env=env)
        time_child(BARE, "paint", env=env)
        bare, first, ready = [], [], []
        for _ in range(runs):          # interleaved, so drift in machine load hits all three alike
            bare.append(time_child(BARE, "paint", env=env))
            first.append(time_child(BRANDMARK, "paint", db, env=env))
            ready.append(time_child(BRANDMARK, "ready", db, env=env))
    bare_s, first_s, ready_s = (statistics.median(v) for v in (bare, first, ready))
    what = "welcome" if "--empty" in sys.argv else "1,000 applicants"
    ok = report("ui_startup", f"brandmark window ready (database open, first page painted; {what})", ready_s,
                "a bare PySide6 QMainWindow's first paint", bare_s, goal=2, runs=runs)
    report("ui_startup", "brandmark window first paint (not yet ready; for reference)", first_s,
           "a bare PySide6 QMainWindow's first paint", bare_s, goal=None, runs=runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
