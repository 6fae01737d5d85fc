"""A radar (spider) chart of section scores, painted with QPainter.

Painted rather than built on QtCharts' ``QPolarChart``: a dozen lines of geometry
cost nothing to import, while QtCharts adds a large module (and its start-up time)
for one small figure.

>>> radar = QtRadarChart()                                        # doctest: +SKIP
>>> radar.set_axes([("检验", 0.8), ("工厂审核", 0.65), ("特征", 0.4)])  # doctest: +SKIP
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

RINGS = (0.25, 0.5, 0.75, 1.0)
LABEL_WIDTH = 100           # labels wrap to this width (pixels)
LABEL_LINES = 5             # at most this many lines per label; only a longer one ends in "…"


def _break_points(text: str) -> list[str]:
    """``text`` cut where a line may end: after a space or a hyphen, and around each CJK
    character ("Factory quality-assurance" → "Factory ", "quality-", "assurance")."""
    pieces, current = [], ""
    for character in text:
        if ord(character) >= 0x2E80:            # CJK and full-width: a line may end on either side
            if current:
                pieces.append(current)
            pieces.append(character)
            current = ""
            continue
        current += character
        if character in " -/":
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def wrap_label(text: str, width: float, advance, lines: int = LABEL_LINES) -> list[str]:
    """``text`` in lines no wider than ``width`` (``advance(s)`` measures a string), broken at
    spaces, hyphens and between CJK characters; a word wider than the line is cut, and only
    text beyond ``lines`` lines is elided with "…".

    >>> wrap_label("Factory quality-assurance capability", 10, len)
    ['Factory', 'quality-', 'assurance', 'capability']
    >>> wrap_label("Factory quality-assurance capability", 10, len, lines=3)
    ['Factory', 'quality-', 'assurance…']
    >>> wrap_label("工厂质量保证能力", 4, len)
    ['工厂质量', '保证能力']
    """
    out: list[str] = []
    current = ""
    for piece in _break_points(text):
        candidate = current + piece
        if current and advance(candidate.rstrip()) > width:
            out.append(current.rstrip())
            current = piece.lstrip()
        else:
            current = candidate
        while advance(current.rstrip()) > width and len(current) > 1:   # one word too long for a line
            cut = len(current) - 1
            while cut > 1 and advance(current[:cut]) > width:
                cut -= 1
            out.append(current[:cut])
            current = current[cut:]
    if current.strip():
        out.append(current.rstrip())
    if len(out) > lines:
        last = " ".join(out[lines - 1:])
        while last and advance(last + "…") > width:
            last = last[:-1]
        out = out[:lines - 1] + [last.rstrip() + "…"]
    return out or [""]


class QtRadarChart(QWidget):
    """Axes are ``(label, fraction)`` with fractions 0..1 (score / section maximum).

    ``marker`` (0..1, optional) draws a dashed ring, e.g. the pass score.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.axes: list[tuple[str, float]] = []
        self.marker: float | None = None
        self.fill = QColor("#1565c0")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 180)

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        return QSize(280, 240)

    def set_axes(self, axes: list[tuple[str, float]], marker: float | None = None) -> None:
        self.axes = [(label, min(1.0, max(0.0, float(value)))) for label, value in axes]
        self.marker = marker
        self.setToolTip("\n".join(f"{label}: {value * 100:.0f} %" for label, value in self.axes))
        self.update()

    def label_width(self) -> float:
        """The room for a label beside the chart: ``LABEL_WIDTH`` (a quarter of a narrow chart),
        never narrower than the longest word (up to a third of the width), so no word is cut.
        The labels above and below get the same, or they would run into the diagonal ones."""
        side = min(LABEL_WIDTH, self.width() / 4)
        metrics = QFontMetrics(self.font())
        words = [word for label, _value in self.axes for word in label.split()]
        longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        return max(side, min(longest + 2, self.width() / 3))

    def _is_vertical(self, index: int) -> bool:
        return abs(math.cos(-math.pi / 2 + 2 * math.pi * index / len(self.axes))) < 0.5

    def label_lines(self) -> list[list[str]]:
        """Each axis' name as drawn: wrapped to its room (English section titles are long:
        "Factory quality-assurance capability" was cut to "Factory quality-ass…")."""
        return self._layout()[0]

    def _layout(self) -> tuple[list[list[str]], QPointF, float]:
        """The labels' lines, the chart's centre and its radius."""
        metrics = QFontMetrics(self.font())
        side = self.label_width()
        names = [wrap_label(label, side, metrics.horizontalAdvance) for label, _value in self.axes]
        centre = QPointF(self.width() / 2, self.height() / 2)

        def radius_for(lines: list[list[str]]) -> float:
            # The labels above and below the chart need room for their lines and the percentage.
            vertical = [len(block) for index, block in enumerate(lines) if self._is_vertical(index)]
            margin_y = metrics.height() * ((max(vertical) if vertical else 1) + 1.2)
            return max(10.0, min(self.width() / 2 - side - 6, self.height() / 2 - margin_y))

        radius = radius_for(names)
        if len(self.axes) > 4:
            # A label above or below the chart is centred on its axis: wider than the room
            # between the diagonal axes' labels, it would run into them.
            room = 1.3 * (radius + 6)
            for index, (label, _value) in enumerate(self.axes):
                longest = max((metrics.horizontalAdvance(word) for word in label.split()), default=0)
                if self._is_vertical(index) and room < side:
                    names[index] = wrap_label(label, max(room, longest + 2), metrics.horizontalAdvance)
            radius = radius_for(names)
        return names, centre, radius

    def label_rects(self) -> list[QRectF]:
        """Where each axis' label (its lines and its percentage) is drawn."""
        if len(self.axes) < 3:
            return []
        metrics = QFontMetrics(self.font())
        names, centre, radius = self._layout()
        line = metrics.height()
        rects = []
        for (_label, value), lines, tip in zip(self.axes, names, self.points([1.0] * len(self.axes), centre,
                                                                             radius + 6)):
            block = [*lines, f"{value * 100:.0f}%"]
            width = max(metrics.horizontalAdvance(text) for text in block)
            height = line * len(block)
            dx, dy = tip.x() - centre.x(), tip.y() - centre.y()
            if abs(dx) < 1:
                x = tip.x() - width / 2
            elif dx > 0:
                x = tip.x()
            else:
                x = tip.x() - width
            if dy < -1:
                y = tip.y() - height
            elif dy > 1:
                y = tip.y()
            else:
                y = tip.y() - height / 2
            x = min(max(0.0, x), self.width() - width)
            y = min(max(0.0, y), self.height() - height)
            rects.append(QRectF(x, y, width, height))
        return rects

    def points(self, fractions: list[float], centre: QPointF, radius: float) -> list[QPointF]:
        """Where each axis' fraction lies; the first axis points straight up."""
        count = len(fractions)
        out = []
        for index, fraction in enumerate(fractions):
            angle = -math.pi / 2 + 2 * math.pi * index / count
            out.append(QPointF(centre.x() + math.cos(angle) * radius * fraction,
                               centre.y() + math.sin(angle) * radius * fraction))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        if len(self.axes) < 3:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("The radar needs three scored sections."))
            return
        metrics = QFontMetrics(self.font())
        names, centre, radius = self._layout()
        ones = [1.0] * len(self.axes)

        grid = QPen(QColor(text_colour.red(), text_colour.green(), text_colour.blue(), 70), 1)
        painter.setPen(grid)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ring in RINGS:
            painter.drawPolygon(QPolygonF(self.points([ring] * len(self.axes), centre, radius)))
        for tip in self.points(ones, centre, radius):
            painter.drawLine(centre, tip)
        if self.marker is not None:
            dashed = QPen(QColor("#c62828"), 1, Qt.PenStyle.DashLine)
            painter.setPen(dashed)
            painter.drawPolygon(QPolygonF(self.points([self.marker] * len(self.axes), centre, radius)))

        shape = QPolygonF(self.points([v for _label, v in self.axes], centre, radius))
        fill = QColor(self.fill)
        fill.setAlpha(80)
        painter.setBrush(fill)
        painter.setPen(QPen(self.fill, 2))
        painter.drawPolygon(shape)
        painter.setBrush(self.fill)
        for point in shape:
            painter.drawEllipse(point, 2.5, 2.5)

        # Each label is its name's lines (wrapped to its room), then its percentage.
        painter.setPen(text_colour)
        line = metrics.height()
        for index, ((_label, value), lines, rect) in enumerate(zip(self.axes, names, self.label_rects())):
            dx = self.points([1.0] * len(self.axes), centre, radius)[index].x() - centre.x()
            align = (Qt.AlignmentFlag.AlignHCenter if abs(dx) < 1 else
                     Qt.AlignmentFlag.AlignLeft if dx > 0 else Qt.AlignmentFlag.AlignRight)
            for row, text in enumerate([*lines, f"{value * 100:.0f}%"]):
                painter.drawText(QRectF(rect.x(), rect.y() + row * line, rect.width(), line),
                                 align | Qt.AlignmentFlag.AlignVCenter, text)
