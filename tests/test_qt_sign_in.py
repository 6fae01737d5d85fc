"""Who is working: the sign-in screen, the status bar, the idle lock."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_main_window import QtMainWindow  # noqa: E402
from brandmark.ui.qt_settings import QtPreferences, open_settings  # noqa: E402
from brandmark.ui.qt_sign_in import QtSession, QtSignInDialog  # noqa: E402
from support import TEST_PASSPHRASE, register_staff  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store(tmp_path / "sign-in.db")
    staff = register_staff(store, unlock=False)
    store.people.deactivate(staff["王五"], by="tests")
    context = QtAppContext(store)
    context.language = "en"
    preferences = QtPreferences(open_settings(tmp_path / "settings.ini"))
    main = QtMainWindow(preferences)
    qtbot.addWidget(main)
    main.show()
    main.attach(context)
    main.staff = staff
    yield main
    store.close()


def test_the_status_bar_says_who_is_working(window):
    assert window.working_label.text() == "Nobody signed in"
    window.session.sign_in(window.staff["李四"], TEST_PASSPHRASE)
    assert window.working_label.text() == "Working: 李四"
    assert window.windowTitle().endswith("Working: 李四")          # issue 11 §1: always in view
    assert window.context.user_name == "李四" and window.context.person["id"] == window.staff["李四"]
    window.session.sign_out()
    assert window.working_label.text() == "Nobody signed in" and window.context.user_name == ""


def test_the_sign_in_screen_lists_active_people_and_refuses_a_wrong_passphrase(window, qtbot):
    dialog = window.ask_sign_in()
    qtbot.addWidget(dialog)
    listed = [dialog.people.item(row).text() for row in range(dialog.people.count())]
    assert any(text.startswith("李四") for text in listed)
    assert not any(text.startswith("王五") for text in listed), "an inactive person cannot sign in"
    dialog.people.setCurrentRow(next(r for r, text in enumerate(listed) if text.startswith("李四")))
    dialog.passphrase.setText("not the passphrase")
    dialog.accept()
    assert dialog.isVisible() and "wrong passphrase" in dialog.warning.text()
    assert window.session.person is None and window.context.store.people.unlocked() == []
    dialog.passphrase.setText(TEST_PASSPHRASE)
    dialog.accept()
    assert not dialog.isVisible() and dialog.passphrase.text() == ""
    assert window.working_label.text() == "Working: 李四"
    assert window.context.store.people.unlocked() == [window.staff["李四"]]


def test_signing_in_as_another_signs_the_first_out(window):
    window.session.sign_in(window.staff["李四"], TEST_PASSPHRASE)
    window.session.sign_in(window.staff["赵六"], TEST_PASSPHRASE)
    assert window.context.store.people.unlocked() == [window.staff["赵六"]]
    with pytest.raises(Exception):
        window.session.sign_in(window.staff["张三"], "wrong passphrase")
    assert window.session.person["name"] == "赵六", "a refused sign-in changes nobody"


def test_the_session_locks_when_idle_and_asks_again(window, qtbot):
    window.session.sign_in(window.staff["李四"], TEST_PASSPHRASE)
    window.session.timer.setInterval(20)        # minutes in use; milliseconds here
    window.session.timer.start()
    with qtbot.waitSignal(window.session.locked, timeout=5000):
        pass
    assert window.session.person is None and window.context.store.people.unlocked() == []
    assert window.working_label.text() == "Nobody signed in"
    assert window.sign_in_dialog.isVisible() and "locked" in window.sign_in_dialog.findChildren(
        type(window.working_label))[0].text()


def test_input_restarts_the_idle_timer(window, qtbot):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    session = window.session
    session.sign_in(window.staff["李四"], TEST_PASSPHRASE)
    session.timer.stop()
    session.eventFilter(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    assert session.timer.isActive()


def test_idle_minutes_are_a_preference(tmp_path, qapp):
    preferences = QtPreferences(open_settings(tmp_path / "settings.ini"))
    assert preferences.idle_lock_minutes == 10
    preferences.idle_lock_minutes = 3
    assert QtPreferences(open_settings(tmp_path / "settings.ini")).idle_lock_minutes == 3
    store = Store(":memory:", load_bundled_packs=False)
    session = QtSession(QtAppContext(store), idle_minutes=3)
    assert session.timer.interval() == 3 * 60_000
    store.close()


def test_an_empty_register_says_how_to_register_people(qtbot, qapp):
    store = Store(":memory:", load_bundled_packs=False)
    dialog = QtSignInDialog(QtSession(QtAppContext(store)))
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.warning)))
    assert "people add" in texts and dialog.people.count() == 0
    store.close()
