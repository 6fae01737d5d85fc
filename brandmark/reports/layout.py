"""The page template every brandmark report shares: A4, a header, a footer with
"第 N 页 / 共 M 页 · Page N of M", paragraph styles in the bundled font, markup escaping.

Reports (assessment, self-assessment, valuation) build a list of flowables with
these styles and helpers, then hand it to ``build_document``:

>>> import tempfile
>>> from reportlab.platypus import Paragraph
>>> story = [Paragraph(escape("某某 & <联合体>"), styles()["body"])]
>>> build_document(Path(tempfile.mkdtemp()) / "out.pdf", "评审报告 Assessment report", story,
...                DocumentMeta(header_right="评审报告 Assessment report #1"))
1

Text from the database is untrusted: pass it through ``escape`` before it goes into
Paragraph markup (``<``, ``&`` and newlines would otherwise break or inject markup).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from xml.sax.saxutils import escape as _xml_escape

from brandmark import __version__
from brandmark.atomic_files import atomic_write, check_target
from brandmark.fonts import CANNOT_START_LINE_ZH, PDF_FONT, font_runs, register_pdf_fonts

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable, Paragraph, Spacer, Table

Progress = Callable[[int, int, str], object]

PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898   # A4 in points (reportlab.lib.pagesizes.A4)
MM = 72 / 25.4
MARGIN_LEFT = MARGIN_RIGHT = 18 * MM
MARGIN_TOP = 22 * MM        # leaves room for the header line
MARGIN_BOTTOM = 20 * MM     # and for the footer
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
MIN_ROOM_AFTER_HEADING = 25 * MM   # a heading at the foot of a page needs this much below it

# Colours (hex so the module imports without touching reportlab until it is used).
INK = "#1f2328"
MUTED = "#6a737d"
RULE = "#c8ccd1"
ACCENT = "#8a1c1c"          # the brand's seal red, used sparingly (titles, the radar)
HEADER_FILL = "#efe9e4"
ZEBRA_FILL = "#f7f7f8"
NOTICE_FILL = "#fff7e0"
GOOD = "#1a7f37"
BAD = "#b42318"
WARN = "#9a6700"



@dataclass(frozen=True)
class DocumentMeta:
    """What the page furniture and the PDF's document information show.

    ``header_right`` names the report (and its record), ``footer_left`` usually the
    generation time, ``footer_right`` a short marker such as "参考评价包 Reference pack".
    """

    header_left: str = "品字标 · brandmark"
    header_right: str = ""
    footer_left: str = ""
    footer_right: str = f"brandmark {__version__}"
    author: str = "brandmark"
    subject: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)


# -- fonts and escaping --------------------------------------------------------

def escape(text: object, *, newlines: bool = True) -> str:
    """Untrusted text as safe Paragraph markup.

    ``&``, ``<`` and ``>`` are escaped, newlines become ``<br/>`` (or spaces with
    ``newlines=False``), tabs spaces, other control characters are dropped, and a
    character the main font lacks is drawn in the bundled fallback font when that
    has it (see ``font_runs``).

    >>> escape('A & B <"C">\\nD')
    'A &amp; B &lt;"C"&gt;<br/>D'
    """
    if text is None:
        return ""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = "".join(ch for ch in value if ch == "\n" or not (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0))
    out: list[str] = []
    for font, run in font_runs(value):
        markup = _xml_escape(run).replace("\n", "<br/>" if newlines else " ")
        out.append(markup if font == PDF_FONT else f'<font name="{font}">{markup}</font>')
    return "".join(out)


def bilingual(zh: str, en: str = "", *, en_size: float | None = None) -> str:
    """Markup for "中文 English": the English smaller and grey beside the Chinese.

    Both parts are escaped here.

    >>> bilingual("总分", "Total & more")
    '总分 <font color="#6a737d">Total &amp; more</font>'
    """
    zh_markup = escape(zh)
    if not en:
        return zh_markup
    size = f' size="{en_size:g}"' if en_size else ""
    return f'{zh_markup} <font color="{MUTED}"{size}>{escape(en)}</font>'


def stacked(zh: str, en: str = "") -> str:
    """Markup with the English on its own line under the Chinese (narrow table headers).

    >>> stacked("得分", "Score")
    '得分<br/><font color="#6a737d" size="7">Score</font>'
    """
    if not en:
        return escape(zh)
    return f'{escape(zh)}<br/><font color="{MUTED}" size="7">{escape(en)}</font>'


# -- styles --------------------------------------------------------------------



def _teach_reportlab_chinese_punctuation() -> None:
    """Add the Chinese set to reportlab's line-start prohibition (idempotent, process-wide)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph as rl_paragraph

    # Both copies: single-style paragraphs break in textsplit, mixed ones in paragraph.
    for module in (textsplit, rl_paragraph):
        known = module.ALL_CANNOT_START
        missing = "".join(ch for ch in CANNOT_START_LINE_ZH if ch not in known)
        if missing:
            module.ALL_CANNOT_START = known + missing


@functools.lru_cache(maxsize=1)
def _style_sheet() -> dict[str, ParagraphStyle]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    font = register_pdf_fonts()
    _teach_reportlab_chinese_punctuation()
    ink = colors.HexColor(INK)
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=14, textColor=ink,
                          wordWrap="CJK", alignment=TA_LEFT, allowWidows=0, allowOrphans=0)

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": derive("title", fontSize=20, leading=26, textColor=colors.HexColor(ACCENT),
                        spaceAfter=2),
        "subtitle": derive("subtitle", fontSize=11, leading=15, textColor=colors.HexColor(MUTED),
                           spaceAfter=10),
        "h1": derive("h1", fontSize=14, leading=19, textColor=colors.HexColor(ACCENT),
                     spaceBefore=12, spaceAfter=6, keepWithNext=1),
        "h2": derive("h2", fontSize=11.5, leading=16, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "h3": derive("h3", fontSize=10, leading=14, spaceBefore=4, spaceAfter=2, keepWithNext=1,
                     textColor=colors.HexColor(MUTED)),
        "small": derive("small", fontSize=8, leading=11),
        "muted": derive("muted", fontSize=8.5, leading=12, textColor=colors.HexColor(MUTED)),
        # A sentence introducing the table after it: stays on the same page as that table.
        "lead": derive("lead", fontSize=8.5, leading=12, textColor=colors.HexColor(MUTED), keepWithNext=1,
                       spaceAfter=3),
        "cell": derive("cell", fontSize=8.5, leading=11.5),
        "cell_small": derive("cell_small", fontSize=7.5, leading=10),
        # One style per paragraph wraps far faster than mixed markup (reportlab's CJK
        # breaker measures mixed text glyph by glyph), so long tables stack these.
        "cell_muted": derive("cell_muted", fontSize=8.5, leading=11.5, textColor=colors.HexColor(MUTED)),
        "cell_id": derive("cell_id", fontSize=7, leading=9, textColor=colors.HexColor(MUTED)),
        "cell_head": derive("cell_head", fontSize=8.5, leading=11.5),
        "cell_right": derive("cell_right", fontSize=8.5, leading=11.5, alignment=TA_RIGHT),
        "cell_center": derive("cell_center", fontSize=8.5, leading=11.5, alignment=TA_CENTER),
        "figure": derive("figure", fontSize=26, leading=32, alignment=TA_CENTER,
                         textColor=colors.HexColor(ACCENT)),
        "figure_label": derive("figure_label", fontSize=9, leading=12, alignment=TA_CENTER,
                               textColor=colors.HexColor(MUTED)),
        "notice": derive("notice", fontSize=8.5, leading=12.5),
        "signature": derive("signature", fontSize=10, leading=22),
    }


def styles() -> dict[str, ParagraphStyle]:
    """The named ParagraphStyles (all in the bundled font, CJK line breaking).

    Names: body, title, subtitle, h1, h2, h3, small, muted, lead, cell, cell_small, cell_muted, cell_id,
    cell_head, cell_right, cell_center, figure, figure_label, notice, signature.

    >>> styles()["body"].fontName
    'WenKai'
    """
    return _style_sheet()


# -- common flowables ------------------------------------------------------------

def paragraph(markup: str, style: str = "body") -> Paragraph:
    """A Paragraph from markup that is already escaped (see ``escape``/``bilingual``).

    >>> paragraph(bilingual("一、基本信息", "Particulars"), "h1").style.name
    'h1'
    """
    return _wrap_once_paragraph()(markup, styles()[style])


@functools.lru_cache(maxsize=1)
def _wrap_once_paragraph() -> type[Paragraph]:
    """reportlab's Paragraph, breaking its lines once per width.

    A table wraps each cell three to five times at the same width (to size its rows, to
    split itself at a page end, to draw), and CJK line breaking, measured glyph by glyph,
    is most of a report's time; the lines for a width that was just broken are kept.
    """
    from reportlab.platypus import Paragraph

    class WrapOncePerWidth(Paragraph):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 — reportlab's names
            last = self.__dict__.get("_last_wrap")
            # (``split`` drops the broken lines when the paragraph cannot be split.)
            if last is not None and last[0] == availWidth and "blPara" in self.__dict__:
                return cast("tuple[float, float]", last[1])
            size = super().wrap(availWidth, availHeight)
            self._last_wrap = (availWidth, size)
            return cast("tuple[float, float]", size)

    return WrapOncePerWidth


def text(value: object, style: str = "body") -> Paragraph:
    """A Paragraph from untrusted plain text (escaped here).

    >>> text("<联合体> & Co").text
    '&lt;联合体&gt; &amp; Co'
    """
    return paragraph(escape(value), style)


def data_table(rows: Sequence[Sequence[Any]], col_widths: Sequence[float], *, header_rows: int = 1,
               zebra: bool = True, extra_style: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A grid table that splits across pages and repeats its header rows.

    ``rows`` hold flowables (usually ``paragraph``/``text``, or a list of them per
    cell) so every cell wraps; ``col_widths`` are fractions of the content width when
    they sum to about 1, else points.

    >>> table = data_table([[text("编号 ID"), text("名称 Name")], [text("A1"), text("某某 & Co")]],
    ...                    [0.3, 0.7])
    >>> round(sum(table._colWidths)) == round(CONTENT_WIDTH)
    True
    """
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    widths = list(col_widths)
    if abs(sum(widths) - 1.0) < 0.01:
        widths = [w * CONTENT_WIDTH for w in widths]
    # A row taller than a page splits inside the row (splitInRow) rather than failing the
    # whole report; reportlab splits a cell only when it holds a list of flowables (a bare
    # flowable would be dropped from both halves), so each cell becomes one.
    table = Table([[_splittable(cell) for cell in row] for row in rows], colWidths=widths,
                  repeatRows=header_rows, hAlign="LEFT", splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),   # else reportlab references Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEADER_FILL)))
    if zebra and len(rows) > header_rows + 1:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1),
                         [colors.white, colors.HexColor(ZEBRA_FILL)]))
    commands.extend(extra_style)
    table.setStyle(TableStyle(commands))
    return table


def _splittable(cell: Any) -> Any:
    """A table cell as reportlab can split it across pages: a list of flowables."""
    if cell is None or isinstance(cell, (str, list, tuple)):
        return cell
    return [cell]


def field_table(fields: Sequence[tuple[str, str, object]], *, columns: int = 1,
                label_width: float = 0.2) -> Table:
    """Label / value pairs: ``(中文标签, English label, value)``; values are escaped here.

    ``columns=2`` puts two pairs side by side (for short values such as dates). A value
    may also be a flowable (for markup of its own).

    >>> len(field_table([("申请企业", "Applicant", "某某 <有限> 公司"), ("日期", "Date", "")])._cellvalues)
    2
    """
    from reportlab.lib import colors

    cells = [(paragraph(bilingual(zh, en, en_size=7.5), "cell"),
              value if hasattr(value, "wrapOn") else text(value if value not in (None, "") else "—", "cell"))
             for zh, en, value in fields]
    rows: list[list[Any]] = []
    for start in range(0, len(cells), columns):
        row: list[Any] = []
        for label, value in cells[start:start + columns]:
            row.extend([label, value])
        while len(row) < 2 * columns:
            row.extend(["", ""])
        rows.append(row)
    value_width = (1.0 - label_width * columns) / columns
    widths = [label_width, value_width] * columns
    label_cells = [("BACKGROUND", (2 * c, 0), (2 * c, -1), colors.HexColor(ZEBRA_FILL)) for c in range(columns)]
    return data_table(rows, widths, header_rows=0, zebra=False, extra_style=label_cells)


def notice_box(markup: str | Sequence[str], *, fill: str = NOTICE_FILL, border: str = WARN) -> Table:
    """A shaded box around paragraphs of markup (already escaped): disclaimers, demo notices.

    Give a list for several paragraphs (e.g. the Chinese, then the English).

    >>> box = notice_box([escape("本报告为估算。"), escape("This report is an estimate.")])
    >>> len(box._cellvalues[0][0])
    2
    """
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    parts = [markup] if isinstance(markup, str) else list(markup)
    box = Table([[[paragraph(part, "notice") for part in parts]]], colWidths=[CONTENT_WIDTH], hAlign="LEFT",
                splitInRow=1)
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(fill)),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor(border)),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return box


def spacer(height_mm: float = 3) -> Spacer:
    """Vertical space in millimetres: ``spacer(2)``."""
    from reportlab.platypus import Spacer
    return Spacer(1, height_mm * MM)


def coloured(markup: str, colour: str) -> str:
    """Wrap markup (already escaped) in a colour.

    >>> coloured("合格", GOOD)
    '<font color="#1a7f37">合格</font>'
    """
    return f'<font color="{colour}">{markup}</font>'


# -- the document --------------------------------------------------------------

def _fit(canvas: Canvas, value: str, font: str, size: float, width: float) -> str:
    """Shorten ``value`` with an ellipsis so it fits ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"


def _canvas_class(meta: DocumentMeta, counter: dict[str, int]) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each footer knows the page count."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 — reportlab's name
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            counter["pages"] = total
            for state in self._held_pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            number = self._pageNumber
            half = (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / 2 - 6
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.5)
            top = PAGE_HEIGHT - 14 * MM
            self.line(MARGIN_LEFT, top - 2, PAGE_WIDTH - MARGIN_RIGHT, top - 2)
            self.setFont(PDF_FONT, 8)
            self.setFillColor(colors.HexColor(MUTED))
            self.drawString(MARGIN_LEFT, top + 1, _fit(self, meta.header_left, PDF_FONT, 8, half))
            self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, top + 1,
                                 _fit(self, meta.header_right, PDF_FONT, 8, half))
            bottom = 11 * MM
            self.line(MARGIN_LEFT, bottom + 9, PAGE_WIDTH - MARGIN_RIGHT, bottom + 9)
            page_text = f"第 {number} 页 / 共 {total} 页 · Page {number} of {total}"
            self.setFillColor(colors.HexColor(INK))
            self.drawCentredString(PAGE_WIDTH / 2, bottom, page_text)
            self.setFillColor(colors.HexColor(MUTED))
            side = half - 70
            self.drawString(MARGIN_LEFT, bottom, _fit(self, meta.footer_left, PDF_FONT, 8, side))
            self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, bottom,
                                 _fit(self, meta.footer_right, PDF_FONT, 8, side))
            self.restoreState()

    return NumberedCanvas


def _heading_keeper_class() -> type[Flowable]:
    """How a heading (style with keepWithNext) stays with what follows it.

    reportlab's KeepTogether moves the heading *and the whole table after it* to the
    next page when the table does not fit, leaving most of a page blank. This keeper
    moves them only when the following flowable cannot start here (not even its
    header and first row); otherwise the table splits across the page as usual.
    """
    from reportlab.platypus import Table
    from reportlab.platypus.doctemplate import FrameBreak
    from reportlab.platypus.flowables import KeepTogether

    class HeadingKeeper(KeepTogether):
        def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 — reportlab's names
            if getattr(self, "_wrapInfo", None) != (aW, aH):
                self.wrap(aW, aH)
            content = list(self._content)
            if self._H <= aH:
                return content
            frame = getattr(self, "_frame", None)
            if frame is not None and getattr(frame, "_atTop", False):
                return cast("list[Flowable]", super().split(aW, aH))
            *heads, last = content
            used = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in heads)
            room = aH - used - last.getSpaceBefore()
            if room > MIN_ROOM_AFTER_HEADING and _can_start(last, aW, room):
                return content
            return [FrameBreak()] + content

    def _can_start(flowable: Flowable, width: float, room: float) -> bool:
        """Whether ``flowable`` (or its first part, if it splits) fits in ``room``."""
        if isinstance(flowable, KeepTogether):     # it never splits: all of it must fit
            flowable.wrap(width, room)
            return cast(bool, flowable._H <= room)
        if flowable.wrap(width, room)[1] <= room:
            return True
        heights = getattr(flowable, "_rowHeights", None)
        if isinstance(flowable, Table) and heights:
            # A table can start when its header rows and first body row fit (cheaper
            # than a trial split, which lays out every cell again).
            return cast(bool, sum(heights[: flowable.repeatRows + 1]) <= room)
        return bool(flowable.split(width, room))

    return HeadingKeeper


def _layout_progress(progress: Progress | None) -> Callable[[str, int], None] | None:
    """Turn reportlab's (kind, value) callbacks into ``progress(done, total, message)``."""
    if progress is None:
        return None
    state = {"total": 1}

    def on_progress(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["total"] = max(int(value), 1)
        elif kind == "PROGRESS":
            progress(min(int(value), state["total"]), state["total"], "排版 Laying out pages")
    return on_progress


def build_document(path: str | Path, title: str, story: Sequence[Flowable], meta: DocumentMeta | None = None,
                   progress: Progress | None = None) -> int:
    """Lay out ``story`` on A4 pages with the shared header and footer; returns the page count.

    The file appears only when complete (``brandmark.atomic_files``), so a failure or a
    cancelled ``progress`` (it may raise) leaves no half-written PDF and keeps an older
    file of that name. A path that cannot be written is refused with a message naming it.

    >>> import tempfile
    >>> build_document(Path(tempfile.mkdtemp()) / "x.pdf", "标题 Title", [text("你好 hello")])
    1
    """
    from reportlab.platypus import SimpleDocTemplate

    from brandmark.store.guard import refuse_if_register_file

    meta = meta or DocumentMeta()
    target = check_target(path)
    refuse_if_register_file(target, field=("output",))
    register_pdf_fonts()
    counter = {"pages": 0}
    with atomic_write(target) as out:
        doc = SimpleDocTemplate(
            out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=title, author=meta.author,
            subject=meta.subject, keywords=list(meta.keywords), creator=f"brandmark {__version__}",
            leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            # Start every page in the bundled font, so no unembedded Helvetica is referenced.
            initialFontName=PDF_FONT, initialFontSize=9.5)
        doc.keepTogetherClass = _heading_keeper_class()
        callback = _layout_progress(progress)
        if callback:
            doc.setProgressCallBack(callback)
        doc.build(list(story), canvasmaker=_canvas_class(meta, counter))
    return counter["pages"]
