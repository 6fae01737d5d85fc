"""Languages: choosing one, loading its translators, and core refusals in the chosen one.

The source strings in the code are English; ``resources/translations`` holds Qt Linguist
files for Chinese (``brandmark_zh_CN``) and English (``brandmark_en``), compiled to ``.qm``.
Chinese is the default on a Chinese system, English elsewhere; the user's choice (Settings →
Language, kept in QSettings) wins over both and applies on the next start.

>>> install_translators(app, "zh_CN")               # doctest: +SKIP
>>> QCoreApplication.translate("QtMainWindow", "Applicants")  # doctest: +SKIP
'申请企业'
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from brandmark.errors import Problem, RefusedInput
from brandmark.messages import render_message
from brandmark.paths import translations_dir

LANGUAGES = ("zh_CN", "en")
# Each language is named in itself in the menu, so a user who cannot read the current
# language still finds their own.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}

_installed: list[QTranslator] = []


def localized(chinese: str, english: str, language: str) -> str:
    """The text to show: Chinese for zh_CN, else English falling back to Chinese."""
    if language.startswith("zh"):
        return chinese or english
    return english or chinese


def system_language(locale: QLocale | None = None) -> str:
    """``zh_CN`` on a Chinese system, ``en`` otherwise."""
    locale = locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def resolve_language(explicit: str | None = None, saved: str | None = None,
                     locale: QLocale | None = None) -> str:
    """``--lang`` wins, then the saved preference, then the system's language."""
    for choice in (explicit, saved):
        if choice in LANGUAGES:
            return choice
    return system_language(locale)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace the installed translators with brandmark's and Qt's own for ``language``.

    Returns the translators loaded; a missing ``.qm`` is skipped (the English source
    strings show instead), never an error.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    candidates = [(f"brandmark_{language}", str(translations_dir())),
                  (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return list(_installed)


# Prose that did not come as a Problem (a refusal still written as "中文 / English" text,
# a blocker or reason stored as text) is cut at the first "/ " that follows Chinese text
# and precedes a Latin letter (a slash inside "T/ZZB" has no space after it and stays).
# Compiled on first use: compiling them costs the window's start-up about 7 ms.
@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    return (re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef'\"”’)）\]】\d])\s?/\s(?=[A-Za-z#'\"])"),
            re.compile(r"[\u3400-\u9fff]"))


def localized_message(message: str | BaseException, language: str) -> str:
    """A core refusal or message in ``language``.

    A ``RefusedInput`` is rendered from its problems' codes (the message catalogue);
    only text without a code (plain prose, an exception from elsewhere) is cut to the
    half in ``language`` (the whole text if it is not bilingual).

    >>> localized_message("信用代码为空 / the code is empty", "en")
    'the code is empty'
    >>> from brandmark.errors import RefusedInput
    >>> localized_message(RefusedInput.of("text.empty", ("uscc",)), "zh_CN")
    '统一社会信用代码：不能为空'
    """
    if isinstance(message, RefusedInput):
        return "\n".join(_half(problem.params.get("text", ""), language) if problem.code == "text"
                         else problem.message(language) for problem in message.problems)
    return _half(str(message), language)


def problem_message(problem: Problem, language: str) -> str:
    """One problem's message in ``language`` without its field (the form names the field)."""
    if problem.code == "text":
        return _half(str(problem.params.get("text", "")), language)
    return render_message(problem, language)


def window_language() -> str:
    """The language the window speaks (``install_translators`` sets Qt's default locale)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def _half(text: str, language: str) -> str:
    split, cjk = _patterns()
    parts = []
    for line in text.splitlines() or [text]:
        match = split.search(line)
        if match and cjk.search(line[:match.start()]):
            chinese, english = line[:match.start()].strip(), line[match.end():].strip()
            parts.append(chinese if language == "zh_CN" else english)
        else:
            parts.append(line)
    return "\n".join(parts)
