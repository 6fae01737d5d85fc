"""The window shows the evidence files an enterprise's self-assessment carried (Applicants →
Self-assessments…), and saves a copy of one, checked by its SHA-256; Chinese and English."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from brandmark import exchange  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_exchange import QtSelfAssessmentsDialog  # noqa: E402
from exchange_support import make_world  # noqa: E402
from test_exchange_self_evidence import PHOTO, SCAN, self_bundle  # noqa: E402

SCREENSHOTS = Path(os.environ["BRANDMARK_SCREENSHOTS"]) if os.environ.get("BRANDMARK_SCREENSHOTS") else None


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


@pytest.fixture
def translated(qapp):
    from brandmark.ui.qt_i18n import install_translators

    yield lambda language: install_translators(qapp, language)
    install_translators(qapp, "en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_self_assessments_evidence_is_listed_and_a_copy_saved(world, qtbot, tmp_path, language, translated):
    translated(language)
    path, _ = self_bundle(world, ("C1", "车间.jpg", PHOTO), ("V1", "report.pdf", SCAN))
    exchange.import_bundle(world.body, path)
    context = QtAppContext(world.body)
    context.language = language
    dialog = QtSelfAssessmentsDialog(context, world.applicant)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [[dialog.evidence.topLevelItem(i).text(c) for c in range(5)]
            for i in range(dialog.evidence.topLevelItemCount())]
    assert [(r[0], r[1], r[4]) for r in rows] == [("C1", "车间.jpg", "陈工"), ("V1", "report.pdf", "陈工")]
    assert not dialog.save_button.isEnabled()
    dialog.evidence.setCurrentItem(dialog.evidence.topLevelItem(0))
    assert dialog.save_button.isEnabled()
    if SCREENSHOTS:
        dialog.grab().save(str(SCREENSHOTS / f"self-assessment-evidence-{language}.png"))
    dialog.save_copy(str(tmp_path / "copy.jpg"))
    assert (tmp_path / "copy.jpg").read_bytes() == PHOTO
    assert str(tmp_path / "copy.jpg") in dialog.save_message.text()
    assert ("已保存到" in dialog.save_message.text()) == (language == "zh_CN")
    dialog.save_copy(str(world.folder / "body.db"))                 # the register's own file: refused
    assert "body.db" in dialog.save_message.text() and world.body.applicants.get(world.applicant)


def test_a_self_assessment_without_evidence_says_so(world, qtbot):
    path, _ = self_bundle(world)
    exchange.import_bundle(world.body, path)
    dialog = QtSelfAssessmentsDialog(QtAppContext(world.body), world.applicant)
    qtbot.addWidget(dialog)
    assert dialog.evidence.topLevelItemCount() == 1 and not dialog.evidence.isEnabled()
    assert "No evidence" in dialog.evidence.topLevelItem(0).text(1)
