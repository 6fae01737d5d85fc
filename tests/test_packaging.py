"""Packaging: every package is listed, and the wheel carries packs, fonts, licences, translations
and works from its own unpacked tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from support import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def package_dirs() -> set[str]:
    """Dotted names of every folder under brandmark/ (and resources/) with an __init__.py."""
    names = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "brandmark").rglob("__init__.py")
             if "__pycache__" not in p.parts}
    if (REPO / "resources" / "__init__.py").exists():
        names.add("brandmark.resources")
    return names


def test_every_package_is_listed_in_pyproject():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    missing = package_dirs() - listed
    assert not missing, f"add these to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    assert not listed - package_dirs(), "pyproject lists packages that do not exist"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the source (a build never writes into the work tree)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("brandmark", "resources"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
               "-w", str(out), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        # No package index reachable for the isolated build environment: use this one's setuptools.
        result = subprocess.run(command + ["--no-build-isolation"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    [built] = out.glob("brandmark-*.whl")
    return built


def test_wheel_contains_code_packs_fonts_licences_and_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in package_dirs():
        assert package.replace(".", "/") + "/__init__.py" in names, package
    packs = {p.name for p in (REPO / "resources" / "packs").glob("*.toml")}
    assert packs and {n.rsplit("/", 1)[1] for n in names if n.startswith("brandmark/resources/packs/")} >= packs
    fonts = REPO / "resources" / "fonts"
    for font in list(fonts.glob("*.ttf")) + list(fonts.glob("*.otf")):
        assert f"brandmark/resources/fonts/{font.name}" in names
    licences = [p.name for p in fonts.iterdir() if "licen" in p.name.lower() or p.name.endswith(".txt")]
    assert licences, "fonts must ship with their licence files"
    for licence in licences:
        assert f"brandmark/resources/fonts/{licence}" in names
    for qm in (REPO / "resources" / "translations").glob("*.qm"):
        assert f"brandmark/resources/translations/{qm.name}" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "brandmark-cli = brandmark.cli:main" in text


CHECK_UNPACKED = r"""
import json, sys
import brandmark, brandmark.paths
from brandmark.store import Store
store = Store(":memory:")
print(json.dumps({
    "module": brandmark.__file__,
    "packs_dir": str(brandmark.paths.packs_dir()),
    "fonts_dir": str(brandmark.paths.fonts_dir()),
    "schemes": sorted(r["id"] for r in store.schemes.list()),
}))
"""


def test_unpacked_wheel_runs_on_its_own_resources(wheel, tmp_path):
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # -S: no site-packages .pth hooks (an editable install of brandmark would win otherwise);
    # dependencies come from this environment's site-packages, brandmark only from the wheel.
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    env = {"PATH": os.environ.get("PATH", ""), "BRANDMARK_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": os.pathsep.join([str(unpacked), *sorted(dependencies)])}
    result = subprocess.run([sys.executable, "-S", "-c", CHECK_UNPACKED], capture_output=True, text=True,
                            cwd=elsewhere, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(report["module"]).is_relative_to(unpacked)
    assert Path(report["packs_dir"]) == unpacked / "brandmark" / "resources" / "packs"
    assert Path(report["fonts_dir"]).is_relative_to(unpacked)
    expected = sorted(p.stem for p in (REPO / "resources" / "packs").glob("*.toml"))
    assert report["schemes"] == expected


CHECK_GUIDE = r"""
import json, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
app = QApplication([])
from brandmark.ui.qt_guide import QtGuideDialog
dialog = QtGuideDialog()
browser = dialog.browser
images = [browser.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl(name))
          for name in ("images/certificates.png", "images/print-preview.png")]
print(json.dumps({"source": browser.source().toLocalFile(), "text": browser.toPlainText()[:4000],
                  "images": [image is not None and not image.isNull() for image in images]}))
"""


def test_the_user_guide_ships_in_the_wheel_and_opens_from_it(wheel, tmp_path):
    """Help → User guide from an installed wheel: the guide, its pictures, both languages."""
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = REPO / "resources" / "guide"
    for path in shipped.rglob("*"):
        if path.is_file():
            assert "brandmark/resources/guide/" + path.relative_to(shipped).as_posix() in names, path
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    env = {"PATH": os.environ.get("PATH", ""), "BRANDMARK_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": os.pathsep.join([str(unpacked), *sorted(dependencies)])}
    result = subprocess.run([sys.executable, "-S", "-c", CHECK_GUIDE], capture_output=True, text=True,
                            cwd=elsewhere, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(report["source"]) == unpacked / "brandmark" / "resources" / "guide" / "guide.html"
    for words in ("评审员的日常工作", "An assessor's day", "企业自评", "认证机构文员的日常工作", "A body clerk's day"):
        assert words in report["text"], words
    assert report["images"] == [True, True]
