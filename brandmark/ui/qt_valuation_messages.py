"""The valuation engine's problem messages in the window's language.

The engine (``brandmark.scoring.valuation``) reports problems in English, one per line,
``"path: message"``, for the CLI and its JSON files. The brand-value page names the field
itself; this module translates the message part of the ones a user of the form can meet.
A message no pattern knows is shown as the engine wrote it, never dropped.

>>> translate_problem("required (the brand's discount rate, e.g. 0.12)")   # doctest: +SKIP
'必填'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "QtValuationMessages"     # written out in each QT_TRANSLATE_NOOP: lupdate reads literals only
NUMBER = r"(-?[\d.,]+(?:e[-+]?\d+)?|-?inf)"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def bounds_text(description: str) -> str:
    """The engine's bounds ("between 0 and 0.5", "at least 0", "above 0 and at most 1")."""
    patterns = (
        (rf"between {NUMBER} and {NUMBER}", QT_TRANSLATE_NOOP("QtValuationMessages", "between {0} and {1}")),
        (rf"above {NUMBER} and at most {NUMBER}", QT_TRANSLATE_NOOP("QtValuationMessages", "above {0} and at most {1}")),
        (rf"at least {NUMBER}", QT_TRANSLATE_NOOP("QtValuationMessages", "at least {0}")),
        (rf"above {NUMBER}", QT_TRANSLATE_NOOP("QtValuationMessages", "above {0}")),
    )
    for pattern, text in patterns:
        match = re.fullmatch(pattern, description)
        if match:
            return _tr(text).format(*match.groups())
    return description


def _rule(pattern: str, text: str, convert: Callable[[re.Match], tuple] | None = None):
    return re.compile(pattern), text, convert


# (pattern over the message after "path: ", English source, how the groups fill it)
RULES = (
    _rule(r"required when tax_amortisation_years is set.*",
          QT_TRANSLATE_NOOP("QtValuationMessages", "is required with the tax amortisation benefit (the benefit is a tax saving)")),
    _rule(r"required\b.*", QT_TRANSLATE_NOOP("QtValuationMessages", "is required")),
    _rule(rf"must be (.+), got (?:base value )?{NUMBER}",
          QT_TRANSLATE_NOOP("QtValuationMessages", "must be {0}, got {1}"), lambda m: (bounds_text(m.group(1)), m.group(2))),
    _rule(rf"the distribution reaches {NUMBER}; values must be (.+)",
          QT_TRANSLATE_NOOP("QtValuationMessages", "the distribution reaches {0}; values must be {1}"),
          lambda m: (m.group(1), bounds_text(m.group(2)))),
    _rule(rf"low {NUMBER} is above high {NUMBER}", QT_TRANSLATE_NOOP("QtValuationMessages", "low {0} is above high {1}")),
    _rule(rf"{NUMBER} must be below discount_rate {NUMBER} .*",
          QT_TRANSLATE_NOOP("QtValuationMessages", "{0} must be below the discount rate {1} (the Gordon growth terminal "
                                     "value needs a discount rate above the growth)")),
    _rule(rf"(?:triangular|uniform) low must be below high, got low {NUMBER}, high {NUMBER}",
          QT_TRANSLATE_NOOP("QtValuationMessages", "low must be below high, got low {0}, high {1}")),
    _rule(rf"triangular needs low <= mode <= high, got low {NUMBER}, mode {NUMBER}, high {NUMBER}",
          QT_TRANSLATE_NOOP("QtValuationMessages", "needs low <= mode <= high, got low {0}, mode {1}, high {2}")),
    _rule(rf"(?:normal|lognormal) sd must be greater than 0, got {NUMBER}",
          QT_TRANSLATE_NOOP("QtValuationMessages", "the standard deviation must be greater than 0, got {0}")),
    _rule(rf"lognormal mean must be greater than 0, got {NUMBER}",
          QT_TRANSLATE_NOOP("QtValuationMessages", "a lognormal mean must be greater than 0, got {0}")),
    _rule(rf"lognormal min must be at least 0 .*, got {NUMBER}",
          QT_TRANSLATE_NOOP("QtValuationMessages", "a lognormal minimum must be at least 0 (a lognormal is never negative), "
                                     "got {0}")),
    _rule(rf"lognormal sd {NUMBER} is too large for its mean {NUMBER} .*",
          QT_TRANSLATE_NOOP("QtValuationMessages", "the standard deviation {0} is too large for the mean {1}")),
    _rule(rf"(?:normal|lognormal) min must be below max, got min {NUMBER}, max {NUMBER}",
          QT_TRANSLATE_NOOP("QtValuationMessages", "the minimum must be below the maximum, got minimum {0}, maximum {1}")),
    _rule(r"(?:normal|lognormal) min/max keep almost none of the distribution .*",
          QT_TRANSLATE_NOOP("QtValuationMessages", "the minimum and maximum keep almost none of the distribution; check them")),
    _rule(r"\w+ (low|mode|high|mean|sd|min|max) must be a number, got (.*)",
          QT_TRANSLATE_NOOP("QtValuationMessages", "{0} must be a number, got {1}"),
          lambda m: (parameter_name(m.group(1)), m.group(2))),
    _rule(r"a \w+ distribution needs '(\w+)'", QT_TRANSLATE_NOOP("QtValuationMessages", "{0} is required"),
          lambda m: (parameter_name(m.group(1)),)),
)

PARAMETERS = {"low": QT_TRANSLATE_NOOP("QtValuationMessages", "low"), "mode": QT_TRANSLATE_NOOP("QtValuationMessages", "most likely"),
              "high": QT_TRANSLATE_NOOP("QtValuationMessages", "high"), "mean": QT_TRANSLATE_NOOP("QtValuationMessages", "mean"),
              "sd": QT_TRANSLATE_NOOP("QtValuationMessages", "standard deviation"), "min": QT_TRANSLATE_NOOP("QtValuationMessages", "minimum"),
              "max": QT_TRANSLATE_NOOP("QtValuationMessages", "maximum")}


def parameter_name(key: str) -> str:
    return _tr(PARAMETERS[key]) if key in PARAMETERS else key


def translate_problem(message: str) -> str:
    """One engine message (without its "path: ") in the window's language."""
    for pattern, text, convert in RULES:
        match = pattern.fullmatch(message)
        if match:
            return _tr(text).format(*(convert(match) if convert else match.groups()))
    return message


# The distribution kinds as a read-only field shows them ("triangular 0.018 / 0.02 / 0.022").
DISTRIBUTION_NAMES = {"triangular": QT_TRANSLATE_NOOP("QtValuationMessages", "triangular"),
                      "uniform": QT_TRANSLATE_NOOP("QtValuationMessages", "uniform"),
                      "normal": QT_TRANSLATE_NOOP("QtValuationMessages", "normal"),
                      "lognormal": QT_TRANSLATE_NOOP("QtValuationMessages", "lognormal")}


def distribution_name(kind: str) -> str:
    """A distribution's name in the window's language (the engine's key if unknown)."""
    return _tr(DISTRIBUTION_NAMES[kind]) if kind in DISTRIBUTION_NAMES else kind
