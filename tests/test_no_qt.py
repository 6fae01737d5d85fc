"""The core imports without PySide6: every module of brandmark except brandmark.ui."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from support import REPO

BLOCK_QT_AND_IMPORT_EVERYTHING = r"""
import importlib, importlib.abc, json, pkgutil, sys

class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError(f"{name} is blocked: the core must not import Qt")
        return None

sys.meta_path.insert(0, BlockQt())
import brandmark

imported, failed = [], {}
def walk(package):
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name == "brandmark.ui" or info.name.startswith("brandmark.ui."):
            continue
        if info.name == "brandmark.__main__":      # runs the CLI when imported
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:
            failed[info.name] = f"{type(exc).__name__}: {exc}"
            continue
        imported.append(info.name)
        if info.ispkg:
            walk(module)
walk(brandmark)
# Import the CLI parser too: it imports every command module lazily.
from brandmark.cli import build_parser
build_parser()
print(json.dumps({"imported": imported, "failed": failed,
                  "qt_loaded": sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))}))
"""


def test_every_core_module_imports_with_pyside6_blocked(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "BRANDMARK_DATA_DIR": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", BLOCK_QT_AND_IMPORT_EVERYTHING], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failed"] == {}, report["failed"]
    assert report["qt_loaded"] == []
    for expected in ("brandmark.store", "brandmark.store.assessments", "brandmark.packs.loader",
                     "brandmark.scoring.scorer", "brandmark.scoring.batch", "brandmark.cli",
                     "brandmark.cli.assessments", "brandmark.uscc", "brandmark.demo", "brandmark.certificates",
                     "brandmark.reports"):
        assert expected in report["imported"]


def test_the_blocker_really_blocks(tmp_path):
    """Guard against a finder that blocks nothing: importing brandmark.ui must fail with it."""
    script = BLOCK_QT_AND_IMPORT_EVERYTHING.split("import brandmark\n")[0] + "import PySide6.QtCore\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path, timeout=60)
    assert result.returncode != 0 and "blocked" in result.stderr


def test_import_linter_contract():
    lint_imports = shutil.which("lint-imports") or os.path.join(os.path.dirname(sys.executable), "lint-imports")
    if not os.path.exists(lint_imports):
        pytest.skip("import-linter is not installed (it is in the [test] extra)")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([lint_imports, "--no-cache"], capture_output=True, text=True, cwd=REPO, env=env,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and " 0 broken" in result.stdout
