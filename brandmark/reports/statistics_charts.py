"""The statistics charts for PDF reports (reportlab graphics): horizontal bars with one or
two series, and a rate over years. The same figures and the same shapes as the window's
``ui/qt_stat_charts``, drawn for paper; text in the bundled (embedded) font.

>>> drawing = bars_drawing(["杭州市 Hangzhou", "宁波市 Ningbo"], [("评价 Assessments", [3, 1])])
>>> round(drawing.height)
56
>>> trend_drawing([("2025", 0.8, "8/10"), ("2026", None, "0/0")]).width > 0
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from brandmark.chart_layout import compact_number, nice_ticks, nice_top
from brandmark.reports.layout import ACCENT, CONTENT_WIDTH, INK, MUTED, RULE

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

SERIES = (ACCENT, "#2f6f9f")
ROW = 14          # points per label row and series


def bars_drawing(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], *,
                 width: float = CONTENT_WIDTH, maximum: float | None = None, decimals: int = 0,
                 label_width: float = 130) -> Drawing:
    """One row per label, a bar per series, the value at its end ("—" for None, no bar)."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from brandmark.fonts import PDF_FONT, register_pdf_fonts

    register_pdf_fonts()          # the label widths are measured in the font the page embeds
    n_series = max(len(series), 1)
    row = ROW * n_series + 4
    legend = 14 if len(series) > 1 else 0
    bottom = 16
    height = legend + bottom + row * max(len(labels), 1) + 4
    drawing = Drawing(width, height)
    drawing.initialFontName = PDF_FONT
    values = [v for _name, vs in series for v in vs if v is not None]
    top = maximum if maximum is not None else nice_top(max(values, default=0.0))
    left = label_width
    plot_w = width - left - 40
    plot_top = height - legend - 2
    grey = colors.HexColor(RULE)
    for tick in nice_ticks(0, top, 5):
        x = left + tick / top * plot_w
        drawing.add(Line(x, bottom, x, plot_top, strokeColor=grey, strokeWidth=0.3))
        drawing.add(String(x, bottom - 10, compact_number(tick), fontName=PDF_FONT, fontSize=6.5,
                           textAnchor="middle", fillColor=colors.HexColor(MUTED)))
    if len(series) > 1:
        x = left
        for s, (name, _values) in enumerate(series):
            drawing.add(Rect(x, height - 10, 8, 7, fillColor=colors.HexColor(SERIES[s % 2]), strokeColor=None))
            drawing.add(String(x + 11, height - 9.5, name, fontName=PDF_FONT, fontSize=7, fillColor=colors.HexColor(INK)))
            x += stringWidth(name, PDF_FONT, 7) + 26
    for index, label in enumerate(labels):
        y_top = plot_top - index * row
        text = label
        while stringWidth(text, PDF_FONT, 7.5) > label_width - 8 and len(text) > 2:
            text = text[:-2] + "…"
        drawing.add(String(left - 5, y_top - row / 2 - 2.5, text, fontName=PDF_FONT, fontSize=7.5, textAnchor="end",
                           fillColor=colors.HexColor(INK)))
        for s, (_name, vs) in enumerate(series):
            value = vs[index]
            y = y_top - 2 - (s + 1) * ROW + 3
            end = left
            if value is not None and top:
                length = max(0.0, min(value / top, 1.0)) * plot_w
                if length > 0:
                    drawing.add(Rect(left, y, length, ROW - 4, fillColor=colors.HexColor(SERIES[s % 2]),
                                     strokeColor=None))
                end = left + length
            shown = "—" if value is None else (f"{value:,.{decimals}f}" if decimals else compact_number(value))
            drawing.add(String(end + 3, y + 2.5, shown, fontName=PDF_FONT, fontSize=7, fillColor=colors.HexColor(INK)))
    drawing.add(Line(left, bottom, left, plot_top, strokeColor=colors.HexColor(INK), strokeWidth=0.6))
    drawing.hAlign = "CENTER"
    return drawing


def trend_drawing(points: Sequence[tuple[str, float | None, str]], *, width: float = CONTENT_WIDTH,
                  height: float = 150) -> Drawing:
    """A rate (0–1) per year: a line through the years that have one, each point labelled."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, String
    from reportlab.lib import colors

    from brandmark.fonts import PDF_FONT

    drawing = Drawing(width, height)
    drawing.initialFontName = PDF_FONT
    left, right, bottom, top = 34, 16, 18, 26
    plot_w, plot_h = width - left - right, height - bottom - top
    grey = colors.HexColor(RULE)
    for share in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = bottom + share * plot_h
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=grey, strokeWidth=0.3))
        drawing.add(String(left - 4, y - 2.5, f"{share:.0%}", fontName=PDF_FONT, fontSize=6.5, textAnchor="end",
                           fillColor=colors.HexColor(MUTED)))
    n = max(len(points), 1)
    previous = None
    accent = colors.HexColor(ACCENT)
    for index, (year, rate, note) in enumerate(points):
        x = left + plot_w * (index + 0.5) / n
        drawing.add(String(x, bottom - 11, year, fontName=PDF_FONT, fontSize=7, textAnchor="middle",
                           fillColor=colors.HexColor(INK)))
        if rate is None:
            continue
        y = bottom + rate * plot_h
        if previous is not None:
            drawing.add(Line(previous[0], previous[1], x, y, strokeColor=accent, strokeWidth=1.2))
        previous = (x, y)
        drawing.add(Circle(x, y, 2.4, fillColor=accent, strokeColor=None))
        drawing.add(String(x, y + 11, f"{rate:.0%}", fontName=PDF_FONT, fontSize=7, textAnchor="middle",
                           fillColor=colors.HexColor(INK)))
        drawing.add(String(x, y + 4, note, fontName=PDF_FONT, fontSize=6, textAnchor="middle",
                           fillColor=colors.HexColor(MUTED)))
    drawing.hAlign = "CENTER"
    return drawing
