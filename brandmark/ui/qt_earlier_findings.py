"""Earlier nonconformities on the walk-through of a visit, a recertification or a scope change.

The assessor of a surveillance visit checks again what earlier assessments of the
certificate found (ISO/IEC 17065 7.9): the panel lists them, oldest first, with their
state (closed, open, open past its deadline) as ``Surveillance.earlier_findings`` gives
them. A row whose item this assessment answers again opens that item
(``item_requested``). The panel folds to one line; it is hidden for an initial
assessment, which has no earlier findings.

>>> panel = QtEarlierFindings()                                # doctest: +SKIP
>>> panel.show_findings(store.surveillance.earlier_findings(7), "zh_CN")   # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QToolButton,
    QVBoxLayout, QWidget,
)

from brandmark.ui.qt_item_editors import localized

ITEM_ROLE = Qt.ItemDataRole.UserRole
STATE_COLOURS = {"closed": QColor("#2e7d32"), "open": QColor("#b26a00"), "overdue": QColor("#c62828")}
_VISIBLE_ROWS = 4


class QtEarlierFindings(QWidget):
    """A foldable table of earlier nonconformities; ``item_requested(item_id)`` on a row."""

    item_requested = Signal(str)
    export_requested = Signal()     # these rows to a workbook (the page exports them)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("earlier-findings")
        self.rows: list[dict] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("earlier-findings-toggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._fold)
        self.empty = QLabel(self.tr("Earlier assessments of this certificate recorded no nonconformities."), self)
        self.empty.setObjectName("earlier-findings-empty")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("earlier-findings-table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Assessment"), self.tr("No."), self.tr("Item"), self.tr("Grade"), self.tr("State"),
            self.tr("Description / corrective action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._row_activated)
        self.table.cellClicked.connect(self._row_activated)
        # X: the summary's Export nonconformities has E on the same page.
        self.export_button = QPushButton(self.tr("E&xport earlier nonconformities…"), self)
        self.export_button.setObjectName("earlier-findings-export")
        self.export_button.setToolTip(self.tr(
            "Save the earlier nonconformities this table lists, in its order, to an Excel workbook or a CSV file"))
        self.export_button.clicked.connect(self.export_requested.emit)
        heading = QHBoxLayout()
        heading.addWidget(self.toggle)
        heading.addStretch(1)
        heading.addWidget(self.export_button)
        layout.addLayout(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

    def kind_name(self, kind: str) -> str:
        return {"initial": self.tr("initial"), "surveillance": self.tr("surveillance"),
                "recertification": self.tr("recertification"), "scope": self.tr("scope change")}.get(kind, kind)

    def state_name(self, state: str) -> str:
        return {"closed": self.tr("closed, verified"), "open": self.tr("open"),
                "overdue": self.tr("open, past its deadline")}.get(state, state)

    def grade_name(self, grade: str) -> str:
        return {"major": self.tr("major"), "minor": self.tr("minor")}.get(grade, grade)

    def show_findings(self, rows: list[dict], language: str = "zh_CN") -> None:
        """Fill the panel from ``Surveillance.earlier_findings`` rows."""
        self.rows = list(rows)
        self.export_button.setEnabled(bool(rows))
        still_open = sum(1 for r in rows if r["state"] != "closed")
        self.toggle.setText(self.tr("Earlier nonconformities to check again: {0} ({1} still open)")
                            .format(len(rows), still_open))
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            title = localized(row["item_title"], row.get("item_title_en") or "", language)
            due = self.tr(" · due {0}").format(row["deadline"]) if row.get("deadline") and row["state"] != "closed" \
                else ""
            verified = row.get("verification_checked") or ""
            text = " — ".join(part for part in (row.get("description") or "", row.get("corrective_action") or "",
                                                verified) if part)
            cells = [f"#{row['assessment_id']} {self.kind_name(row['assessment_kind'])}",
                     str(row.get("number") or ""), f"{row['item_id']} {title}", self.grade_name(row["grade"]),
                     self.state_name(row["state"]) + due, text or "—"]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                if column == 0:
                    cell.setData(ITEM_ROLE, row["item_id"] if row.get("in_this_assessment") else None)
                if column == 4:
                    cell.setForeground(STATE_COLOURS.get(row["state"], QColor("black")))
                if column == 3 and row["grade"] == "major":
                    cell.setForeground(STATE_COLOURS["overdue"])
                self.table.setItem(index, column, cell)
            if not row.get("in_this_assessment"):
                self.table.item(index, 2).setToolTip(
                    self.tr("{0}: not answered again in this assessment").format(self.table.item(index, 2).text()))
        self._fold(self.toggle.isChecked())

    def _fold(self, unfolded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        self.empty.setVisible(unfolded and not self.rows)
        self.table.setVisible(unfolded and bool(self.rows))
        if self.rows:
            shown = min(len(self.rows), _VISIBLE_ROWS)
            height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(i) for i in range(shown))
            self.table.setFixedHeight(height + 2 * self.table.frameWidth())

    def _row_activated(self, row: int, _column: int) -> None:
        cell = self.table.item(row, 0)
        if cell is not None and cell.data(ITEM_ROLE):
            self.item_requested.emit(cell.data(ITEM_ROLE))


__all__ = ["QtEarlierFindings", "STATE_COLOURS"]
