"""The applicant dialog: live credit-code check, refusals shown in the dialog, nothing
saved on refusal; saving and editing go through the store."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QLabel  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_applicant_dialog import QtApplicantDialog  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

pytestmark = pytest.mark.gui
GOOD = make_uscc("91", "330106", "MA2B3C4D")
BAD = GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1")      # wrong check character


@pytest.fixture
def context(qapp):
    store = Store(":memory:", load_bundled_packs=False)
    context = QtAppContext(store)
    context.language = "en"
    context.user_name = "张三"
    yield context
    store.close()


def events(context) -> int:
    return context.store.db.execute("SELECT count(*) FROM events").fetchone()[0]


def fill(dialog, name="杭州西湖电器有限公司", code=GOOD, region="hangzhou"):
    dialog.name_edit.setText(name)
    dialog.code_edit.setText(code)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData(region))
    dialog.address_edit.setText("杭州市西湖区 文三路 1 号")
    dialog.industry_edit.setText("家用电器")
    dialog.contact_edit.setText("李四 0571-12345678")


def test_bad_code_is_explained_under_the_field_as_typed(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    dialog.code_edit.setText(BAD)
    assert "check character" in dialog.code_message.text()
    assert f"should be '{GOOD[-1]}'" in dialog.code_message.text()
    assert "校验位" not in dialog.code_message.text()        # only the English half in English
    dialog.code_edit.setText(GOOD.lower())
    assert GOOD in dialog.code_message.text()


def test_bad_code_is_refused_and_nothing_is_saved(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, code=BAD)
    before = events(context)
    with qtbot.assertNotEmitted(context.changed):
        dialog.save()
    assert dialog.isVisible() and dialog.result() == 0
    assert context.store.applicants.count() == 0
    assert events(context) == before
    # The reason is said once, under the field, which is marked and has the focus (it was
    # said a second time above the buttons).
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert sum("check character" in text for text in shown) == 1, shown
    assert "check character" in dialog.code_message.text() and dialog.error_label.isHidden()
    assert dialog.code_edit.property("invalid") is True and dialog.focusWidget() is dialog.code_edit


def test_a_bad_code_with_another_problem_says_only_the_other_above_the_buttons(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, name="   ", code=BAD)
    dialog.save()
    assert "must not be empty" in dialog.error_label.text()
    assert "check character" not in dialog.error_label.text()
    assert "check character" in dialog.code_message.text()


def test_a_valid_code_fills_the_region_until_the_user_picks_one(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code_edit, make_uscc("91", "330106", "MA2B3C4D"))
    assert dialog.region_combo.currentData() == "hangzhou"
    assert "330106" in dialog.region_note.text() and dialog.region_note.isVisible()
    dialog.code_edit.setText(make_uscc("91", "331102", "MA2B3C4D"))
    assert dialog.region_combo.currentData() == "lishui"
    # The user picks another: later code edits leave it.
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("ningbo"))
    dialog.region_combo.activated.emit(dialog.region_combo.currentIndex())
    dialog.code_edit.setText(make_uscc("91", "330106", "MA2B3C4E"))
    assert dialog.region_combo.currentData() == "ningbo" and not dialog.region_note.isVisible()
    dialog.name_edit.setText("宁波某公司")
    dialog.save()
    assert context.store.applicants.get(dialog.applicant_id)["region"] == "ningbo"


def test_the_region_from_the_code_is_saved_when_left(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("丽水某公司")
    qtbot.keyClicks(dialog.code_edit, make_uscc("91", "331102", "MA2B3C4D"))
    dialog.save()
    assert context.store.applicants.get(dialog.applicant_id)["region"] == "lishui"


def test_empty_name_is_refused_by_the_core(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, name="   ")
    dialog.save()
    assert "must not be empty" in dialog.error_label.text()
    assert context.store.applicants.count() == 0


def test_good_applicant_is_saved_with_every_field(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, code=" " + GOOD.lower()[:9] + "-" + GOOD.lower()[9:])
    with qtbot.waitSignal(context.changed) as signal:
        dialog.save()
    assert signal.args == ["applicants"]
    assert dialog.result() == 1
    row = context.store.applicants.get(dialog.applicant_id)
    assert (row["name"], row["uscc"], row["region"], row["industry"]) == (
        "杭州西湖电器有限公司", GOOD, "hangzhou", "家用电器")
    assert row["contact"] == "李四 0571-12345678"


def test_duplicate_code_is_refused_naming_the_holder(context, qtbot):
    first = context.store.applicants.add(name="甲公司", uscc=GOOD)
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, name="乙公司")
    dialog.save()
    assert f"#{first}" in dialog.error_label.text() and "甲公司" in dialog.error_label.text()
    assert context.store.applicants.count() == 1


def test_edit_loads_the_record_and_saves_changes(context, qtbot):
    applicant_id = context.store.applicants.add(name="甲公司", uscc=GOOD, region="宁波")
    dialog = QtApplicantDialog(context, applicant_id=applicant_id)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "甲公司"
    assert dialog.region_combo.currentData() == "ningbo"
    dialog.region_combo.setCurrentIndex(0)              # "(not given)"
    dialog.name_edit.setText("甲公司（更名）")
    dialog.save()
    row = context.store.applicants.get(applicant_id)
    assert row["name"] == "甲公司（更名）" and row["region"] is None


def test_region_list_has_the_eleven_cities_and_outside(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    regions = [dialog.region_combo.itemData(i) for i in range(dialog.region_combo.count())]
    assert regions[0] is None and len(regions) == 13 and regions[-1] == "outside"


def test_the_field_a_refusal_names_is_marked_until_edited(context, qtbot):
    dialog = QtApplicantDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, name="   ")
    dialog.save()
    assert dialog.name_edit.property("invalid") is True
    assert dialog.code_edit.property("invalid") is not True
    qtbot.keyClicks(dialog.name_edit, "A")
    assert dialog.name_edit.property("invalid") is False and dialog.error_label.isHidden()
