"""The body settings dialog: names, code, logo, number pattern and scheme codes, time zone,
the signing key (id, rotation, trust list) and the backups' state."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from brandmark.store import Store  # noqa: E402
from test_certificates_support import BODY_PASSPHRASE, ensure_body_key, issued  # noqa: E402


@pytest.fixture
def dialog(qtbot, tmp_path, clock, monkeypatch):
    from brandmark.ui.qt_body_settings import QtBodySettingsDialog
    from brandmark.ui.qt_certificates_page import QtCertificatesPage
    from brandmark.ui.qt_context import QtAppContext

    store = Store(tmp_path / "body.db", clock=clock)
    context = QtAppContext(store)
    context.user_name = "王五"
    refusals = []
    monkeypatch.setattr(context, "show_refusal", lambda parent, title, exc: refusals.append(exc.problems[0].code))
    page = QtCertificatesPage(context)
    qtbot.addWidget(page)
    made = {}

    def make():
        made["dialog"] = QtBodySettingsDialog(page)
        made["dialog"].refusals = refusals
        qtbot.addWidget(made["dialog"])
        return made["dialog"]

    yield make
    store.close()


def test_names_code_pattern_and_scheme_codes_are_saved_together(dialog, tmp_path):
    settings = dialog()
    store = settings.store
    settings.name_edit.setText("浙江品字标认证中心")
    settings.name_en_edit.setText("Zhejiang Brand Certification Centre")
    settings.code_edit.setText("ZBC")
    settings.pattern_edit.setText("{body}{year}-{scheme}-{seq:04d}")
    assert settings.pattern_example.text().startswith("ZBC2026-")
    row = next(r for r in range(settings.scheme_table.rowCount())
               if settings.scheme_table.item(r, 0).text() == "zhejiang-made")
    settings.scheme_table.item(row, 2).setText("PZB")
    assert settings.changes() == {"body_name": "浙江品字标认证中心", "body_name_en": "Zhejiang Brand Certification Centre",
                                  "body_code": "ZBC", "number_pattern": "{body}{year}-{scheme}-{seq:04d}",
                                  "scheme_codes": {"zhejiang-made": "PZB"}}
    settings.accept()
    body = store.certificates.body()
    assert (body["name"], body["name_en"], body["code"]) == ("浙江品字标认证中心", "Zhejiang Brand Certification Centre",
                                                            "ZBC")
    assert store.certificates.number_pattern() == "{body}{year}-{scheme}-{seq:04d}"
    assert store.certificates.scheme_code("zhejiang-made", "zhejiang-made") == "PZB"
    assert dialog().changes() == {}, "a dialog opened again shows what was saved"


def test_a_bad_pattern_is_shown_at_once_and_refused_on_ok(dialog):
    settings = dialog()
    settings.pattern_edit.setText("{body}-{year}")            # no {seq}
    assert "seq" in settings.pattern_example.text()
    settings.accept()
    assert settings.refusals == ["numbering.seq"] and settings.result() == 0
    assert settings.store.certificates.number_pattern() == "{body}-{scheme}-{year}-{seq:05d}"


def test_a_logo_is_chosen_previewed_and_printed(dialog, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 120), (160, 30, 30)).save(logo)
    settings = dialog()
    assert "emblem" in settings.logo_label.text()
    settings.set_logo(str(logo))
    assert settings.logo_preview.pixmap() is not None and not settings.logo_preview.pixmap().isNull()
    settings.accept()
    assert settings.store.certificates.body()["logo"] == str(logo.resolve())
    again = dialog()
    again.set_logo("")
    again.accept()
    assert again.store.certificates.body()["logo"] == ""


def test_the_key_tab_shows_the_key_and_rotates_it(dialog, monkeypatch):
    settings = dialog()
    assert not settings.rotate_button.isEnabled() and "keys init" in settings.key_label.text()
    ensure_body_key(settings.store)
    settings.update_key_info()
    old = settings.store.body_keys.current()["key_id"]
    assert old in settings.key_label.text() and settings.rotate_button.isEnabled()
    assert settings.rotate_key("wrong passphrase") is None and settings.refusals == ["keys.wrong_passphrase"]
    new = settings.rotate_key(BODY_PASSPHRASE)
    assert new["key_id"] != old and new["key_id"] in settings.key_label.text()
    assert settings.earlier_keys.count() == 2


def test_the_trust_list_is_exported_and_the_save_says_where(dialog, tmp_path):
    from brandmark.ui.qt_saved import OBJECT_NAME

    settings = dialog()
    ensure_body_key(settings.store)
    target = tmp_path / "trust-list.json"
    exported = settings.export_trust_list(target, BODY_PASSPHRASE)
    assert exported["keys"] == [settings.store.body_keys.current()["key_id"]]
    assert json.loads(target.read_text(encoding="utf-8"))
    box = settings.findChild(QMessageBox, OBJECT_NAME)
    assert box is not None and str(target) in box.text()


def test_the_backup_tab_says_when_a_backup_is_due_and_makes_one(dialog, qtbot, clock):
    import datetime as dt

    settings = dialog()
    store = settings.store
    issued(store)
    store.clock = lambda: clock() + dt.timedelta(days=3)
    settings.update_backup_info()
    assert settings.backup_status_late and "No backup yet" in settings.backup_label.text()
    made = []
    settings.back_up_now(on_done=made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=30_000)
    assert not settings.backup_status_late and str(made[0]) in settings.backup_label.text()


def test_screenshots_of_every_tab(dialog, tmp_path):
    import os
    from pathlib import Path

    settings = dialog()
    ensure_body_key(settings.store)
    settings.update_key_info()
    target = Path(os.environ.get("BRANDMARK_SCREENSHOT_DIR") or tmp_path)
    settings.show()
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        assert settings.grab().save(str(target / f"body-settings-{index}.png"))
