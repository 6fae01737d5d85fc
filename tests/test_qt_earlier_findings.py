"""The walk-through of a surveillance visit lists the earlier nonconformities to check again."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402

from brandmark.ui.qt_earlier_findings import STATE_COLOURS  # noqa: E402
from test_earlier_findings import VISITOR, certificate_with_history, clock, register  # noqa: E402,F401


def test_the_visit_page_shows_earlier_findings_and_opens_their_item(qtbot, open_page, register, tmp_path):
    cert, initial, first = certificate_with_history(register)
    second = register.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    page = open_page(register, second, user=VISITOR)
    panel = page.earlier_findings
    assert panel.isVisible() and panel.table.isVisible() and not panel.empty.isVisible()
    assert panel.table.rowCount() == 2
    assert "2" in panel.toggle.text() and "1" in panel.toggle.text()      # two, one still open
    table = panel.table
    assert table.item(0, 0).text().startswith(f"#{initial}") and table.item(1, 0).text().startswith(f"#{first}")
    assert table.item(0, 4).foreground().color() == STATE_COLOURS["closed"]
    assert table.item(1, 4).foreground().color() == STATE_COLOURS["open"]
    assert "受控文件清单未更新" in table.item(1, 5).text()
    # The visit starts on product testing; a row opens its item in the audit stage.
    assert page.stage == "testing"
    rect = table.visualItemRect(table.item(1, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert (page.stage, page.current_item_id) == ("audit", "C1")
    # Folded to one line, it gives the room back to the item form.
    panel.toggle.click()
    assert not table.isVisible() and panel.toggle.isVisible()
    panel.toggle.click()
    assert table.isVisible()


def test_the_empty_first_visit_says_so(qtbot, open_page, register):
    from test_certificates_support import decided_assessment
    cert = register.certificates.issue(decided_assessment(register))
    first = register.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    page = open_page(register, first, user=VISITOR)
    panel = page.earlier_findings
    assert panel.isVisible() and panel.empty.isVisible() and not panel.table.isVisible()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_panel_speaks_the_window_language(qtbot, open_page, qapp, register, language):
    from brandmark.ui.qt_i18n import install_translators
    cert, _initial, _first = certificate_with_history(register)
    second = register.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    install_translators(qapp, language)
    try:
        page = open_page(register, second, user=VISITOR, language=language)
        toggle, state = page.earlier_findings.toggle.text(), page.earlier_findings.table.item(1, 4).text()
        header = page.header.text()
        folder = os.environ.get("BRANDMARK_SCREENSHOTS")
        if folder:
            page.grab().save(os.path.join(folder, f"earlier-findings-{language}.png"))
    finally:
        install_translators(qapp, "en")
    # The header names what the page is for: a visit of this certificate, not "certification".
    if language == "zh_CN":
        assert toggle.startswith("以往不符合项") and state.startswith("未关闭 · 期限")
        assert f"监督审核（证书 {cert['number']}）" in header and "认证评审" not in header
    else:
        assert toggle.startswith("Earlier nonconformities") and state.startswith("open · due")
        assert f"surveillance visit of certificate {cert['number']}" in header and "certification" not in header


def test_an_initial_assessment_has_no_panel(qtbot, open_page, register):
    _cert, initial, _first = certificate_with_history(register)
    page = open_page(register, initial)
    assert not page.earlier_findings.isVisible()


def test_the_earlier_findings_export_as_the_panel_lists_them(qtbot, open_page, register, tmp_path, monkeypatch):
    """E&xport earlier nonconformities… writes the panel's rows, in its order, through the
    register export (``export findings --earlier-of``), the closed one included."""
    from python_calamine import CalamineWorkbook

    from brandmark.cli import main
    from brandmark.ui import qt_file_dialogs

    cert, initial, first = certificate_with_history(register)
    second = register.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    page = open_page(register, second, user=VISITOR)
    panel = page.earlier_findings
    shown = [panel.table.item(row, 0).text().split()[0] for row in range(panel.table.rowCount())]
    assert shown == [f"#{initial}", f"#{first}"] and panel.export_button.isEnabled()
    assert "&x" in panel.export_button.text().lower()
    target = tmp_path / "earlier.xlsx"
    monkeypatch.setattr(qt_file_dialogs, "save_file_name", lambda *_a, **_k: (str(target), ""))
    panel.export_button.click()
    qtbot.waitUntil(lambda: target.exists() and page.earlier_findings_exporter.last_result is not None,
                    timeout=30_000)
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert [f"#{int(row[1])}" for row in rows[1:]] == shown
    assert [row[rows[0].index("验证内容")] for row in rows[1:]] == ["文件控制程序已修订", ""]
    # The same rows from the command line.
    register.close()
    assert main(["--db", str(register.path), "export", "findings", "--earlier-of", str(second), "--lang", "en",
                 "-o", str(tmp_path / "earlier.csv")]) == 0
    lines = (tmp_path / "earlier.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == [str(initial), str(first)]
