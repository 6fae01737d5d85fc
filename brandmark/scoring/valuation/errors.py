"""The valuation engine's refusal, and the input file's paths (``Cancelled`` is brandmark's one).

A problem's field is its path in the input file as a tuple, ``("revenues", 2)`` or
``("contributory_assets", 0, "return")``; ``input_path`` writes it the way the file and
the Monte Carlo results name it (``revenues[2]``, ``contributory_assets[0].return``), and
``input_field`` reads such a name back.

>>> input_path(("contributory_assets", 0, "return")), input_field("royalty_rate_range.low")
('contributory_assets[0].return', ('royalty_rate_range', 'low'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Cancelled: the one for every long operation; the engine raises it when progress returns False.
from brandmark.errors import Cancelled, FieldPath, Problem, RefusedInput  # noqa: F401
from brandmark.messages import render

_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def input_path(field: FieldPath) -> str:
    """``("revenues", 2)`` → ``revenues[2]``; ``("royalty_rate_range", "low")`` → ``royalty_rate_range.low``."""
    text = ""
    for part in field:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def input_field(path: str) -> FieldPath:
    """The tuple of an input path: ``revenues[2]`` → ``("revenues", 2)``."""
    return tuple(int(index) if index else name for index, name in _PART.findall(path))


def problem_line(problem: Problem) -> str:
    """One problem as the CLI and the JSON files write it: ``revenues[2]: must be …`` (English)."""
    if problem.code == "text":
        return str(problem.params.get("text", ""))
    message = render(problem.code, dict(problem.params), "en")
    return f"{input_path(problem.field)}: {message}" if problem.field else message


class ValuationInputError(RefusedInput):
    """The valuation input was refused.

    ``problems`` holds every problem found (codes in the catalogue's ``[valuation]``
    table, fields as input paths); the text lists them one per line, in English, each
    starting with the field's input path, so a user fixes the whole file in one pass
    instead of meeting the errors one run at a time. A plain text line (the CLI's own
    options, ``--trials: …``) is accepted as it is.
    """

    def __init__(self, problems: Iterable[Problem | str]):
        found = [p if isinstance(p, Problem) else Problem("text", (), {"text": str(p)}) for p in problems]
        super().__init__(problems=found)
        self.args = ("\n".join(self.lines),)

    @property
    def lines(self) -> list[str]:
        """The problems as text lines (``problem_line``)."""
        return [problem_line(problem) for problem in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines)
