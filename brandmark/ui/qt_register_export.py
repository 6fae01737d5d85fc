"""A register page's Export button: what the table shows (its search, status filter and
sort) to a workbook or a CSV file, through the core exporter the CLI uses
(``brandmark.exports.export_register``, ``brandmark-cli export ...``).

The page gives the register's kind and a function returning the table's view (the
model's ``search``, ``order_by``, ``descending`` and any filter such as the certificates'
status); the headers are in the window's language. The file is written off the GUI
thread (``context.run_operation``: progress, Cancel, a refusal shown and no file left),
then ``announce_saved`` says where it went.

>>> exporter = QtRegisterExporter(context, page, "applicants", model_view(page.model))   # doctest: +SKIP
>>> exporter.export()                                                                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_report_export import safe_file_name
from brandmark.ui.qt_saved import announce_saved

TITLES = {
    "applicants": QT_TRANSLATE_NOOP("QtRegisterExporter", "Applicants"),
    "assessments": QT_TRANSLATE_NOOP("QtRegisterExporter", "Assessments"),
    "certificates": QT_TRANSLATE_NOOP("QtRegisterExporter", "Certificates"),
    "findings": QT_TRANSLATE_NOOP("QtRegisterExporter", "Findings"),
    "valuations": QT_TRANSLATE_NOOP("QtRegisterExporter", "Brand-value estimates"),
    "mark-use": QT_TRANSLATE_NOOP("QtRegisterExporter", "Mark use"),
}


def model_view(model, **filters: Any) -> Callable[[], dict]:
    """The view of a windowed table model as the exporter takes it: its search and sort now
    (read when the export starts, not when the page was built), plus ``filters``."""
    def view() -> dict:
        return {"search": model.search or None, "order_by": model.order_by, "descending": model.descending,
                **{name: (value() if callable(value) else value) for name, value in filters.items()}}
    return view


class QtRegisterExporter(QObject):
    """Exports one register for one page (``parent``)."""

    def __init__(self, context, parent: QWidget, kind: str, view: Callable[[], dict]):
        super().__init__(parent)
        self.context, self.parent_widget, self.kind, self.view = context, parent, kind, view
        self.last_result: dict | None = None

    def title(self) -> str:
        return QCoreApplication.translate("QtRegisterExporter", TITLES[self.kind])

    def _ask_path(self) -> str | None:
        proposed = f"{safe_file_name(self.title())}-{self.context.store.today().isoformat()}.xlsx"
        chosen, chosen_filter = qt_file_dialogs.save_file_name(
            self.parent_widget, self.tr("Export the table: {0}").format(self.title()), proposed,
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"), purpose="exports")
        if not chosen:
            return None
        if Path(chosen).suffix.lower() not in (".xlsx", ".csv"):
            chosen += ".csv" if "*.csv" in chosen_filter else ".xlsx"
        return chosen

    def export(self, path: str | Path | None = None, on_done: Callable[[dict], None] | None = None) -> bool:
        """Write the table as it is now; asks for the file when ``path`` is None. Returns False
        when nothing was started (the dialog was cancelled)."""
        view = self.view()
        if path is None:
            path = self._ask_path()
            if path is None:
                return False
        target = Path(path)
        language = self.context.language

        def work(store, progress) -> dict:
            from brandmark.exports import export_register

            return export_register(store, self.kind, target, language=language, progress=progress, **view)

        def done(result: dict) -> None:
            self.last_result = result
            note = self.tr("%n row(s), as the table shows them (search, filter and order).", "", result["rows"])
            announce_saved(self.parent_widget, self.tr("Export the table: {0}").format(self.title()), [target],
                           note=note)
            if on_done:
                on_done(result)

        self.context.run_operation(self.parent_widget, self.tr("Exporting {0}").format(self.title()), work,
                                   on_done=done)
        return True
