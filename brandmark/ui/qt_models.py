"""Table models for the registers: thin, lazy adapters over the store's paged queries.

A register may hold 100,000 applicants, so a model never loads them all. It asks the
store for the row count once per search, and for a *page* of rows only when the view
asks for a row in it; a few recently used pages stay cached (an LRU of ``max_pages``),
so memory stays flat whatever the row count. Sorting through the header calls the
store's ``order_by``; searching calls the store's ``search``.

>>> model = QtApplicantsModel(store)                # doctest: +SKIP
>>> model.rowCount(), model.fetched_pages            # doctest: +SKIP
(100000, [])
>>> model.data(model.index(5_000, 1))                # doctest: +SKIP  (fetches page 25 only)
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from brandmark.formatting import local_date, local_moment
from brandmark.regions import region_label

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str                 # the row dict's key and the store's ``order_by`` name
    title: str               # English source, translated in the "QtRegisterColumns" context
    sortable: bool = True


class QtWindowedTableModel(QAbstractTableModel):
    """Rows come from ``fetch(search, limit, offset, order_by, descending)`` page by page.

    Subclasses give ``columns``, the two store calls and ``display(row, key)``.
    ``fetched_pages`` lists the pages read since the last reset (tests and benchmarks
    use it to prove that only what was asked for was fetched).

    With ``keyset`` (the store's fetch takes ``after``/``before``/``from_end`` and returns a
    ``store.paging.Page``), a page next to one already read starts from that page's edge
    key, in either direction, so scrolling costs the same anywhere in the register; a jump
    starts from the nearest edge known (the start, the end or a page read before) and skips
    only the rows in between.
    """

    columns: Sequence[Column] = ()
    default_order: tuple[str, bool] = ("id", False)
    id_key = "id"            # the row key that names a record (the certificates register: "number")
    keyset = False

    def __init__(self, fetch: Callable[..., list[dict]], count: Callable[[str | None], int],
                 *, page_size: int = 200, max_pages: int = 8, language: str = "zh_CN", parent=None):
        super().__init__(parent)
        self._fetch, self._count_rows = fetch, count
        self.page_size, self.max_pages, self.language = page_size, max_pages, language
        self.search = ""
        self.order_by, self.descending = self.default_order
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._first_keys: dict[int, Any] = {}       # page → its first row's key (keyset)
        self._last_keys: dict[int, Any] = {}        # page → its last row's key
        self._row_count = self._count_rows(None)
        self.fetched_pages: list[int] = []

    # -- what the view asks ---------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 — Qt API
        return 0 if parent.isValid() else self._row_count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 — Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return QCoreApplication.translate("QtRegisterColumns", self.columns[section].title)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row.get(self.id_key)
        return self.style(row, key, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        self.order_by = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # -- what the page asks -----------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Filter by a name or code fragment; an empty text shows everything."""
        text = text.strip()
        if text != self.search:
            self.search = text
            self.refresh()

    def refresh(self) -> None:
        """Forget cached pages and count again (after a change or a new search/order)."""
        self.beginResetModel()
        self._pages.clear()
        self._first_keys.clear()
        self._last_keys.clear()
        self.fetched_pages = []
        self._row_count = self._count_rows(self.search or None)
        self.endResetModel()

    def row(self, position: int) -> dict | None:
        """The row dict at ``position`` (fetching its page if needed), or None past the end."""
        if not 0 <= position < self._row_count:
            return None
        page_index, offset = divmod(position, self.page_size)
        page = self._page(page_index)
        return page[offset] if offset < len(page) else None

    def row_id(self, position: int) -> Any:
        row = self.row(position)
        return None if row is None else row[self.id_key]

    def cached_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def _page(self, page_index: int) -> list[dict]:
        page = self._pages.get(page_index)
        if page is not None:
            self._pages.move_to_end(page_index)
            return page
        page = self._fetch_page(page_index)
        self.fetched_pages.append(page_index)
        self._pages[page_index] = page
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return page

    def _fetch_page(self, page_index: int) -> list[dict]:
        size, search = self.page_size, self.search or None
        asked = dict(order_by=self.order_by, descending=self.descending)
        if not self.keyset:
            return self._fetch(search, limit=size, offset=page_index * size, **asked)
        first_row = page_index * size
        rows = min(size, self._row_count - first_row)
        if page_index - 1 in self._last_keys:
            way: dict[str, Any] = {"after": self._last_keys[page_index - 1]}
        elif page_index + 1 in self._first_keys:
            way = {"before": self._first_keys[page_index + 1]}
        else:
            # A jump: from whichever known edge leaves the fewest rows to skip.
            ways = [(first_row, {"offset": first_row}),
                    (self._row_count - first_row - rows, {"from_end": True,
                                                           "offset": self._row_count - first_row - rows})]
            ways += [((page_index - known - 1) * size, {"after": key, "offset": (page_index - known - 1) * size})
                     for known, key in self._last_keys.items() if known < page_index]
            ways += [((known - page_index - 1) * size, {"before": key, "offset": (known - page_index - 1) * size})
                     for known, key in self._first_keys.items() if known > page_index]
            way = min(ways, key=lambda option: option[0])[1]
        page = self._fetch(search, limit=rows if way.get("from_end") else size, **way, **asked)
        if page:
            self._first_keys[page_index], self._last_keys[page_index] = page.first, page.last
        return page

    # -- per register ---------------------------------------------------------------
    def display(self, row: dict, key: str) -> Any:
        value = row.get(key)
        return "" if value is None else value

    def tooltip(self, row: dict, key: str) -> Any:
        return None

    def style(self, row: dict, key: str, role: int) -> Any:
        return None




class QtApplicantsModel(QtWindowedTableModel):
    """The applicant register (申请企业) over ``store.applicants.list/count``."""

    columns = (
        Column("id", QT_TRANSLATE_NOOP("QtRegisterColumns", "No.")),
        Column("name", QT_TRANSLATE_NOOP("QtRegisterColumns", "Name")),
        Column("uscc", QT_TRANSLATE_NOOP("QtRegisterColumns", "Credit code")),
        Column("region", QT_TRANSLATE_NOOP("QtRegisterColumns", "Region")),
        Column("industry", QT_TRANSLATE_NOOP("QtRegisterColumns", "Industry")),
        Column("created_at", QT_TRANSLATE_NOOP("QtRegisterColumns", "Registered")),
    )

    keyset = True

    def __init__(self, store, **options):
        super().__init__(store.applicants.list, store.applicants.count, **options)
        self.store = store
        self.zone = store.time_zone()          # the register keeps UTC; people read the body's day

    def refresh(self) -> None:
        self.zone = self.store.time_zone()     # the body's setting may have changed since
        super().refresh()

    def display(self, row: dict, key: str) -> Any:
        if key == "region":
            return region_label(row.get("region"), english=self.language != "zh_CN")
        if key == "created_at":
            return local_date(row.get("created_at"), self.zone)
        return super().display(row, key)

    def tooltip(self, row: dict, key: str) -> Any:
        # The full name first: a long one is elided in its column and had no other way to be read.
        lines = [row.get("name") or "", row.get("address") or ""]
        if row.get("demo"):
            lines.append(QCoreApplication.translate("QtRegisterColumns", "Demo data: not a real enterprise"))
        return "\n".join(line for line in lines if line) or None

    def style(self, row: dict, key: str, role: int) -> Any:
        if row.get("demo") and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#7a5c00"))
        if key == "uscc" and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setFamilies(["monospace"])
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        return None


_MODES = {"certification": QT_TRANSLATE_NOOP("QtRegisterColumns", "Certification"),
          "self": QT_TRANSLATE_NOOP("QtRegisterColumns", "Self-assessment")}
_STATUSES = {"open": QT_TRANSLATE_NOOP("QtRegisterColumns", "Open"),
             "decided": QT_TRANSLATE_NOOP("QtRegisterColumns", "Decided")}
_STAGES = {"application": QT_TRANSLATE_NOOP("QtRegisterColumns", "Application"),
           "testing": QT_TRANSLATE_NOOP("QtRegisterColumns", "Product testing"),
           "audit": QT_TRANSLATE_NOOP("QtRegisterColumns", "Factory audit"),
           "characteristics": QT_TRANSLATE_NOOP("QtRegisterColumns", "Characteristics"),
           "summary": QT_TRANSLATE_NOOP("QtRegisterColumns", "Summary")}
# The score's verdict now (not a decision): the score panel's words.
_VERDICTS = {"grant": QT_TRANSLATE_NOOP("QtRegisterColumns", "Grant"),
             "conditional": QT_TRANSLATE_NOOP("QtRegisterColumns", "Grant after corrective action"),
             "incomplete": QT_TRANSLATE_NOOP("QtRegisterColumns", "Incomplete"),
             "refuse": QT_TRANSLATE_NOOP("QtRegisterColumns", "Refuse")}
_DECISIONS = {"grant": QT_TRANSLATE_NOOP("QtRegisterColumns", "Granted"),
              "conditional": QT_TRANSLATE_NOOP("QtRegisterColumns", "Conditional grant"),
              "refuse": QT_TRANSLATE_NOOP("QtRegisterColumns", "Refused")}


def translated_term(table: dict[str, str], key: str | None) -> str:
    """A stored code word (mode, stage, status, decision) in the current language."""
    if not key:
        return ""
    return QCoreApplication.translate("QtRegisterColumns", table[key]) if key in table else key


class QtAssessmentsModel(QtWindowedTableModel):
    """The assessment register (评审) over ``store.assessments.register/count``: the scheme by
    its title, the product, where the work stands (worked out from the answers by the store),
    the score and verdict now (or at the decision), and the dates."""

    columns = (
        Column("id", QT_TRANSLATE_NOOP("QtRegisterColumns", "No.")),
        Column("applicant", QT_TRANSLATE_NOOP("QtRegisterColumns", "Applicant")),
        Column("scheme", QT_TRANSLATE_NOOP("QtRegisterColumns", "Scheme")),
        Column("product", QT_TRANSLATE_NOOP("QtRegisterColumns", "Product")),
        Column("mode", QT_TRANSLATE_NOOP("QtRegisterColumns", "Mode")),
        Column("assessor", QT_TRANSLATE_NOOP("QtRegisterColumns", "Assessor")),
        Column("stage", QT_TRANSLATE_NOOP("QtRegisterColumns", "Stage"), sortable=False),
        Column("total", QT_TRANSLATE_NOOP("QtRegisterColumns", "Score"), sortable=False),
        Column("verdict", QT_TRANSLATE_NOOP("QtRegisterColumns", "Verdict"), sortable=False),
        Column("decision", QT_TRANSLATE_NOOP("QtRegisterColumns", "Decision")),
        Column("created_at", QT_TRANSLATE_NOOP("QtRegisterColumns", "Started")),
        Column("updated_at", QT_TRANSLATE_NOOP("QtRegisterColumns", "Updated")),
    )
    default_order = ("id", True)
    keyset = True

    def __init__(self, store, **options):
        super().__init__(store.assessments.register, store.assessments.count, **options)
        self.store = store
        self.zone = store.time_zone()

    def refresh(self) -> None:
        self.zone = self.store.time_zone()     # the body's setting may have changed since
        super().refresh()

    def display(self, row: dict, key: str) -> Any:
        if key == "applicant":
            return row.get("applicant_name", "")
        if key == "scheme":
            english = self.language != "zh_CN"
            return (row.get("scheme_title_en") if english else "") or row.get("scheme_title") or row.get("scheme_id", "")
        if key == "product":
            return row.get("product_name") or ""
        if key == "mode":
            return translated_term(_MODES, row.get("mode"))
        if key == "stage":
            return translated_term(_STAGES, row.get("stage"))
        if key == "total":
            return "" if row.get("total") is None else f"{row['total']:.1f}"
        if key == "verdict":
            return translated_term(_VERDICTS, row.get("verdict"))
        if key == "decision":
            return translated_term(_DECISIONS, row.get("decision"))
        if key in ("created_at", "updated_at"):
            return local_date(row.get(key), self.zone)
        return super().display(row, key)

    def tooltip(self, row: dict, key: str) -> Any:
        if key == "updated_at":
            return local_moment(row.get("updated_at"), self.zone)
        lines = [row.get("applicant_name") or "", row.get("applicant_uscc") or ""]
        if row.get("product_name"):
            lines.append(" ".join(filter(None, (row["product_name"], row.get("product_models")))))
        lines.append(f"{row.get('scheme_id', '')} {row.get('scheme_version', '')}")
        return "\n".join(line for line in lines if line)

    def style(self, row: dict, key: str, role: int) -> Any:
        if key == "total" and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
