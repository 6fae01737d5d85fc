"""The decision dialog, the finding form, and self-assessment mode (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from brandmark.ui.qt_assessment_page import QtAssessmentPage  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_decision_dialog import QtDecisionDialog  # noqa: E402
from brandmark.ui.qt_finding_form import QtFindingForm  # noqa: E402
from support import new_certification_assessment

ASSESSOR = "Zhang San"


@pytest.fixture
def assessment(mini_store, applicant):
    return new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)


def dialog_for(qtbot, store, aid, decider=""):
    dialog = QtDecisionDialog(store, aid, store.assessments.score(aid), decider=decider, language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def enabled_choices(dialog):
    return [d for d, button in dialog.choices.items() if button.isEnabled()]


def test_incomplete_assessment_offers_no_decision(qtbot, mini_store, assessment):
    dialog = dialog_for(qtbot, mini_store, assessment, decider="Li Si")
    assert enabled_choices(dialog) == []
    assert not dialog.ok_button.isEnabled()
    assert "incomplete" in dialog.warning.text()


def test_choices_follow_the_verdict(qtbot, mini_store, assessment, mini_grant_answers):
    store, aid = mini_store, assessment
    store.assessments.answer_many(aid, dict(mini_grant_answers, C1="minor"), by=ASSESSOR)
    assert enabled_choices(dialog_for(qtbot, store, aid)) == ["conditional", "refuse"]
    store.assessments.answer(aid, "V1", "fail", by=ASSESSOR)
    refused = dialog_for(qtbot, store, aid)
    assert enabled_choices(refused) == ["refuse"] and refused.choices["refuse"].isChecked()


def test_the_assessor_cannot_decide_whatever_the_spelling(qtbot, mini_store, assessment, mini_grant_answers,
                                                          monkeypatch):
    store, aid = mini_store, assessment
    store.assessments.answer_many(aid, mini_grant_answers, by=ASSESSOR)
    dialog = dialog_for(qtbot, store, aid, decider=ASSESSOR)
    assert dialog.decider.text() == ""                  # the assessor is not proposed as decider
    calls = []
    monkeypatch.setattr(store.assessments, "decide", lambda *a, **k: calls.append(a))
    dialog.choices["grant"].setChecked(True)
    for spelling in ("zhang san", "ＺＨＡＮＧ　ＳＡＮ", " Zhang  San "):
        dialog.decider.setText(spelling)
        assert not dialog.ok_button.isEnabled(), spelling
        assert "ISO/IEC 17065" in dialog.warning.text() and "did not take part" in dialog.warning.text()
        dialog.accept()
    assert calls == [] and dialog.result() == 0 and dialog.isVisible()   # the core was never asked


def test_a_refusal_from_the_core_is_shown_and_the_dialog_stays(qtbot, mini_store, assessment, mini_grant_answers):
    store, aid = mini_store, assessment
    store.assessments.answer_many(aid, mini_grant_answers, by=ASSESSOR)
    dialog = dialog_for(qtbot, store, aid, decider="Li Si")
    dialog.choices["grant"].setChecked(True)
    store.assessments.decide(aid, "refuse", by="Wang Wu")     # decided elsewhere meanwhile
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.decision is None
    assert "already decided" in dialog.warning.text()
    assert store.assessments.decision(aid)["decided_by"] == "Wang Wu"


def test_finding_form_saves_and_needs_a_corrective_action_to_close(qtbot, mini_store, assessment):
    store, aid = mini_store, assessment
    store.assessments.answer(aid, "C1", "minor", by=ASSESSOR)
    context = QtAppContext(store)
    form = QtFindingForm(context)
    qtbot.addWidget(form)
    form.show()
    form.show_item(aid, "C1", read_only=False, actor=ASSESSOR)
    assert form.isVisible() and form.clause.text() == "4.2"      # the item's clause
    assert not form.close_button.isEnabled()
    assert not form.close_finding()
    assert "corrective action" in form.message.text()
    form.description.setPlainText("文件无受控标识")
    form.deadline.setDate(form.deadline.date().addDays(10))
    assert form.save()
    finding = store.assessments.findings(aid)[0]
    assert finding["description"] == "文件无受控标识" and finding["deadline"] == "2026-04-10"
    form.corrective_action.setPlainText("全部文件加盖受控章")
    assert form.close_button.isEnabled()
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    # One click asks for the verification; nothing is closed until it is given (issue 11 §1).
    dialog = form.verification_dialog
    assert dialog is not None and dialog.isVisible()
    assert store.assessments.findings(aid)[0]["status"] == "open"
    assert not dialog.ok_button.isEnabled()
    assert dialog.verifier.text() == ASSESSOR
    dialog.checked.setPlainText("抽查 5 份受控文件")
    assert not dialog.ok_button.isEnabled()              # the evidence too
    dialog.evidence.setPlainText("文件 QP-01 至 QP-05 均有受控章")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    finding = store.assessments.findings(aid)[0]
    assert (finding["status"], finding["closed_by"], finding["corrective_action"]) == (
        "closed", ASSESSOR, "全部文件加盖受控章")
    assert (finding["verification_checked"], finding["verification_evidence"]) == (
        "抽查 5 份受控文件", "文件 QP-01 至 QP-05 均有受控章")
    assert not form.box.isVisible() and "closed by" in form.history.text()
    assert "抽查 5 份受控文件" in form.history.text() and "#1 " in form.history.text()


def test_self_assessment_shows_readiness_and_gaps_instead_of_a_decision(qtbot, mini_store, applicant):
    store = mini_store
    aid = store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor=ASSESSOR, mode="self")
    store.assessments.answer_many(aid, {"V1": "pass", "T1": "97.2", "T2": ["0.1", "0.1"], "C1": "minor",
                                        "C2": "conform", "P1": 1, "P2": 2}, by=ASSESSOR)
    context = QtAppContext(store)
    context.user_name, context.language = ASSESSOR, "en"
    page = QtAssessmentPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.open_assessment(aid)
    result = store.assessments.score(aid)
    assert page.score_panel.readiness_label.isVisible()
    assert page.score_panel.readiness_label.text() == f"Readiness {result.readiness:.0f} %"
    assert not page.decide_action.isVisible()
    page.go_to_stage("summary")
    assert not page.summary.decide_button.isVisible() and page.summary.gaps.isVisible()
    gaps = [page.summary.gaps.item(i) for i in range(page.summary.gaps.count())]
    assert [g.data(Qt.ItemDataRole.UserRole) for g in gaps] == [g.item for g in result.gaps]
    assert {"P1", "C1"} <= {g.item for g in result.gaps}
    p1 = next(g for g in gaps if g.data(Qt.ItemDataRole.UserRole) == "P1")
    page.summary.gaps.itemClicked.emit(p1)
    assert (page.stage, page.current_item_id) == ("characteristics", "P1")
    page.decide()                                   # a no-op: no dialog for a self-assessment
    assert page.decision_dialog is None
    QApplication.processEvents()
