"""The audit plan in the window: size it from the walk-through, see the team and who audits
what, record a consultancy (its person leaves the team), save the plan PDF."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from test_audits import clock, made  # noqa: E402,F401


@pytest.fixture
def dialog(qtbot, open_page, made, monkeypatch):
    refusals = []
    page = open_page(made, made.assessment_id, user="王五")
    monkeypatch.setattr(page.context, "show_refusal", lambda parent, title, exc: refusals.append(exc.problems[0].code))
    assert page.audit_plan_action.isEnabled() and page.audit_plan_action in page.menu_actions
    page.audit_plan_action.trigger()
    opened = page.audit_plan_dialog
    qtbot.addWidget(opened)
    opened.refusals = refusals
    return opened


def test_plan_from_the_window_then_a_consultancy_changes_the_team(dialog, made, qtbot, tmp_path):
    assert not dialog.pdf_button.isEnabled() and dialog.team.rowCount() == 0
    dialog.employees.setValue(320)
    dialog.sites.setValue(2)
    dialog.plan_button.click()
    plan = made.audits.latest(made.assessment_id)
    assert plan["person_days"] == 6.0 and plan["planned_by"] == "王五"
    assert dialog.summary.text().startswith("6 person-days")
    assert [dialog.team.item(r, 0).text().split(" (")[0] for r in range(dialog.team.rowCount())] == \
        [m["name"] for m in plan["team"]]
    assert dialog.programme.rowCount() == len(plan["programme"])
    names = {dialog.programme.item(r, 1).text() for r in range(dialog.programme.rowCount())}
    assert names == {m["name"] for m in plan["team"]}
    # 张三 is on the team; once his consultancy for the applicant is on record he is left out.
    member = plan["team"][1]
    from brandmark.ui.qt_audit_plan_dialog import QtConsultancyDialog
    record = QtConsultancyDialog(dialog)
    qtbot.addWidget(record)
    record.person.setCurrentIndex(record.person.findData(member["id"]))
    record.note.setText("体系咨询 2025")
    record.accept()
    assert dialog.consultancies.rowCount() == 1 and "体系咨询" in dialog.consultancies.item(0, 2).text()
    dialog.plan_button.click()
    assert member["id"] not in [m["id"] for m in made.audits.latest(made.assessment_id)["team"]]
    assert dialog.refusals == []


def test_too_large_a_team_is_refused_and_nothing_is_planned(dialog, made):
    dialog.team_size.setValue(20)
    dialog.plan_button.click()
    assert dialog.refusals == ["audit.too_few_assessors"]
    assert made.audits.latest(made.assessment_id) is None


def test_the_plan_pdf_is_written_off_the_gui_thread(dialog, made, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: pytest.fail(text))
    dialog.employees.setValue(80)
    dialog.plan_button.click()
    target = tmp_path / "plan.pdf"
    assert dialog.save_pdf(target)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "fileSaved") is not None, timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF-")
    assert dialog.proposed_name().startswith(f"Audit plan-#{made.assessment_id}-")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_dialog_in_both_languages(qtbot, open_page, qapp, made, language):
    from brandmark.ui.qt_i18n import install_translators
    made.audits.plan(made.assessment_id, employees=320, sites=2, by="王五")
    install_translators(qapp, language)
    try:
        page = open_page(made, made.assessment_id, user="王五", language=language)
        dialog = page.open_audit_plan()
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        title, plan_text = dialog.windowTitle(), dialog.plan_button.text()
        shots = os.environ.get("BRANDMARK_SCREENSHOTS")
        if shots:
            dialog.grab().save(os.path.join(shots, f"audit-plan-{language}.png"))
    finally:
        install_translators(qapp, "en")
    assert ("审核" in title and "策划" in plan_text) if language == "zh_CN" else title.startswith("Audit plan")
