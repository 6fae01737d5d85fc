"""The distribution kinds in the window's language.

The engine's refusals are rendered from the message catalogue by code
(``brandmark.messages``); this module only names the distribution kinds a read-only
field shows ("三角 0.018 / 0.02 / 0.022").

>>> distribution_name("triangular")   # doctest: +SKIP
'三角'
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "QtValuationMessages"     # written out in each QT_TRANSLATE_NOOP: lupdate reads literals only


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# The distribution kinds as a read-only field shows them ("triangular 0.018 / 0.02 / 0.022").
DISTRIBUTION_NAMES = {"triangular": QT_TRANSLATE_NOOP("QtValuationMessages", "triangular"),
                      "uniform": QT_TRANSLATE_NOOP("QtValuationMessages", "uniform"),
                      "normal": QT_TRANSLATE_NOOP("QtValuationMessages", "normal"),
                      "lognormal": QT_TRANSLATE_NOOP("QtValuationMessages", "lognormal")}


def distribution_name(kind: str) -> str:
    """A distribution's name in the window's language (the engine's key if unknown)."""
    return _tr(DISTRIBUTION_NAMES[kind]) if kind in DISTRIBUTION_NAMES else kind
