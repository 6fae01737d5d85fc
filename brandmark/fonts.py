"""The bundled CJK fonts, for reportlab (PDFs) and for the window (registered by the UI),
and the text rules every PDF shares: which font draws which character, and which
Chinese punctuation may not begin a line.

>>> register_pdf_fonts()
'WenKai'
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

from brandmark.paths import fonts_dir

PDF_FONT = "WenKai"   # the reportlab name of the one font every PDF uses (Latin and CJK)
PDF_FONT_FILE = "LXGWWenKai-Regular.ttf"
FALLBACK_FONT = "DroidSansFallback"   # draws the rare CJK characters WenKai lacks
FALLBACK_FONT_FILE = "DroidSansFallbackFull.ttf"
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


@functools.lru_cache(maxsize=1)
def _primary_glyphs() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics
    register_pdf_fonts()
    return frozenset(pdfmetrics.getFont(PDF_FONT).face.charToGlyph)


@functools.lru_cache(maxsize=1)
def _fallback_glyphs() -> frozenset[int]:
    """Rare CJK characters (CJK Ext-A, some names) missing from WenKai; registered on first need."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    try:
        if FALLBACK_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FALLBACK_FONT, str(font_path(FALLBACK_FONT_FILE))))
        return frozenset(pdfmetrics.getFont(FALLBACK_FONT).face.charToGlyph)
    except (FileNotFoundError, OSError):
        return frozenset()


def font_runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into ``(font name, run)`` pieces, each drawn by one bundled font.

    The main font draws what it has (and every space); a character it lacks goes to the
    fallback font when that has it, else stays with the main font (which shows its empty
    box, never an error). Markup (``escape``) and the certificate's canvas text both use it.

    >>> font_runs("名\u3400字")
    [('WenKai', '名'), ('DroidSansFallback', '\u3400'), ('WenKai', '字')]
    """
    primary = _primary_glyphs()

    def font_of(ch: str) -> str:
        if ord(ch) in primary or ch.isspace() or ord(ch) not in _fallback_glyphs():
            return PDF_FONT
        return FALLBACK_FONT

    return [(font, "".join(run)) for font, run in itertools.groupby(text, font_of)]


# Chinese punctuation that must not begin a line (标点禁则), for the reports and the
# certificate alike. reportlab's CJK wrapping knows the Japanese set only; without
# these a line can start with "，" or "）".
CANNOT_START_LINE_ZH = "，。、；：！？）》」』】〕〉”’…—～·％‰℃"
