"""Certificate numbers from a configurable pattern.

The pattern is a Python format string with the fields ``{body}`` (the body code),
``{scheme}`` (the scheme code), ``{year}`` (issue year) and ``{seq}`` (the sequence,
usually ``{seq:05d}``). The sequence counts per *prefix*: the pattern rendered with
everything except ``{seq}``, so a pattern with ``{year}`` restarts at 1 each year.

>>> render_number("{body}-{scheme}-{year}-{seq:05d}", body="BM", scheme="ZJM", year=2026, seq=1)
'BM-ZJM-2026-00001'
>>> sequence_prefix("{body}-{scheme}-{year}-{seq:05d}", body="BM", scheme="ZJM", year=2026)
'BM-ZJM-2026-{seq}'
"""

from __future__ import annotations

import re
import string

from brandmark.errors import RefusedInput

DEFAULT_PATTERN = "{body}-{scheme}-{year}-{seq:05d}"
FIELDS = ("body", "scheme", "year", "seq")
# Numbers end up in file names, QR payloads and URLs: keep them plain ASCII.
NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
CODE_RE = re.compile(r"^[A-Za-z0-9]{1,10}$")

# Scheme codes by family; other schemes use a setting or their id's initials.
FAMILY_CODES = {"zhejiang-made": "ZJM", "zhejiang-agri": "ZJA", "zhejiang-service": "ZJS"}


def check_pattern(pattern: str) -> str:
    """Refuse a pattern with unknown fields, without ``{seq}``, or making unusable numbers."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise RefusedInput.of("numbering.malformed", ("number_pattern",), pattern=repr(pattern), why=str(exc)) from None
    names = [name for _, name, _, _ in parsed if name is not None]
    unknown = sorted({n for n in names if n not in FIELDS})
    if unknown:
        raise RefusedInput.of("numbering.unknown_fields", ("number_pattern",), pattern=repr(pattern),
                              unknown=str(unknown), fields=", ".join("{" + f + "}" for f in FIELDS))
    if names.count("seq") != 1:
        raise RefusedInput.of("numbering.seq", ("number_pattern",), pattern=repr(pattern))
    try:
        sample = render_number(pattern, body="BM", scheme="ZJM", year=2026, seq=12345)
    except (ValueError, KeyError, IndexError) as exc:
        raise RefusedInput.of("numbering.unrenderable", ("number_pattern",), pattern=repr(pattern), why=str(exc)) from None
    if not NUMBER_RE.match(sample):
        raise RefusedInput.of("numbering.characters", ("number_pattern",), pattern=repr(pattern), sample=repr(sample))
    return pattern


def check_code(code: str, what: str) -> str:
    code = (code or "").strip()
    if not CODE_RE.match(code):
        # what: the code's bilingual label ("机构代码 body code"), read by the field grammar.
        raise RefusedInput.of("numbering.code", (what,), code=repr(code))
    return code


def render_number(pattern: str, *, body: str, scheme: str, year: int, seq: int) -> str:
    return pattern.format(body=body, scheme=scheme, year=year, seq=seq)


def sequence_prefix(pattern: str, *, body: str, scheme: str, year: int) -> str:
    """The key the sequence counts under: the pattern with every field but ``{seq}`` filled in."""
    out = []
    for literal, name, spec, conversion in string.Formatter().parse(pattern):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if name == "seq":
            out.append("{seq}")
        else:
            field = "{" + name + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            out.append(field.format(body=body, scheme=scheme, year=year))
    return "".join(out).replace("{{", "{").replace("}}", "}")


def default_scheme_code(scheme_id: str, family: str) -> str:
    """ZJM / ZJA / ZJS for the three families, else the initials of the scheme id (mini → MINI)."""
    if family in FAMILY_CODES:
        return FAMILY_CODES[family]
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", scheme_id) if p]
    code = "".join(p[0] for p in parts) if len(parts) > 1 else (parts[0] if parts else "X")
    return code.upper()[:10]
