"""Issue 11 §4: in English, section and radar labels wrap instead of being cut
("Factory quality-ass…"), through the real walk-through page of the zhejiang-made pack."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from brandmark.ui.qt_assessment_page import QtAssessmentPage  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_score_panel import _short  # noqa: E402
from support import new_certification_assessment


@pytest.fixture(params=["en", "zh_CN"])
def page(request, qtbot, store):
    applicant = store.applicants.add(name="某某电器有限公司", uscc="91350100M000100Y43", region="杭州")
    aid = new_certification_assessment(store, applicant, "zhejiang-made", assessor="张三",
                                       product="电水壶")
    context = QtAppContext(store)
    context.user_name, context.language = "张三", request.param
    widget = QtAssessmentPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.open_assessment(aid)
    QApplication.processEvents()
    widget.language = request.param
    return widget


def section_titles(page) -> dict[str, str]:
    english = page.context.language == "en"
    return {s.id: _short(s.title_en if english and s.title_en else s.title)
            for s in page.pack.sections if s.weight > 0}


def test_section_labels_beside_the_bars_are_whole_and_fit(page):
    for section_id, title in section_titles(page).items():
        label = page.score_panel.bars_box.findChild(QLabel, f"section-label-{section_id}")
        assert label.text() == title and "…" not in label.text()
        assert label.wordWrap()
        # Every line fits: the label is as tall as its wrapped text needs.
        assert label.height() >= label.heightForWidth(label.width()) > 0, title


def test_radar_labels_wrap_and_none_is_cut(page):
    radar = page.score_panel.radar
    lines = radar.label_lines()
    titles = list(section_titles(page).values())
    assert len(lines) == len(titles)
    metrics = radar.fontMetrics()
    for index, (title, wrapped) in enumerate(zip(titles, lines)):
        assert "…" not in "".join(wrapped), wrapped
        assert "".join(wrapped).replace(" ", "") == title.replace(" ", "")
        assert all(metrics.horizontalAdvance(text) <= radar.label_width() + 1 for text in wrapped), wrapped
    if page.context.language == "en":
        assert any(len(wrapped) > 1 for wrapped in lines)      # the long English titles did wrap


def test_radar_labels_do_not_run_into_each_other(page):
    rects = page.score_panel.radar.label_rects()
    assert len(rects) == len(section_titles(page))
    for index, rect in enumerate(rects):
        for other in rects[index + 1:]:
            assert not rect.intersects(other), (rect, other)


def test_section_headers_in_the_item_list_wrap_instead_of_ending_in_an_ellipsis(page):
    from PySide6.QtGui import QFontMetrics
    from brandmark.ui.qt_assessment_page import HEADER_ROLE

    page.go_to_item("pt-boil-cutoff")       # the product-testing section: the longest English header
    listed = page.item_list
    headers = [listed.item(row) for row in range(listed.count()) if listed.item(row).data(HEADER_ROLE)]
    assert headers
    for entry in headers:
        whole = entry.data(HEADER_ROLE)
        lines = entry.text().split("\n")
        assert "".join(lines).replace(" ", "") == whole.replace(" ", ""), lines
        metrics = QFontMetrics(entry.font())
        assert all(metrics.horizontalAdvance(line) <= listed.viewport().width() for line in lines)
        assert listed.visualItemRect(entry).height() >= metrics.height() * len(lines)
    if page.context.language == "en":
        assert any("\n" in entry.text() for entry in headers)
