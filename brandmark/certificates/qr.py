"""The QR code, encoded by segno and drawn by reportlab as one vector path.

segno makes the codewords; they are placed, masked and the mask chosen with numpy
(``qr_mask``): the symbol segno makes, without its pure-Python loops over every module.

Why segno plus our own drawing rather than reportlab's QR widget: segno picks the
smallest version and uses QR's alphanumeric mode for our base45 text (the widget's
own encoder is older and gives no control over the mode), and drawing one path of
horizontal runs keeps the module edges exact at any zoom or printer resolution,
with a few dozen path operations instead of thousands of separate squares.

>>> modules = qr_matrix("BM1:ABC")
>>> len(modules) == len(modules[0]) >= 21
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brandmark.certificates.qr_mask import matrix_with_best_mask

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4   # modules of white margin the QR standard asks for


def qr_matrix(text: str, error: str = "m") -> list[list[bool]]:
    """The code's dark modules (row 0 on top), without the quiet zone."""
    return matrix_with_best_mask(text, error)


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> float:
    """Draw the QR for ``text`` with its quiet zone in the square (x, y, size); returns the module size."""
    matrix = qr_matrix(text)
    count = len(matrix) + 2 * QUIET_ZONE
    module = size / count
    top = y + size - QUIET_ZONE * module
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(x + (QUIET_ZONE + start) * module, top - (r + 1) * module,
                          (c - start) * module, module)
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return module
