"""The bundled CJK fonts, for reportlab (PDFs) and for the window (registered by the UI).

>>> register_pdf_fonts()  # doctest: +SKIP
'WenKai'
"""

from __future__ import annotations

from pathlib import Path

from brandmark.paths import fonts_dir

PDF_FONT = "WenKai"   # the reportlab name of the one font every PDF uses (Latin and CJK)
PDF_FONT_FILE = "LXGWWenKai-Regular.ttf"
# The window: DejaVu Sans for Latin text, Droid Sans Fallback for CJK, WenKai for what both lack.
UI_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf", "LXGWWenKai-Regular.ttf")


def font_path(file_name: str = PDF_FONT_FILE) -> Path:
    path = fonts_dir() / file_name
    if not path.is_file():
        raise FileNotFoundError(f"bundled font missing: {path} (the installation is incomplete)")
    return path


def register_pdf_fonts() -> str:
    """Register the bundled font with reportlab once; returns its name. Embedded as a subset."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(PDF_FONT, str(font_path())))
    return PDF_FONT


def ui_font_paths() -> list[Path]:
    return [font_path(name) for name in UI_FONT_FILES]
