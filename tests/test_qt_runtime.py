"""The Qt binding in use keeps Python's reference counts right.

PySide6 6.12.0 drops a reference to ``None`` on every call of a void Qt method. On
Python 3.11, where ``None`` is not immortal, a window aborts after a few thousand such
calls ("Fatal Python error: none_dealloc"); pyproject.toml excludes that release there.
"""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("PySide6")

pytestmark = pytest.mark.gui
CALLS = 200          # few: on an affected binding every call costs one reference to None


def test_void_qt_calls_do_not_drop_references_to_none(qapp):
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.setObjectName("probe")
    dropped = before - sys.getrefcount(None)
    assert dropped < CALLS // 2, (
        f"PySide6 {pyside_version} on Python {sys.version.split()[0]} dropped {dropped} references to None "
        f"in {CALLS} calls: the window would abort after a few thousand calls. Install a PySide6 release "
        "without this bug (pyproject.toml excludes 6.12.0 before Python 3.12).")
