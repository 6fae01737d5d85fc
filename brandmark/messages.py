"""The message catalogue: a refusal's code and parameters turned into text, per language.

One TOML file per language in ``resources/messages/`` (``zh_CN.toml``, ``en.toml``), one
table per area, keyed by the code's last part: code ``"text.too_long"`` is
``[text] too_long = "..."``. The CLI shows both languages ("中文 / English"), the window
and the reports the one they speak. A code missing from a catalogue shows as the code
with its parameters, never as an exception.

>>> from brandmark.errors import Problem
>>> render_problem(Problem("text.empty", ("row", 12, "uscc")), "zh_CN")
'第 12 行 统一社会信用代码：不能为空'
>>> render_problem(Problem("text.empty", ("row", 12, "uscc")), "en")
'row 12, uscc: must not be empty'
"""

from __future__ import annotations

import functools
import tomllib

LANGUAGES = ("zh_CN", "en")


@functools.cache
def catalogue(language: str) -> dict[str, dict[str, str]]:
    """The catalogue of ``language`` (``zh_CN`` or ``en``) as ``{area: {name: template}}``."""
    from brandmark.paths import resources_dir

    if language not in LANGUAGES:
        language = "en"
    with open(resources_dir() / "messages" / f"{language}.toml", "rb") as handle:
        return tomllib.load(handle)


def template(code: str, language: str) -> str | None:
    area, _, name = code.rpartition(".")
    entry = catalogue(language).get(area, {}).get(name)
    return entry if isinstance(entry, str) else None


def describe_field(field, language: str) -> str:
    """A field path as a reader says it: ``("row", 12, "uscc")`` → ``第 12 行 统一社会信用代码``."""
    names = catalogue(language).get("fields", {})
    parts: list[str] = []
    items = list(field)
    index = 0
    while index < len(items):
        part = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if isinstance(part, str) and isinstance(following, int) and "{n}" in names.get(part, ""):
            parts.append(names[part].format(n=following))
            index += 2
            continue
        if isinstance(part, int):
            parts.append(f"[{part}]" if not parts else f"{parts.pop()}[{part}]")
        else:
            parts.append(names.get(part, part))
        index += 1
    joiner = " " if language == "zh_CN" else ", "
    return joiner.join(parts)


def render(code: str, params: dict, language: str) -> str:
    """The message of ``code`` in ``language`` (``zh_CN`` or ``en``) with ``params`` filled in."""
    if code == "text":
        # Ready prose from a refusal without a code of its own yet: shown whole.
        return str(params.get("text", ""))
    found = template(code, language)
    if found is None:
        shown = ", ".join(f"{key}={value}" for key, value in params.items())
        return f"{code} ({shown})" if shown else code
    try:
        return found.format_map(_Lenient(params))
    except (ValueError, IndexError):
        return found


class _Lenient(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def render_problem(problem, language: str = "bilingual") -> str:
    """One problem as text; ``bilingual`` joins the Chinese and the English with `` / ``."""
    if language == "bilingual":
        if problem.code == "text":
            return str(problem.params.get("text", ""))
        return f"{render_problem(problem, 'zh_CN')} / {render_problem(problem, 'en')}"
    message = render(problem.code, dict(problem.params), language)
    if not problem.field:
        return message
    where = describe_field(problem.field, language)
    return f"{where}：{message}" if language == "zh_CN" else f"{where}: {message}"
