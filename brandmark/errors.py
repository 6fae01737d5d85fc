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
from typing import Any

FieldPath = tuple[str | int, ...]


class BrandmarkError(Exception):
    """Base class for every error brandmark raises on purpose."""


class Problem:
    """One thing wrong with an input: where (``field``), what (``code``), with which values.

    ``code`` is a key of the message catalogue (``resources/messages/*.toml``); ``params``
    fill its placeholders. The special code ``"text"`` carries ready bilingual prose in
    ``params["text"]`` (older refusals not yet given a code of their own).

    A frozen value, as a ``dataclass(frozen=True)`` would make it, written out: importing
    ``dataclasses`` (and ``inspect`` with it) costs every command a tenth of its start.

    >>> Problem("text.empty", ("row", 12)) == Problem("text.empty", ("row", 12), {})
    True
    >>> Problem("text.empty")
    Problem(code='text.empty', field=(), params={})
    """

    __match_args__ = ("code", "field", "params")
    code: str
    field: FieldPath
    params: Mapping[str, Any]

    def __init__(self, code: str, field: FieldPath = (), params: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "params", {} if params is None else params)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a Problem is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a Problem is frozen")

    def _values(self) -> tuple[str, FieldPath, Mapping[str, Any]]:
        return (self.code, self.field, self.params)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(code={self.code!r}, field={self.field!r}, params={self.params!r})"

    def message(self, language: str = "bilingual") -> str:
        """The problem as text: ``"zh_CN"``, ``"en"`` or ``"bilingual"`` (``中文 / English``)."""
        from brandmark.messages import render_problem
        return render_problem(self, language)

    def to_dict(self, language: str = "bilingual") -> dict[str, Any]:
        """JSON-ready: ``{"code", "field", "params", "message"}``."""
        return {"code": self.code, "field": list(self.field),
                "params": {k: _plain(v) for k, v in self.params.items()},
                "message": self.message(language)}

    def __str__(self) -> str:
        return self.message("bilingual")


def _plain(value: object) -> object:
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
    def of(cls, code: str, /, field: FieldPath = (), **params: Any) -> "RefusedInput":
        """A refusal with one problem: ``RefusedInput.of("uscc.length", ("uscc",), length=17)``."""
        return cls(problems=[Problem(code, tuple(field), params)])

    def message(self, language: str = "bilingual") -> str:
        """Every problem in ``language``, one a line."""
        return "\n".join(problem.message(language) for problem in self.problems)

    def to_dicts(self, language: str = "bilingual") -> list[dict[str, Any]]:
        return [problem.to_dict(language) for problem in self.problems]


class Cancelled(BrandmarkError):
    """A long operation stopped on request: the user pressed Cancel, or the progress
    callback said stop (a Monte Carlo run's returns False). ``done`` of ``total`` steps were
    made when it stopped (None when not counted)."""

    def __init__(self, done: int | None = None, total: int | None = None):
        self.done = done
        self.total = total
        super().__init__("cancelled" if done is None else f"cancelled after {done} of {total}")


class NotFound(RefusedInput):
    """A referenced record (applicant, assessment, pack...) does not exist."""


class PackError(RefusedInput):
    """A scheme pack is malformed.

    ``problems`` holds every problem (codes in the catalogue's ``[pack]`` table), each
    with the field ``(FILE, "item", ID, key)`` (or ``"pack"``, ``"rules"``, ``"section",
    ID``); the text lists them as ``FILE: item ID: reason`` lines (``lines``), in English,
    as pack authors and scripts have always read them.
    """

    def __init__(self, problems: Iterable[Problem | str]):
        found = [p if isinstance(p, Problem) else Problem("text", (), {"text": str(p)}) for p in problems]
        super().__init__(problems=found)
        self.args = ("\n".join(self.lines),)

    @property
    def lines(self) -> list[str]:
        return [pack_line(problem) for problem in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines)


def pack_line(problem: Problem) -> str:
    """``bad.toml: item T1: 'kind' = 'yesno'; use one of …`` for a pack problem.

    >>> pack_line(Problem("pack.duplicate_item", ("bad.toml", "item", "C1")))
    'bad.toml: item C1: the same item id is used twice'
    """
    from brandmark.messages import render

    if problem.code == "text" or not problem.field:
        return problem.message("en") if problem.code != "text" else str(problem.params.get("text", ""))
    source, *rest = problem.field
    words: list[str] = []
    index = 0
    while index < len(rest):
        part = rest[index]
        if part in ("section", "item") and index + 1 < len(rest):
            ident = rest[index + 1]
            words.append(f"{part} #{ident}" if isinstance(ident, int) else f"{part} {ident}")
            index += 2
        elif part in ("pack", "rules") and not words:
            words.append(str(part))
            index += 1
        else:
            break       # the key the reason names itself
    reason = render(problem.code, dict(problem.params), "en")
    return f"{source}: {' '.join(words)}: {reason}" if words else f"{source}: {reason}"
