"""Line breaking for the certificate: Chinese breaks between any two characters, Latin between words.

Plain text in, plain lines out: nothing is parsed as markup, so quotes, ``<`` and ``&``
in a holder's name print as they are (no escaping to forget).

>>> from brandmark.fonts import register_pdf_fonts
>>> font = register_pdf_fonts()
>>> wrap_text("杭州西溪电器有限公司 Hangzhou Xixi Electric Co., Ltd.", font, 10, 120)
['杭州西溪电器有限公司', 'Hangzhou Xixi Electric', 'Co., Ltd.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

# A Latin word (with trailing punctuation), a run of spaces, or any single other character.
_TOKENS = re.compile(r"[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+|\s+|.", re.S)
# Characters that must not begin a line (Chinese line-breaking rules, 避头尾).
_NO_LINE_START = set("，。、；：？！）》」』】〕〉”’,.;:?!)]}…—·")


@lru_cache(maxsize=20000)
def _unit_width(token: str, font: str) -> float:
    """Width at 1 pt; cached because certificates repeat the same words and characters."""
    return stringWidth(token, font, 1)


def text_width(text: str, font: str, size: float) -> float:
    return _unit_width(text, font) * size


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (at least one line)."""
    if _unit_width(text, font) * size <= width:
        return [text]
    lines: list[str] = []
    line, line_width = "", 0.0
    for token in _TOKENS.findall(text):
        token_width = _unit_width(token, font) * size
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
            ch_width = _unit_width(ch, font) * size
            if line and line_width + ch_width > width:
                lines.append(line)
                line, line_width = "", 0.0
            line, line_width = line + ch, line_width + ch_width
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines
