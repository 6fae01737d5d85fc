"""The PyInstaller bundles carry every resource the code loads (checked without PyInstaller).

The spec takes its data files from pyproject.toml's package-data through
installers/bundle_data.py, so the wheel and the bundles cannot drift apart; these tests
check that the list itself is whole: every file under resources/ is shipped, every folder
the code reads from has files in it, and the spec never excludes a Qt module the window uses.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from brandmark.fonts import PDF_FONT_FILE, UI_FONT_FILES
from support import REPO

SPEC = REPO / "installers" / "brandmark.spec"
RESOURCES = REPO / "resources"
# Sources, not data: the .ts files compile into the shipped .qm files.
NOT_DATA = ("*.ts", "__init__.py")

sys.path.insert(0, str(REPO / "installers"))
from bundle_data import resource_datas  # noqa: E402


def bundled() -> dict[str, str]:
    """Each resource file the bundle carries, relative to resources/, with the folder it lands in."""
    return {Path(source).relative_to(RESOURCES).as_posix(): destination
            for source, destination in resource_datas(REPO)}


def test_the_spec_takes_its_data_files_from_bundle_data():
    spec = SPEC.read_text(encoding="utf-8")
    assert re.search(r"^datas = resource_datas\(ROOT\)$", spec, re.M)
    assert re.search(r"^window = Analysis\((.*?)datas=datas,", spec, re.M | re.S)


def test_every_font_the_window_and_the_pdfs_load_is_bundled():
    files = bundled()
    for name in (*UI_FONT_FILES, PDF_FONT_FILE):
        assert f"fonts/{name}" in files, f"{name} is not in the PyInstaller bundle"


def test_every_resource_file_is_bundled_where_paths_looks():
    files = bundled()
    needed = [p.relative_to(RESOURCES).as_posix() for p in RESOURCES.rglob("*")
              if p.is_file() and not any(p.match(pattern) for pattern in NOT_DATA)
              and "__pycache__" not in p.parts]
    assert len(needed) > 10
    missing = [name for name in needed if name not in files]
    assert not missing, f"not shipped (add to [tool.setuptools.package-data] in pyproject.toml): {missing}"
    misplaced = {name: files[name] for name in needed
                 if files[name] != f"brandmark/resources/{Path(name).parent.as_posix()}"}
    assert not misplaced, misplaced


def folders_the_code_reads() -> set[str]:
    """resources/ sub-folders named in the code: ``resources_dir() / "x"`` and paths.x_dir()."""
    folders = set()
    paths_source = (REPO / "brandmark" / "paths.py").read_text(encoding="utf-8")
    folders |= set(re.findall(r'return resources_dir\(\) / "(\w+)"', paths_source))
    for source in (REPO / "brandmark").rglob("*.py"):
        folders |= set(re.findall(r'resources_dir\(\) / "(\w+)"', source.read_text(encoding="utf-8")))
    return folders


def test_every_folder_the_code_reads_from_is_bundled_with_its_files():
    folders = folders_the_code_reads()
    assert {"packs", "fonts", "translations", "icons", "messages"} <= folders
    files = bundled()
    for folder in folders:
        on_disk = {p.relative_to(RESOURCES).as_posix() for p in (RESOURCES / folder).glob("*")
                   if p.is_file() and not any(p.match(pattern) for pattern in NOT_DATA)}
        assert on_disk, f"the code reads resources/{folder}, which has no files"
        assert on_disk <= set(files), f"resources/{folder}: not bundled {sorted(on_disk - set(files))}"


def spec_list(name: str) -> list[str]:
    block = re.search(rf"^{name} = (\[.*?\])\n", SPEC.read_text(encoding="utf-8"), re.S | re.M).group(1)
    return ast.literal_eval(block)


def test_the_spec_never_excludes_a_qt_module_the_window_imports():
    used = set()
    for source in (REPO / "brandmark").rglob("*.py"):
        used |= set(re.findall(r"\bPySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    excluded = {name.removeprefix("PySide6.") for name in spec_list("QT_UNUSED")}
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not used & excluded, f"the spec excludes Qt modules brandmark imports: {used & excluded}"
    assert {"QtWebEngineCore", "QtPdf", "QtQml", "QtMultimedia"} <= excluded


def test_no_test_package_goes_into_the_bundle():
    excluded = set(spec_list("NOT_SHIPPED"))
    assert {"pytest", "hypothesis", "pypdf", "pytestqt", "importlinter"} <= excluded


def test_every_package_the_code_finds_without_importing_is_bundled():
    """A package located with importlib.util.find_spec and read as files is invisible to
    PyInstaller's analysis; the spec must name it (LOOKED_UP) or the bundle lacks it."""
    found = set()
    for source in (REPO / "brandmark").rglob("*.py"):
        found |= set(re.findall(r'find_spec\(\s*"([\w.]+)"', source.read_text(encoding="utf-8")))
    found = {name.split(".")[0] for name in found} - {"brandmark", "PySide6"}
    assert found, "expected at least the confusables package"
    looked_up = set(spec_list("LOOKED_UP"))
    assert found <= looked_up, f"add to LOOKED_UP in installers/brandmark.spec: {sorted(found - looked_up)}"
