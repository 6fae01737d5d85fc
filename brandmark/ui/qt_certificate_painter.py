"""The certificate drawn with QPainter from the PDF's own layout, for the print preview and
the printer.

PySide6-Essentials + Addons have no QtPdf (the meta-package's QtPdf was left out on
purpose), and reportlab can rasterise only its graphics ``Drawing`` objects, not a canvas
page. So ``brandmark.certificates.pdf.draw_certificate`` — the one function that lays out a
certificate page — is run against ``QtPainterCanvas``, which takes the same drawing calls
(strings at baselines, rectangles, lines, circles, paths, the logo image) and replays them
on a QPainter. Every position, line break and font size is still computed by the PDF code
with reportlab's font metrics, so the preview and the printout are the real page, and they
stay vector (sharp at any printer resolution, text as text in a PDF printer's output).

>>> paint_certificate(painter, document, printer.paperRect(QPrinter.Unit.DevicePixel))   # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QImage, QPainter, QPainterPath, QPen

from brandmark.certificates.pdf import PAGE_H, PAGE_W, draw_certificate
from brandmark.fonts import FALLBACK_FONT, FALLBACK_FONT_FILE, PDF_FONT, PDF_FONT_FILE, font_path, register_pdf_fonts

# Text is laid out at this pixel size and scaled to the wanted one: Qt's pixel sizes are
# whole numbers, and unhinted outlines at a large size advance as reportlab measures them.
_REFERENCE_PX = 200


@functools.cache
def _family(reportlab_name: str) -> str:
    """The Qt family of a bundled PDF font, loaded into the application once."""
    file_name = {PDF_FONT: PDF_FONT_FILE, FALLBACK_FONT: FALLBACK_FONT_FILE}.get(reportlab_name, PDF_FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(font_path(file_name)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "sans-serif"


def _qcolor(color) -> QColor:
    return QColor.fromRgbF(color.red, color.green, color.blue, getattr(color, "alpha", 1.0))


class _Path:
    """What ``canvas.beginPath()`` returns: the calls the certificate's paths use."""

    def __init__(self) -> None:
        self.qpath = QPainterPath()
        self.qpath.setFillRule(Qt.FillRule.WindingFill)

    def moveTo(self, x: float, y: float) -> None:   # noqa: N802 — reportlab's names
        self.qpath.moveTo(x, y)

    def lineTo(self, x: float, y: float) -> None:   # noqa: N802
        self.qpath.lineTo(x, y)

    def rect(self, x: float, y: float, width: float, height: float) -> None:
        self.qpath.addRect(QRectF(x, y, width, height))

    def close(self) -> None:
        self.qpath.closeSubpath()


class QtPainterCanvas:
    """The part of reportlab's ``Canvas`` that ``draw_certificate`` calls, on a QPainter whose
    coordinates are PDF points with the origin at the page's bottom left (y up)."""

    def __init__(self, painter: QPainter):
        self.painter = painter
        self._state = {"fill": QColor(0, 0, 0), "stroke": QColor(0, 0, 0), "width": 1.0, "font": PDF_FONT,
                       "size": 10.0}
        self._saved: list[dict] = []

    # -- state ----------------------------------------------------------------------------
    def saveState(self) -> None:   # noqa: N802
        self._saved.append(dict(self._state))
        self.painter.save()

    def restoreState(self) -> None:   # noqa: N802
        self._state = self._saved.pop()
        self.painter.restore()

    def setFillColor(self, color) -> None:   # noqa: N802
        self._state["fill"] = _qcolor(color)

    def setFillColorRGB(self, red: float, green: float, blue: float, alpha: float = 1.0) -> None:   # noqa: N802
        self._state["fill"] = QColor.fromRgbF(red, green, blue, alpha)

    def setStrokeColor(self, color) -> None:   # noqa: N802
        self._state["stroke"] = _qcolor(color)

    def setLineWidth(self, width: float) -> None:   # noqa: N802
        self._state["width"] = float(width)

    def setFont(self, name: str, size: float, leading=None) -> None:   # noqa: N802
        self._state["font"], self._state["size"] = name, float(size)

    # -- shapes ---------------------------------------------------------------------------
    def _pen_and_brush(self, stroke, fill) -> None:
        if stroke:
            pen = QPen(self._state["stroke"], self._state["width"])
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            self.painter.setPen(pen)
        else:
            self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QBrush(self._state["fill"]) if fill else Qt.BrushStyle.NoBrush)

    def rect(self, x: float, y: float, width: float, height: float, stroke=1, fill=0) -> None:
        self._pen_and_brush(stroke, fill)
        self.painter.drawRect(QRectF(x, y, width, height))

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._pen_and_brush(1, 0)
        self.painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    def circle(self, cx: float, cy: float, radius: float, stroke=1, fill=0) -> None:
        self._pen_and_brush(stroke, fill)
        self.painter.drawEllipse(QPointF(cx, cy), radius, radius)

    def beginPath(self) -> _Path:   # noqa: N802
        return _Path()

    def drawPath(self, path: _Path, stroke=1, fill=0, **_options) -> None:   # noqa: N802
        self._pen_and_brush(stroke, fill)
        self.painter.drawPath(path.qpath)

    def drawImage(self, image, x: float, y: float, width: float, height: float,   # noqa: N802
                  preserveAspectRatio=False, anchor="c", mask=None, **_options) -> None:   # noqa: N803
        picture = QImage(str(image))
        if picture.isNull():
            raise OSError(f"cannot read {image}")
        w, h = width, height
        if preserveAspectRatio and picture.width() and picture.height():
            scale = min(width / picture.width(), height / picture.height())
            w, h = picture.width() * scale, picture.height() * scale
            x, y = x + (width - w) / 2, y + (height - h) / 2
        self.painter.save()
        self.painter.translate(x, y + h)
        self.painter.scale(1, -1)            # images run top-down; the page runs bottom-up
        self.painter.drawImage(QRectF(0, 0, w, h), picture)
        self.painter.restore()

    # -- text -----------------------------------------------------------------------------
    def drawString(self, x: float, y: float, text: str, **_options) -> None:   # noqa: N802
        if not text:
            return
        font = QFont(_family(self._state["font"]))
        font.setPixelSize(_REFERENCE_PX)
        font.setKerning(False)                       # reportlab does not kern
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        scale = self._state["size"] / _REFERENCE_PX
        self.painter.save()
        self.painter.translate(x, y)
        self.painter.scale(scale, -scale)            # text stands upright on the baseline
        self.painter.setFont(font)
        self.painter.setPen(self._state["fill"])     # reportlab fills glyphs with the fill colour
        self.painter.drawText(QPointF(0, 0), text)
        self.painter.restore()

    def _width(self, text: str) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        return stringWidth(text, self._state["font"], self._state["size"])

    def drawCentredString(self, x: float, y: float, text: str, **options) -> None:   # noqa: N802
        self.drawString(x - self._width(text) / 2, y, text, **options)

    def drawRightString(self, x: float, y: float, text: str, **options) -> None:   # noqa: N802
        self.drawString(x - self._width(text), y, text, **options)


def paint_certificate(painter: QPainter, document, target: QRectF) -> None:
    """Draw the certificate page scaled into ``target`` (device units), white paper first."""
    font = register_pdf_fonts()          # the layout measures text with reportlab's metrics
    scale = min(target.width() / PAGE_W, target.height() / PAGE_H)
    left = target.left() + (target.width() - PAGE_W * scale) / 2
    top = target.top() + (target.height() - PAGE_H * scale) / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(left, top, PAGE_W * scale, PAGE_H * scale), QColor("white"))
    painter.translate(left, top + PAGE_H * scale)
    painter.scale(scale, -scale)
    draw_certificate(QtPainterCanvas(painter), document, font)
    painter.restore()


def paint_pages(printer, documents: Iterable) -> int:
    """Print ``documents`` on ``printer`` (a real one, a PDF file printer or the preview's),
    one A4 page each at the paper's full size; returns the page count."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      printer.pageLayout().margins()))
    printer.setFullPage(True)        # the certificate's frame is drawn from the paper's edge
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    pages = 0
    try:
        for document in documents:
            if pages:
                printer.newPage()
            paint_certificate(painter, document, printer.paperRect(QPrinter.Unit.DevicePixel))
            pages += 1
    finally:
        painter.end()
    return pages


def certificate_image(document, dpi: int = 100) -> QImage:
    """The page as a picture (tests look at it; a QR decoder reads it)."""
    image = QImage(round(PAGE_W / 72 * dpi), round(PAGE_H / 72 * dpi), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_certificate(painter, document, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image
