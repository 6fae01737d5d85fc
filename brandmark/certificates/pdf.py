"""The certificate as an A4 PDF: Chinese with English beside it, emblem or logo, signed QR.

All text is set in the bundled CJK font (embedded as a subset). The signed payload is
printed as the QR code and also carried in the file, twice: as the document's
``/Keywords`` entry and as an attached file ``certificate-payload.txt``, so a PDF can
be checked without a camera (``brandmark-cli certificates verify --pdf FILE``).

A certificate's document as the register fills it (``brandmark.demo`` fills one by hand,
with a stand-in payload), printed and read back without a camera:

>>> import tempfile
>>> from pathlib import Path
>>> from brandmark.demo import example_certificate_document
>>> document = example_certificate_document()
>>> folder = tempfile.TemporaryDirectory()
>>> render_certificate(document, Path(folder.name) / "BM-ZJA-2026-00001.pdf")
>>> payloads_in_pdf(Path(folder.name) / "BM-ZJA-2026-00001.pdf")
['BM1:EXAMPLE-PAYLOAD']
>>> folder.cleanup()
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from brandmark.certificates.emblem import EMBLEM_GOLD, EMBLEM_RED, draw_emblem
from brandmark.certificates.qr import draw_qr
from brandmark.certificates.textlayout import draw_line, fit_line, wrap_text
from brandmark.errors import RefusedInput
from brandmark.fonts import register_pdf_fonts

ATTACHMENT_NAME = "certificate-payload.txt"
INK = Color(0.13, 0.13, 0.16)
MUTED = Color(0.38, 0.38, 0.42)
PAGE_W, PAGE_H = A4
_BASE45_TEXT = rb"BM1:[0-9A-Z $%*+\-./:]+"
# Where render_certificate puts the payload: the /Keywords string and the attached file's stream.
_KEYWORDS_RE = re.compile(rb"/Keywords \((" + _BASE45_TEXT + rb")\)")
_ATTACHED_RE = re.compile(rb"/Type /EmbeddedFile\s*>>\s*stream\r?\n(" + _BASE45_TEXT + rb")\r?\n?endstream")


@dataclass(frozen=True)
class CertificateDocument:
    """Everything printed on one certificate (plain data; the register fills it)."""
    number: str
    holder_name: str
    holder_address: str
    holder_uscc: str
    product: str
    models: str
    scope: str
    standard: str
    implementation_rule: str
    factory_address: str
    issued_on: dt.date
    expires_on: dt.date
    issuing_body: str
    issuing_body_en: str
    body_code: str
    authorised_by: str
    payload: str
    key_id: str
    replaces: str | None = None
    surveillance_months: int = 12
    logo_path: str | None = None


def _date_cn(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


LABEL_WIDTH = 118
PADDING = 2.8
RULE = Color(0.82, 0.76, 0.62)


@dataclass(frozen=True)
class _Row:
    label: str
    label_en: str
    lines: tuple[str, ...]
    height: float


def _fields(doc: CertificateDocument) -> list[tuple[str, str, str]]:
    rows = [
        ("持证人", "Certificate holder", doc.holder_name),
        ("持证人地址", "Holder's address", doc.holder_address),
        ("统一社会信用代码", "Unified social credit code", doc.holder_uscc),
        ("产品名称", "Product", doc.product),
        ("型号规格", "Models", doc.models),
        ("认证范围", "Scope", doc.scope),
        ("认证依据标准", "Standard", doc.standard),
        ("认证实施细则", "Implementation rule", doc.implementation_rule),
        ("生产企业地址", "Factory address", doc.factory_address),
        ("发证日期", "Date of issue", f"{_date_cn(doc.issued_on)}  ({doc.issued_on.isoformat()})"),
        ("有效期至", "Valid until", f"{_date_cn(doc.expires_on)}  ({doc.expires_on.isoformat()})"),
    ]
    if doc.replaces:
        rows.append(("替代证书", "Replaces certificate", doc.replaces))
    return rows


def _label_height(size: float) -> float:
    return size * 0.86 * 1.15 + size * 0.62 * 1.25


def _layout(doc: CertificateDocument, size: float, width: float) -> list[_Row]:
    leading = size * 1.32
    value_width = width - LABEL_WIDTH - 2 * PADDING
    rows = []
    for label, label_en, value in _fields(doc):
        lines = tuple(wrap_text(value if value.strip() else "—", size, value_width))
        rows.append(_Row(label, label_en, lines, max(_label_height(size), len(lines) * leading) + 2 * PADDING))
    return rows


def _shorten_longest(doc: CertificateDocument) -> CertificateDocument | None:
    """The document with its longest free-text field cut by a third (last resort to fit one page)."""
    fields = ("models", "holder_address", "factory_address", "scope", "product", "holder_name")
    longest = max(fields, key=lambda f: len(getattr(doc, f)))
    text = getattr(doc, longest)
    if len(text) <= 80:
        return None
    return replace(doc, **{longest: text[:max(40, len(text) * 2 // 3)] + "……（详见证书登记 / see the register）"})


def _fitted_rows(doc: CertificateDocument, width: float, height: float) -> tuple[list[_Row], float]:
    """The field rows at the largest size (10.5 pt down to 7 pt) whose total height fits ``height``."""
    current = doc
    while True:
        for size in (10.5, 10.0, 9.0, 8.0, 7.0):
            rows = _layout(current, size, width)
            if sum(r.height for r in rows) <= height:
                return rows, size
        shorter = _shorten_longest(current)
        if shorter is None:
            return rows, size   # cannot happen within the register's field limits; draw anyway
        current = shorter


def _draw_rows(c: Canvas, rows: list[_Row], font: str, size: float, left: float, top: float,
               width: float) -> float:
    """Draw the label/value rows from ``top`` down; returns the y under the last row."""
    leading = size * 1.32
    y = top
    c.setStrokeColor(RULE)
    c.setLineWidth(0.4)
    for index, row in enumerate(rows):
        c.setFillColor(EMBLEM_RED)
        c.setFont(font, size * 0.86)
        label_y = y - PADDING - size * 0.86
        c.drawString(left + PADDING, label_y, row.label)
        c.setFillColor(MUTED)
        c.setFont(font, size * 0.62)
        c.drawString(left + PADDING, label_y - size * 0.62 * 1.25, row.label_en)
        c.setFillColor(INK)
        line_y = y - PADDING - size * 0.95
        for line in row.lines:
            draw_line(c, left + LABEL_WIDTH + PADDING, line_y, line, size)
            line_y -= leading
        y -= row.height
        if index < len(rows) - 1:
            c.line(left, y, left + width, y)
    return y


def _draw_wrapped(c: Canvas, text: str, size: float, left: float, top: float, width: float,
                  color: Color, *, centred: bool = False, leading: float = 1.3) -> float:
    """Draw wrapped plain text from baseline ``top`` down; returns the next baseline."""
    c.setFillColor(color)
    for line in wrap_text(text, size, width):
        if centred:
            draw_line(c, left + width / 2, top, line, size, anchor="middle")
        else:
            draw_line(c, left, top, line, size)
        top -= size * leading
    return top


def _draw_fitted(c: Canvas, x: float, y: float, text: str, size: float, width: float, *, anchor: str) -> None:
    """One line of free text (a name) at ``size``, smaller if it would pass ``width`` points."""
    line, fitted_size = fit_line(text, size, width)
    draw_line(c, x, y, line, fitted_size, anchor=anchor)


def _draw_frame(c: Canvas) -> None:
    c.saveState()
    c.setStrokeColor(EMBLEM_RED)
    c.setLineWidth(2.6)
    c.rect(16, 16, PAGE_W - 32, PAGE_H - 32)
    c.setStrokeColor(EMBLEM_GOLD)
    c.setLineWidth(0.8)
    c.rect(23, 23, PAGE_W - 46, PAGE_H - 46)
    c.setLineWidth(0.4)
    c.rect(26, 26, PAGE_W - 52, PAGE_H - 52)
    # Corner diamonds.
    c.setFillColor(EMBLEM_RED)
    for x, y in ((23, 23), (PAGE_W - 23, 23), (23, PAGE_H - 23), (PAGE_W - 23, PAGE_H - 23)):
        p = c.beginPath()
        p.moveTo(x, y - 7)
        p.lineTo(x + 7, y)
        p.lineTo(x, y + 7)
        p.lineTo(x - 7, y)
        p.close()
        c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def _draw_logo(c: Canvas, doc: CertificateDocument, font: str, cx: float, cy: float, radius: float) -> None:
    if doc.logo_path:
        try:
            c.drawImage(doc.logo_path, cx - radius, cy - radius, 2 * radius, 2 * radius,
                        preserveAspectRatio=True, anchor="c", mask="auto")
            return
        except OSError as exc:
            raise RefusedInput.of("certificate.logo_unreadable", path=doc.logo_path, why=str(exc)) from None
    draw_emblem(c, cx, cy, radius, code=doc.body_code, font=font)


def _attach_payload(c: Canvas, payload: str) -> None:
    """Attach the payload as an embedded file (the PDF standard's EmbeddedFiles name tree)."""
    document = c._doc
    # No /Subtype: reportlab cannot write the '/' of a MIME type inside a name (it is optional).
    stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("EmbeddedFile")}),
                              content=payload.encode("ascii"), filters=[])
    stream.dictionary["Length"] = len(payload)
    filespec = pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("Filespec"),
        "F": pdfdoc.PDFString(ATTACHMENT_NAME), "UF": pdfdoc.PDFString(ATTACHMENT_NAME),
        "Desc": pdfdoc.PDFString("brandmark signed certificate payload (docs/certificate-payload.md)"),
        "EF": pdfdoc.PDFDictionary({"F": document.Reference(stream)}),
    })
    names = pdfdoc.PDFArray([pdfdoc.PDFString(ATTACHMENT_NAME), document.Reference(filespec)])
    document.Catalog.Names = pdfdoc.PDFDictionary(
        {"EmbeddedFiles": pdfdoc.PDFDictionary({"Names": names})})


def render_certificate(doc: CertificateDocument, target: str | Path | BinaryIO) -> None:
    """Write the certificate PDF to ``target`` (a path, written atomically, or a binary file object)."""
    if isinstance(target, (str, Path)):
        from brandmark.atomic_files import atomic_write
        with atomic_write(target) as out:
            render_certificate(doc, out)
        return
    font = register_pdf_fonts()
    c = Canvas(target, pagesize=A4, pageCompression=1, initialFontName=font)
    c.setTitle(f"认证证书 Certificate {doc.number}")
    c.setAuthor(doc.issuing_body)
    c.setSubject(f"{doc.holder_name} — {doc.product}")
    c.setCreator("brandmark")
    c.setKeywords(doc.payload)
    _attach_payload(c, doc.payload)
    draw_certificate(c, doc, font)
    c.showPage()
    c.save()


def render_certificates(docs: Iterable[CertificateDocument], target: str | Path | BinaryIO,
                        progress: Callable[[int, int, str], object] | None = None) -> int:
    """Several certificates in one PDF, one page each, for printing in one go (a path, written
    atomically, or a binary file object); returns the page count. ``progress(done, total,
    number)`` is called after each page and may raise ``Cancelled`` (a path is then left as it
    was). Each page carries its QR code; the file carries no payload of its own (``verify
    --pdf`` reads one certificate's file, not a batch)."""
    docs = list(docs)
    if isinstance(target, (str, Path)):
        from brandmark.atomic_files import atomic_write
        with atomic_write(target) as out:
            return render_certificates(docs, out, progress)
    font = register_pdf_fonts()
    c = Canvas(target, pagesize=A4, pageCompression=1, initialFontName=font)
    c.setTitle(f"认证证书 Certificates ({len(docs)})")
    c.setCreator("brandmark")
    for done, doc in enumerate(docs, start=1):
        draw_certificate(c, doc, font)
        c.showPage()
        if progress:
            progress(done, len(docs), doc.number)
    c.save()
    return len(docs)


QR_SIZE = 48 * mm


def draw_certificate(c: Canvas, doc: CertificateDocument, font: str) -> None:
    """Draw one certificate page on ``c``: a reportlab canvas, or anything with the same drawing
    calls (the window's print preview replays them on a QPainter, ``ui/qt_certificate_painter``),
    so the printed page and the PDF come from this one layout."""
    _draw_frame(c)

    # Faint emblem behind the fields, like a watermark.
    draw_emblem(c, PAGE_W / 2, 400, 150, code=doc.body_code, font=font, alpha=0.05)

    # Header: emblem or logo, the body's name.
    _draw_logo(c, doc, font, PAGE_W / 2, PAGE_H - 82, 30)
    c.setFillColor(INK)
    _draw_fitted(c, PAGE_W / 2, PAGE_H - 132, doc.issuing_body, 14, PAGE_W - 120, anchor="middle")
    c.setFillColor(MUTED)
    _draw_fitted(c, PAGE_W / 2, PAGE_H - 145, doc.issuing_body_en, 8.5, PAGE_W - 120, anchor="middle")

    # Title.
    c.setFillColor(EMBLEM_RED)
    c.setFont(font, 32)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 190, "认 证 证 书")
    c.setFont(font, 11)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 208, "C E R T I F I C A T E   O F   C O N F O R M I T Y")
    c.setFillColor(INK)
    c.setFont(font, 12.5)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 234, f"证书编号  Certificate No.  {doc.number}")

    _draw_wrapped(c, "兹证明下列产品经认证符合认证要求。", 8.6, 60, PAGE_H - 258, PAGE_W - 120, INK,
                  centred=True)
    _draw_wrapped(c, "This is to certify that the product below has been certified as meeting the certification "
                  "requirements.", 8, 60, PAGE_H - 270, PAGE_W - 120, MUTED, centred=True)

    # The fields, fitted between the intro and the statement.
    left, width = 62, PAGE_W - 124
    top, bottom = PAGE_H - 278, 256
    rows, size = _fitted_rows(doc, width, top - bottom)
    _draw_rows(c, rows, font, size, left, top, width)

    baseline = _draw_wrapped(
        c, "经评价，上述产品符合认证依据标准和认证实施细则的要求，特发此证。有效期内须接受获证后监督"
        f"（每 {doc.surveillance_months} 个月一次）；证书状态以发证机构的证书登记为准。", 8.6, left, 240,
        width, INK, leading=1.45)
    _draw_wrapped(c, "The product above was evaluated and conforms to the standard and the implementation rule. "
                  f"The certificate stays valid subject to surveillance every {doc.surveillance_months} months; "
                  "the issuing body's register is authoritative for its status.", 7.2, left, baseline - 2,
                  width, MUTED, leading=1.45)

    # QR with its caption (bottom left). 48 mm wide: the longest payload the fields allow
    # (about 480 characters: version 13 at level M, 77 modules with the quiet zone) still has
    # 0.62 mm modules, 2.4 pixels in a 100 dpi scan, which zxing-cpp and zbar both read; at
    # 40 mm zbar failed (tests/test_certificates_qr_100dpi.py). It fits below the statement.
    qr_size = QR_SIZE
    qr_x, qr_y = 50, 58
    draw_qr(c, doc.payload, qr_x, qr_y, qr_size)
    c.setFillColor(MUTED)
    c.setFont(font, 7.5)
    c.drawCentredString(qr_x + qr_size / 2, qr_y - 9, "扫码验证真伪与状态  Scan to verify")
    c.setFont(font, 6.5)
    c.drawCentredString(qr_x + qr_size / 2, qr_y - 19, f"Key ID {doc.key_id}")

    # Issuing body, authorising person, date (bottom right).
    # Free text here ends before the QR's caption, however long the names are.
    right = PAGE_W - 60
    room = right - (qr_x + qr_size + 20)
    c.setFillColor(INK)
    _draw_fitted(c, right, 168, f"发证机构  {doc.issuing_body}", 11, room, anchor="end")
    c.setFillColor(MUTED)
    _draw_fitted(c, right, 155, f"Issued by {doc.issuing_body_en}", 8, room, anchor="end")
    c.setStrokeColor(MUTED)
    c.setLineWidth(0.5)
    c.line(right - 170, 112, right, 112)
    c.setFillColor(INK)
    _draw_fitted(c, right, 118, doc.authorised_by, 11, room, anchor="end")
    c.setFont(font, 8)
    c.setFillColor(MUTED)
    c.drawRightString(right, 101, "授权人  Authorised by")
    c.setFillColor(INK)
    c.setFont(font, 10)
    c.drawRightString(right, 78, f"{_date_cn(doc.issued_on)}")
    c.setFont(font, 8)
    c.setFillColor(MUTED)
    c.drawRightString(right, 66, f"Date of issue {doc.issued_on.isoformat()}")


def payloads_in_pdf(path: Path) -> list[str]:
    """Every distinct payload the PDF carries (normally one, in two places); [] when none.

    More than one means the copies disagree: the caller treats the file as not genuine.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RefusedInput.of("certificate.pdf_unreadable", path=str(path), why=exc.strerror or str(exc)) from None
    if not data.startswith(b"%PDF"):
        raise RefusedInput.of("certificate.not_pdf", path=str(path))
    found = [m.group(1).decode("ascii") for m in (*_KEYWORDS_RE.finditer(data), *_ATTACHED_RE.finditer(data))]
    if not found:
        found = _payloads_via_pypdf(data)
    return list(dict.fromkeys(found))


def _payloads_via_pypdf(data: bytes) -> list[str]:
    """A PDF rewritten by another tool may keep them in compressed objects: ask pypdf, if installed."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return []
    try:
        reader = PdfReader(io.BytesIO(data))
        found = [blob.decode("ascii", errors="replace").strip()
                 for blob in reader.attachments.get(ATTACHMENT_NAME, [])]
        keywords = reader.metadata.get("/Keywords") if reader.metadata else None
        if keywords and str(keywords).startswith("BM1:"):
            found.append(str(keywords))
        return found
    except Exception:  # noqa: BLE001 — a broken PDF simply carries no readable payload
        return []
