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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from brandmark.errors import Problem

LANGUAGES = ("zh_CN", "en")


@functools.cache
def catalogue(language: str) -> dict[str, dict[str, str]]:
    """The catalogue of ``language`` (``zh_CN`` or ``en``) as ``{area: {name: template}}``."""
    import tomllib      # here: a command or a window that refuses nothing never parses TOML

    from brandmark.paths import resources_dir

    if language not in LANGUAGES:
        language = "en"
    with open(resources_dir() / "messages" / f"{language}.toml", "rb") as handle:
        return tomllib.load(handle)


def term(table: str, key: str) -> dict[str, str]:
    """A word in each language (``[table] key`` of the catalogues; the key where missing),
    as a parameter that reads in the language rendered: ``term("valuation_terms", "sd")``."""
    return {language: str(catalogue(language).get(table, {}).get(key, key)) for language in LANGUAGES}


def template(code: str, language: str) -> str | None:
    area, _, name = code.rpartition(".")
    entry = catalogue(language).get(area, {}).get(name)
    return entry if isinstance(entry, str) else None


def describe_field(field: Iterable[str | int], language: str, names: dict[str, str] | None = None,
                   items: dict[tuple[Any, ...], str] | None = None) -> str:
    """A field path as a reader says it: ``("row", 12, "uscc")`` → ``第 12 行 统一社会信用代码``.

    The one grammar of field paths. A path's parts are looked up in ``names`` (a reader's
    own vocabulary, e.g. the labels of a form) and then the catalogue's ``[fields]``;
    the longest run of parts that has an entry wins, spelled with ``.`` between names and
    ``[]`` for a position: ``"royalty_rate_range.low"``, ``"revenues[]"``,
    ``"contributory_assets[].amount"``. An entry's placeholders: ``{n}`` the position as
    the path gives it, ``{ordinal}`` the position counted from 1 (list positions count
    from 0: ``("revenues", 2)`` is year 3), ``{item}`` what ``items`` calls the thing at
    that position (``items[("contributory_assets", 0)]``; ``#1`` when unknown). A name
    whose entry has ``{n}`` takes the position or id after it (``row = "row {n}"``,
    ``item = "item {n}"``). A part
    with no entry shows as it is, a position as ``[2]`` after it.

    >>> describe_field(("revenues", 2), "en", {"revenues[]": "Revenue, year {ordinal}"})
    'Revenue, year 3'
    >>> describe_field(("contributory_assets", 0, "name"), "en")
    'contributory_assets[0], name'
    """
    known = {**catalogue(language).get("fields", {}), **(names or {})}
    parts: list[str] = []
    items_list = list(field)
    index = 0
    while index < len(items_list):
        for end in range(len(items_list), index, -1):
            span = items_list[index:end]
            key = _span_key(span)
            entry = known.get(key) if isinstance(span[0], str) else None
            if isinstance(entry, str):
                following = items_list[end] if end < len(items_list) else None
                consumed = None
                if "{n}" in entry and following is not None and not isinstance(span[-1], int):
                    span, end, consumed = span + [following], end + 1, following
                parts.append(_fill_span(entry, span, items_list[:end], items, consumed))
                index = end
                break
        else:
            part = items_list[index]
            if isinstance(part, int):
                parts.append(f"[{part}]" if not parts else f"{parts.pop()}[{part}]")
            else:
                parts.append(_label_half(str(part), language))
            index += 1
    joiner = " " if language == "zh_CN" else ", "
    return joiner.join(parts)


def _span_key(span: list[str | int]) -> str:
    key = ""
    for part in span:
        if isinstance(part, int):
            key += "[]"
        else:
            key += ("." if key else "") + str(part)
    return key


def _fill_span(entry: str, span: list[str | int], prefix: list[str | int], items: dict[tuple[Any, ...], str] | None,
               consumed: str | int | None = None) -> str:
    positions = [part for part in span if isinstance(part, int)]
    if consumed is not None and not isinstance(consumed, int):
        return entry.format_map(_Lenient(n=consumed))       # an id after its kind: "item {n}" → "item T1"
    if not positions:
        return entry.replace(" {n}", "").replace("{n}", "") if "{n}" in entry else entry
    position = positions[-1]
    last_int = max(i for i, part in enumerate(prefix) if isinstance(part, int))
    item = (items or {}).get(tuple(prefix[:last_int + 1])) or f"#{position + 1}"
    return entry.format_map(_Lenient(n=position, ordinal=position + 1, item=item))


def _label_half(label: str, language: str) -> str:
    """A part written as a bilingual label, "操作人 by", names the field in each language.

    Older callers of ``clean_text`` name their field so; a plain key stays as it is.

    >>> _label_half("操作人 by", "zh_CN"), _label_half("操作人 by", "en"), _label_half("file name", "zh_CN")
    ('操作人', 'by', 'file name')
    """
    chinese, _, english = label.partition(" ")
    if english and _has_cjk(chinese) and not _has_cjk(english):
        return chinese if language == "zh_CN" else english
    return label


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


def render(code: str, params: Mapping[str, Any], language: str) -> str:
    """The message of ``code`` in ``language`` (``zh_CN`` or ``en``) with ``params`` filled in."""
    if code == "text":
        # Ready prose from a refusal without a code of its own yet: shown whole.
        return str(params.get("text", ""))
    # A parameter given per language ({"zh_CN": "杭州市、…", "en": "hangzhou, …"}) shows the
    # value of the language rendered.
    params = {key: value[language] if isinstance(value, dict) and language in value else value
              for key, value in params.items()}
    found = template(code, language)
    if found is None:
        shown = ", ".join(f"{key}={value}" for key, value in params.items())
        return f"{code} ({shown})" if shown else code
    try:
        return found.format_map(_Lenient(params))
    except (ValueError, IndexError):
        return found


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(problem: Problem, language: str) -> str:
    """What is wrong, without the field in front: for a reader who sees the field already
    (a form marks it, a dialog is about it). A template that places ``{field}`` keeps it."""
    params = dict(problem.params)
    if problem.code == "text":
        return str(params.get("text", ""))
    found = template(problem.code, language)
    if found is not None and "{field}" in found:
        params["field"] = describe_field(problem.field, language)
    return render(problem.code, params, language)


def render_problem(problem: Problem, language: str = "bilingual") -> str:
    """One problem as text; ``bilingual`` joins the Chinese and the English with `` / ``.

    The field named leads (``地区：…`` / ``region: …``), unless the template places it
    itself with ``{field}`` (``"{field}不能为空"``).
    """
    if language == "bilingual":
        if problem.code == "text":
            return str(problem.params.get("text", ""))
        return f"{render_problem(problem, 'zh_CN')} / {render_problem(problem, 'en')}"
    message = render_message(problem, language)
    found = template(problem.code, language)
    if not problem.field or problem.code == "text" or (found is not None and "{field}" in found):
        return message
    where = describe_field(problem.field, language)
    return f"{where}：{message}" if language == "zh_CN" else f"{where}: {message}"
