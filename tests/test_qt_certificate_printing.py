"""Printing certificates from the page: Qt's print preview of the real pages, a file printer,
saving a PDF apart from printing, batches of every valid certificate with progress and Cancel,
and one message naming where every save went."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton  # noqa: E402

from brandmark.store import Store  # noqa: E402
from test_certificates_support import have, issued, pdf_to_png  # noqa: E402


@pytest.fixture
def page(qtbot, tmp_path, clock, monkeypatch):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage
    from brandmark.ui.qt_context import QtAppContext

    store = Store(tmp_path / "page.db", clock=clock)
    context = QtAppContext(store)
    context.user_name = "王五"
    refusals = []
    monkeypatch.setattr(context, "show_refusal", lambda parent, title, exc: refusals.append(exc))
    widget = QtCertificatesPage(context)
    widget.refusals = refusals
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    yield widget
    store.close()


def file_printer(path: Path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def qr_texts(png: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    # QR codes only: the page's text and rules once read as a stray one-dimensional barcode ("B67A").
    return [code.text for code in zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.skipif(not have("pdftoppm"), reason="needs poppler-utils")
def test_printing_to_a_file_printer_gives_the_real_pages(page, tmp_path):
    """Each page printed is the certificate: its QR code, read back from the printed page,
    is that certificate's signed payload."""
    from pypdf import PdfReader

    store = page.context.store
    certs = [issued(store, name=name) for name in ("杭州西溪电器有限公司", "宁波甬江智能家电股份有限公司")]
    out = tmp_path / "printed.pdf"
    assert page.printing.print_to(file_printer(out), [c["number"] for c in certs]) == 2
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, "A4"
    assert "宁波甬江" in reader.pages[1].extract_text()
    for index, cert in enumerate(certs):
        subprocess_png = pdf_to_png_page(out, index + 1, tmp_path / f"printed-{index}")
        assert qr_texts(subprocess_png) == [cert["payload"]]


def pdf_to_png_page(pdf: Path, number: int, prefix: Path) -> Path:
    import subprocess
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-f", str(number), "-l", str(number), "-singlefile",
                    str(pdf), str(prefix)], check=True)
    return prefix.with_suffix(".png")


def test_print_opens_qt_print_preview_of_the_selected_pages(page, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    store = page.context.store
    numbers = [issued(store)["number"] for _ in range(3)]
    page.refresh()
    assert not page.print_button.isEnabled() and not page.save_pdf_button.isEnabled()
    page.select_number(numbers[0])
    page.select_number(numbers[2], add=True)
    assert page.print_button.isEnabled()
    dialog = page.printing.preview(page.selected_numbers(), modal=False)
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 2, timeout=20_000)
    dialog.grab().save(str(tmp_path / "preview.png"))
    dialog.close()


def test_save_pdf_is_its_own_action_and_says_where_the_file_went(page, qtbot, tmp_path, monkeypatch):
    from brandmark.ui import qt_file_dialogs
    from brandmark.ui.qt_saved import OBJECT_NAME

    number = issued(page.context.store)["number"]
    page.refresh()
    page.select_number(number)
    target = tmp_path / "chosen" / "证书"
    target.parent.mkdir()
    monkeypatch.setattr(qt_file_dialogs, "save_file_name", lambda *a, **k: (str(target), ""))
    page.save_pdf_button.click()
    written = target.with_suffix(".pdf")
    assert written.read_bytes().startswith(b"%PDF")
    box = page.findChild(QMessageBox, OBJECT_NAME)
    assert box is not None and str(written) in box.text()
    assert {b.text() for b in box.buttons()} >= {"Open file", "Open folder"}


def test_print_all_is_disabled_when_no_certificate_is_valid(page):
    store = page.context.store
    assert not page.print_all_button.isEnabled()
    cert = issued(store)
    page.refresh()
    assert page.print_all_button.isEnabled()
    page.change_status(cert["number"], "suspend", "监督抽样不合格", "王五")
    assert not page.print_all_button.isEnabled()


def test_print_all_as_one_combined_pdf(page, qtbot, tmp_path):
    from pypdf import PdfReader

    store = page.context.store
    numbers = [issued(store)["number"] for _ in range(3)]
    store.certificates.withdraw(numbers[1], reason="企业申请", by="王五")
    written = []
    page.printing.print_batch("combined", tmp_path / "all.pdf", on_done=written.extend)
    qtbot.waitUntil(lambda: bool(written), timeout=30_000)
    reader = PdfReader(written[0])
    assert len(reader.pages) == 2
    text = "".join(p.extract_text() for p in reader.pages)
    assert numbers[0] in text and numbers[2] in text and numbers[1] not in text


def blocked_after_first_page(monkeypatch):
    """The batch stops inside its second certificate until the test lets it go on: Cancel is
    pressed at a known point, never raced against the printing."""
    import brandmark.certificates.pdf as pdf

    first_done, release = threading.Event(), threading.Event()
    real = pdf.draw_certificate
    calls = []

    def draw(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            first_done.set()
            release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf, "draw_certificate", draw)
    return first_done, release


@pytest.mark.parametrize("mode", ["combined", "each"])
def test_cancelling_a_batch(page, qtbot, tmp_path, monkeypatch, mode):
    from brandmark.ui.qt_saved import OBJECT_NAME

    store = page.context.store
    numbers = sorted(issued(store)["number"] for _ in range(4))
    first_done, release = blocked_after_first_page(monkeypatch)
    target = tmp_path / ("all.pdf" if mode == "combined" else "folder")
    target.parent.mkdir(exist_ok=True)
    if mode == "each":
        target.mkdir()
    page.printing.print_batch(mode, target)
    qtbot.waitUntil(first_done.is_set, timeout=30_000)
    progress = page.findChild(QProgressDialog)
    progress.findChild(QPushButton).click()          # the dialog's Cancel button, as the user presses it
    release.set()
    qtbot.waitUntil(lambda: not page.context.busy(), timeout=30_000)
    if mode == "combined":
        assert not target.exists(), "a cancelled combined PDF leaves no file"
        assert page.findChild(QMessageBox, OBJECT_NAME) is None
    else:
        kept = sorted(p.name for p in target.iterdir())
        assert kept == [f"{numbers[0]}.pdf", f"{numbers[1]}.pdf"], "the files written before Cancel stay, whole"
        box = page.findChild(QMessageBox, OBJECT_NAME)
        assert "2" in box.text() and "4" in box.text() and str(target) in box.text()


def test_the_batch_dialog_offers_both_forms(page, qtbot, tmp_path):
    from brandmark.ui.qt_certificate_printing import QtBatchPrintDialog

    dialog = QtBatchPrintDialog(page, 3)
    qtbot.addWidget(dialog)
    assert dialog.mode() == "combined"
    dialog.each.setChecked(True)
    assert dialog.mode() == "each"
    dialog.grab().save(str(tmp_path / "batch-dialog.png"))
