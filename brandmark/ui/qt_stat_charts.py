"""The statistics page's charts, painted with QPainter like ``qt_charts`` (no QtCharts, which
the installer leaves out): horizontal bars with one or two series, and a rate over years.

The widgets only draw what they are given; the figures come from ``store.stats.compute()``.
Each keeps its numbers (``rows``/``points``) so a test reads what is drawn, and
``png_bytes`` renders it at twice its size for a sharp exported picture.

>>> bars = QtBarChart()                                                    # doctest: +SKIP
>>> bars.set_data(["杭州市", "宁波市"], [("评价", [12, 7]), ("证书", [5, 3])])  # doctest: +SKIP
>>> trend = QtTrendChart()                                                 # doctest: +SKIP
>>> trend.set_points([("2025", 0.8, "8/10"), ("2026", 0.75, "6/8")])        # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from brandmark.chart_layout import compact_number, nice_ticks, nice_top

SERIES_COLOURS = (QColor("#b22a2a"), QColor("#2f6f9f"))     # the seal red, then a calm blue
GRID = QColor(0, 0, 0, 28)


def png_bytes(widget: QWidget, scale: float = 2.0) -> bytes:
    """The widget drawn at ``scale`` times its size, as PNG bytes (written atomically by the caller)."""
    size = widget.size()
    pixmap = QPixmap(int(size.width() * scale), int(size.height() * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(widget.palette().window().color())
    widget.render(pixmap)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class QtBarChart(QWidget):
    """One row per label, one bar per series; the value written at each bar's end.

    ``maximum`` fixes the scale (100 for an index); otherwise it follows the largest value.
    A ``None`` value is drawn as "—" with no bar (a figure without input, not a zero).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float | None]]] = []
        self.maximum: float | None = None
        self.decimals = 0
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 160)

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        return QSize(560, min(40 + self._row_height() * max(len(self.labels), 4), 420))

    def _row_height(self) -> int:
        return (QFontMetrics(self.font()).height() + 4) * max(len(self.series), 1) + 8

    def set_data(self, labels: list[str], series: list[tuple[str, list[float | None]]], *,
                 maximum: float | None = None, decimals: int = 0) -> None:
        for name, values in series:
            if len(values) != len(labels):
                raise ValueError(f"series {name!r} has {len(values)} values for {len(labels)} labels")
        self.labels, self.series, self.maximum, self.decimals = list(labels), list(series), maximum, decimals
        self.updateGeometry()
        self.update()

    def _scale_top(self) -> float:
        if self.maximum is not None:
            return self.maximum
        return nice_top(max((v for _name, vs in self.series for v in vs if v is not None), default=0.0))

    def _layout(self) -> tuple[QRectF, float]:
        metrics = QFontMetrics(self.font())
        label_width = min(max((metrics.horizontalAdvance(t) for t in self.labels), default=40) + 10,
                          self.width() * 0.4)
        legend = metrics.height() + 8 if len(self.series) > 1 else 4
        value_room = metrics.horizontalAdvance("00,000.0") + 8
        plot = QRectF(label_width, legend, max(self.width() - label_width - value_room, 20),
                      max(self.height() - legend - metrics.height() - 8, 10))
        return plot, label_width

    def bar_rects(self) -> list[list[QRectF | None]]:
        """Per label, per series: where its bar is drawn (None for a missing value); tests read them."""
        if not self.labels:
            return []
        plot, _ = self._layout()
        row = plot.height() / len(self.labels)
        top = self._scale_top()
        bar = row * 0.7 / max(len(self.series), 1)
        out = []
        for index in range(len(self.labels)):
            y = plot.top() + index * row + row * 0.15
            rects: list[QRectF | None] = []
            for s, (_name, values) in enumerate(self.series):
                value = values[index]
                if value is None:
                    rects.append(None)
                    continue
                width = max(0.0, min(value / top, 1.0)) * plot.width() if top else 0.0
                rects.append(QRectF(plot.left(), y + s * bar, max(width, 1.0 if value else 0.0), bar * 0.9))
            out.append(rects)
        return out

    def _value_text(self, value: float | None) -> str:
        if value is None:
            return "—"
        return f"{value:,.{self.decimals}f}" if self.decimals else compact_number(value)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        if not self.labels:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text or self.tr("Nothing to count yet."))
            return
        metrics = QFontMetrics(self.font())
        plot, label_width = self._layout()
        top = self._scale_top()
        if len(self.series) > 1:
            x = plot.left()
            for s, (name, _values) in enumerate(self.series):
                painter.fillRect(QRectF(x, 4, 10, metrics.height() - 6), SERIES_COLOURS[s % len(SERIES_COLOURS)])
                painter.setPen(text)
                width = metrics.horizontalAdvance(name)
                painter.drawText(QRectF(x + 14, 0, width + 4, metrics.height()), Qt.AlignmentFlag.AlignVCenter, name)
                x += width + 34
        for tick in nice_ticks(0, top, max(3, int(plot.width() // 90))):
            x = plot.left() + tick / top * plot.width()
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text)
            label = compact_number(tick)
            width = metrics.horizontalAdvance(label) + 4
            painter.drawText(QRectF(x - width / 2, plot.bottom() + 2, width, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, label)
        row = plot.height() / len(self.labels)
        for index, (label, rects) in enumerate(zip(self.labels, self.bar_rects())):
            y = plot.top() + index * row
            painter.setPen(text)
            painter.drawText(QRectF(0, y, label_width - 8, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width - 8)))
            for s, rect in enumerate(rects):
                value = self.series[s][1][index]
                bar_top = y + row * 0.15 + s * (row * 0.7 / len(self.series))
                bar_height = row * 0.7 / len(self.series)
                end = plot.left()
                if rect is not None:
                    painter.fillRect(rect, SERIES_COLOURS[s % len(SERIES_COLOURS)])
                    end = rect.right()
                painter.setPen(text)
                painter.drawText(QRectF(end + 4, bar_top, 90, bar_height), Qt.AlignmentFlag.AlignVCenter,
                                 self._value_text(value))
        painter.setPen(QPen(text, 1))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))


class QtTrendChart(QWidget):
    """A rate (0–1) per year as a line with its points, each labelled with its share and count."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: list[tuple[str, float | None, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        return QSize(560, 260)

    def set_points(self, points: list[tuple[str, float | None, str]]) -> None:
        """``(year, rate or None, note)``; the note ("8/10") is written under the share."""
        self.points = list(points)
        self.update()

    def _plot(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        left = metrics.horizontalAdvance("100%") + 10
        return QRectF(left, metrics.height() * 2 + 6, max(self.width() - left - 24, 20),
                      max(self.height() - metrics.height() * 4 - 14, 20))

    def point_positions(self) -> list[QPointF | None]:
        """Where each year's point is drawn (None without decisions); tests read them."""
        plot = self._plot()
        n = len(self.points)
        out: list[QPointF | None] = []
        for index, (_year, rate, _note) in enumerate(self.points):
            x = plot.left() + (plot.width() * (index + 0.5) / n if n else 0)
            out.append(None if rate is None else QPointF(x, plot.bottom() - rate * plot.height()))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        if not self.points:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No decisions yet."))
            return
        metrics = QFontMetrics(self.font())
        plot = self._plot()
        for share in (0.0, 0.25, 0.5, 0.75, 1.0):
            y = plot.bottom() - share * plot.height()
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{share:.0%}")
        positions = self.point_positions()
        painter.setPen(QPen(SERIES_COLOURS[0], 2))
        previous = None
        for point in positions:
            if point is not None and previous is not None:
                painter.drawLine(previous, point)
            previous = point if point is not None else previous
        for (year, rate, note), point in zip(self.points, positions):
            x = point.x() if point is not None else plot.left() + plot.width() * (self.points.index(
                (year, rate, note)) + 0.5) / len(self.points)
            painter.setPen(text)
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, metrics.height()), Qt.AlignmentFlag.AlignCenter, year)
            if point is None:
                continue
            painter.setBrush(SERIES_COLOURS[0])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(point, 4, 4)
            painter.setPen(text)
            painter.drawText(QRectF(x - 50, point.y() - 2 * metrics.height() - 4, 100, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, f"{rate:.0%}")
            painter.drawText(QRectF(x - 50, point.y() - metrics.height() - 4, 100, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, note)
