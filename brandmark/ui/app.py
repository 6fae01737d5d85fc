"""The ``brandmark`` desktop app: options, fonts, translator, then the main window.

The window is shown before the database opens (opening it migrates and checks the
bundled packs), and the database opens right after the window's first paint, so the user
sees the window at once. Nothing heavy (sqlite-utils, numpy, reportlab, matplotlib) is
imported at start-up; the register check, the day's backup and the sign-in prompt begin
once the first page has painted (``QtMainWindow.after_first_page``).

    brandmark                      # the default database in the user data folder
    brandmark --db ~/work/a.db     # or BRANDMARK_DB=~/work/a.db brandmark
    brandmark --lang en            # this run in English (Settings → Language remembers a choice)
    brandmark --version            # version, database, data folder and key id; no window
    brandmark --screenshot a.png   # open the window, save a picture of it once the database is
                                   # open, and quit (a smoke test of an installed bundle)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from brandmark.paths import DB_ENV


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="brandmark", description="品字标 assessment, scoring, certificates and brand-value estimates.")
    parser.add_argument("--db", metavar="PATH",
                        help=f"the database file (default: ${DB_ENV}, else brandmark.db in the user data folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"),
                        help="the language of this run (default: the saved choice, else the system's)")
    parser.add_argument("--version", action="store_true",
                        help="print the version, the database, the data folder and the key id, and exit")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="save a picture of the window once the database is open, then quit")
    # Qt's own options (-platform, -style...) pass through to QApplication.
    arguments, _qt_options = parser.parse_known_args(argv)
    return arguments


def register_fonts() -> list[str]:
    """Register the bundled CJK fonts and make them the application font's first families.

    Returns the bundled families that loaded. A missing font file leaves the system's
    fonts in charge (the text still shows wherever the system has CJK glyphs).
    """
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from brandmark.fonts import ui_font_paths

    families: list[str] = []
    try:
        paths = ui_font_paths()
    except FileNotFoundError as exc:
        print(f"brandmark: {exc}", file=sys.stderr)
        paths = []
    for path in paths:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    if families:
        font = QApplication.font()
        system_family = font.family()
        font.setFamilies(families + [system_family])
        QApplication.setFont(font)
    return families


def binding_problem() -> str | None:
    """A warning when the installed PySide6 is known to crash this app, else None."""
    from PySide6 import __version__ as pyside_version

    if pyside_version == "6.12.0" and sys.version_info < (3, 12):
        return ("PySide6 6.12.0 on Python 3.11 mishandles references to None and the window aborts "
                "after a few thousand actions; install another PySide6 release (pip install "
                "'PySide6-Essentials!=6.12.0' 'PySide6-Addons!=6.12.0') or use Python 3.12+.")
    return None


def open_context(db_path: str | None, language: str, user_name: str = ""):
    """Open the store and build the context pages share (imports the store lazily)."""
    from brandmark.store import Store
    from brandmark.ui.qt_context import QtAppContext

    context = QtAppContext(Store(db_path))
    context.language = language
    context.user_name = user_name
    return context


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``brandmark`` gui-script. Returns the exit code."""
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    if arguments.version:
        from brandmark.about import installation, version_text

        print(version_text(installation(db_path=arguments.db)))
        return 0
    problem = binding_problem()
    if problem:
        print(f"brandmark: warning: {problem}", file=sys.stderr)

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from brandmark.ui.qt_i18n import install_translators, resolve_language
    from brandmark.ui.qt_main_window import QtMainWindow, app_icon
    from brandmark.ui.qt_settings import APPLICATION, ORGANISATION, QtPreferences

    from PySide6.QtCore import Qt

    # The platform's own file dialogs (GTK, KDE, macOS) run in this process and read the
    # files they list; the register's database must never be one of them (qt_file_dialogs).
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setDesktopFileName("brandmark")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "brandmark"])
    register_fonts()
    preferences = QtPreferences()
    language = resolve_language(arguments.lang, preferences.language)
    install_translators(app, language)

    window = QtMainWindow(preferences)
    window.show()
    exit_code = {"value": 0}

    attached = []

    def attach() -> None:
        from brandmark.errors import RefusedInput

        if attached:
            return
        attached.append(True)
        try:
            context = open_context(arguments.db, language)
        except (RefusedInput, OSError) as exc:
            from PySide6.QtWidgets import QMessageBox

            from brandmark.ui.qt_i18n import localized_message

            QMessageBox.critical(window, QCoreApplication.translate("QtMainWindow", "Cannot open the database"),
                                 localized_message(exc, language))
            exit_code["value"] = 2
            window.close()
            return
        context.setParent(window)
        app.setWindowIcon(app_icon())
        window.attach(context)
        if arguments.screenshot:
            QTimer.singleShot(0, save_screenshot)
        else:
            window.after_first_page(window.ask_sign_in)

    def save_screenshot() -> None:
        for _ in range(5):          # let the first page lay itself out and paint
            app.processEvents()
        if not window.grab().save(arguments.screenshot):
            print(f"brandmark: cannot write the screenshot {arguments.screenshot}", file=sys.stderr)
            exit_code["value"] = 2
        window.close()

    # Open the database once the window is on screen (its first paint), or after a short
    # wait if the platform never paints it (minimised, hidden).
    window.first_painted.connect(attach)
    QTimer.singleShot(1000, attach)
    result = app.exec()
    return exit_code["value"] or result


if __name__ == "__main__":
    sys.exit(main())
