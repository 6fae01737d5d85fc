"""The shared page template (escaping, line breaking, page furniture, headings) and the radar."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from brandmark.fonts import FALLBACK_FONT
from brandmark.reports.layout import (
    CONTENT_WIDTH, DocumentMeta, bilingual, build_document, data_table, escape, paragraph,
    styles, text,
)
from brandmark.reports.radar import MIN_SPOKES, radar_chart, short_label, spokes_from_sections
from test_reports_support import page_texts, squeezed


def test_escape_neutralises_markup_and_keeps_lines():
    assert escape('A & B <b>"C"</b>') == 'A &amp; B &lt;b&gt;"C"&lt;/b&gt;'
    assert escape("one\ntwo\r\nthree") == "one<br/>two<br/>three"
    assert escape("one\ntwo", newlines=False) == "one two"
    assert escape("bell\x07tab\there") == "belltab here"
    assert escape(None) == ""


def test_a_character_missing_from_the_main_font_uses_the_fallback():
    rare = "\u3400"      # CJK Ext-A: not in WenKai, present in Droid Sans Fallback
    assert escape(f"名{rare}字") == f'名<font name="{FALLBACK_FONT}">{rare}</font>字'
    assert "<font" not in escape("普通的名字 ordinary")


def test_escaped_text_survives_a_round_trip_through_a_pdf(tmp_path):
    hostile = 'X <font name="Nope"> & </para> "q" \'s\' <联合体>'
    pdf = tmp_path / "x.pdf"
    build_document(pdf, "t", [text(hostile), paragraph(bilingual("总分 <1>", "Total & more"))])
    page = page_texts(pdf)[0]
    assert squeezed(hostile) in squeezed(page)
    assert "总分 <1> Total & more" in page


def _lines(markup: str, width: float = 100.0) -> list[str]:
    para = paragraph(markup)
    para.wrap(width, 1000)
    # Single-style paragraphs come back as (space, [words]) tuples, mixed ones as FragLines.
    return ["".join(line[1]) if isinstance(line, tuple) else "".join(w.text for w in line.words)
            for line in para.blPara.lines]


@pytest.mark.parametrize("styled", [False, True], ids=["one-style", "mixed-styles"])
def test_chinese_punctuation_never_starts_a_line(styled):
    """Whatever the text length, the comma hangs on the line before rather than opening one."""
    for before in range(5, 40):
        head = "<b>字</b>" + "字" * (before - 1) if styled else "字" * before
        lines = _lines(head + "，" + "文" * 30)
        assert not any(line.startswith("，") for line in lines), (before, lines)


def test_page_furniture_counts_pages(tmp_path):
    pdf = tmp_path / "long.pdf"
    story = [text(f"第 {n} 段 paragraph {n} " * 20) for n in range(80)]
    pages = build_document(pdf, "标题 Title", story, DocumentMeta(header_right="报告 Report #7",
                                                                 footer_left="生成 Generated today"))
    reader = PdfReader(str(pdf))
    assert pages == len(reader.pages) > 2
    for number, page in enumerate(reader.pages, start=1):
        content = page.extract_text()
        assert f"第 {number} 页 / 共 {pages} 页 · Page {number} of {pages}" in content
        assert "报告 Report #7" in content
    assert reader.metadata.title == "标题 Title"


def _table(rows: int):
    return data_table([[text("编号 ID"), text("内容 Content")]]
                      + [[text(f"R{n:03d}"), text(f"行 {n} row")] for n in range(rows)], [0.3, 0.7])


def _page_of(texts: list[str], needle: str) -> int:
    return next(i for i, page in enumerate(texts) if needle in page)


def _filler(lines: int) -> list:
    return [text(f"填充 filler {n}") for n in range(lines)]


def test_a_heading_is_never_left_alone_at_the_foot_of_a_page(tmp_path):
    # Step the heading down the first page: at some point it fits but its table does not.
    for lines in range(40, 56):
        pdf = tmp_path / f"orphan{lines}.pdf"
        build_document(pdf, "t", _filler(lines) + [paragraph("HEADING-ONE", "h1"), _table(30)])
        texts = page_texts(pdf)
        assert _page_of(texts, "HEADING-ONE") == _page_of(texts, "R000"), lines


def test_a_heading_does_not_push_a_long_table_off_a_half_empty_page(tmp_path):
    pdf = tmp_path / "gap.pdf"
    story = _filler(10) + [paragraph("HEADING-TWO", "h1"), _table(120)]
    build_document(pdf, "t", story)
    texts = page_texts(pdf)
    assert _page_of(texts, "HEADING-TWO") == 0
    assert _page_of(texts, "R000") == 0


# -- the radar ------------------------------------------------------------------------------

def _section(title: str, score: float, maximum: float):
    return SimpleNamespace(title=title, score=score, max=maximum)


def test_spokes_skip_unscored_sections_and_stay_within_0_to_100():
    spokes = spokes_from_sections([_section("申请", 0, 0), _section("检验（示例）", 15, 30),
                                   _section("审核", 31, 30), _section("特征", -1, 40)])
    assert [(s.label, s.percent) for s in spokes] == [("检验", 50.0), ("审核", 100.0), ("特征", 0.0)]


def test_short_label_drops_the_aside_and_cuts_long_titles():
    assert short_label("产品检验（示例产品：电水壶）") == "产品检验"
    assert short_label("一二三四五六七八九十十一十二", limit=6) == "一二三四五…"


def test_no_radar_below_three_spokes():
    two = spokes_from_sections([_section("a", 1, 2), _section("b", 1, 2)])
    assert len(two) < MIN_SPOKES
    assert radar_chart(two) is None


def test_the_radar_rim_is_100_percent_whatever_the_data():
    """A section at 50 % must reach half the radius even when no section reaches 100 %."""
    from reportlab.graphics.charts.spider import SpiderChart

    drawing = radar_chart(spokes_from_sections([_section(x, 10, 20) for x in "abc"]))
    chart = next(c for c in drawing.contents if isinstance(c, SpiderChart))
    assert chart.normalizeData() == [[0.5, 0.5, 0.5]]
    assert drawing.width <= CONTENT_WIDTH


@pytest.mark.parametrize("count", [3, 8, 12])
def test_radar_labels_stay_inside_the_drawing(count):
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    drawing = radar_chart(spokes_from_sections([_section("质量承诺与服务", n, 10) for n in range(count)]))
    for shape in drawing.contents:
        if isinstance(shape, String):
            width = stringWidth(shape.text, shape.fontName, shape.fontSize)
            left = {"start": shape.x, "middle": shape.x - width / 2, "end": shape.x - width}[shape.textAnchor]
            assert 0 <= left and left + width <= drawing.width, shape.text
            assert 0 <= shape.y - 2 and shape.y + shape.fontSize <= drawing.height, shape.text


@pytest.mark.parametrize("module", ["brandmark.reports.layout", "brandmark.reports.radar",
                                    "brandmark.reports.labels"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    failures, attempted = doctest.testmod(importlib.import_module(module))
    assert attempted > 0 and failures == 0


def test_importing_the_reports_does_not_load_reportlab():
    """The window imports the report writers at start-up; reportlab loads on first export."""
    import subprocess
    import sys

    from support import REPO

    probe = "import sys, brandmark.reports; print(sorted(m for m in sys.modules if m.startswith('reportlab')))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(REPO), "PATH": ""})
    assert out.stdout.strip() == "[]"
