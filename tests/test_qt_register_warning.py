"""The window checks the register at open, in the background, and warns when it was altered."""

from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("PySide6")

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_main_window import QtMainWindow  # noqa: E402
from brandmark.ui.qt_settings import QtPreferences, open_settings  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def open_window(qtbot, tmp_path):
    stores = []

    def make(path, language="en"):
        store = Store(path, load_bundled_packs=False)
        stores.append(store)
        context = QtAppContext(store)
        context.language = language
        window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
        qtbot.addWidget(window)
        window.show()
        window.attach(context)
        # The check starts once the first page has painted (after_first_page).
        qtbot.waitUntil(lambda: window.register_check is not None and not window.register_check.running,
                        timeout=30_000)
        return window

    yield make
    for store in stores:
        store.close()


def register_with_events(path):
    with Store(path, load_bundled_packs=False) as store:
        for n in range(4):
            store.events.record("tester", "thing.touch", "thing", n)


def test_an_intact_register_opens_without_a_warning(open_window, tmp_path):
    path = tmp_path / "intact.db"
    register_with_events(path)
    window = open_window(path)
    assert window.register_warning.isHidden()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_altered_register_opens_with_a_warning_naming_the_break(open_window, tmp_path, language):
    path = tmp_path / "altered.db"
    register_with_events(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER events_append_only_update")
    conn.execute("UPDATE events SET actor = 'someone' WHERE id = 3")
    conn.close()
    window = open_window(path, language)
    assert window.register_warning.isVisible()
    text = window.register_warning.text()
    assert "db verify" in text
    assert ("事件 #3：记录后内容被改动" if language == "zh_CN" else "event #3: its content was changed") in text
    assert window.sidebar.isEnabled()        # a warning, not a block
    window.grab().save(str(tmp_path / f"register-warning-{language}.png"))
