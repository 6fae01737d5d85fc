"""Constants and helpers shared by the core tests (imported as ``support``; pytest puts
``tests/`` on ``sys.path`` because it has no ``__init__.py``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
MINI_PACK = FIXTURES / "mini.toml"
REPO = Path(__file__).resolve().parent.parent

FIXED_NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)

# Answers for the mini pack that grant: everything conforms, tests pass, points at target.
MINI_GRANT = {"V1": "pass", "T1": "97.0", "T2": ["0.20", "0.21"], "C1": "conform",
              "C2": "conform", "P1": 3, "P2": 2}
