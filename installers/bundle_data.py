"""The data files every frozen bundle carries, read from pyproject.toml's package-data.

The wheel and the PyInstaller bundles ship the same resources because both take them from
one list: ``[tool.setuptools.package-data]`` for ``brandmark.resources``. A new resource
folder added there is in the next bundle without touching the spec. Each file lands in
``brandmark/resources/<its folder>`` inside the bundle, where ``brandmark.paths`` looks.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
BUNDLE_RESOURCES = "brandmark/resources"


def package_data_patterns(root: Path = ROOT) -> list[str]:
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return list(pyproject["tool"]["setuptools"]["package-data"]["brandmark.resources"])


def shipped_resources(root: Path = ROOT) -> list[Path]:
    """Every file under resources/ that the wheel ships, sorted."""
    resources = root / "resources"
    found = {path for pattern in package_data_patterns(root) for path in resources.glob(pattern)
             if path.is_file()}
    return sorted(found)


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller ``datas``: (source file, folder inside the bundle) for each shipped resource."""
    resources = root / "resources"
    return [(str(path), f"{BUNDLE_RESOURCES}/{path.parent.relative_to(resources).as_posix()}".rstrip("/."))
            for path in shipped_resources(root)]
