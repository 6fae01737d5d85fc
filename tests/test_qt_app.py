"""The ``brandmark`` entry point: options, the database it opens, a database it cannot open."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from brandmark.ui import app as app_module  # noqa: E402
from brandmark.ui.qt_i18n import install_translators  # noqa: E402
from brandmark.ui.qt_main_window import QtMainWindow  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def isolated(qapp, tmp_path, monkeypatch):
    """User settings and data in a temporary folder; English and the plain font restored after."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    monkeypatch.setenv("BRANDMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BRANDMARK_DB", raising=False)
    font = QApplication.font()
    yield tmp_path
    install_translators(qapp, "en")
    QApplication.setFont(font)


def run_until_attached(monkeypatch) -> list[QtMainWindow]:
    """Make main() return as soon as its window has opened the database."""
    opened = []
    original = QtMainWindow.attach

    def attach(self, context):
        original(self, context)
        opened.append(self)
        QTimer.singleShot(0, self.close)

    monkeypatch.setattr(QtMainWindow, "attach", attach)
    return opened


def test_options():
    arguments = app_module.parse_arguments(["--db", "x.db", "--lang", "en", "-style", "fusion"])
    assert (arguments.db, arguments.lang) == ("x.db", "en")
    with pytest.raises(SystemExit):
        app_module.parse_arguments(["--lang", "fr"])


def test_main_opens_the_given_database_in_the_given_language(isolated, monkeypatch):
    opened = run_until_attached(monkeypatch)
    db = isolated / "chosen.db"
    assert app_module.main(["--db", str(db), "--lang", "en"]) == 0
    assert db.is_file()
    assert opened and opened[0].context.db_path == db and opened[0].context.language == "en"
    assert QApplication.font().families()[0] == "DejaVu Sans"
    assert {"Droid Sans Fallback", "LXGW WenKai"} <= set(QApplication.font().families())


def test_main_honours_brandmark_db(isolated, monkeypatch):
    opened = run_until_attached(monkeypatch)
    db = isolated / "from-env.db"
    monkeypatch.setenv("BRANDMARK_DB", str(db))
    assert app_module.main(["--lang", "zh_CN"]) == 0
    assert opened[0].context.db_path == db
    assert opened[0].sidebar.item(0).text() == "申请企业"


def test_a_database_that_cannot_be_opened_is_explained(isolated, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    not_a_database = isolated / "notes.db"
    not_a_database.write_text("these are my notes, not a database\n" * 50)
    assert app_module.main(["--db", str(not_a_database), "--lang", "en"]) == 2
    assert shown and "notes.db" in shown[0]
    assert not_a_database.read_text().startswith("these are my notes")
