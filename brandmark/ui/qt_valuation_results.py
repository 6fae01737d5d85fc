"""The result of a brand-value run on the brand value page: the figures, a line about the run,
the engine's warnings, the histogram of the draws and the tornado.

The page says what to show (it knows the form's words for the inputs and the method);
this widget only lays it out.

>>> results = QtValuationResults()                            # doctest: +SKIP
>>> results.show_result(result, ["Relief from royalty · 20,000 trials"], warnings=[],
...                     bars=[("Discount rate", 1198.1, 1257.9)])  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from brandmark.scoring.valuation import format_amount
from brandmark.ui.qt_charts import QtHistogramChart, QtTornadoChart

FIGURES = ("value", "p10", "p50", "p90", "mean")


class QtValuationResults(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        figures = QGridLayout()
        self.figure_labels: dict[str, QLabel] = {}
        captions = (("value", self.tr("Deterministic value")), ("p10", "P10"), ("p50", "P50"), ("p90", "P90"),
                    ("mean", self.tr("Mean")))
        for column, (key, caption) in enumerate(captions):
            label = QLabel(caption)
            label.setObjectName("valuationFigureLabel")
            # "Deterministic value" on one line made the English page 30 px wider than 1280.
            label.setWordWrap(True)
            figure = QLabel("—")
            figure.setObjectName("valuationFigure")
            figures.addWidget(label, 0, column)
            figures.addWidget(figure, 1, column)
            self.figure_labels[key] = figure
        layout.addLayout(figures)
        self.run_info = QLabel(self.tr("Run an estimate to see its range."))
        self.run_info.setObjectName("valuationMuted")
        self.run_info.setWordWrap(True)
        layout.addWidget(self.run_info)
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("valuationNotice")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.hide()
        layout.addWidget(self.warnings_label)
        self.histogram = QtHistogramChart()
        self.tornado = QtTornadoChart()
        histogram_box = QGroupBox(self.tr("Distribution of the draws"))
        QVBoxLayout(histogram_box).addWidget(self.histogram)
        tornado_box = QGroupBox(self.tr("Sensitivity: each input at its P10 and P90"))
        QVBoxLayout(tornado_box).addWidget(self.tornado)
        layout.addWidget(histogram_box, 3)
        layout.addWidget(tornado_box, 3)

    def clear(self) -> None:
        for label in self.figure_labels.values():
            label.setText("—")
        self.run_info.setText(self.tr("Run an estimate to see its range."))
        self.warnings_label.hide()
        self.histogram.clear()
        self.tornado.clear()

    def show_result(self, result: dict, lines: Sequence[str], *, warnings: Sequence[str],
                    bars: Sequence[tuple[str, float | None, float | None]]) -> None:
        """``result`` is ``MonteCarloResult.to_json()``; ``lines`` describe the run; ``bars`` are
        the tornado's (input label, value at its P10, value at its P90)."""
        for key, label in self.figure_labels.items():
            label.setText(format_amount(result[key]))
        self.run_info.setText("\n".join(lines))
        if warnings:
            self.warnings_label.setText("\n".join(warnings))
            self.warnings_label.show()
        else:
            self.warnings_label.hide()
        deterministic = self.tr("Deterministic")
        self.histogram.set_data(result["histogram"]["counts"], result["histogram"]["edges"],
                                {"P10": result["p10"], "P50": result["p50"], "P90": result["p90"],
                                 deterministic: result["value"]}, emphasised=deterministic)
        self.tornado.set_bars(list(bars), base=result["value"])

    def add_line(self, line: str) -> None:
        self.run_info.setText(self.run_info.text() + "\n" + line)
