"""A dialog's feedback on its fields: the live check under a field, the refusal line above the buttons.

The check calls a core function (``validate_uscc``, ``normalise_standard``...), which
returns the normalised value or raises ``RefusedInput``; the reason is shown in the
window's language, with the bilingual original as the tooltip.

>>> code_ok = show_field_check(label, "91330106MA2B3C4D5X", validate_uscc, "zh_CN",   # doctest: +SKIP
...                            hint="18 characters", valid="Valid code: {0}", empty_ok=False)
>>> layout.addWidget(error_label())                                                    # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from brandmark.errors import RefusedInput
from brandmark.ui.qt_i18n import localized_message

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b6e20;"


def show_field_check(message: QLabel, text: str, check: Callable[[str], object], language: str, *,
                     hint: str, valid: str, empty_ok: bool) -> bool:
    """Check ``text`` with ``check`` and say the outcome in ``message``; returns whether it passed.

    An empty field shows ``hint`` and counts as ``empty_ok``; a refused one the core's reason
    in red; an accepted one ``valid`` (``{0}``: the value ``check`` returned) in green.
    """
    if not text.strip():
        _say(message, hint, "", "")
        return empty_ok
    try:
        value = check(text)
    except RefusedInput as exc:
        _say(message, localized_message(exc, language), ERROR_STYLE, str(exc))
        return False
    _say(message, valid.format(value), OK_STYLE, "")
    return True


def _say(message: QLabel, text: str, style: str, tooltip: str) -> None:
    message.setText(text)
    message.setStyleSheet(style)
    message.setToolTip(tooltip)


def error_label() -> QLabel:
    """The red line where a dialog shows why the store refused it: hidden until needed,
    wrapped, and selectable so the reason can be copied."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label
