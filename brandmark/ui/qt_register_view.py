"""The table widget every register uses: a lazy model, a debounced search box, a count.

>>> register = QtRegisterView(model, placeholder="Search by name or code")   # doctest: +SKIP
>>> register.activated.connect(open_row)                                     # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget,
)

from brandmark.ui.qt_models import QtWindowedTableModel

SEARCH_DELAY_MS = 250   # wait for a pause in typing before asking the database


class QtRegisterView(QWidget):
    """Search box + table + row count. ``activated(row_id)`` on double-click or Enter."""

    activated = Signal(object)      # the row's ``id_key`` value: an id, or a certificate number
    selection_changed = Signal()

    def __init__(self, model: QtWindowedTableModel, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(placeholder)
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.search_edit, 1)

        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures rows it does not show, so a
        # 100,000-row register costs no more than a 100-row one.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.setModel(model)
        order = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
        keys = [c.key for c in model.columns]
        # A default order by no shown column (certificates: newest first) shows no indicator.
        self.table.horizontalHeader().setSortIndicator(keys.index(model.order_by) if model.order_by in keys else -1,
                                                       order)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.table.activated.connect(lambda index: self._activate(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        model.modelReset.connect(self.update_count)
        model.modelReset.connect(self.selection_changed.emit)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_search)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.update_count()

    def set_column_widths(self, widths: dict[str, int], stretch: str | None = None) -> None:
        """Fixed starting widths (the user may drag them), never narrower than the header's
        own text in the window's language; ``stretch`` takes the space left."""
        header = self.table.horizontalHeader()
        for position, column in enumerate(self.model.columns):
            if column.key in widths:
                self.table.setColumnWidth(position, max(widths[column.key], header.sectionSizeHint(position)))
            if column.key == stretch:
                header.setStretchLastSection(False)
                header.setSectionResizeMode(position, QHeaderView.ResizeMode.Stretch)

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search_edit.text())

    def update_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.search:
            self.count_label.setText(self.tr("%n match(es) for “{0}”", "", rows).format(self.model.search))
        else:
            self.count_label.setText(self.tr("%n record(s)", "", rows))

    def selected_id(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def select_id(self, row_id) -> bool:
        """Select the row with ``row_id`` if it is on a cached page (no full scan)."""
        for position in range(min(self.model.rowCount(), self.model.page_size * self.model.max_pages)):
            if self.model.row_id(position) == row_id:
                index = self.model.index(position, 0)
                self.table.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return True
        return False

    def _activate(self, position: int) -> None:
        row_id = self.model.row_id(position)
        if row_id is not None:
            self.activated.emit(row_id)
