"""The saved estimates of one applicant, newest first, as a table on the brand value page.

Choosing a row emits ``estimate_chosen(id)``; the page shows that estimate. The rows come
from ``store.valuations.history``; the page says which applicant and which row to select.
Export… emits ``export_requested``: the page writes these estimates, in this order, through
the register export (``valuations`` with ``newest_first``).

>>> history = QtValuationHistory()                          # doctest: +SKIP
>>> history.show_rows(store.valuations.history(2), select=5)  # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from brandmark.scoring.valuation import format_amount


class QtValuationHistory(QGroupBox):
    """``estimate_chosen(id)`` when the user selects a saved estimate."""

    estimate_chosen = Signal(int)
    export_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Saved estimates of this applicant"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Valuation date"), self.tr("Value"), self.tr("P10 – P90"), self.tr("By")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table)
        self.export_button = QPushButton(self.tr("&Export estimates…"), self)
        self.export_button.setObjectName("export-estimates")
        self.export_button.setToolTip(self.tr(
            "Save this applicant's estimates, as the table lists them, to an Excel workbook or a CSV file"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_requested.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)

    def show_rows(self, rows: list[dict], select: int | None = None) -> None:
        """Fill the table; ``select`` an estimate id to select (and so show) it."""
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for position, row in enumerate(rows):
            cells = [f"#{row['id']}", row["valuation_date"], format_amount(row["value"]),
                     f"{format_amount(row['p10'])} – {format_amount(row['p90'])}", row["created_by"]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(position, column, item)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.export_button.setEnabled(bool(rows))
        if select is not None:
            for position, row in enumerate(rows):
                if row["id"] == select:
                    self.table.selectRow(position)   # emits estimate_chosen through _selected
                    break

    def ids(self) -> list[int]:
        """The estimate ids listed, top to bottom."""
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.table.rowCount())]

    def _selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if rows:
            self.estimate_chosen.emit(self.table.item(min(rows), 0).data(Qt.ItemDataRole.UserRole))
