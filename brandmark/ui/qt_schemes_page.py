"""The schemes page (认证方案): the packs installed, one pack's criteria, import, validate.

A pack file that fails the checks is refused whole; every problem is listed, one per line
(``PackError.problems``), so the author can fix them all in one pass.

>>> page = QtSchemesPage(context)            # doctest: +SKIP
>>> page.import_file("/path/my-pack.toml")   # doctest: +SKIP
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from brandmark.errors import PackError, RefusedInput
from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO, Item, Pack
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_item_editors import localized

PACK_FILES_FILTER = "TOML (*.toml);;*"


class QtProblemsDialog(QDialog):
    """A list of problems, one per line, selectable and copyable."""

    def __init__(self, title: str, intro: str, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 420)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(problems))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class QtSchemesPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None, preferences=None):
        super().__init__(parent)
        self.context = context
        self.preferences = preferences

        self.packs_table = QTableWidget(0, 5)
        self.packs_table.setHorizontalHeaderLabels(
            [self.tr("Scheme"), self.tr("Version"), self.tr("Title"), self.tr("Kind"), self.tr("Content hash")])
        self.packs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packs_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.packs_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.packs_table.verticalHeader().hide()
        self.packs_table.horizontalHeader().setStretchLastSection(True)
        self.packs_table.itemSelectionChanged.connect(self.show_selected)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Criterion"), self.tr("Kind"), self.tr("Weight"), self.tr("Levels / limit")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 460)
        self.tree.setColumnWidth(1, 110)
        self.tree.setColumnWidth(2, 70)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("packNotice")

        self.import_button = QPushButton(self.tr("&Import pack…"))
        self.validate_button = QPushButton(self.tr("Va&lidate file…"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.validate_button.clicked.connect(lambda: self.validate_file())

        title = QLabel(self.tr("Scheme packs"))
        title.setObjectName("pageTitle")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.validate_button)
        header.addWidget(self.import_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.notice)
        detail_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.packs_table)
        splitter.addWidget(detail)
        splitter.setSizes([160, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        context.changed.connect(lambda topic: self.reload() if topic in ("schemes", "all") else None)
        self.reload()

    # -- the list of packs --------------------------------------------------------
    def reload(self) -> None:
        rows = self.context.store.schemes.list()
        self.packs_table.setRowCount(len(rows))
        for position, row in enumerate(rows):
            kind = self.tr("Reference") if row["reference"] else self.tr("Imported")
            if not row["latest"]:
                kind += " · " + self.tr("older version")
            cells = [row["id"], row["version"], self._title(row["title"], row["title_en"]), kind,
                     row["hash"][:16] + "…"]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, (row["id"], row["version"]))
                if column == 4:
                    cell.setToolTip(row["hash"])
                if column == 3 and row["reference"]:
                    cell.setForeground(QBrush(QColor("#7a5c00")))
                    cell.setToolTip(self.tr("A reference pack written by brandmark, not official text"))
                self.packs_table.setItem(position, column, cell)
        self.packs_table.resizeColumnsToContents()
        if rows and not self.packs_table.selectedItems():
            self.packs_table.selectRow(0)

    def selected_pack(self) -> tuple[str, str] | None:
        items = self.packs_table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def show_selected(self) -> None:
        selected = self.selected_pack()
        if selected:
            self.show_pack(self.context.store.schemes.get(*selected))

    # -- one pack's criteria -------------------------------------------------------
    def _kind_label(self, kind: str) -> str:
        return {VETO: self.tr("Veto"), CONFORMITY: self.tr("Conformity"), POINTS: self.tr("Points"),
                TEST: self.tr("Test")}.get(kind, kind)

    def _title(self, zh: str, en: str) -> str:
        return localized(zh, en, self.context.language)

    def _details(self, item: Item) -> tuple[str, str]:
        """(short text, tooltip) for the levels or limit column."""
        if item.kind == POINTS:
            levels = "\n".join(f"{lv.level}: {self._title(lv.text, lv.text_en)}" for lv in item.levels)
            short = self.tr("levels 0–{0}").format(item.max_level)
            if item.target is not None:
                short += ", " + self.tr("target {0}").format(item.target)
            return short, levels
        if item.kind == TEST:
            method = self.tr("rounded value") if item.method == "rounded" else self.tr("full value")
            short = f"{item.limit} {item.unit}".strip() + f" ({method})"
            tip = [f"{item.quantity} {short}".strip()]
            if item.national_limit:
                tip.append(self.tr("National limit: {0}").format(item.national_limit))
            if item.test_method:
                tip.append(self.tr("Test method: {0}").format(item.test_method))
            if item.samples > 1:
                tip.append(self.tr("Samples: {0}").format(item.samples))
            return short, "\n".join(tip)
        if item.kind == VETO:
            return self.tr("pass / fail / not applicable"), ""
        return self.tr("conform / minor NC / major NC / not applicable"), ""

    def show_pack(self, pack: Pack) -> None:
        self.tree.clear()
        notice = self._title(pack.notice, pack.notice_en)
        header = f"{self._title(pack.title, pack.title_en)} — {pack.id} {pack.version}"
        if pack.reference:
            header += "  [" + self.tr("reference pack") + "]"
        self.notice.setText(f"<b>{html.escape(header, quote=False)}</b><br>{html.escape(notice, quote=False)}")
        for section in pack.sections:
            node = QTreeWidgetItem([self._title(section.title, section.title_en), self.tr("Section"),
                                    f"{section.weight:g}", self.tr("%n item(s)", "", len(section.items))])
            font = node.font(0)
            font.setBold(True)
            node.setFont(0, font)
            node.setToolTip(0, section.description)
            for item in section.items:
                short, tip = self._details(item)
                child = QTreeWidgetItem([f"{item.id}  {self._title(item.title, item.title_en)}",
                                         self._kind_label(item.kind), f"{item.weight:g}", short])
                child.setToolTip(0, self._title(item.text, item.text_en))
                if tip:
                    child.setToolTip(3, tip)
                node.addChild(child)
            self.tree.addTopLevelItem(node)
        self.tree.expandAll()

    # -- files ----------------------------------------------------------------------
    def _ask_file(self, title: str) -> str:
        path, _ = qt_file_dialogs.open_file_name(self, title, "", PACK_FILES_FILTER, purpose="packs")
        return path

    def import_file(self, path: str | Path | None = None) -> Pack | None:
        """Import a pack file (asks for it when ``path`` is None); problems listed on refusal."""
        path = path or self._ask_file(self.tr("Import scheme pack"))
        if not path:
            return None
        try:
            pack = self.context.store.schemes.import_file(path, actor=self.context.user_name)
        except PackError as exc:
            self.show_problems(self.tr("Import refused"), self.tr("{0} was not imported. Problems:")
                               .format(Path(path).name), self._pack_problems(exc))
            return None
        except RefusedInput as exc:
            QMessageBox.warning(self, self.tr("Import refused"), localized_message(exc, self.context.language))
            return None
        self.context.notify("schemes")
        self.reload()
        self._select(pack.id, pack.version)
        return pack

    def _pack_problems(self, exc: PackError) -> list[str]:
        """Each problem in the window's language, its file, item and key named first."""
        return [localized_message(RefusedInput(problems=[problem]), self.context.language)
                for problem in exc.problems]

    def validate_file(self, path: str | Path | None = None) -> list[str]:
        """Check a pack file without importing it; returns its problems (empty when valid)."""
        from brandmark.packs import load_pack

        path = path or self._ask_file(self.tr("Validate scheme pack"))
        if not path:
            return []
        try:
            pack = load_pack(path)
        except PackError as exc:
            problems = self._pack_problems(exc)
            self.show_problems(self.tr("Pack has problems"), self.tr("{0} has these problems:")
                               .format(Path(path).name), problems)
            return problems
        QMessageBox.information(
            self, self.tr("Pack is valid"),
            self.tr("{0}: {1} {2}, {3} sections, {4} items.\nContent hash {5}").format(
                Path(path).name, pack.id, pack.version, len(pack.sections), len(pack.items()), pack.content_hash))
        return []

    def show_problems(self, title: str, intro: str, problems: list[str]) -> None:
        self.problems_dialog = QtProblemsDialog(title, intro, problems, self)
        self.problems_dialog.open()

    def _select(self, scheme_id: str, version: str) -> None:
        for position in range(self.packs_table.rowCount()):
            if self.packs_table.item(position, 0).data(Qt.ItemDataRole.UserRole) == (scheme_id, version):
                self.packs_table.selectRow(position)
                return
