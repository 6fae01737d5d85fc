"""The item editors, the radar and the score panel, one at a time (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage, QColor  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from brandmark.packs.model import Item, Level  # noqa: E402
from brandmark.scoring.gbt8170 import judge  # noqa: E402
from brandmark.ui.qt_item_editors import (  # noqa: E402
    TEST_DEBOUNCE_MS, QtChoiceEditor, QtPointsEditor, localized, make_editor,
)
from brandmark.ui.qt_radar import QtRadarChart  # noqa: E402
from brandmark.ui.qt_score_panel import QtScorePanel  # noqa: E402
from support import new_certification_assessment

VETO_ITEM = Item(id="V1", kind="veto", section_id="s", title="营业执照有效", title_en="Valid licence")
CONFORMITY_ITEM = Item(id="C1", kind="conformity", section_id="s", title="文件控制")
POINTS_ITEM = Item(id="P1", kind="points", section_id="s", title="研发投入", target=2,
                   levels=(Level(0, "无", "none"), Level(1, "低"), Level(2, "中", "medium"), Level(3, "高", "high")))
ROUNDED_TEST = Item(id="T1", kind="test", section_id="s", title="热效率", quantity="热效率", unit="%",
                    limit=">=97.0", method="rounded")
FULL_TEST = Item(id="T1", kind="test", section_id="s", title="热效率", quantity="热效率", unit="%",
                 limit=">=97.0", method="full")
TWO_SAMPLES = Item(id="T2", kind="test", section_id="s", title="泄漏电流", unit="mA", limit="<=0.25", samples=2)


def editor_for(qtbot, item, language="zh_CN"):
    editor = make_editor(item, language)
    qtbot.addWidget(editor)
    editor.show()
    values = []
    editor.answered.connect(values.append)
    return editor, values


def test_localized_prefers_the_language_and_falls_back_to_chinese():
    assert localized("中文", "English", "zh_CN") == "中文"
    assert localized("中文", "English", "en") == "English"
    assert localized("中文", "", "en") == "中文"


def test_veto_editor_clicks_keys_clear_and_no_repeat(qtbot):
    editor, values = editor_for(qtbot, VETO_ITEM)
    assert isinstance(editor, QtChoiceEditor)
    qtbot.mouseClick(editor.buttons["pass"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.buttons["pass"], Qt.MouseButton.LeftButton)   # same answer: nothing new
    assert editor.press_key("f") and editor.press_key("3")
    assert not editor.press_key("M")                                     # not a veto key
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert values == ["pass", "fail", "na", None]
    assert not any(b.isChecked() for b in editor.buttons.values())
    assert "P" in editor.buttons["pass"].toolTip() and "1" in editor.buttons["pass"].toolTip()


def test_conformity_editor_has_four_choices_by_number_and_letter(qtbot):
    editor, values = editor_for(qtbot, CONFORMITY_ITEM)
    for key in ("1", "2", "3", "4", "C", "M", "J", "N"):
        editor.set_value(None)
        assert editor.press_key(key)
    assert values == ["conform", "minor", "major", "na"] * 2


def test_set_value_shows_without_emitting_and_read_only_refuses(qtbot):
    editor, values = editor_for(qtbot, CONFORMITY_ITEM)
    editor.set_value("minor")
    assert editor.buttons["minor"].isChecked() and values == []
    editor.set_read_only(True)
    assert not editor.buttons["major"].isEnabled()
    editor.press_key("J")
    assert values == [] and editor.value() == "minor" and editor.buttons["minor"].isChecked()


def test_points_editor_levels_show_descriptors_and_answer_by_key_or_row(qtbot):
    editor, values = editor_for(qtbot, POINTS_ITEM, language="en")
    assert isinstance(editor, QtPointsEditor)
    descriptors = [row.findChildren(QLabel)[0].text() for row in editor.rows]
    assert descriptors[0] == "none" and descriptors[1] == "低"          # no English: Chinese shows
    assert "(target)" in descriptors[2] and "(target)" not in descriptors[3]
    assert editor.press_key("3")
    assert not editor.press_key("4")                                   # above the highest level
    # A click on the descriptor's row picks its level too.
    qtbot.mouseClick(editor.rows[1], Qt.MouseButton.LeftButton)
    assert editor.press_key("N")
    assert values == [3, 1, "na"]
    assert editor.buttons[3].toolTip().startswith("Level 3: high")


def test_test_editor_live_verdict_differs_by_method(qtbot):
    rounded, rounded_values = editor_for(qtbot, ROUNDED_TEST)
    full, full_values = editor_for(qtbot, FULL_TEST)
    for editor in (rounded, full):
        qtbot.keyClicks(editor.fields[0], "96.96")
    # 修约值比较法: 96.96 → 97.0 meets ≥97.0; 全数值比较法: 96.96 does not.
    assert "compared 97.0" in rounded.sample_verdicts[0].text() and "PASS" in rounded.verdict_label.text()
    assert "compared 96.96" in full.sample_verdicts[0].text() and "FAIL" in full.verdict_label.text()
    assert judge(">=97.0", "96.96", "rounded").passed and not judge(">=97.0", "96.96").passed
    for editor in (rounded, full):
        qtbot.keyClick(editor.fields[0], Qt.Key.Key_Return)
    assert rounded_values == ["96.96"] and full_values == ["96.96"]
    assert any("修约值比较法" in label.text() for label in rounded.findChildren(QLabel))
    assert any("全数值比较法" in label.text() for label in full.findChildren(QLabel))


def test_test_editor_keeps_a_partial_measurement_and_refuses_non_numbers(qtbot):
    editor, values = editor_for(qtbot, TWO_SAMPLES)
    qtbot.keyClicks(editor.fields[0], "0.20")
    qtbot.keyClick(editor.fields[0], Qt.Key.Key_Return)
    # Kept as incomplete (issue 11 §1: a partly typed measurement was dropped), said so.
    assert values == [["0.20", None]] and "Incomplete: 1 of 2 samples missing" in editor.verdict_label.text()
    qtbot.keyClicks(editor.fields[1], "abc")
    qtbot.keyClick(editor.fields[1], Qt.Key.Key_Return)
    assert values == [["0.20", None]] and "not a number" in editor.sample_verdicts[1].text()
    editor.fields[1].clear()
    qtbot.keyClicks(editor.fields[1], "0.26")
    qtbot.keyClick(editor.fields[1], Qt.Key.Key_Return)
    assert values[-1] == ["0.20", "0.26"] and "FAIL" in editor.verdict_label.text()
    # Emptying every field clears the answer.
    for field in editor.fields:
        field.clear()
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert values[-1] is None


def test_test_editor_not_applicable_and_debounce(qtbot):
    editor, values = editor_for(qtbot, FULL_TEST)
    assert editor.press_key("N")
    assert values == ["na"] and not editor.fields[0].isEnabled()
    editor.press_key("N")
    assert values == ["na", None]
    with qtbot.waitSignal(editor.answered, timeout=TEST_DEBOUNCE_MS * 4) as blocker:
        qtbot.keyClicks(editor.fields[0], "97.5")
    assert blocker.args == ["97.5"]


def test_test_editor_shows_a_stored_list_per_sample(qtbot):
    editor, values = editor_for(qtbot, TWO_SAMPLES)
    editor.set_value(["0.20", "0.31"])
    assert [f.text() for f in editor.fields] == ["0.20", "0.31"] and values == []
    assert "FAIL" in editor.verdict_label.text()


def test_radar_paints_the_polygon_in_proportion(qtbot):
    radar = QtRadarChart()
    qtbot.addWidget(radar)
    radar.resize(300, 260)
    radar.set_axes([("a", 1.0), ("b", 1.0), ("c", 1.0)])
    full = radar.grab().toImage()
    radar.set_axes([("a", 0.1), ("b", 0.1), ("c", 0.1)])
    small = radar.grab().toImage()

    def filled(image: QImage) -> int:
        blue = QColor("#1565c0")
        count = 0
        for y in range(0, image.height(), 2):
            for x in range(0, image.width(), 2):
                c = image.pixelColor(x, y)
                if c.blue() > c.red() + 40 and abs(c.blue() - blue.blue()) < 120:
                    count += 1
        return count

    assert filled(full) > 10 * filled(small) > 0


def test_score_panel_shows_the_store_result(qtbot, mini_store, applicant, mini_grant_answers):
    store = mini_store
    aid = new_certification_assessment(store, applicant, "mini", assessor="张三")
    store.assessments.answer_many(aid, dict(mini_grant_answers, T1="96.0", C1="minor"), by="张三")
    result = store.assessments.score(aid)
    panel = QtScorePanel()
    qtbot.addWidget(panel)
    panel.show_result(result, store.assessments.pack_for(aid), "zh_CN")
    assert "Refuse" in panel.verdict_label.text()
    assert "minor 1" in panel.nc_label.text() and "awaiting corrective action 1" in panel.nc_label.text()
    texts = [panel.reasons.item(i).text() for i in range(panel.reasons.count())]
    assert any(t.startswith("Test failed: 热效率") and "96.0" in t for t in texts)
    assert any("Minor nonconformity" in t and "文件控制" in t for t in texts)
    bars = panel.section_bars
    assert set(bars) == {s.id for s in result.sections if s.max > 0}
    tests = next(s for s in result.sections if s.id == "tests")
    assert bars["tests"].value() == round(tests.score / tests.max * 1000)
    assert bars["tests"].format() == f"{tests.score:.1f} / {tests.max:.1f}"
    with qtbot.waitSignal(panel.item_requested) as blocker:
        first = panel.reasons.item(0)
        panel.reasons.itemClicked.emit(first)
    assert blocker.args == [first.data(Qt.ItemDataRole.UserRole)]
