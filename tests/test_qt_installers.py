"""The PyInstaller spec bundles every resource the window reads (checked without PyInstaller)."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

from brandmark.fonts import PDF_FONT_FILE, UI_FONT_FILES
from support import REPO

SPEC = REPO / "installers" / "brandmark.spec"
RESOURCES = REPO / "resources"


def bundled() -> dict[str, str]:
    """Each resource file the spec's ``datas`` picks up, relative to resources/, with where it lands."""
    block = re.search(r"^datas = (\[.*?^\])", SPEC.read_text(encoding="utf-8"), re.S | re.M).group(1)
    datas = eval(block, {"__builtins__": {}, "str": str, "RESOURCES": RESOURCES, "ROOT": REPO})  # noqa: S307
    found = {}
    for pattern, destination in datas:
        for path in Path(pattern).parent.glob(Path(pattern).name):
            if path.is_relative_to(RESOURCES):
                found[str(path.relative_to(RESOURCES))] = destination
    return found


def test_every_font_the_window_and_the_pdfs_load_is_bundled():
    files = bundled()
    for name in (*UI_FONT_FILES, PDF_FONT_FILE):
        assert f"fonts/{name}" in files, f"{name} is not in the PyInstaller bundle"


def test_every_resource_the_app_reads_is_bundled_where_paths_looks():
    files = bundled()
    needed = [str(p.relative_to(RESOURCES)) for p in RESOURCES.rglob("*")
              if p.is_file() and not fnmatch.fnmatch(p.name, "*.ts") and p.name != "__init__.py"
              and "__pycache__" not in p.parts]
    assert len(needed) > 10
    missing = [name for name in needed if name not in files]
    assert not missing, f"not bundled: {missing}"
    misplaced = {name: files[name] for name in needed if files[name] != f"brandmark/resources/{Path(name).parent}"}
    assert not misplaced, misplaced
