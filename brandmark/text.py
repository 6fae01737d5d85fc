"""Free text the register keeps: cleaning what people type, and searching it with LIKE.

>>> clean_text("  丽水山耕 & 合作社 ", ("name",))
'丽水山耕 & 合作社'
>>> contains_pattern("50%_off")
'%50\\\\%\\\\_off%'
"""

from __future__ import annotations

import unicodedata

from brandmark.errors import FieldPath, RefusedInput

# Bidirectional embedding, override and isolate controls reorder how the text *looks*
# without changing what it is: "ABC\u202eDEF" can display as another company's name on a
# certificate or in a verification result. No Chinese or English text needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# The ESCAPE clause that goes with ``contains_pattern``: ``name LIKE ? ESCAPE '\'``.
LIKE_ESCAPE = "ESCAPE '\\'"


def clean_text(value: object, field: str | FieldPath, *, required: bool = False, max_length: int = 500,
               multiline: bool = False) -> str:
    """Trim, NFC-normalise and refuse control characters (bidi overrides included); quotes,
    ``<`` and ``&`` are fine.

    ``field`` is the path the refusal names (``("name",)``); a bilingual label
    (``"操作人 by"``) from older callers is still understood. ``multiline`` texts (notes,
    findings) keep their line breaks, as ``\\n``.

    >>> try:
    ...     clean_text(" ", ("name",), required=True)
    ... except RefusedInput as exc:
    ...     print(exc.problems[0].code, exc.message("en"))
    text.required name must not be empty
    """
    path = (field,) if isinstance(field, str) else tuple(field)
    text = unicodedata.normalize("NFC", "" if value is None else str(value)).strip()
    allowed = "\t"
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        allowed = "\t\n"
    if required and not text:
        raise RefusedInput.of("text.required", path)
    if len(text) > max_length:
        raise RefusedInput.of("text.over_length", path, length=len(text), limit=max_length)
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise RefusedInput.of("text.direction_control", path, codepoint=f"{ord(ch):04X}")
        if unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed:
            raise RefusedInput.of("text.control", path, codepoint=f"{ord(ch):04X}")
    return text


def contains_pattern(fragment: str) -> str:
    """A LIKE pattern matching text that contains ``fragment`` literally (``%`` and ``_`` too);
    use it with ``LIKE_ESCAPE``."""
    return "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
