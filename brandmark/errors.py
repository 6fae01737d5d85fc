"""Exceptions the core raises for input it refuses, and the refusal as data.

Every refusal is a ``RefusedInput`` carrying one or more ``Problem``s: a field (a path
such as ``("revenues", 2)`` or ``("row", 12, "uscc")``), a stable code and parameters.
The text is made from the message catalogue (``brandmark.messages``) by code, in the
language of whoever shows it: the CLI prints the bilingual line ("中文 / English"), the
window the half in its language and marks the field named. Nothing is parsed back out of
prose.

>>> exc = RefusedInput.of("text.too_long", field=("name",), limit=200, length=250)
>>> exc.problems[0].code
'text.too_long'
>>> exc.problems[0].message("en")
'name: too long (250 characters, at most 200)'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field as dataclass_field
from typing import Any

FieldPath = tuple[str | int, ...]


class BrandmarkError(Exception):
    """Base class for every error brandmark raises on purpose."""


@dataclass(frozen=True, eq=True)
class Problem:
    """One thing wrong with an input: where (``field``), what (``code``), with which values.

    ``code`` is a key of the message catalogue (``resources/messages/*.toml``); ``params``
    fill its placeholders. The special code ``"text"`` carries ready bilingual prose in
    ``params["text"]`` (older refusals not yet given a code of their own).
    """

    code: str
    field: FieldPath = ()
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)

    def message(self, language: str = "bilingual") -> str:
        """The problem as text: ``"zh_CN"``, ``"en"`` or ``"bilingual"`` (``中文 / English``)."""
        from brandmark.messages import render_problem
        return render_problem(self, language)

    def to_dict(self, language: str = "bilingual") -> dict:
        """JSON-ready: ``{"code", "field", "params", "message"}``."""
        return {"code": self.code, "field": list(self.field),
                "params": {k: _plain(v) for k, v in self.params.items()},
                "message": self.message(language)}

    def __str__(self) -> str:
        return self.message("bilingual")


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


class RefusedInput(BrandmarkError, ValueError):
    """The user's input was refused; nothing was written.

    Give it problems (``RefusedInput(problems=[...])`` or ``RefusedInput.of(code, ...)``);
    a plain message string is still accepted and becomes one ``"text"`` problem.
    ``str(exc)`` is the bilingual text, one problem a line.
    """

    def __init__(self, message: str | None = None, *, problems: Iterable[Problem] = ()):
        found = list(problems)
        if message is not None:
            found.insert(0, Problem("text", (), {"text": str(message)}))
        if not found:
            found = [Problem("text", (), {"text": "refused / refused"})]
        self.problems: list[Problem] = found
        super().__init__("\n".join(problem.message("bilingual") for problem in found))

    @classmethod
    def of(cls, code: str, field: FieldPath = (), /, **params) -> "RefusedInput":
        """A refusal with one problem: ``RefusedInput.of("uscc.length", ("uscc",), length=17)``."""
        return cls(problems=[Problem(code, tuple(field), params)])

    def message(self, language: str = "bilingual") -> str:
        """Every problem in ``language``, one a line."""
        return "\n".join(problem.message(language) for problem in self.problems)

    def to_dicts(self, language: str = "bilingual") -> list[dict]:
        return [problem.to_dict(language) for problem in self.problems]


class NotFound(RefusedInput):
    """A referenced record (applicant, assessment, pack...) does not exist."""


class PackError(RefusedInput):
    """A scheme pack is malformed. ``problems`` lists every ``FILE: item ID: reason``."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        # Still prose lines (issue 15 turns them into Problems); set after the base class
        # has made its single "text" problem from them.
        self.problems = list(problems)
