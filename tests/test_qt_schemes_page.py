"""The schemes page: packs listed with their reference badge, a pack's tree, import and
validation with every problem listed one per line."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_schemes_page import QtSchemesPage  # noqa: E402

pytestmark = pytest.mark.gui
MINI = Path(__file__).parent / "fixtures" / "mini.toml"


@pytest.fixture
def page(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    store = Store(":memory:")
    context = QtAppContext(store)
    context.language = "zh_CN"
    page = QtSchemesPage(context)
    qtbot.addWidget(page)
    yield page
    store.close()


def table_column(page, column: int) -> list[str]:
    return [page.packs_table.item(row, column).text() for row in range(page.packs_table.rowCount())]


def test_every_stored_pack_is_listed_with_its_hash(page):
    stored = page.context.store.schemes.list()
    assert table_column(page, 0) == [row["id"] for row in stored]
    assert all(page.packs_table.item(r, 4).toolTip() == row["hash"] for r, row in enumerate(stored))


def test_the_tree_shows_sections_and_items_of_the_selected_pack(page):
    scheme_id, version = page.selected_pack()
    pack = page.context.store.schemes.get(scheme_id, version)
    assert page.tree.topLevelItemCount() == len(pack.sections)
    for position, section in enumerate(pack.sections):
        node = page.tree.topLevelItem(position)
        assert node.childCount() == len(section.items)
        assert [node.child(i).text(0).split()[0] for i in range(node.childCount())] == [i.id for i in section.items]


def test_points_and_test_items_show_levels_and_limits(page):
    page.import_file(MINI)
    page.show_pack(page.context.store.schemes.get("mini", "1"))
    rows = {}
    for s in range(page.tree.topLevelItemCount()):
        node = page.tree.topLevelItem(s)
        for i in range(node.childCount()):
            child = node.child(i)
            rows[child.text(0).split()[0]] = child
    assert ">=97.0 %" in rows["T1"].text(3)
    assert "0–4" in rows["P1"].text(3) and "3" in rows["P1"].text(3)
    assert "4: 领先" in rows["P1"].toolTip(3)


def test_importing_a_good_file_adds_and_selects_it(page, qtbot):
    with qtbot.waitSignal(page.context.changed):
        pack = page.import_file(MINI)
    assert pack.id == "mini"
    assert "mini" in table_column(page, 0)
    assert page.selected_pack() == ("mini", "1")


def test_a_bad_file_lists_every_problem_and_imports_nothing(page, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace('kind = "veto"', 'kind = "vote"')
                   .replace('limit = "<=0.25"', 'limit = "about 0.25"'), encoding="utf-8")
    before = page.context.store.schemes.list()
    assert page.import_file(bad) is None
    lines = page.problems_dialog.text.toPlainText().splitlines()
    assert len(lines) >= 2
    assert any("V1" in line for line in lines) and any("T2" in line for line in lines)
    assert all(line.startswith("bad.toml") for line in lines)
    assert page.context.store.schemes.list() == before


def test_validate_reports_problems_without_importing(page, tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text("format = 1\n[pack\n", encoding="utf-8")
    problems = page.validate_file(bad)
    assert problems and "TOML" in problems[0]
    assert page.validate_file(MINI) == []
    assert "mini" not in table_column(page, 0)
