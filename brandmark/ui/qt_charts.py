"""Small charts painted with QPainter: a histogram with markers, and a tornado.

Painted rather than built on QtCharts: two simple figures cost a few dozen lines of
geometry, while QtCharts adds a large module and its start-up time. The numbers come
from the valuation engine (``MonteCarloResult.to_json()``); these widgets only draw.
The histogram's markers (P10, P50, P90, the deterministic value) are flags whose labels
``place_marker_labels`` keeps apart, however close the values.

>>> histogram = QtHistogramChart()                                          # doctest: +SKIP
>>> histogram.set_data([3, 9, 4], [0.0, 1.0, 2.0, 3.0], {"P50": 1.4})       # doctest: +SKIP
>>> tornado = QtTornadoChart()                                              # doctest: +SKIP
>>> tornado.set_bars([("Discount rate", 5400.0, 4300.0)], base=4830.0)     # doctest: +SKIP
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from brandmark.chart_layout import ROW_GAP, MarkerLabel, nice_ticks, place_marker_labels
from brandmark.chart_layout import compact_number as compact

BAR = QColor(178, 42, 42, 110)         # the brand's seal red, light
ACCENT = QColor("#b22a2a")
LOW = QColor("#2f6f9f")                # an input at its P10
HIGH = QColor("#c07a1a")               # an input at its P90


class QtHistogramChart(QWidget):
    """Bars of ``counts`` over ``edges`` (len(counts) + 1), with labelled vertical markers."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.counts: list[int] = []
        self.edges: list[float] = []
        self.markers: dict[str, float] = {}
        self.emphasised = ""          # the marker drawn solid in the accent colour
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 160)

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        return QSize(420, 220)

    def set_data(self, counts: list[int], edges: list[float], markers: dict[str, float] | None = None,
                 emphasised: str = "") -> None:
        if counts and len(edges) != len(counts) + 1:
            raise ValueError(f"{len(counts)} counts need {len(counts) + 1} edges, got {len(edges)}")
        self.counts, self.edges = [int(c) for c in counts], [float(e) for e in edges]
        self.markers = {k: float(v) for k, v in (markers or {}).items() if v is not None and math.isfinite(v)}
        self.emphasised = emphasised
        self.update()

    def clear(self) -> None:
        self.set_data([], [], {})

    def bar_rects(self) -> list[QRectF]:
        """Where each non-empty bin is drawn (tests read the geometry)."""
        plot = self._plot_rect()
        total = sum(self.counts)
        if not total:
            return []
        lo, hi = self._x_range()
        peak = max(self.counts) / total
        rects = []
        for count, a, b in zip(self.counts, self.edges[:-1], self.edges[1:]):
            if count:
                left = plot.left() + (a - lo) / (hi - lo) * plot.width()
                right = plot.left() + (b - lo) / (hi - lo) * plot.width()
                height = (count / total) / (peak * 1.08) * plot.height()
                rects.append(QRectF(left, plot.bottom() - height, max(right - left - 1, 1), height))
        return rects

    def _x_range(self) -> tuple[float, float]:
        values = self.edges + list(self.markers.values())
        lo, hi = min(values), max(values)
        return (lo, hi if hi > lo else lo + 1.0)

    def _plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        rows = max((label.row + 1 for label in self.marker_labels()), default=1)
        top = rows * (metrics.height() + ROW_GAP) + 4
        bottom = metrics.height() + 8
        return QRectF(10, top, max(self.width() - 20, 10), max(self.height() - top - bottom, 10))

    def _x_of(self, value: float) -> float:
        left, width = 10.0, max(self.width() - 20, 10)
        lo, hi = self._x_range()
        return left + (value - lo) / (hi - lo) * width

    def marker_labels(self) -> list[MarkerLabel]:
        """Where each marker's label is drawn, rows counted up from the plot (tests read them)."""
        if not self.markers:
            return []
        metrics = QFontMetrics(self.font())
        ordered = sorted(self.markers.items(), key=lambda kv: kv[1])
        return place_marker_labels([(name, self._x_of(value), metrics.horizontalAdvance(name) + 2)
                                    for name, value in ordered], self.width())

    def label_rects(self) -> dict[str, QRectF]:
        """Each marker label's rectangle in widget coordinates."""
        metrics = QFontMetrics(self.font())
        plot_top = self._plot_rect().top()
        return {label.name: QRectF(label.left, self._row_top(label.row, plot_top, metrics),
                                   label.right - label.left, metrics.height())
                for label in self.marker_labels()}

    @staticmethod
    def _row_top(row: int, plot_top: float, metrics: QFontMetrics) -> float:
        return plot_top - (row + 1) * (metrics.height() + ROW_GAP)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        if not self.counts or not sum(self.counts):
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Run an estimate to see its range."))
            return
        plot = self._plot_rect()
        lo, hi = self._x_range()
        metrics = QFontMetrics(self.font())

        def x_of(value: float) -> float:
            return plot.left() + (value - lo) / (hi - lo) * plot.width()

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for rect in self.bar_rects():
            painter.drawRect(rect)
        painter.setPen(QPen(text, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        for tick in nice_ticks(lo, hi, max(3, int(plot.width() // 90))):
            x = x_of(tick)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            label = compact(tick)
            width = metrics.horizontalAdvance(label) + 4
            left = min(max(x - width / 2, 0.0), self.width() - width)     # the end ticks stay whole
            painter.drawText(QRectF(left, plot.bottom() + 4, width, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, label)
        # Markers as flags: a label beside the top of its line, on rows that keep labels apart
        # and lines out of them (P50 and the deterministic value are often a pixel apart).
        labels = self.marker_labels()
        for label in sorted(labels, key=lambda m: m.name == self.emphasised):   # the emphasised one on top
            emphasised = label.name == self.emphasised
            colour = ACCENT if emphasised else text
            top = self._row_top(label.row, plot.top(), metrics)
            painter.setPen(QPen(colour, 2 if emphasised else 1,
                                Qt.PenStyle.SolidLine if emphasised else Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(label.x, top + 1), QPointF(label.x, plot.bottom()))
            painter.setPen(colour)
            painter.drawText(QRectF(label.left, top, label.right - label.left + 2, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label.name)


class QtTornadoChart(QWidget):
    """One bar per input: the value with the input at its P10 and at its P90, around ``base``.

    A ``None`` end is an impossible point (growth reaching the discount rate); it is drawn
    as a dashed bar to the edge, away from the other end.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[tuple[str, float | None, float | None]] = []
        self.base = 0.0
        self.loaded = False           # a result was set (possibly with no uncertain input)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 120)

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        return QSize(420, 40 + 26 * max(len(self.bars), 3))

    def set_bars(self, bars: list[tuple[str, float | None, float | None]], base: float) -> None:
        self.bars, self.base, self.loaded = list(bars), float(base), True
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_bars([], 0.0)
        self.loaded = False

    def _layout(self) -> tuple[QRectF, float, float, float]:
        metrics = QFontMetrics(self.font())
        label_width = min(max((metrics.horizontalAdvance(b[0]) for b in self.bars), default=60) + 8,
                          self.width() * 0.35)
        value_room = metrics.horizontalAdvance("000,000") + 6
        top = metrics.height() + 8
        plot = QRectF(label_width + value_room, top, max(self.width() - label_width - 2 * value_room, 20),
                      max(self.height() - top - metrics.height() - 8, 10))
        ends = [self.base] + [v for _, a, b in self.bars for v in (a, b) if v is not None]
        lo, hi = min(ends), max(ends)
        span = max(hi - lo, abs(self.base) * 1e-6, 1e-9)
        return plot, lo - span * 0.02, hi + span * 0.02, label_width

    def bar_spans(self) -> list[tuple[QRectF | None, QRectF | None]]:
        """(P10 rectangle, P90 rectangle) per bar; None for an impossible end (tests read them)."""
        if not self.bars:
            return []
        plot, lo, hi, _ = self._layout()
        row = plot.height() / len(self.bars)

        def x_of(value: float) -> float:
            return plot.left() + (value - lo) / (hi - lo) * plot.width()

        spans = []
        for index, (_, low_value, high_value) in enumerate(self.bars):
            y = plot.top() + index * row + row * 0.2
            pair = []
            for value in (low_value, high_value):
                if value is None:
                    pair.append(None)
                    continue
                a, b = sorted((x_of(self.base), x_of(value)))
                pair.append(QRectF(a, y, max(b - a, 1.0), row * 0.6))
            spans.append((pair[0], pair[1]))
        return spans

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        if not self.bars:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("No uncertain input: nothing to compare.") if self.loaded
                             else self.tr("Run an estimate to see which inputs move it most."))
            return
        metrics = QFontMetrics(self.font())
        plot, lo, hi, label_width = self._layout()
        row = plot.height() / len(self.bars)
        base_x = plot.left() + (self.base - lo) / (hi - lo) * plot.width()
        # Legend.
        legend_x = plot.left()
        for colour, label in ((LOW, self.tr("Input at P10")), (HIGH, self.tr("Input at P90"))):
            painter.fillRect(QRectF(legend_x, 4, 10, metrics.height() - 6), colour)
            painter.setPen(text)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QRectF(legend_x + 14, 0, width + 4, metrics.height()), Qt.AlignmentFlag.AlignVCenter,
                             label)
            legend_x += width + 34
        for index, ((label, low_value, high_value), (low_rect, high_rect)) in enumerate(
                zip(self.bars, self.bar_spans())):
            y = plot.top() + index * row
            painter.setPen(text)
            painter.drawText(QRectF(0, y, label_width - 6, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width - 6)))
            for value, other, rect, colour in ((low_value, high_value, low_rect, LOW),
                                               (high_value, low_value, high_rect, HIGH)):
                if rect is not None:
                    painter.fillRect(rect, colour)
                    above = value > self.base
                    text_rect = (QRectF(rect.right() + 3, y, 80, row) if above
                                 else QRectF(rect.left() - 83, y, 80, row))
                    painter.setPen(text)
                    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter
                                     | (Qt.AlignmentFlag.AlignLeft if above else Qt.AlignmentFlag.AlignRight),
                                     compact(value))
                elif other is not None:
                    edge = plot.right() if other <= self.base else plot.left()
                    painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(QRectF(min(base_x, edge), y + row * 0.2, abs(edge - base_x), row * 0.6))
        painter.setPen(QPen(ACCENT, 2))
        painter.drawLine(QPointF(base_x, plot.top() - 2), QPointF(base_x, plot.bottom() + 2))
        caption = self.tr("Deterministic {0}").format(compact(self.base))
        width = metrics.horizontalAdvance(caption)
        left = min(max(base_x - width / 2, 0), self.width() - width - 2)
        painter.drawText(QRectF(left, plot.bottom() + 4, width + 2, metrics.height()), Qt.AlignmentFlag.AlignLeft,
                         caption)
