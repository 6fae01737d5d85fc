"""Languages: the translators load, the choice order is --lang > saved > system, and the
bilingual core messages are cut to the current language."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QLocale  # noqa: E402

from brandmark.ui.qt_i18n import install_translators, localized_message, resolve_language, system_language  # noqa: E402
from brandmark.ui.qt_settings import QtPreferences, open_settings  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qapp):
    yield qapp
    install_translators(qapp, "en")        # later tests see the English source strings


def tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def test_chinese_translator_translates_the_window(app):
    loaded = install_translators(app, "zh_CN")
    assert loaded, "brandmark_zh_CN.qm did not load"
    assert tr("QtMainWindow", "Applicants") == "申请企业"
    assert tr("QtMainWindow", "Schemes") == "认证方案"
    assert tr("QtRegisterColumns", "Credit code") == "统一社会信用代码"
    assert tr("QtRegisterView", "%n record(s)", 3) == "共 3 条记录"


def test_english_translator_replaces_the_chinese_one(app):
    install_translators(app, "zh_CN")
    install_translators(app, "en")
    assert tr("QtMainWindow", "Applicants") == "Applicants"
    assert tr("QtRegisterView", "%n record(s)", 1) == "1 record"
    assert tr("QtRegisterView", "%n record(s)", 5) == "5 records"


def test_unknown_language_is_refused(app):
    with pytest.raises(ValueError):
        install_translators(app, "fr")


def test_language_choice_order():
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert system_language(chinese) == "zh_CN" and system_language(english) == "en"
    assert resolve_language(None, None, chinese) == "zh_CN"
    assert resolve_language(None, "en", chinese) == "en"
    assert resolve_language("zh_CN", "en", english) == "zh_CN"
    assert resolve_language(None, "klingon", english) == "en"


def test_language_preference_round_trip(tmp_path, qapp):
    preferences = QtPreferences(open_settings(tmp_path / "s.ini"))
    assert preferences.language is None
    preferences.language = "en"
    assert QtPreferences(open_settings(tmp_path / "s.ini")).language == "en"
    with pytest.raises(ValueError):
        preferences.language = "de"


@pytest.mark.parametrize("message, zh, en", [
    ("统一社会信用代码为空 / the unified social credit code is empty",
     "统一社会信用代码为空", "the unified social credit code is empty"),
    ("标准编号'x'格式不对，应为 T/ZZB NNNN—YYYY（如 T/ZZB 0123—2024）/ standard number 'x' must look like T/ZZB",
     "标准编号'x'格式不对，应为 T/ZZB NNNN—YYYY（如 T/ZZB 0123—2024）", "standard number 'x' must look like T/ZZB"),
    ("cannot sort applicants by 'x'", "cannot sort applicants by 'x'", "cannot sort applicants by 'x'"),
])
def test_bilingual_messages_are_cut_at_the_language_boundary(message, zh, en):
    assert localized_message(message, "zh_CN") == zh
    assert localized_message(message, "en") == en


def test_a_refusal_with_codes_is_rendered_not_cut():
    from brandmark.errors import Problem, RefusedInput

    refused = RefusedInput(problems=[Problem("uscc.empty", ("uscc",)),
                                     Problem("text", (), {"text": "操作人不能为空 / by must not be empty"})])
    assert localized_message(refused, "zh_CN") == "统一社会信用代码：不能为空\n操作人不能为空"
    assert localized_message(refused, "en") == "uscc: must not be empty\nby must not be empty"
