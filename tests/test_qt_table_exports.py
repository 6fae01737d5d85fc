"""The Export buttons of the window's other tables: an assessment's nonconformities (its
summary), an applicant's saved brand-value estimates (the brand value page) and a
certificate's mark use (its Mark use… dialog). Each file holds the rows the table shows, in
its order, with the window's language, written through the register export the CLI uses."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from support import MINI_GRANT, new_certification_assessment  # noqa: E402
from test_certificates_support import issued  # noqa: E402
from test_exports import save_estimate  # noqa: E402
from test_qt_register_export import context_for, dialogs, rows_of, store, wait_saved  # noqa: E402,F401

ASSESSOR = "张三"


def test_an_assessments_nonconformities_export_as_its_summary_lists_them(qtbot, mini_store, applicant, dialogs,
                                                                          tmp_path):
    from brandmark.ui.qt_assessment_page import QtAssessmentPage

    aid = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
    mini_store.assessments.answer_many(aid, {**MINI_GRANT, "C1": "minor", "C2": "major"}, by=ASSESSOR)
    mini_store.assessments.answer(aid, "C2", "conform", by=ASSESSOR)       # its finding is withdrawn
    mini_store.assessments.answer(aid, "C2", "minor", by=ASSESSOR)         # and a new one opened
    other = new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR)
    mini_store.assessments.answer(other, "C1", "major", by=ASSESSOR)         # another assessment's
    context = QtAppContext(mini_store)
    context.user_name, context.language = ASSESSOR, "zh_CN"
    page = QtAssessmentPage(context)
    qtbot.addWidget(page)
    page.open_assessment(aid)
    page.go_to_stage("summary")
    shown = [page.summary.findings.item(row, 0).text().split()[0] for row in range(page.summary.findings.rowCount())]
    withdrawn = [f["number"] for f in mini_store.assessments.findings(aid, include_withdrawn=True)
                 if f["status"] == "withdrawn"]
    assert len(shown) == 2 and withdrawn and f"#{withdrawn[0]}" not in shown
    button = page.summary.export_findings_button
    assert button.isEnabled() and "&E" in button.text()

    dialogs.answer = tmp_path / "不符合项.xlsx"
    button.click()
    wait_saved(qtbot, page)
    rows = rows_of(dialogs.answer)
    assert rows[0][:3] == ["编号", "评价编号", "评审内序号"]
    assert [f"#{int(row[2])}" for row in rows[1:]] == shown
    assert {int(row[1]) for row in rows[1:]} == {aid}
    assert [row[5] for row in rows[1:]] == ["C1", "C2"]


def test_an_applicants_saved_estimates_export_in_the_tables_order(qtbot, store, dialogs, tmp_path):
    from brandmark.ui.qt_valuation_page import QtValuationPage

    holder = issued(store)["applicant_id"]
    other = store.applicants.add(name="宁波其他电器有限公司", uscc="91330200MA2AGJ5P59", actor="tester")
    # Saved in another order than their valuation dates: the table is newest date first.
    ids = [save_estimate(store, holder, date, revenue) for date, revenue in
           (("2025-06-30", 1000.0), ("2026-01-31", 1200.0), ("2024-12-31", 900.0))]
    save_estimate(store, other, "2026-02-01", 5000.0)
    page = QtValuationPage(context_for(store, language="en"))
    qtbot.addWidget(page)
    assert not page.history.export_button.isEnabled()          # no applicant chosen yet
    page.select_applicant(holder)
    assert page.history.ids() == [ids[1], ids[0], ids[2]]
    assert page.history.export_button.isEnabled() and "&E" in page.history.export_button.text()

    dialogs.answer = tmp_path / "estimates.csv"
    page.history.export_button.click()
    wait_saved(qtbot, page)
    rows = rows_of(dialogs.answer)
    assert rows[0][:2] == ["id", "applicant"]
    assert [int(row[0]) for row in rows[1:]] == page.history.ids()
    assert [row[4] for row in rows[1:]] == ["2026-01-31", "2025-06-30", "2024-12-31"]


def test_a_certificates_mark_use_exports_as_its_dialog_lists_it(qtbot, store, dialogs, tmp_path):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage
    from brandmark.ui.qt_mark_use_dialog import QtMarkUseDialog

    number = issued(store)["number"]
    elsewhere = issued(store, name="证书其他企业有限公司")["number"]
    for year, used_on, marks in ((2026, "advertising", 300), (2026, "product", 12000)):
        store.mark_use.record(number, year=year, used_on=used_on, marks=marks, note="礼盒", by="王五")
    store.mark_use.record(elsewhere, year=2026, used_on="product", marks=5, by="王五")
    page = QtCertificatesPage(context_for(store))
    qtbot.addWidget(page)
    dialog = QtMarkUseDialog(page, number)
    qtbot.addWidget(dialog)
    shown = [(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text()) for r in range(dialog.table.rowCount())]
    assert shown == [("产品", "12,000"), ("广告宣传", "300")]
    assert "&E" in dialog.export_button.text()

    dialogs.answer = tmp_path / "标志使用.xlsx"
    dialog.export_button.click()
    wait_saved(qtbot, dialog)
    rows = rows_of(dialogs.answer)
    assert rows[0][:2] == ["编号", "证书编号"] and "使用数量（枚）" in rows[0]
    marks = rows[0].index("使用数量（枚）")
    assert [(row[rows[0].index("使用方式")], row[marks]) for row in rows[1:]] == [("产品", 12000), ("广告宣传", 300)]
    assert {row[1] for row in rows[1:]} == {number}
