"""The shipped translations are complete, and the committed .qm files match the .ts files
(a .ts edited without running lrelease fails here)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from brandmark.paths import translations_dir

LANGUAGES = ("zh_CN", "en")


def ts_path(language: str) -> Path:
    return translations_dir() / f"brandmark_{language}.ts"


def messages(language: str):
    tree = ET.parse(ts_path(language))
    for context in tree.iter("context"):
        for message in context.findall("message"):
            yield context.findtext("name"), message


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated(language):
    problems = []
    count = 0
    for context, message in messages(language):
        count += 1
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            problems.append(f"{context}: unfinished: {source}")
            continue
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if not all(text.strip() for text in texts):
            problems.append(f"{context}: empty: {source}")
    assert count > 100, f"{ts_path(language).name} looks truncated ({count} entries)"
    assert not problems, "\n".join(problems)


def test_chinese_translation_is_chinese():
    latin_only = [f"{context}: {message.findtext('source')}" for context, message in messages("zh_CN")
                  if message.get("numerus") != "yes" and any(c.isalpha() for c in message.findtext("source"))
                  and not any("\u3400" <= c <= "\u9fff" for c in (message.findtext("translation") or ""))]
    # A few strings are legitimately the same in both (codes, units, "brandmark").
    assert len(latin_only) <= 12, "\n".join(latin_only)


@pytest.mark.gui
@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_qm_matches_the_ts(language, qapp):
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(ts_path(language).with_suffix(".qm"))), "the .qm is missing: run lrelease"
    stale = []
    for context, message in messages(language):
        translation = message.find("translation")
        if message.get("numerus") == "yes" or translation.get("type") in ("vanished", "obsolete"):
            continue
        source = message.findtext("source")
        comment = message.findtext("comment")
        got = translator.translate(context, source, comment)
        if got != (translation.text or "") and not (language == "en" and got == "" and translation.text == source):
            stale.append(f"{context}: {source!r}: .qm has {got!r}")
    assert not stale, "the .qm is older than the .ts (run installers/update_translations.py):\n" + "\n".join(stale[:20])
