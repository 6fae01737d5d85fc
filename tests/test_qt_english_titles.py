"""Pack titles in the window's language: the schemes page and the new-assessment dialog
showed the Chinese title of every pack in an English window."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_new_assessment_dialog import QtNewAssessmentDialog  # noqa: E402
from brandmark.ui.qt_schemes_page import QtSchemesPage  # noqa: E402
from support import pack_text  # noqa: E402

pytestmark = pytest.mark.gui
UNTRANSLATED = "生成的方案"     # pack_text() writes no English title


@pytest.fixture
def store(qapp):
    opened = Store(":memory:")
    opened.schemes.import_text(pack_text([{"weight": 100, "items": [{"id": "A", "kind": "veto"}]}]),
                               actor="tester")
    yield opened
    opened.close()


def context_in(store, language: str) -> QtAppContext:
    context = QtAppContext(store)
    context.language = language
    return context


def schemes_page_titles(qtbot, store, language: str) -> dict[str, str]:
    page = QtSchemesPage(context_in(store, language))
    qtbot.addWidget(page)
    return {page.packs_table.item(row, 0).text(): page.packs_table.item(row, 2).text()
            for row in range(page.packs_table.rowCount())}


def dialog_labels(qtbot, store, language: str) -> dict[str, str]:
    dialog = QtNewAssessmentDialog(context_in(store, language))
    qtbot.addWidget(dialog)
    return {dialog.scheme_combo.itemData(i): dialog.scheme_combo.itemText(i)
            for i in range(dialog.scheme_combo.count())}


def test_the_schemes_page_lists_english_titles_in_english(qtbot, store):
    titles = schemes_page_titles(qtbot, store, "en")
    bundled = [scheme for scheme in titles if scheme != "gen"]
    assert "zhejiang-made" in bundled
    for scheme in bundled:
        pack = store.schemes.get(scheme)
        assert titles[scheme] == pack.title_en != pack.title


def test_the_schemes_page_keeps_chinese_titles_in_chinese(qtbot, store):
    titles = schemes_page_titles(qtbot, store, "zh_CN")
    assert titles["zhejiang-made"] == store.schemes.get("zhejiang-made").title
    assert titles["gen"] == UNTRANSLATED


def test_a_pack_without_an_english_title_shows_its_chinese_one(qtbot, store):
    assert schemes_page_titles(qtbot, store, "en")["gen"] == UNTRANSLATED
    assert dialog_labels(qtbot, store, "en")["gen"].startswith(UNTRANSLATED)


def test_the_new_assessment_dialog_offers_packs_by_their_english_titles(qtbot, store):
    labels = dialog_labels(qtbot, store, "en")
    made = store.schemes.get("zhejiang-made")
    assert labels["zhejiang-made"].startswith(made.title_en + "  (zhejiang-made ")
    assert made.title not in labels["zhejiang-made"]


def test_the_new_assessment_dialog_offers_packs_by_their_chinese_titles(qtbot, store):
    labels = dialog_labels(qtbot, store, "zh_CN")
    made = store.schemes.get("zhejiang-made")
    assert labels["zhejiang-made"].startswith(made.title + "  (zhejiang-made ")
    assert made.title_en not in labels["zhejiang-made"]
