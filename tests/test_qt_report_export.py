"""Exporting an assessment's PDF report from the window: the walk-through's action and
summary buttons, the register's button; the file is a real PDF of that assessment, and
a refusal is shown and leaves no file behind."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtGui import QAction, QKeySequence  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui import qt_file_dialogs  # noqa: E402
from brandmark.ui.qt_assessments_page import QtAssessmentsPage  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_report_export import SELF_REPORT, QtReportExporter, safe_file_name  # noqa: E402
from support import MINI_GRANT, MINI_PACK, register_staff, new_certification_assessment  # noqa: E402
from test_reports_support import page_texts, squeezed  # noqa: E402

ASSESSOR = "张三"
APPLICANT = "杭州测试电器有限公司"
ASSESSMENT_TITLE = "品字标认证评审报告"
SELF_TITLE = "品字标企业自我评价报告"


@pytest.fixture
def dialogs(monkeypatch):
    """The save dialog answers with ``dialogs.answer``; refusals and success messages are kept."""
    class Dialogs:
        answer: Path | None = None
        asked: list[tuple[str, str]] = []
        warnings: list[str] = []

    record = Dialogs()
    record.asked, record.warnings = [], []

    def save_file_name(_parent, caption, proposed, _filter="", *args, **kwargs):
        record.asked.append((caption, proposed))
        return (str(record.answer), "") if record.answer else ("", "")

    monkeypatch.setattr(qt_file_dialogs, "save_file_name", save_file_name)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: record.warnings.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: pytest.fail(f"unexpected error: {text}"))
    return record


def new_assessment(store, applicant: int, mode: str = "certification", answers: dict | None = None) -> int:
    assessment_id = new_certification_assessment(store, applicant, "mini", assessor=ASSESSOR,
                                                 product="电水壶", mode=mode)
    if answers:
        store.assessments.answer_many(assessment_id, answers, by=ASSESSOR)
    return assessment_id


def wait_written(qtbot, page) -> QMessageBox:
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "fileSaved") is not None, timeout=30_000)
    return page.findChild(QMessageBox, "fileSaved")


def pdf_text(path: Path) -> str:
    assert path.read_bytes().startswith(b"%PDF-")
    return squeezed("".join(page_texts(path)))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- the walk-through -----------------------------------------------------------------------------------------
def test_the_menu_action_writes_the_certification_report(qtbot, open_page, mini_store, applicant, dialogs, tmp_path):
    assessment_id = new_assessment(mini_store, applicant, answers=MINI_GRANT)
    page = open_page(mini_store, assessment_id)
    dialogs.answer = tmp_path / "out" / "report"          # no ".pdf": it is added
    dialogs.answer.parent.mkdir()
    assert page.export_action in page.menu_actions
    page.export_action.trigger()
    box = wait_written(qtbot, page)
    written = tmp_path / "out" / "report.pdf"
    assert str(written) in box.text()
    text = pdf_text(written)
    assert squeezed(APPLICANT) in text and ASSESSMENT_TITLE in text
    assert SELF_TITLE not in text
    assert leftovers(written.parent) == ["report.pdf"]      # no temporary file beside it
    caption, proposed = dialogs.asked[0]
    assert Path(proposed).name == f"Assessment report-#{assessment_id}-{APPLICANT}.pdf"
    assert {button.text() for button in box.buttons()} >= {"Open file", "Open folder"}


def test_the_gap_list_of_a_certification_is_its_self_assessment_report(qtbot, open_page, mini_store, applicant,
                                                                        dialogs, tmp_path):
    assessment_id = new_assessment(mini_store, applicant, answers={"V1": "pass", "P1": 1})
    page = open_page(mini_store, assessment_id)
    dialogs.answer = tmp_path / "gaps.pdf"
    assert page.export_gaps_action.isVisible() and page.export_gaps_action in page.menu_actions
    page.export_gaps_action.trigger()
    wait_written(qtbot, page)
    text = pdf_text(tmp_path / "gaps.pdf")
    assert SELF_TITLE in text and squeezed(APPLICANT) in text
    assert Path(dialogs.asked[0][1]).name == f"Gap list-#{assessment_id}-{APPLICANT}.pdf"


def test_a_self_assessment_exports_its_own_report_from_the_summary(qtbot, open_page, mini_store, applicant, dialogs,
                                                                     tmp_path):
    assessment_id = new_assessment(mini_store, applicant, mode="self", answers={"V1": "pass"})
    page = open_page(mini_store, assessment_id)
    page.go_to_stage("summary")
    assert not page.export_gaps_action.isVisible()
    assert page.summary.export_gaps_button.isHidden()
    dialogs.answer = tmp_path / "self.pdf"
    page.summary.export_button.click()
    wait_written(qtbot, page)
    text = pdf_text(tmp_path / "self.pdf")
    assert SELF_TITLE in text and squeezed(APPLICANT) in text
    assert ASSESSMENT_TITLE not in text
    assert Path(dialogs.asked[0][1]).name == f"Self-assessment report-#{assessment_id}-{APPLICANT}.pdf"


def test_the_summary_of_a_certification_offers_both_reports(qtbot, open_page, mini_store, applicant, dialogs, tmp_path):
    assessment_id = new_assessment(mini_store, applicant, answers=MINI_GRANT)
    page = open_page(mini_store, assessment_id)
    page.go_to_stage("summary")
    dialogs.answer = tmp_path / "from-summary.pdf"
    page.summary.export_button.click()
    wait_written(qtbot, page).close()
    assert ASSESSMENT_TITLE in pdf_text(tmp_path / "from-summary.pdf")
    dialogs.answer = tmp_path / "gaps-from-summary.pdf"
    page.summary.export_gaps_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "gaps-from-summary.pdf").exists(), timeout=30_000)
    assert SELF_TITLE in pdf_text(tmp_path / "gaps-from-summary.pdf")


def test_a_decided_assessment_still_exports(qtbot, open_page, mini_store, applicant, dialogs, tmp_path):
    assessment_id = new_assessment(mini_store, applicant, answers=MINI_GRANT)
    mini_store.assessments.decide(assessment_id, "grant", by="李四")
    page = open_page(mini_store, assessment_id)
    assert page.read_only and page.export_action.isEnabled()
    dialogs.answer = tmp_path / "decided.pdf"
    page.export_action.trigger()
    wait_written(qtbot, page)
    assert "李四" in pdf_text(tmp_path / "decided.pdf")


def test_cancelling_the_dialog_writes_nothing(qtbot, open_page, mini_store, applicant, dialogs, tmp_path):
    page = open_page(mini_store, new_assessment(mini_store, applicant))
    before = leftovers(tmp_path)
    dialogs.answer = None
    assert page.export_report() is False
    assert dialogs.asked                                  # the dialog was shown
    qtbot.wait(200)
    assert leftovers(tmp_path) == before
    assert page.findChild(QMessageBox, "fileSaved") is None


def test_a_folder_that_does_not_exist_is_refused_and_nothing_is_written(qtbot, open_page, mini_store, applicant,
                                                                         dialogs, tmp_path):
    page = open_page(mini_store, new_assessment(mini_store, applicant))
    before = leftovers(tmp_path)
    dialogs.answer = tmp_path / "missing" / "report.pdf"
    assert page.export_report()
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=30_000)
    assert "输出文件夹不存在" in dialogs.warnings[0] and "/ the folder" not in dialogs.warnings[0]
    assert leftovers(tmp_path) == before
    assert page.findChild(QMessageBox, "fileSaved") is None


def test_the_assessment_report_of_a_self_assessment_is_refused_in_english(qtbot, open_page, mini_store, applicant,
                                                                           dialogs, tmp_path):
    page = open_page(mini_store, new_assessment(mini_store, applicant, mode="self"), language="en")
    target = tmp_path / "wrong.pdf"
    assert page.exporter.export(page.assessment_id, "assessment", path=target)
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=30_000)
    assert "self-assessment" in dialogs.warnings[0] and "自我评价" not in dialogs.warnings[0]
    assert not target.exists()
    assert not any(name.endswith((".part", ".pdf")) for name in leftovers(tmp_path))


def test_export_shortcuts_clash_with_nothing_on_the_page(qtbot, open_page, mini_store, applicant, dialogs):
    page = open_page(mini_store, new_assessment(mini_store, applicant))
    assert page.export_action.shortcut() == QKeySequence("Ctrl+Shift+R")
    assert page.export_gaps_action.shortcut() == QKeySequence("Ctrl+Shift+G")
    seen: dict[str, str] = {}
    for action in page.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key}: {action.text()} and {seen[key]}"
            seen[key] = action.text()


def test_the_shortcut_exports(qtbot, open_page, mini_store, applicant, dialogs, tmp_path):
    page = open_page(mini_store, new_assessment(mini_store, applicant, answers=MINI_GRANT))
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.item_list.setFocus()
    dialogs.answer = tmp_path / "by-key.pdf"
    qtbot.keySequence(page.item_list, QKeySequence("Ctrl+Shift+R"))
    wait_written(qtbot, page)
    assert ASSESSMENT_TITLE in pdf_text(tmp_path / "by-key.pdf")


# -- the register ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("in_memory", [False, True], ids=["file", "in-memory"])
def test_the_register_exports_the_selected_assessment(qtbot, tmp_path, dialogs, in_memory):
    store = Store(":memory:" if in_memory else tmp_path / "register.db", load_bundled_packs=False)
    try:
        store.schemes.import_file(MINI_PACK, actor="tester")
        register_staff(store)
        applicant = store.applicants.add(name=APPLICANT, uscc="91350100M000100Y43", actor="tester")
        certification = new_assessment(store, applicant, answers=MINI_GRANT)
        self_assessment = new_assessment(store, applicant, mode="self")
        context = QtAppContext(store)
        page = QtAssessmentsPage(context)
        qtbot.addWidget(page)
        assert not page.export_button.isEnabled()
        for assessment_id, title in ((certification, ASSESSMENT_TITLE), (self_assessment, SELF_TITLE)):
            assert page.register.select_id(assessment_id)
            assert page.export_button.isEnabled()
            dialogs.answer = tmp_path / f"register-{assessment_id}.pdf"
            page.export_button.click()
            qtbot.waitUntil(lambda: dialogs.answer.exists(), timeout=30_000)
            text = pdf_text(dialogs.answer)
            assert title in text and squeezed(APPLICANT) in text
        assert [Path(proposed).name.split("-#")[0] for _caption, proposed in dialogs.asked] == [
            "Assessment report", "Self-assessment report"]
        assert dialogs.warnings == []
    finally:
        store.close()


# -- file names -----------------------------------------------------------------------------------------------
def test_characters_illegal_in_file_names_are_replaced():
    name = safe_file_name('宁波/甬江:纺织*有限"公司"?<>|\t ')
    assert not set(name) & set('\\/:*?"<>|\t')
    assert name.startswith("宁波") and "甬江" in name and not name.endswith((" ", "."))
    assert len(safe_file_name("长" * 500)) <= 60


def test_the_proposed_name_drops_what_the_file_system_refuses(qapp, mini_store):
    exporter = QtReportExporter(QtAppContext(mini_store), parent=_widget(qapp))
    name = exporter.proposed_name({"id": 7, "mode": "certification", "applicant_name": "A/B: 公司?"},
                                  SELF_REPORT)
    assert name.endswith(".pdf") and "#7" in name
    assert not set(name) & set('\\/:*?"<>|')


def _widget(_qapp):
    from PySide6.QtWidgets import QWidget

    return QWidget()


@pytest.fixture
def chinese(qapp):
    from brandmark.ui.qt_i18n import install_translators

    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def test_a_chinese_window_proposes_chinese_file_names(qtbot, open_page, chinese, mini_store, applicant, dialogs):
    certification = new_assessment(mini_store, applicant)
    self_assessment = new_assessment(mini_store, applicant, mode="self")
    page = open_page(mini_store, certification)
    assert page.export_action.text() == "导出报告…"
    for assessment_id, kind in ((certification, None), (certification, SELF_REPORT), (self_assessment, None)):
        page.exporter.export(assessment_id, kind)
    assert [Path(proposed).name for _caption, proposed in dialogs.asked] == [
        f"评审报告-#{certification}-{APPLICANT}.pdf", f"差距清单-#{certification}-{APPLICANT}.pdf",
        f"自评报告-#{self_assessment}-{APPLICANT}.pdf"]
