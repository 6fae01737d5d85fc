"""The type checker passes on the core (``[tool.mypy]`` in pyproject.toml; the window is left out).

Run as a test rather than a step of ``.ci/run``, which runs exactly the README's test
command. Every core module is held to strict typing by the config's global flags (every
function annotated, no bare generics, no Any returned unnoticed), a new one included, and no
module is excused.
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


def test_no_module_is_excused_from_the_type_check():
    """Strictness is global: no ``[[tool.mypy.overrides]]`` may excuse a module or relax a flag
    (the known-debt list of issue 15 is gone), and the strict flags stay on for the whole core."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config.get("overrides", []) == []
    strict = ("disallow_untyped_defs", "disallow_incomplete_defs", "disallow_any_generics",
              "disallow_untyped_calls", "warn_return_any")
    assert {flag: config.get(flag) for flag in strict} == dict.fromkeys(strict, True)
