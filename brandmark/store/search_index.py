"""Asking the applicants' pair index (schema step 14, ``schema_search``) what ``LIKE`` would answer.

The register's search is: the name contains the fragment, or the credit code contains the
fragment's code form (``normalise_uscc``), both as ``LIKE '%…%'`` (ASCII letters fold case).
A fragment of two or more characters becomes the phrase of its folded character pairs,
which the index answers exactly (see ``schema_search``); ``None`` means the index cannot
answer and the caller scans with ``LIKE``: a side of one character, a NUL (where SQLite's
text functions stop), text that is not UTF-8, or a fragment longer than any indexed text.

>>> match_expression("杭州", "杭州")
'name_grams : "e69dade5b79e" OR code_triples : "xe69dade5b79e"*'
>>> match_expression("Ab-1", "AB1")
'name_grams : "6162 622d 2d31" OR code_triples : "x616231"'
>>> match_expression("--", "")
'name_grams : "2d2d"'
>>> match_expression("杭", "杭") is None
True
>>> pair_term("杭州"), pair_term("杭州市")
('e69dade5b79e', None)
"""

from __future__ import annotations

from brandmark.store.schema_search import CODE_MARK, MAX_INDEXED_LENGTH

# SQLite's lower() and LIKE fold ASCII letters only (no ICU); so does the index.
_ASCII_LOWER = {ord(c): ord(c) + 32 for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def phrase(fragment: str, size: int = 2, mark: str = "") -> str | None:
    """The FTS5 phrase of ``fragment``'s folded runs of ``size`` characters (each after ``mark``),
    or None when the index cannot answer."""
    folded = fragment.translate(_ASCII_LOWER)
    if not size <= len(folded) <= MAX_INDEXED_LENGTH or "\x00" in folded:
        return None
    try:
        runs = [mark + folded[i:i + size].encode("utf-8").hex() for i in range(len(folded) - size + 1)]
    except UnicodeEncodeError:        # a lone surrogate: LIKE refuses it the same way
        return None
    return '"' + " ".join(runs) + '"'


def pair_term(name_fragment: str) -> str | None:
    """The one index term of a two-character name fragment (its folded pair), or None."""
    folded = phrase(name_fragment)
    return folded.strip('"') if folded is not None and " " not in folded else None


def match_parts(name_fragment: str, code_fragment: str) -> tuple[str, str] | None:
    """The name side and the code side (``""``: names alone) of the MATCH text, or None to scan.

    A fragment of separators only has an empty code form, and an empty pattern would match
    every code: the register then searches names alone (``Applicants._where``).
    """
    name = phrase(name_fragment)
    if name is None:
        return None
    if not code_fragment:
        return f"name_grams : {name}", ""
    if "-" in code_fragment:              # only the padding is a '-' (normalise_uscc drops them)
        return None
    # Two characters: the triples that start with them (a prefix of whole characters' hex).
    code = phrase(code_fragment, 3, CODE_MARK) if len(code_fragment) >= 3 else phrase(code_fragment, 2, CODE_MARK)
    if code is None:
        return None
    return f"name_grams : {name}", f"code_triples : {code}" + ("*" if len(code_fragment) == 2 else "")


def match_expression(name_fragment: str, code_fragment: str) -> str | None:
    """The MATCH text for "name contains ``name_fragment`` or code contains ``code_fragment``"
    (an empty ``code_fragment``: the name alone), or None to scan."""
    parts = match_parts(name_fragment, code_fragment)
    if parts is None:
        return None
    name, code = parts
    return f"{name} OR {code}" if code else name
