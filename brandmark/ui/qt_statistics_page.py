"""The statistics page (统计): the body's figures as charts and tables, filtered by year and scheme.

Every figure comes from ``store.stats.compute()``, the same function behind ``brandmark-cli
stats`` and the annual report; the page only lays them out. The figures are counted off the
GUI thread (a third of a second at 100,000 applicants, more on a busy machine): the page
says it is counting meanwhile and keeps working; a newer request (another year or scheme,
a change elsewhere in the window) interrupts the one running, whose figures are never
shown. A change made while the page is hidden is counted when it is shown again. Each tab holds one chart and
the table of its figures; the chart saves as PNG, the table as a workbook (``.xlsx``, the
shared writer in ``brandmark.workbooks``). Keyboard: the year and scheme boxes have their
Alt letters, Ctrl+Tab moves between the tabs, the save buttons have their own letters.

>>> page = QtStatisticsPage(context)       # doctest: +SKIP
>>> page.year_box.setCurrentIndex(1)       # doctest: +SKIP
>>> page.save_chart_png("regions", path)   # doctest: +SKIP
"""

from __future__ import annotations

import sqlite3
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from brandmark.atomic_files import write_bytes
from brandmark.errors import RefusedInput
from brandmark.regions import region_label
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_saved import announce_saved
from brandmark.ui.qt_stat_charts import QtBarChart, QtTrendChart, png_bytes
from brandmark.workbooks import write_table

TOP_ITEMS = 10


class _Signals(QObject):
    finished = Signal(object)        # (job, figures), (job, exception, trace) or (job, None) when skipped


# Counts started and not yet reported. The pool does not own them (``setAutoDelete(False)``):
# held here, a job and its signals outlive the page if it goes away first.
_RUNNING: set[_Count] = set()


class _Count(QRunnable):
    """One request for the figures: ``compute(year, scheme)`` on its own connection to the register.

    The connection is its own because SQLite connections are not shared between threads
    here, and short-lived because an open connection would make a restore refuse the
    register as in use. ``interrupt()`` (from the GUI thread) stops it between two SQLite
    steps; a request already outdated when its turn comes does not even open the register.
    """

    def __init__(self, path: Path, clock: Callable, year: int | None, scheme: str | None, signals: _Signals,
                 wanted: Callable[[_Count], bool]):
        super().__init__()
        self.path, self.clock, self.year, self.scheme, self.signals = path, clock, year, scheme, signals
        self.wanted = wanted
        self.store = None

    def interrupt(self) -> None:
        store = self.store
        if store is not None:
            try:
                store.conn.interrupt()
            except Exception:  # noqa: BLE001 — already closed: nothing left to stop
                pass

    @Slot()
    def run(self) -> None:
        from brandmark.store import Store

        reported: tuple = (self, None)
        if self.wanted(self):
            try:
                self.store = Store(self.path, clock=self.clock, auto_backup=False, load_bundled_packs=False)
                try:
                    if self.wanted(self):    # not outdated while the register was opening
                        reported = (self, self.store.stats.compute(year=self.year, scheme=self.scheme))
                finally:
                    store, self.store = self.store, None
                    store.close()
            except Exception as exc:  # noqa: BLE001 — shown on the GUI thread, unless outdated
                reported = (self, exc, traceback.format_exc())
        try:
            self.signals.finished.emit(reported)
        except RuntimeError:
            _RUNNING.discard(self)   # the application went away first: nobody to tell


@dataclass
class StatTab:
    key: str
    chart: QWidget
    table: QTableWidget
    headers: list[str]
    rows: list[list]


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class QtStatisticsPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.figures: dict = {}
        self.tabs_by_key: dict[str, StatTab] = {}
        self.scheme_rows: list[tuple[str, str, str]] = []
        # The request whose figures the page waits for; earlier ones are outdated.
        self._latest: _Count | None = None
        self._outdated = False           # something changed while the page was hidden
        self._pool = QThreadPool()       # one count at a time: a newer one waits for the interrupted
        self._pool.setMaxThreadCount(1)
        title = QLabel(self.tr("Statistics"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)

        self.year_box = QComboBox()
        self.year_box.setObjectName("statisticsYear")
        year_label = QLabel(self.tr("&Year"))
        year_label.setBuddy(self.year_box)
        self.scheme_box = QComboBox()
        self.scheme_box.setObjectName("statisticsScheme")
        scheme_label = QLabel(self.tr("Sche&me"))
        scheme_label.setBuddy(self.scheme_box)
        self.summary = QLabel()
        self.summary.setObjectName("statisticsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("statisticsTabs")
        for key, label, chart in (
                ("regions", self.tr("By region"), QtBarChart()),
                ("schemes", self.tr("By scheme"), QtBarChart()),
                ("trend", self.tr("Pass-rate trend"), QtTrendChart()),
                ("nonconformities", self.tr("Top nonconformities"), QtBarChart()),
                ("failed_tests", self.tr("Failed product tests"), QtBarChart()),
                ("index", self.tr("Brand development index"), QtBarChart()),
                ("certificates", self.tr("Certificates"), QtBarChart())):
            self._add_tab(key, label, chart)
        self.save_png = QPushButton(self.tr("Save chart as P&NG…"))
        self.save_png.setObjectName("statisticsSavePng")
        self.save_png.clicked.connect(lambda: self.save_chart_png(self.current_key()))
        self.save_table = QPushButton(self.tr("Save table as &workbook…"))
        self.save_table.setObjectName("statisticsSaveTable")
        self.save_table.clicked.connect(lambda: self.save_table_xlsx(self.current_key()))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6a737d;")
        self.busy = QProgressBar()
        self.busy.setObjectName("statisticsBusy")
        self.busy.setRange(0, 0)         # no steps to count: it only says the page is counting
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Counting the figures"))
        self.busy_label = QLabel(self.tr("Counting…"))
        self.busy_label.setObjectName("statisticsBusyLabel")
        self.busy.hide()
        self.busy_label.hide()

        filters = QHBoxLayout()
        filters.addWidget(year_label)
        filters.addWidget(self.year_box)
        filters.addSpacing(16)
        filters.addWidget(scheme_label)
        filters.addWidget(self.scheme_box, 1)
        filters.addSpacing(16)
        filters.addWidget(self.busy_label)
        filters.addWidget(self.busy)
        filters.addStretch(1)
        filters.addWidget(self.save_png)
        filters.addWidget(self.save_table)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        self.tabs.currentChanged.connect(lambda _index: self._show_note())
        self._fill_filters()
        self.year_box.currentIndexChanged.connect(self.refresh)
        self.scheme_box.currentIndexChanged.connect(self.refresh)
        context.changed.connect(lambda _topic: self._register_changed())
        self.refresh()

    # -- building ---------------------------------------------------------------------
    def _add_tab(self, key: str, label: str, chart: QWidget) -> None:
        table = QTableWidget(0, 0)
        table.setObjectName(f"statisticsTable_{key}")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAccessibleName(self.tr("{0}: table").format(label))
        chart.setObjectName(f"statisticsChart_{key}")
        chart.setAccessibleName(self.tr("{0}: chart").format(label))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(chart)
        splitter.addWidget(table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([360, 240])       # the table shows rows too, not only its header
        self.tabs.addTab(splitter, label)
        self.tabs_by_key[key] = StatTab(key, chart, table, [], [])

    def _fill_filters(self) -> None:
        """The years and schemes the register holds, the choice made kept where it still exists."""
        year, scheme = self.year_box.currentData(), self.scheme_box.currentData()
        self.year_box.blockSignals(True)
        self.scheme_box.blockSignals(True)
        self.year_box.clear()
        self.year_box.addItem(self.tr("All years"), None)
        for stored in self.context.store.stats.years():
            self.year_box.addItem(str(stored), stored)
        self.scheme_box.clear()
        self.scheme_box.addItem(self.tr("All schemes"), None)
        latest = [row for row in self.context.store.schemes.list() if row["latest"]]
        self.scheme_rows = [(row["id"], row["title"], row.get("title_en") or "") for row in latest]
        for scheme_id, title, title_en in self._schemes():
            self.scheme_box.addItem(self._scheme_title(scheme_id), scheme_id)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(year)))
        self.scheme_box.setCurrentIndex(max(0, self.scheme_box.findData(scheme)))
        self.year_box.blockSignals(False)
        self.scheme_box.blockSignals(False)

    def _english(self) -> bool:
        return getattr(self.context, "language", "zh_CN") != "zh_CN"

    def _schemes(self) -> list[tuple[str, str, str]]:
        """The latest stored packs, as the filters last read them: showing figures reads
        nothing from the window's store (it may be closed meanwhile, for a restore)."""
        return self.scheme_rows

    def _scheme_title(self, scheme_id: str) -> str:
        for sid, title, title_en in self._schemes():
            if sid == scheme_id:
                return (title_en or title) if self._english() else title
        return scheme_id

    def _region(self, key: str) -> str:
        return region_label(key, english=self._english()) or self.tr("No region")

    def _item(self, item_id: str) -> str:
        zh, en = self.figures.get("item_titles", {}).get(item_id, [item_id, ""])
        title = (en or zh) if self._english() else zh
        return f"{title} ({item_id})" if title != item_id else item_id

    def current_key(self) -> str:
        return list(self.tabs_by_key)[self.tabs.currentIndex()]

    # -- figures ----------------------------------------------------------------------
    @property
    def computing(self) -> bool:
        """Whether figures were asked for and have not come yet."""
        return self._latest is not None

    def _register_changed(self) -> None:
        if self.isVisible():
            self._fill_filters()
            self.refresh()
        else:
            self._outdated = True

    def showEvent(self, event) -> None:
        if self._outdated:
            self._outdated = False
            self._fill_filters()
            self.refresh()
        super().showEvent(event)

    def refresh(self, *_args) -> None:
        """Count the figures of the chosen year and scheme off the GUI thread, then show them;
        an earlier count still running is interrupted and its figures never shown."""
        year, scheme = self.year_box.currentData(), self.scheme_box.currentData()
        if self._latest is not None:
            self._latest.interrupt()
        if self.context.db_path is None:
            # An in-memory register cannot be opened again from a worker: counted here.
            self._latest = None
            self._show(self.context.store.stats.compute(year=year, scheme=scheme))
            return
        signals = _Signals()             # no parent: the job keeps it alive, not the page
        signals.finished.connect(self._counted)
        job = _Count(self.context.db_path, self.context.store.clock, year, scheme, signals,
                     wanted=lambda job: job is self._latest and self._window_store_open())
        job.setAutoDelete(False)
        _RUNNING.add(job)
        self._latest = job
        self._set_busy(True)
        if not self.figures:
            self.summary.setText(self.busy.accessibleName())     # the first count: nothing to show yet
        self._pool.start(job)

    def _window_store_open(self) -> bool:
        """False while the window has closed its register (a restore): no count may open it then."""
        try:
            self.context.store.conn.in_transaction
        except sqlite3.ProgrammingError:
            return False
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _counted(self, reported: tuple) -> None:
        job = reported[0]
        _RUNNING.discard(job)
        if job is not self._latest:
            return                       # outdated: a newer request is on its way
        self._latest = None
        self._set_busy(False)
        if len(reported) == 3:
            _job, exc, trace = reported
            self._failed(exc, trace)
        elif reported[1] is not None:
            self._show(reported[1])

    def _failed(self, exc: Exception, trace: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        if isinstance(exc, RefusedInput):
            self._refused(self.tr("Statistics"), exc)
        else:
            QMessageBox.critical(self, self.tr("Statistics"),
                                 self.tr("Unexpected error: {0}").format(exc) + "\n\n" + trace[-2000:])

    def _show(self, figures: dict) -> None:
        self.figures = figures
        f = self.figures
        rate = f["pass_rate"]
        s = f["surveillance"]
        median = f["median_days_application_to_decision"]
        if median is None:
            median = f["median_days_to_decision"]
        self.summary.setText(self.tr(
            "{0} applicants · {1} assessments · {2} certificates · pass rate {3} ({4} of {5} decided) · "
            "median {6} days from application to decision · surveillance: {7} due, {8} overdue").format(
            f["applicants"]["total"], f["assessments"]["total"], f["certificates"]["total"], _share(rate["rate"]),
            rate["granted"], rate["decided"], "—" if median is None else f"{median:g}", s["due"], s["overdue"]))
        self._regions()
        self._by_scheme()
        self._trend()
        self._nonconformities()
        self._failed_tests()
        self._index()
        self._certificates()
        self._show_note()

    def _set(self, key: str, headers: list[str], rows: list[list]) -> None:
        tab = self.tabs_by_key[key]
        tab.headers, tab.rows = headers, rows
        table = tab.table
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                text = value if isinstance(value, str) else ("—" if value is None else
                                                             f"{value:.1f}" if isinstance(value, float) else str(value))
                cell = QTableWidgetItem(text)
                if not isinstance(value, str):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, cell)

    def _regions(self) -> None:
        f = self.figures
        assessed = dict((k, n) for k, n in f["assessments"]["by_region"])
        certified = dict((k, n) for k, n in f["certificates"]["by_region"])
        applicants = dict((k, n) for k, n in f["applicants"]["by_region"])
        rates = {r["key"]: r for r in f["pass_rate_by_region"]}
        keys = [k for k, _n in f["applicants"]["by_region"]]
        labels = [self._region(k) for k in keys]
        chart = self.tabs_by_key["regions"].chart
        chart.set_data(labels, [(self.tr("Assessments"), [assessed.get(k, 0) for k in keys]),
                                (self.tr("Certificates"), [certified.get(k, 0) for k in keys])])
        self._set("regions", [self.tr("Region"), self.tr("Applicants"), self.tr("Assessments"), self.tr("Certificates"),
                              self.tr("Decided"), self.tr("Granted"), self.tr("Pass rate")],
                  [[label, applicants.get(k, 0), assessed.get(k, 0), certified.get(k, 0),
                    rates.get(k, {}).get("decided", 0), rates.get(k, {}).get("granted", 0),
                    _share(rates.get(k, {}).get("rate"))] for k, label in zip(keys, labels)])

    def _by_scheme(self) -> None:
        f = self.figures
        assessed = dict((k, n) for k, n in f["assessments"]["by_scheme"])
        certified = dict((k, n) for k, n in f["certificates"]["by_scheme"])
        applicants = dict((k, n) for k, n in f["applicants"]["by_scheme"])
        rates = {r["key"]: r for r in f["pass_rate_by_scheme"]}
        chosen = self.scheme_box.currentData()
        keys = [chosen] if chosen else [sid for sid, _t, _e in self._schemes()]
        keys += sorted((set(assessed) | set(certified)) - set(keys))
        labels = [self._scheme_title(k) for k in keys]
        self.tabs_by_key["schemes"].chart.set_data(
            labels, [(self.tr("Assessments"), [assessed.get(k, 0) for k in keys]),
                     (self.tr("Certificates"), [certified.get(k, 0) for k in keys])])
        self._set("schemes", [self.tr("Scheme"), self.tr("Applicants"), self.tr("Assessments"), self.tr("Certificates"),
                              self.tr("Decided"), self.tr("Granted"), self.tr("Pass rate")],
                  [[label, applicants.get(k, 0), assessed.get(k, 0), certified.get(k, 0),
                    rates.get(k, {}).get("decided", 0), rates.get(k, {}).get("granted", 0),
                    _share(rates.get(k, {}).get("rate"))] for k, label in zip(keys, labels)])

    def _trend(self) -> None:
        rows = self.figures["pass_rate_by_year"]
        self.tabs_by_key["trend"].chart.set_points([(r["year"], r["rate"], f"{r['granted']}/{r['decided']}")
                                                    for r in rows])
        self._set("trend", [self.tr("Year of decision"), self.tr("Decided"), self.tr("Granted"), self.tr("Pass rate")],
                  [[r["year"], r["decided"], r["granted"], _share(r["rate"])] for r in rows])

    def _top(self, key: str, pairs: list[list], header: str) -> None:
        top = pairs[:TOP_ITEMS]
        chart = self.tabs_by_key[key].chart
        chart.set_data([self._item(k) for k, _n in top], [(header, [n for _k, n in top])])
        self._set(key, [self.tr("Item"), self.tr("Item id"), header],
                  [[self._item(k), k, n] for k, n in pairs])

    def _nonconformities(self) -> None:
        self._top("nonconformities", self.figures["nonconformities"]["by_item"], self.tr("Nonconformities"))
        by_clause = self.figures["nonconformities"]["by_clause"]
        tab = self.tabs_by_key["nonconformities"]
        # The clause counts go below the items in the same table (and workbook).
        rows = tab.rows + [[self.tr("Clause {0}").format(c or "—"), "", n] for c, n in by_clause]
        self._set("nonconformities", tab.headers, rows)

    def _failed_tests(self) -> None:
        self._top("failed_tests", self.figures["failed_tests"]["by_item"], self.tr("Failed"))

    def _index(self) -> None:
        index = self.figures["brand_index"]
        groups = index["by_region"]
        chart = self.tabs_by_key["index"].chart
        chart.set_data([self._region(g["key"]) for g in groups], [(self.tr("Index"), [g["index"] for g in groups])],
                       maximum=100.0, decimals=1)
        rows = [[self.tr("All"), *self._index_cells(index["overall"])]]
        rows += [[self._region(g["key"]), *self._index_cells(g)] for g in groups]
        rows += [[self._scheme_title(g["key"]), *self._index_cells(g)] for g in index["by_scheme"]]
        self._set("index", [self.tr("Group"), self.tr("Holders"), self.tr("Strength S"), self.tr("Value V"),
                            self.tr("Index"), self.tr("Valued"), self.tr("Too old"), self.tr("Not comparable"),
                            self.tr("No estimate")], rows)

    @staticmethod
    def _index_cells(g: dict) -> list:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 2)
        return [g["holders"], rounded(g["strength"]), rounded(g["value_score"]), rounded(g["index"]), g["valued"],
                g["stale"], g["not_comparable"], g["no_estimate"]]

    def _certificates(self) -> None:
        f = self.figures
        names = {"valid": self.tr("Valid"), "suspended": self.tr("Suspended"), "withdrawn": self.tr("Withdrawn"),
                 "cancelled": self.tr("Cancelled"), "expired": self.tr("Expired")}
        statuses = f["certificates"]["by_status"]
        self.tabs_by_key["certificates"].chart.set_data(
            [names.get(k, k) for k, _n in statuses], [(self.tr("Certificates"), [n for _k, n in statuses])])
        s = f["surveillance"]
        rows = [[names.get(k, k), n] for k, n in statuses]
        rows += [[self.tr("Surveillance visits due"), s["due"]], [self.tr("Surveillance visits overdue"), s["overdue"]]]
        self._set("certificates", [self.tr("Status"), self.tr("Certificates")], rows)

    def _show_note(self) -> None:
        key = self.current_key()
        notes = {
            "index": self.tr("Index = 0.5 × S + 0.5 × V on {0}: S is the holders' decision score, V their latest "
                             "brand-value estimate on a log scale (1 万元 = 0, 100 亿元 = 100). A group without an "
                             "estimate has no index. See docs/statistics.md.").format(
                self.figures.get("brand_index", {}).get("as_of", "")),
            "failed_tests": self.tr("{0} of {1} assessments with measured product tests have a failed one.").format(
                self.figures.get("failed_tests", {}).get("assessments_failing", 0),
                self.figures.get("failed_tests", {}).get("assessments_measured", 0)),
        }
        self.note.setText(notes.get(key, self.tr(
            "Assessments counted by the year they were created, certificates by the year they were issued; "
            "the pass rate is granted (including after corrective action) over decided.")))

    # -- saving -----------------------------------------------------------------------
    def _suggested_name(self, key: str, suffix: str) -> str:
        year = self.year_box.currentData()
        scheme = self.scheme_box.currentData()
        parts = ["statistics", key] + ([str(year)] if year else []) + ([scheme] if scheme else [])
        return "-".join(parts) + suffix

    def save_chart_png(self, key: str, path: str | Path | None = None) -> Path | None:
        """The tab's chart as PNG (twice its size on screen); asks for the file when ``path`` is None."""
        if path is None:
            chosen, _filter = qt_file_dialogs.save_file_name(
                self, self.tr("Save chart"), self._suggested_name(key, ".png"), self.tr("PNG pictures (*.png)"),
                purpose="statistics")
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".png") else chosen + ".png"
        try:
            written = write_bytes(path, png_bytes(self.tabs_by_key[key].chart))
        except RefusedInput as exc:
            self._refused(self.tr("Save chart"), exc)
            return None
        announce_saved(self, self.tr("Save chart"), [written])
        return written

    def save_table_xlsx(self, key: str, path: str | Path | None = None) -> Path | None:
        """The tab's table as a workbook (numbers as numbers); asks for the file when ``path`` is None."""
        if path is None:
            chosen, _filter = qt_file_dialogs.save_file_name(
                self, self.tr("Save table"), self._suggested_name(key, ".xlsx"), self.tr("Workbooks (*.xlsx)"),
                purpose="statistics")
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx"
        tab = self.tabs_by_key[key]
        try:
            written = write_table(path, tab.headers, tab.rows, sheet=key)
        except RefusedInput as exc:
            self._refused(self.tr("Save table"), exc)
            return None
        announce_saved(self, self.tr("Save table"), [written])
        return written

    def _refused(self, title: str, exc: RefusedInput) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, localized_message(exc, getattr(self.context, "language", "zh_CN")))
