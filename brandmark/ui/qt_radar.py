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
LABEL_WIDTH = 100           # labels longer than this are elided (the tooltip has them in full)


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
        margin_x = min(LABEL_WIDTH, self.width() / 4) + 6
        margin_y = metrics.height() * 2.2
        centre = QPointF(self.width() / 2, self.height() / 2)
        radius = max(10.0, min(self.width() / 2 - margin_x, self.height() / 2 - margin_y))
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

        # Each label is two lines, the name (elided to the room beside the chart) and its percentage.
        painter.setPen(text_colour)
        label_width = int(margin_x - 6)
        line = metrics.height()
        for (label, value), tip in zip(self.axes, self.points(ones, centre, radius + 6)):
            name = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width)
            percent = f"{value * 100:.0f}%"
            width = max(metrics.horizontalAdvance(name), metrics.horizontalAdvance(percent))
            dx, dy = tip.x() - centre.x(), tip.y() - centre.y()
            if abs(dx) < 1:
                x, align = tip.x() - width / 2, Qt.AlignmentFlag.AlignHCenter
            elif dx > 0:
                x, align = tip.x(), Qt.AlignmentFlag.AlignLeft
            else:
                x, align = tip.x() - width, Qt.AlignmentFlag.AlignRight
            if dy < -1:
                y = tip.y() - 2 * line
            elif dy > 1:
                y = tip.y()
            else:
                y = tip.y() - line
            x = min(max(0.0, x), self.width() - width)
            y = min(max(0.0, y), self.height() - 2 * line)
            painter.drawText(QRectF(x, y, width, line), align | Qt.AlignmentFlag.AlignVCenter, name)
            painter.drawText(QRectF(x, y + line, width, line), align | Qt.AlignmentFlag.AlignVCenter, percent)
