"""The window's preferences (language, geometry, the user's name), kept in QSettings.

Stored under the organisation "brandmark" in the platform's native place (registry,
plist or ``~/.config/brandmark/brandmark.conf``). Tests pass their own ``QSettings``
(an INI file in a temporary folder) so they never touch the user's real preferences.

>>> prefs = QtPreferences()                      # doctest: +SKIP
>>> prefs.language = "en"                       # doctest: +SKIP  (applied on the next start)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from brandmark.ui.qt_i18n import LANGUAGES

ORGANISATION = "brandmark"
APPLICATION = "brandmark"


def open_settings(ini_path: str | Path | None = None) -> QSettings:
    """The application's QSettings; with ``ini_path`` an INI file there (for tests)."""
    if ini_path is not None:
        return QSettings(str(ini_path), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


class QtPreferences:
    """Typed access to the few preferences the window keeps."""

    def __init__(self, settings: QSettings | None = None):
        self.settings = settings if settings is not None else open_settings()

    # -- language -----------------------------------------------------------------
    @property
    def language(self) -> str | None:
        """The chosen language, or None to follow the system (``QLocale.system()``)."""
        value = self.settings.value("ui/language", "")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, value: str | None) -> None:
        if value is None:
            self.settings.remove("ui/language")
        elif value in LANGUAGES:
            self.settings.setValue("ui/language", value)
        else:
            raise ValueError(f"unknown language {value!r}; use one of {', '.join(LANGUAGES)}")
        self.settings.sync()

    # -- the person at the keyboard -------------------------------------------------
    @property
    def user_name(self) -> str:
        return str(self.settings.value("user/name", "") or "")

    @user_name.setter
    def user_name(self, value: str) -> None:
        self.settings.setValue("user/name", value.strip())

    @property
    def idle_lock_minutes(self) -> int:
        """Minutes without input after which the session locks (qt_sign_in)."""
        try:
            return max(1, int(self.settings.value("session/idle_lock_minutes", 10)))
        except (TypeError, ValueError):
            return 10

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        self.settings.setValue("session/idle_lock_minutes", max(1, int(value)))

    # -- window state ---------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self.settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.settings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    @property
    def current_page(self) -> str:
        return str(self.settings.value("window/page", "") or "")

    @current_page.setter
    def current_page(self, value: str) -> None:
        self.settings.setValue("window/page", value)

    def sync(self) -> None:
        self.settings.sync()
