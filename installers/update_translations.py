"""Refresh the Qt Linguist files from the source, fill English, compile the .qm files.

    /tmp/venv/bin/python installers/update_translations.py          # or any venv with PySide6

1. ``pyside6-lupdate`` extracts every ``tr()`` / ``QCoreApplication.translate`` /
   ``QT_TRANSLATE_NOOP`` string of ``brandmark/ui`` into ``resources/translations/*.ts``
   (obsolete strings dropped, no source locations so diffs stay small).
2. English: the source strings are English, so each unfinished entry gets its source
   (plural forms "%n record(s)" become "%n record" / "%n records").
3. Chinese entries still unfinished are listed; translate them in Qt Linguist
   (``pyside6-linguist``) or in the XML, then run this again.
4. ``pyside6-lrelease`` compiles the ``.qm`` files that the app loads (committed, so CI
   and users never need the Qt tools).

Exits 1 while any Chinese entry is unfinished.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "brandmark" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (it ships the Qt Linguist tools)")
    return found


def english_plural(source: str) -> tuple[str, str]:
    return re.sub(r"\((e?s)\)", "", source), re.sub(r"\((e?s)\)", r"\1", source)


def unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return translation is None or translation.get("type") == "unfinished"
    forms = translation.findall("numerusform")
    return not any((f.text or "").strip() for f in forms) if forms else not (translation.text or "").strip()


def fill_english(path: Path) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        if not unfinished(message):
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            for form in english_plural(source):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = source
        filled += 1
    write_ts(tree, path)
    return filled


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.glob("*.py"))
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"brandmark_{language}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-target-language",
                        language, *sources, "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
    print(f"English: filled {fill_english(TRANSLATIONS / 'brandmark_en.ts')} entries from the source")
    chinese = ET.parse(TRANSLATIONS / "brandmark_zh_CN.ts")
    missing = [m.findtext("source") for m in chinese.iter("message") if unfinished(m)]
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"brandmark_{language}.ts"
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    if missing:
        print(f"Chinese: {len(missing)} entries to translate:")
        for source in missing:
            print("  ", source)
        return 1
    print("Chinese: complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
