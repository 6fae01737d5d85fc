"""Issue 8 §3 in the window: a damaged register opens read-only under a banner that says
so and names the restore command; what would write is refused, the file stays as it was."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.ui.qt_main_window import QtMainWindow  # noqa: E402
from brandmark.ui.qt_settings import QtPreferences, open_settings  # noqa: E402
from test_store_open import damage_index, small_register  # noqa: E402

pytestmark = pytest.mark.gui


def open_window(qtbot, tmp_path, path, language="en"):
    store = Store(path)
    context = QtAppContext(store)
    context.language = language
    window = QtMainWindow(QtPreferences(open_settings(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.show()
    window.attach(context)
    return window, store


def test_a_damaged_register_shows_the_banner_and_refuses_writes(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = small_register(tmp_path / "damaged.db")
    damage_index(path)
    before = path.read_bytes()
    window, store = open_window(qtbot, tmp_path, path)
    try:
        assert window.damage_banner.isVisible()
        text = window.damage_banner.text()
        assert "read-only" in text and "brandmark-cli db restore FILE" in text
        window.grab().save(str(tmp_path / "damaged-window.png"))
        shown = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, message, *a: shown.append(message))
        with pytest.raises(Exception):
            store.applicants.add(name="宁波测试电器有限公司", uscc="91330200MA2AGJ5P59", actor="t")
        assert window.show_page("applicants").model.rowCount() == 1      # it reads
    finally:
        window.close()
        store.close()
    assert path.read_bytes() == before


def test_a_sound_register_shows_no_banner(qtbot, tmp_path):
    window, store = open_window(qtbot, tmp_path, small_register(tmp_path / "sound.db"))
    try:
        assert not window.damage_banner.isVisible()
    finally:
        window.close()
        store.close()
