"""Backups in the window: File → Back up now, File → Restore from backup…, the quiet notice."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.store import backup  # noqa: E402
from brandmark.ui.qt_backup import QtRestoreDialog  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_main_window import QtMainWindow  # noqa: E402
from brandmark.ui.qt_settings import QtPreferences, open_settings  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402
from support import REPO  # noqa: E402

pytestmark = pytest.mark.gui
SCREENSHOTS = Path(os.environ.get("BRANDMARK_SCREENSHOTS", "")) if os.environ.get("BRANDMARK_SCREENSHOTS") else None


def add_applicant(store, serial: int) -> None:
    store.applicants.add(name=f"窗口测试公司{serial}", uscc=make_uscc("91", "330100", f"Q{serial:07d}"),
                         region="杭州", actor="tester")


@pytest.fixture
def old_register(tmp_path):
    """A register started three days ago that has never been backed up."""
    path = tmp_path / "register.db"
    three_days_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3)
    with Store(path, clock=lambda: three_days_ago) as store:
        add_applicant(store, 1)
        add_applicant(store, 2)
    return path


@pytest.fixture
def messages(monkeypatch):
    class Messages:
        questions: list[str] = []
        informations: list[str] = []
        warnings: list[str] = []
        answer = QMessageBox.StandardButton.Yes

    record = Messages()
    record.questions, record.informations, record.warnings = [], [], []

    def question(_parent, _title, text, *args, **kwargs):
        record.questions.append(text)
        return record.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: record.informations.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: record.warnings.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: pytest.fail(f"unexpected error: {text}"))
    return record


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch):
    opened = []

    def make(db: Path, language: str = "en"):
        store = Store(db)
        opened.append(store)
        context = QtAppContext(store)
        context.language = language
        window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
        window.restarts = []
        monkeypatch.setattr(window, "restart", lambda: window.restarts.append(True))
        qtbot.addWidget(window)
        window.show()
        window.attach(context)
        return window

    yield make
    for store in opened:
        store.close()


def backups_of(db: Path) -> list[Path]:
    folder = backup.backups_folder(db)
    return sorted(folder.glob("*.db")) if folder.is_dir() else []


def test_the_notice_shows_while_a_backup_is_overdue_and_the_day_backup_clears_it(open_window, old_register, qtbot):
    window = open_window(old_register)
    notice = window.backups.notice
    assert notice.isVisibleTo(window) and "No backup yet" in notice.text()
    # Opening the window makes the day's backup in the background; then the notice goes.
    qtbot.waitUntil(lambda: len(backups_of(old_register)) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: not notice.isVisibleTo(window), timeout=30_000)


def test_back_up_now_writes_a_sound_backup_and_says_where(open_window, old_register, qtbot):
    window = open_window(old_register)
    qtbot.waitUntil(lambda: len(backups_of(old_register)) == 1, timeout=30_000)
    file_actions = {action.objectName(): action for action in window.file_menu.actions()}
    assert file_actions["backUpNow"].text() == "&Back up now"
    qtbot.wait(1100)      # backups are named to the second
    file_actions["backUpNow"].trigger()
    qtbot.waitUntil(lambda: len(backups_of(old_register)) == 2, timeout=30_000)
    qtbot.waitUntil(lambda: str(backups_of(old_register)[-1].parent) in window.statusBar().currentMessage(),
                    timeout=30_000)
    from PySide6.QtWidgets import QMessageBox
    from brandmark.ui.qt_saved import OBJECT_NAME
    assert window.findChild(QMessageBox, OBJECT_NAME) is not None, "the save says where, as every save does"
    assert all(backup.check_backup(path).ok for path in backups_of(old_register))


def test_the_restore_dialog_lists_backups_with_their_check(open_window, old_register, qtbot, tmp_path):
    window = open_window(old_register)
    qtbot.waitUntil(lambda: len(backups_of(old_register)) == 1, timeout=30_000)
    folder = backup.backups_folder(old_register)
    (folder / "register-2020-01-01T090000.db").write_bytes(b"not a database " * 100)
    dialog = QtRestoreDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 2, timeout=30_000)
    first, damaged = dialog.tree.topLevelItem(0), dialog.tree.topLevelItem(1)
    assert first.text(2).startswith("checks out") and damaged.text(2) == "not a brandmark register"
    assert not dialog.restore_button.isEnabled()
    dialog.tree.setCurrentItem(damaged)
    assert not dialog.restore_button.isEnabled()      # a backup that does not check out cannot be chosen
    dialog.tree.setCurrentItem(first)
    assert dialog.restore_button.isEnabled()
    if SCREENSHOTS:
        dialog.grab().save(str(SCREENSHOTS / "restore-dialog-en.png"))
    dialog.restore_button.click()
    assert dialog.chosen == Path(first.data(0, 256))


def test_restoring_from_the_window_closes_its_register_restores_and_restarts(open_window, old_register, qtbot,
                                                                             messages):
    window = open_window(old_register)
    qtbot.waitUntil(lambda: len(backups_of(old_register)) == 1, timeout=30_000)
    [saved] = backups_of(old_register)
    add_applicant(window.context.store, 3)            # after the backup: the restore takes it away
    window.backups.restore(saved, "today")
    window.grab()           # a repaint while the window's register is closed reads nothing from it
    qtbot.waitUntil(lambda: window.restarts == [True], timeout=30_000)
    assert "kept beside it" in messages.questions[0]
    assert "restored from" in messages.informations[0]
    with Store(old_register, load_bundled_packs=False, auto_backup=False) as store:
        assert store.applicants.count() == 2
    assert len(list(old_register.parent.glob("register.db.before-restore-*"))) == 1


def test_declining_the_confirmation_restores_nothing(open_window, old_register, qtbot, messages):
    window = open_window(old_register)
    qtbot.waitUntil(lambda: len(backups_of(old_register)) == 1, timeout=30_000)
    messages.answer = QMessageBox.StandardButton.No
    window.backups.restore(backups_of(old_register)[0], "today")
    assert window.context.store.applicants.count() == 2 and window.restarts == []


HOLDER = """
import sys
from brandmark.store import Store
with Store(sys.argv[1], load_bundled_packs=False, auto_backup=False) as store:
    store.applicants.count()
    print("open", flush=True)
    sys.stdin.readline()
"""


def test_a_register_open_elsewhere_is_refused_and_the_window_goes_on(open_window, old_register, qtbot, messages):
    window = open_window(old_register)
    qtbot.waitUntil(lambda: len(backups_of(old_register)) == 1, timeout=30_000)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(old_register)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout.readline().strip() == "open"
        window.backups.restore(backups_of(old_register)[0], "today")
        qtbot.waitUntil(lambda: bool(messages.warnings), timeout=30_000)
    finally:
        holder.communicate("\n", timeout=30)
    assert "close the brandmark window" in messages.warnings[0] and "关闭" not in messages.warnings[0]
    assert window.restarts == []
    add_applicant(window.context.store, 3)            # the window's register works again
    assert window.context.store.applicants.count() == 3


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_file_menu_and_the_notice_in_both_languages(qtbot, tmp_path, old_register, monkeypatch, language):
    from PySide6.QtWidgets import QApplication

    from brandmark.ui.app import register_fonts
    from brandmark.ui.qt_i18n import install_translators

    register_fonts()
    install_translators(QApplication.instance(), language)
    store = Store(old_register)
    try:
        context = QtAppContext(store)
        context.language = language
        window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
        qtbot.addWidget(window)
        monkeypatch.setattr("brandmark.ui.qt_backup.QtBackupActions.start_daily_backup", lambda self: None)
        window.show()
        window.attach(context)
        texts = [action.text() for action in window.file_menu.actions()]
        notice = window.backups.notice.text()
        if language == "zh_CN":
            assert "立即备份(&B)" in texts and "从备份恢复(&R)…" in texts and "尚无备份" in notice
        else:
            assert "&Back up now" in texts and "No backup yet" in notice
        if SCREENSHOTS:
            window.file_menu.popup(window.menuBar().mapToGlobal(window.menuBar().actionGeometry(
                window.file_menu.menuAction()).bottomLeft()))
            qtbot.wait(200)
            window.grab().save(str(SCREENSHOTS / f"backup-notice-{language}.png"))
            window.file_menu.grab().save(str(SCREENSHOTS / f"backup-menu-{language}.png"))
            window.file_menu.hide()
    finally:
        install_translators(QApplication.instance(), "en")
    window.close()
    store.close()


def test_another_file_is_checked_before_it_is_chosen(open_window, old_register, qtbot, tmp_path, messages,
                                                     monkeypatch):
    from brandmark.ui import qt_file_dialogs

    window = open_window(old_register)
    usb = tmp_path / "usb"
    usb.mkdir()
    good = backup.make_backup(window.context.store, usb / "register-copy.db")
    bad = usb / "photo.db"
    bad.write_bytes(b"\x89PNG not a register")
    dialog = QtRestoreDialog(window.context, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(qt_file_dialogs, "open_file_name", lambda *args, **kwargs: (str(bad), ""))
    dialog._choose_file()
    assert dialog.chosen is None and "not a brandmark register" in messages.warnings[0]
    monkeypatch.setattr(qt_file_dialogs, "open_file_name", lambda *args, **kwargs: (str(good), ""))
    dialog._choose_file()
    assert dialog.chosen == good
