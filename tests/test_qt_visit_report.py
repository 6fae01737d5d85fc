"""A surveillance visit's report (监督报告) from the window: the walk-through's summary and menu
action write it off the GUI thread, as the other reports are written."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from brandmark.reports.surveillance_report import REPORT_ZH  # noqa: E402
from test_earlier_findings import VISITOR, certificate_with_history, clock, register  # noqa: E402,F401
from test_qt_report_export import dialogs, pdf_text, wait_written  # noqa: E402,F401
from test_reports_support import squeezed  # noqa: E402


def test_the_summary_of_a_visit_exports_the_surveillance_report(qtbot, open_page, register, dialogs, tmp_path):
    cert, _initial, first = certificate_with_history(register)
    page = open_page(register, first, user=VISITOR)
    assert page.read_only                                   # decided: maintain
    page.go_to_stage("summary")
    assert "surveillance" in page.summary.export_button.toolTip()
    assert f"Mode: surveillance visit of certificate {cert['number']}" in page.summary.facts.text()
    dialogs.answer = tmp_path / "visit"
    page.summary.export_button.click()
    wait_written(qtbot, page)
    written = tmp_path / "visit.pdf"
    text = pdf_text(written)
    assert squeezed(REPORT_ZH) in text and cert["number"] in text
    assert squeezed("受控文件清单未更新") in text               # this visit's nonconformity
    assert Path(dialogs.asked[0][1]).name.startswith(f"Surveillance report-#{first}-")
    assert dialogs.warnings == []


def test_the_menu_action_of_an_open_visit_exports_it_undecided(qtbot, open_page, register, dialogs, tmp_path):
    cert, _initial, _first = certificate_with_history(register)
    second = register.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    page = open_page(register, second, user=VISITOR)
    dialogs.answer = tmp_path / "open-visit.pdf"
    page.export_action.trigger()
    wait_written(qtbot, page)
    text = pdf_text(dialogs.answer)
    assert squeezed(REPORT_ZH) in text and squeezed("尚未作出监督决定") in text


def test_an_initial_assessment_still_exports_its_assessment_report(qtbot, open_page, register, dialogs, tmp_path):
    _cert, initial, _first = certificate_with_history(register)
    page = open_page(register, initial)
    dialogs.answer = tmp_path / "initial.pdf"
    page.export_action.trigger()
    wait_written(qtbot, page)
    assert squeezed(REPORT_ZH) not in pdf_text(dialogs.answer)
    assert Path(dialogs.asked[0][1]).name.startswith(f"Assessment report-#{initial}-")


def certificates_page(qtbot, store):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage
    from brandmark.ui.qt_context import QtAppContext

    context = QtAppContext(store)
    context.user_name = VISITOR
    page = QtCertificatesPage(context)
    qtbot.addWidget(page)
    return page


def test_the_certificates_page_saves_a_visit_report_of_the_selected_certificate(qtbot, register, dialogs, tmp_path,
                                                                               monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    cert, _initial, first = certificate_with_history(register)
    page = certificates_page(qtbot, register)
    assert page.select_number(cert["number"])
    assert page.visit_report_button.isEnabled()
    dialogs.answer = tmp_path / "from-certificates.pdf"
    page.visit_report_button.click()                       # one visit carried out: no question asked
    wait_written(qtbot, page)
    text = pdf_text(dialogs.answer)
    assert squeezed(REPORT_ZH) in text and squeezed("受控文件清单未更新") in text
    assert Path(dialogs.asked[0][1]).name.startswith(f"Surveillance report-#{first}-")

    # With a second visit opened, the user picks which one; the latest is offered first.
    second = register.surveillance.open_visit(cert["number"], assessor=VISITOR)["assessment_id"]
    page.select_number(cert["number"])
    offered = []

    def pick(_parent, _title, _label, labels, current, _editable):
        offered.extend(labels)
        return labels[1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    dialogs.answer = tmp_path / "earlier.pdf"
    page.visit_report_button.click()
    assert offered[0].startswith(f"Assessment #{second}") and offered[1].startswith(f"Assessment #{first}")
    qtbot.waitUntil(lambda: dialogs.answer.exists(), timeout=30_000)
    assert Path(dialogs.asked[1][1]).name.startswith(f"Surveillance report-#{first}-")


def test_a_certificate_without_a_visit_has_no_visit_report(qtbot, register):
    from test_certificates_support import decided_assessment

    cert = register.certificates.issue(decided_assessment(register))
    page = certificates_page(qtbot, register)
    assert page.select_number(cert["number"])
    assert not page.visit_report_button.isEnabled()
