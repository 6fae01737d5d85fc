"""Exchange bundles in the window (issue 10 §5): File → Export for the register… / Import…, a
bundle dropped onto the window, progress, the report, conflicts settled item by item, and
an enterprise's self-assessment read with its readiness and gap list.

The registers are those of ``exchange_support.make_world``: the body, the assessor's laptop
and the enterprise. Each window opens its own connection to one of them, as the app does.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from brandmark import exchange  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_exchange import QtImportReportDialog, QtSelfAssessmentsDialog, bundle_paths  # noqa: E402
from brandmark.ui.qt_main_window import QtMainWindow  # noqa: E402
from brandmark.ui.qt_settings import QtPreferences, open_settings  # noqa: E402
from exchange_support import USCC, make_world  # noqa: E402
from support import MINI_GRANT, TEST_PASSPHRASE  # noqa: E402

pytestmark = pytest.mark.gui
SCREENSHOTS = Path(os.environ.get("BRANDMARK_SCREENSHOTS", "")) if os.environ.get("BRANDMARK_SCREENSHOTS") else None


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


@pytest.fixture
def messages(monkeypatch):
    class Messages:
        informations: list[str]
        warnings: list[str]

    record = Messages()
    record.informations, record.warnings = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: record.informations.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: record.warnings.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: pytest.fail(f"unexpected error: {text}"))
    return record


@pytest.fixture
def open_window(qtbot, tmp_path):
    opened = []

    def make(db: Path, language: str = "en", person: int | None = None):
        store = Store(db, load_bundled_packs=False)
        opened.append(store)
        context = QtAppContext(store)
        context.language = language
        window = QtMainWindow(QtPreferences(open_settings(tmp_path / f"settings-{len(opened)}.ini")))
        qtbot.addWidget(window)
        window.show()
        window.attach(context)
        if person is not None:
            window.session.sign_in(person, TEST_PASSPHRASE)
        return window

    yield make
    for store in opened:
        store.close()


def file_actions(window) -> dict:
    return {action.objectName(): action for action in window.file_menu.actions() if action.objectName()}


def drop_files(window, *paths: Path) -> QDropEvent:
    """Drag ``paths`` onto the window and drop them, as a file manager would."""
    assert window.acceptDrops()          # else the system would never offer the window the drop
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(centre.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop


def wait_for_report(qtbot, window, previous=None) -> QtImportReportDialog:
    actions = window.exchange
    qtbot.waitUntil(lambda: actions.report_dialog is not None and actions.report_dialog is not previous
                    and actions.report_dialog.isVisible(), timeout=60_000)
    return actions.report_dialog


def work_with_two_conflicts(world) -> tuple[int, Path]:
    """The laptop's work imported once; then both sides change C1 and P1, the laptop C2 too."""
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    world.body.people.unlock(world.clerk, TEST_PASSPHRASE)
    world.body.assessments.answer(world.assessment, "C1", "minor", by=world.clerk, note="body saw it")
    world.body.assessments.answer(world.assessment, "P1", 1, by=world.clerk)
    world.laptop.assessments.answer(laptop_id, "C1", "major", by=world.assessor_on_laptop, note="laptop saw it")
    world.laptop.assessments.answer(laptop_id, "P1", 2, by=world.assessor_on_laptop)
    world.laptop.assessments.answer(laptop_id, "C2", "minor", by=world.assessor_on_laptop)
    return laptop_id, world.export_work(laptop_id, "conflicts.bmx")


def test_only_bmx_files_are_taken_from_a_drag(tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "work.BMX")), QUrl.fromLocalFile(str(tmp_path / "photo.jpg")),
                  QUrl("https://example.org/x.bmx")])
    assert bundle_paths(mime) == [str(tmp_path / "work.BMX")]
    assert bundle_paths(QMimeData()) == []


def test_the_laptop_imports_its_assignment_from_the_file_menu_and_the_assessor_exports_the_work(
        world, open_window, qtbot, messages, monkeypatch):
    window = open_window(world.laptop.path, person=world.assessor_on_laptop)
    actions = file_actions(window)
    assert actions["exportForRegister"].text() == "&Export for the register…"
    assert actions["importBundle"].text() == "&Import…"
    assignment = world.assign()
    chosen = []
    monkeypatch.setattr("brandmark.ui.qt_exchange.open_file_names",
                        lambda *args, **kwargs: chosen.append(args) or ([str(assignment)], ""))
    actions["importBundle"].trigger()
    report = wait_for_report(qtbot, window)
    assert "*.bmx" in chosen[0][3]
    laptop_id = report.assessment_id
    assert "ready for the walk-through" in report.summary.text()
    assert world.laptop.assessments.get(laptop_id)["scheme_id"] == "mini"
    assert report.open_button.isVisible() and not report.self_assessment_button.isVisible()
    report.open_button.click()
    assert window.pages["assessment"].page.assessment_id == laptop_id

    # The walk-through's assessment is the one exported; the file goes where the dialog says.
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    target = world.path("from-the-window")                 # the suffix is added
    monkeypatch.setattr("brandmark.ui.qt_exchange.save_file_name", lambda *args, **kwargs: (str(target), ""))
    actions["exportForRegister"].trigger()
    qtbot.waitUntil(lambda: window.exchange.last_export is not None, timeout=60_000)
    assert Path(str(target) + ".bmx").is_file()
    assert "Exported assessment" in window.statusBar().currentMessage()
    imported = exchange.import_bundle(world.body, Path(str(target) + ".bmx"))
    assert imported["assessment"] == world.assessment and imported["imported"]["answers"] == len(MINI_GRANT)


def test_exporting_work_needs_the_assessor_signed_in(world, open_window, messages, tmp_path, monkeypatch):
    laptop_id = world.receive()
    window = open_window(world.laptop.path)
    monkeypatch.setattr(window, "ask_sign_in", lambda reason="": None)
    assert window.exchange.export_for_register(laptop_id, str(tmp_path / "w.bmx")) is False
    assert messages.informations and "Sign in" in messages.informations[0]
    assert not (tmp_path / "w.bmx").exists()


def test_a_dropped_bundle_is_imported_with_progress_and_its_conflicts_settled_one_by_one(
        world, open_window, qtbot, messages):
    _, work = work_with_two_conflicts(world)
    window = open_window(world.body.path, person=world.admin)
    progress = []
    window.exchange.imported.connect(lambda report: progress.append(report))
    drop = drop_files(window, work)
    assert drop.isAccepted()
    report = wait_for_report(qtbot, window)
    assert progress and progress[0]["conflicts"]
    assert "imported into assessment" in report.summary.text()
    counts = {report.counts.topLevelItem(i).text(0): report.counts.topLevelItem(i).text(1)
              for i in range(report.counts.topLevelItemCount())}
    assert counts["Answers"] == "1" and counts["Evidence files"] == "0" and "Findings" in counts
    table = report.conflicts
    assert table.rowCount() == 2
    rows = {table.item(row, 0).toolTip(): row for row in range(table.rowCount())}
    assert set(rows) == {"C1", "P1"}
    assert table.item(rows["C1"], 1).text() == "minor\nbody saw it"
    assert table.item(rows["C1"], 2).text() == "major\nlaptop saw it"
    assert "2 of 2 items" in report.conflicts_title.text()
    if SCREENSHOTS:
        report.grab().save(str(SCREENSHOTS / "import-report-conflicts-en.png"))

    by_item = {c["item_id"]: c["id"] for c in exchange.conflicts(world.body, world.assessment)}
    report.findChild(type(report.open_button), f"take-{by_item['C1']}").click()
    assert "1 of 2 items" in report.conflicts_title.text()
    report.findChild(type(report.open_button), f"keep-{by_item['P1']}").click()
    assert report.conflicts_title.text() == "Every conflict is settled."
    assert not report.unsettled()
    answers = world.body.assessments.answers(world.assessment)
    assert answers["C1"]["value"] == "major" and answers["P1"]["value"] == 1
    logged = [(e["details"]["item"], e["details"]["choice"], e["actor"])
              for e in world.body.events.list("assessment", world.assessment)
              if e["action"] == "exchange.conflict_resolve"]
    assert sorted(logged) == [("C1", "bundle", "管理员"), ("P1", "register", "管理员")]
    if SCREENSHOTS:
        report.grab().save(str(SCREENSHOTS / "import-report-settled-en.png"))

    # The same bundle again: nothing changed, and nothing left to settle.
    report.close()
    drop_files(window, work)
    again = wait_for_report(qtbot, window, previous=report)
    assert "nothing changed" in again.summary.text()
    assert again.conflicts.rowCount() == 0 and again.conflicts_title.text() == "No conflicts."


def test_settling_a_conflict_needs_someone_signed_in(world, open_window, qtbot, messages):
    _, work = work_with_two_conflicts(world)
    window = open_window(world.body.path)
    window.exchange.import_file(str(work))
    report = wait_for_report(qtbot, window)
    conflict = exchange.conflicts(world.body, world.assessment)[0]
    assert report.resolve(conflict["id"], "bundle") is False
    assert messages.informations and "Sign in" in messages.informations[-1]
    assert [c["id"] for c in exchange.conflicts(world.body, world.assessment)][0] == conflict["id"]


def test_the_import_reads_evidence_with_progress_and_a_refused_bundle_writes_nothing(
        world, open_window, qtbot, messages, monkeypatch):
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    world.laptop.assessments.add_evidence(laptop_id, "V1", "big.jpg", b"z" * (3 * 1024 * 1024),
                                          by=world.assessor_on_laptop)
    work = world.export_work(laptop_id, "big.bmx")
    window = open_window(world.body.path, person=world.admin)
    context = window.context
    ran = []
    real = context.run_operation

    def recording(parent, title, work_function, **kwargs):
        def observed(store, progress):
            def seen(done, total, message):
                ran.append((done, total, message))
                return progress(done, total, message)
            return work_function(store, seen)
        return real(parent, title, observed, **kwargs)

    monkeypatch.setattr(context, "run_operation", recording)
    window.exchange.import_file(str(work))
    report = wait_for_report(qtbot, window)
    assert ran[-1][:2] == (3 * 1024 * 1024, 3 * 1024 * 1024)
    assert ran[-1][2] == "Reading the evidence: 3.0 of 3.0 MB"
    assert report.report["imported"]["evidence"] == 1

    broken = world.path("broken.bmx")
    broken.write_bytes(work.read_bytes()[:-200])
    before = world.body.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    window.exchange.import_file(str(broken))
    qtbot.waitUntil(lambda: window.exchange.last_error is not None, timeout=60_000)
    assert messages.warnings and window.exchange.report_dialog is report
    assert world.body.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before


@pytest.fixture
def translated(qapp):
    """The window's translations for one language (installed as the app does), English after."""
    from brandmark.ui.qt_i18n import install_translators

    yield lambda language: install_translators(qapp, language)
    install_translators(qapp, "en")


def test_the_report_reads_in_chinese(world, open_window, qtbot, messages, translated):
    _, work = work_with_two_conflicts(world)
    translated("zh_CN")
    window = open_window(world.body.path, language="zh_CN", person=world.admin)
    assert file_actions(window)["importBundle"].text() == "导入(&I)…"
    window.exchange.import_file(str(work))
    report = wait_for_report(qtbot, window)
    assert report.windowTitle() == "导入报告"
    assert "已导入评审" in report.summary.text() and "逐项选择" in report.conflicts_title.text()
    conflict = exchange.conflicts(world.body, world.assessment)[0]
    keep = report.findChild(type(report.open_button), f"keep-{conflict['id']}")
    assert keep.text() == "保留登记簿的"
    if SCREENSHOTS:
        report.grab().save(str(SCREENSHOTS / "import-report-conflicts-zh_CN.png"))
    keep.click()
    assert report.choices[conflict["id"]] == "已保留登记簿的答案（管理员）"
    assert report.conflicts.item(report.rows[conflict["id"]], 3).text() == report.choices[conflict["id"]]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_enterprises_self_assessment_is_read_with_its_readiness_and_gaps(world, open_window, qtbot, messages,
                                                                           monkeypatch, language, translated):
    translated(language)
    enterprise = world.enterprise
    applicant = enterprise.applicants.add(name="杭州测试电器有限公司", uscc=USCC, region="杭州", actor="企业")
    own = enterprise.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="陈工", mode="self")
    enterprise.assessments.answer_many(own, {"V1": "pass", "C1": "conform", "P1": 1}, by="陈工")
    # The enterprise exports from its own window: no key, self-declared.
    their_window = open_window(enterprise.path, language=language)
    path = world.path("self.bmx")
    assert their_window.exchange.export_for_register(own, str(path))
    qtbot.waitUntil(lambda: their_window.exchange.last_export is not None, timeout=60_000)
    assert their_window.exchange.last_export["kind"] == "self-assessment"

    window = open_window(world.body.path, language=language, person=world.admin)
    drop_files(window, path)
    report = wait_for_report(qtbot, window)
    assert report.self_assessment_button.isVisible() and not report.open_button.isVisible()
    assert report.conflicts.rowCount() == 0
    dialog = report.show_self_assessment()
    assert isinstance(dialog, QtSelfAssessmentsDialog)
    [expected] = exchange.self_assessments(world.body, world.applicant)
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.list.topLevelItem(0).text(3) == f"{expected['readiness']:.0f} %"
    assert f"{expected['readiness']:.0f} %" in dialog.readiness.text()
    assert [dialog.gaps.topLevelItem(i).text(0).split(" · ")[0] for i in range(dialog.gaps.topLevelItemCount())] \
        == [gap["item"] for gap in expected["gaps"]]
    assert expected["gaps"]
    if SCREENSHOTS:
        report.grab().save(str(SCREENSHOTS / f"import-report-self-{language}.png"))
        dialog.grab().save(str(SCREENSHOTS / f"self-assessment-{language}.png"))

    # From the applicants register too.
    page = window.show_page("applicants")
    page.register.select_id(world.applicant)
    assert page.self_assessments_button.isEnabled()
    page.self_assessments_button.click()
    assert page.self_assessments_dialog.list.topLevelItemCount() == 1
