"""Undo and redo of answers write through the store (QUndoStack, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtGui import QUndoStack  # noqa: E402

from brandmark.errors import RefusedInput  # noqa: E402
from brandmark.ui.qt_undo import AnswerState, record_answer  # noqa: E402
from support import new_certification_assessment

BY = "张三"


@pytest.fixture
def assessment(mini_store, applicant):
    return new_certification_assessment(mini_store, applicant, "mini", assessor=BY)


def row(store, aid, item_id):
    return store.assessments.answers(aid).get(item_id)


def test_undo_restores_the_previous_value_and_clears_a_first_answer(qtbot, mini_store, assessment):
    store, aid, stack = mini_store, assessment, QUndoStack()
    record_answer(stack, store, aid, "V1", "pass", by=BY)
    record_answer(stack, store, aid, "V1", "fail", by=BY)
    assert row(store, aid, "V1")["value"] == "fail"
    stack.undo()
    assert row(store, aid, "V1")["value"] == "pass"
    stack.undo()
    assert row(store, aid, "V1") is None            # value=None cleared the answer
    stack.redo()
    stack.redo()
    assert row(store, aid, "V1")["value"] == "fail"
    # Every write is in the event log, undo included.
    answers = [e for e in store.events.list(entity="assessment", entity_id=aid) if e["action"] == "answer"]
    assert len(answers) == 6


def test_undo_keeps_the_note_with_the_value(qtbot, mini_store, assessment):
    store, aid, stack = mini_store, assessment, QUndoStack()
    record_answer(stack, store, aid, "C1", "conform", by=BY, note="抽查5份文件")
    record_answer(stack, store, aid, "C1", "major", by=BY)
    assert row(store, aid, "C1")["note"] == "抽查5份文件"
    stack.undo()
    assert (row(store, aid, "C1")["value"], row(store, aid, "C1")["note"]) == ("conform", "抽查5份文件")


def test_a_refused_value_writes_nothing_and_pushes_nothing(qtbot, mini_store, assessment):
    store, aid, stack = mini_store, assessment, QUndoStack()
    with pytest.raises(RefusedInput):
        record_answer(stack, store, aid, "P1", 9, by=BY)        # P1 has levels 0..4
    assert stack.count() == 0 and row(store, aid, "P1") is None
    record_answer(stack, store, aid, "P1", 2, by=BY)
    record_answer(stack, store, aid, "P1", 2, by=BY)            # unchanged: no second step
    assert stack.count() == 1


def test_edits_in_one_typing_session_merge_into_one_step(qtbot, mini_store, assessment):
    store, aid, stack = mini_store, assessment, QUndoStack()
    record_answer(stack, store, aid, "T1", "97", by=BY, merge_session=7)
    record_answer(stack, store, aid, "T1", "97.4", by=BY, merge_session=7)
    record_answer(stack, store, aid, "T1", "98", by=BY, merge_session=8)
    assert stack.count() == 2
    stack.undo()
    assert row(store, aid, "T1")["value"] == "97.4"
    stack.undo()
    assert row(store, aid, "T1") is None


def test_undo_of_a_minor_nc_withdraws_its_finding_and_redo_reopens_one(qtbot, mini_store, assessment):
    store, aid, stack = mini_store, assessment, QUndoStack()
    record_answer(stack, store, aid, "C1", "minor", by=BY)
    assert [f["status"] for f in store.assessments.findings(aid)] == ["open"]
    stack.undo()
    assert store.assessments.findings(aid) == []
    assert store.assessments.open_corrective_actions(aid) == set()
    stack.redo()
    assert [f["grade"] for f in store.assessments.findings(aid)] == ["minor"]


def test_an_undo_the_store_refuses_is_reported_not_lost(qtbot, mini_store, assessment, mini_grant_answers):
    store, aid, stack = mini_store, assessment, QUndoStack()
    errors, applied = [], []
    for item_id, value in mini_grant_answers.items():
        record_answer(stack, store, aid, item_id, value, by=BY, on_error=errors.append, on_applied=applied.append)
    store.assessments.decide(aid, "grant", by="李四")
    stack.undo()
    assert len(errors) == 1 and isinstance(errors[0], RefusedInput) and applied == []
    assert row(store, aid, "P2")["value"] == 2


def test_answer_state_from_rows():
    assert not AnswerState.from_row(None).exists
    assert AnswerState.from_row({"value": None, "note": "仅备注"}).exists
    assert AnswerState.from_row({"value": "pass", "note": None}) == AnswerState("pass", "")
