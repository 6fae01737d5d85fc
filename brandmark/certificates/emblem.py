"""A neutral built-in emblem for bodies without a logo: rings, a tick rosette and the body code.

It deliberately resembles no registered mark (not the 品字标 logo); a body that has
its own logo sets ``body.logo`` to an image file instead.

>>> import io
>>> from reportlab.pdfgen.canvas import Canvas
>>> from brandmark.fonts import register_pdf_fonts
>>> canvas = Canvas(io.BytesIO())
>>> draw_emblem(canvas, 300, 700, 30, code="BM", font=register_pdf_fonts())
>>> canvas.save()
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

EMBLEM_RED = Color(0.62, 0.11, 0.11)
EMBLEM_GOLD = Color(0.72, 0.55, 0.18)


def draw_emblem(canvas: Canvas, cx: float, cy: float, radius: float, *, code: str, font: str,
                color: Color = EMBLEM_RED, accent: Color = EMBLEM_GOLD, alpha: float = 1.0) -> None:
    """Draw the emblem centred on (cx, cy) with outer ``radius`` (points)."""
    # reportlab takes the alpha from each colour set, so the colours carry it.
    color, accent, white = (Color(c.red, c.green, c.blue, alpha) for c in (color, accent, Color(1, 1, 1)))
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(radius * 0.06)
    canvas.circle(cx, cy, radius, stroke=1, fill=0)
    canvas.setLineWidth(radius * 0.02)
    canvas.circle(cx, cy, radius * 0.86, stroke=1, fill=0)
    # A rosette of 32 short ticks between the rings.
    canvas.setStrokeColor(accent)
    canvas.setLineWidth(radius * 0.035)
    path = canvas.beginPath()
    for i in range(32):
        angle = 2 * math.pi * i / 32
        inner, outer = radius * 0.88, radius * (0.97 if i % 2 == 0 else 0.93)
        path.moveTo(cx + inner * math.cos(angle), cy + inner * math.sin(angle))
        path.lineTo(cx + outer * math.cos(angle), cy + outer * math.sin(angle))
    canvas.drawPath(path, stroke=1, fill=0)
    # Inner disc with a four-pointed star and the body code.
    canvas.setFillColor(color)
    canvas.circle(cx, cy, radius * 0.70, stroke=0, fill=1)
    canvas.setFillColor(white)
    star = canvas.beginPath()
    for i in range(8):
        angle = math.pi / 2 + math.pi * i / 4
        r = radius * (0.34 if i % 2 == 0 else 0.11)
        x, y = cx + r * math.cos(angle), cy + radius * 0.16 + r * math.sin(angle) * 0.8
        star.moveTo(x, y) if i == 0 else star.lineTo(x, y)
    star.close()
    canvas.drawPath(star, stroke=0, fill=1)
    size = radius * (0.30 if len(code) <= 3 else 0.9 / max(len(code), 1))
    canvas.setFont(font, size)
    canvas.drawCentredString(cx, cy - radius * 0.42, code)
    canvas.restoreState()
