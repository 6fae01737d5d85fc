"""Issue 11 §1: nothing in the walk-through changes without the assessor meaning it.

Through the real widgets (pytest-qt, offscreen): stray typing anywhere on the page but the
current item's answer area changes no answer and logs no event; in the answer area the
same keys answer the item the area names.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


# What a person types when a file dialog did not open: a path, then the answer letters.
STRAY = "/home/zhang/reports/pfn-2026.pdf" + "pfnPFNcmj0123456789-."


def event_count(store) -> int:
    return store.conn.execute("SELECT count(*) FROM events").fetchone()[0]


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    for character in text:
        qtbot.keyClick(widget, character)


@pytest.mark.parametrize("target", ["item_list", "stage_bar", "reasons", "page", "header"])
def test_stray_typing_outside_the_answer_area_changes_nothing(qtbot, open_page, mini_store, mini_assessment, target):
    """Under Xvfb, the letters of a path typed when a dialog did not open went to the page:
    p/f/n turned the veto item into 不通过 and logged five changes."""
    page = open_page(mini_store, mini_assessment)
    assert page.current_item_id == "V1"              # a veto item, where F means fail
    widget = {"item_list": page.item_list, "stage_bar": page.stage_bar,
              "reasons": page.score_panel.reasons, "page": page, "header": page.header}[target]
    before = event_count(mini_store)
    type_into(qtbot, widget, STRAY)
    assert mini_store.assessments.answers(mini_assessment) == {}
    assert event_count(mini_store) == before
    # Whatever item the typing may have walked to, it is unanswered too.
    assert page.form.editor.value() is None


def test_stray_typing_on_a_test_item_types_no_value(qtbot, open_page, mini_store, mini_assessment):
    page = open_page(mini_store, mini_assessment)
    page.go_to_item("T2")
    before = event_count(mini_store)
    type_into(qtbot, page.stage_bar, "0.31")
    qtbot.keyClick(page.stage_bar, Qt.Key.Key_Return)
    assert [field.text() for field in page.form.editor.fields] == ["", ""]
    assert mini_store.assessments.answers(mini_assessment) == {}
    assert event_count(mini_store) == before


def test_answer_keys_act_in_the_answer_area_which_names_the_item(qtbot, open_page, mini_store, mini_assessment):
    page = open_page(mini_store, mini_assessment)
    assert page.form.focus_answer()
    area = page.form.answer_area
    assert area.isAncestorOf(QApplication.focusWidget())
    # The area says which item the keys change while it has the focus.
    assert "V1" in page.form.key_hint.text() and "营业执照有效" in page.form.key_hint.text()
    assert "#1565c0" in area.styleSheet()
    before = event_count(mini_store)
    qtbot.keyClick(QApplication.focusWidget(), "f")
    assert mini_store.assessments.answers(mini_assessment)["V1"]["value"] == "fail"
    assert event_count(mini_store) == before + 1
    # Walking on with the focus in the answer area keeps it there, on the next item.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert page.current_item_id == "T1"
    assert page.form.answer_has_focus() and "T1" in page.form.key_hint.text()
    # Leaving the area for the item list: the frame and the item's name go.
    page.item_list.setFocus()
    assert "T1" not in page.form.key_hint.text()
    assert "#1565c0" not in area.styleSheet()


def test_a_key_for_an_item_no_longer_shown_changes_nothing(qtbot, open_page, mini_store, mini_assessment):
    """The key reaches the page's handler only for the item the answer area shows."""
    page = open_page(mini_store, mini_assessment)
    page.form.focus_answer()
    page.current_item_id = "C1"          # the page moved on while the form still shows V1
    assert page.press_answer_key("F") is False
    assert mini_store.assessments.answers(mini_assessment) == {}


def test_with_nobody_signed_in_an_answer_is_refused_not_credited_to_the_assessor(
        qtbot, open_page, mini_store, mini_assessment, monkeypatch):
    """The page used to fall back to the assessment's assessor when nobody was signed in, so
    the event log credited 张三 with answers someone else gave."""
    page = open_page(mini_store, mini_assessment)
    page.context.user_name = ""
    shown = []
    monkeypatch.setattr(page.context, "show_refusal", lambda parent, title, exc: shown.append(exc))
    before = event_count(mini_store)
    page.form.focus_answer()
    qtbot.keyClick(QApplication.focusWidget(), "p")
    assert mini_store.assessments.answers(mini_assessment) == {}
    assert event_count(mini_store) == before
    assert shown, "the refusal is shown"
