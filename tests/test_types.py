"""The type checker passes on the core (``[tool.mypy]`` in pyproject.toml; the window is left out).

Run as a test rather than a step of ``.ci/run``, which runs exactly the README's test
command. The modules in the config's strict list are fully annotated; the known-debt list
names the modules that do not pass yet, so every other module, a new one included, must.
"""

from __future__ import annotations

import subprocess
import sys

from support import REPO


def test_mypy_passes_on_the_core():
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context"],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert done.returncode == 0 and errors == [], "\n".join(errors) or done.stderr
