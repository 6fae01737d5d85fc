"""Render resources/icons/brandmark.svg into the icons the installers need.

    .venv/bin/python installers/make_icons.py       # any venv with brandmark's dependencies

writes ``installers/icons/brandmark.icns`` (macOS, 16-1024 px) and ``brandmark.ico``
(Windows, 16-256 px). Qt's SVG renderer (PySide6, already a dependency) draws the vector
icon at each size; Pillow (a dependency of reportlab) writes both container formats, so
no tool outside the Python package index is needed. The results are committed: the
Windows and macOS builds use them as they are; run this again after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "brandmark.svg"
OUT = ROOT / "installers" / "icons"
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int):
    """The SVG drawn at ``size`` × ``size`` pixels, as a Pillow image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])  # noqa: F841 — QImage needs it
    OUT.mkdir(parents=True, exist_ok=True)
    largest = render(max(ICNS_SIZES))
    largest.save(OUT / "brandmark.icns", format="ICNS",
                 append_images=[render(size) for size in ICNS_SIZES[:-1]])
    ico_images = {size: render(size) for size in ICO_SIZES}
    ico_images[256].save(OUT / "brandmark.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                         append_images=[ico_images[s] for s in ICO_SIZES[:-1]])
    for name in ("brandmark.icns", "brandmark.ico"):
        print(f"wrote {OUT / name} ({(OUT / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
