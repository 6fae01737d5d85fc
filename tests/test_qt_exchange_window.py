"""Issue 10's window leftovers: the body's "Assign to assessor…", an export written off the
GUI thread with progress (the signed-in assessor's key handed to the worker), and several
bundles dropped at once, imported one after another with one report listing each.

The registers are ``exchange_support.make_world``'s; each window opens its own connection.
Screenshots: ``BRANDMARK_SCREENSHOTS=docs/screenshots``.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QInputDialog  # noqa: E402

from brandmark import exchange  # noqa: E402
from brandmark.errors import Cancelled  # noqa: E402
from exchange_support import BODY_PASSPHRASE, USCC  # noqa: E402
from support import MINI_GRANT  # noqa: E402
from test_qt_exchange import drop_files, messages, open_window, translated, world  # noqa: E402,F401

pytestmark = pytest.mark.gui
SCREENSHOTS = Path(os.environ.get("BRANDMARK_SCREENSHOTS", "")) if os.environ.get("BRANDMARK_SCREENSHOTS") else None
MEGABYTE = 1024 * 1024


def recorded_operations(monkeypatch, context, *, cancel_at: int | None = None) -> list[tuple]:
    """Wrap the window's ``run_operation``: each progress call and the thread the work ran on
    are recorded; ``cancel_at`` bytes makes the progress raise ``Cancelled`` as Cancel does."""
    seen: list[tuple] = []
    real = context.run_operation

    def recording(parent, title, work_function, **kwargs):
        def observed(store, progress):
            seen.append(("thread", threading.get_ident()))

            def step(done, total, message):
                seen.append((done, total, message))
                if cancel_at is not None and done >= cancel_at:
                    raise Cancelled(done, total)
                return progress(done, total, message)
            return work_function(store, step)
        return real(parent, title, observed, **kwargs)

    monkeypatch.setattr(context, "run_operation", recording)
    return seen


def laptop_work_with_evidence(world, size: int = 3 * MEGABYTE) -> int:
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    world.laptop.assessments.add_evidence(laptop_id, "V1", "licence.jpg", b"z" * size, by=world.assessor_on_laptop)
    return laptop_id


# -- the body's assignment ------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_body_assigns_an_assessment_from_the_register(world, open_window, qtbot, messages, monkeypatch,
                                                          translated, language):
    translated(language)
    window = open_window(world.body.path, language=language, person=world.admin)
    page = window.show_page("assessments")
    assert not page.assign_button.isEnabled()
    page.register.select_id(world.assessment)
    assert page.assign_button.isEnabled()
    assert page.assign_button.text() == ("&Assign to assessor…" if language == "en" else "分派给评审员(&A)…")
    asked, chosen = [], []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.append(args) or (BODY_PASSPHRASE, True))
    target = world.path(f"assign-{language}")
    monkeypatch.setattr("brandmark.ui.qt_exchange.save_file_name",
                        lambda *args, **kwargs: chosen.append((args, kwargs)) or (str(target), ""))
    if SCREENSHOTS:
        page.grab().save(str(SCREENSHOTS / f"assessments-assign-{language}.png"))
    page.assign_button.click()
    written = Path(str(target) + ".bmx")
    assert written.is_file()
    assert asked, "the body's key was locked: its passphrase is asked for"
    assert chosen[0][1]["purpose"] == "exchange" and "assignment-" in chosen[0][0][2]
    box = window.exchange.saved_box
    assert box is not None and str(written) in box.text()
    if SCREENSHOTS:
        box.grab().save(str(SCREENSHOTS / f"assign-saved-{language}.png"))
    sent = world.body.exchange.assignments(world.assessment, "sent")
    assert len(sent) == 1
    # The laptop takes it in.
    received = exchange.import_bundle(world.laptop, written)
    assert received["imported"] == {"assessments": 1, "answers": 0}
    # A second assignment: the key stays open for the session, no second question.
    page.register.select_id(world.assessment)
    page.assign_button.click()
    assert len(asked) == 1 and len(world.body.exchange.assignments(world.assessment, "sent")) == 2


def test_assigning_a_self_assessment_is_refused_in_words(world, open_window, messages, monkeypatch):
    enterprise_own = world.body.assessments.new(applicant_id=world.applicant, scheme_id="mini", assessor="陈工",
                                                mode="self")
    window = open_window(world.body.path, person=world.admin)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (BODY_PASSPHRASE, True))
    assert window.exchange.assign_to_assessor(enterprise_own, str(world.path("self-assign.bmx"))) is None
    assert messages.warnings and "self-assessment" in messages.warnings[-1]
    assert not world.path("self-assign.bmx").exists()


def test_a_wrong_body_passphrase_assigns_nothing(world, open_window, messages, monkeypatch):
    window = open_window(world.body.path, person=world.admin)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("not the passphrase", True))
    assert window.exchange.assign_to_assessor(world.assessment, str(world.path("a.bmx"))) is None
    assert messages.warnings and not world.path("a.bmx").exists()
    assert world.body.exchange.assignments(world.assessment) == []


# -- export off the GUI thread --------------------------------------------------------------

def test_the_export_runs_off_the_gui_thread_with_progress_and_signs_with_the_assessors_key(
        world, open_window, qtbot, messages, monkeypatch):
    laptop_id = laptop_work_with_evidence(world)
    window = open_window(world.laptop.path, person=world.assessor_on_laptop)
    seen = recorded_operations(monkeypatch, window.context)
    target = world.path("work-from-the-window.bmx")
    assert window.exchange.export_for_register(laptop_id, str(target))
    qtbot.waitUntil(lambda: window.exchange.last_export is not None, timeout=60_000)
    assert [s[1] for s in seen if s[0] == "thread"] != [threading.get_ident()]
    steps = [s for s in seen if s[0] != "thread"]
    assert steps[-1][:2] == (3 * MEGABYTE, 3 * MEGABYTE)
    assert steps[-1][2] == "Writing the evidence: 3.0 of 3.0 MB"
    assert "Exported assessment" in window.statusBar().currentMessage()
    # The worker's store forgot the key; the window's session still holds it.
    assert window.context.store.people.unlocked() == [world.assessor_on_laptop]
    report = exchange.import_bundle(world.body, target)
    assert report["imported"]["answers"] == len(MINI_GRANT) and report["imported"]["evidence"] == 1


def test_cancelling_the_export_leaves_no_file(world, open_window, qtbot, messages, monkeypatch):
    laptop_id = laptop_work_with_evidence(world)
    window = open_window(world.laptop.path, person=world.assessor_on_laptop)
    recorded_operations(monkeypatch, window.context, cancel_at=1)
    target = world.path("cancelled.bmx")
    assert window.exchange.export_for_register(laptop_id, str(target))
    qtbot.waitUntil(lambda: window.exchange.last_error is not None, timeout=60_000)
    assert isinstance(window.exchange.last_error, Cancelled)
    assert not target.exists() and not messages.warnings
    assert list(world.folder.glob("cancelled*")) == []


def test_the_handed_key_must_be_the_persons_current_one(world):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from brandmark.errors import RefusedInput
    people = world.laptop.people
    key_id = people.get(world.assessor_on_laptop)["key_id"]
    with pytest.raises(RefusedInput):
        people.sign_in_with_key(world.assessor_on_laptop, key_id, Ed25519PrivateKey.generate())
    from brandmark.store.people import Actor
    assert people.unlocked_key(Actor("张三", world.assessor_on_laptop))[0] == key_id


# -- several bundles at once ----------------------------------------------------------------

def three_bundles(world) -> list[Path]:
    """The assessor's work, a damaged copy of it, and the enterprise's self-assessment."""
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    work = world.export_work(laptop_id, "work.bmx")
    broken = world.path("damaged.bmx")
    broken.write_bytes(work.read_bytes()[:-300])
    enterprise = world.enterprise
    applicant = enterprise.applicants.add(name="杭州测试电器有限公司", uscc=USCC, region="杭州", actor="企业")
    own = enterprise.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="陈工", mode="self")
    enterprise.assessments.answer_many(own, {"V1": "pass", "C1": "conform", "P1": 1}, by="陈工")
    self_bundle = world.path("self.bmx")
    exchange.export_assessment(enterprise, own, path=self_bundle, by="陈工")
    return [work, broken, self_bundle]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_several_dropped_bundles_are_imported_one_after_another_with_one_report(
        world, open_window, qtbot, messages, translated, language):
    translated(language)
    paths = three_bundles(world)
    window = open_window(world.body.path, language=language, person=world.admin)
    drop_files(window, *paths)
    qtbot.waitUntil(lambda: window.exchange.batch_dialog is not None and window.exchange.batch_dialog.isVisible(),
                    timeout=120_000)
    dialog = window.exchange.batch_dialog
    assert dialog.table.rowCount() == 3
    assert [dialog.table.item(row, 0).text() for row in range(3)] == ["work.bmx", "damaged.bmx", "self.bmx"]
    outcomes = [dialog.outcome(row) for row in range(3)]
    if language == "en":
        assert outcomes[0].startswith("Imported: answers: 7") and outcomes[2].startswith("Imported: self-assessments: 1")
        assert outcomes[1].startswith("Refused: ") and "2 of 3 bundles" in dialog.summary.text()
    else:
        assert outcomes[0].startswith("已导入") and outcomes[1].startswith("已拒绝")
        assert "3 个交换包中有 2 个" in dialog.summary.text()
    assert set(dialog.report_buttons) == {0, 2}
    # Each went in on its own: the damaged one wrote nothing, the others everything.
    assert len(world.body.assessments.answers(world.assessment)) == len(MINI_GRANT)
    assert len(exchange.self_assessments(world.body, world.applicant)) == 1
    assert not messages.warnings, "one report for the batch, not a message per refusal"
    if SCREENSHOTS:
        dialog.grab().save(str(SCREENSHOTS / f"import-batch-{language}.png"))
    report = dialog.show_report(0)
    assert report.report["assessment"] == world.assessment and report.isVisible()


def test_the_same_bundles_again_say_nothing_changed(world, open_window, qtbot, messages):
    paths = three_bundles(world)
    window = open_window(world.body.path, person=world.admin)
    window.exchange.import_files([str(paths[0]), str(paths[2])])
    qtbot.waitUntil(lambda: window.exchange.batch_dialog is not None, timeout=120_000)
    first = window.exchange.batch_dialog
    window.exchange.import_files([str(paths[0]), str(paths[2])])
    qtbot.waitUntil(lambda: window.exchange.batch_dialog is not first, timeout=120_000)
    again = window.exchange.batch_dialog
    assert [again.outcome(row) for row in range(2)] == ["Imported before: nothing changed"] * 2


def test_cancelling_one_bundle_of_several_stops_the_rest_and_keeps_what_went_in(
        world, open_window, qtbot, messages, monkeypatch):
    laptop_id = laptop_work_with_evidence(world)
    work = world.export_work(laptop_id, "big.bmx")
    enterprise = world.enterprise
    applicant = enterprise.applicants.add(name="杭州测试电器有限公司", uscc=USCC, region="杭州", actor="企业")
    own = enterprise.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="陈工", mode="self")
    self_bundle = world.path("self.bmx")
    exchange.export_assessment(enterprise, own, path=self_bundle, by="陈工")
    window = open_window(world.body.path, person=world.admin)
    recorded_operations(monkeypatch, window.context, cancel_at=MEGABYTE)
    window.exchange.import_files([str(self_bundle), str(work), str(self_bundle)])
    qtbot.waitUntil(lambda: window.exchange.batch_dialog is not None, timeout=120_000)
    dialog = window.exchange.batch_dialog
    assert dialog.outcome(0).startswith("Imported: ")
    assert dialog.outcome(1) == dialog.outcome(2) == "Not imported: cancelled"
    assert world.body.assessments.answers(world.assessment) == {}
    assert len(exchange.self_assessments(world.body, world.applicant)) == 1
