"""Look at the walk-through: one screenshot per stage at 1280x800, checked for clipped text
and missing glyphs (offscreen, bundled fonts registered, Chinese translator if present).

    BRANDMARK_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen \
        python -m pytest tests/test_qt_assessment_screenshots.py

saves ``assessment-<stage>.png`` (Chinese) and ``assessment-<stage>-en.png`` there; without
the variable they go to a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import QLibraryInfo, Qt, QTranslator  # noqa: E402
from PySide6.QtGui import QFont, QFontMetrics  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton, QApplication, QLabel, QTableWidget, QTabBar, QWidget,
)

from brandmark.paths import translations_dir  # noqa: E402
from brandmark.ui.qt_assessment_page import QtAssessmentPage  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from support import new_certification_assessment

SIZE = (1280, 800)
ASSESSOR, DECIDER = "王敏", "陈立"


@pytest.fixture
def fonts(qapp):
    """The bundled fonts first, as the app registers them."""
    from brandmark.ui.app import register_fonts

    before = QApplication.font()
    families = register_fonts()
    assert families, "the bundled fonts did not load"
    yield families
    QApplication.setFont(before)


@pytest.fixture(params=["zh_CN", "en"])
def language(qapp, request):
    """The window's language, with brandmark's and Qt's own translators for it when their
    .qm files exist (removed afterwards: other tests expect the English source strings)."""
    installed = []
    for name, folder in ((f"brandmark_{request.param}", str(translations_dir())),
                         (f"qtbase_{request.param}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator()
        if translator.load(name, folder):
            qapp.installTranslator(translator)
            installed.append(translator)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)


def clipped_texts(root: QWidget) -> list[str]:
    """Single-line labels, buttons and tabs whose text is wider than the room they have."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or label.wordWrap() or not label.text() or "\n" in label.text():
            continue
        if label.textFormat() == label.textFormat().RichText:
            continue
        needed = QFontMetrics(label.font()).horizontalAdvance(label.text())
        room = label.contentsRect().width() - 2 * label.margin() - 2 * label.indent() if label.indent() > 0 \
            else label.contentsRect().width() - 2 * label.margin()
        if needed > room + 1:
            problems.append(f"label {label.text()!r}: needs {needed}px, has {room}px")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or not button.text():
            continue
        needed = QFontMetrics(button.font()).horizontalAdvance(button.text().replace("&", ""))
        if needed > button.width() - 4:
            problems.append(f"button {button.text()!r}: needs {needed}px, has {button.width()}px")
    for bar in root.findChildren(QTabBar):
        for index in range(bar.count()):
            needed = QFontMetrics(bar.font()).horizontalAdvance(bar.tabText(index))
            if needed > bar.tabRect(index).width() - 4:
                problems.append(f"tab {bar.tabText(index)!r}: needs {needed}px")
    for table in root.findChildren(QTableWidget):
        if not table.isVisibleTo(root):
            continue
        header = table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(table.columnCount()))
        if columns > table.viewport().width() + 1:
            problems.append(f"table {table.objectName() or header.model().headerData(0, Qt.Orientation.Horizontal)}: "
                            f"columns need {columns}px, the view has {table.viewport().width()}px")
        for column in range(1, table.columnCount()):     # every column but the elided item title
            for row in range(table.rowCount()):
                cell = table.item(row, column)
                if cell and QFontMetrics(table.font()).horizontalAdvance(cell.text()) > header.sectionSize(column):
                    problems.append(f"table cell {cell.text()!r} is cut")
    return problems


def missing_glyphs(root: QWidget, families: list[str]) -> set[str]:
    """Characters on screen that none of the bundled fonts can draw."""
    metrics = [QFontMetrics(QFont(family)) for family in families]
    texts = [w.text() for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton)
             if w.isVisibleTo(root)]
    for bar in root.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    missing = set()
    for text in texts:
        for char in text:
            if char.isspace() or char in "\u2026":
                continue
            if not any(m.inFontUcs4(ord(char)) for m in metrics):
                missing.add(char)
    return missing


def fill_for_screens(store, aid, pack, report_path: Path) -> None:
    """A realistic walk: everything passes except one minor NC; one item left for each screen."""
    answers = {}
    for item in pack.items():
        if item.kind == "veto":
            answers[item.id] = "pass"
        elif item.kind == "conformity":
            answers[item.id] = "conform"
        elif item.kind == "points":
            answers[item.id] = max(0, (item.target if item.target is not None else item.max_level) - (len(answers) % 2))
    tests = {"pt-power-deviation": "-2.4", "pt-leakage-current": "0.18", "pt-earth-resistance": "0.046",
             "pt-handle-temp-rise": "31", "pt-electric-strength": "pass"}
    for item in pack.items():
        if item.kind == "test":
            value = tests.get(item.id)
            if value is None or value == "pass":
                from brandmark.scoring.gbt8170 import parse_limit
                limit = parse_limit(item.limit)
                edge = limit.high if limit.high is not None else limit.low
                value = str(edge * 8 / 10) if limit.high is not None else str(edge + 1)
            answers[item.id] = [value] * item.samples if item.samples > 1 else value
    store.assessments.answer_many(aid, answers, by=ASSESSOR)
    first_audit = next(i for i in pack.items() if pack.section(i.section_id).stage == "audit")
    store.assessments.answer(aid, first_audit.id, "minor", by=ASSESSOR,
                             note="抽查3名关键岗位员工，1人无上岗培训记录")
    finding = store.assessments.findings(aid)[0]
    store.assessments.update_finding(finding["id"], by=ASSESSOR, description="装配工位1名员工无上岗培训和考核记录",
                                     corrective_action="补充培训并考核；修订《岗位培训管理办法》")
    store.assessments.add_evidence(aid, pack.items()[0].id, report_path, by=ASSESSOR)


def test_walk_through_screens(qtbot, store, fonts, language, tmp_path):
    out = Path(os.environ.get("BRANDMARK_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    report = tmp_path / "营业执照扫描件.pdf"
    report.write_bytes(b"%PDF-1.4 licence scan")
    applicant = store.applicants.add(name="杭州西湖智能厨电有限公司", uscc="91350100M000100Y43", region="杭州")
    aid = new_certification_assessment(store, applicant, "zhejiang-made", assessor=ASSESSOR,
                                       product="不锈钢电水壶", models="XH-1701, XH-1702")
    pack = store.assessments.pack_for(aid)
    fill_for_screens(store, aid, pack, report)

    context = QtAppContext(store)
    context.user_name, context.language = ASSESSOR, language
    suffix = "" if language == "zh_CN" else f"-{language}"
    page = QtAssessmentPage(context)
    qtbot.addWidget(page)
    page.resize(*SIZE)
    page.show()
    qtbot.waitExposed(page)
    page.open_assessment(aid)

    screens = {
        "application": pack.items()[0].id,
        "testing": "pt-lead-migration",
        "audit": next(i.id for i in pack.items() if pack.section(i.section_id).stage == "audit"),
        "characteristics": next(i.id for i in pack.items() if i.kind == "points"),
    }
    problems, saved = {}, []
    for stage, item_id in screens.items():
        page.go_to_item(item_id)
        if stage == "testing":                       # one sample over the limit, shown live
            editor = page.form.editor
            editor.fields[2].setText("0.012")       # limit <=0.01 mg/kg
            editor._edited("0.012")
        for _ in range(3):
            QApplication.processEvents()
        path = out / f"assessment-{stage}{suffix}.png"
        assert page.grab().save(str(path))
        saved.append(path)
        problems[stage] = clipped_texts(page)
        assert not missing_glyphs(page, fonts), stage
        if stage == "testing":                       # put the passing value back for the later screens
            page.form.editor.fields[2].setText("0.008")
            page.form.editor._edited("0.008")
    page.go_to_stage("summary")
    for _ in range(3):
        QApplication.processEvents()
    path = out / f"assessment-summary{suffix}.png"
    assert page.grab().save(str(path))
    saved.append(path)
    problems["summary"] = clipped_texts(page)
    assert not missing_glyphs(page, fonts)

    page.decide()
    dialog = page.decision_dialog
    dialog.decider.setText(ASSESSOR)
    for _ in range(3):
        QApplication.processEvents()
    path = out / f"assessment-decision-refused{suffix}.png"
    assert dialog.grab().save(str(path))
    saved.append(path)
    problems["decision"] = clipped_texts(dialog)

    assert all(p.stat().st_size > 10_000 for p in saved)
    assert {k: v for k, v in problems.items() if v} == {}
