"""The walk-through page driven through its real widgets (pytest-qt, offscreen).

A full assessment on the compact mini pack (keys and clicks, a minor NC with its
finding, a failed then corrected test, undo/redo, the decision by a second person),
and a run through every item of the bundled zhejiang-made pack.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO  # noqa: E402
from brandmark.scoring.gbt8170 import parse_limit  # noqa: E402
from brandmark.scoring.item_status import item_status  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_item_editors import QtTestEditor  # noqa: E402
from support import new_certification_assessment

ASSESSOR = "张三"
DECIDER = "李四"


def key(qtbot, page, name, modifier=Qt.KeyboardModifier.NoModifier):
    """Press a key where the assessor works: the current item's answer area (the only place
    answer keys act), or the item list when there is no answer to give (the summary)."""
    if not page.form.isVisible() or not page.form.focus_answer():
        page.item_list.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), name, modifier)


def list_key(qtbot, page, name, modifier=Qt.KeyboardModifier.NoModifier):
    """Press a key with the focus on the item list."""
    page.item_list.setFocus()
    qtbot.keyClick(page.item_list, name, modifier)


def type_samples(qtbot, page, values):
    editor = page.form.editor
    assert isinstance(editor, QtTestEditor)
    for field, value in zip(editor.fields, values):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, value)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    return editor


def stored(store, assessment_id, item_id):
    row = store.assessments.answers(assessment_id).get(item_id)
    return row["value"] if row else None


def verdict_text(page) -> str:
    return page.score_panel.verdict_label.text()


def test_full_walk_through_with_keys_clicks_undo_and_decision(qtbot, open_page, mini_store, mini_assessment):
    store, aid = mini_store, mini_assessment
    page = open_page(store, aid)
    assert page.stage == "application" and page.current_item_id == "V1"
    assert "Incomplete" in verdict_text(page)

    # Application review: P answers the veto item; the icon in the list follows.
    key(qtbot, page, Qt.Key.Key_P)
    assert stored(store, aid, "V1") == "pass"
    assert item_status(page.pack.item("V1"), page.answers["V1"]["code"]) == "pass"

    # Ctrl+Down walks on into product testing; the stage is saved with the assessment.
    key(qtbot, page, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert (page.stage, page.current_item_id) == ("testing", "T1")
    assert store.assessments.get(aid)["stage"] == "testing"

    # T1 (>=97.0, rounded method): 96.96 rounds to 97.0 and passes — shown live, then saved.
    editor = page.form.editor
    qtbot.keyClicks(editor.fields[0], "96.96")
    assert "97.0" in editor.sample_verdicts[0].text()
    assert "PASS" in editor.verdict_label.text()
    assert stored(store, aid, "T1") is None             # typed, not yet saved
    qtbot.keyClick(editor.fields[0], Qt.Key.Key_Return)
    assert stored(store, aid, "T1") == "96.96"

    # T2 (<=0.25, two samples): the second sample fails; the product test fails.
    key(qtbot, page, Qt.Key.Key_PageDown)
    assert page.current_item_id == "T2"
    editor = type_samples(qtbot, page, ["0.20", "0.31"])
    assert "FAIL" in editor.verdict_label.text()
    assert stored(store, aid, "T2") == ["0.20", "0.31"]
    # A failed test refuses even before the rest is answered: the preview says so at once.
    assert page.result.verdict == "refuse" and "Refuse" in verdict_text(page)
    assert any(r.rule == "test_fail" and r.item == "T2" for r in page.result.reasons)

    # Factory audit: a minor NC with its finding details, then a conforming item by key.
    key(qtbot, page, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert (page.stage, page.current_item_id) == ("audit", "C1")
    qtbot.mouseClick(page.form.editor.buttons["minor"], Qt.MouseButton.LeftButton)
    assert stored(store, aid, "C1") == "minor"
    findings = page.form.findings
    assert findings.isVisible() and findings.finding is not None
    findings.description.setPlainText("温控器采购无进货检验记录")
    findings.corrective_action.setPlainText("补建进货检验规程并培训检验员")
    qtbot.mouseClick(findings.save_button, Qt.MouseButton.LeftButton)
    row = store.assessments.findings(aid)[0]
    assert (row["item_id"], row["grade"], row["status"]) == ("C1", "minor", "open")
    assert row["description"] == "温控器采购无进货检验记录"
    assert row["corrective_action"] == "补建进货检验规程并培训检验员"
    assert row["deadline"] == "2026-03-31"              # the pack's 30 days from the fixed clock
    key(qtbot, page, Qt.Key.Key_PageDown)
    assert page.current_item_id == "C2"
    key(qtbot, page, Qt.Key.Key_1)
    assert stored(store, aid, "C2") == "conform"

    # Characteristics: a level key, then a level button.
    key(qtbot, page, Qt.Key.Key_PageDown)
    assert (page.stage, page.current_item_id) == ("characteristics", "P1")
    key(qtbot, page, Qt.Key.Key_3)
    assert stored(store, aid, "P1") == 3
    key(qtbot, page, Qt.Key.Key_PageDown)
    qtbot.mouseClick(page.form.editor.buttons[2], Qt.MouseButton.LeftButton)
    assert stored(store, aid, "P2") == 2

    # Everything answered: the failed test refuses; its reason leads back to it.
    assert page.result.verdict == "refuse"
    assert "Refuse" in verdict_text(page)
    reasons = page.score_panel.reasons
    t2_row = next(reasons.item(i) for i in range(reasons.count()) if reasons.item(i).data(Qt.ItemDataRole.UserRole) == "T2")
    reasons.itemClicked.emit(t2_row)
    assert (page.stage, page.current_item_id) == ("testing", "T2")
    type_samples(qtbot, page, ["0.20", "0.24"])
    assert stored(store, aid, "T2") == ["0.20", "0.24"]
    # The open minor NC now decides the preview: grant after corrective action.
    assert page.result.verdict == "conditional"
    assert "corrective action" in verdict_text(page)

    # Undo puts the failing value back in the store, redo the corrected one (from the item
    # list: in a measured value's field Ctrl+Z undoes the typing, as in any text field).
    list_key(qtbot, page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(store, aid, "T2") == ["0.20", "0.31"]
    assert page.result.verdict == "refuse"
    assert [f.text() for f in page.form.editor.fields] == ["0.20", "0.31"]
    list_key(qtbot, page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(store, aid, "T2") == ["0.20", "0.24"]
    assert page.result.verdict == "conditional"

    # Verifying the corrective action closes the finding: the preview becomes grant.
    page.go_to_item("C1")
    findings = page.form.findings
    assert findings.close_button.isEnabled()
    qtbot.mouseClick(findings.close_button, Qt.MouseButton.LeftButton)
    assert store.assessments.findings(aid)[0]["status"] == "open"     # asks for the verification first
    findings.verification_dialog.checked.setPlainText("现场查看进货检验规程及培训记录")
    findings.verification_dialog.evidence.setPlainText("规程 QP-07，培训签到表")
    qtbot.mouseClick(findings.verification_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert store.assessments.findings(aid)[0]["status"] == "closed"
    assert page.result.verdict == "grant"
    assert "Grant" in verdict_text(page)

    # Summary: the assessor cannot decide; a second person can.
    page.go_to_stage("summary")
    assert store.assessments.get(aid)["stage"] == "summary"
    assert page.summary.decide_button.isEnabled()
    qtbot.mouseClick(page.summary.decide_button, Qt.MouseButton.LeftButton)
    dialog = page.decision_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.decider.text() == ""                    # the assessor's own name is not offered
    dialog.decider.setText("张 三")                       # same person, spaced differently
    dialog.choices["grant"].setChecked(True)
    assert not dialog.ok_button.isEnabled()
    assert "ISO/IEC 17065" in dialog.warning.text()
    dialog.accept()                                       # even forced, nothing is recorded
    assert store.assessments.decision(aid) is None
    dialog.decider.clear()
    dialog.decider.insert(DECIDER)         # QTest cannot type CJK keys; insert() is what an IME commits
    assert dialog.ok_button.isEnabled() and dialog.warning.text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    decision = store.assessments.decision(aid)
    assert (decision["decision"], decision["decided_by"], decision["verdict"]) == ("grant", DECIDER, "grant")
    assert store.assessments.get(aid)["status"] == "decided"
    assert page.read_only and page.banner.isVisible()
    assert DECIDER in page.summary.decision_label.text()
    assert not page.decide_action.isEnabled() and not page.undo_action.isEnabled()


def test_decided_assessment_opens_read_only(qtbot, open_page, mini_store, mini_assessment, mini_grant_answers):
    store, aid = mini_store, mini_assessment
    store.assessments.answer_many(aid, mini_grant_answers, by=ASSESSOR)
    store.assessments.decide(aid, "grant", by=DECIDER)
    page = open_page(store, aid)
    assert page.read_only and page.stage == "summary" and page.banner.isVisible()
    page.go_to_item("C1")
    editor = page.form.editor
    assert not editor.buttons["major"].isEnabled()
    key(qtbot, page, Qt.Key.Key_J)                          # would be "major" on an open assessment
    editor.press_key("J")
    assert stored(store, aid, "C1") == "conform"
    assert not page.form.attach_button.isEnabled()
    assert not page.form.acceptDrops()


def test_answers_survive_a_crash_and_the_stage_is_restored(qtbot, open_page, mini_store, mini_assessment, tmp_path):
    store, aid = mini_store, mini_assessment
    page = open_page(store, aid)
    key(qtbot, page, Qt.Key.Key_F)
    page.form.note.setFocus()
    page.form.note.insertPlainText("执照已过期")
    page.go_to_stage("audit")                   # leaving the item saves the note
    key(qtbot, page, Qt.Key.Key_M)
    # A second connection, as after a crash and restart, sees every answer already.
    with Store(store.path) as other:
        answers = other.assessments.answers(aid)
        assert answers["V1"]["value"] == "fail" and answers["V1"]["note"] == "执照已过期"
        assert answers["C1"]["value"] == "minor"
        assert other.assessments.get(aid)["stage"] == "audit"
    page.close()
    again = open_page(store, aid)
    assert (again.stage, again.current_item_id) == ("audit", "C2")   # the first unanswered item


def test_pending_test_value_is_saved_when_the_page_is_left(qtbot, open_page, mini_store, mini_assessment):
    store, aid = mini_store, mini_assessment
    page = open_page(store, aid)
    page.go_to_item("T1")
    qtbot.keyClicks(page.form.editor.fields[0], "98.2")
    assert stored(store, aid, "T1") is None
    page.hide()
    assert stored(store, aid, "T1") == "98.2"


def test_debounced_test_value_saves_without_leaving_the_field(qtbot, open_page, mini_store, mini_assessment):
    store, aid = mini_store, mini_assessment
    page = open_page(store, aid)
    page.go_to_item("T1")
    editor = page.form.editor
    with qtbot.waitSignal(editor.answered, timeout=3000):
        qtbot.keyClicks(editor.fields[0], "97.3")
    assert stored(store, aid, "T1") == "97.3"
    # Typing on in the same field is one undo step, not one per pause.
    with qtbot.waitSignal(editor.answered, timeout=3000):
        qtbot.keyClicks(editor.fields[0], "5")
    qtbot.keyClick(editor.fields[0], Qt.Key.Key_Return)
    assert stored(store, aid, "T1") == "97.35"
    page.undo()
    assert stored(store, aid, "T1") is None


def test_invalid_measured_value_is_explained_and_not_saved(qtbot, open_page, mini_store, mini_assessment):
    store, aid = mini_store, mini_assessment
    page = open_page(store, aid)
    page.go_to_item("T1")
    editor = page.form.editor
    qtbot.keyClicks(editor.fields[0], "97,1")
    qtbot.keyClick(editor.fields[0], Qt.Key.Key_Return)
    assert stored(store, aid, "T1") is None
    assert "not a number" in editor.sample_verdicts[0].text()
    assert "Not saved" in editor.verdict_label.text()


def test_reason_and_summary_rows_jump_to_their_items(qtbot, open_page, mini_store, mini_assessment, mini_grant_answers):
    store, aid = mini_store, mini_assessment
    answers = dict(mini_grant_answers, C2="major")
    store.assessments.answer_many(aid, answers, by=ASSESSOR)
    page = open_page(store, aid)
    page.go_to_stage("summary")
    reasons = page.score_panel.reasons
    major = next(reasons.item(i) for i in range(reasons.count())
                 if reasons.item(i).data(Qt.ItemDataRole.UserRole) == "C2")
    assert "Major nonconformity" in major.text() and "采购控制" in major.text()
    reasons.itemClicked.emit(major)
    assert (page.stage, page.current_item_id) == ("audit", "C2")
    page.go_to_stage("summary")
    tests = page.summary.tests
    row = next(r for r in range(tests.rowCount()) if tests.item(r, 0).data(Qt.ItemDataRole.UserRole) == "T2")
    assert tests.item(row, 1).text() == "0.20, 0.21"
    tests.cellClicked.emit(row, 0)
    assert (page.stage, page.current_item_id) == ("testing", "T2")


def test_evidence_by_picker_and_by_drop_is_stored_with_its_hash(qtbot, open_page, mini_store, mini_assessment, tmp_path,
                                                                 monkeypatch):
    store, aid = mini_store, mini_assessment
    report = tmp_path / "检验报告.pdf"
    report.write_bytes(b"%PDF-1.4 test report")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    page = open_page(store, aid)
    page.go_to_item("T1")

    from brandmark.ui import qt_file_dialogs
    monkeypatch.setattr(qt_file_dialogs, "open_file_names", lambda *a, **k: ([str(report)], ""))
    qtbot.mouseClick(page.form.attach_button, Qt.MouseButton.LeftButton)

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    # QPoint: PySide6 before 6.12 accepts only QPoint here (6.12 takes either)
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    page.form.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    page.form.dropEvent(drop)      # Qt delivers drops only inside a real drag; the handler is the same

    rows = store.assessments.evidence(aid, "T1")
    assert [r["file_name"] for r in rows] == ["检验报告.pdf", "photo.jpg"]
    assert rows[0]["sha256"] == hashlib.sha256(report.read_bytes()).hexdigest()
    shown = [page.form.evidence_list.item(i).text() for i in range(page.form.evidence_list.count())]
    assert shown[0].startswith("检验报告.pdf") and rows[0]["sha256"][:12] in shown[0]
    assert rows[1]["sha256"][:12] in shown[1]

    # An unreadable file is refused with a message naming it; nothing is stored.
    monkeypatch.setattr(qt_file_dialogs, "open_file_names", lambda *a, **k: ([str(tmp_path / "missing.pdf")], ""))
    qtbot.mouseClick(page.form.attach_button, Qt.MouseButton.LeftButton)
    assert len(store.assessments.evidence(aid, "T1")) == 2
    assert "missing.pdf" in page.form.evidence_message.text()


def test_english_shows_english_texts_falling_back_to_chinese(qtbot, open_page, store, mini_store, mini_assessment):
    page = open_page(mini_store, mini_assessment, language="en")
    page.go_to_item("V1")
    assert page.form.title.text() == "营业执照有效"          # the mini pack has no English title here
    page.go_to_item("P2")
    labels = [row.findChildren(type(page.form.title))[0].text() for row in page.form.editor.rows]
    assert labels[1].startswith("some")
    applicant = store.applicants.add(name="某某电器有限公司", uscc="91350100M000100Y43", region="杭州")
    aid = new_certification_assessment(store, applicant, "zhejiang-made", assessor=ASSESSOR)
    english = open_page(store, aid, language="en")
    assert english.form.title.text() == "Business licence and unified social credit code"
    assert english.form.guidance.text().startswith("Check the original")
    chinese = open_page(store, aid, language="zh_CN")
    assert chinese.form.title.text() == "营业执照与统一社会信用代码"


def test_shortcuts_are_listed_for_the_menu_and_shown_in_tooltips(qtbot, open_page, mini_store, mini_assessment):
    page = open_page(mini_store, mini_assessment)
    texts = {a.text(): a for a in page.menu_actions}
    assert {"Next item", "Previous item", "Decide…"} <= set(texts)
    assert "Ctrl+Down" in texts["Next item"].toolTip() and "PgDown" in texts["Next item"].toolTip()
    assert all(not a.shortcut().isEmpty() for a in page.menu_actions)
    buttons = page.form.editor.findChildren(QPushButton)
    assert any("P" in b.toolTip() for b in buttons if b.text() == "Pass")


def passing_value(limit: str) -> str:
    parsed = parse_limit(limit)
    if parsed.low is not None and parsed.high is not None:
        return str((parsed.low + parsed.high) / 2)
    if parsed.low is not None:
        return str(parsed.low + 1)
    return str(parsed.high / 2 if parsed.high > 0 else parsed.high - 1)


def test_every_item_of_the_zhejiang_made_pack_by_keyboard(qtbot, open_page, store):
    applicant = store.applicants.add(name="某某电器有限公司", uscc="91350100M000100Y43", region="杭州")
    aid = new_certification_assessment(store, applicant, "zhejiang-made", assessor=ASSESSOR,
                                       product="电水壶")
    page = open_page(store, aid)
    pack = page.pack
    seen_stages = []
    walked = []
    while page.stage != "summary":
        item = page.current_item()
        walked.append(item.id)
        if page.stage not in seen_stages:
            seen_stages.append(page.stage)
        if item.kind == VETO:
            key(qtbot, page, Qt.Key.Key_P)
        elif item.kind == CONFORMITY:
            key(qtbot, page, Qt.Key.Key_C)
        elif item.kind == POINTS:
            target = item.max_level if item.target is None else item.target
            key(qtbot, page, getattr(Qt.Key, f"Key_{target}"))
        elif item.kind == TEST:
            type_samples(qtbot, page, [passing_value(item.limit)] * max(1, item.samples))
            assert "PASS" in page.form.editor.verdict_label.text(), item.id
        key(qtbot, page, Qt.Key.Key_PageDown)
    assert walked == [i.id for stage in ("application", "testing", "audit", "characteristics")
                      for s in pack.sections if s.stage == stage for i in s.items]
    assert seen_stages == ["application", "testing", "audit", "characteristics"]
    answers = store.assessments.answers(aid)
    assert len(answers) == len(pack.items())
    assert page.result.verdict == "grant"
    assert all(bar.value() > 0 for bar in page.score_panel.section_bars.values())
    assert page.summary.decide_button.isEnabled()
    page.decide()
    page.decision_dialog.decider.setText(DECIDER)
    page.decision_dialog.choices["grant"].setChecked(True)
    page.decision_dialog.accept()
    assert store.assessments.decision(aid)["decision"] == "grant"
    assert store.assessments.get(aid)["status"] == "decided"


def test_a_measured_value_at_the_limit_judged_by_each_method(qtbot, open_page, store):
    """The live verdict agrees with the store's scoring for every test item of the real pack."""
    applicant = store.applicants.add(name="某某电器有限公司", uscc="91350100M000100Y43", region="杭州")
    aid = new_certification_assessment(store, applicant, "zhejiang-made", assessor=ASSESSOR)
    page = open_page(store, aid)
    for item in [i for i in page.pack.items() if i.kind == TEST]:
        page.go_to_item(item.id)
        parsed = parse_limit(item.limit)
        edge = (parsed.high if parsed.high is not None else parsed.low) + Decimal("0.004")
        editor = type_samples(qtbot, page, [str(edge)] * max(1, item.samples))
        live_pass = "PASS" in editor.verdict_label.text()
        scored = next(t for t in store.assessments.score(aid).tests if t.item == item.id)
        assert live_pass == (scored.verdict == "pass"), item.id


def test_answer_keys_type_text_in_fields_and_navigation_keys_walk(qtbot, open_page, mini_store, mini_assessment):
    store, aid = mini_store, mini_assessment
    page = open_page(store, aid)
    page.go_to_item("P1")
    page.form.note.setFocus()
    qtbot.keyClicks(page.form.note, "3 PF")            # typed, not answered
    assert page.form.note.toPlainText() == "3 PF"
    assert stored(store, aid, "P1") is None
    page.go_to_item("T1")
    qtbot.keyClicks(page.form.editor.fields[0], "97")
    assert page.form.editor.fields[0].text() == "97" and stored(store, aid, "T1") is None
    # Alt+P / PgUp go back, Alt+N forward, Ctrl+PgDown to the next stage.
    key(qtbot, page, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert page.current_item_id == "V1"
    assert stored(store, aid, "T1") == "97"             # leaving the item saved the typed value
    key(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert page.current_item_id == "T1"
    key(qtbot, page, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.stage == "audit"
    key(qtbot, page, Qt.Key.Key_PageUp)
    assert page.current_item_id == "T2"
    # The note typed on P1 was saved when the form moved on.
    assert store.assessments.answers(aid)["P1"]["note"] == "3 PF"
