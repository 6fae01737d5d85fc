"""The registers as the window shows them (issue 11 §3), through the real pages: applicants
sorted by pinyin when the Name header is clicked; the assessments register's columns."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_applicants_page import QtApplicantsPage  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

pytestmark = pytest.mark.gui
NAMES = ["杭州恒丰电器有限公司", "嘉兴华鑫纺织有限公司", "丽水瑞祥五金有限公司", "宁波朝阳机械厂", "温州泰隆服装有限公司"]


@pytest.fixture
def context(qapp, tmp_path):
    store = Store(tmp_path / "registers.db", load_bundled_packs=False)
    context = QtAppContext(store)
    context.language = "zh_CN"
    context.user_name = "张三"
    yield context
    store.close()


def click_header(qtbot, table, section: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def shown_column(page, key: str) -> list[str]:
    model = page.register.table.model()
    column = [c.key for c in page.model.columns].index(key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_clicking_name_sorts_applicants_by_pinyin(context, qtbot):
    for i in (3, 0, 4, 2, 1):
        context.store.applicants.add(name=NAMES[i], uscc=make_uscc("91", "330100", f"{i:08d}"))
    page = QtApplicantsPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    name_column = [c.key for c in page.model.columns].index("name")
    click_header(qtbot, page.register.table, name_column)
    names = shown_column(page, "name")
    if names != NAMES:                                   # the first click may sort descending
        click_header(qtbot, page.register.table, name_column)
        names = shown_column(page, "name")
    assert names == NAMES                                # 丽水 after 杭州 and 嘉兴, before 宁波
    click_header(qtbot, page.register.table, name_column)
    assert shown_column(page, "name") == NAMES[::-1]
