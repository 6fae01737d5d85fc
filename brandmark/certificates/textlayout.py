"""Plain text on the certificate's canvas: Chinese breaks between any two characters, Latin
between words, and each character is drawn in the bundled font that has it.

Plain text in, plain lines out: nothing is parsed as markup, so quotes, ``<`` and ``&``
in a holder's name print as they are (no escaping to forget). The line-start rule and
the glyph fallback are the reports' own (``brandmark.reports.layout``), so a rare
character in a name prints on the certificate as it does in the assessment report.

>>> wrap_text("杭州西溪电器有限公司 Hangzhou Xixi Electric Co., Ltd.", 10, 120)
['杭州西溪电器有限公司', 'Hangzhou Xixi Electric', 'Co., Ltd.']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth

from brandmark.fonts import CANNOT_START_LINE_ZH, font_runs

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

# A Latin word (with trailing punctuation), a run of spaces, or any single other character.
_TOKENS = re.compile(r"[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+|\s+|.", re.S)
# Characters that must not begin a line: the Chinese set, and Latin closing punctuation.
_NO_LINE_START = set(CANNOT_START_LINE_ZH + ",.;:?!)]}")


@lru_cache(maxsize=20000)
def _unit_width(token: str) -> float:
    """Width at 1 pt, each run in its own font; cached because certificates repeat words."""
    width: float = sum(stringWidth(run, font, 1) for font, run in font_runs(token))
    return width


def wrap_text(text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (at least one line)."""
    if _unit_width(text) * size <= width:
        return [text]
    lines: list[str] = []
    line, line_width = "", 0.0
    for token in _TOKENS.findall(text):
        token_width = _unit_width(token) * size
        if line_width + token_width <= width or (line and token[0] in _NO_LINE_START):
            line, line_width = line + token, line_width + token_width
            continue
        if token.isspace():                       # a break at a space swallows the space
            lines.append(line.rstrip())
            line, line_width = "", 0.0
            continue
        if line.strip():
            lines.append(line.rstrip())
        line, line_width = "", 0.0
        if token_width <= width:
            line, line_width = token, token_width
            continue
        for ch in token:                          # a word wider than the line: cut it
            ch_width = _unit_width(ch) * size
            if line and line_width + ch_width > width:
                lines.append(line)
                line, line_width = "", 0.0
            line, line_width = line + ch, line_width + ch_width
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def draw_line(canvas: Canvas, x: float, y: float, text: str, size: float, *, anchor: str = "start") -> None:
    """Draw one line on baseline ``y``, starting, centred or ending at ``x`` (``anchor``
    ``start``, ``middle`` or ``end``). Leaves the canvas in whichever font drew last."""
    if anchor != "start":
        x -= _unit_width(text) * size / (2 if anchor == "middle" else 1)
    for font, run in font_runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, size)


def fit_line(text: str, size: float, width: float, *, min_size: float = 6.0) -> tuple[str, float]:
    """``text`` and the largest size up to ``size`` at which it fits one line of ``width``
    points; below ``min_size`` it stays at ``min_size`` and is cut with an ellipsis.

    >>> fit_line("示例认证机构", 14, 200)
    ('示例认证机构', 14)
    >>> fit_line("长" * 200, 14, 200)[0].endswith("…")
    True
    """
    natural = _unit_width(text)
    if natural * size <= width:
        return text, size
    if natural * min_size <= width:
        return text, width / natural
    while text and (_unit_width(text + "…") * min_size) > width:
        text = text[:-1]
    return text + "…", min_size
