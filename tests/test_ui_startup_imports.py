"""The window's start-up imports only what its first page needs (issue 13, window ready).

A fresh interpreter opens the window on a register with one applicant and, at the first
paint of the register page with its data (what ``bench_ui_startup.py`` calls "ready"),
lists the modules imported. sqlite-utils (the store reads without it), numpy, cryptography
(the people's keys), reportlab and the other pages are imported later, when first needed;
the register check starts after that paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

READY_MODULES = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class AtReady(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and hasattr(obj, "window") and isinstance(obj.window(), QMainWindow):
            window = obj.window()
            if getattr(window, "context", None) is not None and window.current_key == "applicants" \
                    and "applicants" in window.pages:
                print("READY " + json.dumps(sorted(sys.modules)), flush=True)
                os._exit(0)
        return False

app = QApplication(sys.argv[:1])
hook = AtReady()
app.installEventFilter(hook)
from brandmark.ui.app import main
main(["--db", sys.argv[1]])
"""

LATER = ("numpy", "cryptography", "reportlab", "pypinyin", "matplotlib", "openpyxl", "segno",
         # The store reads on plain sqlite3 (store.register_database); sqlite-utils and what it
         # imports come with the first table write.
         "sqlite_utils", "click", "dateutil", "pluggy")
# Once the first page has painted (QtMainWindow.after_first_page): the register check and what
# it reads with, the sign-in dialog and the people it lists; the applicant dialog when first opened.
AFTER_THE_FIRST_PAGE = ("brandmark.store.verify", "brandmark.ui.qt_register_check", "brandmark.store.people",
                        "brandmark.ui.qt_applicant_dialog")


@pytest.fixture
def register(tmp_path):
    from brandmark.store import Store

    path = tmp_path / "ready.db"
    with Store(path) as store:
        store.applicants.add(name="杭州示例电器有限公司", uscc="91350100M000100Y43", region="hangzhou")
    return path


def modules_at_ready(db: Path, folder: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(folder),
           "BRANDMARK_DATA_DIR": str(folder)}
    done = subprocess.run([sys.executable, "-c", READY_MODULES, str(db)], capture_output=True, text=True,
                          env=env, timeout=120)
    ready = [line for line in done.stdout.splitlines() if line.startswith("READY ")]
    assert ready, f"the window never painted its first page (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(ready[0][len("READY "):])


def test_the_first_page_paints_before_numpy_cryptography_or_other_pages_are_imported(register, tmp_path):
    modules = modules_at_ready(register, tmp_path)
    assert "brandmark.ui.qt_applicants_page" in modules        # the probe saw the real first page
    heavy = sorted({m.split(".")[0] for m in modules if m.split(".")[0] in LATER})
    assert heavy == []
    other_pages = [m for m in modules if m.startswith("brandmark.ui.qt_") and m.endswith("_page")
                   and m != "brandmark.ui.qt_applicants_page"]
    assert other_pages == []
    assert [m for m in AFTER_THE_FIRST_PAGE if m in modules] == []


def test_sqlite_utils_still_finds_numpy_when_it_was_imported_first():
    """The refusal only spares start-up the import; with numpy already there sqlite-utils uses it."""
    code = ("import numpy, sqlite_utils.db\nfrom brandmark.store.lean_import import Database\n"
            "print(sqlite_utils.db.np is numpy)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "True"


def test_numpy_stays_importable_after_the_store_is():
    code = ("import sys\nfrom brandmark.store import Store\nstore = Store(':memory:')\n"
            "store.db.utils()\nassert 'numpy' not in sys.modules\n"
            "import sqlite_utils.db\nassert sqlite_utils.db.np is None\nimport numpy\nprint(numpy.arange(3).sum())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "3"
