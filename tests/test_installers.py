"""The installers' metadata: the Linux desktop entry and AppStream file pass their
validators (skipped where the validators are not installed; .ci/run installs them), the
Windows and macOS recipes agree with the spec, and the generated icons are present."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from support import REPO

INSTALLERS = REPO / "installers"
DESKTOP = INSTALLERS / "brandmark.desktop"
METAINFO = INSTALLERS / "io.github.brandmark.metainfo.xml"
ISS = INSTALLERS / "brandmark.iss"
SPEC = INSTALLERS / "brandmark.spec"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_the_desktop_entry_passes_desktop_file_validate():
    result = run("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_the_metainfo_passes_appstreamcli_validate():
    result = run("appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_the_desktop_entry_starts_the_bundles_window_in_both_languages():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] == "brandmark" and desktop["Icon"] == "brandmark"
    assert re.search(r'name="brandmark",\s*console=False', SPEC.read_text(encoding="utf-8"))
    assert "品字标" in desktop["Name[zh_CN]"] and "品字标" in desktop["Comment[zh_CN]"]


def test_the_metainfo_names_and_summarises_in_chinese_and_english_with_real_screenshots():
    root = ET.parse(METAINFO).getroot()
    for tag in ("name", "summary"):
        languages = {element.get(LANG) for element in root.findall(tag)}
        assert {None, "zh_CN"} <= languages, f"{tag}: {languages}"
    assert root.find("launchable").text == DESKTOP.name
    images = root.findall("screenshots/screenshot/image")
    assert len(images) >= 4 and {image.get(LANG) for image in images} >= {None, "zh_CN"}
    for image in images:
        name = image.text.rsplit("/docs/screenshots/", 1)[1]
        assert (REPO / "docs" / "screenshots" / name).is_file(), f"{name} is not in docs/screenshots"
    assert root.find("releases/release").get("version") in (REPO / "pyproject.toml").read_text()


def test_windows_and_macos_associate_the_same_exchange_extension():
    extension = re.search(r'^EXCHANGE_EXTENSION = "(\w+)"', SPEC.read_text(encoding="utf-8"), re.M).group(1)
    iss = ISS.read_text(encoding="utf-8")
    assert re.search(rf'^#define ExchangeExtension "\.{extension}"$', iss, re.M)
    assert "{userappdata}" in iss.lower() or "{localappdata}" in iss.lower()
    start_menu = [line for line in iss.splitlines() if line.startswith('Name: "{group}')]
    assert start_menu and all(re.search(r"[\u4e00-\u9fff]", line) for line in start_menu), start_menu


def test_the_generated_icons_hold_every_size_the_platforms_ask_for():
    from PIL import Image

    icns = Image.open(INSTALLERS / "icons" / "brandmark.icns")
    assert icns.format == "ICNS" and {(512, 512, 2), (16, 16, 1)} & set(icns.info["sizes"])
    assert max(size[0] * size[2] for size in icns.info["sizes"]) == 1024
    ico = Image.open(INSTALLERS / "icons" / "brandmark.ico")
    assert ico.format == "ICO" and {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
