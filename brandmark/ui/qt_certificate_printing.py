"""Printing and saving certificates from the certificates page.

* 打印 / Print: Qt's print preview of the real pages (``qt_certificate_painter``: the PDF's
  own layout drawn with QPainter), whose Print button opens Qt's print dialog.
* 保存 PDF / Save PDF: the certificate's PDF file (one file; several into a folder).
* 批量打印 / Print all valid: every valid certificate as one combined PDF or one file each,
  off the GUI thread with progress and Cancel (``context.run_operation``).

Every save ends with ``qt_saved.announce_saved``.

>>> printing = QtCertificatePrinting(page)          # doctest: +SKIP
>>> printing.print_to(printer, ["BM-ZJM-2026-00001"])  # doctest: +SKIP
1
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget,
)

from brandmark.errors import Cancelled, RefusedInput
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_saved import announce_saved

COMBINED, EACH = "combined", "each"


class QtCertificatePrinting(QObject):
    """The page's printing and saving; ``page`` gives ``context`` and is the dialogs' parent."""

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        self.context = page.context
        self.last_preview = None     # the open preview dialog (tests look at it)

    # -- printing on paper -------------------------------------------------------------
    def documents(self, numbers: list[str]) -> list:
        return [self.context.store.certificates.document(number) for number in numbers]

    def print_to(self, printer, numbers: list[str]) -> int:
        """Print ``numbers`` on ``printer``, one page each; returns the page count."""
        from brandmark.ui.qt_certificate_painter import paint_pages
        return paint_pages(printer, self.documents(numbers))

    def preview(self, numbers: list[str], printer=None, modal: bool = True):
        """Qt's print preview of the pages; its Print button opens Qt's print dialog."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        if not numbers:
            return None
        try:
            documents = self.documents(numbers)
        except RefusedInput as exc:
            self.context.show_refusal(self.page, self.tr("Print certificates"), exc)
            return None
        from brandmark.ui.qt_certificate_painter import paint_pages

        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(numbers[0] if len(numbers) == 1 else self.tr("%n certificate(s)", "", len(numbers)))
        dialog = QPrintPreviewDialog(printer, self.page)
        dialog.printer_kept = printer      # Qt holds no reference: without this Python frees it under the dialog
        dialog.setWindowTitle(self.tr("Print certificates"))
        dialog.paintRequested.connect(lambda target: paint_pages(target, documents))
        dialog.resize(900, 1000)
        self.last_preview = dialog
        if modal:
            dialog.exec()
        else:
            dialog.show()
        return dialog

    # -- saving PDF files -------------------------------------------------------------------
    def ask_save_pdf(self, numbers: list[str]) -> None:
        """One certificate: choose the file; several: choose the folder (one file each)."""
        if not numbers:
            return
        if len(numbers) == 1:
            path, _ = qt_file_dialogs.save_file_name(self.page, self.tr("Save certificate PDF"),
                                                     f"{numbers[0]}.pdf", self.tr("PDF files (*.pdf)"))
            if path:
                self.save_pdf(numbers[0], path if path.lower().endswith(".pdf") else path + ".pdf")
            return
        directory = qt_file_dialogs.existing_directory(self.page, self.tr("Folder for the certificate PDFs"))
        if directory:
            self.print_batch(EACH, directory, numbers)

    def save_pdf(self, number: str, path: str | Path) -> Path | None:
        try:
            written = self.context.store.certificates.write_pdf(number, path)
        except RefusedInput as exc:
            self.context.show_refusal(self.page, self.tr("Save certificate PDF"), exc)
            return None
        announce_saved(self.page, self.tr("Save certificate PDF"), [written])
        return written

    # -- batches -----------------------------------------------------------------------
    def valid_count(self) -> int:
        return self.context.store.certificates.count("valid")

    def ask_print_all(self) -> None:
        dialog = QtBatchPrintDialog(self.page, self.valid_count())
        if not dialog.exec():
            return
        if dialog.mode() == COMBINED:
            path, _ = qt_file_dialogs.save_file_name(self.page, self.tr("Save all valid certificates in one PDF"),
                                                     "certificates.pdf", self.tr("PDF files (*.pdf)"))
            if path:
                self.print_batch(COMBINED, path if path.lower().endswith(".pdf") else path + ".pdf")
        else:
            directory = qt_file_dialogs.existing_directory(self.page, self.tr("Folder for the certificate PDFs"))
            if directory:
                self.print_batch(EACH, directory)

    def print_batch(self, mode: str, target: str | Path, numbers: list[str] | None = None, on_done=None) -> None:
        """Write ``numbers`` (None: every valid certificate) as one PDF at ``target`` (COMBINED)
        or one file each into the folder ``target`` (EACH), off the GUI thread with progress and
        Cancel. A cancelled combined PDF leaves no file; cancelled single files keep the ones
        already written, and the message says so. ``on_done(paths)`` replaces the message."""
        target = Path(target)
        wanted = list(numbers) if numbers is not None else None

        def work(store, progress):
            chosen = wanted if wanted is not None else store.certificates.valid_numbers()
            if mode == COMBINED:
                return [store.certificates.print_combined(chosen, target, progress=progress)], len(chosen), None
            try:
                return store.certificates.print_pdfs(chosen, target, progress=progress), len(chosen), None
            except Cancelled as stopped:
                done = stopped.done or 0
                return [target / f"{number}.pdf" for number in chosen[:done]], len(chosen), done

        def done(result) -> None:
            paths, total, stopped_at = result
            if on_done:
                on_done(paths)
                return
            title = self.tr("Print certificates")
            note = "" if stopped_at is None else self.tr("Cancelled after {0} of {1}.").format(stopped_at, total)
            announce_saved(self.page, title, paths, folder=target if mode == EACH else None, note=note)

        self.context.run_operation(self.page, self.tr("Printing certificates"), work, on_done=done)


class QtBatchPrintDialog(QDialog):
    """How to print every valid certificate: one combined PDF, or one PDF file each."""

    def __init__(self, parent: QWidget, count: int):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print all valid certificates"))
        self.combined = QRadioButton(self.tr("One combined PDF (one page per certificate, to print in one go)"))
        self.each = QRadioButton(self.tr("One PDF file per certificate, named by its number, in a folder"))
        self.combined.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.combined)
        group.addButton(self.each)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n valid certificate(s) will be written.", "", count)))
        layout.addWidget(self.combined)
        layout.addWidget(self.each)
        layout.addWidget(buttons)

    def mode(self) -> str:
        return COMBINED if self.combined.isChecked() else EACH
