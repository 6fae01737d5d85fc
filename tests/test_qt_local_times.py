"""The window shows the register's moments in the body's time zone. The register stores UTC;
at 23:30 UTC it is already 07:30 the next day in Hangzhou, and a certificate issued then
must not show a history line, a decision or a register date from the day before."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from test_applications import Clock  # noqa: E402
from test_certificates_support import decided_assessment  # noqa: E402
from support import register_staff  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402

EARLY_IN_HANGZHOU = dt.datetime(2026, 2, 11, 23, 30, tzinfo=dt.timezone.utc)     # 2026-02-12 07:30 there


@pytest.fixture
def early(tmp_path):
    with Store(tmp_path / "early.db", clock=Clock(EARLY_IN_HANGZHOU)) as store:
        register_staff(store)
        yield store


def test_register_dates_and_the_certificate_history_are_the_bodys_day(qtbot, early):
    from brandmark.ui.qt_certificates_page import QtCertificatesPage
    from brandmark.ui.qt_models import QtApplicantsModel, QtAssessmentsModel

    assessment_id = decided_assessment(early)
    assert early.assessments.get(assessment_id)["created_at"].startswith("2026-02-11T23:30")   # stored in UTC
    cert = early.certificates.issue(assessment_id)

    applicants = QtApplicantsModel(early)
    applicants.refresh()
    created = [c.key for c in applicants.columns].index("created_at")
    assert applicants.data(applicants.index(0, created)) == "2026-02-12"

    assessments = QtAssessmentsModel(early)
    assessments.refresh()
    keys = [c.key for c in assessments.columns]
    row = next(r for r in range(assessments.rowCount())
               if assessments.data(assessments.index(r, keys.index("id"))) in (assessment_id, str(assessment_id)))
    assert assessments.data(assessments.index(row, keys.index("updated_at"))) == "2026-02-12"

    page = QtCertificatesPage(QtAppContext(early))
    qtbot.addWidget(page)
    assert page.select_number(cert["number"])
    details = page.details.toPlainText()
    assert "2026-02-12 07:30" in details and "2026-02-11 23:30" not in details


def test_the_decided_banner_gives_the_bodys_day(qtbot, early, open_page):
    assessment_id = decided_assessment(early)
    page = open_page(early, assessment_id)
    assert page.read_only and "2026-02-12" in page.banner.text() and "2026-02-11" not in page.banner.text()


def test_the_registers_follow_a_change_of_the_bodys_time_zone(qtbot, early):
    """The registers read the time zone again when the body's settings change it, not only
    when they were built: set to UTC, the same moment is the day before."""
    from brandmark.ui.qt_applicants_page import QtApplicantsPage
    from brandmark.ui.qt_assessments_page import QtAssessmentsPage
    from brandmark.ui.qt_body_settings import QtBodySettingsDialog
    from brandmark.ui.qt_certificates_page import QtCertificatesPage

    assessment_id = decided_assessment(early)
    context = QtAppContext(early)
    context.user_name = "王五"
    applicants, assessments = QtApplicantsPage(context), QtAssessmentsPage(context)
    certificates = QtCertificatesPage(context)
    for page in (applicants, assessments, certificates):
        qtbot.addWidget(page)

    def shown() -> tuple[str, str]:
        created = [c.key for c in applicants.model.columns].index("created_at")
        keys = [c.key for c in assessments.model.columns]
        row = next(r for r in range(assessments.model.rowCount())
                   if assessments.model.data(assessments.model.index(r, keys.index("id"))) in (assessment_id,
                                                                                                str(assessment_id)))
        return (applicants.model.data(applicants.model.index(0, created)),
                assessments.model.data(assessments.model.index(row, keys.index("created_at"))))

    assert shown() == ("2026-02-12", "2026-02-12")
    dialog = QtBodySettingsDialog(certificates)
    qtbot.addWidget(dialog)
    dialog.time_zone_edit.setText("UTC")
    dialog.accept()
    assert early.certificates.body()["time_zone"] == "UTC"
    assert shown() == ("2026-02-11", "2026-02-11")
